/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The sending side of an association (RFC 9260 6.1-6.4, 7): user messages
 * cut into DATA chunks, TSNs given on first transmission, retransmission
 * by T3-rtx and fast retransmit, and the peer's SACKs that free them.
 * Everything here is protected by the association's socket lock.
 */
#ifndef _NET_XSCTP_OUTQ_H
#define _NET_XSCTP_OUTQ_H

#include <linux/list.h>
#include <linux/timer.h>
#include <linux/types.h>
#include <uapi/linux/sctp.h>

#include <net/xsctp/rto.h>

struct xsctp_assoc;
struct xsctp_path;
struct xsctp_sack;
struct iov_iter;

/* One DATA chunk waiting to be sent or acknowledged. */
struct xsctp_tx_chunk {
	struct list_head node;	/* in outq->unsent, then outq->sent */
	u32 tsn;		/* once sent */
	u16 sid;
	u16 ssn;
	__be32 ppid;
	u8 flags;		/* XSCTP_DATA_* */
	bool acked;		/* gap-acked: received, not yet cumulatively */
	bool rtx;		/* to be sent again */
	bool in_flight;		/* counted in its path's flight */
	bool fast_rtx_done;	/* fast-retransmitted once already */
	u8 misses;		/* SACKs that reported a gap above it */
	u8 sends;
	u32 truesize;		/* charged to the socket's send buffer */
	struct xsctp_path *path;	/* where it was last sent */
	u32 context;		/* the message's, for SCTP_SEND_FAILED */
	u32 ttl;
	sctp_assoc_t info_id;	/* the sinfo_assoc_id it was sent with */
	u32 len;
	u8 data[];
};

/* What a user's message asks for (sendmsg's cmsgs, or the defaults). */
struct xsctp_send_info {
	u16 sid;
	u16 flags;		/* SCTP_UNORDERED, SCTP_SACK_IMMEDIATELY... */
	__be32 ppid;
	u32 context;		/* kept only to be told back on failure */
	u32 ttl;
	sctp_assoc_t assoc_id;
};

struct xsctp_outq {
	struct list_head unsent;	/* chunks without a TSN, in order */
	struct list_head sent;		/* by TSN, not cumulatively acked */
	u32 cum_ack;			/* the peer's Cumulative TSN Ack */
	u32 unsent_bytes;
	u32 outstanding;		/* chunks on ->sent */
	unsigned int rtx_waiting;	/* chunks on ->sent marked rtx */
	u16 *next_ssn;			/* per outbound stream */
	u16 num_streams;
	bool fast_recovery;		/* RFC 9260 7.2.4 */
	bool fast_rtx_now;		/* ... chunks just marked for it */
	u32 recover_tsn;		/* ... until this TSN is acked */
	unsigned int errors;		/* T3 expiries since the last ack */
	__be16 error;			/* why it ended: SCTP_SEND_FAILED's */
	struct xsctp_rtt_probe probe;
	struct xsctp_path *probe_path;	/* where the probed chunk went */
	struct timer_list t3;		/* every path's T3-rtx (timer.c) */
};

int xsctp_outq_start(struct xsctp_assoc *asoc, gfp_t gfp);
void xsctp_outq_stop(struct xsctp_assoc *asoc);
int xsctp_outq_add_msg(struct xsctp_assoc *asoc,
		       const struct xsctp_send_info *si,
		       struct iov_iter *from, size_t len);
bool xsctp_outq_empty(const struct xsctp_assoc *asoc);
void xsctp_outq_drop_ungranted(struct xsctp_assoc *asoc, u16 streams);
void xsctp_outq_sack(struct xsctp_assoc *asoc, const struct xsctp_sack *sack);
void xsctp_outq_t3_expired(struct xsctp_assoc *asoc, struct xsctp_path *p);
void xsctp_outq_retransmit_path(struct xsctp_assoc *asoc, struct xsctp_path *p);
int xsctp_outq_cookie_echo(struct xsctp_assoc *asoc);
void xsctp_outq_flush(struct xsctp_assoc *asoc);
u32 xsctp_outq_flight(const struct xsctp_assoc *asoc);
u32 xsctp_frag_point(const struct xsctp_assoc *asoc);

/* transmit.c */
struct xsctp_packet;
void xsctp_transmit(struct xsctp_assoc *asoc, bool sack);
void xsctp_transmit_established(struct xsctp_assoc *asoc);
void xsctp_transmit_with_cookie(struct xsctp_assoc *asoc,
				struct xsctp_packet *pkt);
u32 xsctp_now_us(void);

/* timer.c */
void xsctp_t3_restart(struct xsctp_assoc *asoc, struct xsctp_path *p);
void xsctp_t3_stop(struct xsctp_assoc *asoc, struct xsctp_path *p);
void xsctp_t3_stop_all(struct xsctp_assoc *asoc);
void xsctp_t3_fired(struct timer_list *t);

#endif /* _NET_XSCTP_OUTQ_H */
