// SPDX-License-Identifier: GPL-2.0
/*
 * listen() and accept(). A listening socket takes associations from valid
 * COOKIE ECHOs (passive.c); on a one-to-one socket each waits there until
 * accept() moves it to a new socket, cloned from the listener as TCP
 * clones its children, with the listener and the association both locked
 * by being on the listener (whose lock is held). Packets that were queued
 * for the listener meanwhile find the association's new socket
 * (receive.c, redeliver()).
 */
#include <linux/sched/signal.h>
#include <net/inet_sock.h>
#include <net/ipv6.h>
#include <net/sock.h>

#include <net/xsctp/accept.h>
#include <net/xsctp/bind.h>
#include <net/xsctp/lookup.h>
#include <net/xsctp/notify.h>
#include <net/xsctp/socket.h>

int xsctp_listen(struct socket *sock, int backlog)
{
	struct sock *sk = sock->sk;
	int err = -EINVAL;

	lock_sock(sk);
	if (sock->state != SS_UNCONNECTED ||
	    (!xsctp_one_to_many(sk) && !list_empty(&xsctp_sk(sk)->assocs)))
		goto out;
	err = xsctp_sk(sk)->port ? 0 : xsctp_autobind(sk);
	if (err)
		goto out;
	WRITE_ONCE(sk->sk_max_ack_backlog, backlog);
	/* Linux: listen(fd, 0) on a one-to-many socket stops listening. */
	if (xsctp_one_to_many(sk) && !backlog)
		inet_sk_set_state(sk, TCP_CLOSE);
	else
		inet_sk_set_state(sk, TCP_LISTEN);
out:
	release_sock(sk);
	return err;
}

static int wait_for_assoc(struct sock *sk, long timeo)
{
	DEFINE_WAIT_FUNC(wait, woken_wake_function);
	int err = 0;

	add_wait_queue_exclusive(sk_sleep(sk), &wait);
	while (list_empty(&xsctp_sk(sk)->assocs)) {
		err = -EINVAL;
		if (sk->sk_state != TCP_LISTEN)
			break;
		err = -EAGAIN;
		if (!timeo)
			break;
		err = sock_intr_errno(timeo);
		if (signal_pending(current))
			break;
		err = 0;
		release_sock(sk);
		timeo = wait_woken(&wait, TASK_INTERRUPTIBLE, timeo);
		lock_sock(sk);
	}
	remove_wait_queue(sk_sleep(sk), &wait);
	return err;
}

/* Fix what a byte copy of the listener got wrong for a new socket. */
static void reset_child(struct sock *sk, struct sock *newsk)
{
	struct xsctp_sock *nxs = xsctp_sk(newsk);

	newsk->sk_priority = READ_ONCE(sk->sk_priority);
	newsk->sk_ack_backlog = 0;
	inet_sk(newsk)->mc_list = NULL;
	RCU_INIT_POINTER(inet_sk(newsk)->inet_opt, NULL);
	INIT_LIST_HEAD(&nxs->assocs);
	nxs->port = 0;
	sk_node_init(&newsk->sk_bind_node);
	if (newsk->sk_family == AF_INET6) {
		struct ipv6_pinfo *np = &((struct xsctp6_sock *)newsk)->inet6;

		inet_sk(newsk)->pinet6 = np;
		np->ipv6_mc_list = NULL;
		np->ipv6_ac_list = NULL;
		compat_clear_ipv6_fl_list(newsk);
		np->pktoptions = NULL;
		RCU_INIT_POINTER(np->opt, NULL);
	}
	inet_sk_set_state(newsk, TCP_ESTABLISHED);
}

/* Move @asoc from the listener to @newsk (both locked). */
static void migrate(struct sock *sk, struct sock *newsk,
		    struct xsctp_assoc *asoc)
{
	list_move_tail(&asoc->node, &xsctp_sk(newsk)->assocs);
	sock_hold(newsk);
	WRITE_ONCE(asoc->sk, newsk);
	sock_put(sk);
	sk_acceptq_removed(sk);
	xsctp_notify_migrate(sk, newsk, asoc->id);
	if (asoc->primary)
		xsctp_sock_set_peer(newsk, &asoc->primary->addr);
}

/*
 * sk_clone_lock() returns the clone bh-locked, as TCP uses it in softirq;
 * here in process context, softirqs stay off until it is unlocked.
 */
static struct sock *new_child(struct sock *sk)
{
	struct sock *newsk;

	local_bh_disable();
	newsk = sk_clone_lock(sk, GFP_ATOMIC);
	if (newsk) {
		__acquire(&newsk->sk_lock.slock);	/* for sparse */
		reset_child(sk, newsk);
		sock_prot_inuse_add(sock_net(newsk), newsk->sk_prot, 1);
		xsctp_port_inherit(newsk, xsctp_sk(sk)->port);
		bh_unlock_sock(newsk);
	}
	local_bh_enable();
	if (newsk)
		sock_put(newsk);	/* sk_clone_lock() returns two references */
	return newsk;
}

struct sock *xsctp_do_accept(struct sock *sk, int flags, int *err)
{
	struct sock *newsk = NULL;
	struct xsctp_assoc *asoc;

	lock_sock(sk);
	*err = -EOPNOTSUPP;
	if (xsctp_one_to_many(sk))
		goto out;
	*err = -EINVAL;
	if (sk->sk_state != TCP_LISTEN)
		goto out;
	*err = wait_for_assoc(sk, sock_rcvtimeo(sk, flags & O_NONBLOCK));
	if (*err)
		goto out;
	*err = -ENOMEM;
	newsk = new_child(sk);
	if (!newsk)
		goto out;
	*err = 0;
	asoc = list_first_entry(&xsctp_sk(sk)->assocs, struct xsctp_assoc, node);
	migrate(sk, newsk, asoc);
out:
	release_sock(sk);
	return newsk;
}
