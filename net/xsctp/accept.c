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
#include <net/sock.h>

#include <net/xsctp/accept.h>
#include <net/xsctp/bind.h>
#include <net/xsctp/migrate.h>
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
		if (sk->sk_state != TCP_LISTEN ||
		    (sk->sk_shutdown & RCV_SHUTDOWN))
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

struct sock *xsctp_do_accept(struct sock *sk, int flags, int *err)
{
	struct sock *newsk = NULL;
	struct xsctp_assoc *asoc;

	lock_sock(sk);
	*err = -EOPNOTSUPP;
	if (xsctp_one_to_many(sk))
		goto out;
	*err = -EINVAL;	/* also once shut for reading, as Linux */
	if (sk->sk_state != TCP_LISTEN || (sk->sk_shutdown & RCV_SHUTDOWN))
		goto out;
	*err = wait_for_assoc(sk, sock_rcvtimeo(sk, flags & O_NONBLOCK));
	if (*err)
		goto out;
	*err = -ENOMEM;
	newsk = xsctp_sock_clone(sk);
	if (!newsk)
		goto out;
	*err = 0;
	asoc = list_first_entry(&xsctp_sk(sk)->assocs, struct xsctp_assoc, node);
	lock_sock_nested(newsk, SINGLE_DEPTH_NESTING);
	xsctp_assoc_migrate(sk, newsk, asoc);
	release_sock(newsk);
	sk_acceptq_removed(sk);
out:
	release_sock(sk);
	return newsk;
}
