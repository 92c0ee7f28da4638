/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Congestion control per path (RFC 9260 7.2): slow start, congestion
 * avoidance, and the reactions to a retransmission timeout and to a fast
 * retransmit. Pure: the caller tells it what was acknowledged and when.
 */
#ifndef _NET_XSCTP_CC_H
#define _NET_XSCTP_CC_H

#include <linux/types.h>

struct xsctp_cc {
	u32 cwnd;		/* bytes */
	u32 ssthresh;
	u32 partial_bytes_acked;
	u32 flight;		/* bytes sent here and not yet acknowledged */
	bool one_packet;	/* T3-rtx expired, nothing acknowledged since */
};

void xsctp_cc_init(struct xsctp_cc *cc, u32 pmdcs, bool ipv6, u32 peer_rwnd);
void xsctp_cc_acked(struct xsctp_cc *cc, u32 pmdcs, u32 bytes,
		    u32 flight_before, bool in_fast_recovery);
void xsctp_cc_idle(struct xsctp_cc *cc, u32 pmdcs, u32 rtos);
void xsctp_cc_timeout(struct xsctp_cc *cc, u32 pmdcs);
void xsctp_cc_fast_retransmit(struct xsctp_cc *cc, u32 pmdcs);
bool xsctp_cc_open(const struct xsctp_cc *cc);
u32 xsctp_cc_burst(u32 pmdcs, u32 max_burst);

#endif /* _NET_XSCTP_CC_H */
