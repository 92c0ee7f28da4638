/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The state machine's fake effects for KUnit: each effect appends itself
 * to a log ("init:1 t1:1000 ..."), paths named by their position; and the
 * events the tables fire. A failure is "failed:<errno>" before the
 * association came up (SCTP_CANT_STR_ASSOC) and "lost:<errno>" after
 * (SCTP_COMM_LOST). The fakes never set the state, so the tables' next
 * states are the state machine's own.
 */
#ifndef _XSCTP_SM_FAKE_H
#define _XSCTP_SM_FAKE_H

#include <kunit/test.h>

#include <net/xsctp/cookie.h>
#include <net/xsctp/sm.h>

/* The effects, as text: "init:1 t1:1000 ...", paths by their position. */
struct fake {
	struct xsctp_assoc *asoc;
	char log[256];
	/* For tests that run the timers on a clock of their own (ms): */
	u64 now;
	u64 t1_due, stagger_due;	/* 0: not armed */
	u64 first_init[XSCTP_MAX_PATHS + 1];	/* by path no.; U64_MAX: none */
	unsigned int inits;
};

/* The events of the tables; "BUSY" ones find DATA still queued. */
enum event { ASSOCIATE, T1, STAGGER, INIT_ACK, COOKIE_ACK, ABORT, USER_ABORT, DUP_ECHO,
	     PROTO_UNREACH, UNREACH, BAD_INIT_ACK,
	     INIT, INIT_NEW_ADDR, COLLISION_ECHO, RESTART_ECHO,
	     STALE, SHUTDOWN, SHUTDOWN_BUSY, SHUTDOWN_RCV, SHUTDOWN_RCV_BUSY,
	     SHUTDOWN_ACK, SHUTDOWN_COMPLETE, ACKED, DATA_RCV, RETRANS_EXCEEDED,
	     NO_USER_DATA, DATA_SENT, AUTOCLOSE, AUTOCLOSE_BUSY, T5,
	     NUM_EVENTS };

struct fake *smf_new(struct kunit *test, u8 state, int n);
void smf_fire(struct xsctp_assoc *asoc, enum event ev);
void smf_addr4(union xsctp_addr *a, u8 last);
void smf_new_cookie(struct xsctp_assoc *asoc, struct xsctp_cookie *ck);

#endif /* _XSCTP_SM_FAKE_H */
