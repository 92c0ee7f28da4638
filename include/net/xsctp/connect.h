/* SPDX-License-Identifier: GPL-2.0 */
/* connect() and the sctp_connectx() socket options. */
#ifndef _NET_XSCTP_CONNECT_H
#define _NET_XSCTP_CONNECT_H

#include <linux/net.h>
#include <uapi/linux/sctp.h>

struct xsctp_assoc;

int xsctp_connect_locked(struct sock *sk, const u8 *buf, int size,
			 bool nonblock, sctp_assoc_t *id,
			 const struct sctp_initmsg *init);
int xsctp_wait_for_connect(struct sock *sk, struct xsctp_assoc *asoc,
			   long timeo);
int xsctp_connect(struct socket *sock, struct sockaddr *uaddr, int addr_len,
		  int flags);

#endif /* _NET_XSCTP_CONNECT_H */
