// SPDX-License-Identifier: GPL-2.0
/*
 * The signed State Cookie. The responder keeps no state between INIT and
 * COOKIE ECHO (RFC 9260 5.1.3): what it will need is encoded into the
 * cookie, big-endian and without padding, and followed by an HMAC-SHA-256
 * of those bytes. A returned cookie is trusted only after that MAC checks:
 * before it, nothing is read but the length, the version and the key
 * generation, so forged bytes cost at most one MAC and are never decoded.
 *
 * Layout (see Documentation/protocol-core.rst):
 *   version, key generation, flags, number of addresses   4 x u8
 *   local_tag, peer_tag, local_tsn, peer_tsn, peer_rwnd,
 *   local_tie_tag, peer_tie_tag                           7 x be32
 *   num_out, num_in, local_port, peer_port                4 x be16
 *   created_ms                                            be64
 *   lifetime_ms                                           be32
 *   source address, then each address: 4 + 4 bytes, or
 *   6 + 16 bytes + be32 scope id
 *   HMAC-SHA-256 of all the above                         32 bytes
 */
#include <crypto/algapi.h>
#include <crypto/sha2.h>
#include <kunit/visibility.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/limits.h>
#include <linux/minmax.h>
#include <linux/overflow.h>
#include <linux/string.h>
#include <linux/time64.h>
#include <linux/unaligned.h>

#include <net/xsctp/cookie.h>

#define COOKIE_VERSION	1
#define FAMILY_V4	4	/* the address family bytes of the encoding */
#define FAMILY_V6	6
#define HMAC_IPAD	0x36	/* RFC 2104 */
#define HMAC_OPAD	0x5c

/* sha256_update() takes an unsigned int length: feed longer data in parts. */
static void sha256_update_long(struct sha256_state *s, const u8 *data,
			       size_t len)
{
	while (len) {
		unsigned int n = min_t(size_t, len, UINT_MAX);

		sha256_update(s, data, n);
		data += n;
		len -= n;
	}
}

static void hash2(struct sha256_state *s, const u8 *a, size_t alen,
		  const u8 *b, size_t blen, u8 out[SHA256_DIGEST_SIZE])
{
	sha256_init(s);
	sha256_update_long(s, a, alen);
	sha256_update_long(s, b, blen);
	sha256_final(s, out);
}

/**
 * xsctp_hmac_sha256() - HMAC-SHA-256 (RFC 2104, RFC 4231)
 * @key: the key
 * @key_len: its length; keys longer than a block (64) are hashed first
 * @data: the message
 * @len: its length
 * @out: the 32-byte MAC
 *
 * Built on the SHA-256 library rather than crypto_shash, which would need
 * an allocation and a failure path in the middle of answering an INIT.
 */
void xsctp_hmac_sha256(const u8 *key, size_t key_len,
		       const u8 *data, size_t len, u8 out[XSCTP_COOKIE_MAC_LEN])
{
	u8 pad[SHA256_BLOCK_SIZE] = {};
	u8 inner[SHA256_DIGEST_SIZE];
	struct sha256_state s;
	unsigned int i;

	if (key_len > sizeof(pad))
		hash2(&s, key, key_len, NULL, 0, pad);
	else
		memcpy(pad, key, key_len);
	for (i = 0; i < sizeof(pad); i++)
		pad[i] ^= HMAC_IPAD;
	hash2(&s, pad, sizeof(pad), data, len, inner);
	for (i = 0; i < sizeof(pad); i++)
		pad[i] ^= HMAC_IPAD ^ HMAC_OPAD;
	hash2(&s, pad, sizeof(pad), inner, sizeof(inner), out);
	/* All three hold key material; not every kernel wipes the state. */
	memzero_explicit(pad, sizeof(pad));
	memzero_explicit(inner, sizeof(inner));
	memzero_explicit(&s, sizeof(s));
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_hmac_sha256);

/* Saturating, so that a cookie created near the end of time never wraps. */
static u64 cookie_expiry(u64 created_ms, u32 lifetime_ms)
{
	u64 expiry;

	if (check_add_overflow(created_ms, (u64)lifetime_ms, &expiry))
		return U64_MAX;
	return expiry;
}

/**
 * xsctp_cookie_keys_init() - start with one key and no previous one
 * @k: the key pair
 * @key: random bytes from the caller
 * @now_ms: the current time
 */
void xsctp_cookie_keys_init(struct xsctp_cookie_keys *k,
			    const u8 key[XSCTP_COOKIE_KEY_LEN], u64 now_ms)
{
	memset(k, 0, sizeof(*k));
	memcpy(k->key[0], key, XSCTP_COOKIE_KEY_LEN);
	k->cur_since_ms = now_ms;
	k->cur_last_expiry_ms = now_ms;
	k->prev_until_ms = now_ms;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_cookie_keys_init);

/**
 * xsctp_cookie_keys_due() - whether the current key should be replaced
 * @k: the key pair
 * @now_ms: the current time
 * @interval_ms: how long a key stays current
 *
 * Rotating retires the previous key, so it is due only once every cookie
 * that key sealed has expired: at prev_until_ms itself such a cookie is
 * still valid, hence "after", not "at".
 *
 * Return: true when the caller should call xsctp_cookie_keys_rotate().
 */
bool xsctp_cookie_keys_due(const struct xsctp_cookie_keys *k, u64 now_ms,
			   u64 interval_ms)
{
	if (now_ms < k->cur_since_ms || now_ms - k->cur_since_ms < interval_ms)
		return false;
	return !k->prev_set || now_ms > k->prev_until_ms;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_cookie_keys_due);

/**
 * xsctp_cookie_keys_rotate() - make @key current, keep the old one opening
 * @k: the key pair
 * @key: random bytes from the caller
 * @now_ms: the current time
 *
 * The old current key keeps opening cookies until the last one it sealed
 * expires. The key before it is forgotten, whatever its cookies: callers
 * rotate when xsctp_cookie_keys_due() says so.
 */
void xsctp_cookie_keys_rotate(struct xsctp_cookie_keys *k,
			      const u8 key[XSCTP_COOKIE_KEY_LEN], u64 now_ms)
{
	k->prev_until_ms = max(k->cur_last_expiry_ms, now_ms);
	k->prev_set = true;
	k->gen++;
	memcpy(k->key[k->gen & 1], key, XSCTP_COOKIE_KEY_LEN);
	k->cur_since_ms = now_ms;
	k->cur_last_expiry_ms = now_ms;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_cookie_keys_rotate);

/* Encoded length of one address, or 0 for a family we do not encode. */
static size_t addr_len(const union xsctp_addr *a)
{
	switch (a->sa.sa_family) {
	case AF_INET:
		return XSCTP_COOKIE_ADDR4_LEN;
	case AF_INET6:
		return XSCTP_COOKIE_ADDR6_LEN;
	}
	return 0;
}

/**
 * xsctp_cookie_len() - the length xsctp_cookie_seal() will write
 * @c: the cookie's contents
 *
 * Return: the length, MAC included; 0 if @c cannot be sealed (too many
 * addresses, or one that is neither AF_INET nor AF_INET6).
 */
size_t xsctp_cookie_len(const struct xsctp_cookie *c)
{
	size_t len = XSCTP_COOKIE_FIXED_LEN + XSCTP_COOKIE_MAC_LEN;
	size_t n = addr_len(&c->src);
	unsigned int i;

	if (!n || c->num_addrs > XSCTP_MAX_INIT_ADDRS)
		return 0;
	len += n;
	for (i = 0; i < c->num_addrs; i++) {
		n = addr_len(&c->addrs[i]);
		if (!n)
			return 0;
		len += n;
	}
	return len;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_cookie_len);

static u8 *put16(u8 *p, u16 v)
{
	put_unaligned_be16(v, p);
	return p + 2;
}

static u8 *put32(u8 *p, u32 v)
{
	put_unaligned_be32(v, p);
	return p + 4;
}

static u8 *put_fixed(u8 *p, const struct xsctp_cookie *c, u8 gen)
{
	*p++ = COOKIE_VERSION;
	*p++ = gen;
	*p++ = c->flags;
	*p++ = c->num_addrs;
	p = put32(p, c->local_tag);
	p = put32(p, c->peer_tag);
	p = put32(p, c->local_tsn);
	p = put32(p, c->peer_tsn);
	p = put32(p, c->peer_rwnd);
	p = put32(p, c->local_tie_tag);
	p = put32(p, c->peer_tie_tag);
	p = put16(p, c->num_out);
	p = put16(p, c->num_in);
	p = put16(p, c->local_port);
	p = put16(p, c->peer_port);
	put_unaligned_be64(c->created_ms, p);
	return put32(p + 8, c->lifetime_ms);
}

/* Ports are left out: every address of the peer uses peer_port. */
static u8 *put_addr(u8 *p, const union xsctp_addr *a)
{
	if (a->sa.sa_family == AF_INET) {
		*p++ = FAMILY_V4;
		memcpy(p, &a->v4.sin_addr, sizeof(a->v4.sin_addr));
		return p + sizeof(a->v4.sin_addr);
	}
	*p++ = FAMILY_V6;
	memcpy(p, &a->v6.sin6_addr, sizeof(a->v6.sin6_addr));
	p += sizeof(a->v6.sin6_addr);
	return put32(p, a->v6.sin6_scope_id);
}

/**
 * xsctp_cookie_seal() - encode a cookie and sign it with the current key
 * @buf: where to write it
 * @room: bytes available at @buf; nothing is written past them
 * @c: the contents
 * @k: the keys; records how long the current key's cookies live
 *
 * Return: the cookie's length, -EINVAL when xsctp_cookie_len() refuses
 * @c, or -ENOSPC (and nothing written) when it does not fit in @room.
 */
int xsctp_cookie_seal(u8 *buf, size_t room, const struct xsctp_cookie *c,
		      struct xsctp_cookie_keys *k)
{
	size_t len = xsctp_cookie_len(c);
	unsigned int i;
	u8 *p;

	if (!len)
		return -EINVAL;
	if (len > room)
		return -ENOSPC;
	p = put_fixed(buf, c, k->gen);
	p = put_addr(p, &c->src);
	for (i = 0; i < c->num_addrs; i++)
		p = put_addr(p, &c->addrs[i]);
	xsctp_hmac_sha256(k->key[k->gen & 1], XSCTP_COOKIE_KEY_LEN,
			  buf, p - buf, p);
	k->cur_last_expiry_ms = max(k->cur_last_expiry_ms,
				    cookie_expiry(c->created_ms, c->lifetime_ms));
	return len;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_cookie_seal);

/*
 * The generation byte is read before the MAC is checked: it only chooses
 * the key to check with, so a forged one gains nothing. The previous key
 * is accepted only if there has been one, and only until its last cookie
 * expires.
 */
static const u8 *pick_key(const struct xsctp_cookie_keys *k, u8 gen,
			  u64 now_ms)
{
	if (gen == k->gen)
		return k->key[gen & 1];
	if (gen == (u8)(k->gen - 1) && k->prev_set && now_ms <= k->prev_until_ms)
		return k->key[gen & 1];
	return NULL;
}

/* Constant time, so the comparison does not tell how much of a MAC was right. */
static bool mac_ok(const u8 *key, const u8 *buf, size_t body_len)
{
	u8 mac[XSCTP_COOKIE_MAC_LEN];
	bool ok;

	xsctp_hmac_sha256(key, XSCTP_COOKIE_KEY_LEN, buf, body_len, mac);
	ok = !crypto_memneq(mac, buf + body_len, sizeof(mac));
	memzero_explicit(mac, sizeof(mac));
	return ok;
}

static u16 get16(const u8 **p)
{
	*p += 2;
	return get_unaligned_be16(*p - 2);
}

static u32 get32(const u8 **p)
{
	*p += 4;
	return get_unaligned_be32(*p - 4);
}

/* The caller has checked that the fixed part is there. */
static const u8 *get_fixed(const u8 *p, struct xsctp_cookie *c)
{
	c->flags = p[2];
	c->num_addrs = p[3];
	p += 4;
	c->local_tag = get32(&p);
	c->peer_tag = get32(&p);
	c->local_tsn = get32(&p);
	c->peer_tsn = get32(&p);
	c->peer_rwnd = get32(&p);
	c->local_tie_tag = get32(&p);
	c->peer_tie_tag = get32(&p);
	c->num_out = get16(&p);
	c->num_in = get16(&p);
	c->local_port = get16(&p);
	c->peer_port = get16(&p);
	c->created_ms = get_unaligned_be64(p);
	p += 8;
	c->lifetime_ms = get32(&p);
	return p;
}

/* One address from *@pp, which advances; never reads at or past @end. */
static enum xsctp_cookie_err get_addr(const u8 **pp, const u8 *end, u16 port,
				      union xsctp_addr *a)
{
	const u8 *p = *pp;
	size_t left = end - p;

	if (left >= XSCTP_COOKIE_ADDR4_LEN && p[0] == FAMILY_V4) {
		a->v4.sin_family = AF_INET;
		a->v4.sin_port = htons(port);
		memcpy(&a->v4.sin_addr, p + 1, sizeof(a->v4.sin_addr));
		*pp = p + XSCTP_COOKIE_ADDR4_LEN;
		return XSCTP_COOKIE_OK;
	}
	if (left >= XSCTP_COOKIE_ADDR6_LEN && p[0] == FAMILY_V6) {
		a->v6.sin6_family = AF_INET6;
		a->v6.sin6_port = htons(port);
		memcpy(&a->v6.sin6_addr, p + 1, sizeof(a->v6.sin6_addr));
		a->v6.sin6_scope_id = get_unaligned_be32(p + 17);
		*pp = p + XSCTP_COOKIE_ADDR6_LEN;
		return XSCTP_COOKIE_OK;
	}
	/* Cut short, or a family byte we never write. */
	return XSCTP_COOKIE_TRUNCATED;
}

/*
 * Decode a cookie whose MAC has been checked. It can only be
 * inconsistent through a bug of ours, but is still read with every
 * access bounded by @end (the start of the MAC).
 */
static enum xsctp_cookie_err decode(const u8 *p, const u8 *end,
				    struct xsctp_cookie *c)
{
	enum xsctp_cookie_err err;
	unsigned int i;

	memset(c, 0, sizeof(*c));
	p = get_fixed(p, c);
	if (c->num_addrs > XSCTP_MAX_INIT_ADDRS)
		return XSCTP_COOKIE_OVERSIZED;
	err = get_addr(&p, end, c->peer_port, &c->src);
	for (i = 0; !err && i < c->num_addrs; i++)
		err = get_addr(&p, end, c->peer_port, &c->addrs[i]);
	if (err)
		return err;
	return p == end ? XSCTP_COOKIE_OK : XSCTP_COOKIE_OVERSIZED;
}

/* RFC 9260 3.3.10.3: staleness in microseconds, in 32 bits. */
static u32 staleness_us(u64 late_ms)
{
	if (late_ms > U32_MAX / USEC_PER_MSEC)
		return U32_MAX;
	return late_ms * USEC_PER_MSEC;
}

/* Is the authentic cookie @c usable for this packet, at this time? */
static enum xsctp_cookie_err check_use(const struct xsctp_cookie *c,
				       u32 pkt_vtag, u16 local_port,
				       u16 peer_port, u64 now_ms,
				       u32 *stale_us)
{
	u64 expiry = cookie_expiry(c->created_ms, c->lifetime_ms);

	if (pkt_vtag != c->local_tag)
		return XSCTP_COOKIE_BAD_TAG;
	if (local_port != c->local_port || peer_port != c->peer_port)
		return XSCTP_COOKIE_BAD_PORTS;
	if (now_ms > expiry) {
		*stale_us = staleness_us(now_ms - expiry);
		return XSCTP_COOKIE_EXPIRED;
	}
	return XSCTP_COOKIE_OK;
}

/**
 * xsctp_cookie_open() - check a COOKIE ECHO's cookie and decode it
 * @buf: the cookie
 * @len: its length; nothing outside @buf[0..@len) is read
 * @k: the keys
 * @pkt_vtag: the verification tag of the packet that carried it
 * @local_port: the packet's destination port
 * @peer_port: the packet's source port
 * @now_ms: the current time
 * @out: the contents, meaningful only on XSCTP_COOKIE_OK; each address
 *	gets @peer_port, and IPv6 ones a flow label of 0
 * @stale_us: how long ago it expired, on XSCTP_COOKIE_EXPIRED; else 0
 *
 * Length, version and key generation are checked first, then the MAC;
 * only an authentic cookie is decoded and checked against the packet and
 * the time. A cookie exactly at its expiry time is still valid.
 *
 * Return: XSCTP_COOKIE_OK, or why the cookie was refused.
 */
enum xsctp_cookie_err xsctp_cookie_open(const u8 *buf, size_t len,
					const struct xsctp_cookie_keys *k,
					u32 pkt_vtag, u16 local_port,
					u16 peer_port, u64 now_ms,
					struct xsctp_cookie *out, u32 *stale_us)
{
	enum xsctp_cookie_err err;
	const u8 *key, *end;

	*stale_us = 0;
	if (len < XSCTP_COOKIE_MIN_LEN)
		return XSCTP_COOKIE_TRUNCATED;
	/* Before the MAC: an oversized cookie costs no hashing. */
	if (len > XSCTP_COOKIE_MAX_LEN)
		return XSCTP_COOKIE_OVERSIZED;
	if (buf[0] != COOKIE_VERSION)
		return XSCTP_COOKIE_BAD_VERSION;
	key = pick_key(k, buf[1], now_ms);
	if (!key)
		return XSCTP_COOKIE_KEY_RETIRED;
	end = buf + len - XSCTP_COOKIE_MAC_LEN;
	if (!mac_ok(key, buf, end - buf))
		return XSCTP_COOKIE_BAD_MAC;
	err = decode(buf, end, out);
	if (err)
		return err;
	return check_use(out, pkt_vtag, local_port, peer_port, now_ms,
			 stale_us);
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_cookie_open);
