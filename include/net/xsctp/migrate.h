/* SPDX-License-Identifier: GPL-2.0 */
/*
 * An association moving to a socket of its own: accept() on a one-to-one
 * listener, SCTP_SOCKOPT_PEELOFF on a one-to-many socket.
 */
#ifndef _NET_XSCTP_MIGRATE_H
#define _NET_XSCTP_MIGRATE_H

#include <net/sock.h>

#include <net/xsctp/assoc.h>

struct sock *xsctp_sock_clone(struct sock *sk);
void xsctp_assoc_migrate(struct sock *sk, struct sock *newsk,
			 struct xsctp_assoc *asoc);
int xsctp_peeloff(struct sock *sk, char __user *optval, int len,
		  int __user *optlen, bool with_flags);

#endif /* _NET_XSCTP_MIGRATE_H */
