// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the default path selection policy (path.c) against a naive
 * model of its rules, over random path states, error counts, RTTs and
 * primaries for 1 to 8 paths; and a few cases worked by hand.
 */
#include <kunit/test.h>
#include <linux/prandom.h>

#include <net/xsctp/defaults.h>
#include <net/xsctp/outq.h>
#include <net/xsctp/path.h>

#include "sm_fake.h"

static struct xsctp_path *nth_path(struct xsctp_assoc *asoc, int n)
{
	struct xsctp_path *p;

	list_for_each_entry(p, &asoc->paths, node)
		if (!n--)
			return p;
	return NULL;
}

/* The model's order: state, errors, RTT, the primary, the user's order. */
struct key {
	int rank, errors, rtt, not_primary, index;
};

static int model_rank(u16 state)
{
	return state == XSCTP_PATH_ACTIVE ? 0 : state == XSCTP_PATH_PF ? 1 :
	       state == XSCTP_PATH_INACTIVE ? 2 : -1;
}

static bool key_less(const struct key *a, const struct key *b)
{
	const int *x = &a->rank, *y = &b->rank;
	int i;

	for (i = 0; i < sizeof(*a) / sizeof(int); i++)
		if (x[i] != y[i])
			return x[i] < y[i];
	return false;
}

/* The best path other than @skip, by sorting keys in the model's order. */
static struct xsctp_path *model_best(struct xsctp_assoc *asoc, int n,
				     const struct xsctp_path *skip)
{
	struct key best = { .rank = INT_MAX }, k;
	struct xsctp_path *p, *chosen = NULL;
	int i;

	for (i = 0; i < n; i++) {
		p = nth_path(asoc, i);
		if (p == skip || model_rank(p->state) < 0)
			continue;
		k = (struct key){ model_rank(p->state), p->errors,
				  p->rto.measured ? p->rto.srtt_us : p->rto.rto_us,
				  p != asoc->primary, i };
		if (key_less(&k, &best)) {
			best = k;
			chosen = p;
		}
	}
	return chosen;
}

static struct xsctp_path *model_data(struct xsctp_assoc *asoc, int n)
{
	if (asoc->primary->state == XSCTP_PATH_ACTIVE)
		return asoc->primary;
	return model_best(asoc, n, NULL) ?: asoc->primary;
}

static struct xsctp_path *model_rtx(struct xsctp_assoc *asoc, int n,
				    const struct xsctp_path *last)
{
	struct xsctp_path *p = model_best(asoc, n, last);

	return p && p->state == XSCTP_PATH_ACTIVE ? p : model_data(asoc, n);
}

static void randomize(struct xsctp_assoc *asoc, int n, struct rnd_state *rnd)
{
	static const u16 states[] = { XSCTP_PATH_ACTIVE, XSCTP_PATH_PF,
				      XSCTP_PATH_INACTIVE,
				      XSCTP_PATH_UNCONFIRMED };
	struct xsctp_path *p;
	int i;

	for (i = 0; i < n; i++) {
		p = nth_path(asoc, i);
		p->state = states[prandom_u32_state(rnd) % ARRAY_SIZE(states)];
		p->errors = prandom_u32_state(rnd) % 3;
		p->rto.measured = prandom_u32_state(rnd) % 2;
		p->rto.srtt_us = 1000 * (1 + prandom_u32_state(rnd) % 3);
		p->rto.rto_us = 1000 * (2 + prandom_u32_state(rnd) % 2);
	}
	asoc->primary = nth_path(asoc, prandom_u32_state(rnd) % n);
}

static void default_policy_matches_model(struct kunit *test)
{
	const struct xsctp_path_policy *pol = &xsctp_path_default;
	struct rnd_state rnd;
	int n, round, i;

	prandom_seed_state(&rnd, 9260);
	for (n = 1; n <= 8; n++) {
		struct fake *f = smf_new(test, XSCTP_S_ESTABLISHED, n);
		struct xsctp_assoc *asoc = f->asoc;

		for (round = 0; round < 500; round++) {
			randomize(asoc, n, &rnd);
			KUNIT_EXPECT_PTR_EQ_MSG(test, pol->for_data(asoc),
						model_data(asoc, n),
						"%d paths, round %d", n, round);
			for (i = 0; i < n; i++) {
				struct xsctp_path *last = nth_path(asoc, i);

				KUNIT_EXPECT_PTR_EQ_MSG(test, pol->for_rtx(asoc, last),
							model_rtx(asoc, n, last),
							"%d paths, round %d, last %d",
							n, round, i);
			}
		}
	}
}

/*
 * Three paths, the primary (1) potentially failed: DATA moves to the
 * ACTIVE path with fewer errors (3, though 2 is faster); retransmissions
 * of what went to 3 go to 2, the other ACTIVE one; with 2 and 3 failed
 * too, DATA stays on the PF primary, which beats INACTIVE paths.
 */
static void failover_by_hand(struct kunit *test)
{
	struct fake *f = smf_new(test, XSCTP_S_ESTABLISHED, 3);
	struct xsctp_assoc *asoc = f->asoc;
	struct xsctp_path *p1 = nth_path(asoc, 0), *p2 = nth_path(asoc, 1),
			  *p3 = nth_path(asoc, 2);

	p1->state = XSCTP_PATH_PF;
	p2->state = XSCTP_PATH_ACTIVE;
	p3->state = XSCTP_PATH_ACTIVE;
	p1->errors = 1;
	p2->errors = 1;
	p2->rto.measured = true;
	p2->rto.srtt_us = 1000;
	KUNIT_EXPECT_PTR_EQ(test, xsctp_path_default.for_data(asoc), p3);
	KUNIT_EXPECT_PTR_EQ(test, xsctp_path_default.for_rtx(asoc, p3), p2);
	KUNIT_EXPECT_PTR_EQ(test, xsctp_path_default.for_rtx(asoc, p1), p3);
	p2->state = XSCTP_PATH_INACTIVE;
	p3->state = XSCTP_PATH_INACTIVE;
	KUNIT_EXPECT_PTR_EQ(test, xsctp_path_default.for_data(asoc), p1);
	KUNIT_EXPECT_PTR_EQ(test, xsctp_path_default.for_rtx(asoc, p1), p1);
	p1->state = XSCTP_PATH_ACTIVE;
	KUNIT_EXPECT_PTR_EQ(test, xsctp_path_default.for_data(asoc), p1);
}

/*
 * Timeouts of one path walk it through Linux's states with Linux's
 * comparisons (sctp_do_8_2_transport_strike): with Path.Max.Retrans 2
 * and PFMR 0, PF after the first, INACTIVE after the third; without PF,
 * straight from ACTIVE to INACTIVE; a path never confirmed stays so.
 */
static void path_error_thresholds(struct kunit *test)
{
	static const u16 with_pf[] = { XSCTP_PATH_PF, XSCTP_PATH_PF,
				       XSCTP_PATH_INACTIVE, XSCTP_PATH_INACTIVE };
	static const u16 without_pf[] = { XSCTP_PATH_ACTIVE, XSCTP_PATH_ACTIVE,
					  XSCTP_PATH_INACTIVE,
					  XSCTP_PATH_INACTIVE };
	struct fake *f = smf_new(test, XSCTP_S_ESTABLISHED, 2);
	struct xsctp_assoc *asoc = f->asoc;
	struct xsctp_path *p = nth_path(asoc, 1);
	int i;

	p->par.max_retrans = 2;
	p->par.pf_retrans = 0;
	p->par.ps_retrans = XSCTP_PS_RETRANS_MAX;
	asoc->cfg.pf_enable = true;
	p->state = XSCTP_PATH_ACTIVE;
	for (i = 0; i < ARRAY_SIZE(with_pf); i++) {
		xsctp_path_error(asoc, p);
		KUNIT_EXPECT_EQ_MSG(test, p->state, with_pf[i], "error %d", i);
	}
	KUNIT_EXPECT_EQ(test, p->errors, 3);	/* INACTIVE counts no more */
	asoc->cfg.pf_enable = false;
	xsctp_path_up(asoc, p, SCTP_HEARTBEAT_SUCCESS);
	KUNIT_EXPECT_EQ(test, p->errors, 0);
	for (i = 0; i < ARRAY_SIZE(without_pf); i++) {
		xsctp_path_error(asoc, p);
		KUNIT_EXPECT_EQ_MSG(test, p->state, without_pf[i], "error %d", i);
	}
	p->state = XSCTP_PATH_UNCONFIRMED;
	p->errors = 0;
	for (i = 0; i < 4; i++)
		xsctp_path_error(asoc, p);
	KUNIT_EXPECT_EQ(test, p->state, XSCTP_PATH_UNCONFIRMED);
}

/*
 * ps_retrans: a primary that failed more than that many times hands the
 * role to the path DATA now goes to; at 0xffff (the default) it keeps it.
 */
static void primary_switch_over(struct kunit *test)
{
	struct fake *f = smf_new(test, XSCTP_S_ESTABLISHED, 2);
	struct xsctp_assoc *asoc = f->asoc;
	struct xsctp_path *p1 = nth_path(asoc, 0), *p2 = nth_path(asoc, 1);

	p1->par.max_retrans = 5;
	asoc->cfg.pf_enable = true;
	p1->par.ps_retrans = XSCTP_PS_RETRANS_MAX;
	asoc->primary = p1;
	p1->state = XSCTP_PATH_ACTIVE;
	p2->state = XSCTP_PATH_ACTIVE;
	xsctp_path_error(asoc, p1);
	xsctp_path_error(asoc, p1);
	KUNIT_EXPECT_PTR_EQ(test, asoc->primary, p1);
	KUNIT_EXPECT_PTR_EQ(test, xsctp_path_default.for_data(asoc), p2);
	p1->par.ps_retrans = 2;
	xsctp_path_error(asoc, p1);
	KUNIT_EXPECT_PTR_EQ(test, asoc->primary, p2);
}

/*
 * The first T3 of a multihomed path that answers fast is
 * net.sctp.fast_failover, or its RTT, RTTVAR and the peer's delayed SACK
 * when longer, never more than the RTO; in every other case the RTO.
 */
static void t3_fast_failover(struct kunit *test)
{
	struct fake *f = smf_new(test, XSCTP_S_ESTABLISHED, 2);
	struct xsctp_assoc *asoc = f->asoc;
	struct xsctp_path *p1 = nth_path(asoc, 0), *p2 = nth_path(asoc, 1);

	asoc->cfg.fast_failover_ms = 300;
	p1->state = XSCTP_PATH_ACTIVE;
	p2->state = XSCTP_PATH_ACTIVE;
	p1->rto = (struct xsctp_rto){ .srtt_us = 1000, .rttvar_us = 500,
				      .rto_us = 1000000, .measured = true };
	KUNIT_EXPECT_EQ(test, xsctp_path_t3_us(asoc, p1), 300000);
	p1->rto.srtt_us = 400000;
	KUNIT_EXPECT_EQ(test, xsctp_path_t3_us(asoc, p1), 400000 + 2000 + 200000);
	p1->rto.srtt_us = 900000;
	KUNIT_EXPECT_EQ(test, xsctp_path_t3_us(asoc, p1), 1000000);
	p1->rto.srtt_us = 1000;
	p1->errors = 1;
	KUNIT_EXPECT_EQ(test, xsctp_path_t3_us(asoc, p1), 1000000);
	p1->errors = 0;
	p2->state = XSCTP_PATH_INACTIVE;
	KUNIT_EXPECT_EQ(test, xsctp_path_t3_us(asoc, p1), 1000000);
	p2->state = XSCTP_PATH_ACTIVE;
	asoc->cfg.fast_failover_ms = 0;
	KUNIT_EXPECT_EQ(test, xsctp_path_t3_us(asoc, p1), 1000000);
	asoc->cfg.fast_failover_ms = 300;
	p1->rto.measured = false;
	KUNIT_EXPECT_EQ(test, xsctp_path_t3_us(asoc, p1), 1000000);
}

/*
 * RFC 9260 6.9, 7.3: messages are cut for the smallest PMDCS of all the
 * peer's addresses (the AMDCS), whichever is primary; SCTP_MAXSEG lowers
 * it further.
 */
static void frag_point_is_smallest_path(struct kunit *test)
{
	struct fake *f = smf_new(test, XSCTP_S_ESTABLISHED, 2);
	struct xsctp_assoc *asoc = f->asoc;

	nth_path(asoc, 0)->pmtu = 1500;
	nth_path(asoc, 1)->pmtu = 1280;
	KUNIT_EXPECT_EQ(test, xsctp_frag_point(asoc), 1280 - 20 - 12 - 16);
	nth_path(asoc, 1)->pmtu = 9000;
	KUNIT_EXPECT_EQ(test, xsctp_frag_point(asoc), 1500 - 20 - 12 - 16);
	asoc->cfg.user_frag = 1000;
	KUNIT_EXPECT_EQ(test, xsctp_frag_point(asoc), 1000);
}

static struct kunit_case path_cases[] = {
	KUNIT_CASE(default_policy_matches_model),
	KUNIT_CASE(failover_by_hand),
	KUNIT_CASE(path_error_thresholds),
	KUNIT_CASE(primary_switch_over),
	KUNIT_CASE(t3_fast_failover),
	KUNIT_CASE(frag_point_is_smallest_path),
	{}
};

static struct kunit_suite xsctp_path_suite = {
	.name = "xsctp_path",
	.test_cases = path_cases,
};

kunit_test_suite(xsctp_path_suite);
