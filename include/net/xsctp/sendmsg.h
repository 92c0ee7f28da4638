/* SPDX-License-Identifier: GPL-2.0 */
/* sendmsg(), send(), sendto() and write() on SCTP sockets. */
#ifndef _NET_XSCTP_SENDMSG_H
#define _NET_XSCTP_SENDMSG_H

#include <linux/socket.h>
#include <net/sock.h>

int xsctp_sendmsg(struct sock *sk, struct msghdr *msg, size_t len);
int xsctp_wspace(const struct sock *sk);
void xsctp_write_space(struct sock *sk);

#endif /* _NET_XSCTP_SENDMSG_H */
