// SPDX-License-Identifier: GPL-2.0
/*
 * ICMP and ICMPv6 errors about packets we sent. The quoted SCTP header
 * must name an association and carry its peer's tag; a quoted INIT (tag
 * 0) must carry our Initiate Tag instead (RFC 9260 appendix C), so an
 * attacker who cannot see our packets cannot forge one.
 *
 * A protocol unreachable (RFC 9260 10 rule 7) is an ABORT: during setup
 * it ends it with ENOPROTOOPT, as in Linux, and later the association
 * too, where Linux ignores it. A port unreachable is ignored (rule 2: the
 * peer's SCTP does not use it; Linux makes it a soft error). Other
 * unreachables are soft errors (SO_ERROR of a one-to-one socket when
 * nothing else failed) and, during a raced setup, send the INIT on to the
 * next address at once (sm.c). Fragmentation-needed and packet-too-big
 * lower the path's MTU (pmtu.c).
 */
#include <linux/icmp.h>
#include <linux/icmpv6.h>
#include <linux/unaligned.h>
#include <net/icmp.h>
#include <net/ip.h>
#include <net/ipv6.h>

#include <net/xsctp/chunk.h>
#include <net/xsctp/crc.h>
#include <net/xsctp/input.h>
#include <net/xsctp/lookup.h>
#include <net/xsctp/netns.h>
#include <net/xsctp/pmtu.h>
#include <net/xsctp/sm.h>
#include <net/xsctp/socket.h>

/* The common header and, for an INIT, its chunk header and Initiate Tag. */
#define QUOTE_LEN	(XSCTP_COMMON_HDR_LEN + XSCTP_CHUNK_HDR_LEN + 4)

static bool tag_ok(const struct xsctp_assoc *asoc, const u8 *sh, int len)
{
	u32 vtag = get_unaligned_be32(sh + 4);

	if (vtag)
		return vtag == asoc->peer_tag;
	return len >= QUOTE_LEN && sh[XSCTP_COMMON_HDR_LEN] == XSCTP_CID_INIT &&
	       get_unaligned_be32(sh + XSCTP_COMMON_HDR_LEN + 4) == asoc->local_tag;
}

static void act(struct xsctp_assoc *asoc, const struct xsctp_icmp *ic)
{
	struct sock *sk = asoc->sk;

	if (ic->kind == XSCTP_ICMP_PROTO_UNREACH) {
		xsctp_sm_proto_unreachable(asoc);
	} else if (ic->kind == XSCTP_ICMP_UNREACH) {
		if (!xsctp_one_to_many(sk))
			WRITE_ONCE(sk->sk_err_soft, ic->err);
		xsctp_sm_init_unreachable(asoc);
	}
}

/**
 * xsctp_icmp_rcv() - act on an ICMP error quoting one of our packets
 * @ic: what it said, and the quoted SCTP header (@ic->len bytes of it)
 */
void xsctp_icmp_rcv(const struct xsctp_icmp *ic)
{
	struct xsctp_assoc *asoc;
	struct sock *sk;

	XSCTP_INC_STATS(ic->net, XSCTP_MIB_IN_ICMP_ERRORS);
	if (ic->kind == XSCTP_ICMP_OTHER || ic->len < XSCTP_COMMON_HDR_LEN)
		return;
	asoc = xsctp_lookup_assoc(ic->net, get_unaligned_be16(ic->sh), &ic->peer);
	if (!asoc)
		return;
	sk = asoc->sk;
	bh_lock_sock(sk);
	if (asoc->dead || asoc->sk != sk || !tag_ok(asoc, ic->sh, ic->len))
		goto out;
	if (ic->kind == XSCTP_ICMP_TOO_BIG)
		xsctp_pmtu_icmp(asoc, ic);
	else if (!sock_owned_by_user(sk))
		act(asoc, ic);
	/*
	 * A user owns the socket: as sctp.ko, the error is dropped, but for
	 * one thing that cannot wait: an unreachable for the INIT, which
	 * often comes back while connect() is still sending it, ends the
	 * stagger now (its expiry sends the INIT on, sm.c).
	 */
	else if (ic->kind == XSCTP_ICMP_UNREACH)
		xsctp_stagger_hurry(asoc);
out:
	bh_unlock_sock(sk);
	xsctp_assoc_put(asoc);
}

int xsctp_v4_err(struct sk_buff *skb, u32 info)
{
	const struct iphdr *iph = (const struct iphdr *)skb->data;
	int type = icmp_hdr(skb)->type, code = icmp_hdr(skb)->code;
	struct xsctp_icmp ic = { .net = dev_net(skb->dev), .skb = skb };
	int off = iph->ihl * 4;

	ic.len = min_t(int, skb_headlen(skb) - off, QUOTE_LEN);
	ic.sh = skb->data + off;
	ic.peer.v4.sin_family = AF_INET;
	ic.peer.v4.sin_addr.s_addr = iph->daddr;
	if (ic.len >= 4)
		memcpy(&ic.peer.v4.sin_port, ic.sh + 2, 2);
	ic.kind = XSCTP_ICMP_OTHER;
	if (type == ICMP_DEST_UNREACH && code <= NR_ICMP_UNREACH) {
		ic.err = icmp_err_convert[code].errno;
		ic.kind = code == ICMP_PROT_UNREACH ? XSCTP_ICMP_PROTO_UNREACH :
			  code == ICMP_FRAG_NEEDED ? XSCTP_ICMP_TOO_BIG :
			  code == ICMP_PORT_UNREACH ? XSCTP_ICMP_OTHER :
			  XSCTP_ICMP_UNREACH;
		ic.mtu = info;
	}
	xsctp_icmp_rcv(&ic);
	return 0;
}

int xsctp_v6_err(struct sk_buff *skb, struct inet6_skb_parm *opt, u8 type,
		 u8 code, int offset, __be32 info)
{
	const struct ipv6hdr *ip6h = (const struct ipv6hdr *)skb->data;
	struct xsctp_icmp ic = { .net = dev_net(skb->dev), .skb = skb };

	ic.len = min_t(int, skb_headlen(skb) - offset, QUOTE_LEN);
	ic.sh = skb->data + offset;
	ic.peer.v6.sin6_family = AF_INET6;
	ic.peer.v6.sin6_addr = ip6h->daddr;
	if (ic.len >= 4)
		memcpy(&ic.peer.v6.sin6_port, ic.sh + 2, 2);
	ic.kind = XSCTP_ICMP_OTHER;
	if (type == ICMPV6_PARAMPROB && code == ICMPV6_UNK_NEXTHDR)
		ic.kind = XSCTP_ICMP_PROTO_UNREACH;
	else if (type == ICMPV6_DEST_UNREACH && code != ICMPV6_PORT_UNREACH)
		ic.kind = XSCTP_ICMP_UNREACH;
	else if (type == ICMPV6_PKT_TOOBIG)
		ic.kind = XSCTP_ICMP_TOO_BIG;
	ic.mtu = ntohl(info);
	icmpv6_err_convert(type, code, &ic.err);
	xsctp_icmp_rcv(&ic);
	return 0;
}
