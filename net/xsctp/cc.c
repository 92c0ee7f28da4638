// SPDX-License-Identifier: GPL-2.0
/*
 * Congestion control per path, RFC 9260 7.2 as written: byte-counted slow
 * start limited to one PMDCS per acknowledgment (7.2.1), and congestion
 * avoidance that grows cwnd by one PMDCS per cwnd of acknowledged bytes
 * while the window was full (7.2.2). PMDCS, the largest DATA payload one
 * packet to the path holds, is the RFC's unit where RFC 4960 (and Linux)
 * use the MTU.
 */
#include <kunit/visibility.h>
#include <linux/export.h>
#include <linux/limits.h>
#include <linux/minmax.h>

#include <net/xsctp/cc.h>

/*
 * 7.2.1: the initial cwnd, min(4 * PMDCS, max(2 * PMDCS, 4404)), or 4344
 * for an IPv6 peer (MUST); ssthresh as high as the peer's window (SHOULD).
 */
void xsctp_cc_init(struct xsctp_cc *cc, u32 pmdcs, bool ipv6, u32 peer_rwnd)
{
	cc->cwnd = min(4 * pmdcs, max(2 * pmdcs, ipv6 ? 4344U : 4404U));
	cc->ssthresh = peer_rwnd;
	cc->partial_bytes_acked = 0;
	cc->flight = 0;
	cc->one_packet = false;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_cc_init);

/**
 * xsctp_cc_acked() - a SACK advanced the cumulative TSN ack point
 * @cc: the path's state
 * @pmdcs: its PMDCS
 * @bytes: the bytes newly acknowledged on this path (cumulatively or not)
 * @flight_before: the path's flight size before the SACK
 * @in_fast_recovery: cwnd is frozen until recovery ends (7.2.4)
 *
 * cwnd grows only while it was fully used: a sender that does not fill
 * its window learns nothing about the network's capacity. In congestion
 * avoidance (7.2.2) partial_bytes_acked stays at most cwnd while the
 * window was not full, so cwnd never grows by more than PMDCS a round
 * trip (MUST NOT); the caller clears it once nothing is outstanding.
 */
void xsctp_cc_acked(struct xsctp_cc *cc, u32 pmdcs, u32 bytes,
		    u32 flight_before, bool in_fast_recovery)
{
	if (in_fast_recovery || !bytes)
		return;
	if (cc->cwnd <= cc->ssthresh) {
		if (flight_before + pmdcs > cc->cwnd)
			cc->cwnd += min(bytes, pmdcs);
		return;
	}
	cc->partial_bytes_acked += bytes;
	if (flight_before < cc->cwnd)
		cc->partial_bytes_acked = min(cc->partial_bytes_acked, cc->cwnd);
	if (cc->partial_bytes_acked >= cc->cwnd && flight_before >= cc->cwnd) {
		cc->partial_bytes_acked -= cc->cwnd;
		cc->cwnd += pmdcs;
	}
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_cc_acked);

/**
 * xsctp_cc_idle() - the path carried no DATA for @rtos of its RTOs
 * @cc: the path's state
 * @pmdcs: its PMDCS
 * @rtos: how many whole RTOs it was idle, not yet accounted for
 *
 * RFC 9260 7.2.1, 7.2.2: cwnd = max(cwnd / 2, 4 * PMDCS) once per RTO
 * (SHOULD), ssthresh set to cwnd before the first cut (SHOULD): a window
 * learnt long ago says little about the network now. Linux's sctp.ko
 * halves cwnd once per heartbeat interval instead.
 */
void xsctp_cc_idle(struct xsctp_cc *cc, u32 pmdcs, u32 rtos)
{
	if (!rtos || cc->cwnd <= 4 * pmdcs)
		return;
	cc->ssthresh = cc->cwnd;
	while (rtos-- && cc->cwnd > 4 * pmdcs)
		cc->cwnd = max(cc->cwnd / 2, 4 * pmdcs);
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_cc_idle);

/*
 * 7.2.3: T3-rtx expired: back to one PMDCS, in slow start, and one packet
 * in flight until something is acknowledged (7.2.1: MUST).
 */
void xsctp_cc_timeout(struct xsctp_cc *cc, u32 pmdcs)
{
	cc->ssthresh = max(cc->cwnd / 2, 4 * pmdcs);
	cc->cwnd = pmdcs;
	cc->partial_bytes_acked = 0;
	cc->one_packet = true;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_cc_timeout);

/* 7.2.4: a fast retransmit halves the window (once per recovery). */
void xsctp_cc_fast_retransmit(struct xsctp_cc *cc, u32 pmdcs)
{
	cc->ssthresh = max(cc->cwnd / 2, 4 * pmdcs);
	cc->cwnd = cc->ssthresh;
	cc->partial_bytes_acked = 0;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_cc_fast_retransmit);

/**
 * xsctp_cc_open() - may another DATA chunk go on this path now?
 * @cc: the path's state
 *
 * RFC 9260 6.1 B: only while less than cwnd is outstanding. The chunk
 * that crosses cwnd goes and none after it, so the flight never reaches
 * cwnd + PMDCS and the breach is one chunk, in one packet (MUST). Linux's
 * sctp_packet_can_append_data() draws the same line.
 *
 * Return: true if a chunk may go.
 */
bool xsctp_cc_open(const struct xsctp_cc *cc)
{
	return cc->flight < cc->cwnd;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_cc_open);

/**
 * xsctp_cc_burst() - the new bytes one transmission may send at most
 * @pmdcs: the path's PMDCS
 * @max_burst: Max.Burst (RFC 9260 6.1 D: SCTP_MAX_BURST), 0 for no limit
 *
 * Return: Max.Burst packets' worth of bytes, or U32_MAX.
 */
u32 xsctp_cc_burst(u32 pmdcs, u32 max_burst)
{
	return max_burst ? max_burst * pmdcs : U32_MAX;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_cc_burst);
