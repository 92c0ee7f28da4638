// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: congestion control per path against RFC 9260 7.2's numbers, in
 * PMDCS: the initial window, slow start (one PMDCS per SACK at most, and
 * only while the window was full), congestion avoidance (one PMDCS per
 * window of acknowledged bytes), the reactions to T3-rtx and fast retransmit,
 * and when a sender may send (below cwnd, the crossing chunk included;
 * Max.Burst).
 */
#include <kunit/test.h>

#include <net/xsctp/cc.h>

/* An IPv4 path with an MTU of 1500: 1500 - 20 - 12 - 16. */
#define PMDCS 1452

static void initial_window(struct kunit *test)
{
	struct xsctp_cc cc;

	xsctp_cc_init(&cc, PMDCS, false, 100000);
	KUNIT_EXPECT_EQ(test, cc.cwnd, 4404);	/* min(5808, max(2904, 4404)) */
	KUNIT_EXPECT_EQ(test, cc.ssthresh, 100000);
	xsctp_cc_init(&cc, 1432, true, 100000);	/* IPv6: 40 bytes of IP */
	KUNIT_EXPECT_EQ(test, cc.cwnd, 4344);
	xsctp_cc_init(&cc, 8952, false, 100000);
	KUNIT_EXPECT_EQ(test, cc.cwnd, 2 * 8952);	/* jumbo: 2 * PMDCS */
	KUNIT_EXPECT_EQ(test, cc.flight, 0);
}

static void slow_start_grows_by_at_most_one_pmdcs(struct kunit *test)
{
	struct xsctp_cc cc;

	xsctp_cc_init(&cc, PMDCS, false, 100000);
	xsctp_cc_acked(&cc, PMDCS, 4000, 4404, false);	/* window was full */
	KUNIT_EXPECT_EQ(test, cc.cwnd, 4404 + PMDCS);
	xsctp_cc_acked(&cc, PMDCS, 500, 4404 + PMDCS, false);
	KUNIT_EXPECT_EQ(test, cc.cwnd, 4404 + PMDCS + 500);
}

static void no_growth_without_a_full_window(struct kunit *test)
{
	struct xsctp_cc cc;

	xsctp_cc_init(&cc, PMDCS, false, 100000);
	xsctp_cc_acked(&cc, PMDCS, 1000, 1000, false);	/* 1000 + PMDCS < cwnd */
	KUNIT_EXPECT_EQ(test, cc.cwnd, 4404);
	xsctp_cc_acked(&cc, PMDCS, 3000, 4404, true);	/* fast recovery */
	KUNIT_EXPECT_EQ(test, cc.cwnd, 4404);
}

static void avoidance_adds_one_pmdcs_per_window(struct kunit *test)
{
	struct xsctp_cc cc;
	int i;

	xsctp_cc_init(&cc, PMDCS, false, 6000);
	cc.cwnd = 12000;				/* above ssthresh */
	for (i = 0; i < 7; i++)
		xsctp_cc_acked(&cc, PMDCS, 1500, 12000, false);
	KUNIT_EXPECT_EQ(test, cc.cwnd, 12000);		/* 10500 < cwnd */
	xsctp_cc_acked(&cc, PMDCS, 1500, 12000, false);
	KUNIT_EXPECT_EQ(test, cc.cwnd, 12000 + PMDCS);
	KUNIT_EXPECT_EQ(test, cc.partial_bytes_acked, 0);
	/* Acknowledged bytes count, but not while the window was not full. */
	cc.partial_bytes_acked = 20000;
	xsctp_cc_acked(&cc, PMDCS, 1500, 3000, false);
	KUNIT_EXPECT_EQ(test, cc.cwnd, 12000 + PMDCS);
}

/*
 * 7.2.2: with less than cwnd outstanding, acknowledged bytes count up to
 * cwnd only: one growth of PMDCS, not one per SACK, once it is full again.
 */
static void avoidance_pba_capped(struct kunit *test)
{
	struct xsctp_cc cc;
	int i;

	xsctp_cc_init(&cc, PMDCS, false, 6000);
	cc.cwnd = 12000;
	for (i = 0; i < 20; i++)
		xsctp_cc_acked(&cc, PMDCS, 1500, 3000, false);
	KUNIT_EXPECT_EQ(test, cc.partial_bytes_acked, 12000);
	xsctp_cc_acked(&cc, PMDCS, 1500, 12000, false);
	xsctp_cc_acked(&cc, PMDCS, 1500, 12000, false);
	KUNIT_EXPECT_EQ(test, cc.cwnd, 12000 + PMDCS);
}

/*
 * 7.2.1: idle, cwnd halves once per RTO down to 4 PMDCS, and ssthresh
 * takes the cwnd it had before (SHOULD).
 */
static void idle_decays_per_rto(struct kunit *test)
{
	struct xsctp_cc cc;

	xsctp_cc_init(&cc, PMDCS, false, 100000);
	cc.cwnd = 30000;
	xsctp_cc_idle(&cc, PMDCS, 1);
	KUNIT_EXPECT_EQ(test, cc.cwnd, 15000);
	KUNIT_EXPECT_EQ(test, cc.ssthresh, 30000);
	cc.cwnd = 30000;
	xsctp_cc_idle(&cc, PMDCS, 3);
	KUNIT_EXPECT_EQ(test, cc.cwnd, 4 * PMDCS);	/* 3750 < 4 PMDCS */
	xsctp_cc_idle(&cc, PMDCS, 5);
	KUNIT_EXPECT_EQ(test, cc.cwnd, 4 * PMDCS);
	KUNIT_EXPECT_EQ(test, cc.ssthresh, 30000);	/* not lowered again */
	xsctp_cc_init(&cc, PMDCS, false, 100000);
	xsctp_cc_idle(&cc, PMDCS, 2);			/* 4404: below 4 PMDCS */
	KUNIT_EXPECT_EQ(test, cc.cwnd, 4404);
	KUNIT_EXPECT_EQ(test, cc.ssthresh, 100000);
}

/* 7.2.3, and 7.2.1: after T3-rtx, no more than PMDCS (MUST). */
static void timeout_and_fast_retransmit(struct kunit *test)
{
	struct xsctp_cc cc;

	xsctp_cc_init(&cc, PMDCS, false, 100000);
	cc.cwnd = 30000;
	xsctp_cc_fast_retransmit(&cc, PMDCS);
	KUNIT_EXPECT_EQ(test, cc.ssthresh, 15000);
	KUNIT_EXPECT_EQ(test, cc.cwnd, 15000);
	xsctp_cc_timeout(&cc, PMDCS);
	KUNIT_EXPECT_EQ(test, cc.ssthresh, 7500);
	KUNIT_EXPECT_EQ(test, cc.cwnd, PMDCS);
	xsctp_cc_timeout(&cc, PMDCS);			/* never below 4 PMDCS */
	KUNIT_EXPECT_EQ(test, cc.ssthresh, 4 * PMDCS);
}

/* RFC 9260 6.1 B: open while the flight is below cwnd, by any amount. */
static void open_below_cwnd_only(struct kunit *test)
{
	struct xsctp_cc cc;

	xsctp_cc_init(&cc, PMDCS, false, 100000);
	cc.flight = 4403;
	KUNIT_EXPECT_TRUE(test, xsctp_cc_open(&cc));
	cc.flight = 4404;
	KUNIT_EXPECT_FALSE(test, xsctp_cc_open(&cc));
	cc.flight = 4404 + PMDCS;
	KUNIT_EXPECT_FALSE(test, xsctp_cc_open(&cc));
}

static void burst_is_max_burst_packets(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, xsctp_cc_burst(PMDCS, 4), 4 * PMDCS);
	KUNIT_EXPECT_EQ(test, xsctp_cc_burst(PMDCS, 0), U32_MAX);
}

static struct kunit_case xsctp_cc_cases[] = {
	KUNIT_CASE(initial_window),
	KUNIT_CASE(slow_start_grows_by_at_most_one_pmdcs),
	KUNIT_CASE(no_growth_without_a_full_window),
	KUNIT_CASE(avoidance_adds_one_pmdcs_per_window),
	KUNIT_CASE(avoidance_pba_capped),
	KUNIT_CASE(idle_decays_per_rto),
	KUNIT_CASE(timeout_and_fast_retransmit),
	KUNIT_CASE(open_below_cwnd_only),
	KUNIT_CASE(burst_is_max_burst_packets),
	{}
};

static struct kunit_suite xsctp_cc_suite = {
	.name = "xsctp_cc",
	.test_cases = xsctp_cc_cases,
};

kunit_test_suite(xsctp_cc_suite);
