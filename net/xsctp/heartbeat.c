// SPDX-License-Identifier: GPL-2.0
/*
 * Our HEARTBEATs (heartbeat.h).
 *
 * When: an idle path every RTO + HB.interval, jittered by +/- RTO/2 (RFC
 * 9260 8.3); an unconfirmed or potentially failed one every RTO (5.4,
 * RFC 7829 5.1). A path that carried DATA since its last heartbeat is
 * not idle and waits for the next round.
 *
 * What: the Heartbeat Info is ours alone and the peer echoes it: the
 * path's address, when it was sent, and a random 64-bit nonce, the last
 * one sent on that path. A HEARTBEAT ACK counts only if it echoes that
 * nonce, so an attacker who sees no traffic cannot confirm an address or
 * revive a path (5.4, 8.3).
 *
 * Errors: a heartbeat not answered when the next one is due is an error
 * against its path (8.2, which may make it PF or INACTIVE) and against
 * the association (8.1); an answer clears both.
 */
#include <linux/jiffies.h>
#include <linux/random.h>

#include <net/xsctp/chunk.h>
#include <net/xsctp/effects.h>
#include <net/xsctp/heartbeat.h>
#include <net/xsctp/outq.h>
#include <net/xsctp/path.h>
#include <net/xsctp/sm.h>

struct xsctp_hb_info {
	union xsctp_addr addr;
	u64 nonce;
	u32 sent_us;
} __packed;

static bool probing(const struct xsctp_path *p)
{
	return p->state == XSCTP_PATH_UNCONFIRMED || p->state == XSCTP_PATH_PF;
}

/* When @p's next heartbeat is due, from now. */
static unsigned long hb_delay(const struct xsctp_assoc *asoc,
			      const struct xsctp_path *p)
{
	u32 rto_ms = DIV_ROUND_UP(p->rto.rto_us, USEC_PER_MSEC);
	u64 ms = rto_ms;

	if (!probing(p))
		ms += (u64)p->par.hb_interval_ms +
		      get_random_u32_below(rto_ms + 1) - rto_ms / 2;
	/* Any u32 interval a user sets: msecs_to_jiffies() saturates. */
	return max(msecs_to_jiffies(min_t(u64, ms, UINT_MAX)), 1UL);
}

static void hb_rearm(struct xsctp_assoc *asoc)
{
	struct xsctp_path *p, *first = NULL;

	list_for_each_entry(p, &asoc->paths, node)
		if (p->hb_on && (!first || time_before(p->hb_at, first->hb_at)))
			first = p;
	if (!first) {
		if (del_timer(&asoc->hb_timer))
			xsctp_assoc_put(asoc);
	} else if (!mod_timer(&asoc->hb_timer, first->hb_at)) {
		xsctp_assoc_hold(asoc);
	}
}

/* As Linux, a path with heartbeats off gets none, even unconfirmed. */
static void schedule_hb(struct xsctp_assoc *asoc, struct xsctp_path *p)
{
	p->hb_at = jiffies + hb_delay(asoc, p);
	p->hb_on = !(p->par.flags & XSCTP_PP_HB_OFF);
}

static void send_hb(struct xsctp_assoc *asoc, struct xsctp_path *p)
{
	struct xsctp_hb_info info = {};
	u8 buf[XSCTP_CHUNK_HDR_LEN + XSCTP_PARAM_HDR_LEN + sizeof(info) + 4];
	int n;

	info.addr = p->addr;
	info.nonce = get_random_u64();
	info.sent_us = xsctp_now_us();
	p->hb_nonce = info.nonce;
	p->hb_pending = true;
	n = xsctp_heartbeat_put(buf, sizeof(buf), XSCTP_CID_HEARTBEAT, &info,
				sizeof(info));
	if (n > 0)
		xsctp_send_to_path(asoc, p, asoc->peer_tag, buf, n);
}

/*
 * The previous heartbeat went unanswered: 8.1, 8.2. Only on the path DATA
 * takes does it count against the association (8.1: SHOULD NOT count the
 * others, so an idle but working path keeps it alive; Linux counts every
 * confirmed path's). A peer address never confirmed is no sign that the
 * peer is gone.
 */
static void hb_missed(struct xsctp_assoc *asoc, struct xsctp_path *p)
{
	p->hb_pending = false;
	if (p->state != XSCTP_PATH_UNCONFIRMED &&
	    p == xsctp_path_for_ctrl(asoc) &&
	    ++asoc->out.errors > asoc->cfg.assoc_max_retrans) {
		xsctp_sm_retrans_exceeded(asoc);
		return;
	}
	xsctp_path_error(asoc, p);
	xsctp_rto_backoff(&p->rto, &asoc->cfg.rto);
}

static void hb_due(struct xsctp_assoc *asoc, struct xsctp_path *p)
{
	if (p->hb_pending)
		hb_missed(asoc, p);
	if (asoc->dead)
		return;
	if (p->par.flags & XSCTP_PP_HB_OFF) {	/* it was a demanded one */
		p->hb_on = false;
		return;
	}
	if (probing(p) || !p->sent_since_hb)
		send_hb(asoc, p);
	p->sent_since_hb = false;
	schedule_hb(asoc, p);
}

/* The association is up: every path gets its first heartbeat time. */
void xsctp_hb_start(struct xsctp_assoc *asoc)
{
	struct xsctp_path *p;

	list_for_each_entry(p, &asoc->paths, node)
		schedule_hb(asoc, p);
	hb_rearm(asoc);
}

void xsctp_hb_stop(struct xsctp_assoc *asoc)
{
	struct xsctp_path *p;

	list_for_each_entry(p, &asoc->paths, node)
		p->hb_on = false;
	if (del_timer(&asoc->hb_timer))
		xsctp_assoc_put(asoc);
}

/*
 * Once our SHUTDOWN or SHUTDOWN ACK is out, as Linux: the peer is about
 * to free the association, and would answer a late HEARTBEAT, or ack,
 * with an ABORT as out of the blue, ending ours with ECONNRESET instead
 * of SHUTDOWN COMPLETE. T2 watches the peer from then on.
 */
static bool closing(const struct xsctp_assoc *asoc)
{
	return asoc->state == XSCTP_S_SHUTDOWN_SENT ||
	       asoc->state == XSCTP_S_SHUTDOWN_ACK_SENT;
}

/* Between xsctp_hb_start() and xsctp_hb_stop(). */
static bool running(const struct xsctp_assoc *asoc)
{
	return asoc->state >= XSCTP_S_ESTABLISHED && !closing(asoc) &&
	       !asoc->dead;
}

/**
 * xsctp_hb_params_changed() - @p's heartbeat interval or switch changed
 * @asoc: the association
 * @p: the path (SCTP_PEER_ADDR_PARAMS)
 *
 * Its next heartbeat is counted from now, as Linux restarts the timer.
 */
void xsctp_hb_params_changed(struct xsctp_assoc *asoc, struct xsctp_path *p)
{
	if (!running(asoc))
		return;
	schedule_hb(asoc, p);
	hb_rearm(asoc);
}

/**
 * xsctp_hb_demand() - SPP_HB_DEMAND: a HEARTBEAT to @p now
 * @asoc: the association
 * @p: the path
 *
 * Even with heartbeats off, as Linux. An earlier one still unanswered
 * can no longer be (its nonce is replaced); this one is missed if no
 * answer comes before the next is due.
 */
void xsctp_hb_demand(struct xsctp_assoc *asoc, struct xsctp_path *p)
{
	if (!running(asoc))
		return;
	send_hb(asoc, p);
	schedule_hb(asoc, p);
	p->hb_on = true;	/* off or not: its answer is waited for */
	hb_rearm(asoc);
}

static void hb_expire_due(struct xsctp_assoc *asoc)
{
	struct xsctp_path *p;

	if (closing(asoc)) {
		xsctp_hb_stop(asoc);
		return;
	}

	list_for_each_entry(p, &asoc->paths, node) {
		if (asoc->dead)
			return;
		if (p->hb_on && !time_before(jiffies, p->hb_at))
			hb_due(asoc, p);
	}
	if (!asoc->dead)
		hb_rearm(asoc);
}

void xsctp_hb_fired(struct timer_list *t)
{
	struct xsctp_assoc *asoc = from_timer(asoc, t, hb_timer);

	xsctp_run_locked(asoc, t, hb_expire_due);
}

/* The path a HEARTBEAT ACK answers for, if it echoes our last nonce. */
static struct xsctp_path *answered(struct xsctp_assoc *asoc,
				   const struct xsctp_heartbeat *hb,
				   struct xsctp_hb_info *info)
{
	struct xsctp_path *p;

	if (hb->info_len != sizeof(*info))
		return NULL;
	memcpy(info, hb->info, sizeof(*info));
	p = xsctp_assoc_find_path(asoc, &info->addr);
	if (!p || !p->hb_pending || p->hb_nonce != info->nonce)
		return NULL;
	return p;
}

/**
 * xsctp_hb_ack_rcv() - a HEARTBEAT ACK arrived
 * @asoc: the association
 * @c: the chunk
 *
 * Its path is reachable: confirmed if it was not, ACTIVE, errors cleared,
 * and one RTT sample (RFC 9260 8.3). The policy (path.c) moves DATA back
 * to the primary if that is the path that recovered.
 */
void xsctp_hb_ack_rcv(struct xsctp_assoc *asoc, const struct xsctp_chunk *c)
{
	struct xsctp_heartbeat hb;
	struct xsctp_hb_info info;
	struct xsctp_path *p;
	bool was_active;

	if (xsctp_heartbeat_parse(c, &hb) != XSCTP_WIRE_OK)
		return;
	p = answered(asoc, &hb, &info);
	if (!p)
		return;
	p->hb_pending = false;
	/* As Linux: a peer that keeps its window shut cannot stall a close. */
	if (asoc->state < XSCTP_S_SHUTDOWN_PENDING)
		asoc->out.errors = 0;
	xsctp_rto_sample(&p->rto, &asoc->cfg.rto, xsctp_now_us() - info.sent_us);
	was_active = p->state == XSCTP_PATH_ACTIVE;
	xsctp_path_up(asoc, p, SCTP_HEARTBEAT_SUCCESS);
	if (!was_active)
		xsctp_outq_flush(asoc);
}
