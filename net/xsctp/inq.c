// SPDX-License-Identifier: GPL-2.0
/*
 * The receiving side of an association: each new DATA chunk is marked in
 * the TSN map, handed to reassembly, and whole messages (or, in partial
 * delivery, pieces of one) go to the socket's receive queue as skbs.
 *
 * Memory is bounded by the receive buffer whatever the peer sends: a
 * chunk is taken only while what the association holds (reassembly) plus
 * what waits to be read fits in SO_RCVBUF, the one that fills the
 * cumulative point's hole excepted so reassembly can always move on; the
 * TSN map bounds how far ahead a chunk may be. Everything else is a
 * counted drop, which the peer's retransmission recovers.
 */
#include <linux/slab.h>
#include <net/sock.h>

#include <net/xsctp/chunk.h>
#include <net/xsctp/effects.h>
#include <net/xsctp/inq.h>
#include <net/xsctp/netns.h>
#include <net/xsctp/notify.h>
#include <net/xsctp/outq.h>
#include <net/xsctp/sack.h>
#include <net/xsctp/serial.h>
#include <net/xsctp/sm.h>

static void free_frag(struct xsctp_frag *f)
{
	kfree(f);
}

static void free_msg(struct list_head *msg)
{
	while (!list_empty(msg)) {
		struct xsctp_frag *f = list_first_entry(msg, struct xsctp_frag,
							node);

		list_del(&f->node);
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
	free_msg(&in->stalled);
	bitmap_free(in->map_bits);
	kfree(in->next_ssn);
	in->map_bits = NULL;
	in->next_ssn = NULL;
	in->unacked_packets = 0;
	in->sack_now = false;
	in->got_data = false;
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

static bool room_for(const struct xsctp_assoc *asoc, u32 tsn, u32 len)
{
	u32 rcvbuf = READ_ONCE(asoc->sk->sk_rcvbuf);

	if (held(asoc) + len <= rcvbuf)
		return true;
	return tsn == asoc->in.map.cum_tsn + 1 &&
	       asoc->in.reasm.bytes + len <= rcvbuf;
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
 * Deliver @msg; false (and @msg kept) when there is no memory for it. A
 * socket that reads no more gets nothing, as in Linux.
 */
static bool deliver_one(struct xsctp_assoc *asoc, struct list_head *msg,
			bool eor)
{
	struct sock *sk = asoc->sk;
	struct sk_buff *skb;

	if (READ_ONCE(sk->sk_shutdown) & RCV_SHUTDOWN) {
		free_msg(msg);
		return true;
	}
	skb = message_skb(asoc, msg, eor);
	if (!skb)
		return false;
	free_msg(msg);
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

/* A chunk the TSN map accepted: to reassembly, or dropped if unusable. */
static void take_chunk(struct xsctp_assoc *asoc, struct xsctp_frag *f)
{
	if (f->sid >= asoc->num_in) {
		/* RFC 9260 6.5: acknowledged, never delivered. */
		XSCTP_INC_STATS(sock_net(asoc->sk), XSCTP_MIB_IN_DATA_BAD_STREAM);
		kfree(f);
		return;
	}
	xsctp_reasm_add(&asoc->in.reasm, f);
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
	if (d.flags & XSCTP_DATA_IMMEDIATE)
		in->sack_now = true;
	if (!room_for(asoc, d.tsn, d.payload_len)) {
		XSCTP_INC_STATS(net, XSCTP_MIB_IN_DATA_NO_ROOM);
		in->sack_now = true;
		return;
	}
	f = new_frag(&d);
	if (!f)
		return;
	switch (xsctp_tsn_map_mark(&in->map, d.tsn)) {
	case XSCTP_TSN_NEW:
		XSCTP_INC_STATS(net, XSCTP_MIB_IN_DATA_CHUNKS);
		in->last_from = from ?: in->last_from;
		take_chunk(asoc, f);
		deliver(asoc);
		return;
	case XSCTP_TSN_DUPLICATE:
		XSCTP_INC_STATS(net, XSCTP_MIB_IN_DATA_DUPLICATE);
		in->sack_now = true;	/* 6.2: report duplicates at once */
		break;
	case XSCTP_TSN_BEYOND_WINDOW:
		XSCTP_INC_STATS(net, XSCTP_MIB_IN_DATA_BEYOND_WINDOW);
		break;
	}
	kfree(f);
}

/**
 * xsctp_inq_packet_done() - the packet's chunks were all processed
 * @asoc: the association
 *
 * RFC 9260 6.2: a SACK goes at once for every sack_freq-th packet with
 * DATA (2 by default), for a gap or a duplicate, or when the sender asked
 * (I bit); otherwise within the delayed-SACK time (SCTP_DELAYED_SACK).
 */
void xsctp_inq_packet_done(struct xsctp_assoc *asoc)
{
	struct xsctp_inq *in = &asoc->in;

	if (!in->got_data)
		return;
	in->got_data = false;
	in->unacked_packets++;
	if (!list_empty(&in->stalled) ||
	    (!skb_queue_len(&asoc->sk->sk_receive_queue) &&
	     !xsctp_inq_rwnd(asoc) && xsctp_reasm_start_partial(&in->reasm)))
		deliver(asoc);
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
 * xsctp_inq_put_sack() - write the SACK that is due
 * @asoc: the association
 * @buf: where
 * @room: bytes available
 *
 * The delayed-SACK timer stops: this SACK says everything.
 *
 * Return: bytes written, or a negative errno.
 */
int xsctp_inq_put_sack(struct xsctp_assoc *asoc, u8 *buf, size_t room)
{
	struct xsctp_inq *in = &asoc->in;
	u32 rwnd = xsctp_inq_rwnd(asoc);
	int n;

	if (!in->map_bits)
		return -ENOENT;
	n = xsctp_sack_build(buf, room, &in->map, rwnd);
	if (n < 0)
		return n;
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
