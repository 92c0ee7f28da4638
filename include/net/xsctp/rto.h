/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Retransmission timeout estimation per path (RFC 9260 6.3.1), and the
 * round-trip probe that feeds it while honouring Karn's rule. Pure: times
 * are arguments, in microseconds.
 */
#ifndef _NET_XSCTP_RTO_H
#define _NET_XSCTP_RTO_H

#include <linux/types.h>

struct xsctp_rto_params {
	u32 initial_us;
	u32 min_us;
	u32 max_us;	/* >= min_us */
};

struct xsctp_rto {
	u32 srtt_us;	/* valid once measured */
	u32 rttvar_us;
	u32 rto_us;	/* always within [min_us, max_us] */
	bool measured;
};

/* One outstanding RTT measurement: at most one per round trip (rule C4). */
struct xsctp_rtt_probe {
	u32 tsn;
	u32 sent_us;
	bool active;
};

void xsctp_rto_init(struct xsctp_rto *rto, const struct xsctp_rto_params *p);
void xsctp_rto_sample(struct xsctp_rto *rto, const struct xsctp_rto_params *p,
		      u32 rtt_us);
void xsctp_rto_backoff(struct xsctp_rto *rto, const struct xsctp_rto_params *p);

void xsctp_rtt_probe_start(struct xsctp_rtt_probe *probe, u32 tsn, u32 now_us);
void xsctp_rtt_probe_retransmitted(struct xsctp_rtt_probe *probe, u32 tsn);
bool xsctp_rtt_probe_acked(struct xsctp_rtt_probe *probe, u32 cum_tsn,
			   u32 now_us, u32 *rtt_us);

#endif /* _NET_XSCTP_RTO_H */
