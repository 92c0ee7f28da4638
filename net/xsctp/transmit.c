// SPDX-License-Identifier: GPL-2.0
/*
 * What leaves an association's queues, and when: a SACK first when one is
 * due (bundled, RFC 9260 6.2), then chunks marked for retransmission,
 * then new DATA while cwnd, the peer's window, Max.Burst (SCTP_MAX_BURST)
 * and Nagle allow
 * (6.1, 7.2). The association's path policy picks the path for new DATA
 * and, for retransmissions, another one when it can (6.4). T3-rtx runs
 * on every path with DATA outstanding (6.3.2).
 */
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <net/sock.h>

#include <net/xsctp/chunk.h>
#include <net/xsctp/inq.h>
#include <net/xsctp/netns.h>
#include <net/xsctp/outq.h>
#include <net/xsctp/packet.h>
#include <net/xsctp/path.h>
#include <net/xsctp/sm.h>
#include <net/xsctp/socket.h>

u32 xsctp_now_us(void)
{
	return (u32)ktime_to_us(ktime_get());
}

static u32 data_len(const struct xsctp_tx_chunk *ch)
{
	return ALIGN(XSCTP_CHUNK_HDR_LEN + XSCTP_DATA_FIXED_LEN + ch->len, 4);
}

/* Room for @ch in the packet (which may leave first to make it). */
static u8 *data_room(struct xsctp_packet *pkt, const struct xsctp_tx_chunk *ch)
{
	return xsctp_packet_reserve(pkt, data_len(ch));
}

static void write_data(struct xsctp_packet *pkt, u8 *at,
		       const struct xsctp_tx_chunk *ch)
{
	struct xsctp_data d = {
		.tsn = ch->tsn, .sid = ch->sid, .ssn = ch->ssn,
		.ppid = ch->ppid, .flags = ch->flags,
		.payload_len = ch->len, .payload = ch->data,
	};

	xsctp_data_put(at, data_len(ch), &d);
	xsctp_packet_commit(pkt, data_len(ch));
}

static void mark_sent(struct xsctp_assoc *asoc, struct xsctp_path *path,
		      struct xsctp_tx_chunk *ch)
{
	ch->sends++;
	ch->path = path;
	path->sent_since_hb = true;
	ch->in_flight = true;
	ch->misses = 0;
	path->data_at = jiffies;
	path->cc.flight += ch->len;
	asoc->peer_rwnd -= min(asoc->peer_rwnd, ch->len);
}

/*
 * Chunks marked for retransmission, as cwnd allows; but a fast
 * retransmission goes at once whatever cwnd says, in one packet (RFC 9260
 * 7.2.4: SHOULD, as Linux). T3-rtx of the path starts again when the
 * earliest outstanding TSN goes again (6.1: MUST; Linux's sctp.ko only
 * starts a stopped T3); otherwise a running T3 goes on (MUST NOT restart).
 */
static void send_retransmissions(struct xsctp_assoc *asoc,
				 struct xsctp_packet *pkt)
{
	struct xsctp_outq *q = &asoc->out;
	struct xsctp_path *path = pkt->path;
	bool fast = q->fast_rtx_now, earliest = false;
	struct xsctp_tx_chunk *ch;
	u8 *at;

	q->fast_rtx_now = false;
	if (fast) {
		xsctp_packet_send(pkt);	/* a SACK ahead leaves it the room */
		pkt->single = true;
	}

	list_for_each_entry(ch, &q->sent, node) {
		if (!q->rtx_waiting)
			break;
		if (!ch->rtx)
			continue;
		if (!fast && !xsctp_cc_open(&path->cc))
			break;
		at = data_room(pkt, ch);
		if (!at)
			break;
		write_data(pkt, at, ch);
		ch->rtx = false;
		q->rtx_waiting--;
		XSCTP_INC_STATS(sock_net(asoc->sk), XSCTP_MIB_OUT_RETRANSMITS);
		xsctp_rtt_probe_retransmitted(&q->probe, ch->tsn);
		mark_sent(asoc, path, ch);
		earliest |= ch->tsn == q->cum_ack + 1;
	}
	if (earliest)
		xsctp_t3_restart(asoc, path);
}

/*
 * Nagle, as Linux: with DATA in flight, a small message waits while
 * what is queued would not fill a packet, unless SCTP_NODELAY. Messages
 * cut into several chunks never wait.
 */
static bool nagle_holds(const struct xsctp_assoc *asoc,
			const struct xsctp_packet *pkt,
			const struct xsctp_tx_chunk *ch)
{
	const u8 whole = XSCTP_DATA_BEGIN | XSCTP_DATA_END;

	if (xsctp_sk(asoc->sk)->nodelay || pkt->len || !asoc->out.outstanding)
		return false;
	if ((ch->flags & whole) != whole)
		return false;
	return asoc->out.unsent_bytes < xsctp_frag_point(asoc);
}

/* 6.1 A: no new DATA beyond the peer's window, but for one probe. */
static bool window_allows(const struct xsctp_assoc *asoc,
			  const struct xsctp_tx_chunk *ch)
{
	return ch->len <= asoc->peer_rwnd || !asoc->out.outstanding;
}

/*
 * An ordered message takes its stream's next sequence number when its
 * first chunk is sent; its other chunks follow it in the queue.
 */
static void number_chunk(struct xsctp_outq *q, struct xsctp_tx_chunk *ch)
{
	if (ch->flags & XSCTP_DATA_UNORDERED)
		return;
	if (ch->flags & XSCTP_DATA_BEGIN)
		q->next_ssn[ch->sid]++;
	ch->ssn = q->next_ssn[ch->sid] - 1;
}

static void send_new(struct xsctp_assoc *asoc, struct xsctp_packet *pkt)
{
	struct xsctp_outq *q = &asoc->out;
	struct xsctp_path *path = pkt->path;
	u32 burst = xsctp_cc_burst(xsctp_path_pmdcs(path), asoc->cfg.max_burst);
	struct xsctp_tx_chunk *ch;
	u8 *at;

	while ((ch = list_first_entry_or_null(&q->unsent,
					      struct xsctp_tx_chunk, node))) {
		if (!xsctp_cc_open(&path->cc) || burst < ch->len ||
		    !window_allows(asoc, ch) || nagle_holds(asoc, pkt, ch))
			break;
		at = data_room(pkt, ch);
		if (!at)
			break;
		ch->tsn = asoc->next_tsn++;
		number_chunk(q, ch);
		write_data(pkt, at, ch);
		XSCTP_INC_STATS(sock_net(asoc->sk), XSCTP_MIB_OUT_DATA_CHUNKS);
		list_move_tail(&ch->node, &q->sent);
		q->outstanding++;
		q->unsent_bytes -= ch->len;
		if (!q->probe.active)
			q->probe_path = path;
		xsctp_rtt_probe_start(&q->probe, ch->tsn, xsctp_now_us());
		mark_sent(asoc, path, ch);
		burst -= ch->len;
	}
}

/* DATA may flow from COOKIE ACK until the SHUTDOWN sequence ends it. */
static bool data_state(const struct xsctp_assoc *asoc)
{
	switch (asoc->state) {
	case XSCTP_S_ESTABLISHED:
	case XSCTP_S_SHUTDOWN_PENDING:
	case XSCTP_S_SHUTDOWN_RECEIVED:
		return true;
	default:
		return false;
	}
}

static bool data_waiting(const struct xsctp_assoc *asoc)
{
	return asoc->out.rtx_waiting || !list_empty(&asoc->out.unsent);
}

static void put_sack(struct xsctp_assoc *asoc, struct xsctp_packet *pkt)
{
	u32 max = min_t(u32, pkt->room, XSCTP_PACKET_ALLOC);
	u8 *at = xsctp_packet_reserve(pkt, max);
	int n;

	if (!at)
		return;
	n = xsctp_inq_put_sack(asoc, at, max);
	if (n > 0)
		xsctp_packet_commit(pkt, n);
}

static bool any_t3(const struct xsctp_assoc *asoc)
{
	const struct xsctp_path *p;

	list_for_each_entry(p, &asoc->paths, node)
		if (p->t3_on)
			return true;
	return false;
}

/* Where the first chunk waiting for retransmission was last sent. */
static struct xsctp_path *rtx_from(const struct xsctp_assoc *asoc)
{
	const struct xsctp_tx_chunk *ch;

	list_for_each_entry(ch, &asoc->out.sent, node)
		if (ch->rtx)
			return ch->path;
	return NULL;
}

/*
 * A SACK alone goes where the last DATA came from (6.4), unless no
 * HEARTBEAT has confirmed that address yet (5.4): @path, the one DATA
 * would take, gets it instead.
 */
static struct xsctp_path *sack_path(const struct xsctp_assoc *asoc,
				    struct xsctp_path *path)
{
	return xsctp_path_reply_to(asoc, asoc->in.last_from) ?: path;
}

/*
 * RFC 9260 7.2.1, 7.2.2: before DATA goes on a path that had none out
 * for whole RTOs since it last sent some, cwnd is cut once for each of
 * them (xsctp_cc_idle()); those RTOs are then accounted for.
 */
static void idle_decay(struct xsctp_path *path)
{
	unsigned long rto = max(usecs_to_jiffies(path->rto.rto_us), 1UL);
	unsigned long rtos = (jiffies - path->data_at) / rto;

	if (path->cc.flight || !path->data_at || !rtos)
		return;
	xsctp_cc_idle(&path->cc, xsctp_path_pmdcs(path), min(rtos, 32UL));
	path->data_at += rtos * rto;
}

/*
 * RFC 9260 7.2.1: after T3-rtx, one packet of DATA in flight until an
 * ack (MUST). A SACK in @pkt goes ahead of it, alone, leaving it all the
 * room; none may go while one is in flight.
 *
 * Return: whether DATA may go in @pkt.
 */
static bool one_packet_allows(struct xsctp_packet *pkt)
{
	if (!pkt->path->cc.one_packet)
		return true;
	xsctp_packet_send(pkt);
	pkt->single = true;
	return !pkt->path->cc.flight;
}

/*
 * One or more packets to @path: the SACK first if @sack, then chunks to
 * retransmit if @rtx, then new DATA if @new; T3 of @path starts if it
 * now has DATA outstanding (6.3.2 R1).
 */
static void send_to(struct xsctp_assoc *asoc, struct xsctp_path *path,
		    bool sack, bool rtx, bool new)
{
	struct xsctp_packet pkt;

	xsctp_packet_init(&pkt, asoc, path);
	if (sack)
		put_sack(asoc, &pkt);
	if (!one_packet_allows(&pkt)) {
		rtx = false;
		new = false;
	}
	if (rtx || new)
		idle_decay(path);
	if (rtx)
		send_retransmissions(asoc, &pkt);
	if (new)
		send_new(asoc, &pkt);
	xsctp_packet_free(&pkt);
	if (path->cc.flight && !path->t3_on)
		xsctp_t3_restart(asoc, path);
}

/*
 * Retransmissions first, to the path the policy picks for them, then new
 * DATA to @path. A SACK (if @sack) rides only with DATA to @sp, where the
 * peer's DATA came from (RFC 9260 6.4: SHOULD NOT vary; 6.7: SHOULD), as
 * Linux bundles one only towards the path that brought DATA.
 *
 * Return: whether the SACK went.
 */
static bool send_data(struct xsctp_assoc *asoc, struct xsctp_path *path,
		      struct xsctp_path *sp, bool sack)
{
	unsigned int rtx = asoc->out.rtx_waiting;
	struct xsctp_path *rtx_path = NULL;
	bool sent = false, here;

	if (rtx) {
		rtx_path = asoc->policy->for_rtx(asoc, rtx_from(asoc));
		sent = sack && rtx_path == sp;
		send_to(asoc, rtx_path, sent, true, rtx_path == path);
	}
	/* 6.1 C: no new DATA while some waits to go again (MUST). */
	if (!rtx || rtx_path != path) {
		here = sack && !sent && path == sp;
		send_to(asoc, path, here, false, !asoc->out.rtx_waiting);
		sent |= here;
	}
	return sent;
}

/**
 * xsctp_transmit() - send what the association's state allows now
 * @asoc: the association
 * @sack: a SACK is due now, with or without DATA to carry it
 *
 * A SACK merely pending (the delayed-SACK timer runs) rides along when
 * DATA goes anyway where the last DATA came from; a SACK due goes there,
 * alone if no DATA does (6.4, 6.7).
 */
void xsctp_transmit(struct xsctp_assoc *asoc, bool sack)
{
	bool data = data_state(asoc) && data_waiting(asoc);
	u32 next_tsn = asoc->next_tsn;
	unsigned int rtx = asoc->out.rtx_waiting;
	struct xsctp_path *path, *sp;

	path = asoc->policy->for_data(asoc);
	if (!path || asoc->dead || (!sack && !data))
		return;
	sp = sack_path(asoc, path);
	if (!data) {
		send_to(asoc, sp, true, false, false);
		return;
	}
	/* A SACK merely pending rides along; one due now goes anyway. */
	if (!send_data(asoc, path, sp, sack || xsctp_inq_sack_pending(asoc)) &&
	    sack)
		send_to(asoc, sp, true, false, false);
	/*
	 * DATA outstanding but in flight nowhere (all of it gap-acked, or
	 * waiting for room to be sent again): a T3 still guards it.
	 */
	if (asoc->out.outstanding && !any_t3(asoc))
		xsctp_t3_restart(asoc, path);
	if (asoc->next_tsn != next_tsn || asoc->out.rtx_waiting != rtx)
		xsctp_sm_data_sent(asoc);	/* SCTP_AUTOCLOSE: not idle */
}

/**
 * xsctp_transmit_with_cookie() - DATA behind the COOKIE ECHO in @pkt
 * @asoc: an association in COOKIE-ECHOED (xsctp_outq_cookie_echo() done)
 * @pkt: the ->single packet that holds the COOKIE ECHO
 *
 * RFC 9260 5.1: DATA may ride with the COOKIE ECHO, and no other packet
 * may go before the COOKIE ACK: what an earlier COOKIE ECHO carried goes
 * again, then what the user queued, as far as the packet holds. Only
 * T1-cookie runs meanwhile; T3-rtx starts with the association.
 */
void xsctp_transmit_with_cookie(struct xsctp_assoc *asoc,
				struct xsctp_packet *pkt)
{
	send_retransmissions(asoc, pkt);
	send_new(asoc, pkt);
}

/**
 * xsctp_transmit_established() - the association is up (COOKIE ACK)
 * @asoc: the association
 *
 * What went with the COOKIE ECHO is outstanding now: T3-rtx guards it
 * where it went (6.3.2 R1). Then what sendmsg() queued meanwhile goes.
 */
void xsctp_transmit_established(struct xsctp_assoc *asoc)
{
	struct xsctp_path *p;

	list_for_each_entry(p, &asoc->paths, node)
		if (p->cc.flight && !p->t3_on)
			xsctp_t3_restart(asoc, p);
	xsctp_transmit(asoc, false);
}

void xsctp_outq_flush(struct xsctp_assoc *asoc)
{
	xsctp_transmit(asoc, false);
}
