// SPDX-License-Identifier: GPL-2.0
/*
 * The default path selection policy (path.h).
 *
 * New DATA goes to the primary path while it is ACTIVE (RFC 9260 6.4).
 * Otherwise, and for retransmissions, the best other path is taken: the
 * best state first (ACTIVE, then potentially failed, then INACTIVE: RFC
 * 7829 says to keep using a PF path when nothing better is left, and RFC
 * 9260 8.2 a failed one when everything has failed), then the fewest
 * errors, then the shortest smoothed RTT; the primary wins ties, then the
 * user's order. Paths not yet confirmed never carry DATA (RFC 9260 5.4).
 */
#include <kunit/visibility.h>
#include <linux/export.h>

#include <net/xsctp/defaults.h>
#include <net/xsctp/notify.h>
#include <net/xsctp/packet.h>
#include <net/xsctp/path.h>

static void switch_over(struct xsctp_assoc *asoc, struct xsctp_path *p);

/**
 * xsctp_path_reply_to() - where a chunk for @p goes
 * @asoc: the association
 * @p: the path the chunk answers or is meant for, or NULL
 *
 * RFC 9260 5.4: nothing but HEARTBEATs and their ACKs goes to an address
 * no HEARTBEAT has confirmed (MUST NOT): such a chunk takes the path DATA
 * takes, as Linux's sctp_outq_flush_ctrl() moves it to the active path.
 * Once the association is up one path at least is confirmed.
 *
 * Return: @p, or the path DATA takes if that one is confirmed.
 */
struct xsctp_path *xsctp_path_reply_to(const struct xsctp_assoc *asoc,
				       struct xsctp_path *p)
{
	struct xsctp_path *alt;

	if (!p || p->state != XSCTP_PATH_UNCONFIRMED)
		return p;
	alt = xsctp_path_for_ctrl(asoc);
	return alt && alt->state != XSCTP_PATH_UNCONFIRMED ? alt : p;
}

/* A path's congestion window from scratch (RFC 9260 7.2.1). */
void xsctp_path_cc_init(const struct xsctp_assoc *asoc, struct xsctp_path *p)
{
	xsctp_cc_init(&p->cc, xsctp_path_pmdcs(p),
		      p->addr.sa.sa_family == AF_INET6, asoc->peer_rwnd);
}

/**
 * xsctp_path_error() - a retransmission timer of @p expired
 * @asoc: its association
 * @p: the path
 *
 * RFC 9260 8.2: past PFMR errors a confirmed path is potentially failed
 * (RFC 7829), past Path.Max.Retrans it is INACTIVE; the policy then sends
 * elsewhere. An ack of DATA sent there (outq.c) or of a heartbeat makes
 * it ACTIVE again. The thresholds compare as Linux's do, so the same
 * settings fail a path after the same number of timeouts; a path never
 * confirmed stays so, without a word to the user, as in Linux.
 */
void xsctp_path_error(struct xsctp_assoc *asoc, struct xsctp_path *p)
{
	const struct xsctp_path_params *par = &p->par;

	if (p->state != XSCTP_PATH_INACTIVE)
		p->errors++;
	if (asoc->cfg.pf_enable && p->state == XSCTP_PATH_ACTIVE &&
	    p->errors < par->max_retrans && p->errors > par->pf_retrans) {
		p->state = XSCTP_PATH_PF;
		if (asoc->cfg.pf_expose == XSCTP_PF_EXPOSE_ENABLE)
			xsctp_notify_paddr_change(asoc, p,
						  SCTP_ADDR_POTENTIALLY_FAILED, 0);
	}
	if (p->state != XSCTP_PATH_INACTIVE &&
	    p->state != XSCTP_PATH_UNCONFIRMED &&
	    p->errors > par->max_retrans) {
		p->state = XSCTP_PATH_INACTIVE;
		xsctp_notify_paddr_change(asoc, p, SCTP_ADDR_UNREACHABLE,
					  SCTP_FAILED_THRESHOLD);
	}
	switch_over(asoc, p);
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_path_error);

/* Another ACTIVE path could take what @p carries. */
static bool has_alternate(const struct xsctp_assoc *asoc,
			  const struct xsctp_path *p)
{
	const struct xsctp_path *q = asoc->policy->for_rtx(asoc, p);

	return q && q != p && q->state == XSCTP_PATH_ACTIVE;
}

/**
 * xsctp_path_t3_us() - how long T3-rtx of @p runs
 * @asoc: its association
 * @p: the path
 *
 * Its RTO (RFC 9260 6.3.2), except for a path that has not failed while
 * another ACTIVE path could take its traffic: then xsctp suspects it
 * after net.sctp.fast_failover ms, or after its measured RTT, RTTVAR
 * and the peer's delayed-SACK time when they add up to more, instead of
 * waiting RTO.Min (1 s) for a path that answers in a millisecond. The
 * expiry makes the path potentially failed and moves its DATA (RFC
 * 7829); a path that was only slow is ACTIVE again at its next SACK.
 * Later timeouts of the same path take the full, backed-off RTO.
 *
 * Return: microseconds.
 */
u32 xsctp_path_t3_us(const struct xsctp_assoc *asoc,
		     const struct xsctp_path *p)
{
	u32 ms = asoc->cfg.fast_failover_ms, quick;

	if (!ms || !p->rto.measured || p->errors ||
	    p->state != XSCTP_PATH_ACTIVE || !has_alternate(asoc, p))
		return p->rto.rto_us;
	quick = max(ms * USEC_PER_MSEC,
		    p->rto.srtt_us + 4 * p->rto.rttvar_us +
		    XSCTP_DEF_SACK_DELAY_MS * USEC_PER_MSEC);
	return min(p->rto.rto_us, quick);
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_path_t3_us);

/**
 * xsctp_path_up() - @p was heard from: it is ACTIVE
 * @asoc: its association
 * @p: the path
 * @why: SCTP_RECEIVED_SACK or SCTP_HEARTBEAT_SUCCESS
 *
 * As Linux tells it: SCTP_ADDR_CONFIRMED for a path a heartbeat
 * confirmed, SCTP_ADDR_AVAILABLE for one that was down, and for one only
 * potentially failed just when the user asked to see that state.
 */
void xsctp_path_up(struct xsctp_assoc *asoc, struct xsctp_path *p, int why)
{
	int change = SCTP_ADDR_AVAILABLE;
	u16 was = p->state;

	p->errors = 0;
	if (was == XSCTP_PATH_ACTIVE)
		return;
	p->state = XSCTP_PATH_ACTIVE;
	if (was == XSCTP_PATH_PF &&
	    asoc->cfg.pf_expose != XSCTP_PF_EXPOSE_ENABLE)
		return;
	if (was == XSCTP_PATH_UNCONFIRMED && why == SCTP_HEARTBEAT_SUCCESS)
		change = SCTP_ADDR_CONFIRMED;
	xsctp_notify_paddr_change(asoc, p, change, why);
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_path_up);

/**
 * xsctp_path_set_primary() - make @p the primary path
 * @asoc: its association
 * @p: one of its paths
 *
 * New DATA goes there while it is ACTIVE. The user learns it through
 * SCTP_ADDR_MADE_PRIM, as in Linux, once the association is up.
 */
void xsctp_path_set_primary(struct xsctp_assoc *asoc, struct xsctp_path *p)
{
	asoc->primary = p;
	xsctp_notify_paddr_change(asoc, p, SCTP_ADDR_MADE_PRIM, 0);
}

/* 0 is best; -1: may not carry DATA. */
static int state_rank(const struct xsctp_path *p)
{
	switch (p->state) {
	case XSCTP_PATH_ACTIVE:
		return 0;
	case XSCTP_PATH_PF:
		return 1;
	case XSCTP_PATH_INACTIVE:
		return 2;
	default:
		return -1;
	}
}

/* The smoothed RTT, or the RTO (RTO.Initial at first) before a sample. */
static u32 rtt_us(const struct xsctp_path *p)
{
	return p->rto.measured ? p->rto.srtt_us : p->rto.rto_us;
}

/*
 * Whether @a should carry DATA rather than @b (NULL: none yet). Ties go
 * to the primary, and between others to the one first in the user's
 * order, which best_path() gets by walking the paths in order and keeping
 * the first best.
 */
static bool better(const struct xsctp_assoc *asoc,
		   const struct xsctp_path *a, const struct xsctp_path *b)
{
	if (!b)
		return true;
	if (state_rank(a) != state_rank(b))
		return state_rank(a) < state_rank(b);
	if (a->errors != b->errors)
		return a->errors < b->errors;
	if (rtt_us(a) != rtt_us(b))
		return rtt_us(a) < rtt_us(b);
	return a == asoc->primary;
}

/* The best path that may carry DATA other than @skip, or NULL. */
static struct xsctp_path *best_path(const struct xsctp_assoc *asoc,
				    const struct xsctp_path *skip)
{
	struct xsctp_path *p, *best = NULL;

	list_for_each_entry(p, &asoc->paths, node)
		if (p != skip && state_rank(p) >= 0 &&
		    better(asoc, p, best))
			best = p;
	return best;
}

static struct xsctp_path *default_for_data(const struct xsctp_assoc *asoc)
{
	struct xsctp_path *p = asoc->primary;

	if (p && p->state == XSCTP_PATH_ACTIVE)
		return p;
	return best_path(asoc, NULL) ?: p;
}

/* RFC 9260 6.4: another ACTIVE path if there is one. */
static struct xsctp_path *default_for_rtx(const struct xsctp_assoc *asoc,
					  const struct xsctp_path *last)
{
	struct xsctp_path *p = best_path(asoc, last);

	if (p && p->state == XSCTP_PATH_ACTIVE)
		return p;
	return default_for_data(asoc);
}

const struct xsctp_path_policy xsctp_path_default = {
	.name = "default",
	.for_data = default_for_data,
	.for_rtx = default_for_rtx,
};
EXPORT_SYMBOL_IF_KUNIT(xsctp_path_default);

/*
 * Primary switch-over (net.sctp.ps_retrans, RFC 7829 section 6): a
 * primary that has failed that many times in a row hands the role to the
 * path new DATA goes to instead, for good. Off by default, as in Linux,
 * so the primary takes its traffic back when it recovers.
 */
static void switch_over(struct xsctp_assoc *asoc, struct xsctp_path *p)
{
	struct xsctp_path *next;

	if (asoc->primary != p || p->errors <= p->par.ps_retrans)
		return;
	next = asoc->policy->for_data(asoc);
	if (next && next != p)
		xsctp_path_set_primary(asoc, next);
}
