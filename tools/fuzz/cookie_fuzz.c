// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for the State Cookie (net/xsctp/cookie.c, built
 * unchanged in user space over sha256.c). The first input byte picks:
 *
 *  0  the rest as a COOKIE ECHO's cookie: refused without reading past it;
 *  1  the rest signed with the current key, as if forged by someone who
 *     has it (or sealed by a bug of ours): the decoder must stay within
 *     the bytes whatever they say;
 *  2  the rest as a cookie's contents: sealed, opened for the packet it
 *     names, it must come back identical (any difference aborts).
 */
#include <stdlib.h>
#include <string.h>

#include <crypto/sha2.h>
#include <net/xsctp/cookie.h>

#define NOW_MS	1000000ULL

static struct xsctp_cookie_keys keys;

/* FIPS 180-4's "abc": the stand-in SHA-256 must be the real one. */
static void check_sha256(void)
{
	static const u8 want[4] = { 0xba, 0x78, 0x16, 0xbf };
	struct sha256_state s;
	u8 out[SHA256_DIGEST_SIZE];

	sha256_init(&s);
	sha256_update(&s, (const u8 *)"abc", 3);
	sha256_final(&s, out);
	if (memcmp(out, want, sizeof(want)))
		abort();
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	u8 key[XSCTP_COOKIE_KEY_LEN];

	check_sha256();
	memset(key, 0x5a, sizeof(key));
	xsctp_cookie_keys_init(&keys, key, NOW_MS);
	return 0;
}

static void open_any(const u8 *data, size_t len)
{
	struct xsctp_cookie ck;
	u32 stale;

	xsctp_cookie_open(data, len, &keys, 1, 2, 3, NOW_MS, &ck, &stale);
}

static void open_signed(const u8 *data, size_t len)
{
	u8 buf[XSCTP_COOKIE_MAX_LEN];
	size_t body = len + 2;
	struct xsctp_cookie ck;
	u32 stale;

	if (body + XSCTP_COOKIE_MAC_LEN > sizeof(buf))
		return;
	buf[0] = 1;			/* the version */
	buf[1] = keys.gen;
	memcpy(buf + 2, data, len);
	xsctp_hmac_sha256(keys.key[keys.gen & 1], XSCTP_COOKIE_KEY_LEN,
			  buf, body, buf + body);
	xsctp_cookie_open(buf, body + XSCTP_COOKIE_MAC_LEN, &keys, 1, 2, 3,
			  NOW_MS, &ck, &stale);
}

/* Take n bytes of input (zeros once it runs out). */
static void take(const u8 **p, const u8 *end, void *to, size_t n)
{
	size_t have = *p < end ? (size_t)(end - *p) : 0;

	memset(to, 0, n);
	memcpy(to, *p, have < n ? have : n);
	*p += n;
}

static void take_addr(const u8 **p, const u8 *end, u16 port,
		      union xsctp_addr *a)
{
	u8 v6 = 0;

	memset(a, 0, sizeof(*a));
	take(p, end, &v6, 1);
	if (v6 & 1) {
		a->v6.sin6_family = AF_INET6;
		take(p, end, &a->v6.sin6_addr, sizeof(a->v6.sin6_addr));
		take(p, end, &a->v6.sin6_scope_id, 4);
		a->v6.sin6_port = htons(port);
	} else {
		a->v4.sin_family = AF_INET;
		take(p, end, &a->v4.sin_addr, sizeof(a->v4.sin_addr));
		a->v4.sin_port = htons(port);
	}
}

static void take_cookie(const u8 *p, const u8 *end, struct xsctp_cookie *c)
{
	unsigned int i;
	u8 n = 0;

	memset(c, 0, sizeof(*c));
	/* The u32 and u16 fields, not the padding before created_ms. */
	take(&p, end, c, offsetof(struct xsctp_cookie, peer_port) +
	     sizeof(c->peer_port));
	take(&p, end, &c->lifetime_ms, sizeof(c->lifetime_ms));
	take(&p, end, &c->flags, sizeof(c->flags));
	take(&p, end, &n, 1);
	c->created_ms = NOW_MS;
	c->num_addrs = n % (XSCTP_MAX_INIT_ADDRS + 1);
	take_addr(&p, end, c->peer_port, &c->src);
	for (i = 0; i < c->num_addrs; i++)
		take_addr(&p, end, c->peer_port, &c->addrs[i]);
}

static void round_trip(const u8 *data, size_t len)
{
	struct xsctp_cookie in, out;
	u8 buf[XSCTP_COOKIE_MAX_LEN];
	u32 stale;
	int n;

	take_cookie(data, data + len, &in);
	n = xsctp_cookie_seal(buf, sizeof(buf), &in, &keys);
	if (n < 0)
		return;		/* refused to seal: nothing to open */
	if (xsctp_cookie_open(buf, n, &keys, in.local_tag, in.local_port,
			      in.peer_port, NOW_MS, &out, &stale) != XSCTP_COOKIE_OK ||
	    memcmp(&in, &out, sizeof(in)))
		abort();
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t len)
{
	if (!len)
		return 0;
	switch (data[0] % 3) {
	case 0:
		open_any(data + 1, len - 1);
		break;
	case 1:
		open_signed(data + 1, len - 1);
		break;
	default:
		round_trip(data + 1, len - 1);
		break;
	}
	return 0;
}
