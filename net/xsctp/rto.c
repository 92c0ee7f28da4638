// SPDX-License-Identifier: GPL-2.0
/*
 * RTO estimation (RFC 9260 6.3.1, rules C1-C7) in integer microseconds.
 *
 * The updates are written as x - x/k + y/k so that every intermediate value
 * stays below max(x, y): no sample, however extreme, can overflow, and the
 * result is clamped to [RTO.Min, RTO.Max] (rules C6 and C7).
 */
#include <kunit/visibility.h>
#include <linux/export.h>
#include <linux/minmax.h>

#include <net/xsctp/defaults.h>
#include <net/xsctp/rto.h>
#include <net/xsctp/serial.h>

#define RTO_ALPHA_SHIFT	3	/* RTO.Alpha = 1/8 */
#define RTO_BETA_SHIFT	2	/* RTO.Beta = 1/4 */

static u32 clamp_rto(u64 rto, const struct xsctp_rto_params *p)
{
	return clamp_t(u64, rto, p->min_us, p->max_us);
}

/* Rule C1: RTO.Initial until the first measurement. */
void xsctp_rto_init(struct xsctp_rto *rto, const struct xsctp_rto_params *p)
{
	*rto = (struct xsctp_rto) {
		.rto_us = clamp_rto(p->initial_us, p),
	};
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_rto_init);

/* Rules C2 (first sample) and C3 (later samples). */
void xsctp_rto_sample(struct xsctp_rto *rto, const struct xsctp_rto_params *p,
		      u32 rtt_us)
{
	if (!rto->measured) {
		rto->srtt_us = rtt_us;
		rto->rttvar_us = rtt_us / 2;
		rto->measured = true;
	} else {
		u32 delta = rto->srtt_us > rtt_us ? rto->srtt_us - rtt_us :
						     rtt_us - rto->srtt_us;

		/* RTTVAR uses SRTT from before this update. */
		rto->rttvar_us = rto->rttvar_us - (rto->rttvar_us >> RTO_BETA_SHIFT) +
				 (delta >> RTO_BETA_SHIFT);
		rto->srtt_us = rto->srtt_us - (rto->srtt_us >> RTO_ALPHA_SHIFT) +
			       (rtt_us >> RTO_ALPHA_SHIFT);
	}
	/*
	 * C3 asks for RTTVAR = G when it computes to 0. In integers the
	 * decay x - x/4 stalls at 3 and never reaches 0, so G is a floor.
	 */
	if (rto->rttvar_us < XSCTP_RTO_GRANULARITY_US)
		rto->rttvar_us = XSCTP_RTO_GRANULARITY_US;
	rto->rto_us = clamp_rto((u64)rto->srtt_us + 4 * (u64)rto->rttvar_us, p);
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_rto_sample);

/* T3-rtx or T1 expiry (RFC 9260 6.3.3 E2): double, up to RTO.Max. */
void xsctp_rto_backoff(struct xsctp_rto *rto, const struct xsctp_rto_params *p)
{
	rto->rto_us = clamp_rto(2 * (u64)rto->rto_us, p);
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_rto_backoff);

/* Rule C4: time one new chunk per round trip, unless one is timed already. */
void xsctp_rtt_probe_start(struct xsctp_rtt_probe *probe, u32 tsn, u32 now_us)
{
	if (probe->active)
		return;
	*probe = (struct xsctp_rtt_probe) {
		.tsn = tsn, .sent_us = now_us, .active = true,
	};
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_rtt_probe_start);

/*
 * Rule C5 (Karn): a retransmission of the timed chunk, or of any chunk sent
 * before it, makes the measurement ambiguous.
 */
void xsctp_rtt_probe_retransmitted(struct xsctp_rtt_probe *probe, u32 tsn)
{
	if (probe->active && xsctp_tsn_lte(tsn, probe->tsn))
		probe->active = false;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_rtt_probe_retransmitted);

/* The cumulative ack covers the timed chunk: one RTT sample. */
bool xsctp_rtt_probe_acked(struct xsctp_rtt_probe *probe, u32 cum_tsn,
			   u32 now_us, u32 *rtt_us)
{
	if (!probe->active || !xsctp_tsn_lte(probe->tsn, cum_tsn))
		return false;
	probe->active = false;
	*rtt_us = now_us - probe->sent_us;
	return true;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_rtt_probe_acked);
