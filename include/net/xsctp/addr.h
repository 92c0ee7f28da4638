/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Peer and local transport addresses: validation of what user space passes
 * to bind/connect/sctp_connectx, with Linux SCTP's rules (see
 * Documentation/addresses.rst). Pure functions: no sockets, no namespaces.
 */
#ifndef _NET_XSCTP_ADDR_H
#define _NET_XSCTP_ADDR_H

#include <linux/in.h>
#include <linux/in6.h>
#include <linux/socket.h>

union xsctp_addr {
	struct sockaddr sa;
	struct sockaddr_in v4;
	struct sockaddr_in6 v6;
};

/* What the socket accepts: its family, and IPV6_V6ONLY for AF_INET6. */
struct xsctp_addr_rules {
	sa_family_t family;
	bool v6only;
};

int xsctp_addr_len(sa_family_t family);
bool xsctp_addr_v4_usable(__be32 addr);
bool xsctp_addr_v6_usable(const struct in6_addr *addr);
int xsctp_addr_parse(union xsctp_addr *out, const void *buf, int len,
		     const struct xsctp_addr_rules *rules);
int xsctp_addr_parse_local(union xsctp_addr *out, const void *buf, int len,
			   const struct xsctp_addr_rules *rules);
struct xsctp_param;
bool xsctp_addr_from_param(union xsctp_addr *a, const struct xsctp_param *p,
			   __be16 port);
bool xsctp_addr_is_any(const union xsctp_addr *a);
bool xsctp_addr_equal(const union xsctp_addr *a, const union xsctp_addr *b);

#endif /* _NET_XSCTP_ADDR_H */
