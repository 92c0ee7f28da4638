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

#include <net/xsctp/path.h>

/**
 * xsctp_path_error() - a retransmission timer of @p expired
 * @asoc: its association
 * @p: the path
 *
 * RFC 9260 8.2: past PFMR errors a confirmed path is potentially failed
 * (RFC 7829), past Path.Max.Retrans it is INACTIVE; the policy then sends
 * elsewhere. An ack of DATA sent there (outq.c) makes it ACTIVE again.
 */
void xsctp_path_error(const struct xsctp_assoc *asoc, struct xsctp_path *p)
{
	p->errors++;
	if (p->state == XSCTP_PATH_ACTIVE && p->errors > asoc->cfg.pf_retrans)
		p->state = XSCTP_PATH_PF;
	if (p->state == XSCTP_PATH_PF && p->errors > asoc->cfg.path_max_retrans)
		p->state = XSCTP_PATH_INACTIVE;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_path_error);

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
