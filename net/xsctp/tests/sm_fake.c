// SPDX-License-Identifier: GPL-2.0
/* The state machine's fake effects and events for KUnit (sm_fake.h). */
#include <kunit/test-bug.h>
#include <linux/slab.h>
#include <linux/unaligned.h>
#include <net/sock.h>

#include <net/xsctp/input.h>

#include "sm_fake.h"

/* The fake of the association under test: the running test's priv. */
static struct fake *fake_of(struct xsctp_assoc *asoc)
{
	struct fake *f = kunit_get_current_test()->priv;

	WARN_ON(f->asoc != asoc);
	return f;
}

static int path_no(struct xsctp_assoc *asoc, struct xsctp_path *path)
{
	struct xsctp_path *p;
	int n = 1;

	list_for_each_entry(p, &asoc->paths, node) {
		if (p == path)
			return n;
		n++;
	}
	return 0;
}

static void log_effect(struct xsctp_assoc *asoc, const char *what, int arg)
{
	struct fake *f = fake_of(asoc);
	size_t len = strlen(f->log);

	snprintf(f->log + len, sizeof(f->log) - len, "%s%s:%d", len ? " " : "",
		 what, arg);
}

static void f_send_init(struct xsctp_assoc *a, struct xsctp_path *p)
{
	struct fake *f = fake_of(a);
	int n = path_no(a, p);

	log_effect(a, "init", n);
	f->inits++;
	if (f->first_init[n] == U64_MAX)
		f->first_init[n] = f->now;
}

static void f_send_cookie_echo(struct xsctp_assoc *a, struct xsctp_path *p)
{
	log_effect(a, "echo", path_no(a, p));
}

static void f_send_cookie_ack(struct xsctp_assoc *a, struct xsctp_path *p)
{
	log_effect(a, "cack", path_no(a, p));
}

static void f_send_abort(struct xsctp_assoc *a, struct xsctp_path *p,
			 const u8 *causes, u16 len)
{
	log_effect(a, "abort", path_no(a, p));
}

/* An ERROR, by its first cause's code. */
static void f_send_error(struct xsctp_assoc *a, struct xsctp_path *p,
			 const u8 *causes, u16 len)
{
	log_effect(a, "error", len >= 2 ? get_unaligned_be16(causes) : -1);
}

/* 0: our own tag, no tie tags; 1: own tag, tied; 2: a new tag, tied. */
static void f_reply_init_ack(struct xsctp_assoc *a, struct xsctp_rx *rx,
			     const struct xsctp_init *init,
			     const struct xsctp_init_ack_tags *t)
{
	bool tied = t->local_tie_tag && t->local_tie_tag == a->local_tie_tag &&
		    t->peer_tie_tag == a->peer_tie_tag;
	int kind = t->local_tag != a->local_tag ? 2 : tied;

	if (t->local_tie_tag && !tied)
		kind = -1;
	log_effect(a, "iack", kind);
}

/* Logs the last byte of the new IPv4 address. */
static void f_reply_restart_abort(struct xsctp_assoc *a, struct xsctp_rx *rx,
				  u32 vtag, const union xsctp_addr *new_addr)
{
	log_effect(a, "rabort", ntohl(new_addr->v4.sin_addr.s_addr) & 0xff);
}

/* Logs the ABORT's verification tag, negated if reflected (T bit). */
static void f_reply_abort(struct xsctp_assoc *a, struct xsctp_rx *rx,
			  u32 vtag, bool t_bit, const u8 *causes, u16 len)
{
	log_effect(a, "oabort", t_bit ? -(int)vtag : (int)vtag);
}

static int f_keep_cookie(struct xsctp_assoc *a, const struct xsctp_init *ia)
{
	log_effect(a, "keep", ia->cookie.len - XSCTP_PARAM_HDR_LEN);
	return 0;
}

static void f_add_path(struct xsctp_assoc *a, const union xsctp_addr *addr,
		       u16 state)
{
	xsctp_assoc_add_path(a, addr, state, GFP_KERNEL);
}

/* When a timer armed for @ms is due on the fake's clock; 0: stopped. */
static u64 due(struct fake *f, u32 ms)
{
	return ms ? f->now + ms : 0;
}

static void f_set_t1(struct xsctp_assoc *a, u32 ms)
{
	log_effect(a, "t1", ms);
	fake_of(a)->t1_due = due(fake_of(a), ms);
}

static void f_set_stagger(struct xsctp_assoc *a, u32 ms)
{
	log_effect(a, "stag", ms);
	fake_of(a)->stagger_due = due(fake_of(a), ms);
}

static void f_set_t5(struct xsctp_assoc *a, u32 ms)
{
	log_effect(a, "t5", ms);
}

static void f_set_autoclose(struct xsctp_assoc *a, u32 s)
{
	log_effect(a, "ac", s);
}

static void f_established(struct xsctp_assoc *a)
{
	log_effect(a, "up", 0);
}

static void f_restarted(struct xsctp_assoc *a)
{
	log_effect(a, "restarted", 0);
}

/* As the real effect tells CANT_STR_ASSOC from COMM_LOST (sm_fake.h). */
static void f_failed(struct xsctp_assoc *a, int err, bool was_up,
		     const u8 *causes, u16 causes_len)
{
	log_effect(a, was_up ? "lost" : "failed", -err);
}

static void f_send_shutdown(struct xsctp_assoc *a, struct xsctp_path *p)
{
	log_effect(a, "shut", path_no(a, p));
}

static void f_send_shutdown_ack(struct xsctp_assoc *a, struct xsctp_path *p)
{
	log_effect(a, "shutack", path_no(a, p));
}

static void f_send_shutdown_complete(struct xsctp_assoc *a,
				     struct xsctp_path *p)
{
	log_effect(a, "shutcomp", path_no(a, p));
}

static void f_peer_shutdown(struct xsctp_assoc *a)
{
	log_effect(a, "peershut", 0);
}

static void f_sender_dry(struct xsctp_assoc *a)
{
	log_effect(a, "dry", 0);
}

static void f_closed(struct xsctp_assoc *a)
{
	log_effect(a, "closed", 0);
}

static void f_dropped(struct xsctp_assoc *a)
{
	log_effect(a, "dropped", 0);
}

static const struct xsctp_effects fake_effects = {
	.send_init = f_send_init,
	.send_cookie_echo = f_send_cookie_echo,
	.send_cookie_ack = f_send_cookie_ack,
	.send_abort = f_send_abort,
	.send_error = f_send_error,
	.reply_init_ack = f_reply_init_ack,
	.reply_restart_abort = f_reply_restart_abort,
	.reply_abort = f_reply_abort,
	.keep_cookie = f_keep_cookie,
	.add_path = f_add_path,
	.remove_path = xsctp_assoc_remove_path,
	.set_t1 = f_set_t1,
	.set_t5 = f_set_t5,
	.set_stagger = f_set_stagger,
	.set_autoclose = f_set_autoclose,
	.established = f_established,
	.restarted = f_restarted,
	.failed = f_failed,
	.send_shutdown = f_send_shutdown,
	.send_shutdown_ack = f_send_shutdown_ack,
	.send_shutdown_complete = f_send_shutdown_complete,
	.peer_shutdown = f_peer_shutdown,
	.sender_dry = f_sender_dry,
	.closed = f_closed,
	.dropped = f_dropped,
};

void smf_addr4(union xsctp_addr *a, u8 last)
{
	memset(a, 0, sizeof(*a));
	a->v4.sin_family = AF_INET;
	a->v4.sin_port = htons(5000);
	a->v4.sin_addr.s_addr = htonl(0xc0000200 | last);	/* 192.0.2.x */
}

static void release(void *data)
{
	xsctp_assoc_put(data);
}

/* An association of the given state, with @n user-given paths. */
struct fake *smf_new(struct kunit *test, u8 state, int n)
{
	static const struct xsctp_assoc_cfg cfg = {
		.rto = { .initial_us = 1000000, .min_us = 1000000,
			 .max_us = 60000000 },
		.max_init_timeo_ms = 60000, .max_init_attempts = 8,
		.assoc_max_retrans = 10,
		.num_ostreams = 10, .max_instreams = 65535, .allow_v4 = true,
	};
	struct fake *f = kunit_kzalloc(test, sizeof(*f), GFP_KERNEL);
	struct sock *sk = kunit_kzalloc(test, sizeof(*sk), GFP_KERNEL);
	union xsctp_addr a;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, f);
	KUNIT_ASSERT_NOT_NULL(test, sk);
	memset(f->first_init, 0xff, sizeof(f->first_init));	/* none yet */
	refcount_set(&sk->sk_refcnt, 1000);	/* never freed by the test */
	f->asoc = xsctp_assoc_alloc(sk, &cfg, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, f->asoc);
	f->asoc->fx = &fake_effects;
	f->asoc->peer_port = 5000;
	test->priv = f;
	for (i = 1; i <= n; i++) {
		smf_addr4(&a, i);
		xsctp_assoc_add_path(f->asoc, &a, XSCTP_PATH_UNKNOWN, GFP_KERNEL);
	}
	f->asoc->state = state;
	f->asoc->t1_ms = 1000;
	f->asoc->local_tag = 10;
	if (state != XSCTP_S_CLOSED && state != XSCTP_S_COOKIE_WAIT)
		f->asoc->peer_tag = 20;
	/* In the handshake states, one INIT or COOKIE ECHO went to path 1. */
	if (state == XSCTP_S_COOKIE_WAIT || state == XSCTP_S_COOKIE_ECHOED) {
		f->asoc->init_path = f->asoc->primary;
		f->asoc->primary->init_sent = 1;
	}
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, release, f->asoc), 0);
	return f;
}

/*
 * A cookie from the peer's new INIT: new tags, tied to the association by
 * its Tie-Tags, drawn now if the INIT ACK that sealed it was the first.
 */
void smf_new_cookie(struct xsctp_assoc *asoc, struct xsctp_cookie *ck)
{
	memset(ck, 0, sizeof(*ck));
	if (!asoc->local_tie_tag) {
		asoc->local_tie_tag = 30;
		asoc->peer_tie_tag = 40;
	}
	ck->local_tag = asoc->local_tag + 1;
	ck->peer_tag = asoc->peer_tag + 1;
	ck->local_tie_tag = asoc->local_tie_tag;
	ck->peer_tie_tag = asoc->peer_tie_tag;
	ck->local_tsn = 1000;
	ck->peer_tsn = 2000;
	ck->peer_rwnd = 3000;
	ck->num_out = 4;
	ck->num_in = 5;
	smf_addr4(&ck->src, 1);
}

/* The events of RFC 9260 5.2: an INIT, a cookie of case A or B, an ERROR. */
static void fire_collision(struct xsctp_assoc *asoc, enum event ev)
{
	static const u8 nine[4] = { 192, 0, 2, 9 };
	/* Off the stack: with the cookie and the packet, too big for it. */
	struct xsctp_init *init = kzalloc(sizeof(*init), GFP_KERNEL);
	struct xsctp_cookie ck;
	struct xsctp_rx rx = {};

	if (!init)
		return;
	init->init_tag = 77;
	init->num_outbound = 5;
	init->num_inbound = 20;
	init->addrs[0] = (struct xsctp_param) {
		.type = XSCTP_PARAM_IPV4, .len = 8, .value = nine,
	};
	init->num_addrs = ev == INIT_NEW_ADDR;
	smf_addr4(&rx.src, 1);
	smf_new_cookie(asoc, &ck);
	switch (ev) {
	case INIT:
	case INIT_NEW_ADDR:
		xsctp_sm_init(asoc, &rx, init);
		break;
	case COLLISION_ECHO:
		xsctp_sm_collision_cookie(asoc, asoc->primary, &ck);
		break;
	case RESTART_ECHO:
		xsctp_sm_restart_cookie(asoc, &rx, asoc->primary, &ck);
		break;
	default:
		xsctp_sm_stale_cookie(asoc, 1500);
		break;
	}
	kfree(init);
}

/*
 * The events of graceful shutdown (RFC 9260 9.2) and those the data path
 * reports. A "BUSY" event finds a chunk queued, which stays only while
 * the event is handled.
 */
static void fire_shutdown(struct xsctp_assoc *asoc, enum event ev)
{
	struct list_head queued;

	if (ev == SHUTDOWN_BUSY || ev == SHUTDOWN_RCV_BUSY ||
	    ev == AUTOCLOSE_BUSY)
		list_add(&queued, &asoc->out.unsent);
	switch (ev) {
	case SHUTDOWN:
	case SHUTDOWN_BUSY:
		xsctp_sm_shutdown(asoc);
		break;
	case SHUTDOWN_RCV:
	case SHUTDOWN_RCV_BUSY:
		xsctp_sm_shutdown_rcv(asoc);
		break;
	case SHUTDOWN_ACK:
		xsctp_sm_shutdown_ack_rcv(asoc);
		break;
	case SHUTDOWN_COMPLETE:
		xsctp_sm_shutdown_complete_rcv(asoc);
		break;
	case ACKED:
		xsctp_sm_acked(asoc);
		break;
	case DATA_RCV:
		xsctp_sm_data_rcv(asoc);
		break;
	case DATA_SENT:
		xsctp_sm_data_sent(asoc);
		break;
	case AUTOCLOSE:
	case AUTOCLOSE_BUSY:
		xsctp_sm_autoclose_expired(asoc);
		break;
	case T5:
		xsctp_sm_t5_expired(asoc);
		break;
	case RETRANS_EXCEEDED:
		xsctp_sm_retrans_exceeded(asoc);
		break;
	default:
		xsctp_sm_no_user_data(asoc, 1);
		break;
	}
	if (ev == SHUTDOWN_BUSY || ev == SHUTDOWN_RCV_BUSY ||
	    ev == AUTOCLOSE_BUSY)
		list_del(&queued);
}

void smf_fire(struct xsctp_assoc *asoc, enum event ev)
{
	static const u8 cookie[8];
	struct xsctp_init ia = {
		.init_tag = 7, .num_outbound = 5, .num_inbound = 20,
		.cookie = { .type = XSCTP_PARAM_STATE_COOKIE, .len = 12,
			    .value = cookie },
	};
	union xsctp_addr src;

	smf_addr4(&src, 1);
	if (ev >= SHUTDOWN) {
		fire_shutdown(asoc, ev);
		return;
	}
	if (ev >= INIT) {
		fire_collision(asoc, ev);
		return;
	}
	switch (ev) {
	case ASSOCIATE:
		xsctp_sm_associate(asoc);
		break;
	case T1:
		xsctp_sm_t1_expired(asoc);
		break;
	case STAGGER:
		xsctp_sm_stagger_expired(asoc);
		break;
	case INIT_ACK:
		xsctp_sm_init_ack(asoc, &ia, &src);
		break;
	case COOKIE_ACK:
		xsctp_sm_cookie_ack(asoc);
		break;
	case ABORT:
		xsctp_sm_abort(asoc, NULL, 0);
		break;
	case USER_ABORT:
		xsctp_sm_user_abort(asoc);
		break;
	case DUP_ECHO:
		xsctp_sm_dup_cookie_echo(asoc, asoc->primary);
		break;
	case PROTO_UNREACH:
		xsctp_sm_proto_unreachable(asoc);
		break;
	case UNREACH:
		xsctp_sm_init_unreachable(asoc);
		break;
	case BAD_INIT_ACK:
		xsctp_sm_bad_init_ack(asoc, NULL, 7, cookie, 4);
		break;
	default:
		break;
	}
}
