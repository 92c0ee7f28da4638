/* SPDX-License-Identifier: GPL-2.0 */
/* Sending SCTP packets over IPv4 and IPv6. */
#ifndef _NET_XSCTP_OUTPUT_H
#define _NET_XSCTP_OUTPUT_H

#include <net/sock.h>

#include <net/xsctp/addr.h>

/* Where a packet goes: both addresses of one family, with their ports. */
struct xsctp_pkt_addrs {
	union xsctp_addr src;	/* a wildcard address lets routing choose */
	union xsctp_addr dst;
	int oif;		/* 0: any interface */
	u32 vtag;
	__be16 encap_port;	/* RFC 6951: the peer's UDP port, or 0 */
	/* A path's DSCP and flow label (SCTP_PEER_ADDR_PARAMS); NULL: none */
	const struct xsctp_path_params *par;
	u32 mtu;		/* out: the MTU of the route taken */
};

struct sk_buff *xsctp_skb_alloc(size_t len);
int xsctp_output_skb(struct net *net, struct sock *sk,
		     struct xsctp_pkt_addrs *pa, struct sk_buff *skb);
int xsctp_route_source(struct net *net, struct sock *sk,
		       const union xsctp_addr *dst, union xsctp_addr *src);
int xsctp_output(struct net *net, struct sock *sk,
		 struct xsctp_pkt_addrs *pa, const u8 *chunks, size_t len);
struct sock *xsctp_ctl_sock(struct net *net, sa_family_t family);
int xsctp_output_init(void);
void xsctp_output_exit(void);

#endif /* _NET_XSCTP_OUTPUT_H */
