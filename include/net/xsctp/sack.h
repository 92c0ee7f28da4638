/* SPDX-License-Identifier: GPL-2.0 */
/*
 * SACK chunks (RFC 9260 3.3.4): built from the receiver's TSN map, read
 * back into a view whose counts are checked against the chunk length.
 */
#ifndef _NET_XSCTP_SACK_H
#define _NET_XSCTP_SACK_H

#include <net/xsctp/tsnmap.h>
#include <net/xsctp/wire.h>

#define XSCTP_SACK_FIXED_LEN	12	/* after the chunk header */

struct xsctp_sack {
	u32 cum_tsn;
	u32 a_rwnd;
	u16 num_gaps;
	u16 num_dups;
	const u8 *gaps;		/* num_gaps (start, end) pairs of be16 */
	const u8 *dups;		/* num_dups be32 TSNs */
	bool no_gap_info;	/* a SHUTDOWN's: gap blocks unknown, not none */
};

int xsctp_sack_build(u8 *buf, size_t room, struct xsctp_tsn_map *map,
		     u32 a_rwnd);
enum xsctp_wire_err xsctp_sack_parse(const struct xsctp_chunk *c,
				     struct xsctp_sack *sack);
struct xsctp_gap_block xsctp_sack_gap(const struct xsctp_sack *sack,
				      unsigned int i);
u32 xsctp_sack_dup(const struct xsctp_sack *sack, unsigned int i);

#endif /* _NET_XSCTP_SACK_H */
