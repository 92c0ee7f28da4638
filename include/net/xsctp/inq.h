/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The receiving side of an association (RFC 9260 6.2, 6.5, 6.6): DATA
 * chunks tracked by TSN, reassembled and ordered per stream, delivered to
 * the socket's receive queue, and acknowledged by SACKs, delayed as 6.2
 * allows. Protected by the association's socket lock.
 */
#ifndef _NET_XSCTP_INQ_H
#define _NET_XSCTP_INQ_H

#include <linux/timer.h>

#include <net/xsctp/reasm.h>
#include <net/xsctp/tsnmap.h>

struct xsctp_assoc;
struct xsctp_chunk;
struct xsctp_path;

/* TSNs tracked beyond the cumulative point: 512 bytes of bitmap. */
#define XSCTP_TSN_WINDOW	4096

struct xsctp_inq {
	struct xsctp_tsn_map map;
	unsigned long *map_bits;
	struct xsctp_reasm reasm;
	u16 *next_ssn;			/* per inbound stream */
	struct list_head stalled;	/* a message not yet on the socket */
	bool stalled_eor;
	u32 frag_mem;			/* allocated for fragments held */
	bool refused;			/* a chunk found no room, this packet */
	int bad_sid;			/* to report in an ERROR, or -1 */
	unsigned int unacked_packets;	/* with DATA, since our last SACK */
	bool got_data;			/* in the packet being processed */
	bool sack_now;			/* something 6.2 says not to delay */
	bool data_seen;			/* since the start or restart */
	bool cookie_ack_due;		/* goes first, with the SACK (5.1 C) */
	u16 unrecognized_len;
	const u8 *unrecognized;		/* a chunk to report, in the packet */
	u32 rwnd_sent;			/* the a_rwnd of our last SACK */
	struct xsctp_path *last_from;	/* where the last DATA came from */
	struct timer_list sack_timer;	/* the delayed SACK */
};

int xsctp_inq_start(struct xsctp_assoc *asoc, gfp_t gfp);
void xsctp_inq_stop(struct xsctp_assoc *asoc);
void xsctp_inq_data(struct xsctp_assoc *asoc, struct xsctp_path *from,
		    const struct xsctp_chunk *c);
void xsctp_inq_packet_done(struct xsctp_assoc *asoc);
int xsctp_inq_put_sack(struct xsctp_assoc *asoc, u8 *buf, size_t room);
int xsctp_inq_put_error(const struct xsctp_inq *in, u8 *buf, size_t room);
u32 xsctp_inq_rwnd(const struct xsctp_assoc *asoc);
void xsctp_inq_read(struct xsctp_assoc *asoc);
bool xsctp_inq_sack_pending(const struct xsctp_assoc *asoc);

/* timer.c */
void xsctp_sack_timer_arm(struct xsctp_assoc *asoc, u32 ms);
void xsctp_sack_timer_stop(struct xsctp_assoc *asoc);
void xsctp_sack_timer_fired(struct timer_list *t);

#endif /* _NET_XSCTP_INQ_H */
