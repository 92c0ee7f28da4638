// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: every chunk type of RFC 9260 round-trips. Each is written with
 * its writer into one packet (the ones that must be alone into packets of
 * their own), the packet passes xsctp_wire_check_packet(), and each chunk
 * parses back to the fields it was written with. Then the malformed cases
 * of the typed views and of error causes are refused with the right error.
 */
#include <kunit/test.h>
#include <linux/unaligned.h>

#include <net/xsctp/addr.h>
#include <net/xsctp/cause.h>
#include <net/xsctp/chunk.h>
#include <net/xsctp/crc.h>
#include <net/xsctp/sack.h>
#include <net/xsctp/wire.h>

struct pkt {
	u8 buf[1024];
	size_t len;
};

static void start(struct pkt *p)
{
	memset(p->buf, 0, sizeof(p->buf));
	p->len = XSCTP_COMMON_HDR_LEN;
}

static u8 *room(struct pkt *p)
{
	return p->buf + p->len;
}

static size_t left(struct pkt *p)
{
	return sizeof(p->buf) - p->len;
}

static void added(struct kunit *test, struct pkt *p, int n)
{
	KUNIT_ASSERT_GT(test, n, 0);
	KUNIT_ASSERT_EQ(test, n % 4, 0);
	p->len += n;
}

/* Checks the packet and returns its next chunk, which must be @type. */
static void next_of_type(struct kunit *test, struct xsctp_tlv_iter *it,
			 struct xsctp_chunk *c, u8 type)
{
	KUNIT_ASSERT_TRUE(test, xsctp_wire_next_chunk(it, c));
	KUNIT_ASSERT_EQ(test, c->type, type);
}

static void checked(struct kunit *test, struct pkt *p, struct xsctp_tlv_iter *it)
{
	bool report;

	KUNIT_ASSERT_EQ(test, xsctp_wire_check_packet(p->buf, p->len, it, &report),
			XSCTP_WIRE_OK);
	KUNIT_EXPECT_FALSE(test, report);
}

static const u8 payload[] = "message boundaries matter";
static const u8 hb_info[] = { 1, 2, 3, 4, 5, 6, 7 };

static void put_bundle(struct kunit *test, struct pkt *p, struct xsctp_tsn_map *map)
{
	struct xsctp_data d = {
		.tsn = 0xfffffffe, .sid = 7, .ssn = 65535,
		.ppid = cpu_to_be32(51), .payload = payload,
		.payload_len = sizeof(payload),
		.flags = XSCTP_DATA_BEGIN | XSCTP_DATA_END | XSCTP_DATA_UNORDERED,
	};
	u8 causes[32];
	int n;

	start(p);
	added(test, p, xsctp_data_put(room(p), left(p), &d));
	added(test, p, xsctp_sack_build(room(p), left(p), map, 4096));
	added(test, p, xsctp_heartbeat_put(room(p), left(p), XSCTP_CID_HEARTBEAT,
					   hb_info, sizeof(hb_info)));
	added(test, p, xsctp_heartbeat_put(room(p), left(p), XSCTP_CID_HEARTBEAT_ACK,
					   hb_info, 1));
	added(test, p, xsctp_tsn_chunk_put(room(p), left(p), XSCTP_CID_SHUTDOWN, 99));
	added(test, p, xsctp_wire_put_chunk(room(p), left(p), XSCTP_CID_SHUTDOWN_ACK,
					    0, NULL, 0));
	n = xsctp_cause_put_u32(causes, sizeof(causes), XSCTP_CAUSE_STALE_COOKIE, 1234);
	n += xsctp_cause_put(causes + n, sizeof(causes) - n,
			     XSCTP_CAUSE_USER_ABORT, "bye", 3);
	added(test, p, xsctp_wire_put_chunk(room(p), left(p), XSCTP_CID_ERROR, 0,
					    causes, n - 1));
	added(test, p, xsctp_wire_put_chunk(room(p), left(p), XSCTP_CID_COOKIE_ECHO,
					    0, "cookie!", 7));
	added(test, p, xsctp_wire_put_chunk(room(p), left(p), XSCTP_CID_COOKIE_ACK,
					    0, NULL, 0));
	added(test, p, xsctp_tsn_chunk_put(room(p), left(p), XSCTP_CID_ECNE, 5));
	added(test, p, xsctp_tsn_chunk_put(room(p), left(p), XSCTP_CID_CWR, 6));
	added(test, p, xsctp_wire_put_chunk(room(p), left(p), XSCTP_CID_ABORT,
					    XSCTP_CHUNK_FLAG_T, causes, 8));
}

static void data_back(struct kunit *test, struct xsctp_tlv_iter *it)
{
	struct xsctp_chunk c;
	struct xsctp_data d;

	next_of_type(test, it, &c, XSCTP_CID_DATA);
	KUNIT_ASSERT_EQ(test, xsctp_data_parse(&c, &d), XSCTP_WIRE_OK);
	KUNIT_EXPECT_EQ(test, d.tsn, 0xfffffffeU);
	KUNIT_EXPECT_EQ(test, d.sid, 7);
	KUNIT_EXPECT_EQ(test, d.ssn, 65535);
	KUNIT_EXPECT_EQ(test, be32_to_cpu(d.ppid), 51U);
	KUNIT_EXPECT_EQ(test, d.flags, XSCTP_DATA_BEGIN | XSCTP_DATA_END |
			XSCTP_DATA_UNORDERED);
	KUNIT_ASSERT_EQ(test, d.payload_len, sizeof(payload));
	KUNIT_EXPECT_EQ(test, memcmp(d.payload, payload, sizeof(payload)), 0);
}

static void sack_back(struct kunit *test, struct xsctp_tlv_iter *it)
{
	struct xsctp_sack sack;
	struct xsctp_chunk c;

	next_of_type(test, it, &c, XSCTP_CID_SACK);
	KUNIT_ASSERT_EQ(test, xsctp_sack_parse(&c, &sack), XSCTP_WIRE_OK);
	KUNIT_EXPECT_EQ(test, sack.cum_tsn, 100U);
	KUNIT_EXPECT_EQ(test, sack.a_rwnd, 4096U);
	KUNIT_ASSERT_EQ(test, sack.num_gaps, 1);
	KUNIT_EXPECT_EQ(test, xsctp_sack_gap(&sack, 0).start, 2);
	KUNIT_EXPECT_EQ(test, sack.num_dups, 0);
}

static void heartbeats_back(struct kunit *test, struct xsctp_tlv_iter *it)
{
	struct xsctp_heartbeat hb;
	struct xsctp_chunk c;

	next_of_type(test, it, &c, XSCTP_CID_HEARTBEAT);
	KUNIT_ASSERT_EQ(test, xsctp_heartbeat_parse(&c, &hb), XSCTP_WIRE_OK);
	KUNIT_ASSERT_EQ(test, hb.info_len, sizeof(hb_info));
	KUNIT_EXPECT_EQ(test, memcmp(hb.info, hb_info, sizeof(hb_info)), 0);
	next_of_type(test, it, &c, XSCTP_CID_HEARTBEAT_ACK);
	KUNIT_ASSERT_EQ(test, xsctp_heartbeat_parse(&c, &hb), XSCTP_WIRE_OK);
	KUNIT_ASSERT_EQ(test, hb.info_len, 1);
	KUNIT_EXPECT_EQ(test, hb.info[0], hb_info[0]);
}

static void tsn_back(struct kunit *test, struct xsctp_tlv_iter *it, u8 type,
		     u32 want)
{
	struct xsctp_chunk c;
	u32 tsn = 0;

	next_of_type(test, it, &c, type);
	KUNIT_ASSERT_EQ(test, xsctp_tsn_chunk_parse(&c, &tsn), XSCTP_WIRE_OK);
	KUNIT_EXPECT_EQ(test, tsn, want);
}

static void error_back(struct kunit *test, struct xsctp_tlv_iter *it)
{
	struct xsctp_tlv_iter causes;
	struct xsctp_cause cause;
	enum xsctp_wire_err err;
	struct xsctp_chunk c;

	next_of_type(test, it, &c, XSCTP_CID_ERROR);
	xsctp_causes(&c, &causes);
	KUNIT_ASSERT_TRUE(test, xsctp_cause_next(&causes, &cause, &err));
	KUNIT_EXPECT_EQ(test, cause.code, XSCTP_CAUSE_STALE_COOKIE);
	KUNIT_EXPECT_EQ(test, xsctp_cause_u32(&cause), 1234U);
	/* The last cause ends unpadded: the chunk length says so. */
	KUNIT_ASSERT_TRUE(test, xsctp_cause_next(&causes, &cause, &err));
	KUNIT_EXPECT_EQ(test, cause.code, XSCTP_CAUSE_USER_ABORT);
	KUNIT_ASSERT_EQ(test, cause.len, 7);
	KUNIT_EXPECT_EQ(test, memcmp(cause.info, "bye", 3), 0);
	KUNIT_EXPECT_FALSE(test, xsctp_cause_next(&causes, &cause, &err));
	KUNIT_EXPECT_EQ(test, err, XSCTP_WIRE_OK);
}

static void cookies_back(struct kunit *test, struct xsctp_tlv_iter *it)
{
	struct xsctp_chunk c;
	const u8 *cookie;
	u16 len;

	next_of_type(test, it, &c, XSCTP_CID_COOKIE_ECHO);
	KUNIT_ASSERT_EQ(test, xsctp_cookie_echo_parse(&c, &cookie, &len),
			XSCTP_WIRE_OK);
	KUNIT_ASSERT_EQ(test, len, 7);
	KUNIT_EXPECT_EQ(test, memcmp(cookie, "cookie!", 7), 0);
	next_of_type(test, it, &c, XSCTP_CID_COOKIE_ACK);
	KUNIT_EXPECT_EQ(test, c.len, 4);
}

static void abort_back(struct kunit *test, struct xsctp_tlv_iter *it)
{
	struct xsctp_tlv_iter causes;
	struct xsctp_cause cause;
	enum xsctp_wire_err err;
	struct xsctp_chunk c;

	next_of_type(test, it, &c, XSCTP_CID_ABORT);
	KUNIT_EXPECT_EQ(test, c.flags, XSCTP_CHUNK_FLAG_T);
	xsctp_causes(&c, &causes);
	KUNIT_ASSERT_TRUE(test, xsctp_cause_next(&causes, &cause, &err));
	KUNIT_EXPECT_EQ(test, xsctp_cause_u32(&cause), 1234U);
	KUNIT_EXPECT_FALSE(test, xsctp_cause_next(&causes, &cause, &err));
	KUNIT_EXPECT_FALSE(test, xsctp_wire_next_chunk(it, &c));
}

/* All bundleable chunk types in one packet, each parsed back. */
static void bundle_round_trip(struct kunit *test)
{
	DECLARE_BITMAP(bits, 64) = {};
	struct xsctp_tsn_map map;
	struct xsctp_tlv_iter it;
	struct xsctp_chunk c;
	struct pkt *p;

	p = kunit_kzalloc(test, sizeof(*p), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	xsctp_tsn_map_init(&map, bits, 64, 100);
	KUNIT_ASSERT_EQ(test, xsctp_tsn_map_mark(&map, 100), XSCTP_TSN_NEW);
	KUNIT_ASSERT_EQ(test, xsctp_tsn_map_mark(&map, 102), XSCTP_TSN_NEW);
	put_bundle(test, p, &map);
	checked(test, p, &it);
	data_back(test, &it);
	sack_back(test, &it);
	heartbeats_back(test, &it);
	tsn_back(test, &it, XSCTP_CID_SHUTDOWN, 99);
	next_of_type(test, &it, &c, XSCTP_CID_SHUTDOWN_ACK);
	error_back(test, &it);
	cookies_back(test, &it);
	tsn_back(test, &it, XSCTP_CID_ECNE, 5);
	tsn_back(test, &it, XSCTP_CID_CWR, 6);
	abort_back(test, &it);
}

static void fill_init_out(struct xsctp_init_out *out, union xsctp_addr *addrs)
{
	memset(addrs, 0, 2 * sizeof(*addrs));
	addrs[0].v4.sin_family = AF_INET;
	addrs[0].v4.sin_addr.s_addr = htonl(0xc0000201);
	addrs[1].v6.sin6_family = AF_INET6;
	addrs[1].v6.sin6_addr.s6_addr[0] = 0x20;
	addrs[1].v6.sin6_addr.s6_addr[15] = 1;
	*out = (struct xsctp_init_out){
		.init_tag = 0x01020304, .a_rwnd = 106496, .num_outbound = 10,
		.num_inbound = 65535, .initial_tsn = 0xffffffff,
		.addrs = addrs, .num_addrs = 2, .cookie = "0123456789", .cookie_len = 10,
		.cookie_preservative_ms = 500, .supports_v4 = true,
		.supports_v6 = true, .ecn_capable = true, .forward_tsn = true,
	};
}

/* INIT and INIT ACK, each alone in its packet, parse back. */
static void init_round_trip(struct kunit *test)
{
	static const u8 types[] = { XSCTP_CID_INIT, XSCTP_CID_INIT_ACK };
	struct xsctp_init *in = kunit_kzalloc(test, sizeof(*in), GFP_KERNEL);
	struct pkt *p = kunit_kzalloc(test, sizeof(*p), GFP_KERNEL);
	union xsctp_addr addrs[2];
	struct xsctp_init_out out;
	struct xsctp_tlv_iter it;
	struct xsctp_chunk c;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, in);
	KUNIT_ASSERT_NOT_NULL(test, p);
	fill_init_out(&out, addrs);
	for (i = 0; i < ARRAY_SIZE(types); i++) {
		start(p);
		added(test, p, xsctp_wire_put_init(room(p), left(p), types[i], &out));
		checked(test, p, &it);
		next_of_type(test, &it, &c, types[i]);
		KUNIT_ASSERT_EQ(test, xsctp_wire_parse_init(&c, in), XSCTP_WIRE_OK);
		KUNIT_EXPECT_EQ(test, in->init_tag, out.init_tag);
		KUNIT_EXPECT_EQ(test, in->a_rwnd, out.a_rwnd);
		KUNIT_EXPECT_EQ(test, in->num_outbound, out.num_outbound);
		KUNIT_EXPECT_EQ(test, in->num_inbound, out.num_inbound);
		KUNIT_EXPECT_EQ(test, in->initial_tsn, out.initial_tsn);
		KUNIT_ASSERT_EQ(test, in->num_addrs, 2U);
		KUNIT_EXPECT_EQ(test, memcmp(in->addrs[0].value, &addrs[0].v4.sin_addr, 4), 0);
		KUNIT_EXPECT_EQ(test, memcmp(in->addrs[1].value, &addrs[1].v6.sin6_addr, 16), 0);
		KUNIT_EXPECT_TRUE(test, in->ecn_capable);
		KUNIT_EXPECT_TRUE(test, in->forward_tsn);
		/* The cookie goes in INIT ACKs only, the preservative in INITs. */
		KUNIT_EXPECT_EQ(test, !!in->cookie.value, i == 1);
		KUNIT_EXPECT_EQ(test, in->cookie_preservative_ms, i == 0 ? 500U : 0U);
		if (in->cookie.value)
			KUNIT_EXPECT_EQ(test, memcmp(in->cookie.value, "0123456789", 10), 0);
	}
	/* SHUTDOWN COMPLETE too must be alone; its T bit survives. */
	start(p);
	added(test, p, xsctp_wire_put_chunk(room(p), left(p), XSCTP_CID_SHUTDOWN_COMPLETE,
					    XSCTP_CHUNK_FLAG_T, NULL, 0));
	checked(test, p, &it);
	next_of_type(test, &it, &c, XSCTP_CID_SHUTDOWN_COMPLETE);
	KUNIT_EXPECT_EQ(test, c.flags, XSCTP_CHUNK_FLAG_T);
}

/* The INIT writer: room, unknown families, the unpadded chunk length. */
static void init_writer_limits(struct kunit *test)
{
	struct pkt *p = kunit_kzalloc(test, sizeof(*p), GFP_KERNEL);
	union xsctp_addr addrs[2];
	struct xsctp_init_out out;
	int n;

	KUNIT_ASSERT_NOT_NULL(test, p);
	fill_init_out(&out, addrs);
	out.num_addrs = 0;
	out.ecn_capable = false;
	out.forward_tsn = false;
	/* 20 fixed + cookie 4 + 10 = 34, padded 36. */
	n = xsctp_wire_put_init(p->buf, sizeof(p->buf), XSCTP_CID_INIT_ACK, &out);
	KUNIT_EXPECT_EQ(test, n, 36);
	KUNIT_EXPECT_EQ(test, get_unaligned_be16(p->buf + 2), 34);
	memset(p->buf, 0xaa, sizeof(p->buf));
	KUNIT_EXPECT_EQ(test, xsctp_wire_put_init(p->buf, 35, XSCTP_CID_INIT_ACK, &out),
			-ENOSPC);
	KUNIT_EXPECT_EQ(test, p->buf[35], 0xaa);
	KUNIT_EXPECT_EQ(test, xsctp_wire_put_init(p->buf, 19, XSCTP_CID_INIT, &out),
			-ENOSPC);
	out.num_addrs = 1;
	addrs[0].sa.sa_family = AF_UNIX;
	KUNIT_EXPECT_EQ(test, xsctp_wire_put_init(p->buf, sizeof(p->buf), XSCTP_CID_INIT,
						  &out), -EINVAL);
}

static void data_errors(struct kunit *test)
{
	struct xsctp_data d;
	u8 v[16] = {};
	struct xsctp_chunk c = { .type = XSCTP_CID_DATA, .value = v, .len = 15 };

	KUNIT_EXPECT_EQ(test, xsctp_data_parse(&c, &d), XSCTP_WIRE_CHUNK_TOO_SHORT);
	c.len = 16;
	KUNIT_EXPECT_EQ(test, xsctp_data_parse(&c, &d), XSCTP_WIRE_NO_USER_DATA);
	c.len = 17;
	KUNIT_EXPECT_EQ(test, xsctp_data_parse(&c, &d), XSCTP_WIRE_OK);
	KUNIT_EXPECT_EQ(test, d.payload_len, 1);
	/* The writer: 16 + 1 padded to 20 does not fit in 19. */
	d.payload = v;
	KUNIT_EXPECT_EQ(test, xsctp_data_put(v, 16, &d), -ENOSPC);
	d.payload_len = U16_MAX;
	KUNIT_EXPECT_EQ(test, xsctp_data_put(v, sizeof(v), &d), -EINVAL);
}

/* RFC 9260 3.3.1: DATA is padded to 4 bytes with zeros, and no further. */
static void data_padded_with_zeros(struct kunit *test)
{
	static const u8 one[1] = { 0x55 };
	struct xsctp_data d = { .tsn = 1, .payload = one, .payload_len = 1 };
	u8 buf[24];

	memset(buf, 0xaa, sizeof(buf));
	KUNIT_ASSERT_EQ(test, xsctp_data_put(buf, sizeof(buf), &d), 20);
	KUNIT_EXPECT_EQ(test, get_unaligned_be16(buf + 2), 17);
	KUNIT_EXPECT_EQ(test, buf[16], 0x55);
	KUNIT_EXPECT_EQ(test, buf[17] | buf[18] | buf[19], 0);
	KUNIT_EXPECT_EQ(test, buf[20], 0xaa);
}

static void heartbeat_errors(struct kunit *test)
{
	struct xsctp_heartbeat hb;
	u8 v[12] = {};
	struct xsctp_chunk c = { .type = XSCTP_CID_HEARTBEAT, .value = v, .len = 4 };

	KUNIT_EXPECT_EQ(test, xsctp_heartbeat_parse(&c, &hb), XSCTP_WIRE_CHUNK_TOO_SHORT);
	/* Info parameter longer than the chunk, then of the wrong type. */
	put_unaligned_be32(0x0001000c, v);
	c.len = 4 + 8;
	KUNIT_EXPECT_EQ(test, xsctp_heartbeat_parse(&c, &hb), XSCTP_WIRE_BAD_PARAM_LEN);
	put_unaligned_be32(0x00050008, v);
	KUNIT_EXPECT_EQ(test, xsctp_heartbeat_parse(&c, &hb), XSCTP_WIRE_BAD_PARAM);
	KUNIT_EXPECT_EQ(test, xsctp_heartbeat_put(v, 11, XSCTP_CID_HEARTBEAT, v, 4),
			-ENOSPC);
}

static void short_chunks(struct kunit *test)
{
	struct xsctp_fwd_tsn f;
	u8 v[12] = {};
	struct xsctp_chunk c = { .value = v, .len = 7 };
	const u8 *cookie;
	u16 len;
	u32 tsn;

	KUNIT_EXPECT_EQ(test, xsctp_tsn_chunk_parse(&c, &tsn), XSCTP_WIRE_CHUNK_TOO_SHORT);
	KUNIT_EXPECT_EQ(test, xsctp_fwd_tsn_parse(&c, &f), XSCTP_WIRE_CHUNK_TOO_SHORT);
	c.len = 4;
	KUNIT_EXPECT_EQ(test, xsctp_cookie_echo_parse(&c, &cookie, &len),
			XSCTP_WIRE_CHUNK_TOO_SHORT);
	/* FORWARD TSN: whole (stream, ssn) pairs only. */
	c.len = 14;
	KUNIT_EXPECT_EQ(test, xsctp_fwd_tsn_parse(&c, &f), XSCTP_WIRE_BAD_CHUNK_LEN);
	c.len = 16;
	KUNIT_EXPECT_EQ(test, xsctp_fwd_tsn_parse(&c, &f), XSCTP_WIRE_OK);
	KUNIT_EXPECT_EQ(test, f.num_streams, 2);
}

static enum xsctp_wire_err one_cause(const u8 *v, u16 len)
{
	struct xsctp_chunk c = { .type = XSCTP_CID_ERROR, .value = v, .len = 4 + len };
	struct xsctp_tlv_iter it;
	struct xsctp_cause cause;
	enum xsctp_wire_err err;

	xsctp_causes(&c, &it);
	if (xsctp_cause_next(&it, &cause, &err))
		return XSCTP_WIRE_OK;
	return err;
}

/* Each known cause must be as long as its code says. */
static void cause_lengths(struct kunit *test)
{
	u8 v[16] = {};

	put_unaligned_be32(0x00030004, v);	/* Stale Cookie without staleness */
	KUNIT_EXPECT_EQ(test, one_cause(v, 4), XSCTP_WIRE_BAD_CAUSE);
	put_unaligned_be32(0x00090008, v);	/* No User Data with its TSN */
	KUNIT_EXPECT_EQ(test, one_cause(v, 8), XSCTP_WIRE_OK);
	/* Missing Mandatory Parameter: count must match the list. */
	put_unaligned_be32(0x0002000c, v);
	put_unaligned_be32(2, v + 4);
	KUNIT_EXPECT_EQ(test, one_cause(v, 12), XSCTP_WIRE_OK);
	put_unaligned_be32(3, v + 4);
	KUNIT_EXPECT_EQ(test, one_cause(v, 12), XSCTP_WIRE_BAD_CAUSE);
	put_unaligned_be32(0x80000002, v + 4);	/* 2 * count wraps to 4 */
	KUNIT_EXPECT_EQ(test, one_cause(v, 12), XSCTP_WIRE_BAD_CAUSE);
	/* Unrecognized Chunk Type: the quoted chunk must fit. */
	put_unaligned_be32(0x0006000c, v);
	put_unaligned_be32(0x7f000008, v + 4);
	KUNIT_EXPECT_EQ(test, one_cause(v, 12), XSCTP_WIRE_OK);
	put_unaligned_be32(0x7f000009, v + 4);
	KUNIT_EXPECT_EQ(test, one_cause(v, 12), XSCTP_WIRE_BAD_CAUSE);
	put_unaligned_be32(0x0005000c, v);	/* Unresolvable Address: the same */
	put_unaligned_be32(0x00050003, v + 4);
	KUNIT_EXPECT_EQ(test, one_cause(v, 12), XSCTP_WIRE_BAD_CAUSE);
	/* Unknown codes and free-form ones pass through. */
	put_unaligned_be32(0x01000005, v);
	KUNIT_EXPECT_EQ(test, one_cause(v, 5), XSCTP_WIRE_OK);
	put_unaligned_be32(0x000d0004, v);
	KUNIT_EXPECT_EQ(test, one_cause(v, 4), XSCTP_WIRE_OK);
	/* A cause longer than the chunk is a length error. */
	put_unaligned_be32(0x000d0010, v);
	KUNIT_EXPECT_EQ(test, one_cause(v, 8), XSCTP_WIRE_BAD_PARAM_LEN);
}

/* RFC 9260 3.3.7: an ABORT whose causes do not fill it is discarded. */
static void abort_causes_framed(struct kunit *test)
{
	struct xsctp_chunk c = { .type = XSCTP_CID_ABORT };
	u8 v[16] = {};

	c.value = v;
	c.len = 4;				/* no cause */
	KUNIT_EXPECT_TRUE(test, xsctp_causes_framed(&c));
	put_unaligned_be32(0x000c0004, v);	/* User-Initiated Abort */
	put_unaligned_be32(0x000d0006, v + 4);	/* Protocol Violation, 2 bytes */
	c.len = 4 + 4 + 6;			/* the last one unpadded */
	KUNIT_EXPECT_TRUE(test, xsctp_causes_framed(&c));
	c.len = 4 + 4 + 3;			/* a cause cut short */
	KUNIT_EXPECT_FALSE(test, xsctp_causes_framed(&c));
	c.len = 4 + 2;				/* less than a cause header */
	KUNIT_EXPECT_FALSE(test, xsctp_causes_framed(&c));
	put_unaligned_be32(0x000c0002, v);	/* a cause length below 4 */
	c.len = 4 + 4;
	KUNIT_EXPECT_FALSE(test, xsctp_causes_framed(&c));
}

static struct kunit_case xsctp_chunk_cases[] = {
	KUNIT_CASE(abort_causes_framed),
	KUNIT_CASE(bundle_round_trip),
	KUNIT_CASE(init_round_trip),
	KUNIT_CASE(init_writer_limits),
	KUNIT_CASE(data_errors),
	KUNIT_CASE(data_padded_with_zeros),
	KUNIT_CASE(heartbeat_errors),
	KUNIT_CASE(short_chunks),
	KUNIT_CASE(cause_lengths),
	{}
};

static struct kunit_suite xsctp_chunk_suite = {
	.name = "xsctp_chunk",
	.test_cases = xsctp_chunk_cases,
};

kunit_test_suite(xsctp_chunk_suite);
