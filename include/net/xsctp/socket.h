/* SPDX-License-Identifier: GPL-2.0 */
/* The SCTP socket family: struct proto, proto_ops and protosw entries. */
#ifndef _NET_XSCTP_SOCKET_H
#define _NET_XSCTP_SOCKET_H

#include <net/inet_sock.h>
#include <linux/ipv6.h>

/* An xsctp socket; grows with the association layer. */
struct xsctp_sock {
	struct inet_sock inet;
};

/*
 * The IPv6 flavour. ipv6_pinfo must stay last: kernels before 6.5 find it
 * at the end of the object (see COMPAT_HAVE_IPV6_PINFO_OFFSET).
 */
struct xsctp6_sock {
	struct xsctp_sock xsctp;
	struct ipv6_pinfo inet6;
};

int xsctp_socket_init(void);
void xsctp_socket_exit(void);

#endif /* _NET_XSCTP_SOCKET_H */
