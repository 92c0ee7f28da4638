// SPDX-License-Identifier: GPL-2.0
/*
 * A checked packet, processed with its socket locked: the chunks for one
 * of the socket's associations go to the state machine after the
 * verification-tag rules of RFC 9260 8.5; a packet without an association
 * goes to the listener code (passive.c) or is out of the blue (ootb.c).
 */
#include <linux/slab.h>
#include <linux/unaligned.h>
#include <net/sock.h>

#include <net/xsctp/cause.h>
#include <net/xsctp/defaults.h>
#include <net/xsctp/chunk.h>
#include <net/xsctp/crc.h>
#include <net/xsctp/effects.h>
#include <net/xsctp/heartbeat.h>
#include <net/xsctp/input.h>
#include <net/xsctp/lookup.h>
#include <net/xsctp/netns.h>
#include <net/xsctp/outq.h>
#include <net/xsctp/output.h>
#include <net/xsctp/path.h>
#include <net/xsctp/sack.h>
#include <net/xsctp/serial.h>
#include <net/xsctp/sm.h>
#include <net/xsctp/socket.h>

/* RFC 9260 8.5 and 8.5.1: does this chunk carry an acceptable tag? */
static bool vtag_ok(const struct xsctp_assoc *asoc, const struct xsctp_rx *rx,
		    const struct xsctp_chunk *c)
{
	switch (c->type) {
	case XSCTP_CID_INIT:
		return rx->vtag == 0;
	case XSCTP_CID_ABORT:
	case XSCTP_CID_SHUTDOWN_COMPLETE:
		if (c->flags & XSCTP_CHUNK_FLAG_T)
			return asoc->peer_tag && rx->vtag == asoc->peer_tag;
		return rx->vtag == asoc->local_tag;
	case XSCTP_CID_COOKIE_ECHO:
		return true;	/* the cookie's own tag is checked instead */
	default:
		return rx->vtag == asoc->local_tag;
	}
}

static bool setting_up(const struct xsctp_assoc *asoc)
{
	return asoc->state == XSCTP_S_COOKIE_WAIT ||
	       asoc->state == XSCTP_S_COOKIE_ECHOED;
}

/*
 * An association from connect() gets its id when the peer answers, as
 * Linux's sctp_process_init() does: a CANT_STR_ASSOC before that says 0.
 * Without an id the INIT ACK is ignored, and T1 tries again.
 */
static bool needs_id(const struct xsctp_assoc *asoc)
{
	return !asoc->id && asoc->state == XSCTP_S_COOKIE_WAIT;
}

/*
 * An INIT ACK. As Linux's sctp_process_init(), messages queued on streams
 * it does not grant fail before the association gets its id (their
 * SCTP_SEND_FAILED says 0 unless connectx() gave one).
 */
static void init_ack_rcv(struct xsctp_assoc *asoc, const struct xsctp_init *ia,
			 const union xsctp_addr *src)
{
	if (asoc->state == XSCTP_S_COOKIE_WAIT)
		xsctp_outq_drop_ungranted(asoc, min(asoc->cfg.num_ostreams,
						    ia->num_inbound));
	if (!needs_id(asoc) || !xsctp_assoc_set_id(asoc, GFP_ATOMIC))
		xsctp_sm_init_ack(asoc, ia, src);
}

/* An INIT ACK the codec refused: the setup ends with the cause. */
static void bad_init_ack_rcv(struct xsctp_assoc *asoc, struct xsctp_rx *rx,
			     const struct xsctp_init *ia,
			     enum xsctp_wire_err err)
{
	u8 cause[XSCTP_ABORT_REPLY_CAUSES];
	int n;

	n = xsctp_cause_put_init_err(cause, sizeof(cause), err, ia);
	if (n > 0)
		xsctp_sm_bad_init_ack(asoc, rx, ia->init_tag, cause, n);
}

/*
 * A packet whose first chunk is an INIT ACK the codec refused (input.c):
 * the ABORT goes to the Initiate Tag when the chunk is long enough to hold
 * one, else to our own tag with the T bit, as Linux's
 * sctp_sf_abort_violation() does. Only COOKIE-WAIT acts on it.
 */
static void refused_init_ack_rcv(struct xsctp_assoc *asoc,
				 struct xsctp_rx *rx)
{
	const u8 *c = rx->pkt + XSCTP_COMMON_HDR_LEN;
	size_t left = rx->len - XSCTP_COMMON_HDR_LEN;
	u8 cause[XSCTP_ABORT_REPLY_CAUSES];
	u32 peer_tag = 0;
	int n;

	XSCTP_INC_STATS(rx->net, XSCTP_MIB_IN_MALFORMED);
	if (rx->vtag != asoc->local_tag)
		return;
	if (left >= XSCTP_CHUNK_HDR_LEN + XSCTP_INIT_FIXED_LEN &&
	    get_unaligned_be16(c + 2) >= XSCTP_CHUNK_HDR_LEN + XSCTP_INIT_FIXED_LEN)
		peer_tag = get_unaligned_be32(c + XSCTP_CHUNK_HDR_LEN);
	n = xsctp_cause_put(cause, sizeof(cause), XSCTP_CAUSE_PROTOCOL_VIOLATION,
			    NULL, 0);
	if (n > 0)
		xsctp_sm_bad_init_ack(asoc, rx, peer_tag, cause, n);
}

/*
 * An INIT (RFC 9260 5.2.1, 5.2.2: the peer restarts, or both sides start
 * at once) or an INIT ACK, parsed on the heap: it is large.
 */
static void init_rcv(struct xsctp_assoc *asoc, struct xsctp_rx *rx,
		     const struct xsctp_chunk *c)
{
	struct xsctp_init *init = kmalloc(sizeof(*init), GFP_ATOMIC);
	enum xsctp_wire_err err;

	if (!init)
		return;
	err = xsctp_wire_parse_init(c, init);
	if (err != XSCTP_WIRE_OK) {
		XSCTP_INC_STATS(rx->net, XSCTP_MIB_IN_MALFORMED);
		if (c->type == XSCTP_CID_INIT_ACK &&
		    err != XSCTP_WIRE_CHUNK_TOO_SHORT)
			bad_init_ack_rcv(asoc, rx, init, err);
	} else if (c->type == XSCTP_CID_INIT) {
		xsctp_sm_init(asoc, rx, init);
	} else {
		init_ack_rcv(asoc, init, &rx->src);
	}
	kfree(init);
}

/* RFC 9260 5.2.6: of the ERROR causes, only a Stale Cookie acts (yet). */
static void error_rcv(struct xsctp_assoc *asoc, const struct xsctp_chunk *c)
{
	struct xsctp_tlv_iter it;
	struct xsctp_cause cause;
	enum xsctp_wire_err err;

	xsctp_causes(c, &it);
	while (xsctp_cause_next(&it, &cause, &err)) {
		if (cause.code == XSCTP_CAUSE_STALE_COOKIE) {
			xsctp_sm_stale_cookie(asoc, xsctp_cause_u32(&cause));
			return;
		}
	}
}

/* At most XSCTP_HB_ACKS_PER_SEC answers in each second. */
static bool hb_ack_allowed(struct xsctp_assoc *asoc, struct xsctp_rx *rx)
{
	if (time_after_eq(jiffies, asoc->hb_acks_since + HZ)) {
		asoc->hb_acks_since = jiffies;
		asoc->hb_acks = 0;
	}
	if (asoc->hb_acks < XSCTP_HB_ACKS_PER_SEC) {
		asoc->hb_acks++;
		return true;
	}
	XSCTP_INC_STATS(rx->net, XSCTP_MIB_HB_ACKS_LIMITED);
	return false;
}

/*
 * RFC 9260 8.3: a HEARTBEAT ACK echoes the HEARTBEAT's parameters, the
 * Heartbeat Info and any after it, unchanged (SHOULD), to where it came
 * from, at a bounded rate; not for a packet that also holds an ABORT
 * (9.1: nothing answers one).
 */
static void heartbeat_rcv(struct xsctp_assoc *asoc, struct xsctp_rx *rx,
			  const struct xsctp_chunk *c)
{
	struct xsctp_pkt_addrs pa = xsctp_reply_addrs(rx, asoc->peer_tag);
	struct xsctp_heartbeat hb;
	u8 *buf;
	int n;

	if (xsctp_heartbeat_parse(c, &hb) != XSCTP_WIRE_OK ||
	    xsctp_rx_has_abort(rx) || !hb_ack_allowed(asoc, rx))
		return;
	buf = kmalloc(c->len + 3, GFP_ATOMIC);
	if (!buf)
		return;
	n = xsctp_wire_put_chunk(buf, c->len + 3, XSCTP_CID_HEARTBEAT_ACK, 0,
				 c->value, c->len - XSCTP_CHUNK_HDR_LEN);
	if (n > 0)
		xsctp_output(rx->net, asoc->sk, &pa, buf, n);
	kfree(buf);
}

/* A SACK, or the Cumulative TSN Ack a SHUTDOWN carries (RFC 9260 9.2). */
static void sack_rcv(struct xsctp_assoc *asoc, struct xsctp_rx *rx,
		     const struct xsctp_chunk *c)
{
	struct xsctp_sack sack = { .a_rwnd = asoc->peer_rwnd };
	enum xsctp_wire_err err;

	if (c->type == XSCTP_CID_SACK)
		err = xsctp_sack_parse(c, &sack);
	else
		err = xsctp_tsn_chunk_parse(c, &sack.cum_tsn);
	if (err != XSCTP_WIRE_OK) {
		XSCTP_INC_STATS(rx->net, XSCTP_MIB_IN_MALFORMED);
		return;
	}
	if (!asoc->out.next_ssn)
		return;		/* not established: nothing was sent */
	/* RFC 9260 6: discarded once ours is all acked, as by Linux (SHOULD). */
	if (c->type == XSCTP_CID_SACK &&
	    (asoc->state == XSCTP_S_SHUTDOWN_SENT ||
	     asoc->state == XSCTP_S_SHUTDOWN_ACK_SENT))
		return;
	if (!xsctp_tsn_lt(sack.cum_tsn, asoc->next_tsn)) {
		xsctp_sm_acked_unsent(asoc);
		return;
	}
	if (c->type == XSCTP_CID_SHUTDOWN) {
		sack.a_rwnd = asoc->peer_rwnd + xsctp_outq_flight(asoc);
		sack.no_gap_info = true;
	}
	xsctp_outq_sack(asoc, &sack);
	if (c->type == XSCTP_CID_SACK)
		xsctp_sm_acked(asoc);
}

/*
 * RFC 9260 3.2: an unknown chunk whose type asks to be reported. The
 * first of the packet is quoted in an ERROR (Unrecognized Chunk Type),
 * ahead of the SACK when the packet brought DATA (xsctp_inq_put_error()),
 * alone otherwise; it points into the packet, so it is told before the
 * packet is done with. Not before the peer's tag is known.
 */
static void unknown_rcv(struct xsctp_assoc *asoc, const struct xsctp_chunk *c)
{
	struct xsctp_inq *in = &asoc->in;

	if (!xsctp_wire_chunk_reported(c->type) || in->unrecognized ||
	    !asoc->peer_tag)
		return;
	in->unrecognized = c->value - XSCTP_CHUNK_HDR_LEN;
	in->unrecognized_len = c->len;
}

/* The ERROR goes back where the chunk came from, if confirmed (5.4). */
static void report_unknown(struct xsctp_assoc *asoc, struct xsctp_rx *rx)
{
	struct xsctp_path *from = xsctp_assoc_find_path(asoc, &rx->src);
	size_t room = XSCTP_CHUNK_HDR_LEN + XSCTP_PARAM_HDR_LEN +
		      ALIGN(asoc->in.unrecognized_len, 4);
	u8 *buf = kmalloc(room, GFP_ATOMIC);
	int n;

	if (!buf)
		return;
	n = xsctp_inq_put_error(&asoc->in, buf, room);
	if (n > 0 && from)
		xsctp_send_to_path(asoc, xsctp_path_reply_to(asoc, from),
				   asoc->peer_tag, buf, n);
	kfree(buf);
}

/* Chunks of an association that has just been created from this packet's
 * COOKIE ECHO (passive.c) are processed from @it on.
 */
void xsctp_assoc_rcv(struct xsctp_assoc *asoc, struct xsctp_rx *rx,
		     struct xsctp_tlv_iter it)
{
	struct xsctp_path *from = xsctp_assoc_find_path(asoc, &rx->src);
	struct xsctp_chunk c;

	if (rx->refused_init_ack) {
		refused_init_ack_rcv(asoc, rx);
		return;
	}
	while (!asoc->dead && xsctp_wire_next_chunk(&it, &c)) {
		if (c.type == XSCTP_CID_SHUTDOWN_ACK && setting_up(asoc)) {
			/* 8.5.1 E, 9.2: out of the blue; T1-init goes on. */
			xsctp_ootb_rcv(rx);
			break;
		}
		if (!vtag_ok(asoc, rx, &c)) {
			XSCTP_INC_STATS(rx->net, XSCTP_MIB_IN_BAD_VTAG);
			break;
		}
		switch (c.type) {
		case XSCTP_CID_DATA:
			xsctp_inq_data(asoc, from, &c);
			break;
		case XSCTP_CID_SACK:
			sack_rcv(asoc, rx, &c);
			break;
		case XSCTP_CID_SHUTDOWN:
			sack_rcv(asoc, rx, &c);
			if (!asoc->dead)
				xsctp_sm_shutdown_rcv(asoc);
			break;
		case XSCTP_CID_SHUTDOWN_ACK:
			xsctp_sm_shutdown_ack_rcv(asoc);
			break;
		case XSCTP_CID_SHUTDOWN_COMPLETE:
			xsctp_sm_shutdown_complete_rcv(asoc);
			break;
		case XSCTP_CID_INIT:
		case XSCTP_CID_INIT_ACK:
			init_rcv(asoc, rx, &c);
			break;
		case XSCTP_CID_ERROR:
			error_rcv(asoc, &c);
			break;
		case XSCTP_CID_COOKIE_ECHO:
			if (xsctp_cookie_echo_for_assoc(asoc, rx, &c))
				break;
			asoc->in.unrecognized = NULL;	/* the packet is dropped */
			return;
		case XSCTP_CID_COOKIE_ACK:
			xsctp_sm_cookie_ack(asoc);
			break;
		case XSCTP_CID_ABORT:
			if (!xsctp_causes_framed(&c)) {	/* 3.3.7 */
				XSCTP_INC_STATS(rx->net, XSCTP_MIB_IN_MALFORMED);
				break;
			}
			xsctp_sm_abort(asoc, c.value,
				       c.len - XSCTP_CHUNK_HDR_LEN);
			asoc->in.unrecognized = NULL;	/* gone with the packet */
			return;
		case XSCTP_CID_HEARTBEAT:
			heartbeat_rcv(asoc, rx, &c);
			break;
		case XSCTP_CID_HEARTBEAT_ACK:
			xsctp_hb_ack_rcv(asoc, &c);
			break;
		default:
			unknown_rcv(asoc, &c);
			break;
		}
	}
	if (!asoc->dead && asoc->in.got_data) {
		if (asoc->in.unrecognized)
			asoc->in.sack_now = true;
		xsctp_inq_packet_done(asoc);
		xsctp_sm_data_rcv(asoc);
	} else if (!asoc->dead && asoc->in.unrecognized) {
		report_unknown(asoc, rx);
	}
	asoc->in.unrecognized = NULL;
}

/* An IPv4 or IPv6 Address parameter of the right length, as an address. */
static bool init_addr(const struct xsctp_param *p, __be16 port,
		      union xsctp_addr *a)
{
	if (p->type == XSCTP_PARAM_IPV4 ? p->len != 8 :
	    p->type != XSCTP_PARAM_IPV6 || p->len != 20)
		return false;
	return xsctp_addr_from_param(a, p, port);
}

/**
 * xsctp_lookup_assoc_by_init() - the association an INIT from an unknown
 * address belongs to, by the addresses it lists
 * @rx: the packet
 *
 * A peer that restarts with a new address is refused by its association
 * (RFC 9260 5.2.2), which must first be found: as Linux's
 * __sctp_rcv_init_lookup(), by the INIT's address parameters.
 *
 * Return: the association with a reference held, or NULL.
 */
struct xsctp_assoc *xsctp_lookup_assoc_by_init(const struct xsctp_rx *rx)
{
	struct xsctp_tlv_iter chunks = rx->chunks, params;
	struct xsctp_assoc *asoc = NULL;
	enum xsctp_wire_err err;
	struct xsctp_chunk c;
	struct xsctp_param p;
	union xsctp_addr a;
	unsigned int n = 0;

	if (!xsctp_wire_next_chunk(&chunks, &c) || c.type != XSCTP_CID_INIT)
		return NULL;
	xsctp_wire_params(&c, XSCTP_INIT_FIXED_LEN, &params);
	while (!asoc && n++ < XSCTP_MAX_INIT_ADDRS &&
	       xsctp_wire_next_param(&params, &p, &err))
		if (init_addr(&p, rx->src.v4.sin_port, &a))
			asoc = xsctp_lookup_assoc(rx->net,
						  ntohs(rx->dst.v4.sin_port), &a);
	return asoc;
}

/*
 * The association of a packet that none of @sk's paths sent: one that
 * moved to another socket (accept) while the packet waited, or one an
 * INIT names by the addresses it lists. Linux takes the latter only if
 * its socket owns the INIT's destination; when @sk does not, the INIT is
 * not @sk's to answer at all (*misdirected).
 */
static struct xsctp_assoc *lookup_elsewhere(struct sock *sk,
					    struct xsctp_rx *rx,
					    bool *misdirected)
{
	struct xsctp_assoc *asoc;

	asoc = xsctp_lookup_assoc(rx->net, ntohs(rx->dst.v4.sin_port), &rx->src);
	if (asoc)
		return asoc;
	asoc = xsctp_lookup_assoc_by_init(rx);
	if (asoc && asoc->sk == sk && !xsctp_sock_owns_addr(sk, &rx->dst)) {
		xsctp_assoc_put(asoc);
		*misdirected = true;
		return NULL;
	}
	return asoc;
}

/* Hand the packet to the socket that owns its association now. */
static void redeliver(struct sock *owner, struct sk_buff *skb)
{
	sock_hold(owner);
	local_bh_disable();
	xsctp_deliver(owner, skb);
	local_bh_enable();
	sock_put(owner);
}

/**
 * xsctp_sk_rcv() - process a packet for a socket, which is locked
 * @sk: the socket the lookup found
 * @skb: the packet, consumed
 *
 * Also the socket's backlog_rcv: the association may have gone, or moved
 * to another socket, while the packet waited.
 *
 * Return: 0.
 */
int xsctp_sk_rcv(struct sock *sk, struct sk_buff *skb)
{
	bool misdirected = false;
	struct xsctp_assoc *asoc;
	struct xsctp_rx rx;
	struct sock *owner;

	if (xsctp_rx_parse(skb, &rx)) {
		kfree_skb(skb);
		return 0;
	}
	asoc = xsctp_sock_assoc_by_peer(sk, &rx.src);
	if (asoc)
		xsctp_assoc_hold(asoc);
	else
		asoc = lookup_elsewhere(sk, &rx, &misdirected);
	owner = asoc ? READ_ONCE(asoc->sk) : sk;
	if (owner != sk) {
		redeliver(owner, skb);
		xsctp_assoc_put(asoc);
		return 0;
	}
	if (asoc) {
		xsctp_assoc_rcv(asoc, &rx, rx.chunks);
		xsctp_assoc_put(asoc);
	} else if (rx.refused_init_ack) {
		XSCTP_INC_STATS(rx.net, XSCTP_MIB_IN_MALFORMED);
	} else if (sk->sk_state == TCP_LISTEN && !misdirected) {
		xsctp_passive_rcv(sk, &rx);
	} else {
		xsctp_ootb_rcv(&rx);
	}
	consume_skb(skb);
	return 0;
}
