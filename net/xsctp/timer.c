// SPDX-License-Identifier: GPL-2.0
/*
 * Association timers. An armed timer holds a reference on its association.
 * A timer that fires while a user owns the socket tries again shortly
 * rather than waiting for the lock, as sctp.ko does: timers run in softirq
 * and must not sleep.
 *
 * T1 only runs before the association is established, and an association
 * moves to another socket (accept) only after, so asoc->sk is stable here.
 */
#include <linux/jiffies.h>

#include <net/xsctp/assoc.h>
#include <net/xsctp/sm.h>

/* Arm T1-init/T1-cookie for @ms milliseconds, or stop it when @ms is 0. */
void xsctp_set_t1(struct xsctp_assoc *asoc, u32 ms)
{
	if (!ms) {
		if (del_timer(&asoc->t1))
			xsctp_assoc_put(asoc);
		return;
	}
	if (!mod_timer(&asoc->t1, jiffies + msecs_to_jiffies(ms)))
		xsctp_assoc_hold(asoc);
}

void xsctp_t1_fired(struct timer_list *t)
{
	struct xsctp_assoc *asoc = from_timer(asoc, t, t1);
	struct sock *sk = asoc->sk;

	bh_lock_sock(sk);
	if (sock_owned_by_user(sk)) {
		if (!mod_timer(t, jiffies + HZ / 20))
			xsctp_assoc_hold(asoc);
	} else if (!asoc->dead) {
		xsctp_sm_t1_expired(asoc);
	}
	bh_unlock_sock(sk);
	xsctp_assoc_put(asoc);
}
