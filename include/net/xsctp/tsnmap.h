/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Received-TSN tracking for one association: the cumulative TSN ack point,
 * out-of-order TSNs in a bounded window after it, and the duplicates to
 * report in the next SACK (RFC 9260 3.3.4 and 6.2). Pure: the caller owns
 * the bitmap storage, so memory per association is exactly what it gives.
 */
#ifndef _NET_XSCTP_TSNMAP_H
#define _NET_XSCTP_TSNMAP_H

#include <linux/types.h>

/* Duplicate TSNs remembered between two SACKs; more are only counted. */
#define XSCTP_TSN_MAP_MAX_DUPS	16

struct xsctp_tsn_map {
	unsigned long *bits;	/* ring: TSN t at bit (t % nbits) */
	u32 nbits;		/* a power of two, at most 65536 */
	u32 cum_tsn;		/* every TSN up to this one has arrived */
	u32 highest_tsn;	/* highest TSN seen, cum_tsn if none beyond */
	u16 num_dups;
	u32 dups_dropped;	/* duplicates beyond XSCTP_TSN_MAP_MAX_DUPS */
	u32 dups[XSCTP_TSN_MAP_MAX_DUPS];
};

enum xsctp_tsn_verdict {
	XSCTP_TSN_NEW,		/* first arrival: deliver it */
	XSCTP_TSN_DUPLICATE,	/* already received: report, do not deliver */
	XSCTP_TSN_BEYOND_WINDOW	/* too far ahead to track: drop it */
};

/* A gap ack block: TSNs cum_tsn + start .. cum_tsn + end have arrived. */
struct xsctp_gap_block {
	u16 start;
	u16 end;
};

int xsctp_tsn_map_init(struct xsctp_tsn_map *map, unsigned long *bits,
		       u32 nbits, u32 initial_tsn);
enum xsctp_tsn_verdict xsctp_tsn_map_check(const struct xsctp_tsn_map *map,
					   u32 tsn);
enum xsctp_tsn_verdict xsctp_tsn_map_mark(struct xsctp_tsn_map *map, u32 tsn);
unsigned int xsctp_tsn_map_gaps(const struct xsctp_tsn_map *map,
				struct xsctp_gap_block *blocks,
				unsigned int max_blocks, u32 *from);
unsigned int xsctp_tsn_map_take_dups(struct xsctp_tsn_map *map, u32 *dups,
				     unsigned int max_dups);

#endif /* _NET_XSCTP_TSNMAP_H */
