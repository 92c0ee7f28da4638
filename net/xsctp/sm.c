// SPDX-License-Identifier: GPL-2.0
/*
 * The association state machine, initiator side of setup and the setup
 * chunks that meet an association which exists (RFC 9260 5.2): one function
 * per event, each a switch on the state, calling the effects (asoc->fx) by
 * name.
 * Events not listed for a state are ignored, as RFC 9260 says for chunks
 * that arrive in a state that does not expect them (5.2.3: an INIT ACK in
 * COOKIE-ECHOED or later is discarded). Documentation/state-machine.rst
 * has the event x state table; the xsctp_sm KUnit suite checks it.
 *
 * Called with the association's socket locked; no sleeping.
 */
#include <kunit/visibility.h>
#include <linux/export.h>
#include <linux/minmax.h>
#include <linux/random.h>
#include <linux/slab.h>

#include <net/xsctp/cause.h>
#include <net/xsctp/cookie.h>
#include <net/xsctp/input.h>
#include <net/xsctp/sm.h>

static void start_t1(struct xsctp_assoc *asoc)
{
	asoc->fx->set_t1(asoc, asoc->t1_ms);
}

/*
 * The next path for an INIT or COOKIE ECHO: the first one at first, then
 * round-robin over the paths the user gave (Linux's order), skipping those
 * learned from the peer and not yet confirmed.
 */
static struct xsctp_path *next_init_path(struct xsctp_assoc *asoc)
{
	struct xsctp_path *p = asoc->init_path;

	if (!p)
		return asoc->primary;
	do {
		p = list_is_last(&p->node, &asoc->paths) ?
		    list_first_entry(&asoc->paths, struct xsctp_path, node) :
		    list_next_entry(p, node);
	} while (p != asoc->init_path && p->state == XSCTP_PATH_UNCONFIRMED);
	return p;
}

/* The INIT (or COOKIE ECHO) is about to go to @p. */
static void init_goes_to(struct xsctp_assoc *asoc, struct xsctp_path *p)
{
	asoc->init_path = p;
	p->init_sent++;
}

static struct xsctp_path *choose_init_path(struct xsctp_assoc *asoc)
{
	struct xsctp_path *p = next_init_path(asoc);

	init_goes_to(asoc, p);
	return p;
}

/*
 * The first path the INIT has not been to yet, in the user's order; NULL
 * when it has been to them all.
 */
static struct xsctp_path *untried_path(struct xsctp_assoc *asoc)
{
	struct xsctp_path *p;

	list_for_each_entry(p, &asoc->paths, node)
		if (!p->init_sent && p->state != XSCTP_PATH_UNCONFIRMED)
			return p;
	return NULL;
}

/*
 * Setup across addresses, Happy Eyeballs style: while no INIT ACK has
 * come, each stagger sends the same INIT (same tag) to the next address
 * not tried yet, without waiting for T1, which goes on as it would. A
 * responder keeps no state before COOKIE ECHO and the INIT ACKs after the
 * first are discarded (RFC 9260 5.2.3), so racing costs the peer nothing.
 */
static void stagger_next(struct xsctp_assoc *asoc)
{
	if (asoc->cfg.init_stagger_ms && untried_path(asoc))
		asoc->fx->set_stagger(asoc, asoc->cfg.init_stagger_ms);
}

/*
 * The INIT to @p, which has not had it yet, with the stagger for the next
 * address already running: an ICMP error about this INIT can come back
 * before send_init() returns (a veth answers in the same softirq), with
 * the socket still owned here, and icmp.c then brings the stagger
 * forward.
 */
static void race_to(struct xsctp_assoc *asoc, struct xsctp_path *p)
{
	init_goes_to(asoc, p);
	stagger_next(asoc);
	asoc->fx->send_init(asoc, p);
}

/* The same INIT to the next address not tried yet, if any. */
static void race_next(struct xsctp_assoc *asoc)
{
	struct xsctp_path *p = untried_path(asoc);

	if (p)
		race_to(asoc, p);
}

/*
 * Linux doubles T1 once per pass over all the paths, up to max_init_timeo;
 * the staggered INITs are part of the first pass.
 */
static void t1_backoff(struct xsctp_assoc *asoc, struct xsctp_path *p)
{
	if (p->init_sent <= asoc->init_cycle + 1)
		return;
	asoc->init_cycle++;
	asoc->t1_ms = min(asoc->t1_ms * 2, asoc->cfg.max_init_timeo_ms);
}

static void reset_init_counters(struct xsctp_assoc *asoc)
{
	struct xsctp_path *p;

	asoc->init_errors = 0;
	asoc->init_cycle = 0;
	asoc->t1_ms = asoc->cfg.rto.initial_us / USEC_PER_MSEC;
	list_for_each_entry(p, &asoc->paths, node)
		p->init_sent = 0;
}

/**
 * xsctp_sm_fail() - the association fails, from any state: it is CLOSED
 * @asoc: the association
 * @err: why, as connect() and SO_ERROR say it
 * @causes: the causes of the peer's ABORT, if that is why; else NULL
 * @len: their length
 *
 * For sm.c and sm_shutdown.c. The state is the state machine's to set,
 * and it is set before the effect runs: the effect unlinks the
 * association, which may drop the last reference (close() holds none of
 * its own). The effect is told whether the association had come up
 * (SCTP_COMM_LOST, else SCTP_CANT_STR_ASSOC), since the state then says
 * CLOSED.
 */
void xsctp_sm_fail(struct xsctp_assoc *asoc, int err, const u8 *causes,
		   u16 len)
{
	bool was_up = asoc->state >= XSCTP_S_ESTABLISHED;

	asoc->state = XSCTP_S_CLOSED;
	asoc->fx->failed(asoc, err, was_up, causes, len);
}

/**
 * xsctp_sm_associate() - the user asked for an association (connect)
 * @asoc: a new association in CLOSED with its paths, first one primary
 */
void xsctp_sm_associate(struct xsctp_assoc *asoc)
{
	switch (asoc->state) {
	case XSCTP_S_CLOSED:
		asoc->state = XSCTP_S_COOKIE_WAIT;
		reset_init_counters(asoc);
		race_to(asoc, next_init_path(asoc));
		start_t1(asoc);
		break;
	default:
		break;
	}
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_sm_associate);

/**
 * xsctp_sm_stagger_expired() - no INIT ACK within the stagger
 * @asoc: the association
 *
 * The INIT goes to the next address not tried yet as well. It counts as
 * a send to that address, not as a retransmission: T1 and the INIT
 * retransmission count are left alone. Later, in another state, the
 * timer means nothing.
 */
void xsctp_sm_stagger_expired(struct xsctp_assoc *asoc)
{
	switch (asoc->state) {
	case XSCTP_S_COOKIE_WAIT:
		race_next(asoc);
		break;
	default:
		break;
	}
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_sm_stagger_expired);

/**
 * xsctp_sm_init_unreachable() - an ICMP unreachable quoting our INIT
 * @asoc: the association
 *
 * An address of the list refuses the INIT (no route, host or address
 * unreachable; its tag checked, icmp.c): where the list is raced, the
 * next address not tried yet need not wait for the stagger. Nothing else
 * changes: T1 goes on, and the refusing address keeps its turn in T1's
 * rotation, as the error may pass (RFC 1122 4.2.3.9: a soft error). A
 * forged ICMP needs our Initiate Tag, and can only bring forward an INIT
 * that the stagger would send anyway. With init_stagger 0, as Linux:
 * nothing here (icmp.c keeps the soft error).
 */
void xsctp_sm_init_unreachable(struct xsctp_assoc *asoc)
{
	switch (asoc->state) {
	case XSCTP_S_COOKIE_WAIT:
		if (asoc->cfg.init_stagger_ms)
			race_next(asoc);
		break;
	default:
		break;
	}
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_sm_init_unreachable);

/* T1-init or T1-cookie expired: retransmit elsewhere, or give up. */
void xsctp_sm_t1_expired(struct xsctp_assoc *asoc)
{
	struct xsctp_path *p;

	switch (asoc->state) {
	case XSCTP_S_SHUTDOWN_SENT:	/* the same timer is T2 here */
	case XSCTP_S_SHUTDOWN_ACK_SENT:
		xsctp_sm_t2_expired(asoc);
		break;
	case XSCTP_S_COOKIE_WAIT:
	case XSCTP_S_COOKIE_ECHOED:
		if (asoc->init_errors + 1 > asoc->cfg.max_init_attempts) {
			xsctp_sm_fail(asoc, -ETIMEDOUT, NULL, 0);
			break;
		}
		asoc->init_errors++;
		p = choose_init_path(asoc);
		t1_backoff(asoc, p);
		if (asoc->state == XSCTP_S_COOKIE_WAIT)
			asoc->fx->send_init(asoc, p);
		else
			asoc->fx->send_cookie_echo(asoc, p);
		start_t1(asoc);
		break;
	default:
		break;
	}
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_sm_t1_expired);

/*
 * A peer address from its INIT ACK (RFC 9260 5.4, abi.md 4.4): one the
 * user also gave is confirmed; a new one starts unconfirmed.
 */
static void learn_addr(struct xsctp_assoc *asoc, const union xsctp_addr *a,
		       u16 new_state)
{
	struct xsctp_path *p = xsctp_assoc_find_path(asoc, a);

	if (p) {
		if (p->state == XSCTP_PATH_UNKNOWN)
			p->state = XSCTP_PATH_ACTIVE;
		return;
	}
	if (xsctp_cfg_allows(&asoc->cfg, a->sa.sa_family))
		asoc->fx->add_path(asoc, a, new_state);
}

/* Addresses the user gave that the peer did not confirm are dropped. */
static void prune_unknown(struct xsctp_assoc *asoc)
{
	struct xsctp_path *p, *tmp;

	list_for_each_entry_safe(p, tmp, &asoc->paths, node)
		if (p->state == XSCTP_PATH_UNKNOWN)
			asoc->fx->remove_path(asoc, p);
}

static void take_peer_params(struct xsctp_assoc *asoc,
			     const struct xsctp_init *ia)
{
	asoc->peer_tag = ia->init_tag;
	asoc->peer_rwnd = ia->a_rwnd;
	asoc->peer_initial_tsn = ia->initial_tsn;
	asoc->num_out = min(asoc->cfg.num_ostreams, ia->num_inbound);
	asoc->num_in = min(asoc->cfg.max_instreams, ia->num_outbound);
}

static void learn_paths(struct xsctp_assoc *asoc, const struct xsctp_init *ia,
			const union xsctp_addr *src)
{
	union xsctp_addr a;
	unsigned int i;

	learn_addr(asoc, src, XSCTP_PATH_ACTIVE);
	for (i = 0; i < ia->num_addrs; i++)
		if (xsctp_addr_from_param(&a, &ia->addrs[i], htons(asoc->peer_port)))
			learn_addr(asoc, &a, XSCTP_PATH_UNCONFIRMED);
	prune_unknown(asoc);
}

/**
 * xsctp_sm_init_ack() - an INIT ACK arrived (its tag already checked)
 * @asoc: the association
 * @ia: the parsed chunk; its cookie is copied by the send_cookie_echo effect
 * @src: where it came from (address and port)
 *
 * Return: 0, or -ENOMEM when the cookie cannot be kept (the INIT ACK is
 * then ignored and T1-init retries).
 */
int xsctp_sm_init_ack(struct xsctp_assoc *asoc, const struct xsctp_init *ia,
		      const union xsctp_addr *src)
{
	struct xsctp_path *from;

	switch (asoc->state) {
	case XSCTP_S_COOKIE_WAIT:
		if (asoc->fx->keep_cookie(asoc, ia))
			return -ENOMEM;
		asoc->fx->set_t1(asoc, 0);
		take_peer_params(asoc, ia);
		learn_paths(asoc, ia, src);
		from = xsctp_assoc_find_path(asoc, src);
		asoc->state = XSCTP_S_COOKIE_ECHOED;
		reset_init_counters(asoc);
		asoc->init_path = from;
		/*
		 * The address that answered first becomes the primary: with
		 * INITs raced or rotated over the list, the first given may
		 * be dead, and DATA sent there would only wait for T3.
		 * Linux keeps the first address (linux-differences.rst).
		 */
		if (from) {
			asoc->primary = from;
			from->init_sent++;
			asoc->fx->send_cookie_echo(asoc, from);
		}
		start_t1(asoc);
		return 0;
	default:
		return 0;	/* RFC 9260 5.2.3: discard */
	}
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_sm_init_ack);

/**
 * xsctp_sm_bad_init_ack() - an INIT ACK with our tag that cannot be used
 * @asoc: the association
 * @rx: the packet, to answer
 * @peer_tag: its Initiate Tag, 0 if it has none
 * @cause: the ABORT's cause (xsctp_cause_put_init_err())
 * @len: its length
 *
 * RFC 9260 5.1, 3.3.3: an Initiate Tag of 0 MUST destroy the association,
 * and a stream count of 0, a missing State Cookie or a Host Name Address
 * leave nothing to set one up with. Rather than wait for T1-init to try
 * the same peer again, the setup ends, as on Linux: an ABORT with the
 * cause to the tag the INIT ACK gave, or, when it gave 0, with our own
 * tag and the T bit (3.3.3; Linux sends that one to tag 0, T bit clear),
 * and connect() fails with ECONNREFUSED. In any later state the INIT ACK
 * is discarded (5.2.3).
 */
void xsctp_sm_bad_init_ack(struct xsctp_assoc *asoc, struct xsctp_rx *rx,
			   u32 peer_tag, const u8 *cause, u16 len)
{
	switch (asoc->state) {
	case XSCTP_S_COOKIE_WAIT:
		asoc->fx->set_t1(asoc, 0);
		asoc->fx->reply_abort(asoc, rx, peer_tag ?: asoc->local_tag,
				      !peer_tag, cause, len);
		xsctp_sm_fail(asoc, -ECONNREFUSED, NULL, 0);
		break;
	default:
		break;
	}
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_sm_bad_init_ack);

/* COOKIE ACK: the association is up. */
void xsctp_sm_cookie_ack(struct xsctp_assoc *asoc)
{
	switch (asoc->state) {
	case XSCTP_S_COOKIE_ECHOED:
		asoc->fx->set_t1(asoc, 0);
		asoc->state = XSCTP_S_ESTABLISHED;
		asoc->fx->established(asoc);
		break;
	default:
		break;
	}
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_sm_cookie_ack);

/* An ABORT for this association (its tag already checked), with its causes. */
void xsctp_sm_abort(struct xsctp_assoc *asoc, const u8 *causes, u16 len)
{
	switch (asoc->state) {
	case XSCTP_S_CLOSED:
		break;
	case XSCTP_S_COOKIE_WAIT:
	case XSCTP_S_COOKIE_ECHOED:
		asoc->fx->set_t1(asoc, 0);
		xsctp_sm_fail(asoc, -ECONNREFUSED, causes, len);
		break;
	default:
		asoc->fx->set_t1(asoc, 0);
		xsctp_sm_fail(asoc, -ECONNRESET, causes, len);
		break;
	}
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_sm_abort);

/*
 * An ICMP protocol unreachable for a packet of this association (its tag
 * checked, icmp.c): the peer has no SCTP (any more), and RFC 9260 10 rule
 * 7 makes it an ABORT with the T bit. During setup the attempt ends with
 * ENOPROTOOPT, as Linux's; later as on an ABORT, where Linux ignores it.
 */
void xsctp_sm_proto_unreachable(struct xsctp_assoc *asoc)
{
	switch (asoc->state) {
	case XSCTP_S_COOKIE_WAIT:
		asoc->fx->set_t1(asoc, 0);
		xsctp_sm_fail(asoc, -ENOPROTOOPT, NULL, 0);
		break;
	default:
		xsctp_sm_abort(asoc, NULL, 0);
		break;
	}
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_sm_proto_unreachable);

/* The user closed or aborted: tell the peer if it knows us, then go. */
void xsctp_sm_user_abort(struct xsctp_assoc *asoc)
{
	u8 cause[XSCTP_PARAM_HDR_LEN];

	switch (asoc->state) {
	case XSCTP_S_CLOSED:
		break;
	case XSCTP_S_COOKIE_WAIT:
		/* The peer has no state and our tag: nothing to tell it. */
		asoc->fx->set_t1(asoc, 0);
		xsctp_sm_fail(asoc, -ECONNABORTED, NULL, 0);
		break;
	default:
		xsctp_cause_put(cause, sizeof(cause), XSCTP_CAUSE_USER_ABORT,
				NULL, 0);
		asoc->fx->set_t1(asoc, 0);
		asoc->fx->send_abort(asoc, asoc->primary, cause, sizeof(cause));
		xsctp_sm_fail(asoc, -ECONNABORTED, NULL, 0);
		break;
	}
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_sm_user_abort);

/**
 * xsctp_sm_violation() - the peer broke the protocol past repair
 * @asoc: the association
 * @cause: the ABORT's cause, which the user also sees in COMM_LOST
 * @len: its length
 *
 * An ABORT with @cause, and the association fails with ECONNABORTED, as
 * in Linux's sctp_sf_abort_violation(): for a DATA chunk without payload
 * (RFC 9260 6.2: No User Data, xsctp_sm_no_user_data()) and for a SACK or
 * SHUTDOWN that acknowledges a TSN never sent (12.4: MUST abort; Protocol
 * Violation). Before the association is up the peer cannot send either.
 */
void xsctp_sm_violation(struct xsctp_assoc *asoc, const u8 *cause, u16 len)
{
	switch (asoc->state) {
	case XSCTP_S_ESTABLISHED:
	case XSCTP_S_SHUTDOWN_PENDING:
	case XSCTP_S_SHUTDOWN_SENT:
	case XSCTP_S_SHUTDOWN_RECEIVED:
	case XSCTP_S_SHUTDOWN_ACK_SENT:
		asoc->fx->set_t1(asoc, 0);
		asoc->fx->send_abort(asoc, asoc->primary, cause, len);
		xsctp_sm_fail(asoc, -ECONNABORTED, cause, len);
		break;
	default:
		break;
	}
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_sm_violation);

/*
 * RFC 9260 12.4: a SACK (or SHUTDOWN) acknowledging a TSN never sent MUST
 * abort the association, as Linux's sctp_sf_violation_ctsn() does: the
 * peer's view of our TSNs is wrong, or the packet is forged. Gap blocks
 * past what was sent are ignored (outq.c), as on Linux.
 */
void xsctp_sm_acked_unsent(struct xsctp_assoc *asoc)
{
	u8 cause[XSCTP_PARAM_HDR_LEN];

	xsctp_cause_put(cause, sizeof(cause), XSCTP_CAUSE_PROTOCOL_VIOLATION,
			NULL, 0);
	xsctp_sm_violation(asoc, cause, sizeof(cause));
}

/* A DATA chunk without payload: No User Data, naming its TSN. */
void xsctp_sm_no_user_data(struct xsctp_assoc *asoc, u32 tsn)
{
	u8 cause[XSCTP_PARAM_HDR_LEN + 4];

	xsctp_cause_put_u32(cause, sizeof(cause), XSCTP_CAUSE_NO_USER_DATA, tsn);
	xsctp_sm_violation(asoc, cause, sizeof(cause));
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_sm_no_user_data);

/*
 * A COOKIE ECHO for an association that exists with the same tags (RFC
 * 9260 5.2.4 case D): the peer missed our COOKIE ACK. Say it again.
 */
void xsctp_sm_dup_cookie_echo(struct xsctp_assoc *asoc, struct xsctp_path *from)
{
	switch (asoc->state) {
	case XSCTP_S_COOKIE_ECHOED:	/* 5.2.4 D: it is up on both sides */
		asoc->fx->set_t1(asoc, 0);
		asoc->state = XSCTP_S_ESTABLISHED;
		asoc->fx->send_cookie_ack(asoc, from);
		asoc->fx->established(asoc);
		break;
	case XSCTP_S_ESTABLISHED:
		asoc->fx->send_cookie_ack(asoc, from);
		break;
	default:
		break;
	}
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_sm_dup_cookie_echo);

/*
 * The first address of @init (or its source) that is not one of our
 * paths: a peer that restarts with new addresses is refused (RFC 9260
 * 5.2.1, 5.2.2). Addresses of a family we cannot use do not count.
 */
static bool init_new_addr(struct xsctp_assoc *asoc, const struct xsctp_rx *rx,
			  const struct xsctp_init *init, union xsctp_addr *new)
{
	unsigned int i;

	if (!xsctp_assoc_find_path(asoc, &rx->src)) {
		*new = rx->src;
		return true;
	}
	for (i = 0; i < init->num_addrs; i++)
		if (xsctp_addr_from_param(new, &init->addrs[i],
					  htons(asoc->peer_port)) &&
		    xsctp_cfg_allows(&asoc->cfg, new->sa.sa_family) &&
		    !xsctp_assoc_find_path(asoc, new))
			return true;
	return false;
}

/*
 * The association's Tie-Tags (RFC 9260 5.2.1, 5.2.2), for the cookie of an
 * INIT ACK answering an INIT that may be a restart: a random 64-bit nonce
 * drawn once, which ties the cookie to this association without showing
 * its verification tags to whoever sent the INIT (5.1.3: MUST NOT).
 * Linux's sctp.ko seals the tags themselves.
 */
static void tie_tags(struct xsctp_assoc *asoc, struct xsctp_init_ack_tags *t)
{
	if (!asoc->local_tie_tag) {
		asoc->local_tie_tag = xsctp_random_tag();
		asoc->peer_tie_tag = xsctp_random_tag();
	}
	t->local_tie_tag = asoc->local_tie_tag;
	t->peer_tie_tag = asoc->peer_tie_tag;
}

/**
 * xsctp_sm_init() - an INIT for this association (its tag of 0 checked)
 * @asoc: the association
 * @rx: the packet, answered where it came from
 * @init: the parsed chunk
 *
 * No state changes, whatever the state: the answer's cookie carries all
 * that a COOKIE ECHO needs to settle which association wins (5.2.4).
 */
void xsctp_sm_init(struct xsctp_assoc *asoc, struct xsctp_rx *rx,
		   const struct xsctp_init *init)
{
	struct xsctp_init_ack_tags t = {
		.local_tag = asoc->local_tag, .local_tsn = asoc->next_tsn,
		.cfg = &asoc->cfg,
	};
	union xsctp_addr new;

	switch (asoc->state) {
	case XSCTP_S_COOKIE_WAIT:	/* 5.2.1: a collision, no tie tags */
		/* ... answered only to an address the user gave (5.2.1). */
		if (xsctp_assoc_find_path(asoc, &rx->src))
			asoc->fx->reply_init_ack(asoc, rx, init, &t);
		break;
	case XSCTP_S_COOKIE_ECHOED:	/* 5.2.1: our own tag, tied to now */
	case XSCTP_S_ESTABLISHED:	/* 5.2.2: a new tag, tied to now */
	case XSCTP_S_SHUTDOWN_PENDING:
	case XSCTP_S_SHUTDOWN_SENT:
	case XSCTP_S_SHUTDOWN_RECEIVED:
		if (init_new_addr(asoc, rx, init, &new)) {
			asoc->fx->reply_restart_abort(asoc, rx, init->init_tag,
						      &new);
			break;
		}
		if (asoc->state != XSCTP_S_COOKIE_ECHOED) {
			t.local_tag = xsctp_random_tag();
			t.local_tsn = get_random_u32();
		}
		tie_tags(asoc, &t);
		asoc->fx->reply_init_ack(asoc, rx, init, &t);
		break;
	case XSCTP_S_SHUTDOWN_ACK_SENT:
		/* 9.2: the peer never saw our SHUTDOWN ACK: say it again. */
		if (!init_new_addr(asoc, rx, init, &new))
			asoc->fx->send_shutdown_ack(asoc, asoc->primary);
		break;
	default:
		break;
	}
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_sm_init);

/**
 * xsctp_cookie_case() - RFC 9260 5.2.4, table 7: what a valid cookie
 * means for the association that already exists
 * @asoc: the association
 * @ck: the opened cookie
 *
 * The table's rows are tried in order; D (both tags ours) comes first
 * because it is also B's pattern with the peer's tag matching.
 *
 * Return: the table's action, or XSCTP_CK_DISCARD for any other case.
 */
enum xsctp_cookie_case xsctp_cookie_case(const struct xsctp_assoc *asoc,
					 const struct xsctp_cookie *ck)
{
	bool local = ck->local_tag == asoc->local_tag;
	bool peer = ck->peer_tag == asoc->peer_tag;

	if (local && peer)
		return XSCTP_CK_DUPLICATE;
	if (local)
		return XSCTP_CK_COLLISION;
	if (!peer && asoc->peer_tag && asoc->local_tie_tag &&
	    ck->local_tie_tag == asoc->local_tie_tag &&
	    ck->peer_tie_tag == asoc->peer_tie_tag)
		return XSCTP_CK_RESTART;
	if (peer && !ck->local_tie_tag && !ck->peer_tie_tag)
		return XSCTP_CK_LATE;
	return XSCTP_CK_DISCARD;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_cookie_case);

/**
 * xsctp_assoc_take_cookie_peer() - the peer's side of an association
 * @asoc: the association (new from the cookie, or one that exists)
 * @ck: the opened cookie: the peer's tag, initial TSN, window, and the
 *	negotiated stream counts
 */
void xsctp_assoc_take_cookie_peer(struct xsctp_assoc *asoc,
				  const struct xsctp_cookie *ck)
{
	/* New tags: cookies tied to the old ones restart nothing now. */
	asoc->local_tie_tag = 0;
	asoc->peer_tie_tag = 0;
	asoc->peer_tag = ck->peer_tag;
	asoc->peer_initial_tsn = ck->peer_tsn;
	asoc->peer_rwnd = ck->peer_rwnd;
	asoc->num_out = ck->num_out;
	asoc->num_in = ck->num_in;
}

/*
 * Before the peer's INIT ACK, the paths are the user's: confirm those
 * the cookie's INIT came from or listed, as an INIT ACK would have.
 */
static void learn_cookie_paths(struct xsctp_assoc *asoc,
			       const struct xsctp_cookie *ck,
			       struct xsctp_path *from)
{
	unsigned int i;

	from->state = XSCTP_PATH_ACTIVE;
	learn_addr(asoc, &ck->src, XSCTP_PATH_ACTIVE);
	for (i = 0; i < ck->num_addrs; i++)
		learn_addr(asoc, &ck->addrs[i], XSCTP_PATH_UNCONFIRMED);
	prune_unknown(asoc);
}

/**
 * xsctp_sm_collision_cookie() - a valid COOKIE ECHO with our tag and a
 * peer tag we did not know (RFC 9260 5.2.4 case B)
 * @asoc: the association
 * @from: the path it came from
 * @ck: the opened cookie
 *
 * Both sides started at once and the peer answered our INIT before its
 * own was answered: the association it echoes is the one to keep.
 */
void xsctp_sm_collision_cookie(struct xsctp_assoc *asoc,
			       struct xsctp_path *from,
			       const struct xsctp_cookie *ck)
{
	switch (asoc->state) {
	case XSCTP_S_COOKIE_WAIT:
		learn_cookie_paths(asoc, ck, from);
		fallthrough;
	case XSCTP_S_COOKIE_ECHOED:
		asoc->fx->set_t1(asoc, 0);
		xsctp_assoc_take_cookie_peer(asoc, ck);
		asoc->state = XSCTP_S_ESTABLISHED;
		asoc->fx->send_cookie_ack(asoc, from);
		asoc->fx->established(asoc);
		break;
	case XSCTP_S_ESTABLISHED:
		xsctp_assoc_take_cookie_peer(asoc, ck);
		asoc->fx->send_cookie_ack(asoc, from);
		break;
	default:
		break;
	}
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_sm_collision_cookie);

/* The first address of the cookie's INIT that is not one of our paths. */
static const union xsctp_addr *cookie_new_addr(struct xsctp_assoc *asoc,
					       const struct xsctp_cookie *ck)
{
	unsigned int i;

	if (!xsctp_assoc_find_path(asoc, &ck->src))
		return &ck->src;
	for (i = 0; i < ck->num_addrs; i++)
		if (!xsctp_assoc_find_path(asoc, &ck->addrs[i]))
			return &ck->addrs[i];
	return NULL;
}

/*
 * RFC 9260 5.2.4: a peer that restarts while we wait for its SHUTDOWN
 * COMPLETE gets no new association (MUST NOT) but the SHUTDOWN ACK again
 * and an ERROR saying why, as from Linux's sctp_sf_do_dupcook_a().
 */
static void cookie_in_shutdown(struct xsctp_assoc *asoc,
			       struct xsctp_path *from)
{
	u8 cause[XSCTP_PARAM_HDR_LEN];

	xsctp_cause_put(cause, sizeof(cause), XSCTP_CAUSE_COOKIE_IN_SHUTDOWN,
			NULL, 0);
	asoc->fx->send_shutdown_ack(asoc, from);
	asoc->fx->send_error(asoc, from, cause, sizeof(cause));
}

/**
 * xsctp_sm_restart_cookie() - a valid COOKIE ECHO with new tags on both
 * sides, tied to ours (RFC 9260 5.2.4 case A): the peer restarted
 * @asoc: the association
 * @rx: the packet, for an ABORT
 * @from: the path it came from
 * @ck: the opened cookie
 *
 * The association starts again in place, with the cookie's tags and
 * TSNs: same id, same socket, same paths. A peer that comes back with
 * addresses we do not know is refused instead (5.2.2). In SHUTDOWN-ACK-SENT
 * nothing starts again (cookie_in_shutdown()).
 */
void xsctp_sm_restart_cookie(struct xsctp_assoc *asoc, struct xsctp_rx *rx,
			     struct xsctp_path *from,
			     const struct xsctp_cookie *ck)
{
	const union xsctp_addr *new;

	switch (asoc->state) {
	case XSCTP_S_ESTABLISHED:
	case XSCTP_S_SHUTDOWN_ACK_SENT:
		new = cookie_new_addr(asoc, ck);
		if (new) {
			asoc->fx->reply_restart_abort(asoc, rx, ck->peer_tag,
						      new);
			break;
		}
		if (asoc->state == XSCTP_S_SHUTDOWN_ACK_SENT) {
			cookie_in_shutdown(asoc, from);
			break;
		}
		asoc->fx->set_t1(asoc, 0);
		asoc->local_tag = ck->local_tag;
		asoc->next_tsn = ck->local_tsn;
		xsctp_assoc_take_cookie_peer(asoc, ck);
		asoc->fx->send_cookie_ack(asoc, from);
		asoc->fx->restarted(asoc);
		break;
	default:
		break;
	}
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_sm_restart_cookie);

/*
 * RFC 9260 5.2.6 asks for the lifetime extension to use the measured
 * round trip; Linux asks for twice the staleness the peer reported.
 */
static u32 preservative_ms(u32 stale_us)
{
	return max_t(u32, DIV_ROUND_UP(2ULL * stale_us, USEC_PER_MSEC), 1);
}

/**
 * xsctp_sm_stale_cookie() - an ERROR with a Stale Cookie cause
 * @asoc: the association
 * @stale_us: how late our COOKIE ECHO was, as the peer measured it
 *
 * RFC 9260 5.2.6, third choice, as Linux: start again from a new INIT
 * asking for a longer cookie life, counted like a T1 expiry.
 */
void xsctp_sm_stale_cookie(struct xsctp_assoc *asoc, u32 stale_us)
{
	struct xsctp_path *p;

	switch (asoc->state) {
	case XSCTP_S_COOKIE_ECHOED:
		asoc->fx->set_t1(asoc, 0);
		if (asoc->init_errors + 1 > asoc->cfg.max_init_attempts) {
			xsctp_sm_fail(asoc, -ETIMEDOUT, NULL, 0);
			break;
		}
		asoc->init_errors++;
		asoc->state = XSCTP_S_COOKIE_WAIT;
		asoc->peer_tag = 0;
		asoc->cookie_preservative_ms = preservative_ms(stale_us);
		p = asoc->init_path ?: asoc->primary;
		p->init_sent++;
		asoc->fx->send_init(asoc, p);
		start_t1(asoc);
		break;
	default:
		break;	/* 5.2.6: discarded */
	}
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_sm_stale_cookie);
