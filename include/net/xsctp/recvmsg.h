/* SPDX-License-Identifier: GPL-2.0 */
/* recvmsg() on xsctp sockets (recvmsg.c). */
#ifndef _NET_XSCTP_RECVMSG_H
#define _NET_XSCTP_RECVMSG_H

#include <linux/socket.h>
#include <net/sock.h>

int xsctp_recvmsg(struct sock *sk, struct msghdr *msg, size_t len, int flags,
		  int *addr_len);

#endif /* _NET_XSCTP_RECVMSG_H */
