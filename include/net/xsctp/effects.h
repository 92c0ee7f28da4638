/* SPDX-License-Identifier: GPL-2.0 */
/* Helpers of the real effects that the receive path shares. */
#ifndef _NET_XSCTP_EFFECTS_H
#define _NET_XSCTP_EFFECTS_H

#include <net/xsctp/assoc.h>

bool xsctp_source_for(struct sock *sk, const union xsctp_addr *dst,
		      u16 port, union xsctp_addr *src);
u32 xsctp_local_rwnd(const struct sock *sk);
int xsctp_send_skb_to_path(struct xsctp_assoc *asoc, struct xsctp_path *path,
			   u32 vtag, struct sk_buff *skb);
int xsctp_send_to_path(struct xsctp_assoc *asoc, struct xsctp_path *path,
		       u32 vtag, const u8 *chunks, size_t len);

#endif /* _NET_XSCTP_EFFECTS_H */
