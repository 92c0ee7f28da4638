/* SPDX-License-Identifier: GPL-2.0 */
/* listen() and accept(). */
#ifndef _NET_XSCTP_ACCEPT_H
#define _NET_XSCTP_ACCEPT_H

#include <linux/net.h>
#include <net/sock.h>

int xsctp_listen(struct socket *sock, int backlog);
struct sock *xsctp_do_accept(struct sock *sk, int flags, int *err);

#endif /* _NET_XSCTP_ACCEPT_H */
