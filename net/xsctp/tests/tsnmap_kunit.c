// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the TSN map against a naive reference model (a plain array of
 * "seen" flags) on random arrival sequences, including across the 2^32
 * wrap; plus the edge cases the model does not reach by chance.
 */
#include <kunit/test.h>
#include <linux/bitmap.h>
#include <linux/prandom.h>

#include <net/xsctp/tsnmap.h>

#define WINDOW		256
#define SPAN		2048	/* TSNs the model covers */
#define MAX_BLOCKS	(WINDOW / 2 + 1)

struct model {
	u32 initial;
	bool seen[SPAN];
	u32 cum;		/* offset of the first missing TSN */
	u32 highest;		/* offset past the highest seen */
	unsigned int dups;
};

static enum xsctp_tsn_verdict model_mark(struct model *m, u32 off)
{
	if (off < m->cum || (off < SPAN && m->seen[off])) {
		m->dups++;
		return XSCTP_TSN_DUPLICATE;
	}
	/* The map tracks cum_tsn + 1 ... cum_tsn + WINDOW. */
	if (off >= m->cum + WINDOW)
		return XSCTP_TSN_BEYOND_WINDOW;
	m->seen[off] = true;
	if (off + 1 > m->highest)
		m->highest = off + 1;
	while (m->cum < SPAN && m->seen[m->cum])
		m->cum++;
	return XSCTP_TSN_NEW;
}

static unsigned int model_gaps(const struct model *m,
			       struct xsctp_gap_block *b)
{
	unsigned int n = 0;
	u32 off = m->cum;

	while (off < m->highest) {
		while (off < m->highest && !m->seen[off])
			off++;
		if (off >= m->highest)
			break;
		/* Gap offsets count from the cumulative TSN, cum - 1. */
		b[n].start = off - m->cum + 1;
		while (off < m->highest && m->seen[off])
			off++;
		b[n++].end = off - m->cum;
	}
	return n;
}

static void compare_random(struct kunit *test, u32 initial, u64 seed)
{
	static struct xsctp_gap_block got[MAX_BLOCKS], want[MAX_BLOCKS];
	DECLARE_BITMAP(bits, WINDOW) = {};
	struct xsctp_tsn_map map;
	struct rnd_state rnd;
	struct model *m;
	unsigned int i, ng, nw, seen, dups = 0;
	u32 dupbuf[XSCTP_TSN_MAP_MAX_DUPS];
	enum xsctp_tsn_verdict v;

	m = kunit_kzalloc(test, sizeof(*m), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, m);
	m->initial = initial;
	prandom_seed_state(&rnd, seed);
	KUNIT_ASSERT_EQ(test, xsctp_tsn_map_init(&map, bits, WINDOW, initial), 0);

	for (i = 0; i < 6000 && m->cum + WINDOW + 64 < SPAN; i++) {
		/* Mostly near the cumulative point, some old, some far. */
		u32 off = m->cum + prandom_u32_state(&rnd) % (WINDOW + 64);

		if (m->cum > 8 && prandom_u32_state(&rnd) % 8 == 0)
			off = m->cum - 1 - prandom_u32_state(&rnd) % 8;
		/* check() foretells mark() and changes nothing. */
		seen = map.num_dups + map.dups_dropped;
		v = xsctp_tsn_map_check(&map, initial + off);
		KUNIT_ASSERT_EQ(test, map.num_dups + map.dups_dropped, seen);
		KUNIT_ASSERT_EQ(test, xsctp_tsn_map_mark(&map, initial + off), v);
		KUNIT_ASSERT_EQ(test, v, model_mark(m, off));
		KUNIT_ASSERT_EQ(test, map.cum_tsn, initial + m->cum - 1);
		if (i % 7)
			continue;
		ng = xsctp_tsn_map_gaps(&map, got, MAX_BLOCKS, NULL);
		nw = model_gaps(m, want);
		KUNIT_ASSERT_EQ(test, ng, nw);
		KUNIT_ASSERT_EQ(test, memcmp(got, want, ng * sizeof(*got)), 0);
		dups += map.num_dups + map.dups_dropped;
		xsctp_tsn_map_take_dups(&map, dupbuf, ARRAY_SIZE(dupbuf));
	}
	dups += map.num_dups + map.dups_dropped;
	KUNIT_EXPECT_EQ(test, dups, m->dups);
	/* The walk went round the ring at least twice... */
	KUNIT_EXPECT_GT(test, m->cum, 2U * WINDOW);
	/* ... and across 2^32 when it started close enough. */
	if (initial > U32_MAX - 2 * WINDOW)
		KUNIT_EXPECT_LT(test, map.cum_tsn, initial);
}

static void random_vs_model(struct kunit *test)
{
	compare_random(test, 1, 1);
	compare_random(test, 0x12345678, 2);
}

static void random_vs_model_across_wrap(struct kunit *test)
{
	compare_random(test, 0xffffff00, 3);
	compare_random(test, 0xfffffffe, 4);
}

static void in_order_and_gaps(struct kunit *test)
{
	DECLARE_BITMAP(bits, 64) = {};
	struct xsctp_gap_block b[4];
	struct xsctp_tsn_map map;

	xsctp_tsn_map_init(&map, bits, 64, 100);
	KUNIT_EXPECT_EQ(test, map.cum_tsn, 99U);
	KUNIT_EXPECT_EQ(test, xsctp_tsn_map_mark(&map, 100), XSCTP_TSN_NEW);
	KUNIT_EXPECT_EQ(test, xsctp_tsn_map_gaps(&map, b, 4, NULL), 0U);
	/* 101 missing; 102-103 and 106 arrived: gaps 2-3 and 6-6. */
	xsctp_tsn_map_mark(&map, 102);
	xsctp_tsn_map_mark(&map, 103);
	xsctp_tsn_map_mark(&map, 106);
	KUNIT_ASSERT_EQ(test, xsctp_tsn_map_gaps(&map, b, 4, NULL), 2U);
	KUNIT_EXPECT_EQ(test, b[0].start, 2);
	KUNIT_EXPECT_EQ(test, b[0].end, 3);
	KUNIT_EXPECT_EQ(test, b[1].start, 6);
	KUNIT_EXPECT_EQ(test, b[1].end, 6);
	/* Room for one block: the first is reported. */
	KUNIT_EXPECT_EQ(test, xsctp_tsn_map_gaps(&map, b, 1, NULL), 1U);
	KUNIT_EXPECT_EQ(test, b[0].start, 2);
	/* 101 fills the hole: the cumulative point jumps to 103. */
	xsctp_tsn_map_mark(&map, 101);
	KUNIT_EXPECT_EQ(test, map.cum_tsn, 103U);
	KUNIT_ASSERT_EQ(test, xsctp_tsn_map_gaps(&map, b, 4, NULL), 1U);
	KUNIT_EXPECT_EQ(test, b[0].start, 3);
	KUNIT_EXPECT_EQ(test, b[0].end, 3);
}

static void window_edges(struct kunit *test)
{
	DECLARE_BITMAP(bits, 64) = {};
	struct xsctp_tsn_map map;

	xsctp_tsn_map_init(&map, bits, 64, 1000);
	/* cum_tsn 999 tracks 1000 ... 1063. */
	KUNIT_EXPECT_EQ(test, xsctp_tsn_map_mark(&map, 1063), XSCTP_TSN_NEW);
	KUNIT_EXPECT_EQ(test, xsctp_tsn_map_mark(&map, 1064), XSCTP_TSN_BEYOND_WINDOW);
	KUNIT_EXPECT_EQ(test, xsctp_tsn_map_mark(&map, 999U + 0x7fffffffU),
			XSCTP_TSN_BEYOND_WINDOW);
	/* Exactly half the space away is neither old nor new: dropped. */
	KUNIT_EXPECT_EQ(test, xsctp_tsn_map_mark(&map, 999U + 0x80000000U),
			XSCTP_TSN_BEYOND_WINDOW);
	KUNIT_EXPECT_EQ(test, xsctp_tsn_map_mark(&map, 999), XSCTP_TSN_DUPLICATE);
	KUNIT_EXPECT_EQ(test, xsctp_tsn_map_mark(&map, 1063), XSCTP_TSN_DUPLICATE);
	KUNIT_EXPECT_EQ(test, map.highest_tsn, 1063U);
}

static void duplicates_bounded(struct kunit *test)
{
	DECLARE_BITMAP(bits, 64) = {};
	struct xsctp_tsn_map map;
	u32 dups[XSCTP_TSN_MAP_MAX_DUPS];
	int i;

	xsctp_tsn_map_init(&map, bits, 64, 1);
	xsctp_tsn_map_mark(&map, 1);
	for (i = 0; i < XSCTP_TSN_MAP_MAX_DUPS + 5; i++)
		KUNIT_EXPECT_EQ(test, xsctp_tsn_map_mark(&map, 1), XSCTP_TSN_DUPLICATE);
	KUNIT_EXPECT_EQ(test, map.dups_dropped, 5U);
	KUNIT_EXPECT_EQ(test, xsctp_tsn_map_take_dups(&map, dups, 4), 4U);
	KUNIT_EXPECT_EQ(test, dups[3], 1U);
	KUNIT_EXPECT_EQ(test, map.num_dups, 0);
	KUNIT_EXPECT_EQ(test, xsctp_tsn_map_take_dups(&map, dups, 4), 0U);
}

static void bad_window_refused(struct kunit *test)
{
	DECLARE_BITMAP(bits, 64) = {};
	struct xsctp_tsn_map map;

	KUNIT_EXPECT_EQ(test, xsctp_tsn_map_init(&map, bits, 0, 1), -EINVAL);
	KUNIT_EXPECT_EQ(test, xsctp_tsn_map_init(&map, bits, 48, 1), -EINVAL);
	KUNIT_EXPECT_EQ(test, xsctp_tsn_map_init(&map, bits, 131072, 1), -EINVAL);
}

static struct kunit_case xsctp_tsnmap_cases[] = {
	KUNIT_CASE(in_order_and_gaps),
	KUNIT_CASE(window_edges),
	KUNIT_CASE(duplicates_bounded),
	KUNIT_CASE(bad_window_refused),
	KUNIT_CASE(random_vs_model),
	KUNIT_CASE(random_vs_model_across_wrap),
	{}
};

static struct kunit_suite xsctp_tsnmap_suite = {
	.name = "xsctp_tsnmap",
	.test_cases = xsctp_tsnmap_cases,
};

kunit_test_suite(xsctp_tsnmap_suite);
