// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: a SACK built from a TSN map reads back as the map's state (RFC
 * 9260 3.3.4), shrinks to the room it is given, and a SACK whose counts
 * disagree with its length is refused.
 */
#include <kunit/test.h>
#include <linux/bitmap.h>
#include <linux/unaligned.h>

#include <net/xsctp/sack.h>

static void map_with_gaps(struct xsctp_tsn_map *map, unsigned long *bits)
{
	static const u32 tsns[] = { 100, 101, 103, 104, 107, 110, 111, 112 };
	int i;

	xsctp_tsn_map_init(map, bits, 64, 100);
	for (i = 0; i < ARRAY_SIZE(tsns); i++)
		xsctp_tsn_map_mark(map, tsns[i]);
	xsctp_tsn_map_mark(map, 103);	/* duplicates */
	xsctp_tsn_map_mark(map, 99);
}

static void parse_built(struct kunit *test, u8 *buf, int len,
			struct xsctp_sack *sack)
{
	struct xsctp_chunk c = {
		.type = buf[0], .flags = buf[1], .value = buf + 4,
		.len = get_unaligned_be16(buf + 2),
	};

	KUNIT_ASSERT_EQ(test, c.len, len);
	KUNIT_ASSERT_EQ(test, c.type, XSCTP_CID_SACK);
	KUNIT_ASSERT_EQ(test, xsctp_sack_parse(&c, sack), XSCTP_WIRE_OK);
}

static void round_trip(struct kunit *test)
{
	DECLARE_BITMAP(bits, 64) = {};
	struct xsctp_tsn_map map;
	struct xsctp_sack sack;
	u8 buf[128];
	int len;

	map_with_gaps(&map, bits);
	len = xsctp_sack_build(buf, sizeof(buf), &map, 4096);
	/* 16 fixed + 3 gaps (3-4, 7-7, 10-12 after cum 101) + 2 dups. */
	KUNIT_ASSERT_EQ(test, len, 16 + 3 * 4 + 2 * 4);
	parse_built(test, buf, len, &sack);
	KUNIT_EXPECT_EQ(test, sack.cum_tsn, 101U);
	KUNIT_EXPECT_EQ(test, sack.a_rwnd, 4096U);
	KUNIT_ASSERT_EQ(test, sack.num_gaps, 3);
	KUNIT_EXPECT_EQ(test, xsctp_sack_gap(&sack, 0).start, 2);
	KUNIT_EXPECT_EQ(test, xsctp_sack_gap(&sack, 0).end, 3);
	KUNIT_EXPECT_EQ(test, xsctp_sack_gap(&sack, 1).start, 6);
	KUNIT_EXPECT_EQ(test, xsctp_sack_gap(&sack, 2).end, 11);
	KUNIT_ASSERT_EQ(test, sack.num_dups, 2);
	KUNIT_EXPECT_EQ(test, xsctp_sack_dup(&sack, 0), 103U);
	KUNIT_EXPECT_EQ(test, xsctp_sack_dup(&sack, 1), 99U);
	/* Duplicates are reported once. */
	len = xsctp_sack_build(buf, sizeof(buf), &map, 4096);
	parse_built(test, buf, len, &sack);
	KUNIT_EXPECT_EQ(test, sack.num_dups, 0);
}

static void fits_the_room(struct kunit *test)
{
	DECLARE_BITMAP(bits, 64) = {};
	struct xsctp_tsn_map map;
	struct xsctp_sack sack;
	u8 buf[64];
	int len;

	map_with_gaps(&map, bits);
	KUNIT_EXPECT_EQ(test, xsctp_sack_build(buf, 15, &map, 1), -ENOSPC);
	/* Room for the fixed part and two blocks: the first two, no dups. */
	memset(buf, 0xee, sizeof(buf));
	len = xsctp_sack_build(buf, 16 + 2 * 4 + 3, &map, 1);
	KUNIT_ASSERT_EQ(test, len, 24);
	KUNIT_EXPECT_EQ(test, buf[24], 0xee);
	parse_built(test, buf, len, &sack);
	KUNIT_EXPECT_EQ(test, sack.num_gaps, 2);
	KUNIT_EXPECT_EQ(test, xsctp_sack_gap(&sack, 1).start, 6);
	KUNIT_EXPECT_EQ(test, sack.num_dups, 0);
}

/*
 * RFC 9260 6.2: as many Gap Ack Blocks as fit in the packet, however many
 * (100 here, in 1500 bytes; 70 in the room for 70).
 */
static void every_gap_that_fits(struct kunit *test)
{
	unsigned long *bits = kunit_kzalloc(test, BITS_TO_LONGS(512) *
					    sizeof(long), GFP_KERNEL);
	u8 *buf = kunit_kzalloc(test, 1500, GFP_KERNEL);
	struct xsctp_tsn_map map;
	struct xsctp_sack sack;
	int i, len;

	KUNIT_ASSERT_NOT_NULL(test, bits);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	xsctp_tsn_map_init(&map, bits, 512, 1000);
	for (i = 0; i < 100; i++)
		xsctp_tsn_map_mark(&map, 1001 + 2 * i);	/* 1000 is missing */
	len = xsctp_sack_build(buf, 1500, &map, 1);
	parse_built(test, buf, len, &sack);
	KUNIT_ASSERT_EQ(test, sack.num_gaps, 100);
	for (i = 0; i < 100; i++) {
		KUNIT_EXPECT_EQ(test, xsctp_sack_gap(&sack, i).start, 2 + 2 * i);
		KUNIT_EXPECT_EQ(test, xsctp_sack_gap(&sack, i).end, 2 + 2 * i);
	}
	len = xsctp_sack_build(buf, 16 + 70 * 4, &map, 1);
	parse_built(test, buf, len, &sack);
	KUNIT_EXPECT_EQ(test, sack.num_gaps, 70);
	KUNIT_EXPECT_EQ(test, xsctp_sack_gap(&sack, 69).start, 140);
}

static void counts_must_match_length(struct kunit *test)
{
	u8 v[12 + 8] = {};
	struct xsctp_chunk c = { .type = XSCTP_CID_SACK, .value = v };
	struct xsctp_sack sack;

	c.len = 4 + 11;
	KUNIT_EXPECT_EQ(test, xsctp_sack_parse(&c, &sack), XSCTP_WIRE_CHUNK_TOO_SHORT);
	put_unaligned_be16(2, v + 8);	/* two gap blocks announced ... */
	c.len = 4 + 12 + 4;		/* ... one present */
	KUNIT_EXPECT_EQ(test, xsctp_sack_parse(&c, &sack), XSCTP_WIRE_BAD_CHUNK_LEN);
	c.len = 4 + 12 + 8;
	KUNIT_EXPECT_EQ(test, xsctp_sack_parse(&c, &sack), XSCTP_WIRE_OK);
	put_unaligned_be16(0xffff, v + 10);	/* 65535 duplicates announced */
	KUNIT_EXPECT_EQ(test, xsctp_sack_parse(&c, &sack), XSCTP_WIRE_BAD_CHUNK_LEN);
}

static struct kunit_case xsctp_sack_cases[] = {
	KUNIT_CASE(round_trip),
	KUNIT_CASE(fits_the_room),
	KUNIT_CASE(every_gap_that_fits),
	KUNIT_CASE(counts_must_match_length),
	{}
};

static struct kunit_suite xsctp_sack_suite = {
	.name = "xsctp_sack",
	.test_cases = xsctp_sack_cases,
};

kunit_test_suite(xsctp_sack_suite);
