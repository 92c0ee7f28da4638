/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The host's addresses that a socket bound to the wildcard lists in its
 * INIT and INIT ACK (laddr.c).
 */
#ifndef _NET_XSCTP_LADDR_H
#define _NET_XSCTP_LADDR_H

#include <net/xsctp/socket.h>

unsigned int xsctp_listed_addrs(struct sock *sk, const union xsctp_addr *peer,
				bool v4, bool v6,
				union xsctp_addr host[XSCTP_MAX_LADDRS],
				const union xsctp_addr **addrs);

#endif /* _NET_XSCTP_LADDR_H */
