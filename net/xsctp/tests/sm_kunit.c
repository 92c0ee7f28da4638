// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the association state machine with fake effects, no sockets or
 * packets. The event x state table of Documentation/state-machine.rst is
 * checked row by row (new state and the effects, in order); then the T1
 * schedule across several addresses against Linux's (abi.md 4.3), and
 * INIT ACK processing: which connectx addresses are confirmed, which are
 * learned unconfirmed, which are dropped (abi.md 4.4). Then RFC 9260 5.2:
 * table 7 against a model of the table, and a restart in place.
 */
#include <kunit/test.h>
#include <linux/slab.h>

#include <net/xsctp/input.h>

#include "sm_fake.h"

struct row {
	u8 state;
	enum event ev;
	u8 next;
	const char *effects;
};

/* Documentation/state-machine.rst, in the same order. */
static const struct row table[] = {
	{ XSCTP_S_CLOSED, ASSOCIATE, XSCTP_S_COOKIE_WAIT, "init:1 t1:1000" },
	{ XSCTP_S_CLOSED, T1, XSCTP_S_CLOSED, "" },
	{ XSCTP_S_CLOSED, STAGGER, XSCTP_S_CLOSED, "" },
	{ XSCTP_S_CLOSED, INIT_ACK, XSCTP_S_CLOSED, "" },
	{ XSCTP_S_CLOSED, COOKIE_ACK, XSCTP_S_CLOSED, "" },
	{ XSCTP_S_CLOSED, ABORT, XSCTP_S_CLOSED, "" },
	{ XSCTP_S_CLOSED, USER_ABORT, XSCTP_S_CLOSED, "" },
	{ XSCTP_S_CLOSED, DUP_ECHO, XSCTP_S_CLOSED, "" },
	{ XSCTP_S_CLOSED, PROTO_UNREACH, XSCTP_S_CLOSED, "" },
	{ XSCTP_S_CLOSED, UNREACH, XSCTP_S_CLOSED, "" },
	{ XSCTP_S_CLOSED, BAD_INIT_ACK, XSCTP_S_CLOSED, "" },
	{ XSCTP_S_CLOSED, INIT, XSCTP_S_CLOSED, "" },
	{ XSCTP_S_CLOSED, INIT_NEW_ADDR, XSCTP_S_CLOSED, "" },
	{ XSCTP_S_CLOSED, COLLISION_ECHO, XSCTP_S_CLOSED, "" },
	{ XSCTP_S_CLOSED, RESTART_ECHO, XSCTP_S_CLOSED, "" },
	{ XSCTP_S_CLOSED, STALE, XSCTP_S_CLOSED, "" },
	{ XSCTP_S_COOKIE_WAIT, ASSOCIATE, XSCTP_S_COOKIE_WAIT, "" },
	{ XSCTP_S_COOKIE_WAIT, T1, XSCTP_S_COOKIE_WAIT, "init:1 t1:2000" },
	{ XSCTP_S_COOKIE_WAIT, STAGGER, XSCTP_S_COOKIE_WAIT, "" },
	{ XSCTP_S_COOKIE_WAIT, INIT_ACK, XSCTP_S_COOKIE_ECHOED,
	  "keep:8 t1:0 echo:1 t1:1000" },
	{ XSCTP_S_COOKIE_WAIT, COOKIE_ACK, XSCTP_S_COOKIE_WAIT, "" },
	{ XSCTP_S_COOKIE_WAIT, ABORT, XSCTP_S_CLOSED, "t1:0 failed:111" },
	{ XSCTP_S_COOKIE_WAIT, USER_ABORT, XSCTP_S_CLOSED, "t1:0 failed:103" },
	{ XSCTP_S_COOKIE_WAIT, DUP_ECHO, XSCTP_S_COOKIE_WAIT, "" },
	{ XSCTP_S_COOKIE_WAIT, PROTO_UNREACH, XSCTP_S_CLOSED, "t1:0 failed:92" },
	{ XSCTP_S_COOKIE_WAIT, UNREACH, XSCTP_S_COOKIE_WAIT, "" },
	{ XSCTP_S_COOKIE_WAIT, BAD_INIT_ACK, XSCTP_S_CLOSED,
	  "t1:0 oabort:7 failed:111" },
	{ XSCTP_S_COOKIE_WAIT, INIT, XSCTP_S_COOKIE_WAIT, "iack:0" },
	{ XSCTP_S_COOKIE_WAIT, INIT_NEW_ADDR, XSCTP_S_COOKIE_WAIT, "iack:0" },
	{ XSCTP_S_COOKIE_WAIT, COLLISION_ECHO, XSCTP_S_ESTABLISHED,
	  "t1:0 cack:1 up:0" },
	{ XSCTP_S_COOKIE_WAIT, RESTART_ECHO, XSCTP_S_COOKIE_WAIT, "" },
	{ XSCTP_S_COOKIE_WAIT, STALE, XSCTP_S_COOKIE_WAIT, "" },
	{ XSCTP_S_COOKIE_ECHOED, ASSOCIATE, XSCTP_S_COOKIE_ECHOED, "" },
	{ XSCTP_S_COOKIE_ECHOED, T1, XSCTP_S_COOKIE_ECHOED, "echo:1 t1:2000" },
	{ XSCTP_S_COOKIE_ECHOED, STAGGER, XSCTP_S_COOKIE_ECHOED, "" },
	{ XSCTP_S_COOKIE_ECHOED, INIT_ACK, XSCTP_S_COOKIE_ECHOED, "" },
	{ XSCTP_S_COOKIE_ECHOED, COOKIE_ACK, XSCTP_S_ESTABLISHED, "t1:0 up:0" },
	{ XSCTP_S_COOKIE_ECHOED, ABORT, XSCTP_S_CLOSED, "t1:0 failed:111" },
	{ XSCTP_S_COOKIE_ECHOED, USER_ABORT, XSCTP_S_CLOSED,
	  "t1:0 abort:1 failed:103" },
	{ XSCTP_S_COOKIE_ECHOED, DUP_ECHO, XSCTP_S_ESTABLISHED, "t1:0 cack:1 up:0" },
	{ XSCTP_S_COOKIE_ECHOED, PROTO_UNREACH, XSCTP_S_CLOSED, "t1:0 failed:111" },
	{ XSCTP_S_COOKIE_ECHOED, UNREACH, XSCTP_S_COOKIE_ECHOED, "" },
	{ XSCTP_S_COOKIE_ECHOED, BAD_INIT_ACK, XSCTP_S_COOKIE_ECHOED, "" },
	{ XSCTP_S_COOKIE_ECHOED, INIT, XSCTP_S_COOKIE_ECHOED, "iack:1" },
	{ XSCTP_S_COOKIE_ECHOED, INIT_NEW_ADDR, XSCTP_S_COOKIE_ECHOED,
	  "rabort:9" },
	{ XSCTP_S_COOKIE_ECHOED, COLLISION_ECHO, XSCTP_S_ESTABLISHED,
	  "t1:0 cack:1 up:0" },
	{ XSCTP_S_COOKIE_ECHOED, RESTART_ECHO, XSCTP_S_COOKIE_ECHOED, "" },
	{ XSCTP_S_COOKIE_ECHOED, STALE, XSCTP_S_COOKIE_WAIT,
	  "t1:0 init:1 t1:1000" },
	{ XSCTP_S_ESTABLISHED, ASSOCIATE, XSCTP_S_ESTABLISHED, "" },
	{ XSCTP_S_ESTABLISHED, T1, XSCTP_S_ESTABLISHED, "" },
	{ XSCTP_S_ESTABLISHED, STAGGER, XSCTP_S_ESTABLISHED, "" },
	{ XSCTP_S_ESTABLISHED, INIT_ACK, XSCTP_S_ESTABLISHED, "" },
	{ XSCTP_S_ESTABLISHED, COOKIE_ACK, XSCTP_S_ESTABLISHED, "" },
	{ XSCTP_S_ESTABLISHED, ABORT, XSCTP_S_CLOSED, "t1:0 lost:104" },
	{ XSCTP_S_ESTABLISHED, USER_ABORT, XSCTP_S_CLOSED,
	  "t1:0 abort:1 lost:103" },
	{ XSCTP_S_ESTABLISHED, DUP_ECHO, XSCTP_S_ESTABLISHED, "cack:1" },
	{ XSCTP_S_ESTABLISHED, PROTO_UNREACH, XSCTP_S_CLOSED, "t1:0 lost:104" },
	{ XSCTP_S_ESTABLISHED, UNREACH, XSCTP_S_ESTABLISHED, "" },
	{ XSCTP_S_ESTABLISHED, BAD_INIT_ACK, XSCTP_S_ESTABLISHED, "" },
	{ XSCTP_S_ESTABLISHED, INIT, XSCTP_S_ESTABLISHED, "iack:2" },
	{ XSCTP_S_ESTABLISHED, INIT_NEW_ADDR, XSCTP_S_ESTABLISHED, "rabort:9" },
	{ XSCTP_S_ESTABLISHED, COLLISION_ECHO, XSCTP_S_ESTABLISHED, "cack:1" },
	{ XSCTP_S_ESTABLISHED, RESTART_ECHO, XSCTP_S_ESTABLISHED,
	  "t1:0 cack:1 restarted:0" },
	{ XSCTP_S_ESTABLISHED, STALE, XSCTP_S_ESTABLISHED, "" },
};

static void event_state_table(struct kunit *test)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(table); i++) {
		struct fake *f = smf_new(test, table[i].state, 1);

		smf_fire(f->asoc, table[i].ev);
		KUNIT_EXPECT_EQ_MSG(test, f->asoc->state, table[i].next, "row %d", i);
		KUNIT_EXPECT_STREQ_MSG(test, f->log, table[i].effects, "row %d", i);
	}
}

/* An INIT ACK with an Initiate Tag of 0: our own tag, reflected (3.3.3). */
static void bad_init_ack_tag_zero_reflects(struct kunit *test)
{
	struct fake *f = smf_new(test, XSCTP_S_COOKIE_WAIT, 1);

	f->asoc->local_tag = 5;
	xsctp_sm_bad_init_ack(f->asoc, NULL, 0, NULL, 0);
	KUNIT_EXPECT_EQ(test, f->asoc->state, XSCTP_S_CLOSED);
	KUNIT_EXPECT_STREQ(test, f->log, "t1:0 oabort:-5 failed:111");
}

/*
 * Linux's T1 schedule over two addresses (abi.md 4.3): A, B, then the
 * timer doubles once per pass: A at 0, B at T, A at 2T, B at 4T...
 */
static void t1_rotates_and_doubles_per_pass(struct kunit *test)
{
	static const int path[] = { 1, 2, 1, 2, 1, 2 };
	static const int t1[] = { 1000, 1000, 2000, 2000, 4000, 4000 };
	struct fake *f = smf_new(test, XSCTP_S_CLOSED, 2);
	char want[sizeof(f->log)];
	int i, n = 0;

	smf_fire(f->asoc, ASSOCIATE);
	for (i = 0; i < 5; i++)
		smf_fire(f->asoc, T1);
	for (i = 0; i < ARRAY_SIZE(path); i++)
		n += scnprintf(want + n, sizeof(want) - n, "%sinit:%d t1:%d",
			       i ? " " : "", path[i], t1[i]);
	KUNIT_EXPECT_STREQ(test, f->log, want);
}

/* 1 + Max.Init.Retransmits INITs, then ETIMEDOUT; capped at max_init_timeo. */
static void t1_gives_up_with_etimedout(struct kunit *test)
{
	struct fake *f = smf_new(test, XSCTP_S_CLOSED, 1);
	int i;

	f->asoc->cfg.max_init_attempts = 2;
	f->asoc->cfg.max_init_timeo_ms = 1500;
	smf_fire(f->asoc, ASSOCIATE);
	for (i = 0; i < 3; i++)
		smf_fire(f->asoc, T1);
	KUNIT_EXPECT_STREQ(test, f->log,
			   "init:1 t1:1000 init:1 t1:1500 init:1 t1:1500 failed:110");
	KUNIT_EXPECT_EQ(test, f->asoc->state, XSCTP_S_CLOSED);
}

/*
 * Three addresses raced with a stagger of 250 ms, @ev fired three times
 * in COOKIE-WAIT, then T1, the INIT ACK and @ev once more.
 */
static void race_three(struct kunit *test, enum event ev)
{
	struct fake *f = smf_new(test, XSCTP_S_CLOSED, 3);

	f->asoc->cfg.init_stagger_ms = 250;
	smf_fire(f->asoc, ASSOCIATE);
	smf_fire(f->asoc, ev);
	smf_fire(f->asoc, ev);
	smf_fire(f->asoc, ev);
	smf_fire(f->asoc, T1);
	KUNIT_EXPECT_STREQ(test, f->log,
			   "stag:250 init:1 t1:1000 stag:250 init:2 init:3 init:1 t1:2000");
	smf_fire(f->asoc, INIT_ACK);
	f->log[0] = '\0';
	smf_fire(f->asoc, ev);
	KUNIT_EXPECT_STREQ(test, f->log, "");
	KUNIT_EXPECT_EQ(test, f->asoc->state, XSCTP_S_COOKIE_ECHOED);
}

/*
 * Staggered INITs (net.sctp.init_stagger): the same INIT goes to each
 * address in turn, one stagger apart, while T1 runs untouched; the
 * stagger stops once every address has had it, T1's rotation then goes
 * on from the last one (the staggered INITs were the first pass), and a
 * stagger that expires after the INIT ACK does nothing.
 */
static void stagger_races_the_list(struct kunit *test)
{
	race_three(test, STAGGER);
}

/*
 * An ICMP unreachable for the INIT acts as the stagger's expiry, at once:
 * the INIT goes to the next address not tried yet and the stagger starts
 * again from there; T1 is left alone and still rotates over every
 * address, the refusing one included. Once every address has had the
 * INIT, after the INIT ACK, or with init_stagger 0 (Linux's behaviour),
 * it does nothing.
 */
static void unreachable_skips_the_stagger(struct kunit *test)
{
	struct fake *f;

	race_three(test, UNREACH);
	f = smf_new(test, XSCTP_S_CLOSED, 3);	/* init_stagger 0 */
	smf_fire(f->asoc, ASSOCIATE);
	smf_fire(f->asoc, UNREACH);
	smf_fire(f->asoc, T1);
	KUNIT_EXPECT_STREQ(test, f->log, "init:1 t1:1000 init:2 t1:1000");
}

/* Runs T1 and the stagger on the fake's clock until the setup ends. */
static void run_setup_clock(struct fake *f)
{
	bool stagger;

	smf_fire(f->asoc, ASSOCIATE);
	while (f->asoc->state == XSCTP_S_COOKIE_WAIT && f->t1_due) {
		stagger = f->stagger_due && f->stagger_due <= f->t1_due;
		f->now = stagger ? f->stagger_due : f->t1_due;
		if (stagger)
			f->stagger_due = 0;
		else
			f->t1_due = 0;
		smf_fire(f->asoc, stagger ? STAGGER : T1);
	}
}

/*
 * The INIT schedule for 1 to 8 unreachable addresses, with the defaults
 * (RTO.Initial 1 s, RTO.Max 60 s, Max.Init.Retransmits 8), staggered and
 * not: when connect() gives up, and how many INITs went. The figures are
 * Documentation/state-machine.rst's table, worked out by hand from the
 * rules there. Staggered, every address has its first INIT no later than
 * its place in the list times the stagger.
 */
static void init_schedule_1_to_8(struct kunit *test)
{
	static const u32 fail_s[2][8] = {
		{ 243, 46, 21, 16, 13, 12, 11, 10 },	/* init_stagger 0 */
		{ 243, 61, 35, 25, 23, 18, 16, 16 },	/* 250 ms */
	};
	static const u8 inits[2][8] = {
		{ 9, 9, 9, 9, 9, 9, 9, 9 },
		{ 9, 10, 11, 12, 13, 13, 14, 15 },
	};
	int s, n, i;

	for (s = 0; s < 2; s++) {
		for (n = 1; n <= 8; n++) {
			struct fake *f = smf_new(test, XSCTP_S_CLOSED, n);

			f->asoc->cfg.init_stagger_ms = s * 250;
			run_setup_clock(f);
			KUNIT_EXPECT_EQ_MSG(test, f->now, fail_s[s][n - 1] * 1000ULL,
					    "stagger %d, %d addresses", s * 250, n);
			KUNIT_EXPECT_EQ_MSG(test, f->inits, inits[s][n - 1],
					    "stagger %d, %d addresses", s * 250, n);
			KUNIT_EXPECT_EQ(test, f->asoc->state, XSCTP_S_CLOSED);
			for (i = 1; s && i <= n; i++)
				KUNIT_EXPECT_LE_MSG(test, f->first_init[i],
						    (i - 1) * 250ULL,
						    "%d addresses, address %d", n, i);
		}
	}
}

/*
 * INIT ACK from 192.0.2.1 listing .1 and .3: .1 (given, and the source)
 * is confirmed, .2 (given, not listed) is dropped, .3 is learned
 * unconfirmed; the stream counts are negotiated down.
 */
static void init_ack_confirms_learns_and_drops(struct kunit *test)
{
	struct fake *f = smf_new(test, XSCTP_S_COOKIE_WAIT, 2);
	static const u8 one[4] = { 192, 0, 2, 1 }, three[4] = { 192, 0, 2, 3 };
	static const u8 cookie[4];
	struct xsctp_init ia = {
		.init_tag = 9, .num_outbound = 5, .num_inbound = 20, .num_addrs = 2,
		.addrs = {
			{ .type = XSCTP_PARAM_IPV4, .len = 8, .value = one },
			{ .type = XSCTP_PARAM_IPV4, .len = 8, .value = three },
		},
		.cookie = { .type = XSCTP_PARAM_STATE_COOKIE, .len = 8, .value = cookie },
	};
	struct xsctp_path *p;
	union xsctp_addr src;

	smf_addr4(&src, 1);
	KUNIT_ASSERT_EQ(test, xsctp_sm_init_ack(f->asoc, &ia, &src), 0);
	KUNIT_ASSERT_EQ(test, f->asoc->num_paths, 2U);
	p = list_first_entry(&f->asoc->paths, struct xsctp_path, node);
	KUNIT_EXPECT_EQ(test, ntohl(p->addr.v4.sin_addr.s_addr), 0xc0000201U);
	KUNIT_EXPECT_EQ(test, p->state, XSCTP_PATH_ACTIVE);
	p = list_next_entry(p, node);
	KUNIT_EXPECT_EQ(test, ntohl(p->addr.v4.sin_addr.s_addr), 0xc0000203U);
	KUNIT_EXPECT_EQ(test, p->state, XSCTP_PATH_UNCONFIRMED);
	KUNIT_EXPECT_EQ(test, f->asoc->peer_tag, 9U);
	KUNIT_EXPECT_EQ(test, f->asoc->num_out, 10);	/* min(10, 20) */
	KUNIT_EXPECT_EQ(test, f->asoc->num_in, 5);	/* min(65535, 5) */
	KUNIT_EXPECT_EQ(test, f->asoc->state, XSCTP_S_COOKIE_ECHOED);
}

/* RFC 9260 4: COOKIE ECHO goes 1 + Max.Init.Retransmits times, then fails. */
static void t1_cookie_gives_up(struct kunit *test)
{
	struct fake *f = smf_new(test, XSCTP_S_COOKIE_WAIT, 1);
	int i;

	f->asoc->cfg.max_init_attempts = 2;
	/* One INIT retransmission: the INIT ACK starts the count again. */
	smf_fire(f->asoc, T1);
	smf_fire(f->asoc, INIT_ACK);
	KUNIT_EXPECT_STREQ(test, f->log,
			   "init:1 t1:2000 keep:8 t1:0 echo:1 t1:1000");
	f->log[0] = '\0';
	for (i = 0; i < 3; i++)
		smf_fire(f->asoc, T1);
	KUNIT_EXPECT_STREQ(test, f->log,
			   "echo:1 t1:2000 echo:1 t1:4000 failed:110");
	KUNIT_EXPECT_EQ(test, f->asoc->state, XSCTP_S_CLOSED);
}

/* RFC 9260 5.1: COOKIE ECHO retransmissions rotate over confirmed paths. */
static void t1_cookie_rotates(struct kunit *test)
{
	struct fake *f = smf_new(test, XSCTP_S_COOKIE_ECHOED, 3);
	struct xsctp_path *p;

	/* As after the INIT ACK: .1 and .2 confirmed, .3 only learned. */
	list_for_each_entry(p, &f->asoc->paths, node)
		p->state = XSCTP_PATH_ACTIVE;
	p = list_last_entry(&f->asoc->paths, struct xsctp_path, node);
	p->state = XSCTP_PATH_UNCONFIRMED;
	smf_fire(f->asoc, T1);
	smf_fire(f->asoc, T1);
	KUNIT_EXPECT_STREQ(test, f->log, "echo:2 t1:1000 echo:1 t1:2000");
	KUNIT_EXPECT_EQ(test, f->asoc->state, XSCTP_S_COOKIE_ECHOED);
}

/* RFC 9260 5.1.2: an INIT ACK without addresses: its source is the peer. */
static void init_ack_without_addrs_keeps_source(struct kunit *test)
{
	struct fake *f = smf_new(test, XSCTP_S_COOKIE_WAIT, 2);
	struct xsctp_init *ia = kunit_kzalloc(test, sizeof(*ia), GFP_KERNEL);
	static const u8 cookie[4];
	struct xsctp_path *p;
	union xsctp_addr src;

	KUNIT_ASSERT_NOT_NULL(test, ia);
	ia->init_tag = 9;
	ia->num_outbound = 5;
	ia->num_inbound = 20;
	ia->cookie = (struct xsctp_param) {
		.type = XSCTP_PARAM_STATE_COOKIE, .len = 8, .value = cookie,
	};
	smf_addr4(&src, 1);
	KUNIT_ASSERT_EQ(test, xsctp_sm_init_ack(f->asoc, ia, &src), 0);
	/* .2, given but not the source, is dropped. */
	KUNIT_ASSERT_EQ(test, f->asoc->num_paths, 1U);
	p = list_first_entry(&f->asoc->paths, struct xsctp_path, node);
	KUNIT_EXPECT_EQ(test, ntohl(p->addr.v4.sin_addr.s_addr), 0xc0000201U);
	KUNIT_EXPECT_EQ(test, ntohs(p->addr.v4.sin_port), 5000);
	KUNIT_EXPECT_EQ(test, p->state, XSCTP_PATH_ACTIVE);
	KUNIT_EXPECT_PTR_EQ(test, f->asoc->primary, p);
	KUNIT_EXPECT_STREQ(test, f->log, "keep:4 t1:0 echo:1 t1:1000");
	KUNIT_EXPECT_EQ(test, f->asoc->state, XSCTP_S_COOKIE_ECHOED);
}

/*
 * RFC 9260 5.1.2: an IPv4-only endpoint uses the INIT ACK's IPv4
 * addresses, ignores the IPv6 one, and says nothing about it.
 */
static void init_ack_ignores_other_family(struct kunit *test)
{
	struct fake *f = smf_new(test, XSCTP_S_COOKIE_WAIT, 1);
	struct xsctp_init *ia = kunit_kzalloc(test, sizeof(*ia), GFP_KERNEL);
	static const u8 six[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 3 };
	static const u8 three[4] = { 192, 0, 2, 3 };
	static const u8 cookie[4];
	struct xsctp_path *p;
	union xsctp_addr src;

	KUNIT_ASSERT_NOT_NULL(test, ia);
	f->asoc->cfg.allow_v6 = false;
	ia->init_tag = 9;
	ia->num_outbound = 5;
	ia->num_inbound = 20;
	ia->num_addrs = 2;
	/* 2001:db8::3 first: it does not stop the IPv4 one after it. */
	ia->addrs[0] = (struct xsctp_param) {
		.type = XSCTP_PARAM_IPV6, .len = 20, .value = six,
	};
	ia->addrs[1] = (struct xsctp_param) {
		.type = XSCTP_PARAM_IPV4, .len = 8, .value = three,
	};
	ia->cookie = (struct xsctp_param) {
		.type = XSCTP_PARAM_STATE_COOKIE, .len = 8, .value = cookie,
	};
	smf_addr4(&src, 1);
	KUNIT_ASSERT_EQ(test, xsctp_sm_init_ack(f->asoc, ia, &src), 0);
	KUNIT_ASSERT_EQ(test, f->asoc->num_paths, 2U);
	p = list_first_entry(&f->asoc->paths, struct xsctp_path, node);
	KUNIT_EXPECT_EQ(test, ntohl(p->addr.v4.sin_addr.s_addr), 0xc0000201U);
	KUNIT_EXPECT_EQ(test, p->state, XSCTP_PATH_ACTIVE);
	p = list_next_entry(p, node);
	KUNIT_EXPECT_EQ(test, p->addr.sa.sa_family, AF_INET);
	KUNIT_EXPECT_EQ(test, ntohl(p->addr.v4.sin_addr.s_addr), 0xc0000203U);
	KUNIT_EXPECT_EQ(test, p->state, XSCTP_PATH_UNCONFIRMED);
	/* No ABORT or ERROR: the setup goes on. */
	KUNIT_EXPECT_STREQ(test, f->log, "keep:4 t1:0 echo:1 t1:1000");
	KUNIT_EXPECT_EQ(test, f->asoc->state, XSCTP_S_COOKIE_ECHOED);
}

/* RFC 9260 5.2.1: in COOKIE-WAIT, no INIT ACK to an address not given. */
static void collision_init_from_elsewhere(struct kunit *test)
{
	struct fake *f = smf_new(test, XSCTP_S_COOKIE_WAIT, 1);
	struct xsctp_init *init = kunit_kzalloc(test, sizeof(*init), GFP_KERNEL);
	struct xsctp_rx rx = {};

	KUNIT_ASSERT_NOT_NULL(test, init);
	init->init_tag = 77;
	init->num_outbound = 5;
	init->num_inbound = 20;
	smf_addr4(&rx.src, 5);
	xsctp_sm_init(f->asoc, &rx, init);
	KUNIT_EXPECT_STREQ(test, f->log, "");
	KUNIT_EXPECT_EQ(test, f->asoc->state, XSCTP_S_COOKIE_WAIT);
	/* From the address the user gave, it is answered. */
	smf_addr4(&rx.src, 1);
	xsctp_sm_init(f->asoc, &rx, init);
	KUNIT_EXPECT_STREQ(test, f->log, "iack:0");
	KUNIT_EXPECT_EQ(test, f->asoc->state, XSCTP_S_COOKIE_WAIT);
}

/*
 * RFC 9260 5.2.4 case B: @state, our tag and a new peer tag: take the
 * peer's tag, stop T1, COOKIE ACK, and ESTABLISHED.
 */
static void collision_cookie_in(struct kunit *test, u8 state)
{
	struct fake *f = smf_new(test, state, 1);
	struct xsctp_cookie *ck = kunit_kzalloc(test, sizeof(*ck), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, ck);
	smf_new_cookie(f->asoc, ck);
	ck->local_tag = f->asoc->local_tag;
	ck->peer_tag = 99;
	if (state == XSCTP_S_COOKIE_WAIT) {
		/* The peer's tag is not known yet; 5.2.1: no tie tags. */
		KUNIT_EXPECT_EQ(test, f->asoc->peer_tag, 0U);
		ck->local_tie_tag = 0;
		ck->peer_tie_tag = 0;
	}
	KUNIT_ASSERT_EQ(test, xsctp_cookie_case(f->asoc, ck),
			XSCTP_CK_COLLISION);
	xsctp_sm_collision_cookie(f->asoc, f->asoc->primary, ck);
	KUNIT_EXPECT_EQ_MSG(test, f->asoc->peer_tag, 99U, "state %u", state);
	KUNIT_EXPECT_EQ_MSG(test, f->asoc->local_tag, 10U, "state %u", state);
	KUNIT_EXPECT_EQ_MSG(test, f->asoc->state, XSCTP_S_ESTABLISHED,
			    "state %u", state);
	KUNIT_EXPECT_STREQ_MSG(test, f->log, "t1:0 cack:1 up:0", "state %u",
			       state);
}

/* RFC 9260 5.2.4: case B takes the cookie's peer tag, in both states. */
static void collision_cookie_takes_peer_tag(struct kunit *test)
{
	collision_cookie_in(test, XSCTP_S_COOKIE_WAIT);
	collision_cookie_in(test, XSCTP_S_COOKIE_ECHOED);
}

/*
 * RFC 9260 table 7 as written: rows in order, 'M' matches the
 * association, 'X' does not, '0' is zero (or unknown), 'A' is anything.
 */
static const struct { char tag[4]; enum xsctp_cookie_case action; } table7[] = {
	{ "XXMM", XSCTP_CK_RESTART },
	{ "MXAA", XSCTP_CK_COLLISION },
	{ "M0AA", XSCTP_CK_COLLISION },
	{ "XM00", XSCTP_CK_LATE },
	{ "MMAA", XSCTP_CK_DUPLICATE },
};

static enum xsctp_cookie_case table7_model(const char *kind)
{
	int i, j;

	for (i = 0; i < ARRAY_SIZE(table7); i++) {
		for (j = 0; j < 4; j++)
			if (table7[i].tag[j] != 'A' && table7[i].tag[j] != kind[j])
				break;
		if (j == 4)
			return table7[i].action;
	}
	return XSCTP_CK_DISCARD;
}

/* A tag of @kind against the association's @ours (0 when unknown). */
static u32 tag_of(char kind, u32 ours)
{
	return kind == 'M' ? ours : kind == 'X' ? ours + 0x1000 : 0;
}

/* Every combination of M, X and 0 in the four columns. */
static void cookie_case_is_table7(struct kunit *test)
{
	static const char kinds[] = "MX0";
	struct xsctp_assoc *asoc = kunit_kzalloc(test, sizeof(*asoc), GFP_KERNEL);
	struct xsctp_cookie ck = {};
	char k[5] = {};
	int i;

	KUNIT_ASSERT_NOT_NULL(test, asoc);
	asoc->local_tag = 100;
	asoc->local_tie_tag = 500;	/* drawn by an earlier INIT ACK */
	asoc->peer_tie_tag = 600;
	for (i = 0; i < 81; i++) {
		k[0] = kinds[i % 3];
		k[1] = kinds[i / 3 % 3];
		k[2] = kinds[i / 9 % 3];
		k[3] = kinds[i / 27];
		if (k[0] == '0')
			continue;	/* our own tag is never unknown */
		/* A peer tag we do not know yet: any tag in the cookie is new. */
		asoc->peer_tag = k[1] == '0' ? 0 : 200;
		ck.local_tag = tag_of(k[0], asoc->local_tag);
		ck.peer_tag = k[1] == '0' ? 300 : tag_of(k[1], asoc->peer_tag);
		ck.local_tie_tag = tag_of(k[2], asoc->local_tie_tag);
		ck.peer_tie_tag = tag_of(k[3], asoc->peer_tie_tag);
		KUNIT_EXPECT_EQ_MSG(test, xsctp_cookie_case(asoc, &ck),
				    table7_model(k), "tags %s", k);
	}
}

/* Case A: the same association (id, paths) with the cookie's values. */
static void restart_keeps_id_resets_tags(struct kunit *test)
{
	struct fake *f = smf_new(test, XSCTP_S_ESTABLISHED, 1);
	struct xsctp_assoc *a = f->asoc;
	struct xsctp_cookie ck;
	struct xsctp_rx rx = {};

	a->id = 42;
	smf_new_cookie(a, &ck);
	KUNIT_ASSERT_EQ(test, xsctp_cookie_case(a, &ck), XSCTP_CK_RESTART);
	smf_addr4(&rx.src, 1);
	xsctp_sm_restart_cookie(a, &rx, a->primary, &ck);
	KUNIT_EXPECT_STREQ(test, f->log, "t1:0 cack:1 restarted:0");
	KUNIT_EXPECT_EQ(test, a->id, 42);
	KUNIT_EXPECT_EQ(test, a->state, XSCTP_S_ESTABLISHED);
	KUNIT_EXPECT_EQ(test, a->local_tag, 11U);
	KUNIT_EXPECT_EQ(test, a->peer_tag, 21U);
	KUNIT_EXPECT_EQ(test, a->next_tsn, 1000U);
	KUNIT_EXPECT_EQ(test, a->peer_initial_tsn, 2000U);
	KUNIT_EXPECT_EQ(test, a->peer_rwnd, 3000U);
	KUNIT_EXPECT_EQ(test, a->num_out, 4);
	KUNIT_EXPECT_EQ(test, a->num_in, 5);
	KUNIT_EXPECT_EQ(test, a->num_paths, 1U);
	KUNIT_EXPECT_EQ(test, a->local_tie_tag, 0U);	/* the cookie is spent */
	KUNIT_EXPECT_EQ(test, xsctp_cookie_case(a, &ck), XSCTP_CK_DUPLICATE);
}

/* A restart that brings a new address is refused; nothing changes. */
static void restart_with_new_address_aborts(struct kunit *test)
{
	struct fake *f = smf_new(test, XSCTP_S_ESTABLISHED, 1);
	struct xsctp_cookie ck;
	struct xsctp_rx rx = {};

	smf_new_cookie(f->asoc, &ck);
	smf_addr4(&ck.addrs[0], 7);
	ck.num_addrs = 1;
	smf_addr4(&rx.src, 1);
	xsctp_sm_restart_cookie(f->asoc, &rx, f->asoc->primary, &ck);
	KUNIT_EXPECT_STREQ(test, f->log, "rabort:7");
	KUNIT_EXPECT_EQ(test, f->asoc->local_tag, 10U);
	KUNIT_EXPECT_EQ(test, f->asoc->peer_tag, 20U);
}

/*
 * Stale Cookie errors count like T1 expiries: with 2 attempts, the third
 * fails with ETIMEDOUT; each new INIT asks for twice the staleness.
 */
static void stale_cookie_gives_up_with_etimedout(struct kunit *test)
{
	struct fake *f = smf_new(test, XSCTP_S_COOKIE_ECHOED, 1);
	int i;

	f->asoc->cfg.max_init_attempts = 2;
	for (i = 0; i < 3; i++) {
		f->asoc->state = XSCTP_S_COOKIE_ECHOED;
		xsctp_sm_stale_cookie(f->asoc, 2000);
		if (i < 2)
			KUNIT_EXPECT_EQ(test, f->asoc->cookie_preservative_ms, 4U);
	}
	KUNIT_EXPECT_STREQ(test, f->log,
			   "t1:0 init:1 t1:1000 t1:0 init:1 t1:1000 t1:0 failed:110");
	KUNIT_EXPECT_EQ(test, f->asoc->state, XSCTP_S_CLOSED);
}

static struct kunit_case xsctp_sm_cases[] = {
	KUNIT_CASE(event_state_table),
	KUNIT_CASE(bad_init_ack_tag_zero_reflects),
	KUNIT_CASE(t1_rotates_and_doubles_per_pass),
	KUNIT_CASE(t1_gives_up_with_etimedout),
	KUNIT_CASE(stagger_races_the_list),
	KUNIT_CASE(unreachable_skips_the_stagger),
	KUNIT_CASE(init_schedule_1_to_8),
	KUNIT_CASE(init_ack_confirms_learns_and_drops),
	KUNIT_CASE(init_ack_without_addrs_keeps_source),
	KUNIT_CASE(init_ack_ignores_other_family),
	KUNIT_CASE(t1_cookie_gives_up),
	KUNIT_CASE(t1_cookie_rotates),
	KUNIT_CASE(collision_init_from_elsewhere),
	KUNIT_CASE(collision_cookie_takes_peer_tag),
	KUNIT_CASE(cookie_case_is_table7),
	KUNIT_CASE(restart_keeps_id_resets_tags),
	KUNIT_CASE(restart_with_new_address_aborts),
	KUNIT_CASE(stale_cookie_gives_up_with_etimedout),
	{}
};

static struct kunit_suite xsctp_sm_suite = {
	.name = "xsctp_sm",
	.test_cases = xsctp_sm_cases,
};

kunit_test_suite(xsctp_sm_suite);
