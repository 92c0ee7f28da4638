// SPDX-License-Identifier: GPL-2.0
/*
 * The receive side of IP protocol 132 for IPv4 and IPv6: check a packet
 * whole (checksum, chunk structure), find the association or listening
 * socket it belongs to, and hand it over with that socket locked, or
 * queue it on the socket's backlog when a user holds the socket.
 *
 * Claiming the protocol is also how xsctp and sctp.ko keep out of each
 * other's way: the kernel lets exactly one handler own a protocol number,
 * so whichever module loads second fails to claim it and unloads.
 */
#include <linux/module.h>
#include <linux/skbuff.h>
#include <linux/unaligned.h>
#include <net/ip.h>
#include <net/ipv6.h>
#include <net/protocol.h>
#include <net/route.h>

#include <net/xsctp/crc.h>
#include <net/xsctp/input.h>
#include <net/xsctp/lookup.h>
#include <net/xsctp/netns.h>
#include <net/xsctp/socket.h>

static void rx_addrs(struct sk_buff *skb, struct xsctp_rx *rx)
{
	const u8 *h = skb_transport_header(skb);

	memset(&rx->src, 0, sizeof(rx->src));
	memset(&rx->dst, 0, sizeof(rx->dst));
	if (ip_hdr(skb)->version == 4) {
		rx->src.v4.sin_family = AF_INET;
		rx->src.v4.sin_addr.s_addr = ip_hdr(skb)->saddr;
		rx->dst.v4.sin_family = AF_INET;
		rx->dst.v4.sin_addr.s_addr = ip_hdr(skb)->daddr;
	} else {
		rx->src.v6.sin6_family = AF_INET6;
		rx->src.v6.sin6_addr = ipv6_hdr(skb)->saddr;
		rx->dst.v6.sin6_family = AF_INET6;
		rx->dst.v6.sin6_addr = ipv6_hdr(skb)->daddr;
		if (ipv6_addr_type(&rx->src.v6.sin6_addr) & IPV6_ADDR_LINKLOCAL)
			rx->src.v6.sin6_scope_id = rx->ifindex;
	}
	/* sin_port and sin6_port share their offset. */
	memcpy(&rx->src.v4.sin_port, h, 2);
	memcpy(&rx->dst.v4.sin_port, h + 2, 2);
}

/*
 * A packet the codec refused whose first chunk is an INIT ACK (bundled
 * with other chunks, which RFC 9260 6.10 forbids, or shorter than its
 * fixed fields) is kept for the association it answers, with no chunk to
 * walk: its setup ends with an ABORT (Protocol Violation), as on Linux,
 * rather than T1-init asking the same peer again for the same answer.
 * Any other refused packet is dropped.
 */
static bool refused_init_ack(struct xsctp_rx *rx, enum xsctp_wire_err err)
{
	if (err == XSCTP_WIRE_SHORT_PACKET || err == XSCTP_WIRE_NO_CHUNKS ||
	    rx->pkt[XSCTP_COMMON_HDR_LEN] != XSCTP_CID_INIT_ACK)
		return false;
	rx->chunks.pos = rx->chunks.end;
	rx->refused_init_ack = true;
	return true;
}

/**
 * xsctp_rx_parse() - describe a linear packet whose data is its SCTP part
 * @skb: the packet
 * @rx: filled in
 *
 * Return: 0, or the counter explaining the drop (an XSCTP_MIB_* value).
 */
int xsctp_rx_parse(struct sk_buff *skb, struct xsctp_rx *rx)
{
	enum xsctp_wire_err err;

	rx->net = dev_net(skb->dev);
	rx->ifindex = ip_hdr(skb)->version == 4 ? inet_iif(skb) : inet6_iif(skb);
	rx->pkt = skb->data;
	rx->len = skb->len;
	rx->refused_init_ack = false;
	err = xsctp_wire_check_packet(rx->pkt, rx->len, &rx->chunks,
				      &rx->report_unknown);
	if (err && !refused_init_ack(rx, err))
		return XSCTP_MIB_IN_MALFORMED;
	/* RFC 9260 3.1: port 0 is never used, so not even to answer. */
	if (!get_unaligned_be16(rx->pkt) || !get_unaligned_be16(rx->pkt + 2))
		return XSCTP_MIB_IN_MALFORMED;
	rx->vtag = get_unaligned_be32(rx->pkt + 4);
	rx->encap_port = xsctp_input_cb(skb)->encap_port;
	rx_addrs(skb, rx);
	return 0;
}

/**
 * xsctp_rx_has_abort() - is there an ABORT among the packet's chunks?
 * @rx: the packet
 *
 * RFC 9260 9.1, 8.4 rule 2: nothing answers a packet that holds one.
 *
 * Return: true if one of its chunks to process is an ABORT.
 */
bool xsctp_rx_has_abort(const struct xsctp_rx *rx)
{
	struct xsctp_tlv_iter it = rx->chunks;
	struct xsctp_chunk c;

	while (xsctp_wire_next_chunk(&it, &c))
		if (c.type == XSCTP_CID_ABORT)
			return true;
	return false;
}

/* Process under the socket lock now, or later from the backlog. */
void xsctp_deliver(struct sock *sk, struct sk_buff *skb)
{
	bh_lock_sock(sk);
	if (!sock_owned_by_user(sk))
		xsctp_sk_rcv(sk, skb);
	else if (sk_add_backlog(sk, skb, READ_ONCE(sk->sk_rcvbuf)))
		kfree_skb(skb);
	bh_unlock_sock(sk);
}

/*
 * SCTP is unicast (RFC 9260 8.4 rule 1, 11.1): a packet to a broadcast or
 * multicast address, even in a unicast frame, is dropped before anything
 * could answer from that address, as by Linux's sctp_v4_addr_valid().
 */
static bool to_unicast(struct sk_buff *skb)
{
	const struct rtable *rt;

	if (ip_hdr(skb)->version != 4)
		return !ipv6_addr_is_multicast(&ipv6_hdr(skb)->daddr);
	rt = skb_rtable(skb);
	return !ipv4_is_multicast(ip_hdr(skb)->daddr) &&
	       !ipv4_is_lbcast(ip_hdr(skb)->daddr) &&
	       !(rt && (rt->rt_flags & (RTCF_BROADCAST | RTCF_MULTICAST)));
}

static bool checksum_ok(struct sk_buff *skb)
{
	return skb_csum_unnecessary(skb) ||
	       xsctp_packet_crc_ok(skb->data, skb->len);
}

/**
 * xsctp_ip_rcv() - an SCTP packet, whose data starts at its common header
 * @skb: the packet, consumed
 * @encap_port: the UDP source port it came in (udp.c), or 0
 *
 * Return: 0.
 */
int xsctp_ip_rcv(struct sk_buff *skb, __be16 encap_port)
{
	struct net *net = dev_net(skb->dev);
	struct xsctp_assoc *asoc;
	struct xsctp_rx rx;
	struct sock *sk;
	int drop = XSCTP_MIB_IN_MALFORMED;

	xsctp_input_cb(skb)->encap_port = encap_port;
	XSCTP_INC_STATS(net, XSCTP_MIB_IN_PACKETS);
	if (skb->pkt_type != PACKET_HOST || !to_unicast(skb) ||
	    skb_linearize(skb))
		goto discard;
	if (!checksum_ok(skb)) {
		drop = XSCTP_MIB_IN_CSUM_ERRORS;
		goto discard;
	}
	drop = xsctp_rx_parse(skb, &rx);
	if (drop)
		goto discard;

	asoc = xsctp_lookup_assoc(net, ntohs(rx.dst.v4.sin_port), &rx.src);
	if (!asoc)
		asoc = xsctp_lookup_assoc_by_init(&rx);
	if (asoc) {
		/* accept() may move it to another socket: hold the one seen. */
		sk = READ_ONCE(asoc->sk);
		sock_hold(sk);
		xsctp_assoc_put(asoc);
		xsctp_deliver(sk, skb);
		sock_put(sk);
		return 0;
	}
	drop = XSCTP_MIB_IN_MALFORMED;
	if (rx.refused_init_ack)
		goto discard;
	sk = xsctp_lookup_listener(net, ntohs(rx.dst.v4.sin_port), &rx.dst);
	if (sk) {
		xsctp_deliver(sk, skb);
		sock_put(sk);
		return 0;
	}
	xsctp_ootb_rcv(&rx);
	consume_skb(skb);
	return 0;

discard:
	XSCTP_INC_STATS(net, drop);
	XSCTP_INC_STATS(net, XSCTP_MIB_IN_DISCARDS);
	kfree_skb(skb);
	return 0;
}

/* IP protocol 132: SCTP straight over IP. */
static int xsctp_rcv(struct sk_buff *skb)
{
	return xsctp_ip_rcv(skb, 0);
}

static const struct net_protocol xsctp_v4_protocol = {
	.handler = xsctp_rcv,
	.err_handler = xsctp_v4_err,
	.no_policy = 1,
	.icmp_strict_tag_validation = 1,
};

static const struct inet6_protocol xsctp_v6_protocol = {
	.handler = xsctp_rcv,
	.err_handler = xsctp_v6_err,
	.flags = INET6_PROTO_NOPOLICY | INET6_PROTO_FINAL,
};

int xsctp_input_init(void)
{
	if (inet_add_protocol(&xsctp_v4_protocol, IPPROTO_SCTP) < 0)
		goto err_taken;
	if (inet6_add_protocol(&xsctp_v6_protocol, IPPROTO_SCTP) < 0)
		goto err_del_v4;
	return 0;

err_del_v4:
	inet_del_protocol(&xsctp_v4_protocol, IPPROTO_SCTP);
err_taken:
	pr_err("IP protocol 132 already has a handler (is sctp.ko loaded?); not loading\n");
	return -EBUSY;
}

void xsctp_input_exit(void)
{
	/* Both wait for receivers in flight (synchronize_net). */
	inet6_del_protocol(&xsctp_v6_protocol, IPPROTO_SCTP);
	inet_del_protocol(&xsctp_v4_protocol, IPPROTO_SCTP);
}
