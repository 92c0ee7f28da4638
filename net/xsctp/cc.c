// SPDX-License-Identifier: GPL-2.0
/*
 * Congestion control per path, RFC 9260 7.2 as written: byte-counted slow
 * start limited to one MTU per acknowledgment (7.2.1), and congestion
 * avoidance that grows cwnd by one MTU per cwnd of acknowledged bytes while
 * the window was full (7.2.2).
 */
#include <kunit/visibility.h>
#include <linux/export.h>
#include <linux/minmax.h>

#include <net/xsctp/cc.h>

/* 7.2.1: the initial cwnd, min(4 * MTU, max(2 * MTU, 4380)). */
void xsctp_cc_init(struct xsctp_cc *cc, u32 mtu, u32 peer_rwnd)
{
	cc->cwnd = min(4 * mtu, max(2 * mtu, 4380U));
	cc->ssthresh = peer_rwnd;
	cc->partial_bytes_acked = 0;
	cc->flight = 0;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_cc_init);

/**
 * xsctp_cc_acked() - a SACK advanced the cumulative TSN ack point
 * @cc: the path's state
 * @mtu: its MTU
 * @bytes: the bytes newly acknowledged on this path (cumulatively or not)
 * @flight_before: the path's flight size before the SACK
 * @in_fast_recovery: cwnd is frozen until recovery ends (7.2.4)
 *
 * cwnd grows only while it was fully used: a sender that does not fill
 * its window learns nothing about the network's capacity.
 */
void xsctp_cc_acked(struct xsctp_cc *cc, u32 mtu, u32 bytes, u32 flight_before,
		    bool in_fast_recovery)
{
	if (in_fast_recovery || !bytes)
		return;
	if (cc->cwnd <= cc->ssthresh) {
		if (flight_before + mtu > cc->cwnd)
			cc->cwnd += min(bytes, mtu);
		return;
	}
	cc->partial_bytes_acked += bytes;
	if (cc->partial_bytes_acked >= cc->cwnd && flight_before >= cc->cwnd) {
		cc->partial_bytes_acked -= cc->cwnd;
		cc->cwnd += mtu;
	}
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_cc_acked);

/* 7.2.3: T3-rtx expired: back to one MTU, in slow start. */
void xsctp_cc_timeout(struct xsctp_cc *cc, u32 mtu)
{
	cc->ssthresh = max(cc->cwnd / 2, 4 * mtu);
	cc->cwnd = mtu;
	cc->partial_bytes_acked = 0;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_cc_timeout);

/* 7.2.4: a fast retransmit halves the window (once per recovery). */
void xsctp_cc_fast_retransmit(struct xsctp_cc *cc, u32 mtu)
{
	cc->ssthresh = max(cc->cwnd / 2, 4 * mtu);
	cc->cwnd = cc->ssthresh;
	cc->partial_bytes_acked = 0;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_cc_fast_retransmit);

/**
 * xsctp_cc_room() - how many more bytes may be sent now
 * @cc: the path's state
 * @mtu: its MTU
 * @max_burst: Max.Burst (RFC 9260 6.1 D): new packets in one go
 *
 * RFC 9260 6.1 B: one more packet may go whenever the flight is below
 * cwnd, so the room is what the window leaves plus one MTU's slack; and
 * never more than Max.Burst packets beyond what is in flight.
 *
 * Return: bytes; 0 when the window is full.
 */
u32 xsctp_cc_room(const struct xsctp_cc *cc, u32 mtu, u32 max_burst)
{
	u32 room;

	if (cc->flight >= cc->cwnd)
		return 0;
	room = cc->cwnd - cc->flight + mtu - 1;
	if (max_burst)
		room = min(room, max_burst * mtu);
	return room;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_cc_room);
