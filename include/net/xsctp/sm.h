/* SPDX-License-Identifier: GPL-2.0 */
/* The association state machine: one function per event (see sm.c). */
#ifndef _NET_XSCTP_SM_H
#define _NET_XSCTP_SM_H

#include <net/xsctp/assoc.h>

struct xsctp_cookie;

/* RFC 9260 5.2.4, table 7: a valid cookie for an association that exists. */
enum xsctp_cookie_case {
	XSCTP_CK_DISCARD,	/* none of the table's rows */
	XSCTP_CK_RESTART,	/* A: the peer restarted */
	XSCTP_CK_COLLISION,	/* B: setup collision */
	XSCTP_CK_LATE,		/* C: our own late cookie; discarded */
	XSCTP_CK_DUPLICATE,	/* D: the peer missed our COOKIE ACK */
};

/* Not an event: how sm.c and sm_shutdown.c end an association that fails. */
void xsctp_sm_fail(struct xsctp_assoc *asoc, int err, const u8 *causes,
		   u16 len);

void xsctp_sm_associate(struct xsctp_assoc *asoc);
void xsctp_sm_t1_expired(struct xsctp_assoc *asoc);
int xsctp_sm_init_ack(struct xsctp_assoc *asoc, const struct xsctp_init *ia,
		      const union xsctp_addr *src);
void xsctp_sm_bad_init_ack(struct xsctp_assoc *asoc, struct xsctp_rx *rx,
			   u32 peer_tag, const u8 *cause, u16 len);
void xsctp_sm_cookie_ack(struct xsctp_assoc *asoc);
void xsctp_sm_abort(struct xsctp_assoc *asoc, const u8 *causes, u16 len);
void xsctp_sm_user_abort(struct xsctp_assoc *asoc);
void xsctp_sm_violation(struct xsctp_assoc *asoc, const u8 *cause, u16 len);
void xsctp_sm_no_user_data(struct xsctp_assoc *asoc, u32 tsn);
void xsctp_sm_acked_unsent(struct xsctp_assoc *asoc);
void xsctp_sm_proto_unreachable(struct xsctp_assoc *asoc);
void xsctp_sm_dup_cookie_echo(struct xsctp_assoc *asoc,
			      struct xsctp_path *from);
void xsctp_sm_init(struct xsctp_assoc *asoc, struct xsctp_rx *rx,
		   const struct xsctp_init *init);
void xsctp_assoc_take_cookie_peer(struct xsctp_assoc *asoc,
				  const struct xsctp_cookie *ck);
enum xsctp_cookie_case xsctp_cookie_case(const struct xsctp_assoc *asoc,
					 const struct xsctp_cookie *ck);
void xsctp_sm_collision_cookie(struct xsctp_assoc *asoc,
			       struct xsctp_path *from,
			       const struct xsctp_cookie *ck);
void xsctp_sm_restart_cookie(struct xsctp_assoc *asoc, struct xsctp_rx *rx,
			     struct xsctp_path *from,
			     const struct xsctp_cookie *ck);
void xsctp_sm_stale_cookie(struct xsctp_assoc *asoc, u32 stale_us);

/* sm_shutdown.c */
void xsctp_sm_shutdown(struct xsctp_assoc *asoc);
void xsctp_sm_acked(struct xsctp_assoc *asoc);
void xsctp_sm_shutdown_rcv(struct xsctp_assoc *asoc);
void xsctp_sm_shutdown_ack_rcv(struct xsctp_assoc *asoc);
void xsctp_sm_shutdown_complete_rcv(struct xsctp_assoc *asoc);
void xsctp_sm_data_rcv(struct xsctp_assoc *asoc);
void xsctp_sm_data_sent(struct xsctp_assoc *asoc);
void xsctp_sm_autoclose_expired(struct xsctp_assoc *asoc);
void xsctp_sm_t5_expired(struct xsctp_assoc *asoc);
void xsctp_sm_stagger_expired(struct xsctp_assoc *asoc);
void xsctp_sm_init_unreachable(struct xsctp_assoc *asoc);
void xsctp_sm_t2_expired(struct xsctp_assoc *asoc);
void xsctp_sm_retrans_exceeded(struct xsctp_assoc *asoc);

#endif /* _NET_XSCTP_SM_H */
