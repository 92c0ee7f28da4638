// SPDX-License-Identifier: GPL-2.0
/*
 * The receiving side of an association: each new DATA chunk is marked in
 * the TSN map, handed to reassembly, and whole messages (or, in partial
 * delivery, pieces of one) go to the socket's receive queue as skbs.
 *
 * Memory is bounded by the receive buffer whatever the peer sends. A
 * chunk is taken only while the memory of the fragments held (reassembly)
 * plus what waits to be read fits in SO_RCVBUF (three quarters of it
 * above a hole); the one that fills the cumulative point's hole needs
 * only room among the fragments, so reassembly can always move on. While
 * the advertised window is 0, nothing beyond the highest TSN received is
 * taken (RFC 9260 6.2).
 * Messages go to the receive queue while it has room, or when it is
 * empty. The TSN map bounds how far ahead a chunk may be. Everything
 * else is a counted drop, which the peer's retransmission recovers: at
 * most twice SO_RCVBUF per association, and one message.
 */
#include <linux/slab.h>
#include <linux/unaligned.h>
#include <net/sock.h>

#include <net/xsctp/cause.h>
#include <net/xsctp/chunk.h>
#include <net/xsctp/effects.h>
#include <net/xsctp/inq.h>
#include <net/xsctp/netns.h>
#include <net/xsctp/notify.h>
#include <net/xsctp/outq.h>
#include <net/xsctp/sack.h>
#include <net/xsctp/serial.h>
#include <net/xsctp/sm.h>
#include <net/xsctp/wire.h>

/*
 * What a fragment of @len bytes costs: a tiny payload carries its
 * bookkeeping, which a flood of 1-byte chunks would otherwise hide.
 */
static u32 frag_size(u32 len)
{
	return kmalloc_size_roundup(struct_size_t(struct xsctp_frag, data, len));
}

static void free_frag(struct xsctp_frag *f)
{
	kfree(f);
}

static void free_msg(struct xsctp_inq *in, struct list_head *msg)
{
	while (!list_empty(msg)) {
		struct xsctp_frag *f = list_first_entry(msg, struct xsctp_frag,
							node);

		list_del(&f->node);
		in->frag_mem -= frag_size(f->len);
		kfree(f);
	}
}

/* The association is up, or restarted: the peer's TSNs start here. */
int xsctp_inq_start(struct xsctp_assoc *asoc, gfp_t gfp)
{
	struct xsctp_inq *in = &asoc->in;

	xsctp_inq_stop(asoc);
	in->map_bits = bitmap_zalloc(XSCTP_TSN_WINDOW, gfp);
	in->next_ssn = kcalloc(asoc->num_in, sizeof(u16), gfp);
	if (!in->map_bits || !in->next_ssn)
		return -ENOMEM;
	xsctp_tsn_map_init(&in->map, in->map_bits, XSCTP_TSN_WINDOW,
			   asoc->peer_initial_tsn);
	xsctp_reasm_init(&in->reasm, in->next_ssn, asoc->num_in);
	in->rwnd_sent = xsctp_local_rwnd(asoc->sk);
	return 0;
}

void xsctp_inq_stop(struct xsctp_assoc *asoc)
{
	struct xsctp_inq *in = &asoc->in;

	xsctp_sack_timer_stop(asoc);
	if (in->next_ssn)
		xsctp_reasm_purge(&in->reasm, free_frag);
	free_msg(in, &in->stalled);
	in->frag_mem = 0;
	in->refused = false;
	in->bad_sid = -1;
	bitmap_free(in->map_bits);
	kfree(in->next_ssn);
	in->map_bits = NULL;
	in->next_ssn = NULL;
	in->unacked_packets = 0;
	in->sack_now = false;
	in->got_data = false;
	in->data_seen = false;
}

/* Bytes held for the user: reassembly plus the receive queue. */
static u32 held(const struct xsctp_assoc *asoc)
{
	return asoc->in.reasm.bytes + atomic_read(&asoc->sk->sk_rmem_alloc);
}

/* Our window, as a SACK advertises it (RFC 9260 6.2.1 A). */
u32 xsctp_inq_rwnd(const struct xsctp_assoc *asoc)
{
	u32 window = xsctp_local_rwnd(asoc->sk), h = held(asoc);

	return window > h ? window - h : 0;
}

static bool full(const struct sock *sk)
{
	return atomic_read(&sk->sk_rmem_alloc) >= READ_ONCE(sk->sk_rcvbuf);
}

/*
 * Room for a new chunk of @len bytes at @tsn? Chunks above a hole may use
 * three quarters of the buffer: the last quarter is for those that fill
 * it, which may also pass a full receive queue when something waits above
 * them; without that nothing held could ever leave (Linux reneges there
 * instead, dropping what it had taken above the hole).
 */
static bool room_for(const struct xsctp_assoc *asoc, u32 tsn, u32 len)
{
	const struct xsctp_inq *in = &asoc->in;
	u32 rcvbuf = READ_ONCE(asoc->sk->sk_rcvbuf);
	u32 mem = in->frag_mem + frag_size(len);
	bool fills = tsn == in->map.cum_tsn + 1;
	u32 limit = fills ? rcvbuf : rcvbuf - rcvbuf / 4;

	if (mem + atomic_read(&asoc->sk->sk_rmem_alloc) <= limit)
		return true;
	return fills && in->map.highest_tsn != in->map.cum_tsn && mem <= rcvbuf;
}

/*
 * RFC 9260 6.2: while the window we advertise is 0, DATA beyond the
 * highest TSN received is dropped (MUST), whatever room the buffer has
 * left; what fills a hole below it may still be taken (room_for()).
 */
static bool may_take(const struct xsctp_assoc *asoc, u32 tsn, u32 len)
{
	if (!xsctp_inq_rwnd(asoc) &&
	    xsctp_tsn_lt(asoc->in.map.highest_tsn, tsn))
		return false;
	return room_for(asoc, tsn, len);
}

/* A message's pieces as one skb for the receive queue. */
static struct sk_buff *message_skb(struct xsctp_assoc *asoc,
				   struct list_head *msg, bool eor)
{
	struct xsctp_frag *f = list_first_entry(msg, struct xsctp_frag, node);
	struct xsctp_rcv_cb *cb;
	struct sk_buff *skb;
	u32 len = 0;

	list_for_each_entry(f, msg, node)
		len += f->len;
	skb = alloc_skb(len, GFP_ATOMIC);
	if (!skb)
		return NULL;
	list_for_each_entry(f, msg, node)
		skb_put_data(skb, f->data, f->len);
	f = list_first_entry(msg, struct xsctp_frag, node);
	cb = xsctp_rcv_cb(skb);
	memset(cb, 0, sizeof(*cb));
	cb->peer = asoc->in.last_from ? asoc->in.last_from->addr :
		   asoc->primary->addr;
	cb->assoc_id = asoc->id;
	cb->tsn = f->tsn;
	cb->ppid = f->ppid;
	cb->sid = f->sid;
	cb->ssn = f->ssn;
	cb->unordered = f->flags & XSCTP_DATA_UNORDERED;
	cb->eor = eor;
	return skb;
}

/*
 * Deliver @msg; false (and @msg kept) when there is no memory for it: the
 * receive queue is full (the reader will call for more), or no skb. A
 * socket that reads no more gets nothing, as in Linux.
 */
static bool deliver_one(struct xsctp_assoc *asoc, struct list_head *msg,
			bool eor)
{
	struct sock *sk = asoc->sk;
	struct sk_buff *skb;

	if (READ_ONCE(sk->sk_shutdown) & RCV_SHUTDOWN) {
		free_msg(&asoc->in, msg);
		return true;
	}
	if (full(sk) && skb_queue_len(&sk->sk_receive_queue))
		return false;
	skb = message_skb(asoc, msg, eor);
	if (!skb)
		return false;
	free_msg(&asoc->in, msg);
	skb_set_owner_r(skb, sk);
	skb_queue_tail(&sk->sk_receive_queue, skb);
	sk->sk_data_ready(sk);
	return true;
}

/* Everything reassembly has ready; a message that found no memory waits. */
static void deliver(struct xsctp_assoc *asoc)
{
	struct xsctp_inq *in = &asoc->in;

	if (!list_empty(&in->stalled) &&
	    !deliver_one(asoc, &in->stalled, in->stalled_eor))
		return;
	while (xsctp_reasm_pop(&in->reasm, &in->stalled, &in->stalled_eor))
		if (!deliver_one(asoc, &in->stalled, in->stalled_eor))
			return;
}

static bool receiving(const struct xsctp_assoc *asoc)
{
	switch (asoc->state) {
	case XSCTP_S_ESTABLISHED:
	case XSCTP_S_SHUTDOWN_PENDING:
	case XSCTP_S_SHUTDOWN_SENT:
		return true;
	default:
		return false;
	}
}

static struct xsctp_frag *new_frag(const struct xsctp_data *d)
{
	struct xsctp_frag *f;

	f = kmalloc(struct_size(f, data, d->payload_len), GFP_ATOMIC);
	if (!f)
		return NULL;
	f->tsn = d->tsn;
	f->sid = d->sid;
	f->ssn = d->ssn;
	f->ppid = d->ppid;
	f->flags = d->flags;
	f->len = d->payload_len;
	memcpy(f->data, d->payload, d->payload_len);
	return f;
}

/*
 * A chunk the TSN map accepted: to reassembly, or dropped if unusable.
 * RFC 9260 6.5: DATA for a stream that does not exist is acknowledged,
 * never delivered, and answered at once by an ERROR (Invalid Stream
 * Identifier), which goes with the SACK: one per SACK, naming the first
 * such stream, so a flood of them is not echoed chunk for chunk.
 */
static void take_chunk(struct xsctp_assoc *asoc, struct xsctp_frag *f)
{
	struct xsctp_inq *in = &asoc->in;

	if (f->sid >= asoc->num_in) {
		XSCTP_INC_STATS(sock_net(asoc->sk), XSCTP_MIB_IN_DATA_BAD_STREAM);
		if (in->bad_sid < 0)
			in->bad_sid = f->sid;
		in->sack_now = true;
		kfree(f);
		return;
	}
	in->frag_mem += frag_size(f->len);
	xsctp_reasm_add(&in->reasm, f);
}

/* The TSN map's verdict on a chunk that will not be taken, counted. */
static void not_new(struct xsctp_assoc *asoc, enum xsctp_tsn_verdict v)
{
	struct net *net = sock_net(asoc->sk);

	if (v == XSCTP_TSN_DUPLICATE) {
		XSCTP_INC_STATS(net, XSCTP_MIB_IN_DATA_DUPLICATE);
		asoc->in.sack_now = true;	/* 6.2: report duplicates at once */
	} else {
		XSCTP_INC_STATS(net, XSCTP_MIB_IN_DATA_BEYOND_WINDOW);
	}
}

/**
 * xsctp_inq_data() - a DATA chunk for this association
 * @asoc: the association
 * @from: the path it came from, or NULL
 * @c: the chunk
 */
void xsctp_inq_data(struct xsctp_assoc *asoc, struct xsctp_path *from,
		    const struct xsctp_chunk *c)
{
	struct xsctp_inq *in = &asoc->in;
	struct net *net = sock_net(asoc->sk);
	struct xsctp_frag *f;
	struct xsctp_data d;

	if (!receiving(asoc))
		return;
	switch (xsctp_data_parse(c, &d)) {
	case XSCTP_WIRE_OK:
		break;
	case XSCTP_WIRE_NO_USER_DATA:
		xsctp_sm_no_user_data(asoc, d.tsn);
		return;
	default:
		XSCTP_INC_STATS(net, XSCTP_MIB_IN_MALFORMED);
		return;
	}
	in->got_data = true;
	/* 6.2: the first DATA chunk of an association is acknowledged at once. */
	if ((d.flags & XSCTP_DATA_IMMEDIATE) || !in->data_seen)
		in->sack_now = true;
	in->data_seen = true;
	if (xsctp_tsn_map_check(&in->map, d.tsn) != XSCTP_TSN_NEW) {
		not_new(asoc, xsctp_tsn_map_mark(&in->map, d.tsn));
		return;
	}
	if (!may_take(asoc, d.tsn, d.payload_len)) {
		XSCTP_INC_STATS(net, XSCTP_MIB_IN_DATA_NO_ROOM);
		in->refused = true;
		in->sack_now = true;
		return;
	}
	f = new_frag(&d);
	if (!f)
		return;		/* not marked: the peer sends it again */
	xsctp_tsn_map_mark(&in->map, d.tsn);
	XSCTP_INC_STATS(net, XSCTP_MIB_IN_DATA_CHUNKS);
	in->last_from = from ?: in->last_from;
	take_chunk(asoc, f);
	deliver(asoc);
}

/**
 * xsctp_inq_packet_done() - the packet's chunks were all processed
 * @asoc: the association
 *
 * RFC 9260 6.2: a SACK goes at once for the association's first DATA
 * chunk, for every sack_freq-th packet with DATA (2 by default), for a
 * gap or a duplicate, or when the sender asked (I bit); otherwise within
 * the delayed-SACK time (SCTP_DELAYED_SACK).
 */
void xsctp_inq_packet_done(struct xsctp_assoc *asoc)
{
	struct xsctp_inq *in = &asoc->in;

	if (!in->got_data)
		return;
	in->got_data = false;
	in->unacked_packets++;
	/* Nothing to read, no room: a message in pieces may make some. */
	if (!list_empty(&in->stalled) ||
	    (!skb_queue_len(&asoc->sk->sk_receive_queue) &&
	     (!xsctp_inq_rwnd(asoc) || in->refused) &&
	     xsctp_reasm_start_partial(&in->reasm)))
		deliver(asoc);
	in->refused = false;
	if (in->sack_now || in->unacked_packets >= asoc->cfg.sack_freq ||
	    !asoc->cfg.sack_delay_ms || in->map.highest_tsn != in->map.cum_tsn)
		xsctp_transmit(asoc, true);
	else
		xsctp_sack_timer_arm(asoc, asoc->cfg.sack_delay_ms);
}

bool xsctp_inq_sack_pending(const struct xsctp_assoc *asoc)
{
	return asoc->in.unacked_packets || asoc->in.sack_now;
}

/**
 * xsctp_inq_put_error() - the ERROR that goes ahead of a SACK
 * @in: the receiving side
 * @buf: where
 * @room: bytes available
 *
 * Its causes: Invalid Stream Identifier for the first DATA on a stream
 * that does not exist (take_chunk(), RFC 9260 6.5), and Unrecognized Chunk
 * Type quoting the unknown chunk of the packet being processed that asked
 * to be reported (3.2), when it fits. The chunk's length counts every
 * cause's padding but the last one's (3.2).
 *
 * Return: its length, or 0 when there is nothing to say.
 */
int xsctp_inq_put_error(const struct xsctp_inq *in, u8 *buf, size_t room)
{
	__be16 info[2] = { htons(in->bad_sid), 0 };	/* stream, reserved */
	size_t len = XSCTP_CHUNK_HDR_LEN, last = 0;
	int n;

	if (room < len)
		return 0;
	if (in->bad_sid >= 0) {
		n = xsctp_cause_put(buf + len, room - len,
				    XSCTP_CAUSE_INVALID_STREAM, info, sizeof(info));
		if (n > 0) {
			len += n;
			last = n - (XSCTP_PARAM_HDR_LEN + sizeof(info));
		}
	}
	if (in->unrecognized) {
		n = xsctp_cause_put(buf + len, room - len,
				    XSCTP_CAUSE_UNRECOGNIZED_CHUNK,
				    in->unrecognized, in->unrecognized_len);
		if (n > 0) {
			len += n;
			last = n - (XSCTP_PARAM_HDR_LEN + in->unrecognized_len);
		}
	}
	if (len == XSCTP_CHUNK_HDR_LEN)
		return 0;
	buf[0] = XSCTP_CID_ERROR;
	buf[1] = 0;
	put_unaligned_be16(len - last, buf + 2);
	return len;
}

/**
 * xsctp_inq_put_sack() - write the SACK that is due
 * @asoc: the association
 * @buf: where
 * @room: bytes available
 *
 * The delayed-SACK timer stops: this SACK says everything. An ERROR for
 * DATA on a stream that does not exist, or for an unknown chunk that asked
 * to be reported, goes before it (xsctp_inq_put_error()), and before that
 * the COOKIE ACK held back for it when the COOKIE ECHO that set the
 * association up carried DATA (passive.c; RFC 9260 5.1 C: first in its
 * packet).
 *
 * Return: bytes written, or a negative errno.
 */
int xsctp_inq_put_sack(struct xsctp_assoc *asoc, u8 *buf, size_t room)
{
	struct xsctp_inq *in = &asoc->in;
	u32 rwnd = xsctp_inq_rwnd(asoc);
	int elen, n;

	if (!in->map_bits)
		return -ENOENT;
	elen = 0;
	if (in->cookie_ack_due)
		elen = xsctp_wire_put_chunk(buf, room, XSCTP_CID_COOKIE_ACK, 0,
					    NULL, 0);
	if (elen < 0)
		return elen;
	elen += xsctp_inq_put_error(in, buf + elen, room - elen);
	n = xsctp_sack_build(buf + elen, room - elen, &in->map, rwnd);
	if (n < 0)
		return n;
	n += elen;
	in->cookie_ack_due = false;
	in->bad_sid = -1;
	in->unrecognized = NULL;
	in->unacked_packets = 0;
	in->sack_now = false;
	in->rwnd_sent = rwnd;
	xsctp_sack_timer_stop(asoc);
	return n;
}

/**
 * xsctp_inq_read() - the user read from the receive queue
 * @asoc: the association whose data it was
 *
 * A window that opened by a packet or a quarter of the buffer since our
 * last SACK is worth a SACK now (RFC 9260 6.2, "window update"), or the
 * peer may wait for T3. Reassembly stalled for memory may move on.
 */
void xsctp_inq_read(struct xsctp_assoc *asoc)
{
	struct xsctp_inq *in = &asoc->in;
	u32 rwnd = xsctp_inq_rwnd(asoc);
	u32 step;

	if (!in->map_bits)
		return;
	deliver(asoc);
	step = max(xsctp_frag_point(asoc), xsctp_local_rwnd(asoc->sk) / 4);
	if (rwnd >= in->rwnd_sent + step)
		xsctp_transmit(asoc, true);
}
