// SPDX-License-Identifier: GPL-2.0
/*
 * Association timers. An armed timer holds a reference on its
 * association; xsctp_assoc_unlink() stops them all.
 *
 * - T1-init and T1-cookie during setup; the same timer is T2-shutdown
 *   later (they never run at once): sm.c, sm_shutdown.c.
 * - T5-shutdown-guard (RFC 9260 9.2): armed for 5 x RTO.Max when the
 *   first SHUTDOWN goes; still running in SHUTDOWN-PENDING or -SENT when
 *   it expires, it ABORTs the association (sm_shutdown.c).
 * - the INIT stagger: while COOKIE-WAIT lasts, the INIT also goes to the
 *   next address of the connectx list each time it expires (sm.c).
 * - autoclose: SCTP_AUTOCLOSE's idle timer, armed when the association
 *   comes up and again whenever DATA goes or comes in ESTABLISHED;
 *   expiring in ESTABLISHED, it starts the graceful shutdown.
 * - T3-rtx, one per path (RFC 9260 6.3.2) on one timer: each path keeps
 *   its deadline and the timer runs to the earliest (outq.c).
 * - the delayed SACK (inq.c), and the heartbeats (heartbeat.c).
 *
 * A timer runs in softirq and must not sleep: when a user owns the
 * socket, it tries again shortly rather than waiting for the lock, as
 * sctp.ko does. The association may move to another socket (accept)
 * between reading asoc->sk and locking it; the timer then tries again
 * too. Sockets are freed after an RCU grace period (SOCK_RCU_FREE), and
 * the timer reads asoc->sk under RCU.
 */
#include <linux/jiffies.h>

#include <net/xsctp/assoc.h>
#include <net/xsctp/heartbeat.h>
#include <net/xsctp/path.h>
#include <net/xsctp/sm.h>

static void arm_jiffies(struct xsctp_assoc *asoc, struct timer_list *t,
			unsigned long j)
{
	if (!mod_timer(t, jiffies + max(j, 1UL)))
		xsctp_assoc_hold(asoc);
}

static void arm(struct xsctp_assoc *asoc, struct timer_list *t, u32 ms)
{
	arm_jiffies(asoc, t, msecs_to_jiffies(ms));
}

static void stop(struct xsctp_assoc *asoc, struct timer_list *t)
{
	if (del_timer(t))
		xsctp_assoc_put(asoc);
}

/*
 * Run @expired for @asoc with its socket locked, unless the association
 * is gone; or try again in 50 ms when the socket is busy. Consumes the
 * timer's reference.
 */
void xsctp_run_locked(struct xsctp_assoc *asoc, struct timer_list *t,
		      void (*expired)(struct xsctp_assoc *asoc))
{
	struct sock *sk;
	bool retry;

	rcu_read_lock();
	sk = READ_ONCE(asoc->sk);
	bh_lock_sock(sk);
	retry = sock_owned_by_user(sk) || READ_ONCE(asoc->sk) != sk;
	if (retry)
		arm(asoc, t, 50);
	else if (!asoc->dead)
		expired(asoc);
	bh_unlock_sock(sk);
	rcu_read_unlock();
	xsctp_assoc_put(asoc);
}

/* Arm T1-init/T1-cookie (or T2) for @ms milliseconds, or stop it at 0. */
void xsctp_set_t1(struct xsctp_assoc *asoc, u32 ms)
{
	if (ms)
		arm(asoc, &asoc->t1, ms);
	else
		stop(asoc, &asoc->t1);
}

void xsctp_t1_fired(struct timer_list *t)
{
	struct xsctp_assoc *asoc = from_timer(asoc, t, t1);

	xsctp_run_locked(asoc, t, xsctp_sm_t1_expired);
}

/* T5-shutdown-guard for @ms milliseconds, or stop it at 0. */
void xsctp_set_t5(struct xsctp_assoc *asoc, u32 ms)
{
	if (ms)
		arm(asoc, &asoc->t5, ms);
	else
		stop(asoc, &asoc->t5);
}

void xsctp_t5_fired(struct timer_list *t)
{
	struct xsctp_assoc *asoc = from_timer(asoc, t, t5);

	xsctp_run_locked(asoc, t, xsctp_sm_t5_expired);
}

/* The INIT stagger for @ms milliseconds, or stop it at 0. */
void xsctp_set_stagger(struct xsctp_assoc *asoc, u32 ms)
{
	if (ms)
		arm(asoc, &asoc->stagger, ms);
	else
		stop(asoc, &asoc->stagger);
}

/*
 * A running stagger expires at the next tick, for an event that could not
 * act at once because a user owns the socket (icmp.c). The timer may fire
 * meanwhile on another CPU: arming it again then only adds an expiry that
 * finds nothing left to do, and takes its own reference.
 */
void xsctp_stagger_hurry(struct xsctp_assoc *asoc)
{
	if (timer_pending(&asoc->stagger))
		arm_jiffies(asoc, &asoc->stagger, 1);
}

void xsctp_stagger_fired(struct timer_list *t)
{
	struct xsctp_assoc *asoc = from_timer(asoc, t, stagger);

	xsctp_run_locked(asoc, t, xsctp_sm_stagger_expired);
}

/* The autoclose timer for @s seconds from now, or stop it at 0. */
void xsctp_set_autoclose(struct xsctp_assoc *asoc, u32 s)
{
	if (s)
		arm_jiffies(asoc, &asoc->autoclose, (unsigned long)s * HZ);
	else
		stop(asoc, &asoc->autoclose);
}

void xsctp_autoclose_fired(struct timer_list *t)
{
	struct xsctp_assoc *asoc = from_timer(asoc, t, autoclose);

	xsctp_run_locked(asoc, t, xsctp_sm_autoclose_expired);
}

/* The association is going: T1/T2, T5, the stagger and autoclose stop. */
void xsctp_assoc_stop_timers(struct xsctp_assoc *asoc)
{
	stop(asoc, &asoc->t1);
	stop(asoc, &asoc->t5);
	stop(asoc, &asoc->stagger);
	xsctp_hb_stop(asoc);
	stop(asoc, &asoc->autoclose);
}

/* The T3 timer to the earliest path deadline, or stopped without one. */
static void t3_rearm(struct xsctp_assoc *asoc)
{
	struct xsctp_path *p, *first = NULL;

	list_for_each_entry(p, &asoc->paths, node)
		if (p->t3_on && (!first || time_before(p->t3_at, first->t3_at)))
			first = p;
	if (!first)
		stop(asoc, &asoc->out.t3);
	else if (!mod_timer(&asoc->out.t3, first->t3_at))
		xsctp_assoc_hold(asoc);
}

/* T3-rtx of @p, from now for its RTO (RFC 9260 6.3.2 R1, R3; path.c). */
void xsctp_t3_restart(struct xsctp_assoc *asoc, struct xsctp_path *p)
{
	u32 us = xsctp_path_t3_us(asoc, p);

	p->t3_at = jiffies + max(usecs_to_jiffies(us), 1UL);
	p->t3_on = true;
	t3_rearm(asoc);
}

void xsctp_t3_stop(struct xsctp_assoc *asoc, struct xsctp_path *p)
{
	if (!p->t3_on)
		return;
	p->t3_on = false;
	t3_rearm(asoc);
}

void xsctp_t3_stop_all(struct xsctp_assoc *asoc)
{
	struct xsctp_path *p;

	list_for_each_entry(p, &asoc->paths, node)
		p->t3_on = false;
	stop(asoc, &asoc->out.t3);
}

/* Every path whose T3 is due expires; an expiry may end the association. */
static void t3_expire_due(struct xsctp_assoc *asoc)
{
	struct xsctp_path *p;

	list_for_each_entry(p, &asoc->paths, node) {
		if (asoc->dead)
			return;
		if (!p->t3_on || time_before(jiffies, p->t3_at))
			continue;
		p->t3_on = false;
		xsctp_outq_t3_expired(asoc, p);
	}
	if (!asoc->dead)
		t3_rearm(asoc);
}

void xsctp_t3_fired(struct timer_list *t)
{
	struct xsctp_assoc *asoc = from_timer(asoc, t, out.t3);

	xsctp_run_locked(asoc, t, t3_expire_due);
}

void xsctp_sack_timer_arm(struct xsctp_assoc *asoc, u32 ms)
{
	if (!timer_pending(&asoc->in.sack_timer))
		arm(asoc, &asoc->in.sack_timer, ms);
}

void xsctp_sack_timer_stop(struct xsctp_assoc *asoc)
{
	stop(asoc, &asoc->in.sack_timer);
}

static void send_sack(struct xsctp_assoc *asoc)
{
	xsctp_transmit(asoc, true);
}

void xsctp_sack_timer_fired(struct timer_list *t)
{
	struct xsctp_assoc *asoc = from_timer(asoc, t, in.sack_timer);

	xsctp_run_locked(asoc, t, send_sack);
}
