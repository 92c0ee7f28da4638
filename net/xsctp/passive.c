// SPDX-License-Identifier: GPL-2.0
/*
 * The responder's half of association setup (RFC 9260 5.1). An INIT is
 * answered with an INIT ACK whose State Cookie carries everything the
 * association will need, and nothing is kept: a flood of INITs costs
 * xsctp temporary buffers only. A COOKIE ECHO whose cookie opens creates
 * the association, established at once, on the listening socket.
 */
#include <linux/jiffies.h>
#include <linux/random.h>
#include <linux/slab.h>
#include <net/sock.h>

#include <net/xsctp/cause.h>
#include <net/xsctp/chunk.h>
#include <net/xsctp/cookie.h>
#include <net/xsctp/effects.h>
#include <net/xsctp/input.h>
#include <net/xsctp/laddr.h>
#include <net/xsctp/lookup.h>
#include <net/xsctp/netns.h>
#include <net/xsctp/notify.h>
#include <net/xsctp/output.h>
#include <net/xsctp/sm.h>
#include <net/xsctp/socket.h>

/* Cookie keys rotate at most this often; see xsctp_cookie_keys_due(). */
#define XSCTP_COOKIE_KEY_INTERVAL_MS	(10 * 60 * 1000)

/* Scratch space for one INIT: freed before the answer returns. */
struct init_scratch {
	struct xsctp_assoc_cfg cfg;	/* a listener's, for a new association */
	struct xsctp_init init;
	struct xsctp_cookie cookie;
	u8 sealed[XSCTP_COOKIE_MAX_LEN];
	union xsctp_addr host[XSCTP_MAX_LADDRS];	/* a wildcard's list */
	u8 chunk[XSCTP_CHUNK_HDR_LEN + XSCTP_INIT_FIXED_LEN +
		 XSCTP_MAX_LADDRS * 20 + XSCTP_PARAM_HDR_LEN +
		 XSCTP_COOKIE_MAX_LEN + 8 +
		 XSCTP_MAX_UNRECOGNIZED * XSCTP_PARAM_HDR_LEN +
		 XSCTP_UNRECOGNIZED_ROOM];
};

static u64 now_ms(void)
{
	return jiffies64_to_msecs(get_jiffies_64());
}

/* Seal under the namespace's keys, rotating them when due. */
static int seal(struct net *net, u8 *buf, const struct xsctp_cookie *c)
{
	struct xsctp_net *xn = xsctp_net(net);
	u8 key[XSCTP_COOKIE_KEY_LEN];
	int n;

	spin_lock_bh(&xn->cookie_lock);
	if (xsctp_cookie_keys_due(&xn->cookie_keys, c->created_ms,
				  XSCTP_COOKIE_KEY_INTERVAL_MS)) {
		get_random_bytes(key, sizeof(key));
		xsctp_cookie_keys_rotate(&xn->cookie_keys, key, c->created_ms);
		memzero_explicit(key, sizeof(key));
	}
	n = xsctp_cookie_seal(buf, XSCTP_COOKIE_MAX_LEN, c, &xn->cookie_keys);
	spin_unlock_bh(&xn->cookie_lock);
	return n;
}

/* The peer's addresses from its INIT, as many as a cookie holds. */
static void cookie_addrs(const struct sock *sk, struct xsctp_cookie *ck,
			 const struct xsctp_init *init, __be16 port)
{
	struct xsctp_assoc_cfg cfg;
	unsigned int i;

	xsctp_sock_assoc_cfg(sk, &cfg);
	ck->num_addrs = 0;
	for (i = 0; i < init->num_addrs; i++) {
		union xsctp_addr *a = &ck->addrs[ck->num_addrs];

		if (xsctp_addr_from_param(a, &init->addrs[i], port) &&
		    xsctp_cfg_allows(&cfg, a->sa.sa_family))
			ck->num_addrs++;
	}
}

/* RFC 9260 5.1.3: the lifetime, extended by a Cookie Preservative (at
 * most doubled, so a peer cannot ask for cookies that live for days).
 */
static u32 cookie_life(const struct xsctp_assoc_cfg *cfg,
		       const struct xsctp_init *init)
{
	u32 life = cfg->cookie_life_ms;

	return life + min(init->cookie_preservative_ms, life);
}

static void fill_cookie(struct sock *sk, struct xsctp_rx *rx,
			const struct xsctp_init *init,
			const struct xsctp_init_ack_tags *tags,
			const struct xsctp_assoc_cfg *cfg, struct xsctp_cookie *ck)
{
	memset(ck, 0, sizeof(*ck));
	ck->local_tag = tags->local_tag;
	ck->peer_tag = init->init_tag;
	ck->local_tsn = tags->local_tsn;
	ck->peer_tsn = init->initial_tsn;
	ck->local_tie_tag = tags->local_tie_tag;
	ck->peer_tie_tag = tags->peer_tie_tag;
	ck->peer_rwnd = init->a_rwnd;
	ck->num_out = min(cfg->num_ostreams, init->num_inbound);
	ck->num_in = min(cfg->max_instreams, init->num_outbound);
	ck->local_port = ntohs(rx->dst.v4.sin_port);
	ck->peer_port = ntohs(rx->src.v4.sin_port);
	ck->created_ms = now_ms();
	ck->lifetime_ms = cookie_life(cfg, init);
	ck->src = rx->src;
	cookie_addrs(sk, ck, init, rx->src.v4.sin_port);
}

/*
 * The INIT ACK's OS is the count the association will use, never more
 * than the INIT's MIS (RFC 9260 3.3.3: MUST NOT), as Linux sends it; the
 * INIT's unknown parameters that asked for it are reported (3.2.1).
 */
static int put_init_ack(struct sock *sk, const struct xsctp_rx *rx,
			const struct xsctp_init *init,
			const struct xsctp_assoc_cfg *cfg,
			struct init_scratch *t, int cookie_len)
{
	struct xsctp_init_out out = {
		.init_tag = t->cookie.local_tag,
		.a_rwnd = xsctp_local_rwnd(sk),
		.num_outbound = t->cookie.num_out,
		.num_inbound = cfg->max_instreams,
		.initial_tsn = t->cookie.local_tsn,
		.cookie = t->sealed,
		.cookie_len = cookie_len,
		.unrecognized = init->unrecognized,
		.num_unrecognized = init->num_unrecognized,
	};

	out.num_addrs = xsctp_listed_addrs(sk, &rx->src, cfg->allow_v4,
					   cfg->allow_v6, t->host, &out.addrs);
	return xsctp_wire_put_init(t->chunk, sizeof(t->chunk),
				   XSCTP_CID_INIT_ACK, &out);
}

/* An INIT we cannot serve: ABORT with the cause that says why. */
static void refuse_init(struct xsctp_rx *rx, const struct xsctp_init *init,
			enum xsctp_wire_err err)
{
	u8 cause[XSCTP_ABORT_REPLY_CAUSES];
	int n;

	n = xsctp_cause_put_init_err(cause, sizeof(cause), err, init);
	if (n > 0)
		xsctp_send_abort_reply(rx, init->init_tag, false, cause, n);
}

/**
 * xsctp_reply_restart_abort() - refuse a peer that restarts with an
 * address the association does not have (RFC 9260 5.2.1, 5.2.2)
 * @rx: the INIT or COOKIE ECHO
 * @vtag: the tag the peer chose for its new association
 * @addr: the new address, listed in the Restart with New Addresses cause
 */
void xsctp_reply_restart_abort(struct xsctp_rx *rx, u32 vtag,
			       const union xsctp_addr *addr)
{
	u8 param[XSCTP_PARAM_HDR_LEN + 16];
	u8 cause[XSCTP_PARAM_HDR_LEN + sizeof(param)];
	int n;

	if (addr->sa.sa_family == AF_INET)
		n = xsctp_wire_put_param(param, sizeof(param), XSCTP_PARAM_IPV4,
					 &addr->v4.sin_addr, 4);
	else
		n = xsctp_wire_put_param(param, sizeof(param), XSCTP_PARAM_IPV6,
					 &addr->v6.sin6_addr, 16);
	if (n > 0)
		n = xsctp_cause_put(cause, sizeof(cause),
				    XSCTP_CAUSE_RESTART_NEW_ADDRS, param, n);
	if (n > 0)
		xsctp_send_abort_reply(rx, vtag, false, cause, n);
}

/* An INIT ACK answering @init, with a cookie sealed under @tags. */
static void send_init_ack(struct sock *sk, struct xsctp_rx *rx,
			  const struct xsctp_init *init,
			  const struct xsctp_init_ack_tags *tags,
			  struct init_scratch *t)
{
	struct xsctp_pkt_addrs pa = xsctp_reply_addrs(rx, init->init_tag);
	/* RFC 9260 5.2.1, 5.2.2: an association's own settings (SHOULD). */
	const struct xsctp_assoc_cfg *cfg = tags->cfg;
	int n;

	if (!cfg) {
		xsctp_sock_assoc_cfg(sk, &t->cfg);	/* its families too */
		cfg = &t->cfg;
	}
	fill_cookie(sk, rx, init, tags, cfg, &t->cookie);
	n = seal(rx->net, t->sealed, &t->cookie);
	if (n > 0)
		n = put_init_ack(sk, rx, init, cfg, t, n);
	if (n > 0 && !xsctp_output(rx->net, sk, &pa, t->chunk, n))
		XSCTP_INC_STATS(rx->net, XSCTP_MIB_INIT_ACKS_SENT);
}

/**
 * xsctp_reply_init_ack() - answer an INIT for an association that exists
 * @sk: the association's socket
 * @rx: the packet
 * @init: its parsed INIT
 * @tags: the tags the state machine chose (RFC 9260 5.2.1, 5.2.2)
 *
 * As for a listener, nothing is kept: the cookie says it all.
 */
void xsctp_reply_init_ack(struct sock *sk, struct xsctp_rx *rx,
			  const struct xsctp_init *init,
			  const struct xsctp_init_ack_tags *tags)
{
	struct init_scratch *t = kmalloc(sizeof(*t), GFP_ATOMIC);

	if (!t)
		return;
	send_init_ack(sk, rx, init, tags, t);
	kfree_sensitive(t);
}

/* A listener's INIT: new random tags, and no tie tags (RFC 9260 5.2.2). */
static void answer_init(struct sock *sk, struct xsctp_rx *rx,
			const struct xsctp_chunk *c)
{
	struct xsctp_init_ack_tags tags = {
		.local_tag = xsctp_random_tag(), .local_tsn = get_random_u32(),
	};
	enum xsctp_wire_err err;
	struct init_scratch *t;

	if (rx->vtag) {		/* RFC 9260 8.5.1: an INIT has tag 0 */
		XSCTP_INC_STATS(rx->net, XSCTP_MIB_IN_BAD_VTAG);
		return;
	}
	t = kmalloc(sizeof(*t), GFP_ATOMIC);
	if (!t)
		return;
	err = xsctp_wire_parse_init(c, &t->init);
	if (err == XSCTP_WIRE_OK) {
		send_init_ack(sk, rx, &t->init, &tags, t);
	} else {
		XSCTP_INC_STATS(rx->net, XSCTP_MIB_IN_MALFORMED);
		/* An Initiate Tag of 0 is discarded silently (RFC 9260 3.3.2). */
		if (t->init.init_tag)
			refuse_init(rx, &t->init, err);
	}
	kfree_sensitive(t);
}

static const u8 cookie_mib[] = {
	[XSCTP_COOKIE_TRUNCATED] = XSCTP_MIB_COOKIE_MALFORMED,
	[XSCTP_COOKIE_OVERSIZED] = XSCTP_MIB_COOKIE_MALFORMED,
	[XSCTP_COOKIE_BAD_VERSION] = XSCTP_MIB_COOKIE_MALFORMED,
	[XSCTP_COOKIE_KEY_RETIRED] = XSCTP_MIB_COOKIE_KEY_RETIRED,
	[XSCTP_COOKIE_BAD_MAC] = XSCTP_MIB_COOKIE_BAD_MAC,
	[XSCTP_COOKIE_BAD_TAG] = XSCTP_MIB_COOKIE_BAD_TAG,
	[XSCTP_COOKIE_BAD_PORTS] = XSCTP_MIB_COOKIE_BAD_TAG,
	[XSCTP_COOKIE_EXPIRED] = XSCTP_MIB_COOKIE_STALE,
};

/* RFC 9260 5.1.5 step 3: tell the peer how stale its cookie was. */
static void send_stale(struct xsctp_rx *rx, const struct xsctp_cookie *ck,
		       u32 stale_us)
{
	struct xsctp_pkt_addrs pa = xsctp_reply_addrs(rx, ck->peer_tag);
	u8 buf[XSCTP_CHUNK_HDR_LEN + 8], cause[8];
	int n;

	n = xsctp_cause_put_u32(cause, sizeof(cause), XSCTP_CAUSE_STALE_COOKIE,
				stale_us);
	n = xsctp_wire_put_chunk(buf, sizeof(buf), XSCTP_CID_ERROR, 0, cause, n);
	if (n > 0)
		xsctp_output(rx->net, xsctp_ctl_sock(rx->net, rx->src.sa.sa_family),
			     &pa, buf, n);
}

/**
 * open_cookie() - check a COOKIE ECHO's cookie
 * @rx: the packet
 * @c: the COOKIE ECHO chunk
 * @asoc: the association it arrived for, or NULL
 * @ck: its contents, on success (and on expiry, for the Stale Cookie error)
 *
 * An expired cookie whose tags are both @asoc's is still good: RFC 9260
 * 5.2.4 says to check the lifespan only when they differ (case D: the
 * peer missed our COOKIE ACK), as Linux's sctp_unpack_cookie() does.
 *
 * Return: true if the cookie is ours, intact, current and for this packet.
 */
static bool open_cookie(struct xsctp_rx *rx, const struct xsctp_chunk *c,
			const struct xsctp_assoc *asoc,
			struct xsctp_cookie *ck)
{
	struct xsctp_net *xn = xsctp_net(rx->net);
	enum xsctp_cookie_err err;
	const u8 *cookie;
	u32 stale_us;
	u16 len;

	if (xsctp_cookie_echo_parse(c, &cookie, &len) != XSCTP_WIRE_OK)
		return false;
	spin_lock_bh(&xn->cookie_lock);
	err = xsctp_cookie_open(cookie, len, &xn->cookie_keys, rx->vtag,
				ntohs(rx->dst.v4.sin_port),
				ntohs(rx->src.v4.sin_port), now_ms(), ck,
				&stale_us);
	spin_unlock_bh(&xn->cookie_lock);
	if (err == XSCTP_COOKIE_OK ||
	    (err == XSCTP_COOKIE_EXPIRED && asoc &&
	     ck->local_tag == asoc->local_tag && ck->peer_tag == asoc->peer_tag))
		return true;
	XSCTP_INC_STATS(rx->net, cookie_mib[err]);
	if (err == XSCTP_COOKIE_EXPIRED)
		send_stale(rx, ck, stale_us);
	return false;
}

static void add_cookie_paths(struct xsctp_assoc *asoc,
			     const struct xsctp_cookie *ck)
{
	unsigned int i;

	asoc->fx->add_path(asoc, &ck->src, XSCTP_PATH_ACTIVE);
	for (i = 0; i < ck->num_addrs; i++)
		if (!xsctp_assoc_find_path(asoc, &ck->addrs[i]))
			asoc->fx->add_path(asoc, &ck->addrs[i],
					   XSCTP_PATH_UNCONFIRMED);
}

/*
 * The association a valid cookie describes, established, on @sk. Its
 * paths send the way the COOKIE ECHO came: in UDP from that port (RFC
 * 6951), or not, as Linux takes it from the INIT.
 */
static struct xsctp_assoc *assoc_from_cookie(struct sock *sk,
					     const struct xsctp_rx *rx,
					     const struct xsctp_cookie *ck)
{
	struct xsctp_assoc_cfg cfg;
	struct xsctp_assoc *asoc;

	xsctp_sock_assoc_cfg(sk, &cfg);
	cfg.encap_port = rx->encap_port;
	asoc = xsctp_assoc_alloc(sk, &cfg, GFP_ATOMIC);
	if (!asoc)
		return NULL;
	asoc->fx = &xsctp_real_effects;
	asoc->local_port = ck->local_port;
	asoc->peer_port = ck->peer_port;
	asoc->local_tag = ck->local_tag;
	asoc->next_tsn = ck->local_tsn;
	xsctp_assoc_take_cookie_peer(asoc, ck);
	if (xsctp_assoc_set_id(asoc, GFP_ATOMIC)) {
		xsctp_assoc_put(asoc);
		return NULL;
	}
	asoc->state = XSCTP_S_ESTABLISHED;
	list_add_tail(&asoc->node, &xsctp_sk(sk)->assocs);
	add_cookie_paths(asoc, ck);
	if (xsctp_assoc_data_start(asoc)) {
		xsctp_assoc_unlink(asoc);
		return NULL;
	}
	return asoc;
}

/*
 * The rest of a COOKIE ECHO's packet, for the association it created.
 * Its COOKIE ACK is held back meanwhile: the first DATA is acknowledged at
 * once (6.2), and the SACK takes the COOKIE ACK along, ahead of it (5.1
 * C: one packet, not two). Without DATA, or if the association ended
 * before a SACK went, the COOKIE ACK goes alone.
 */
static void established_rcv(struct xsctp_assoc *asoc, struct xsctp_rx *rx,
			    struct xsctp_tlv_iter rest)
{
	xsctp_assoc_hold(asoc);
	asoc->in.cookie_ack_due = true;
	xsctp_assoc_rcv(asoc, rx, rest);
	if (!asoc->dead && asoc->in.cookie_ack_due) {
		asoc->in.cookie_ack_due = false;
		asoc->fx->send_cookie_ack(asoc, asoc->primary);
	}
	xsctp_assoc_put(asoc);
}

/*
 * RFC 9260 5.1.5: a valid cookie creates the association, which then
 * takes the rest of the packet (DATA may come bundled, 6.10).
 */
static void accept_cookie(struct sock *sk, struct xsctp_rx *rx,
			  const struct xsctp_chunk *c,
			  const struct xsctp_tlv_iter *rest)
{
	struct xsctp_cookie *ck = kmalloc(sizeof(*ck), GFP_ATOMIC);
	struct xsctp_assoc *asoc;

	if (!ck)
		return;
	if (!open_cookie(rx, c, NULL, ck))
		goto out;
	if (!xsctp_one_to_many(sk) && sk_acceptq_is_full(sk)) {
		XSCTP_INC_STATS(rx->net, XSCTP_MIB_COOKIE_BACKLOG_FULL);
		xsctp_send_abort_reply(rx, ck->peer_tag, false, NULL, 0);
		goto out;
	}
	asoc = assoc_from_cookie(sk, rx, ck);
	if (!asoc || !asoc->primary) {
		if (asoc)
			xsctp_assoc_unlink(asoc);
		goto out;
	}
	if (!xsctp_one_to_many(sk))
		sk_acceptq_added(sk);
	xsctp_notify_comm_up(asoc);
	if (asoc->cfg.autoclose_s)
		xsctp_set_autoclose(asoc, asoc->cfg.autoclose_s);
	XSCTP_INC_STATS(rx->net, XSCTP_MIB_PASSIVE_ESTABS);
	sk->sk_data_ready(sk);
	established_rcv(asoc, rx, *rest);
out:
	kfree_sensitive(ck);
}

void xsctp_passive_rcv(struct sock *sk, struct xsctp_rx *rx)
{
	struct xsctp_tlv_iter it = rx->chunks;
	struct xsctp_chunk c;

	if (!xsctp_wire_next_chunk(&it, &c))
		return;
	if (c.type == XSCTP_CID_INIT)
		answer_init(sk, rx, &c);
	else if (c.type == XSCTP_CID_COOKIE_ECHO)
		accept_cookie(sk, rx, &c, &it);
	else
		xsctp_ootb_rcv(rx);
}

/*
 * A COOKIE ECHO for an association that exists (RFC 9260 5.2.4): its
 * cookie's tags, against the association's, say what it means. A cookie
 * refused, or of no case the table lists, takes the packet with it: its
 * DATA is not taken either (5.2.4: SHOULD), as in Linux. A late one (case
 * C) is dropped alone.
 *
 * Return: false when the rest of the packet is to be dropped.
 */
bool xsctp_cookie_echo_for_assoc(struct xsctp_assoc *asoc, struct xsctp_rx *rx,
				 const struct xsctp_chunk *c)
{
	struct xsctp_cookie *ck = kmalloc(sizeof(*ck), GFP_ATOMIC);
	struct xsctp_path *from = xsctp_assoc_find_path(asoc, &rx->src);
	bool go_on = true;

	if (!ck)
		return false;
	if (!from || !open_cookie(rx, c, asoc, ck)) {
		go_on = false;
		goto out;
	}
	switch (xsctp_cookie_case(asoc, ck)) {
	case XSCTP_CK_RESTART:
		XSCTP_INC_STATS(rx->net, XSCTP_MIB_COOKIE_RESTARTS);
		xsctp_sm_restart_cookie(asoc, rx, from, ck);
		break;
	case XSCTP_CK_COLLISION:
		XSCTP_INC_STATS(rx->net, XSCTP_MIB_COOKIE_COLLISIONS);
		xsctp_sm_collision_cookie(asoc, from, ck);
		break;
	case XSCTP_CK_DUPLICATE:
		xsctp_sm_dup_cookie_echo(asoc, from);
		break;
	case XSCTP_CK_LATE:
		XSCTP_INC_STATS(rx->net, XSCTP_MIB_COOKIE_DISCARDED);
		break;
	default:	/* the cases the table does not list */
		XSCTP_INC_STATS(rx->net, XSCTP_MIB_COOKIE_DISCARDED);
		go_on = false;
		break;
	}
out:
	kfree_sensitive(ck);
	return go_on;
}

/* Each namespace starts with a fresh random cookie key. */
void xsctp_cookie_keys_net_init(struct xsctp_net *xn)
{
	u8 key[XSCTP_COOKIE_KEY_LEN];

	spin_lock_init(&xn->cookie_lock);
	get_random_bytes(key, sizeof(key));
	xsctp_cookie_keys_init(&xn->cookie_keys, key, now_ms());
	memzero_explicit(key, sizeof(key));
}
