/* SPDX-License-Identifier: GPL-2.0 */
/* bind(), automatic binding, and what a socket's local addresses are. */
#ifndef _NET_XSCTP_BIND_H
#define _NET_XSCTP_BIND_H

#include <linux/net.h>
#include <net/sock.h>

#include <net/xsctp/addr.h>

void xsctp_addr_rules(const struct sock *sk, struct xsctp_addr_rules *rules);
int xsctp_bind(struct socket *sock, struct sockaddr *uaddr, int len);
int xsctp_autobind(struct sock *sk);
int xsctp_bindx(struct sock *sk, const u8 *buf, int size, bool add);
void xsctp_unbind(struct sock *sk);

#endif /* _NET_XSCTP_BIND_H */
