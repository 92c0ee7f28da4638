/* SPDX-License-Identifier: GPL-2.0 */
/*
 * SCTP over UDP (RFC 6951): per-namespace UDP tunnel sockets on
 * net.sctp.udp_port that take encapsulated packets in, and the sending
 * side's wrapping of packets for paths with a remote encapsulation port.
 */
#ifndef _NET_XSCTP_UDP_H
#define _NET_XSCTP_UDP_H

#include <net/net_namespace.h>

int xsctp_udp_set_port(struct net *net, int port);
void xsctp_udp_net_exit(struct net *net);
__be16 xsctp_udp_local_port(const struct net *net);

#endif /* _NET_XSCTP_UDP_H */
