/* SPDX-License-Identifier: GPL-2.0 */
/* Receiving IP protocol 132 (SCTP) packets and ICMP errors about them. */
#ifndef _NET_XSCTP_INPUT_H
#define _NET_XSCTP_INPUT_H

#include <linux/skbuff.h>
#include <net/ip.h>
#include <net/ipv6.h>

#include <net/xsctp/addr.h>
#include <net/xsctp/assoc.h>
#include <net/xsctp/output.h>
#include <net/xsctp/wire.h>

/*
 * What a received packet carries in skb->cb to its socket's backlog: the
 * IP layer's part, untouched (IPv6 keeps the arrival interface there),
 * then the UDP source port of an encapsulated packet (RFC 6951), or 0.
 */
struct xsctp_input_cb {
	union {
		struct inet_skb_parm h4;
		struct inet6_skb_parm h6;
	} header;
	__be16 encap_port;
};

static inline struct xsctp_input_cb *xsctp_input_cb(struct sk_buff *skb)
{
	BUILD_BUG_ON(sizeof(struct xsctp_input_cb) > sizeof(skb->cb));
	return (struct xsctp_input_cb *)skb->cb;
}

/* A received packet that passed the checks of xsctp_rx_parse(). */
struct xsctp_rx {
	struct net *net;
	union xsctp_addr src;		/* the peer's address and port */
	union xsctp_addr dst;		/* ours */
	int ifindex;			/* the interface it arrived on */
	u32 vtag;
	const u8 *pkt;			/* from the common header on */
	size_t len;
	struct xsctp_tlv_iter chunks;	/* what xsctp_wire_check_packet() left */
	bool report_unknown;
	bool refused_init_ack;		/* refused, but kept: see input.c */
	__be16 encap_port;		/* UDP-encapsulated: its source port */
};

/* An answer to @rx goes back where it came from, the way it came. */
static inline struct xsctp_pkt_addrs xsctp_reply_addrs(const struct xsctp_rx *rx,
						       u32 vtag)
{
	return (struct xsctp_pkt_addrs) {
		.src = rx->dst, .dst = rx->src, .vtag = vtag,
		.encap_port = rx->encap_port,
	};
}

int xsctp_rx_parse(struct sk_buff *skb, struct xsctp_rx *rx);
bool xsctp_rx_has_abort(const struct xsctp_rx *rx);
int xsctp_ip_rcv(struct sk_buff *skb, __be16 encap_port);
void xsctp_deliver(struct sock *sk, struct sk_buff *skb);
int xsctp_sk_rcv(struct sock *sk, struct sk_buff *skb);	/* receive.c */
void xsctp_assoc_rcv(struct xsctp_assoc *asoc, struct xsctp_rx *rx,
		     struct xsctp_tlv_iter it);
struct xsctp_assoc *xsctp_lookup_assoc_by_init(const struct xsctp_rx *rx);

/* passive.c: packets for a listening socket, without an association */
void xsctp_passive_rcv(struct sock *sk, struct xsctp_rx *rx);
bool xsctp_cookie_echo_for_assoc(struct xsctp_assoc *asoc,
				 struct xsctp_rx *rx,
				 const struct xsctp_chunk *c);
void xsctp_reply_init_ack(struct sock *sk, struct xsctp_rx *rx,
			  const struct xsctp_init *init,
			  const struct xsctp_init_ack_tags *tags);
void xsctp_reply_restart_abort(struct xsctp_rx *rx, u32 vtag,
			       const union xsctp_addr *addr);

/* ootb.c: answers to packets that belong to nothing (RFC 9260 8.4) */
void xsctp_ootb_rcv(struct xsctp_rx *rx);
#define XSCTP_ABORT_REPLY_CAUSES	120	/* the most an ABORT reply carries */
void xsctp_send_abort_reply(struct xsctp_rx *rx, u32 vtag, bool t_bit,
			    const u8 *causes, u16 len);

/* icmp.c: ICMP errors quoting one of our packets */
enum xsctp_icmp_kind {
	XSCTP_ICMP_OTHER,		/* not acted on (yet): counted only */
	XSCTP_ICMP_UNREACH,		/* host, net, port... unreachable */
	XSCTP_ICMP_PROTO_UNREACH,	/* no SCTP at the destination */
	XSCTP_ICMP_TOO_BIG,		/* fragmentation needed (pmtu.c) */
};

struct xsctp_icmp {
	struct net *net;
	union xsctp_addr peer;		/* the quoted packet's destination */
	const u8 *sh;			/* the quoted SCTP header ... */
	int len;			/* ... and how much of it is there */
	enum xsctp_icmp_kind kind;
	int err;			/* the errno it means */
	u32 mtu;			/* XSCTP_ICMP_TOO_BIG: the next hop's */
	struct sk_buff *skb;		/* the ICMP, at the quoted IP header */
};

void xsctp_icmp_rcv(const struct xsctp_icmp *ic);
int xsctp_v4_err(struct sk_buff *skb, u32 info);
int xsctp_v6_err(struct sk_buff *skb, struct inet6_skb_parm *opt, u8 type,
		 u8 code, int offset, __be32 info);

int xsctp_input_init(void);
void xsctp_input_exit(void);

#endif /* _NET_XSCTP_INPUT_H */
