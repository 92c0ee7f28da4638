// SPDX-License-Identifier: GPL-2.0
/*
 * Sending SCTP packets: a common header, the chunks a caller wrote, the
 * CRC32c, then IPv4 or IPv6. As Linux, the CRC32c is left to the device
 * when the route's device computes SCTP checksums (NETIF_F_SCTP_CRC:
 * veth, loopback, NICs with the offload); otherwise, and for packets in
 * UDP (RFC 6951) or IPsec, it is computed here.
 *
 * Packets of an association leave through its socket. Answers without an
 * association (INIT ACK, ABORT to out-of-the-blue packets) leave through a
 * per-namespace control socket: a kernel raw socket, never hashed, so it
 * receives nothing; the IP layer only reads its settings (TTL, marks).
 *
 * Each packet is routed when it is sent; the route's MTU goes back to the
 * caller, so a path follows what the IP layer learns (pmtu.c).
 */
#include <linux/skbuff.h>
#include <linux/unaligned.h>
#include <net/inet_common.h>
#include <net/ip.h>
#include <net/ip6_route.h>
#include <net/ipv6.h>
#include <net/route.h>
#include <net/udp_tunnel.h>

#include <net/xsctp/crc.h>
#include <net/xsctp/netns.h>
#include <net/xsctp/output.h>
#include <net/xsctp/socket.h>
#include <net/xsctp/udp.h>

/**
 * xsctp_skb_alloc() - a packet to fill
 * @len: bytes of chunks it will hold after the common header
 *
 * Return: an skb holding the (unset) common header, with headroom for
 * IP and UDP, or NULL.
 */
struct sk_buff *xsctp_skb_alloc(size_t len)
{
	struct sk_buff *skb;

	skb = alloc_skb(MAX_HEADER + XSCTP_COMMON_HDR_LEN + len, GFP_ATOMIC);
	if (!skb)
		return NULL;
	skb_reserve(skb, MAX_HEADER);
	skb_reset_transport_header(skb);
	skb_put(skb, XSCTP_COMMON_HDR_LEN);
	return skb;
}

static void put_common_header(struct sk_buff *skb,
			      const struct xsctp_pkt_addrs *pa)
{
	u8 *h = skb_transport_header(skb);

	put_unaligned_be16(ntohs(pa->src.v4.sin_port), h);
	put_unaligned_be16(ntohs(pa->dst.v4.sin_port), h + 2);
	put_unaligned_be32(pa->vtag, h + 4);
	put_unaligned_le32(0, h + XSCTP_CRC_OFFSET);
}

/*
 * The CRC32c, by the device when it can (CHECKSUM_PARTIAL with
 * csum_not_inet: the core computes it in software if the packet ends up
 * on a device that cannot), else now. Also now for a packet IP may
 * fragment (packet.c): IP fragmentation resolves a pending checksum as
 * the Internet one, which would overwrite the CRC32c.
 */
static void set_crc(struct sk_buff *skb, const struct dst_entry *dst,
		    bool encapsulated)
{
	u8 *h = skb_transport_header(skb);

	if ((dst->dev->features & NETIF_F_SCTP_CRC) && !dst_xfrm(dst) &&
	    !encapsulated && !skb->ignore_df && compat_skb_mark_crc32c(skb)) {
		skb->ip_summed = CHECKSUM_PARTIAL;
		skb->csum_start = skb_transport_header(skb) - skb->head;
		skb->csum_offset = XSCTP_CRC_OFFSET;
		return;
	}
	put_unaligned_le32(le32_to_cpu(xsctp_packet_crc(h, skb->len)),
			   h + XSCTP_CRC_OFFSET);
	skb->ip_summed = CHECKSUM_NONE;
}

/*
 * The TOS byte or traffic class: the path's DSCP when the user set one
 * (SPP_DSCP; it replaces the whole byte, as in Linux), else the socket's.
 */
static u8 tos_of(const struct xsctp_pkt_addrs *pa, u8 sock_tos)
{
	if (pa->par && (pa->par->flags & XSCTP_PP_DSCP))
		return pa->par->dscp;
	return sock_tos;
}

static u8 tos_v4(const struct sock *sk, const struct xsctp_pkt_addrs *pa)
{
	return tos_of(pa, READ_ONCE(inet_sk(sk)->tos));
}

static u8 tclass_v6(const struct sock *sk, const struct xsctp_pkt_addrs *pa)
{
	return tos_of(pa, sk->sk_family == AF_INET6 ?
			  READ_ONCE(inet6_sk(sk)->tclass) : 0);
}

/* SPP_IPV6_FLOWLABEL; otherwise 0, and IPv6 picks one (auto_flowlabels). */
static __be32 flowlabel_of(const struct xsctp_pkt_addrs *pa)
{
	if (pa->par && (pa->par->flags & XSCTP_PP_FLOWLABEL))
		return htonl(pa->par->flowlabel) & IPV6_FLOWLABEL_MASK;
	return 0;
}

/*
 * RFC 6951: in a UDP datagram from our tunnel port to the peer's. SCTP's
 * CRC32c is already in place; UDP adds its own checksum.
 */
static void tunnel_v4(struct net *net, struct sock *sk, struct sk_buff *skb,
		      struct rtable *rt, const struct flowi4 *fl4,
		      const struct xsctp_pkt_addrs *pa)
{
	__be16 df = ip_dont_fragment(sk, &rt->dst) ? htons(IP_DF) : 0;

	local_bh_disable();
	udp_tunnel_xmit_skb(rt, sk, skb, fl4->saddr, fl4->daddr,
			    tos_v4(sk, pa),
			    ip4_dst_hoplimit(&rt->dst), df,
			    xsctp_udp_local_port(net), pa->encap_port, false,
			    false);
	local_bh_enable();
}

static void tunnel_v6(struct net *net, struct sock *sk, struct sk_buff *skb,
		      struct dst_entry *dst, struct flowi6 *fl6,
		      const struct xsctp_pkt_addrs *pa)
{
	u8 tclass = tclass_v6(sk, pa);

	local_bh_disable();
	udp_tunnel6_xmit_skb(dst, sk, skb, NULL, &fl6->saddr, &fl6->daddr,
			     tclass, ip6_dst_hoplimit(dst), 0,
			     xsctp_udp_local_port(net), pa->encap_port, false);
	local_bh_enable();
}

/* Encapsulated when the peer has a UDP port and our tunnel is open. */
static bool encapsulated(struct net *net, const struct xsctp_pkt_addrs *pa)
{
	return pa->encap_port && xsctp_udp_local_port(net);
}

/*
 * A packet IP may fragment (packet.c) leaves without DF and with an IP ID
 * of its own, as __ip_queue_xmit() sends it: ip_build_and_send_pkt()
 * gives every packet of a PMTU-discovering socket DF and the ID 0, and
 * the fragments of two such packets would collide in the peer's
 * reassembly.
 */
static int xmit_v4_fragmentable(struct net *net, struct sock *sk,
				struct sk_buff *skb, const struct flowi4 *fl4,
				u8 tos)
{
	int ttl = READ_ONCE(inet_sk(sk)->uc_ttl);
	struct iphdr *iph;

	skb_push(skb, sizeof(*iph));
	skb_reset_network_header(skb);
	iph = ip_hdr(skb);
	iph->version = 4;
	iph->ihl = 5;
	iph->tos = tos;
	iph->ttl = ttl < 0 ? ip4_dst_hoplimit(skb_dst(skb)) : ttl;
	iph->protocol = IPPROTO_SCTP;
	iph->saddr = fl4->saddr;
	iph->daddr = fl4->daddr;
	iph->frag_off = 0;
	__ip_select_ident(net, iph, 1);
	skb->priority = READ_ONCE(sk->sk_priority);
	skb->mark = READ_ONCE(sk->sk_mark);
	return ip_local_out(net, sk, skb);
}

/**
 * xsctp_route_source() - the source address the routing table picks
 * @net: the namespace
 * @sk: the socket sending
 * @dst: where to
 * @src: that source address (its family and address set)
 *
 * Return: 0, or the route lookup's error.
 */
int xsctp_route_source(struct net *net, struct sock *sk,
		       const union xsctp_addr *dst, union xsctp_addr *src)
{
	struct dst_entry *d;
	struct flowi6 fl6 = {
		.flowi6_proto = IPPROTO_SCTP,
		.flowi6_mark = READ_ONCE(sk->sk_mark),
		.flowi6_uid = sock_net_uid(net, sk),
	};
	struct flowi4 fl4 = {};
	struct rtable *rt;

	src->sa.sa_family = dst->sa.sa_family;
	if (dst->sa.sa_family == AF_INET) {
		flowi4_init_output(&fl4, 0, READ_ONCE(sk->sk_mark), 0,
				   RT_SCOPE_UNIVERSE, IPPROTO_SCTP, 0,
				   dst->v4.sin_addr.s_addr, 0, 0, 0,
				   sock_net_uid(net, sk));
		rt = ip_route_output_flow(net, &fl4, sk);
		if (IS_ERR(rt))
			return PTR_ERR(rt);
		ip_rt_put(rt);
		src->v4.sin_addr.s_addr = fl4.saddr;
		return 0;
	}
	fl6.flowi6_oif = dst->v6.sin6_scope_id;
	fl6.daddr = dst->v6.sin6_addr;
	d = ip6_dst_lookup_flow(net, sk, &fl6, NULL);
	if (IS_ERR(d))
		return PTR_ERR(d);
	dst_release(d);
	src->v6.sin6_addr = fl6.saddr;
	return 0;
}

static int xmit_v4(struct net *net, struct sock *sk, struct sk_buff *skb,
		   struct xsctp_pkt_addrs *pa)
{
	struct flowi4 fl4 = {};
	struct rtable *rt;

	flowi4_init_output(&fl4, pa->oif, READ_ONCE(sk->sk_mark), 0,
			   RT_SCOPE_UNIVERSE, IPPROTO_SCTP, 0,
			   pa->dst.v4.sin_addr.s_addr, pa->src.v4.sin_addr.s_addr,
			   pa->dst.v4.sin_port, pa->src.v4.sin_port,
			   sock_net_uid(net, sk));
	rt = ip_route_output_flow(net, &fl4, sk);
	if (IS_ERR(rt)) {
		kfree_skb(skb);
		return PTR_ERR(rt);
	}
	pa->src.v4.sin_addr.s_addr = fl4.saddr;
	pa->mtu = dst_mtu(&rt->dst);
	set_crc(skb, &rt->dst, encapsulated(net, pa));
	if (encapsulated(net, pa)) {
		tunnel_v4(net, sk, skb, rt, &fl4, pa);
		return 0;
	}
	skb_dst_set(skb, &rt->dst);
	if (skb->ignore_df)
		return xmit_v4_fragmentable(net, sk, skb, &fl4, tos_v4(sk, pa));
	return ip_build_and_send_pkt(skb, sk, fl4.saddr, fl4.daddr, NULL,
				     tos_v4(sk, pa));
}

static int xmit_v6(struct net *net, struct sock *sk, struct sk_buff *skb,
		   struct xsctp_pkt_addrs *pa)
{
	struct flowi6 fl6 = {
		.flowi6_proto = IPPROTO_SCTP,
		.flowi6_oif = pa->oif ?: pa->dst.v6.sin6_scope_id,
		.flowi6_mark = READ_ONCE(sk->sk_mark),
		.daddr = pa->dst.v6.sin6_addr,
		.saddr = pa->src.v6.sin6_addr,
		.fl6_dport = pa->dst.v6.sin6_port,
		.fl6_sport = pa->src.v6.sin6_port,
		.flowi6_uid = sock_net_uid(net, sk),
		.flowlabel = flowlabel_of(pa),
	};
	struct dst_entry *dst;

	dst = ip6_dst_lookup_flow(net, sk, &fl6, NULL);
	if (IS_ERR(dst)) {
		kfree_skb(skb);
		return PTR_ERR(dst);
	}
	pa->src.v6.sin6_addr = fl6.saddr;
	pa->mtu = dst_mtu(dst);
	set_crc(skb, dst, encapsulated(net, pa));
	if (encapsulated(net, pa)) {
		tunnel_v6(net, sk, skb, dst, &fl6, pa);
		return 0;
	}
	skb_dst_set(skb, dst);
	return ip6_xmit(sk, skb, &fl6, READ_ONCE(sk->sk_mark), NULL,
			tclass_v6(sk, pa), READ_ONCE(sk->sk_priority));
}

/**
 * xsctp_output_skb() - send one packet built by the caller
 * @net: the namespace
 * @sk: the socket it leaves through (an association's, or a control one)
 * @pa: addresses, ports and verification tag; a wildcard source is
 *	replaced by the one the route chose, and @pa->mtu is set to the
 *	route's MTU. With a remote UDP port, and the namespace's tunnel
 *	open, the packet goes in UDP (RFC 6951).
 * @skb: from xsctp_skb_alloc(), the chunks after its common header
 *
 * Return: 0, or why the packet could not leave (no route, no memory).
 */
int xsctp_output_skb(struct net *net, struct sock *sk,
		     struct xsctp_pkt_addrs *pa, struct sk_buff *skb)
{
	put_common_header(skb, pa);
	if (pa->dst.sa.sa_family == AF_INET6)
		return xmit_v6(net, sk, skb, pa);
	return xmit_v4(net, sk, skb, pa);
}

/**
 * xsctp_output() - send one packet of the chunks in @chunks
 * @net: the namespace
 * @sk: the socket it leaves through
 * @pa: as for xsctp_output_skb()
 * @chunks: the chunks, padded
 * @len: their length
 *
 * Return: 0, or why the packet could not leave.
 */
int xsctp_output(struct net *net, struct sock *sk,
		 struct xsctp_pkt_addrs *pa, const u8 *chunks, size_t len)
{
	struct sk_buff *skb = xsctp_skb_alloc(len);

	if (!skb)
		return -ENOMEM;
	skb_put_data(skb, chunks, len);
	return xsctp_output_skb(net, sk, pa, skb);
}

/* The control socket of @family in @net, for answers without a socket. */
struct sock *xsctp_ctl_sock(struct net *net, sa_family_t family)
{
	struct xsctp_net *xn = xsctp_net(net);

	return family == AF_INET6 ? xn->ctl6 : xn->ctl4;
}

static int __net_init xsctp_output_net_init(struct net *net)
{
	struct xsctp_net *xn = xsctp_net(net);
	int err;

	err = inet_ctl_sock_create(&xn->ctl4, PF_INET, SOCK_RAW, IPPROTO_SCTP, net);
	if (err)
		return err;
	err = inet_ctl_sock_create(&xn->ctl6, PF_INET6, SOCK_RAW, IPPROTO_SCTP, net);
	if (err) {
		inet_ctl_sock_destroy(xn->ctl4);
		xn->ctl4 = NULL;
	}
	return err;
}

static void __net_exit xsctp_output_net_exit(struct net *net)
{
	struct xsctp_net *xn = xsctp_net(net);

	inet_ctl_sock_destroy(xn->ctl6);
	inet_ctl_sock_destroy(xn->ctl4);
	xn->ctl4 = NULL;
	xn->ctl6 = NULL;
}

static struct pernet_operations xsctp_output_ops = {
	.init = xsctp_output_net_init,
	.exit = xsctp_output_net_exit,
};

int xsctp_output_init(void)
{
	return register_pernet_subsys(&xsctp_output_ops);
}

void xsctp_output_exit(void)
{
	unregister_pernet_subsys(&xsctp_output_ops);
}
