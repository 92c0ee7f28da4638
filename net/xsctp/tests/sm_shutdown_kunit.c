// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: graceful shutdown in the state machine (RFC 9260 9.2), and the
 * events the data path reports to it, with the fake effects of sm_fake.c.
 * Every event in every state that shutdown added (new events in all
 * states, all events in the new states) is checked: the rows below have
 * an effect, and every other pair must change nothing and do nothing.
 * Documentation/state-machine.rst lists the same rows.
 */
#include <kunit/test.h>

#include "sm_fake.h"

struct row {
	u8 state;
	enum event ev;
	u8 next;
	const char *effects;
};

#define ESTAB	XSCTP_S_ESTABLISHED
#define PENDING	XSCTP_S_SHUTDOWN_PENDING
#define SENT	XSCTP_S_SHUTDOWN_SENT
#define RCVD	XSCTP_S_SHUTDOWN_RECEIVED
#define ACKSENT	XSCTP_S_SHUTDOWN_ACK_SENT
#define CLOSED	XSCTP_S_CLOSED

/*
 * T2 runs for the primary path's RTO: 1000 ms, doubled at each expiry;
 * T5 for 5 x RTO.Max (60 s). No SCTP_AUTOCLOSE here (autoclose_table).
 */
static const struct row table[] = {
	{ XSCTP_S_COOKIE_WAIT, SHUTDOWN, CLOSED, "t1:0 dropped:0" },
	{ XSCTP_S_COOKIE_WAIT, SHUTDOWN_BUSY, CLOSED, "t1:0 dropped:0" },
	{ XSCTP_S_COOKIE_ECHOED, SHUTDOWN, CLOSED, "t1:0 dropped:0" },
	{ XSCTP_S_COOKIE_ECHOED, SHUTDOWN_BUSY, CLOSED, "t1:0 dropped:0" },
	{ ESTAB, SHUTDOWN, SENT, "shut:1 t1:1000 t5:300000" },
	{ ESTAB, SHUTDOWN_BUSY, PENDING, "" },
	{ ESTAB, SHUTDOWN_RCV, ACKSENT, "peershut:0 shutack:1 t1:1000" },
	{ ESTAB, SHUTDOWN_RCV_BUSY, RCVD, "peershut:0" },
	{ ESTAB, ACKED, ESTAB, "dry:0" },
	{ ESTAB, RETRANS_EXCEEDED, CLOSED, "t1:0 abort:1 lost:110" },
	{ ESTAB, NO_USER_DATA, CLOSED, "t1:0 abort:1 lost:103" },
	{ ESTAB, AUTOCLOSE, SENT, "shut:1 t1:1000 t5:300000" },
	{ ESTAB, AUTOCLOSE_BUSY, PENDING, "" },
	{ PENDING, NO_USER_DATA, CLOSED, "t1:0 abort:1 lost:103" },
	{ SENT, NO_USER_DATA, CLOSED, "t1:0 abort:1 lost:103" },
	{ PENDING, ABORT, CLOSED, "t1:0 lost:104" },
	{ PENDING, PROTO_UNREACH, CLOSED, "t1:0 lost:104" },
	{ PENDING, USER_ABORT, CLOSED, "t1:0 abort:1 lost:103" },
	{ PENDING, INIT, PENDING, "iack:2" },
	{ PENDING, INIT_NEW_ADDR, PENDING, "rabort:9" },
	{ PENDING, SHUTDOWN_RCV, ACKSENT, "peershut:0 shutack:1 t1:1000" },
	{ PENDING, SHUTDOWN_RCV_BUSY, RCVD, "peershut:0" },
	{ PENDING, ACKED, SENT, "shut:1 t1:1000 t5:300000" },
	{ PENDING, RETRANS_EXCEEDED, CLOSED, "t1:0 abort:1 lost:110" },
	{ PENDING, T5, CLOSED, "t1:0 abort:1 lost:110" },
	{ SENT, T1, SENT, "shut:1 t1:2000" },
	{ SENT, ABORT, CLOSED, "t1:0 lost:104" },
	{ SENT, PROTO_UNREACH, CLOSED, "t1:0 lost:104" },
	{ SENT, USER_ABORT, CLOSED, "t1:0 abort:1 lost:103" },
	{ SENT, INIT, SENT, "iack:2" },
	{ SENT, INIT_NEW_ADDR, SENT, "rabort:9" },
	{ SENT, SHUTDOWN_RCV, ACKSENT, "peershut:0 shutack:1 t1:1000" },
	{ SENT, SHUTDOWN_RCV_BUSY, ACKSENT, "peershut:0 shutack:1 t1:1000" },
	{ SENT, SHUTDOWN_ACK, CLOSED, "t1:0 t5:0 shutcomp:1 closed:0" },
	{ SENT, DATA_RCV, SENT, "shut:1 t1:1000" },
	{ SENT, RETRANS_EXCEEDED, CLOSED, "t1:0 abort:1 lost:110" },
	{ SENT, T5, CLOSED, "t1:0 abort:1 lost:110" },
	{ RCVD, ABORT, CLOSED, "t1:0 lost:104" },
	{ RCVD, PROTO_UNREACH, CLOSED, "t1:0 lost:104" },
	{ RCVD, USER_ABORT, CLOSED, "t1:0 abort:1 lost:103" },
	{ RCVD, INIT, RCVD, "iack:2" },
	{ RCVD, INIT_NEW_ADDR, RCVD, "rabort:9" },
	{ RCVD, ACKED, ACKSENT, "shutack:1 t1:1000" },
	{ RCVD, NO_USER_DATA, CLOSED, "t1:0 abort:1 lost:103" },
	{ RCVD, SHUTDOWN_RCV, ACKSENT, "shutack:1 t1:1000" },
	{ RCVD, RETRANS_EXCEEDED, CLOSED, "t1:0 abort:1 lost:110" },
	{ ACKSENT, T1, ACKSENT, "shutack:1 t1:2000" },
	{ ACKSENT, ABORT, CLOSED, "t1:0 lost:104" },
	{ ACKSENT, PROTO_UNREACH, CLOSED, "t1:0 lost:104" },
	{ ACKSENT, INIT, ACKSENT, "shutack:1" },
	{ ACKSENT, RESTART_ECHO, ACKSENT, "shutack:1 error:10" },
	{ ACKSENT, USER_ABORT, CLOSED, "t1:0 abort:1 lost:103" },
	{ ACKSENT, NO_USER_DATA, CLOSED, "t1:0 abort:1 lost:103" },
	{ ACKSENT, SHUTDOWN_ACK, CLOSED, "t1:0 t5:0 shutcomp:1 closed:0" },
	{ ACKSENT, SHUTDOWN_COMPLETE, CLOSED, "t1:0 t5:0 closed:0" },
	{ ACKSENT, RETRANS_EXCEEDED, CLOSED, "t1:0 abort:1 lost:110" },
};

static const struct row *find_row(u8 state, enum event ev)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(table); i++)
		if (table[i].state == state && table[i].ev == ev)
			return &table[i];
	return NULL;
}

static void check_pair(struct kunit *test, u8 state, enum event ev)
{
	const struct row *r = find_row(state, ev);
	struct fake *f = smf_new(test, state, 1);

	smf_fire(f->asoc, ev);
	KUNIT_EXPECT_EQ_MSG(test, f->asoc->state, r ? r->next : state,
			    "state %u event %d", state, ev);
	KUNIT_EXPECT_STREQ_MSG(test, f->log, r ? r->effects : "",
			       "state %u event %d", state, ev);
}

static void shutdown_table(struct kunit *test)
{
	int state, ev;

	for (state = XSCTP_S_CLOSED; state <= XSCTP_S_SHUTDOWN_ACK_SENT; state++)
		for (ev = 0; ev < NUM_EVENTS; ev++)
			if (ev >= SHUTDOWN || state >= PENDING)
				check_pair(test, state, ev);
}

/* Every row names a pair the loop above visits: none is dead. */
static void table_rows_are_reachable(struct kunit *test)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(table); i++)
		KUNIT_EXPECT_TRUE_MSG(test, table[i].ev >= SHUTDOWN ||
				      table[i].state >= PENDING, "row %d", i);
}

/* T2 gives up after Association.Max.Retrans expiries, with an ABORT. */
static void t2_gives_up_after_max_retrans(struct kunit *test)
{
	struct fake *f = smf_new(test, XSCTP_S_SHUTDOWN_SENT, 1);
	int i;

	f->asoc->cfg.assoc_max_retrans = 2;
	for (i = 0; i < 3; i++)
		smf_fire(f->asoc, T1);
	KUNIT_EXPECT_STREQ(test, f->log,
			   "shut:1 t1:2000 shut:1 t1:4000 t1:0 abort:1 lost:110");
	KUNIT_EXPECT_EQ(test, f->asoc->state, XSCTP_S_CLOSED);
}

/*
 * RFC 9260 9.2: DATA in SHUTDOWN-SENT shows the peer alive: T2's expiries
 * count afresh from there (SHOULD).
 */
static void data_clears_t2_count(struct kunit *test)
{
	struct fake *f = smf_new(test, XSCTP_S_SHUTDOWN_SENT, 1);
	int i;

	f->asoc->cfg.assoc_max_retrans = 2;
	smf_fire(f->asoc, T1);
	smf_fire(f->asoc, T1);
	smf_fire(f->asoc, DATA_RCV);
	for (i = 0; i < 2; i++)
		smf_fire(f->asoc, T1);
	KUNIT_EXPECT_EQ(test, f->asoc->state, XSCTP_S_SHUTDOWN_SENT);
	smf_fire(f->asoc, T1);
	KUNIT_EXPECT_EQ(test, f->asoc->state, XSCTP_S_CLOSED);
}

/* RFC 9260 9.2: SHUTDOWN ACK goes at most Association.Max.Retrans times. */
static void t2_gives_up_in_shutdown_ack_sent(struct kunit *test)
{
	struct fake *f = smf_new(test, XSCTP_S_SHUTDOWN_ACK_SENT, 1);
	int i;

	f->asoc->cfg.assoc_max_retrans = 2;
	for (i = 0; i < 3; i++)
		smf_fire(f->asoc, T1);
	KUNIT_EXPECT_STREQ(test, f->log,
			   "shutack:1 t1:2000 shutack:1 t1:4000 t1:0 abort:1 lost:110");
	KUNIT_EXPECT_EQ(test, f->asoc->state, XSCTP_S_CLOSED);
}

/*
 * With SCTP_AUTOCLOSE (2 s): DATA either way in ESTABLISHED restarts the
 * idle timer, and leaving ESTABLISHED for the SHUTDOWN sequence stops it.
 * The events not listed do as in the main table.
 */
static const struct row autoclose_rows[] = {
	{ ESTAB, DATA_RCV, ESTAB, "ac:2" },
	{ ESTAB, DATA_SENT, ESTAB, "ac:2" },
	{ ESTAB, SHUTDOWN, SENT, "shut:1 t1:1000 t5:300000 ac:0" },
	{ ESTAB, AUTOCLOSE, SENT, "shut:1 t1:1000 t5:300000 ac:0" },
	{ ESTAB, AUTOCLOSE_BUSY, PENDING, "" },
	{ ESTAB, SHUTDOWN_RCV, ACKSENT, "peershut:0 ac:0 shutack:1 t1:1000" },
	{ PENDING, ACKED, SENT, "shut:1 t1:1000 t5:300000 ac:0" },
	{ PENDING, DATA_SENT, PENDING, "" },
	{ RCVD, ACKED, ACKSENT, "ac:0 shutack:1 t1:1000" },
	{ SENT, DATA_RCV, SENT, "shut:1 t1:1000" },
};

static void autoclose_table(struct kunit *test)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(autoclose_rows); i++) {
		const struct row *r = &autoclose_rows[i];
		struct fake *f = smf_new(test, r->state, 1);

		f->asoc->cfg.autoclose_s = 2;
		smf_fire(f->asoc, r->ev);
		KUNIT_EXPECT_EQ_MSG(test, f->asoc->state, r->next, "row %d", i);
		KUNIT_EXPECT_STREQ_MSG(test, f->log, r->effects, "row %d", i);
	}
}

/* T5 is 5 x RTO.Max, and not restarted when SHUTDOWN goes again. */
static void t5_is_five_rto_max(struct kunit *test)
{
	struct fake *f = smf_new(test, XSCTP_S_ESTABLISHED, 1);

	f->asoc->cfg.rto.max_us = 200000;
	smf_fire(f->asoc, SHUTDOWN);
	smf_fire(f->asoc, DATA_RCV);
	smf_fire(f->asoc, T5);
	KUNIT_EXPECT_STREQ(test, f->log,
			   "shut:1 t1:1000 t5:1000 shut:1 t1:1000 t1:0 abort:1 lost:110");
	KUNIT_EXPECT_EQ(test, f->asoc->state, XSCTP_S_CLOSED);
}

static struct kunit_case xsctp_sm_shutdown_cases[] = {
	KUNIT_CASE(shutdown_table),
	KUNIT_CASE(table_rows_are_reachable),
	KUNIT_CASE(t2_gives_up_after_max_retrans),
	KUNIT_CASE(t2_gives_up_in_shutdown_ack_sent),
	KUNIT_CASE(data_clears_t2_count),
	KUNIT_CASE(autoclose_table),
	KUNIT_CASE(t5_is_five_rto_max),
	{}
};

static struct kunit_suite xsctp_sm_shutdown_suite = {
	.name = "xsctp_sm_shutdown",
	.test_cases = xsctp_sm_shutdown_cases,
};

kunit_test_suite(xsctp_sm_shutdown_suite);
