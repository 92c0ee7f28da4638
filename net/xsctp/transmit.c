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
	path->cc.flight += ch->len;
	asoc->peer_rwnd -= min(asoc->peer_rwnd, ch->len);
}

static void send_retransmissions(struct xsctp_assoc *asoc,
				 struct xsctp_packet *pkt)
{
	struct xsctp_outq *q = &asoc->out;
	struct xsctp_path *path = pkt->path;
	struct xsctp_tx_chunk *ch;
	u8 *at;

	list_for_each_entry(ch, &q->sent, node) {
		if (!q->rtx_waiting)
			break;
		if (!ch->rtx)
			continue;
		if (!xsctp_cc_room(&path->cc, path->pmtu, 0))
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
	}
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
	struct xsctp_tx_chunk *ch;
	u32 room;
	u8 *at;

	room = xsctp_cc_room(&path->cc, path->pmtu, asoc->cfg.max_burst);
	while ((ch = list_first_entry_or_null(&q->unsent,
					      struct xsctp_tx_chunk, node))) {
		if (room < ch->len || !window_allows(asoc, ch) ||
		    nagle_holds(asoc, pkt, ch))
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
		room -= ch->len;
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
 * HEARTBEAT has confirmed that address yet: nothing but HEARTBEATs may go
 * there (5.4), and @path, the one DATA would take, gets it instead.
 */
static struct xsctp_path *sack_path(const struct xsctp_assoc *asoc,
				    struct xsctp_path *path)
{
	struct xsctp_path *from = asoc->in.last_from;

	return from && from->state != XSCTP_PATH_UNCONFIRMED ? from : path;
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
	if (rtx)
		send_retransmissions(asoc, &pkt);
	if (new)
		send_new(asoc, &pkt);
	xsctp_packet_free(&pkt);
	if (path->cc.flight && !path->t3_on)
		xsctp_t3_restart(asoc, path);
}

/**
 * xsctp_transmit() - send what the association's state allows now
 * @asoc: the association
 * @sack: a SACK is due now, with or without DATA to carry it
 *
 * A SACK merely pending (the delayed-SACK timer runs) rides along when
 * DATA goes anyway. Alone, it goes where the last DATA came from (6.4).
 */
void xsctp_transmit(struct xsctp_assoc *asoc, bool sack)
{
	const struct xsctp_path_policy *pol = asoc->policy;
	bool data = data_state(asoc) && data_waiting(asoc);
	u32 next_tsn = asoc->next_tsn;
	unsigned int rtx = asoc->out.rtx_waiting;
	struct xsctp_path *path, *rtx_path = NULL;

	path = pol->for_data(asoc);
	if (!path || asoc->dead || (!sack && !data))
		return;
	sack = sack || (data && xsctp_inq_sack_pending(asoc));
	if (!data) {
		send_to(asoc, sack_path(asoc, path), true, false, false);
		return;
	}
	if (rtx) {
		rtx_path = pol->for_rtx(asoc, rtx_from(asoc));
		send_to(asoc, rtx_path, sack, true, rtx_path == path);
		sack = false;
	}
	if (!rtx || rtx_path != path)
		send_to(asoc, path, sack, false, true);
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
