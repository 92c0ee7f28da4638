// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: congestion control per path against RFC 9260 7.2's numbers:
 * the initial window, slow start (one MTU per SACK at most, and only
 * while the window was full), congestion avoidance (one MTU per window
 * of acknowledged bytes), the reactions to T3-rtx and fast retransmit,
 * and the room a sender has (one MTU of slack, Max.Burst).
 */
#include <kunit/test.h>

#include <net/xsctp/cc.h>

#define MTU 1500

static void initial_window(struct kunit *test)
{
	struct xsctp_cc cc;

	xsctp_cc_init(&cc, MTU, 100000);
	KUNIT_EXPECT_EQ(test, cc.cwnd, 4380);	/* min(6000, max(3000, 4380)) */
	KUNIT_EXPECT_EQ(test, cc.ssthresh, 100000);
	xsctp_cc_init(&cc, 9000, 100000);
	KUNIT_EXPECT_EQ(test, cc.cwnd, 18000);	/* jumbo: 2 * MTU */
	KUNIT_EXPECT_EQ(test, cc.flight, 0);
}

static void slow_start_grows_by_at_most_one_mtu(struct kunit *test)
{
	struct xsctp_cc cc;

	xsctp_cc_init(&cc, MTU, 100000);
	xsctp_cc_acked(&cc, MTU, 4000, 4380, false);	/* window was full */
	KUNIT_EXPECT_EQ(test, cc.cwnd, 4380 + MTU);
	xsctp_cc_acked(&cc, MTU, 500, 5880, false);
	KUNIT_EXPECT_EQ(test, cc.cwnd, 4380 + MTU + 500);
}

static void no_growth_without_a_full_window(struct kunit *test)
{
	struct xsctp_cc cc;

	xsctp_cc_init(&cc, MTU, 100000);
	xsctp_cc_acked(&cc, MTU, 1000, 1000, false);	/* 1000 + MTU < cwnd */
	KUNIT_EXPECT_EQ(test, cc.cwnd, 4380);
	xsctp_cc_acked(&cc, MTU, 3000, 4380, true);	/* fast recovery */
	KUNIT_EXPECT_EQ(test, cc.cwnd, 4380);
}

static void avoidance_adds_one_mtu_per_window(struct kunit *test)
{
	struct xsctp_cc cc;
	int i;

	xsctp_cc_init(&cc, MTU, 6000);
	cc.cwnd = 12000;				/* above ssthresh */
	for (i = 0; i < 7; i++)
		xsctp_cc_acked(&cc, MTU, 1500, 12000, false);
	KUNIT_EXPECT_EQ(test, cc.cwnd, 12000);		/* 10500 < cwnd */
	xsctp_cc_acked(&cc, MTU, 1500, 12000, false);
	KUNIT_EXPECT_EQ(test, cc.cwnd, 13500);
	KUNIT_EXPECT_EQ(test, cc.partial_bytes_acked, 0);
	/* Acknowledged bytes count, but not while the window was not full. */
	cc.partial_bytes_acked = 20000;
	xsctp_cc_acked(&cc, MTU, 1500, 3000, false);
	KUNIT_EXPECT_EQ(test, cc.cwnd, 13500);
}

static void timeout_and_fast_retransmit(struct kunit *test)
{
	struct xsctp_cc cc;

	xsctp_cc_init(&cc, MTU, 100000);
	cc.cwnd = 30000;
	xsctp_cc_fast_retransmit(&cc, MTU);
	KUNIT_EXPECT_EQ(test, cc.ssthresh, 15000);
	KUNIT_EXPECT_EQ(test, cc.cwnd, 15000);
	xsctp_cc_timeout(&cc, MTU);
	KUNIT_EXPECT_EQ(test, cc.ssthresh, 7500);
	KUNIT_EXPECT_EQ(test, cc.cwnd, MTU);
	xsctp_cc_timeout(&cc, MTU);			/* never below 4 MTUs */
	KUNIT_EXPECT_EQ(test, cc.ssthresh, 4 * MTU);
}

static void room_has_one_mtu_slack_and_a_burst_limit(struct kunit *test)
{
	struct xsctp_cc cc;

	xsctp_cc_init(&cc, MTU, 100000);
	cc.flight = 4380;
	KUNIT_EXPECT_EQ(test, xsctp_cc_room(&cc, MTU, 4), 0);
	cc.flight = 4000;
	KUNIT_EXPECT_EQ(test, xsctp_cc_room(&cc, MTU, 4), 380 + MTU - 1);
	cc.cwnd = 100000;
	cc.flight = 0;
	KUNIT_EXPECT_EQ(test, xsctp_cc_room(&cc, MTU, 4), 4 * MTU);
	KUNIT_EXPECT_EQ(test, xsctp_cc_room(&cc, MTU, 0), 100000 + MTU - 1);
}

static struct kunit_case xsctp_cc_cases[] = {
	KUNIT_CASE(initial_window),
	KUNIT_CASE(slow_start_grows_by_at_most_one_mtu),
	KUNIT_CASE(no_growth_without_a_full_window),
	KUNIT_CASE(avoidance_adds_one_mtu_per_window),
	KUNIT_CASE(timeout_and_fast_retransmit),
	KUNIT_CASE(room_has_one_mtu_slack_and_a_burst_limit),
	{}
};

static struct kunit_suite xsctp_cc_suite = {
	.name = "xsctp_cc",
	.test_cases = xsctp_cc_cases,
};

kunit_test_suite(xsctp_cc_suite);
