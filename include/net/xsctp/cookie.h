/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The State Cookie (RFC 9260 5.1.3): everything the responder needs to
 * create an association, sent to the peer in the INIT ACK and trusted
 * again only when it comes back in a COOKIE ECHO with a valid HMAC-SHA-256.
 * Pure: time and key bytes are arguments, storage is the caller's.
 */
#ifndef _NET_XSCTP_COOKIE_H
#define _NET_XSCTP_COOKIE_H

#include <linux/types.h>

#include <net/xsctp/addr.h>
#include <net/xsctp/wire.h>

#define XSCTP_COOKIE_KEY_LEN	32
#define XSCTP_COOKIE_MAC_LEN	32

/*
 * Encoded sizes: a 52-byte fixed part, the source address and each INIT
 * address as 5 (IPv4) or 21 (IPv6) bytes, then the MAC.
 */
#define XSCTP_COOKIE_FIXED_LEN	52
#define XSCTP_COOKIE_ADDR4_LEN	5
#define XSCTP_COOKIE_ADDR6_LEN	21
#define XSCTP_COOKIE_MIN_LEN	(XSCTP_COOKIE_FIXED_LEN + \
				 XSCTP_COOKIE_ADDR4_LEN + XSCTP_COOKIE_MAC_LEN)
#define XSCTP_COOKIE_MAX_LEN	(XSCTP_COOKIE_FIXED_LEN + \
				 (1 + XSCTP_MAX_INIT_ADDRS) * XSCTP_COOKIE_ADDR6_LEN + \
				 XSCTP_COOKIE_MAC_LEN)

/*
 * Two keys: the current one seals, the previous one still opens for one
 * lifetime. Callers rotate only when xsctp_cookie_keys_due() says so.
 */
struct xsctp_cookie_keys {
	u8 key[2][XSCTP_COOKIE_KEY_LEN];	/* key[gen & 1] is current */
	u8 gen;				/* generation of the current key */
	bool prev_set;			/* the other slot holds a real key */
	u64 cur_since_ms;		/* when the current key became current */
	u64 cur_last_expiry_ms;		/* latest expiry of a cookie it sealed */
	u64 prev_until_ms;		/* the previous key opens cookies until then */
};

#define XSCTP_COOKIE_F_ECN	0x01	/* peer is ECN capable */
#define XSCTP_COOKIE_F_FWD_TSN	0x02	/* peer supports FORWARD TSN */

/* What the responder needs to create the association from a COOKIE ECHO. */
struct xsctp_cookie {
	u32 local_tag, peer_tag;	/* our INIT ACK's tag, the INIT's tag */
	u32 local_tsn, peer_tsn;	/* initial TSNs */
	u32 peer_rwnd;
	u32 local_tie_tag, peer_tie_tag;	/* RFC 9260 5.2.2; 0 if none */
	u16 num_out, num_in;		/* negotiated stream counts */
	u16 local_port, peer_port;	/* host order */
	u64 created_ms;
	u32 lifetime_ms;
	u8 flags;			/* XSCTP_COOKIE_F_* */
	union xsctp_addr src;		/* where the INIT came from */
	unsigned int num_addrs;		/* <= XSCTP_MAX_INIT_ADDRS */
	union xsctp_addr addrs[XSCTP_MAX_INIT_ADDRS];	/* the INIT's address parameters */
};

/* Why a COOKIE ECHO's cookie was refused. */
enum xsctp_cookie_err {
	XSCTP_COOKIE_OK = 0,
	XSCTP_COOKIE_TRUNCATED,		/* shorter than its own encoding says */
	XSCTP_COOKIE_OVERSIZED,		/* longer than its own encoding says */
	XSCTP_COOKIE_BAD_VERSION,
	XSCTP_COOKIE_KEY_RETIRED,	/* sealed by a key no longer accepted */
	XSCTP_COOKIE_BAD_MAC,
	XSCTP_COOKIE_BAD_TAG,		/* packet's verification tag != local_tag */
	XSCTP_COOKIE_BAD_PORTS,		/* packet's ports != the cookie's */
	XSCTP_COOKIE_EXPIRED,		/* *stale_us says by how much */
};

void xsctp_hmac_sha256(const u8 *key, size_t key_len,
		       const u8 *data, size_t len, u8 out[XSCTP_COOKIE_MAC_LEN]);

void xsctp_cookie_keys_init(struct xsctp_cookie_keys *k,
			    const u8 key[XSCTP_COOKIE_KEY_LEN], u64 now_ms);
bool xsctp_cookie_keys_due(const struct xsctp_cookie_keys *k, u64 now_ms,
			   u64 interval_ms);
void xsctp_cookie_keys_rotate(struct xsctp_cookie_keys *k,
			      const u8 key[XSCTP_COOKIE_KEY_LEN], u64 now_ms);

size_t xsctp_cookie_len(const struct xsctp_cookie *c);
int xsctp_cookie_seal(u8 *buf, size_t room, const struct xsctp_cookie *c,
		      struct xsctp_cookie_keys *k);
enum xsctp_cookie_err xsctp_cookie_open(const u8 *buf, size_t len,
					const struct xsctp_cookie_keys *k,
					u32 pkt_vtag, u16 local_port,
					u16 peer_port, u64 now_ms,
					struct xsctp_cookie *out, u32 *stale_us);

#endif /* _NET_XSCTP_COOKIE_H */
