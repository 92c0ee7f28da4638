// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: RTO sequences computed by hand from RFC 9260 6.3.1, clamping,
 * backoff, extreme samples, Karn's rule in the RTT probe, and the serial
 * number comparisons the probe relies on.
 */
#include <kunit/test.h>

#include <net/xsctp/defaults.h>
#include <net/xsctp/rto.h>
#include <net/xsctp/serial.h>

/* A low RTO.Min so that the formulas, not the clamp, decide. */
static const struct xsctp_rto_params formula = {
	.initial_us = 3000000, .min_us = 10000, .max_us = 60000000,
};

static const struct xsctp_rto_params rfc_defaults = {
	.initial_us = XSCTP_DEF_RTO_INITIAL_MS * XSCTP_USEC_PER_MSEC,
	.min_us = XSCTP_DEF_RTO_MIN_MS * XSCTP_USEC_PER_MSEC,
	.max_us = XSCTP_DEF_RTO_MAX_MS * XSCTP_USEC_PER_MSEC,
};

static void initial_until_measured(struct kunit *test)
{
	struct xsctp_rto rto;

	xsctp_rto_init(&rto, &formula);
	KUNIT_EXPECT_FALSE(test, rto.measured);
	KUNIT_EXPECT_EQ(test, rto.rto_us, 3000000U);
	xsctp_rto_init(&rto, &rfc_defaults);
	KUNIT_EXPECT_EQ(test, rto.rto_us, 1000000U);
}

static void hand_computed_sequence(struct kunit *test)
{
	struct xsctp_rto rto;

	xsctp_rto_init(&rto, &formula);
	/* C2: SRTT = R, RTTVAR = R/2, RTO = SRTT + 4 RTTVAR */
	xsctp_rto_sample(&rto, &formula, 200000);
	KUNIT_EXPECT_EQ(test, rto.srtt_us, 200000U);
	KUNIT_EXPECT_EQ(test, rto.rttvar_us, 100000U);
	KUNIT_EXPECT_EQ(test, rto.rto_us, 600000U);
	/* C3: RTTVAR = 3/4 100000 + 1/4 |200000 - 300000| = 100000,
	 *     SRTT = 7/8 200000 + 1/8 300000 = 212500
	 */
	xsctp_rto_sample(&rto, &formula, 300000);
	KUNIT_EXPECT_EQ(test, rto.rttvar_us, 100000U);
	KUNIT_EXPECT_EQ(test, rto.srtt_us, 212500U);
	KUNIT_EXPECT_EQ(test, rto.rto_us, 612500U);
	/* RTTVAR = 3/4 100000 + 1/4 112500 = 103125,
	 * SRTT = 7/8 212500 + 1/8 100000 = 198437.5 (198438 in integers)
	 */
	xsctp_rto_sample(&rto, &formula, 100000);
	KUNIT_EXPECT_EQ(test, rto.rttvar_us, 103125U);
	KUNIT_EXPECT_EQ(test, rto.srtt_us, 198438U);
	KUNIT_EXPECT_EQ(test, rto.rto_us, 198438U + 4 * 103125U);
}

static void clamped_to_min_and_max(struct kunit *test)
{
	struct xsctp_rto rto;

	xsctp_rto_init(&rto, &rfc_defaults);
	xsctp_rto_sample(&rto, &rfc_defaults, 50000);	/* 50 ms: 150 ms < min */
	KUNIT_EXPECT_EQ(test, rto.rto_us, 1000000U);
	xsctp_rto_init(&rto, &rfc_defaults);
	xsctp_rto_sample(&rto, &rfc_defaults, 30000000);	/* 30 s: 90 s > max */
	KUNIT_EXPECT_EQ(test, rto.rto_us, 60000000U);
}

static void rttvar_floor_is_granularity(struct kunit *test)
{
	struct xsctp_rto rto;
	int i;

	xsctp_rto_init(&rto, &formula);
	for (i = 0; i < 50; i++)
		xsctp_rto_sample(&rto, &formula, 0);
	KUNIT_EXPECT_EQ(test, rto.rttvar_us, XSCTP_RTO_GRANULARITY_US);
	KUNIT_EXPECT_EQ(test, rto.rto_us, formula.min_us);
}

static void extreme_samples_do_not_overflow(struct kunit *test)
{
	struct xsctp_rto rto;

	xsctp_rto_init(&rto, &formula);
	xsctp_rto_sample(&rto, &formula, U32_MAX);
	KUNIT_EXPECT_EQ(test, rto.rto_us, formula.max_us);
	xsctp_rto_sample(&rto, &formula, 0);
	KUNIT_EXPECT_EQ(test, rto.rto_us, formula.max_us);
	KUNIT_EXPECT_GE(test, rto.rttvar_us, U32_MAX / 4);
	xsctp_rto_sample(&rto, &formula, U32_MAX);
	KUNIT_EXPECT_LE(test, rto.srtt_us, U32_MAX);
	KUNIT_EXPECT_EQ(test, rto.rto_us, formula.max_us);
}

static void backoff_doubles_up_to_max(struct kunit *test)
{
	struct xsctp_rto rto;
	u32 expect = 1000000;
	int i;

	xsctp_rto_init(&rto, &rfc_defaults);
	for (i = 0; i < 10; i++) {
		xsctp_rto_backoff(&rto, &rfc_defaults);
		expect = min(2 * expect, 60000000U);
		KUNIT_EXPECT_EQ(test, rto.rto_us, expect);
	}
	rto.rto_us = U32_MAX;
	xsctp_rto_backoff(&rto, &rfc_defaults);
	KUNIT_EXPECT_EQ(test, rto.rto_us, 60000000U);
}

static void probe_times_one_chunk(struct kunit *test)
{
	struct xsctp_rtt_probe probe = {};
	u32 rtt = 0;

	xsctp_rtt_probe_start(&probe, 20, 1000);
	xsctp_rtt_probe_start(&probe, 21, 2000);	/* one per round trip */
	KUNIT_EXPECT_EQ(test, probe.tsn, 20U);
	xsctp_rtt_probe_retransmitted(&probe, 21);	/* sent after: harmless */
	KUNIT_EXPECT_FALSE(test, xsctp_rtt_probe_acked(&probe, 19, 3000, &rtt));
	KUNIT_EXPECT_TRUE(test, xsctp_rtt_probe_acked(&probe, 21, 5000, &rtt));
	KUNIT_EXPECT_EQ(test, rtt, 4000U);
	KUNIT_EXPECT_FALSE(test, xsctp_rtt_probe_acked(&probe, 22, 6000, &rtt));
}

static void probe_obeys_karn(struct kunit *test)
{
	struct xsctp_rtt_probe probe = {};
	u32 rtt = 0;

	xsctp_rtt_probe_start(&probe, 10, 0);
	xsctp_rtt_probe_retransmitted(&probe, 9);
	KUNIT_EXPECT_FALSE(test, xsctp_rtt_probe_acked(&probe, 10, 500, &rtt));
	xsctp_rtt_probe_start(&probe, 11, 600);
	xsctp_rtt_probe_retransmitted(&probe, 11);
	KUNIT_EXPECT_FALSE(test, xsctp_rtt_probe_acked(&probe, 11, 900, &rtt));
}

static void probe_across_tsn_and_clock_wrap(struct kunit *test)
{
	struct xsctp_rtt_probe probe = {};
	u32 rtt = 0;

	xsctp_rtt_probe_start(&probe, U32_MAX, U32_MAX - 99);
	KUNIT_EXPECT_TRUE(test, xsctp_rtt_probe_acked(&probe, 2, 200, &rtt));
	KUNIT_EXPECT_EQ(test, rtt, 300U);
}

static void serial_arithmetic(struct kunit *test)
{
	KUNIT_EXPECT_TRUE(test, xsctp_tsn_lt(U32_MAX, 0));
	KUNIT_EXPECT_TRUE(test, xsctp_tsn_lt(0, 0x7fffffff));
	KUNIT_EXPECT_FALSE(test, xsctp_tsn_lt(0x7fffffff, 0));
	/* Exactly half the space apart: neither is before the other. */
	KUNIT_EXPECT_FALSE(test, xsctp_tsn_lt(0, 0x80000000));
	KUNIT_EXPECT_FALSE(test, xsctp_tsn_lt(0x80000000, 0));
	KUNIT_EXPECT_FALSE(test, xsctp_tsn_lt(5, 5));
	KUNIT_EXPECT_TRUE(test, xsctp_tsn_lte(5, 5));
	KUNIT_EXPECT_TRUE(test, xsctp_ssn_lt(0xffff, 0));
	KUNIT_EXPECT_FALSE(test, xsctp_ssn_lt(0, 0x8000));
}

static struct kunit_case xsctp_rto_cases[] = {
	KUNIT_CASE(initial_until_measured),
	KUNIT_CASE(hand_computed_sequence),
	KUNIT_CASE(clamped_to_min_and_max),
	KUNIT_CASE(rttvar_floor_is_granularity),
	KUNIT_CASE(extreme_samples_do_not_overflow),
	KUNIT_CASE(backoff_doubles_up_to_max),
	KUNIT_CASE(probe_times_one_chunk),
	KUNIT_CASE(probe_obeys_karn),
	KUNIT_CASE(probe_across_tsn_and_clock_wrap),
	KUNIT_CASE(serial_arithmetic),
	{}
};

static struct kunit_suite xsctp_rto_suite = {
	.name = "xsctp_rto",
	.test_cases = xsctp_rto_cases,
};

kunit_test_suite(xsctp_rto_suite);
