// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the signed State Cookie. HMAC-SHA-256 gives RFC 4231's MACs; a
 * sealed cookie opens to exactly what was sealed; a cookie changed in any
 * byte, cut, lengthened, carried by the wrong packet or arriving late is
 * refused with its reason (and the staleness RFC 9260 3.3.10.3 reports);
 * a cookie that is authentic but inconsistent is refused without reading
 * past it; a rotated-out key opens its cookies until the last one expires
 * and no longer; sealing never writes past its room. Cookies are opened
 * from buffers of their exact length, so KASAN sees any read beyond.
 */
#include <kunit/test.h>
#include <linux/limits.h>
#include <linux/string.h>

#include <net/xsctp/cookie.h>

#define T0	1000000ULL	/* when the fixture's keys start */
#define LIFE	60000U		/* Valid.Cookie.Life */
#define VTAG	0x11223344U
#define LPORT	5001
#define PPORT	36412

static const u8 key_a[XSCTP_COOKIE_KEY_LEN] = { 'A', 1, 2, 3 };
static const u8 key_b[XSCTP_COOKIE_KEY_LEN] = { 'B', 4, 5, 6 };
static const u8 key_c[XSCTP_COOKIE_KEY_LEN] = { 'C', 7, 8, 9 };

struct fixture {
	struct xsctp_cookie_keys keys;	/* key_a, current since T0 */
	struct xsctp_cookie *out;
	u32 stale_us;
};

static int cookie_test_init(struct kunit *test)
{
	struct fixture *f = kunit_kzalloc(test, sizeof(*f), GFP_KERNEL);

	if (!f)
		return -ENOMEM;
	f->out = kunit_kzalloc(test, sizeof(*f->out), GFP_KERNEL);
	if (!f->out)
		return -ENOMEM;
	xsctp_cookie_keys_init(&f->keys, key_a, T0);
	test->priv = f;
	return 0;
}

static struct xsctp_cookie_keys *keys(struct kunit *test)
{
	return &((struct fixture *)test->priv)->keys;
}

static void set_v4(union xsctp_addr *a, u32 ip)
{
	a->v4.sin_family = AF_INET;
	a->v4.sin_port = htons(PPORT);
	a->v4.sin_addr.s_addr = htonl(ip);
}

static void set_v6(union xsctp_addr *a, u8 last, u32 scope_id)
{
	static const u8 prefix[] = { 0x20, 0x01, 0x0d, 0xb8 };

	a->v6.sin6_family = AF_INET6;
	a->v6.sin6_port = htons(PPORT);
	memcpy(a->v6.sin6_addr.s6_addr, prefix, sizeof(prefix));
	a->v6.sin6_addr.s6_addr[15] = last;
	a->v6.sin6_scope_id = scope_id;
}

/* Every field distinct; @v6 chooses the source's family, addresses alternate. */
static struct xsctp_cookie *new_cookie(struct kunit *test, bool v6,
				       unsigned int num_addrs)
{
	struct xsctp_cookie *c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, c);
	/* Field by field: a compound literal would be a 1 KiB stack temporary. */
	c->local_tag = VTAG;
	c->peer_tag = 0x55667788;
	c->local_tsn = 0x9abcdef0;
	c->peer_tsn = 0x0fedcba9;
	c->peer_rwnd = 0x00100000;
	c->local_tie_tag = 0xdeadbeef;
	c->peer_tie_tag = 0xfeedface;
	c->num_out = 10;
	c->num_in = 65535;
	c->local_port = LPORT;
	c->peer_port = PPORT;
	c->created_ms = T0;
	c->lifetime_ms = LIFE;
	c->flags = XSCTP_COOKIE_F_ECN | XSCTP_COOKIE_F_FWD_TSN;
	c->num_addrs = num_addrs;
	if (v6)
		set_v6(&c->src, 0xfe, 0x01020304);
	else
		set_v4(&c->src, 0xc0000201);
	for (i = 0; i < num_addrs; i++) {
		if (i % 2)
			set_v6(&c->addrs[i], i, i == 1 ? 7 : 0);
		else
			set_v4(&c->addrs[i], 0xc6336400 + i);
	}
	return c;
}

/* Sealed into a buffer of exactly its length. */
static u8 *seal(struct kunit *test, const struct xsctp_cookie *c,
		size_t *len)
{
	size_t n = xsctp_cookie_len(c);
	u8 *buf;

	KUNIT_ASSERT_GT(test, n, 0);
	buf = kunit_kmalloc(test, n, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_ASSERT_EQ(test, xsctp_cookie_seal(buf, n, c, keys(test)), (int)n);
	*len = n;
	return buf;
}

/* Opened as if carried by the right packet. stale_us starts as garbage. */
static enum xsctp_cookie_err open_at(struct kunit *test, const u8 *buf,
				     size_t len, u64 now_ms)
{
	struct fixture *f = test->priv;

	f->stale_us = 0xbad;
	return xsctp_cookie_open(buf, len, &f->keys, VTAG, LPORT, PPORT,
				 now_ms, f->out, &f->stale_us);
}

static u32 stale_us(struct kunit *test)
{
	return ((struct fixture *)test->priv)->stale_us;
}

/* A copy of @buf, @extra bytes (zero) longer, in a buffer of that size. */
static u8 *copy(struct kunit *test, const u8 *buf, size_t len, size_t extra)
{
	u8 *p = kunit_kzalloc(test, len + extra, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, p);
	memcpy(p, buf, len);
	return p;
}

/* Re-sign edited bytes with a known key: authentic, whatever they say. */
static void resign(u8 *buf, size_t len, const u8 *key)
{
	size_t body = len - XSCTP_COOKIE_MAC_LEN;

	xsctp_hmac_sha256(key, XSCTP_COOKIE_KEY_LEN, buf, body, buf + body);
}

static void expect_same(struct kunit *test, const struct xsctp_cookie *a,
			const struct xsctp_cookie *b)
{
	unsigned int i;

	KUNIT_EXPECT_EQ(test, a->local_tag, b->local_tag);
	KUNIT_EXPECT_EQ(test, a->peer_tag, b->peer_tag);
	KUNIT_EXPECT_EQ(test, a->local_tsn, b->local_tsn);
	KUNIT_EXPECT_EQ(test, a->peer_tsn, b->peer_tsn);
	KUNIT_EXPECT_EQ(test, a->peer_rwnd, b->peer_rwnd);
	KUNIT_EXPECT_EQ(test, a->local_tie_tag, b->local_tie_tag);
	KUNIT_EXPECT_EQ(test, a->peer_tie_tag, b->peer_tie_tag);
	KUNIT_EXPECT_EQ(test, a->num_out, b->num_out);
	KUNIT_EXPECT_EQ(test, a->num_in, b->num_in);
	KUNIT_EXPECT_EQ(test, a->local_port, b->local_port);
	KUNIT_EXPECT_EQ(test, a->peer_port, b->peer_port);
	KUNIT_EXPECT_EQ(test, a->created_ms, b->created_ms);
	KUNIT_EXPECT_EQ(test, a->lifetime_ms, b->lifetime_ms);
	KUNIT_EXPECT_EQ(test, a->flags, b->flags);
	KUNIT_EXPECT_EQ(test, memcmp(&a->src, &b->src, sizeof(a->src)), 0);
	KUNIT_ASSERT_EQ(test, a->num_addrs, b->num_addrs);
	for (i = 0; i < a->num_addrs; i++)
		KUNIT_EXPECT_EQ_MSG(test, memcmp(&a->addrs[i], &b->addrs[i],
						 sizeof(a->addrs[i])), 0,
				    "address %u", i);
}

struct hmac_case {
	u8 key_fill;		/* when key is NULL: key_len bytes of this */
	const char *key;
	size_t key_len;
	u8 data_fill;		/* when data is NULL: data_len bytes of this */
	const char *data;
	size_t data_len;
	u8 mac[32];
};

/* RFC 4231 4.2-4.5 (test cases 1-4) and 4.7 (a key longer than a block). */
static const struct hmac_case rfc4231[] = {
	{ .key_fill = 0x0b, .key_len = 20, .data = "Hi There", .data_len = 8,
	  .mac = { 0xb0, 0x34, 0x4c, 0x61, 0xd8, 0xdb, 0x38, 0x53,
		   0x5c, 0xa8, 0xaf, 0xce, 0xaf, 0x0b, 0xf1, 0x2b,
		   0x88, 0x1d, 0xc2, 0x00, 0xc9, 0x83, 0x3d, 0xa7,
		   0x26, 0xe9, 0x37, 0x6c, 0x2e, 0x32, 0xcf, 0xf7 } },
	{ .key = "Jefe", .key_len = 4,
	  .data = "what do ya want for nothing?", .data_len = 28,
	  .mac = { 0x5b, 0xdc, 0xc1, 0x46, 0xbf, 0x60, 0x75, 0x4e,
		   0x6a, 0x04, 0x24, 0x26, 0x08, 0x95, 0x75, 0xc7,
		   0x5a, 0x00, 0x3f, 0x08, 0x9d, 0x27, 0x39, 0x83,
		   0x9d, 0xec, 0x58, 0xb9, 0x64, 0xec, 0x38, 0x43 } },
	{ .key_fill = 0xaa, .key_len = 20, .data_fill = 0xdd, .data_len = 50,
	  .mac = { 0x77, 0x3e, 0xa9, 0x1e, 0x36, 0x80, 0x0e, 0x46,
		   0x85, 0x4d, 0xb8, 0xeb, 0xd0, 0x91, 0x81, 0xa7,
		   0x29, 0x59, 0x09, 0x8b, 0x3e, 0xf8, 0xc1, 0x22,
		   0xd9, 0x63, 0x55, 0x14, 0xce, 0xd5, 0x65, 0xfe } },
	{ .key = "\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d"
		 "\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19",
	  .key_len = 25, .data_fill = 0xcd, .data_len = 50,
	  .mac = { 0x82, 0x55, 0x8a, 0x38, 0x9a, 0x44, 0x3c, 0x0e,
		   0xa4, 0xcc, 0x81, 0x98, 0x99, 0xf2, 0x08, 0x3a,
		   0x85, 0xf0, 0xfa, 0xa3, 0xe5, 0x78, 0xf8, 0x07,
		   0x7a, 0x2e, 0x3f, 0xf4, 0x67, 0x29, 0x66, 0x5b } },
	{ .key_fill = 0xaa, .key_len = 131,
	  .data = "Test Using Larger Than Block-Size Key - Hash Key First",
	  .data_len = 54,
	  .mac = { 0x60, 0xe4, 0x31, 0x59, 0x1e, 0xe0, 0xb6, 0x7f,
		   0x0d, 0x8a, 0x26, 0xaa, 0xcb, 0xf5, 0xb7, 0x7f,
		   0x8e, 0x0b, 0xc6, 0x21, 0x37, 0x28, 0xc5, 0x14,
		   0x05, 0x46, 0x04, 0x0f, 0x0e, 0xe3, 0x7f, 0x54 } },
};

/* Exact-size copies of a vector's bytes, so KASAN checks the reads. */
static u8 *vector_bytes(struct kunit *test, const char *s, u8 fill,
			size_t len)
{
	u8 *p = kunit_kmalloc(test, len, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, p);
	if (s)
		memcpy(p, s, len);
	else
		memset(p, fill, len);
	return p;
}

static void hmac_sha256_rfc4231(struct kunit *test)
{
	unsigned int i;
	u8 mac[32];

	for (i = 0; i < ARRAY_SIZE(rfc4231); i++) {
		const struct hmac_case *v = &rfc4231[i];
		u8 *key = vector_bytes(test, v->key, v->key_fill, v->key_len);
		u8 *data = vector_bytes(test, v->data, v->data_fill,
					v->data_len);

		xsctp_hmac_sha256(key, v->key_len, data, v->data_len, mac);
		KUNIT_EXPECT_EQ_MSG(test, memcmp(mac, v->mac, sizeof(mac)), 0,
				    "RFC 4231 vector %u", i);
	}
}

static void round_trip(struct kunit *test, bool v6, unsigned int num_addrs)
{
	struct fixture *f = test->priv;
	struct xsctp_cookie *c = new_cookie(test, v6, num_addrs);
	size_t len;
	u8 *buf = seal(test, c, &len);

	KUNIT_ASSERT_EQ(test, open_at(test, buf, len, T0 + 1), XSCTP_COOKIE_OK);
	KUNIT_EXPECT_EQ(test, stale_us(test), 0U);
	expect_same(test, c, f->out);
}

static void round_trip_no_addrs(struct kunit *test)
{
	struct xsctp_cookie *c = new_cookie(test, false, 0);

	/* The smallest cookie there is. */
	KUNIT_EXPECT_EQ(test, xsctp_cookie_len(c), XSCTP_COOKIE_MIN_LEN);
	round_trip(test, false, 0);
	round_trip(test, true, 0);
}

/* An IPv6 source and an IPv6 address with scope ids, an IPv4 address. */
static void round_trip_v4_v6(struct kunit *test)
{
	struct xsctp_cookie *c = new_cookie(test, true, 2);

	KUNIT_ASSERT_EQ(test, c->addrs[1].v6.sin6_scope_id, 7U);
	KUNIT_EXPECT_EQ(test, xsctp_cookie_len(c),
			(size_t)XSCTP_COOKIE_FIXED_LEN + 2 * XSCTP_COOKIE_ADDR6_LEN +
			XSCTP_COOKIE_ADDR4_LEN + XSCTP_COOKIE_MAC_LEN);
	round_trip(test, true, 2);
}

static void round_trip_max_addrs(struct kunit *test)
{
	struct xsctp_cookie *c = new_cookie(test, true, XSCTP_MAX_INIT_ADDRS);
	unsigned int i;

	round_trip(test, false, XSCTP_MAX_INIT_ADDRS);
	round_trip(test, true, XSCTP_MAX_INIT_ADDRS);
	/* All IPv6: the largest cookie there is. */
	for (i = 0; i < XSCTP_MAX_INIT_ADDRS; i++)
		set_v6(&c->addrs[i], i, i);
	KUNIT_EXPECT_EQ(test, xsctp_cookie_len(c), XSCTP_COOKIE_MAX_LEN);
}

/*
 * Every byte, flipped in its lowest and its highest bit: byte 0 is the
 * version (BAD_VERSION), byte 1 the key generation (KEY_RETIRED: no key
 * has that generation); any other byte, address counts and family bytes
 * included, is caught by the MAC before it is read (BAD_MAC).
 */
static void every_byte_flipped(struct kunit *test)
{
	static const u8 masks[] = { 0x01, 0x80 };
	struct xsctp_cookie *c = new_cookie(test, true, 2);
	enum xsctp_cookie_err want;
	size_t len, i;
	u8 *buf = seal(test, c, &len);
	unsigned int m;

	for (i = 0; i < len; i++) {
		want = i == 0 ? XSCTP_COOKIE_BAD_VERSION :
		       i == 1 ? XSCTP_COOKIE_KEY_RETIRED : XSCTP_COOKIE_BAD_MAC;
		for (m = 0; m < ARRAY_SIZE(masks); m++) {
			buf[i] ^= masks[m];
			KUNIT_EXPECT_EQ_MSG(test, open_at(test, buf, len, T0), want,
					    "byte %zu ^ %#x", i, masks[m]);
			buf[i] ^= masks[m];
		}
	}
	KUNIT_EXPECT_EQ(test, open_at(test, buf, len, T0), XSCTP_COOKIE_OK);
}

/*
 * Below the smallest possible cookie: TRUNCATED, without reading. A
 * longer cookie cut by a byte is still long enough to be one, so it is
 * the MAC that refuses it (BAD_MAC): lengths are not checked against the
 * contents until the contents are authentic.
 */
static void truncated(struct kunit *test)
{
	size_t len, n;
	u8 *buf = seal(test, new_cookie(test, false, 0), &len);

	KUNIT_ASSERT_EQ(test, len, XSCTP_COOKIE_MIN_LEN);
	KUNIT_EXPECT_EQ(test, open_at(test, buf, len - 1, T0),
			XSCTP_COOKIE_TRUNCATED);
	for (n = 0; n < len; n++)
		KUNIT_EXPECT_EQ_MSG(test, open_at(test, buf, n, T0),
				    XSCTP_COOKIE_TRUNCATED, "length %zu", n);
	KUNIT_EXPECT_EQ(test, open_at(test, NULL, 0, T0),
			XSCTP_COOKIE_TRUNCATED);

	buf = seal(test, new_cookie(test, true, 2), &len);
	KUNIT_EXPECT_EQ(test, open_at(test, buf, len - 1, T0),
			XSCTP_COOKIE_BAD_MAC);
}

/*
 * One byte more: the MAC is then read one byte later, so BAD_MAC. Beyond
 * the largest possible cookie: OVERSIZED, before any hashing, and without
 * reading (the huge length is never dereferenced).
 */
static void oversized(struct kunit *test)
{
	struct xsctp_cookie *c = new_cookie(test, true, XSCTP_MAX_INIT_ADDRS);
	size_t len;
	u8 *buf = seal(test, new_cookie(test, true, 2), &len);
	u8 *big;
	unsigned int i;

	KUNIT_EXPECT_EQ(test, open_at(test, copy(test, buf, len, 1), len + 1, T0),
			XSCTP_COOKIE_BAD_MAC);
	KUNIT_EXPECT_EQ(test, open_at(test, buf, SIZE_MAX, T0),
			XSCTP_COOKIE_OVERSIZED);

	for (i = 0; i < XSCTP_MAX_INIT_ADDRS; i++)
		set_v6(&c->addrs[i], i, i);
	buf = seal(test, c, &len);
	KUNIT_ASSERT_EQ(test, len, XSCTP_COOKIE_MAX_LEN);
	KUNIT_EXPECT_EQ(test, open_at(test, buf, len, T0), XSCTP_COOKIE_OK);
	big = copy(test, buf, len, 1);
	KUNIT_EXPECT_EQ(test, open_at(test, big, len + 1, T0),
			XSCTP_COOKIE_OVERSIZED);
}

/*
 * Bytes that carry a valid MAC but do not describe a cookie can only come
 * from a bug of ours (or a stolen key); they are still refused, and read
 * only within their length.
 */
static void authentic_but_inconsistent(struct kunit *test)
{
	struct xsctp_cookie *c = new_cookie(test, true, 2);
	size_t len;
	u8 *good = seal(test, c, &len), *buf;

	buf = copy(test, good, len, 0);
	buf[3]++;	/* one address more than there is */
	resign(buf, len, key_a);
	KUNIT_EXPECT_EQ(test, open_at(test, buf, len, T0), XSCTP_COOKIE_TRUNCATED);

	buf = copy(test, good, len, 0);
	buf[3]--;	/* one address less: bytes left over */
	resign(buf, len, key_a);
	KUNIT_EXPECT_EQ(test, open_at(test, buf, len, T0), XSCTP_COOKIE_OVERSIZED);

	buf = copy(test, good, len, 0);
	buf[XSCTP_COOKIE_FIXED_LEN] = 5;	/* the source's family byte */
	resign(buf, len, key_a);
	KUNIT_EXPECT_EQ(test, open_at(test, buf, len, T0), XSCTP_COOKIE_TRUNCATED);

	buf = copy(test, good, len, 0);
	buf[0] = 2;
	resign(buf, len, key_a);
	KUNIT_EXPECT_EQ(test, open_at(test, buf, len, T0),
			XSCTP_COOKIE_BAD_VERSION);
}

/* More addresses than out->addrs holds, all present: never stored. */
static void authentic_too_many_addrs(struct kunit *test)
{
	struct xsctp_cookie *c = new_cookie(test, false, XSCTP_MAX_INIT_ADDRS);
	size_t len, body, i;
	u8 *buf, *more;

	for (i = 0; i < XSCTP_MAX_INIT_ADDRS; i++)
		set_v4(&c->addrs[i], i);
	buf = seal(test, c, &len);
	body = len - XSCTP_COOKIE_MAC_LEN;
	more = copy(test, buf, body, XSCTP_COOKIE_ADDR4_LEN + XSCTP_COOKIE_MAC_LEN);
	more[body] = 4;			/* a 33rd IPv4 address */
	more[3] = XSCTP_MAX_INIT_ADDRS + 1;
	len += XSCTP_COOKIE_ADDR4_LEN;
	resign(more, len, key_a);
	KUNIT_EXPECT_EQ(test, open_at(test, more, len, T0),
			XSCTP_COOKIE_OVERSIZED);
}

static void wrong_packet(struct kunit *test)
{
	struct fixture *f = test->priv;
	size_t len;
	u8 *buf = seal(test, new_cookie(test, false, 1), &len);
	u32 stale;

	KUNIT_EXPECT_EQ(test, xsctp_cookie_open(buf, len, &f->keys, VTAG + 1,
						LPORT, PPORT, T0, f->out, &stale),
			XSCTP_COOKIE_BAD_TAG);
	KUNIT_EXPECT_EQ(test, xsctp_cookie_open(buf, len, &f->keys, VTAG,
						PPORT, LPORT, T0, f->out, &stale),
			XSCTP_COOKIE_BAD_PORTS);
	KUNIT_EXPECT_EQ(test, xsctp_cookie_open(buf, len, &f->keys, VTAG,
						LPORT, PPORT + 1, T0, f->out, &stale),
			XSCTP_COOKIE_BAD_PORTS);
	KUNIT_EXPECT_EQ(test, xsctp_cookie_open(buf, len, &f->keys, VTAG,
						LPORT + 1, PPORT, T0, f->out, &stale),
			XSCTP_COOKIE_BAD_PORTS);
}

static void expiry(struct kunit *test)
{
	const u64 expiry = T0 + LIFE;
	size_t len;
	u8 *buf = seal(test, new_cookie(test, false, 0), &len);

	KUNIT_EXPECT_EQ(test, open_at(test, buf, len, expiry), XSCTP_COOKIE_OK);
	KUNIT_EXPECT_EQ(test, stale_us(test), 0U);
	KUNIT_EXPECT_EQ(test, open_at(test, buf, len, expiry + 1),
			XSCTP_COOKIE_EXPIRED);
	KUNIT_EXPECT_EQ(test, stale_us(test), 1000U);
}

/* The measure of staleness is 32 bits of microseconds: 71 minutes. */
static void staleness_saturates(struct kunit *test)
{
	const u64 expiry = T0 + LIFE;
	struct xsctp_cookie *c;
	size_t len;
	u8 *buf = seal(test, new_cookie(test, false, 0), &len);

	KUNIT_EXPECT_EQ(test, open_at(test, buf, len, expiry + 4294967),
			XSCTP_COOKIE_EXPIRED);
	KUNIT_EXPECT_EQ(test, stale_us(test), 4294967000U);
	KUNIT_EXPECT_EQ(test, open_at(test, buf, len, expiry + 4294968),
			XSCTP_COOKIE_EXPIRED);
	KUNIT_EXPECT_EQ(test, stale_us(test), U32_MAX);
	KUNIT_EXPECT_EQ(test, open_at(test, buf, len, U64_MAX),
			XSCTP_COOKIE_EXPIRED);
	KUNIT_EXPECT_EQ(test, stale_us(test), U32_MAX);

	/* Created at the end of time: its expiry saturates, it never wraps. */
	c = new_cookie(test, false, 0);
	c->created_ms = U64_MAX - 10;
	buf = seal(test, c, &len);
	KUNIT_EXPECT_EQ(test, open_at(test, buf, len, U64_MAX), XSCTP_COOKIE_OK);
	KUNIT_EXPECT_EQ(test, keys(test)->cur_last_expiry_ms, U64_MAX);
}

static void keys_init_leaves_no_previous(struct kunit *test)
{
	static const u8 zero[XSCTP_COOKIE_KEY_LEN];
	struct xsctp_cookie_keys *k = keys(test);
	size_t len;
	u8 *buf = seal(test, new_cookie(test, false, 0), &len);

	KUNIT_EXPECT_EQ(test, k->gen, 0);
	KUNIT_EXPECT_EQ(test, memcmp(k->key[0], key_a, sizeof(key_a)), 0);
	KUNIT_EXPECT_EQ(test, memcmp(k->key[1], zero, sizeof(zero)), 0);
	KUNIT_EXPECT_EQ(test, k->cur_since_ms, T0);
	KUNIT_EXPECT_EQ(test, k->prev_until_ms, T0);
	/* Generation 255 signed with the empty slot's all-zero key. */
	buf[1] = 255;
	resign(buf, len, zero);
	KUNIT_EXPECT_EQ(test, open_at(test, buf, len, T0),
			XSCTP_COOKIE_KEY_RETIRED);
}

/* Seal records the latest expiry among the current key's cookies. */
static void seal_records_last_expiry(struct kunit *test)
{
	struct xsctp_cookie *c = new_cookie(test, false, 0);
	size_t len;

	seal(test, c, &len);
	KUNIT_EXPECT_EQ(test, keys(test)->cur_last_expiry_ms, T0 + LIFE);
	c->lifetime_ms = 10;
	seal(test, c, &len);
	KUNIT_EXPECT_EQ(test, keys(test)->cur_last_expiry_ms, T0 + LIFE);
}

/* Seal with A, rotate to B: A's cookies open until the last one expires. */
static void rotation_keeps_previous(struct kunit *test)
{
	struct xsctp_cookie_keys *k = keys(test);
	struct xsctp_cookie *c = new_cookie(test, false, 0);
	size_t len_a, len_b;
	u8 *a = seal(test, c, &len_a), *b;

	xsctp_cookie_keys_rotate(k, key_b, T0 + 1000);
	KUNIT_EXPECT_EQ(test, k->gen, 1);
	KUNIT_EXPECT_EQ(test, k->prev_until_ms, T0 + LIFE);
	KUNIT_EXPECT_EQ(test, k->cur_since_ms, T0 + 1000);
	KUNIT_EXPECT_EQ(test, k->cur_last_expiry_ms, T0 + 1000);
	c->created_ms = T0 + 1000;
	b = seal(test, c, &len_b);

	KUNIT_EXPECT_EQ(test, open_at(test, a, len_a, T0 + 2000), XSCTP_COOKIE_OK);
	KUNIT_EXPECT_EQ(test, open_at(test, b, len_b, T0 + 2000), XSCTP_COOKIE_OK);
	KUNIT_EXPECT_EQ(test, open_at(test, a, len_a, T0 + LIFE), XSCTP_COOKIE_OK);
	KUNIT_EXPECT_EQ(test, open_at(test, a, len_a, T0 + LIFE + 1),
			XSCTP_COOKIE_KEY_RETIRED);
	KUNIT_EXPECT_EQ(test, open_at(test, b, len_b, T0 + LIFE + 1),
			XSCTP_COOKIE_OK);
}

/* A, B, C: A's cookies are refused even within their lifetime. */
static void two_rotations_retire(struct kunit *test)
{
	struct xsctp_cookie_keys *k = keys(test);
	struct xsctp_cookie *c = new_cookie(test, false, 0);
	size_t len_a, len_b;
	u8 *a = seal(test, c, &len_a), *b;

	xsctp_cookie_keys_rotate(k, key_b, T0 + 1);
	b = seal(test, c, &len_b);
	xsctp_cookie_keys_rotate(k, key_c, T0 + 2);
	KUNIT_EXPECT_EQ(test, open_at(test, a, len_a, T0 + 3),
			XSCTP_COOKIE_KEY_RETIRED);
	KUNIT_EXPECT_EQ(test, open_at(test, b, len_b, T0 + 3), XSCTP_COOKIE_OK);
}

/* Generation 255 is the one before 0. */
static void generation_wraps(struct kunit *test)
{
	struct xsctp_cookie_keys *k = keys(test);
	struct xsctp_cookie *c = new_cookie(test, false, 0);
	u8 key[XSCTP_COOKIE_KEY_LEN] = {};
	unsigned int i;
	size_t len;
	u8 *buf;

	for (i = 1; i <= 255; i++) {
		key[0] = i;
		xsctp_cookie_keys_rotate(k, key, T0);
	}
	KUNIT_ASSERT_EQ(test, k->gen, 255);
	buf = seal(test, c, &len);
	KUNIT_EXPECT_EQ(test, buf[1], 255);
	xsctp_cookie_keys_rotate(k, key_b, T0 + 1);
	KUNIT_ASSERT_EQ(test, k->gen, 0);
	KUNIT_EXPECT_EQ(test, open_at(test, buf, len, T0 + 2), XSCTP_COOKIE_OK);
	xsctp_cookie_keys_rotate(k, key_c, T0 + 3);
	KUNIT_EXPECT_EQ(test, open_at(test, buf, len, T0 + 4),
			XSCTP_COOKIE_KEY_RETIRED);
}

/*
 * A rotation is due once the current key is old enough and no previous
 * key's cookie can still be valid (at prev_until_ms one still is).
 */
static void keys_due(struct kunit *test)
{
	const u64 interval = 1000;
	struct xsctp_cookie_keys *k = keys(test);
	struct xsctp_cookie *c = new_cookie(test, false, 0);
	size_t len;
	u8 *buf;

	KUNIT_EXPECT_FALSE(test, xsctp_cookie_keys_due(k, T0 + interval - 1, interval));
	KUNIT_EXPECT_TRUE(test, xsctp_cookie_keys_due(k, T0 + interval, interval));
	c->created_ms = T0 + 900;
	c->lifetime_ms = 5000;
	buf = seal(test, c, &len);
	xsctp_cookie_keys_rotate(k, key_b, T0 + interval);
	KUNIT_EXPECT_EQ(test, k->prev_until_ms, T0 + 5900);

	KUNIT_EXPECT_FALSE(test, xsctp_cookie_keys_due(k, T0 + 1999, interval));
	KUNIT_EXPECT_FALSE(test, xsctp_cookie_keys_due(k, T0 + 2000, interval));
	KUNIT_EXPECT_FALSE(test, xsctp_cookie_keys_due(k, T0 + 5900, interval));
	KUNIT_EXPECT_EQ(test, open_at(test, buf, len, T0 + 5900), XSCTP_COOKIE_OK);
	KUNIT_EXPECT_TRUE(test, xsctp_cookie_keys_due(k, T0 + 5901, interval));
	/* A clock that went backwards is not a reason to rotate. */
	KUNIT_EXPECT_FALSE(test, xsctp_cookie_keys_due(k, T0, 0));
}

/* Too little room: -ENOSPC and not one byte written. */
static void seal_needs_room(struct kunit *test)
{
	struct xsctp_cookie *c = new_cookie(test, true, 2);
	size_t len = xsctp_cookie_len(c), i;
	u8 *buf = kunit_kmalloc(test, len + 16, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, buf);
	memset(buf, 0x5a, len + 16);
	KUNIT_EXPECT_EQ(test, xsctp_cookie_seal(buf, len - 1, c, keys(test)),
			-ENOSPC);
	KUNIT_EXPECT_EQ(test, xsctp_cookie_seal(buf, 0, c, keys(test)), -ENOSPC);
	for (i = 0; i < len + 16; i++)
		KUNIT_EXPECT_EQ_MSG(test, buf[i], 0x5a, "byte %zu", i);
	KUNIT_EXPECT_EQ(test, keys(test)->cur_last_expiry_ms, T0);

	KUNIT_EXPECT_EQ(test, xsctp_cookie_seal(buf, len, c, keys(test)), (int)len);
	for (i = len; i < len + 16; i++)
		KUNIT_EXPECT_EQ_MSG(test, buf[i], 0x5a, "byte %zu", i);
}

static void seal_refuses_what_it_cannot_encode(struct kunit *test)
{
	struct xsctp_cookie *c = new_cookie(test, false, XSCTP_MAX_INIT_ADDRS);
	u8 *buf = kunit_kzalloc(test, XSCTP_COOKIE_MAX_LEN, GFP_KERNEL);
	const size_t room = XSCTP_COOKIE_MAX_LEN;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	c->num_addrs = XSCTP_MAX_INIT_ADDRS + 1;
	KUNIT_EXPECT_EQ(test, xsctp_cookie_len(c), 0);
	KUNIT_EXPECT_EQ(test, xsctp_cookie_seal(buf, room, c, keys(test)), -EINVAL);

	c = new_cookie(test, false, 2);
	c->src.sa.sa_family = AF_UNSPEC;
	KUNIT_EXPECT_EQ(test, xsctp_cookie_seal(buf, room, c, keys(test)), -EINVAL);

	c = new_cookie(test, false, 2);
	c->addrs[1].sa.sa_family = AF_UNIX;
	KUNIT_EXPECT_EQ(test, xsctp_cookie_seal(buf, room, c, keys(test)), -EINVAL);
	KUNIT_EXPECT_EQ(test, buf[0], 0);
}

static struct kunit_case xsctp_cookie_cases[] = {
	KUNIT_CASE(hmac_sha256_rfc4231),
	KUNIT_CASE(round_trip_no_addrs),
	KUNIT_CASE(round_trip_v4_v6),
	KUNIT_CASE(round_trip_max_addrs),
	KUNIT_CASE(every_byte_flipped),
	KUNIT_CASE(truncated),
	KUNIT_CASE(oversized),
	KUNIT_CASE(authentic_but_inconsistent),
	KUNIT_CASE(authentic_too_many_addrs),
	KUNIT_CASE(wrong_packet),
	KUNIT_CASE(expiry),
	KUNIT_CASE(staleness_saturates),
	KUNIT_CASE(keys_init_leaves_no_previous),
	KUNIT_CASE(seal_records_last_expiry),
	KUNIT_CASE(rotation_keeps_previous),
	KUNIT_CASE(two_rotations_retire),
	KUNIT_CASE(generation_wraps),
	KUNIT_CASE(keys_due),
	KUNIT_CASE(seal_needs_room),
	KUNIT_CASE(seal_refuses_what_it_cannot_encode),
	{}
};

static struct kunit_suite xsctp_cookie_suite = {
	.name = "xsctp_cookie",
	.init = cookie_test_init,
	.test_cases = xsctp_cookie_cases,
};

kunit_test_suite(xsctp_cookie_suite);
