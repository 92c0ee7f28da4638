// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the wire codec. An INIT and an INIT ACK built with the writers
 * parse back to the same fields; every malformed length, bundling
 * violation and unknown-type action is refused or handled as RFC 9260
 * says; the writers never pass the room they are given.
 */
#include <kunit/test.h>
#include <linux/unaligned.h>

#include <net/xsctp/cause.h>
#include <net/xsctp/crc.h>
#include <net/xsctp/wire.h>

struct pkt {
	u8 buf[512];
	size_t len;
};

static void start(struct pkt *p)
{
	memset(p->buf, 0, sizeof(p->buf));
	p->len = XSCTP_COMMON_HDR_LEN;
}

static void add_chunk(struct kunit *test, struct pkt *p, u8 type,
		      const void *value, u16 len)
{
	int n = xsctp_wire_put_chunk(p->buf + p->len, sizeof(p->buf) - p->len,
				     type, 0, value, len);

	KUNIT_ASSERT_GT(test, n, 0);
	p->len += n;
}

/* INIT value: fixed part, then parameters written by the caller. */
static size_t init_value(u8 *v, u32 tag, u16 os, u16 mis, u32 tsn)
{
	put_unaligned_be32(tag, v);
	put_unaligned_be32(65536, v + 4);
	put_unaligned_be16(os, v + 8);
	put_unaligned_be16(mis, v + 10);
	put_unaligned_be32(tsn, v + 12);
	return XSCTP_INIT_FIXED_LEN;
}

static size_t add_param(u8 *v, size_t at, u16 type, const void *val, u16 len)
{
	return at + xsctp_wire_put_param(v + at, 256 - at, type, val, len);
}

static enum xsctp_wire_err check(struct pkt *p, struct xsctp_tlv_iter *it,
				 bool *report)
{
	return xsctp_wire_check_packet(p->buf, p->len, it, report);
}

static void init_round_trip(struct kunit *test)
{
	static const u8 v4[4] = { 192, 0, 2, 1 }, v6[16] = { 0x20, 0x01, 0x0d, 0xb8 };
	u8 v[256], pres[4];
	struct xsctp_tlv_iter it;
	struct xsctp_chunk c;
	struct xsctp_init *init;
	struct pkt p;
	bool report;
	size_t n;

	init = kunit_kzalloc(test, sizeof(*init), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, init);
	put_unaligned_be32(1500, pres);
	n = init_value(v, 0xdeadbeef, 10, 2048, 0x11223344);
	n = add_param(v, n, XSCTP_PARAM_IPV4, v4, 4);
	n = add_param(v, n, XSCTP_PARAM_IPV6, v6, 16);
	n = add_param(v, n, XSCTP_PARAM_COOKIE_PRESERVATIVE, pres, 4);
	n = add_param(v, n, XSCTP_PARAM_ECN_CAPABLE, NULL, 0);
	n = add_param(v, n, XSCTP_PARAM_FORWARD_TSN_SUPPORTED, NULL, 0);
	start(&p);
	add_chunk(test, &p, XSCTP_CID_INIT, v, n);

	KUNIT_ASSERT_EQ(test, check(&p, &it, &report), XSCTP_WIRE_OK);
	KUNIT_EXPECT_FALSE(test, report);
	KUNIT_ASSERT_TRUE(test, xsctp_wire_next_chunk(&it, &c));
	KUNIT_EXPECT_EQ(test, c.type, XSCTP_CID_INIT);
	KUNIT_ASSERT_EQ(test, xsctp_wire_parse_init(&c, init), XSCTP_WIRE_OK);
	KUNIT_EXPECT_EQ(test, init->init_tag, 0xdeadbeefU);
	KUNIT_EXPECT_EQ(test, init->a_rwnd, 65536U);
	KUNIT_EXPECT_EQ(test, init->num_outbound, 10);
	KUNIT_EXPECT_EQ(test, init->num_inbound, 2048);
	KUNIT_EXPECT_EQ(test, init->initial_tsn, 0x11223344U);
	KUNIT_ASSERT_EQ(test, init->num_addrs, 2U);
	KUNIT_EXPECT_EQ(test, memcmp(init->addrs[0].value, v4, 4), 0);
	KUNIT_EXPECT_EQ(test, init->addrs[1].type, XSCTP_PARAM_IPV6);
	KUNIT_EXPECT_EQ(test, init->cookie_preservative_ms, 1500U);
	KUNIT_EXPECT_TRUE(test, init->ecn_capable);
	KUNIT_EXPECT_TRUE(test, init->forward_tsn);
	KUNIT_EXPECT_FALSE(test, xsctp_wire_next_chunk(&it, &c));
}

static void init_ack_needs_cookie(struct kunit *test)
{
	static const u8 cookie[5] = "abcde";
	struct xsctp_init *init = kunit_kzalloc(test, sizeof(*init), GFP_KERNEL);
	struct xsctp_chunk c = { .type = XSCTP_CID_INIT_ACK };
	u8 v[256];
	size_t n;

	KUNIT_ASSERT_NOT_NULL(test, init);
	n = init_value(v, 7, 1, 1, 1);
	c.value = v;
	c.len = 4 + n;
	KUNIT_EXPECT_EQ(test, xsctp_wire_parse_init(&c, init), XSCTP_WIRE_MISSING_COOKIE);
	/* The last parameter may end unpadded: the cookie is 5 bytes. */
	n = add_param(v, n, XSCTP_PARAM_STATE_COOKIE, cookie, 5);
	c.len = 4 + n - 3;
	KUNIT_ASSERT_EQ(test, xsctp_wire_parse_init(&c, init), XSCTP_WIRE_OK);
	KUNIT_EXPECT_EQ(test, init->cookie.len, 9);
	KUNIT_EXPECT_EQ(test, memcmp(init->cookie.value, cookie, 5), 0);
}

static void init_field_and_param_errors(struct kunit *test)
{
	struct xsctp_init *init = kunit_kzalloc(test, sizeof(*init), GFP_KERNEL);
	struct xsctp_chunk c = { .type = XSCTP_CID_INIT };
	u8 v[256], bad_v4[8] = {};
	size_t n;

	KUNIT_ASSERT_NOT_NULL(test, init);
	c.value = v;
	c.len = 4 + init_value(v, 0, 1, 1, 1);
	KUNIT_EXPECT_EQ(test, xsctp_wire_parse_init(&c, init), XSCTP_WIRE_BAD_FIELD);
	c.len = 4 + init_value(v, 1, 0, 1, 1);
	KUNIT_EXPECT_EQ(test, xsctp_wire_parse_init(&c, init), XSCTP_WIRE_BAD_FIELD);
	c.len = 4 + init_value(v, 1, 1, 0, 1);
	KUNIT_EXPECT_EQ(test, xsctp_wire_parse_init(&c, init), XSCTP_WIRE_BAD_FIELD);
	/* RFC 9260 3.3.2, 3.3.3: a_rwnd of at least 1500, 1500 included. */
	put_unaligned_be32(XSCTP_MIN_RWND - 1, v + 4);
	KUNIT_EXPECT_EQ(test, xsctp_wire_parse_init(&c, init), XSCTP_WIRE_BAD_FIELD);
	init_value(v, 1, 1, 1, 1);
	put_unaligned_be32(XSCTP_MIN_RWND, v + 4);
	KUNIT_EXPECT_EQ(test, xsctp_wire_parse_init(&c, init), XSCTP_WIRE_OK);
	c.len = 4 + 15;
	KUNIT_EXPECT_EQ(test, xsctp_wire_parse_init(&c, init), XSCTP_WIRE_CHUNK_TOO_SHORT);

	n = add_param(v, init_value(v, 1, 1, 1, 1), XSCTP_PARAM_IPV4, bad_v4, 8);
	c.len = 4 + n;
	KUNIT_EXPECT_EQ(test, xsctp_wire_parse_init(&c, init), XSCTP_WIRE_BAD_PARAM);
	n = add_param(v, init_value(v, 1, 1, 1, 1), XSCTP_PARAM_HOST_NAME, "h", 1);
	c.len = 4 + n;
	KUNIT_EXPECT_EQ(test, xsctp_wire_parse_init(&c, init), XSCTP_WIRE_HOST_NAME);
	n = add_param(v, init_value(v, 1, 1, 1, 1), XSCTP_PARAM_SUPPORTED_ADDR_TYPES, "a", 1);
	c.len = 4 + n;
	KUNIT_EXPECT_EQ(test, xsctp_wire_parse_init(&c, init), XSCTP_WIRE_BAD_PARAM);
	/* A parameter length of 2, and one past the chunk. */
	n = init_value(v, 1, 1, 1, 1);
	put_unaligned_be32(0x00050002, v + n);
	c.len = 4 + n + 4;
	KUNIT_EXPECT_EQ(test, xsctp_wire_parse_init(&c, init), XSCTP_WIRE_BAD_PARAM_LEN);
	put_unaligned_be32(0x00050010, v + n);
	KUNIT_EXPECT_EQ(test, xsctp_wire_parse_init(&c, init), XSCTP_WIRE_BAD_PARAM_LEN);
	/* Three stray bytes after the last parameter. */
	c.len = 4 + n + 3;
	KUNIT_EXPECT_EQ(test, xsctp_wire_parse_init(&c, init), XSCTP_WIRE_BAD_PARAM_LEN);
}

static void address_count_bounded(struct kunit *test)
{
	struct xsctp_init *init = kunit_kzalloc(test, sizeof(*init), GFP_KERNEL);
	struct xsctp_chunk c = { .type = XSCTP_CID_INIT };
	u8 *v = kunit_kzalloc(test, 1024, GFP_KERNEL);
	u8 addr[4] = { 192, 0, 2, 0 };
	size_t n;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, init);
	KUNIT_ASSERT_NOT_NULL(test, v);
	n = init_value(v, 1, 1, 1, 1);
	for (i = 0; i < XSCTP_MAX_INIT_ADDRS + 10; i++) {
		addr[3] = i;
		n += xsctp_wire_put_param(v + n, 1024 - n, XSCTP_PARAM_IPV4, addr, 4);
	}
	c.value = v;
	c.len = 4 + n;
	KUNIT_ASSERT_EQ(test, xsctp_wire_parse_init(&c, init), XSCTP_WIRE_OK);
	KUNIT_EXPECT_EQ(test, init->num_addrs, (unsigned int)XSCTP_MAX_INIT_ADDRS);
	KUNIT_EXPECT_EQ(test, init->addrs[XSCTP_MAX_INIT_ADDRS - 1].value[3],
			XSCTP_MAX_INIT_ADDRS - 1);
}

static void unknown_param_actions(struct kunit *test)
{
	struct xsctp_init *init = kunit_kzalloc(test, sizeof(*init), GFP_KERNEL);
	struct xsctp_chunk c = { .type = XSCTP_CID_INIT };
	static const u16 types[] = { 0x0077, 0x4077, 0x8077, 0xc077 };
	u8 v[256], addr[4] = { 192, 0, 2, 9 };
	size_t n;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, init);
	c.value = v;
	for (i = 0; i < 4; i++) {
		n = add_param(v, init_value(v, 1, 1, 1, 1), types[i], "xy", 2);
		n = add_param(v, n, XSCTP_PARAM_IPV4, addr, 4);
		c.len = 4 + n;
		KUNIT_ASSERT_EQ(test, xsctp_wire_parse_init(&c, init), XSCTP_WIRE_OK);
		/* 00 and 01: stop; 10 and 11: skip. 01 and 11: report. */
		KUNIT_EXPECT_EQ(test, init->num_addrs, i >= 2 ? 1U : 0U);
		KUNIT_EXPECT_EQ(test, init->num_unrecognized, i & 1 ? 1U : 0U);
	}
}

/* RFC 9260 3.2.1: parameter padding is skipped unread, whatever it holds. */
static void param_padding_ignored(struct kunit *test)
{
	struct xsctp_init *init = kunit_kzalloc(test, sizeof(*init), GFP_KERNEL);
	struct xsctp_chunk c = { .type = XSCTP_CID_INIT };
	static const u8 ipv4_type[2] = { 0, XSCTP_PARAM_IPV4 };
	u8 v[256], addr[4] = { 192, 0, 2, 9 };
	size_t n;

	KUNIT_ASSERT_NOT_NULL(test, init);
	/* Supported Address Types (IPv4): 6 bytes, then 2 of padding. */
	n = add_param(v, init_value(v, 1, 1, 1, 1),
		      XSCTP_PARAM_SUPPORTED_ADDR_TYPES, ipv4_type, 2);
	KUNIT_ASSERT_EQ(test, n, (size_t)XSCTP_INIT_FIXED_LEN + 8);
	v[n - 2] = 0xff;
	v[n - 1] = 0xff;
	n = add_param(v, n, XSCTP_PARAM_IPV4, addr, 4);
	c.value = v;
	c.len = 4 + n;
	KUNIT_ASSERT_EQ(test, xsctp_wire_parse_init(&c, init), XSCTP_WIRE_OK);
	KUNIT_ASSERT_EQ(test, init->num_addrs, 1U);
	KUNIT_EXPECT_EQ(test, init->addrs[0].type, XSCTP_PARAM_IPV4);
	KUNIT_EXPECT_EQ(test, memcmp(init->addrs[0].value, addr, 4), 0);
}

/*
 * The unknown parameters kept to report fit XSCTP_UNRECOGNIZED_ROOM, and
 * the ERROR quoting them whole never passes its room.
 */
static void unknown_params_reported_bounded(struct kunit *test)
{
	struct xsctp_init *init = kunit_kzalloc(test, sizeof(*init), GFP_KERNEL);
	struct xsctp_chunk c = { .type = XSCTP_CID_INIT_ACK };
	u8 *v = kunit_kzalloc(test, 1024, GFP_KERNEL);
	u8 *e = kunit_kzalloc(test, XSCTP_UNRECOGNIZED_ERROR_MAX, GFP_KERNEL);
	u8 junk[97] = {};
	size_t n;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, init);
	KUNIT_ASSERT_NOT_NULL(test, v);
	KUNIT_ASSERT_NOT_NULL(test, e);
	n = init_value(v, 1, 1, 1, 1);
	n += xsctp_wire_put_param(v + n, 1024 - n, XSCTP_PARAM_STATE_COOKIE, "ck", 2);
	for (i = 0; i < 3; i++)	/* 101 bytes each, 104 padded */
		n += xsctp_wire_put_param(v + n, 1024 - n, 0xc077, junk, sizeof(junk));
	c.value = v;
	c.len = 4 + n;
	KUNIT_ASSERT_EQ(test, xsctp_wire_parse_init(&c, init), XSCTP_WIRE_OK);
	/* Two fit in 256 bytes, a third does not. */
	KUNIT_EXPECT_EQ(test, init->num_unrecognized, 2U);
	/* The lengths leave out the last one's padding only. */
	KUNIT_EXPECT_EQ(test, xsctp_error_put_unrecognized(e, XSCTP_UNRECOGNIZED_ERROR_MAX,
							   init), 8 + 104 + 104);
	KUNIT_EXPECT_EQ(test, get_unaligned_be16(e + 2), 8 + 104 + 101);
	KUNIT_EXPECT_EQ(test, get_unaligned_be16(e + 4), XSCTP_CAUSE_UNRECOGNIZED_PARAMS);
	KUNIT_EXPECT_EQ(test, get_unaligned_be16(e + 6), 4 + 104 + 101);
	KUNIT_EXPECT_EQ(test, get_unaligned_be16(e + 8), 0xc077);
	KUNIT_EXPECT_EQ(test, get_unaligned_be16(e + 10), 101);
	KUNIT_EXPECT_EQ(test, xsctp_error_put_unrecognized(e, 8 + 104 + 100, init), -ENOSPC);
}

static void packet_lengths(struct kunit *test)
{
	struct xsctp_tlv_iter it;
	struct pkt p;
	bool report;

	start(&p);
	p.len = 11;
	KUNIT_EXPECT_EQ(test, check(&p, &it, &report), XSCTP_WIRE_SHORT_PACKET);
	p.len = 12;
	KUNIT_EXPECT_EQ(test, check(&p, &it, &report), XSCTP_WIRE_NO_CHUNKS);
	/* Chunk length 3, 0, past the packet, and padding cut off. */
	put_unaligned_be32(0x0b000003, p.buf + 12);
	p.len = 16;
	KUNIT_EXPECT_EQ(test, check(&p, &it, &report), XSCTP_WIRE_BAD_CHUNK_LEN);
	put_unaligned_be32(0x0b000000, p.buf + 12);
	KUNIT_EXPECT_EQ(test, check(&p, &it, &report), XSCTP_WIRE_BAD_CHUNK_LEN);
	put_unaligned_be32(0x09000008, p.buf + 12);
	KUNIT_EXPECT_EQ(test, check(&p, &it, &report), XSCTP_WIRE_BAD_CHUNK_LEN);
	put_unaligned_be32(0x09000005, p.buf + 12);
	p.len = 17;
	KUNIT_EXPECT_EQ(test, check(&p, &it, &report), XSCTP_WIRE_BAD_CHUNK_LEN);
	p.len = 20;
	KUNIT_EXPECT_EQ(test, check(&p, &it, &report), XSCTP_WIRE_OK);
	/* Three bytes after the last chunk. */
	p.len = 23;
	KUNIT_EXPECT_EQ(test, check(&p, &it, &report), XSCTP_WIRE_BAD_CHUNK_LEN);
	/* Shorter than the type requires: SHUTDOWN needs 8. */
	start(&p);
	add_chunk(test, &p, XSCTP_CID_SHUTDOWN, NULL, 0);
	KUNIT_EXPECT_EQ(test, check(&p, &it, &report), XSCTP_WIRE_CHUNK_TOO_SHORT);
}

static void lonely_chunks(struct kunit *test)
{
	static const u8 types[] = {
		XSCTP_CID_INIT, XSCTP_CID_INIT_ACK, XSCTP_CID_SHUTDOWN_COMPLETE,
	};
	struct xsctp_tlv_iter it;
	u8 v[XSCTP_INIT_FIXED_LEN] = {};
	struct pkt p;
	bool report;
	int i;

	for (i = 0; i < ARRAY_SIZE(types); i++) {
		u16 len = types[i] == XSCTP_CID_SHUTDOWN_COMPLETE ? 0 : sizeof(v);

		start(&p);
		add_chunk(test, &p, types[i], v, len);
		KUNIT_EXPECT_EQ(test, check(&p, &it, &report), XSCTP_WIRE_OK);
		add_chunk(test, &p, XSCTP_CID_COOKIE_ACK, NULL, 0);
		KUNIT_EXPECT_EQ(test, check(&p, &it, &report), XSCTP_WIRE_NOT_ALONE);
		/* ... also when it comes second. */
		start(&p);
		add_chunk(test, &p, XSCTP_CID_COOKIE_ACK, NULL, 0);
		add_chunk(test, &p, types[i], v, len);
		KUNIT_EXPECT_EQ(test, check(&p, &it, &report), XSCTP_WIRE_NOT_ALONE);
	}
}

/* The upper two bits of an unknown chunk type: stop/skip, report or not. */
static void unknown_chunk_actions(struct kunit *test)
{
	static const u8 types[] = { 0x3f, 0x7f, 0xbf, 0xff };
	struct xsctp_tlv_iter it;
	struct xsctp_chunk c;
	struct pkt p;
	bool report;
	int i, n;

	for (i = 0; i < 4; i++) {
		start(&p);
		add_chunk(test, &p, XSCTP_CID_COOKIE_ACK, NULL, 0);
		add_chunk(test, &p, types[i], "zz", 2);
		add_chunk(test, &p, XSCTP_CID_ABORT, NULL, 0);
		KUNIT_ASSERT_EQ(test, check(&p, &it, &report), XSCTP_WIRE_OK);
		KUNIT_EXPECT_EQ(test, report, (bool)(i & 1));
		KUNIT_EXPECT_EQ(test, xsctp_wire_chunk_reported(types[i]),
				(bool)(i & 1));
		for (n = 0; xsctp_wire_next_chunk(&it, &c); n++)
			;
		/*
		 * Stop: only the chunk before it, and the unknown one if it
		 * is to be reported (01). Skip: all three walk by.
		 */
		KUNIT_EXPECT_EQ(test, n, i >= 2 ? 3 : 1 + i);
	}
}

static void writers_respect_room(struct kunit *test)
{
	u8 buf[16];

	memset(buf, 0xaa, sizeof(buf));
	/* 4 + 5 = 9 bytes, padded to 12: does not fit in 11. */
	KUNIT_EXPECT_EQ(test, xsctp_wire_put_chunk(buf, 11, 1, 0, "abcde", 5), -ENOSPC);
	KUNIT_EXPECT_EQ(test, buf[0], 0xaa);
	KUNIT_EXPECT_EQ(test, xsctp_wire_put_chunk(buf, 12, 1, 0x5, "abcde", 5), 12);
	KUNIT_EXPECT_EQ(test, get_unaligned_be16(buf + 2), 9);
	KUNIT_EXPECT_EQ(test, buf[1], 0x5);
	KUNIT_EXPECT_EQ(test, buf[9] | buf[10] | buf[11], 0);
	KUNIT_EXPECT_EQ(test, buf[12], 0xaa);
	KUNIT_EXPECT_EQ(test, xsctp_wire_put_param(buf, 8, 0x8000, NULL, 0), 4);
	KUNIT_EXPECT_EQ(test, xsctp_wire_put_param(buf, 3, 0x8000, NULL, 0), -ENOSPC);
}

static struct kunit_case xsctp_wire_cases[] = {
	KUNIT_CASE(init_round_trip),
	KUNIT_CASE(init_ack_needs_cookie),
	KUNIT_CASE(init_field_and_param_errors),
	KUNIT_CASE(address_count_bounded),
	KUNIT_CASE(unknown_param_actions),
	KUNIT_CASE(param_padding_ignored),
	KUNIT_CASE(unknown_params_reported_bounded),
	KUNIT_CASE(packet_lengths),
	KUNIT_CASE(lonely_chunks),
	KUNIT_CASE(unknown_chunk_actions),
	KUNIT_CASE(writers_respect_room),
	{}
};

static struct kunit_suite xsctp_wire_suite = {
	.name = "xsctp_wire",
	.test_cases = xsctp_wire_cases,
};

kunit_test_suite(xsctp_wire_suite);
