/* SPDX-License-Identifier: GPL-2.0 */
/* The association state machine: one function per event (see sm.c). */
#ifndef _NET_XSCTP_SM_H
#define _NET_XSCTP_SM_H

#include <net/xsctp/assoc.h>

void xsctp_sm_associate(struct xsctp_assoc *asoc);
void xsctp_sm_t1_expired(struct xsctp_assoc *asoc);
int xsctp_sm_init_ack(struct xsctp_assoc *asoc, const struct xsctp_init *ia,
		      const union xsctp_addr *src);
void xsctp_sm_cookie_ack(struct xsctp_assoc *asoc);
void xsctp_sm_abort(struct xsctp_assoc *asoc, const u8 *causes, u16 len);
void xsctp_sm_user_abort(struct xsctp_assoc *asoc);
void xsctp_sm_proto_unreachable(struct xsctp_assoc *asoc);
void xsctp_sm_dup_cookie_echo(struct xsctp_assoc *asoc,
			      struct xsctp_path *from);

#endif /* _NET_XSCTP_SM_H */
