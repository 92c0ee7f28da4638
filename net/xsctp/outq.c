// SPDX-License-Identifier: GPL-2.0
/*
 * The sending side of an association: user messages become DATA chunks
 * (RFC 9260 6.9), which get their TSN when first sent (6.1), stay on
 * ->sent until the peer's Cumulative TSN Ack passes them (6.2.1), and are
 * sent again when T3-rtx expires (6.3.3) or three SACKs report them
 * missing (7.2.4).
 *
 * Each path has its own cwnd, flight, RTO, error count and T3-rtx; the
 * association's path policy (path.c) says where new DATA and
 * retransmissions go (transmit.c).
 */
#include <kunit/visibility.h>
#include <linux/export.h>
#include <linux/slab.h>
#include <linux/uio.h>
#include <net/sock.h>

#include <net/xsctp/cause.h>
#include <net/xsctp/chunk.h>
#include <net/xsctp/crc.h>
#include <net/xsctp/defaults.h>
#include <net/xsctp/inq.h>
#include <net/xsctp/netns.h>
#include <net/xsctp/notify.h>
#include <net/xsctp/outq.h>
#include <net/xsctp/packet.h>
#include <net/xsctp/path.h>
#include <net/xsctp/sack.h>
#include <net/xsctp/serial.h>
#include <net/xsctp/sm.h>
#include <net/xsctp/socket.h>

/* RFC 9260 7.2.4: a chunk reported missing this often is sent again. */
#define XSCTP_FAST_RTX_MISSES	3

/**
 * xsctp_frag_point() - the largest DATA payload one packet carries
 * @asoc: the association
 *
 * The AMDCS (RFC 9260 6.9, 7.3): the smallest PMDCS of all the peer's
 * addresses (SHOULD), so a chunk fits whichever path it is sent or
 * retransmitted on, as Linux's asoc->pathmtu does. As Linux, the IP
 * header counted is the socket's family's (a UDP header too for an
 * encapsulated path); SCTP_MAXSEG may lower it.
 *
 * Return: bytes, a multiple of 4.
 */
u32 xsctp_frag_point(const struct xsctp_assoc *asoc)
{
	u32 mtu = U32_MAX, ip = asoc->sk->sk_family == AF_INET6 ? 40 : 20;
	const struct xsctp_path *p;
	u32 frag;

	list_for_each_entry(p, &asoc->paths, node)
		mtu = min(mtu, p->pmtu - xsctp_path_encap_len(p));
	if (mtu == U32_MAX)
		mtu = XSCTP_PATH_MTU;
	frag = mtu - ip - XSCTP_COMMON_HDR_LEN - XSCTP_CHUNK_HDR_LEN -
	       XSCTP_DATA_FIXED_LEN;

	if (asoc->cfg.user_frag)
		frag = min(frag, asoc->cfg.user_frag);
	return ALIGN_DOWN(frag, 4);
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_frag_point);

static void free_chunk(struct xsctp_assoc *asoc, struct xsctp_tx_chunk *ch)
{
	struct sock *sk = asoc->sk;

	list_del(&ch->node);
	sk_wmem_queued_add(sk, -ch->truesize);
	kfree(ch);
}

/* A chunk that will never be delivered: the user may hear of it. */
static void fail_chunk(struct xsctp_assoc *asoc, struct xsctp_tx_chunk *ch,
		       u16 state, __be16 error)
{
	xsctp_notify_send_failed(asoc, ch, state, error);
	free_chunk(asoc, ch);
}

static void fail_list(struct xsctp_assoc *asoc, struct list_head *list,
		      u16 state)
{
	struct xsctp_tx_chunk *ch, *tmp;

	list_for_each_entry_safe(ch, tmp, list, node)
		fail_chunk(asoc, ch, state, asoc->out.error);
}

/**
 * xsctp_outq_drop_ungranted() - fail messages on streams the peer refused
 * @asoc: the association
 * @streams: the outbound streams it has
 *
 * Messages queued before the peer's INIT ACK were checked against the
 * streams we asked for; those the peer did not grant cannot be sent.
 * As Linux, the user hears so (SCTP_SEND_FAILED, Invalid Stream
 * Identifier) while the INIT ACK is taken in, before the association has
 * the id that connect() and sendmsg() give it then (receive.c).
 */
void xsctp_outq_drop_ungranted(struct xsctp_assoc *asoc, u16 streams)
{
	struct xsctp_tx_chunk *ch, *tmp;

	list_for_each_entry_safe(ch, tmp, &asoc->out.unsent, node) {
		if (ch->sid < streams)
			continue;
		asoc->out.unsent_bytes -= ch->len;
		fail_chunk(asoc, ch, SCTP_DATA_UNSENT,
			   htons(XSCTP_CAUSE_INVALID_STREAM));
	}
}

/*
 * The association is up, or its COOKIE ECHO goes: streams, TSNs and
 * windows start. What the user queued during setup stays queued; what
 * went with the COOKIE ECHO stays outstanding.
 */
int xsctp_outq_start(struct xsctp_assoc *asoc, gfp_t gfp)
{
	struct xsctp_outq *q = &asoc->out;
	struct xsctp_path *p;

	if (q->next_ssn)
		return 0;	/* started by xsctp_outq_cookie_echo() */
	q->next_ssn = kcalloc(asoc->num_out, sizeof(u16), gfp);
	if (!q->next_ssn)
		return -ENOMEM;
	xsctp_outq_drop_ungranted(asoc, asoc->num_out);
	q->num_streams = asoc->num_out;
	q->cum_ack = asoc->next_tsn - 1;
	q->errors = 0;
	q->error = 0;
	q->fast_recovery = false;
	q->fast_rtx_now = false;
	q->probe.active = false;
	list_for_each_entry(p, &asoc->paths, node)
		xsctp_path_cc_init(asoc, p);
	return 0;
}

/*
 * Unlinked, or restarted: whatever was queued is dropped, and the user
 * hears of each chunk as Linux tells it: those sent (in TSN order), then
 * those never sent, with the cause the association ended with (0 on a
 * restart).
 */
void xsctp_outq_stop(struct xsctp_assoc *asoc)
{
	struct xsctp_outq *q = &asoc->out;
	struct xsctp_path *p;

	xsctp_t3_stop_all(asoc);
	fail_list(asoc, &q->sent, SCTP_DATA_SENT);
	fail_list(asoc, &q->unsent, SCTP_DATA_UNSENT);
	q->unsent_bytes = 0;
	q->outstanding = 0;
	q->rtx_waiting = 0;
	list_for_each_entry(p, &asoc->paths, node)
		p->cc.flight = 0;
	kfree(q->next_ssn);
	q->next_ssn = NULL;
	q->num_streams = 0;
	asoc->sk->sk_write_space(asoc->sk);
}

bool xsctp_outq_empty(const struct xsctp_assoc *asoc)
{
	return list_empty(&asoc->out.unsent) && list_empty(&asoc->out.sent);
}

/* The chunks of a message that failed before it was queued. */
static void free_unqueued(struct list_head *msg)
{
	struct xsctp_tx_chunk *ch, *tmp;

	list_for_each_entry_safe(ch, tmp, msg, node)
		kfree(ch);
}

static struct xsctp_tx_chunk *new_chunk(struct sock *sk,
					const struct xsctp_send_info *si,
					struct iov_iter *from, u32 len)
{
	struct xsctp_tx_chunk *ch;

	ch = kmalloc(struct_size(ch, data, len), sk->sk_allocation);
	if (!ch)
		return ERR_PTR(-ENOMEM);
	if (!copy_from_iter_full(ch->data, len, from)) {
		kfree(ch);
		return ERR_PTR(-EFAULT);
	}
	memset(ch, 0, offsetof(struct xsctp_tx_chunk, data));
	ch->sid = si->sid;
	ch->ppid = si->ppid;
	ch->context = si->context;
	ch->ttl = si->ttl;
	ch->info_id = si->assoc_id;
	ch->len = len;
	ch->truesize = struct_size(ch, data, len);
	if (si->flags & SCTP_UNORDERED)
		ch->flags |= XSCTP_DATA_UNORDERED;
	return ch;
}

/**
 * xsctp_outq_add_msg() - queue one user message, cut into DATA chunks
 * @asoc: the association
 * @si: its stream, PPID and flags; si->sid was checked
 * @from: the message
 * @len: its length, > 0
 *
 * The whole message is queued or none of it. Its stream sequence number
 * is given when it is first sent (transmit.c), so that messages queued
 * during setup need no streams yet.
 *
 * Return: 0, -ENOMEM or -EFAULT.
 */
int xsctp_outq_add_msg(struct xsctp_assoc *asoc,
		       const struct xsctp_send_info *si,
		       struct iov_iter *from, size_t len)
{
	struct xsctp_outq *q = &asoc->out;
	u32 frag = xsctp_frag_point(asoc);
	struct xsctp_tx_chunk *ch, *first = NULL;
	LIST_HEAD(msg);
	size_t off;

	for (off = 0; off < len; off += ch->len) {
		ch = new_chunk(asoc->sk, si, from, min_t(size_t, len - off, frag));
		if (IS_ERR(ch)) {
			free_unqueued(&msg);
			return PTR_ERR(ch);
		}
		first = first ?: ch;
		list_add_tail(&ch->node, &msg);
	}
	first->flags |= XSCTP_DATA_BEGIN;
	ch->flags |= XSCTP_DATA_END;
	/* As Linux: the I bit asked for goes on the last fragment only. */
	if (si->flags & SCTP_SACK_IMMEDIATELY)
		ch->flags |= XSCTP_DATA_IMMEDIATE;
	list_for_each_entry(ch, &msg, node)
		sk_wmem_queued_add(asoc->sk, ch->truesize);
	list_splice_tail(&msg, &q->unsent);
	q->unsent_bytes += len;
	return 0;
}

/* What one SACK acknowledged, for congestion control and RTT. */
struct sack_result {
	u32 bytes;		/* newly acknowledged, cumulatively or not */
	u32 htna;		/* the highest TSN newly acknowledged */
	bool any;
};

/* The chunk no longer counts in its path's flight. */
static void leave_flight(struct xsctp_tx_chunk *ch)
{
	if (!ch->in_flight)
		return;
	ch->in_flight = false;
	ch->path->cc.flight -= min(ch->path->cc.flight, ch->len);
}

/*
 * To be sent again: out of the flight until it is (transmit.c), and its
 * bytes back in the peer's window, which counts them again then (RFC 9260
 * 6.2.1 C).
 */
static void mark_rtx(struct xsctp_assoc *asoc, struct xsctp_tx_chunk *ch)
{
	ch->rtx = true;
	asoc->out.rtx_waiting++;
	if (ch->in_flight)
		asoc->peer_rwnd += ch->len;
	leave_flight(ch);
}

static void note_acked(struct xsctp_tx_chunk *ch, struct sack_result *r)
{
	leave_flight(ch);
	ch->path->sack.acked += ch->len;
	r->bytes += ch->len;
	r->htna = ch->tsn;
	r->any = true;
}

/* 6.2.1 D: every chunk up to @cum has arrived: they are done with. */
static void ack_cumulative(struct xsctp_assoc *asoc, u32 cum,
			   struct sack_result *r)
{
	struct xsctp_outq *q = &asoc->out;
	struct xsctp_tx_chunk *ch, *tmp;

	list_for_each_entry_safe(ch, tmp, &q->sent, node) {
		if (xsctp_tsn_lt(cum, ch->tsn))
			break;
		if (!ch->acked)
			note_acked(ch, r);
		if (ch->rtx)
			q->rtx_waiting--;
		q->outstanding--;
		free_chunk(asoc, ch);
	}
}

/* Is @tsn in one of the gap blocks? Blocks come in order: @i walks them. */
static bool in_gap(const struct xsctp_sack *sack, u32 tsn, unsigned int *i)
{
	u32 off = tsn - sack->cum_tsn;

	for (; *i < sack->num_gaps; (*i)++) {
		struct xsctp_gap_block b = xsctp_sack_gap(sack, *i);

		if (off < b.start)
			return false;
		if (off <= b.end)
			return true;
	}
	return false;
}

/*
 * Gap-acknowledged chunks leave the flight but stay queued: the peer may
 * still renege (6.2.1 D iv). One no longer reported is outstanding again.
 */
static void ack_gaps(struct xsctp_assoc *asoc, const struct xsctp_sack *sack,
		     struct sack_result *r)
{
	struct xsctp_tx_chunk *ch;
	unsigned int i = 0;

	list_for_each_entry(ch, &asoc->out.sent, node) {
		bool gap = in_gap(sack, ch->tsn, &i);

		if (gap && !ch->acked) {
			if (ch->rtx) {
				ch->rtx = false;
				asoc->out.rtx_waiting--;
			}
			note_acked(ch, r);
		}
		ch->acked = gap;
	}
}

/*
 * 7.2.4: each SACK that newly acknowledges TSNs above a missing chunk is
 * one miss indication; the third sends it again, once.
 */
static bool count_misses(struct xsctp_assoc *asoc, const struct sack_result *r)
{
	struct xsctp_outq *q = &asoc->out;
	struct xsctp_tx_chunk *ch;
	bool fast = false;

	if (!r->any)
		return false;
	list_for_each_entry(ch, &q->sent, node) {
		if (!xsctp_tsn_lt(ch->tsn, r->htna))
			break;
		if (ch->acked || ch->rtx || ch->fast_rtx_done)
			continue;
		if (++ch->misses < XSCTP_FAST_RTX_MISSES)
			continue;
		ch->fast_rtx_done = true;
		ch->path->sack.fast = true;
		q->fast_rtx_now = true;
		XSCTP_INC_STATS(sock_net(asoc->sk), XSCTP_MIB_FAST_RETRANSMITS);
		mark_rtx(asoc, ch);
		fast = true;
	}
	return fast;
}

/* Bytes in flight on all paths. */
u32 xsctp_outq_flight(const struct xsctp_assoc *asoc)
{
	const struct xsctp_path *p;
	u32 flight = 0;

	list_for_each_entry(p, &asoc->paths, node)
		flight += p->cc.flight;
	return flight;
}

/*
 * A path that had DATA acknowledged is reachable (RFC 9260 8.2): its
 * error count clears and it is ACTIVE again. Its cwnd grows (7.2.1,
 * 7.2.2) and its T3 stops when nothing is outstanding there, or restarts
 * (6.3.2 R2, R3).
 */
static void path_acked(struct xsctp_assoc *asoc, struct xsctp_path *p,
		       bool advanced)
{
	u32 acked = p->sack.acked;

	p->sack.acked = 0;
	if (acked) {
		p->cc.one_packet = false;
		xsctp_path_up(asoc, p, SCTP_RECEIVED_SACK);
		if (advanced)
			xsctp_cc_acked(&p->cc, xsctp_path_pmdcs(p), acked,
				       p->sack.flight, asoc->out.fast_recovery);
	}
	if (p->sack.fast && !asoc->out.fast_recovery)
		xsctp_cc_fast_retransmit(&p->cc, xsctp_path_pmdcs(p)); /* 7.2.4 */
	p->sack.fast = false;
	if (!p->cc.flight) {
		p->cc.partial_bytes_acked = 0;	/* 7.2.2: all acknowledged */
		xsctp_t3_stop(asoc, p);
	} else if (acked && advanced) {
		xsctp_t3_restart(asoc, p);
	}
}

/*
 * A SACK with a zero window while we probe it: the peer is alive, only
 * not reading, and that is no error (as Linux; RFC 9260 6.1 A). Once
 * the user closes, it counts again, so a peer that never reads cannot
 * hold the association open forever.
 */
static bool zero_window_probe_answered(const struct xsctp_assoc *asoc,
				       u32 a_rwnd)
{
	return !a_rwnd && asoc->out.outstanding &&
	       asoc->state < XSCTP_S_SHUTDOWN_PENDING;
}

/*
 * RFC 9260 6.1 A: probes the peer answers count against neither the
 * association nor the path they went on (SHOULD NOT), as in Linux.
 */
static void probe_answered(struct xsctp_assoc *asoc)
{
	struct xsctp_tx_chunk *ch = list_first_entry(&asoc->out.sent,
						     struct xsctp_tx_chunk,
						     node);

	asoc->out.errors = 0;
	if (ch->path)
		ch->path->errors = 0;
}

/*
 * Window, RTT, congestion and timers after a SACK that acknowledged @r
 * (7.2, 6.3). Any TSN newly acknowledged, cumulatively or in a gap,
 * clears the association's error count (RFC 9260 8.1, 8.2).
 */
static void sack_effects(struct xsctp_assoc *asoc, u32 a_rwnd, bool advanced,
			 bool fast, const struct sack_result *r)
{
	struct xsctp_outq *q = &asoc->out;
	struct xsctp_path *p;
	u32 rtt_us, flight;

	if (q->fast_recovery && !xsctp_tsn_lt(q->cum_ack, q->recover_tsn))
		q->fast_recovery = false;
	p = q->probe_path;
	if (p && xsctp_rtt_probe_acked(&q->probe, q->cum_ack, xsctp_now_us(),
				       &rtt_us))
		xsctp_rto_sample(&p->rto, &asoc->cfg.rto, rtt_us);
	list_for_each_entry(p, &asoc->paths, node)
		path_acked(asoc, p, advanced);
	if (fast && !q->fast_recovery) {
		q->fast_recovery = true;
		q->recover_tsn = asoc->next_tsn - 1;
	}
	if (zero_window_probe_answered(asoc, a_rwnd))
		probe_answered(asoc);
	else if (advanced || r->any)
		q->errors = 0;
	flight = xsctp_outq_flight(asoc);
	asoc->peer_rwnd = a_rwnd > flight ? a_rwnd - flight : 0;
}

/**
 * xsctp_outq_sack() - the peer acknowledged (RFC 9260 6.2.1)
 * @asoc: the association
 * @sack: its SACK, counts checked against its length
 *
 * A SACK older than one already seen is ignored (6.2.1 D i), and so is
 * one acknowledging a TSN never sent.
 */
void xsctp_outq_sack(struct xsctp_assoc *asoc, const struct xsctp_sack *sack)
{
	struct xsctp_outq *q = &asoc->out;
	struct sack_result r = {};
	struct xsctp_path *p;
	bool advanced, fast;

	if (xsctp_tsn_lt(sack->cum_tsn, q->cum_ack) ||
	    !xsctp_tsn_lt(sack->cum_tsn, asoc->next_tsn))
		return;
	list_for_each_entry(p, &asoc->paths, node)
		p->sack.flight = p->cc.flight;
	advanced = sack->cum_tsn != q->cum_ack;
	ack_cumulative(asoc, sack->cum_tsn, &r);
	q->cum_ack = sack->cum_tsn;
	/* 3.3.8: a SHUTDOWN's lack of gap blocks is no renege (MUST NOT). */
	if (!sack->no_gap_info)
		ack_gaps(asoc, sack, &r);
	fast = count_misses(asoc, &r);
	sack_effects(asoc, sack->a_rwnd, advanced, fast, &r);
	if (r.bytes)
		asoc->sk->sk_write_space(asoc->sk);
	xsctp_outq_flush(asoc);
}

/* Everything outstanding on @p is to be sent again, timed afresh (Karn). */
static void mark_path_rtx(struct xsctp_assoc *asoc, struct xsctp_path *p)
{
	struct xsctp_outq *q = &asoc->out;
	struct xsctp_tx_chunk *ch;

	list_for_each_entry(ch, &q->sent, node) {
		if (ch->acked || ch->rtx || ch->path != p)
			continue;
		mark_rtx(asoc, ch);
		xsctp_rtt_probe_retransmitted(&q->probe, ch->tsn);
	}
}

/**
 * xsctp_outq_t3_expired() - T3-rtx of a path expired (RFC 9260 6.3.3)
 * @asoc: the association
 * @p: the path
 *
 * What is outstanding on @p is sent again (to another path if the policy
 * has one), starting from one packet there, with @p's RTO doubled; after
 * Association.Max.Retrans expiries in a row the association is lost.
 */
void xsctp_outq_t3_expired(struct xsctp_assoc *asoc, struct xsctp_path *p)
{
	struct xsctp_outq *q = &asoc->out;

	if (!q->outstanding)
		return;
	XSCTP_INC_STATS(sock_net(asoc->sk), XSCTP_MIB_T3_EXPIRED);
	if (++q->errors > asoc->cfg.assoc_max_retrans) {
		xsctp_sm_retrans_exceeded(asoc);
		return;
	}
	xsctp_path_error(asoc, p);
	xsctp_rto_backoff(&p->rto, &asoc->cfg.rto);
	xsctp_cc_timeout(&p->cc, xsctp_path_pmdcs(p));
	q->fast_recovery = false;
	mark_path_rtx(asoc, p);
	xsctp_outq_flush(asoc);
}

/**
 * xsctp_outq_cookie_echo() - ready the queue for DATA behind a COOKIE ECHO
 * @asoc: an association in COOKIE-ECHOED
 *
 * The queue starts with the first COOKIE ECHO (RFC 9260 5.1: it may carry
 * DATA); what went with an earlier one, lost with it as T1-cookie says,
 * goes again. Neither cwnd nor the RTO change: T1's backoff covers it.
 *
 * Return: 0, or -ENOMEM: the COOKIE ECHO then goes alone.
 */
int xsctp_outq_cookie_echo(struct xsctp_assoc *asoc)
{
	struct xsctp_path *p;

	if (!asoc->out.next_ssn)
		return xsctp_outq_start(asoc, GFP_ATOMIC);
	list_for_each_entry(p, &asoc->paths, node)
		mark_path_rtx(asoc, p);
	return 0;
}

/**
 * xsctp_outq_retransmit_path() - send again what is outstanding on @p
 * @asoc: the association
 * @p: a path whose MTU fell (pmtu.c): its packets were too big
 *
 * Neither cwnd nor the RTO change: nothing says the path is congested.
 */
void xsctp_outq_retransmit_path(struct xsctp_assoc *asoc, struct xsctp_path *p)
{
	if (!asoc->out.outstanding)
		return;
	mark_path_rtx(asoc, p);
	xsctp_outq_flush(asoc);
}
