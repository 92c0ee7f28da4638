// SPDX-License-Identifier: GPL-2.0
/*
 * An association moves to a socket of its own: a copy of its socket
 * (settings, bound port) that owns nothing else, for accept() and
 * peel-off. Both sockets are owned by the caller while it moves (the new
 * one locked nested in the old, as Linux's sctp_sock_migrate()), so
 * packets for it wait in their backlogs, and receive.c redelivers those
 * that reach the old one afterwards.
 */
#include <net/inet_sock.h>
#include <net/ipv6.h>
#include <net/sock.h>

#include <net/xsctp/lookup.h>
#include <net/xsctp/migrate.h>
#include <net/xsctp/notify.h>
#include <net/xsctp/socket.h>

/* Fix what a byte copy of the socket got wrong for a new one. */
static void reset_child(struct sock *sk, struct sock *newsk)
{
	struct xsctp_sock *nxs = xsctp_sk(newsk);

	newsk->sk_priority = READ_ONCE(sk->sk_priority);
	newsk->sk_ack_backlog = 0;
	newsk->sk_wmem_queued = 0;
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

/**
 * xsctp_sock_clone() - a new connected socket like @sk, on its port
 * @sk: the listener or one-to-many socket, owned by the caller
 *
 * sk_clone_lock() returns the clone bh-locked, as TCP uses it in softirq;
 * here in process context, softirqs stay off until it is unlocked.
 *
 * Return: the socket, not locked, or NULL.
 */
struct sock *xsctp_sock_clone(struct sock *sk)
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

/* What the association has queued to send is charged to its socket. */
static void move_send_charges(struct sock *sk, struct sock *newsk,
			      struct xsctp_assoc *asoc)
{
	struct list_head *lists[] = { &asoc->out.unsent, &asoc->out.sent };
	struct xsctp_tx_chunk *ch;
	int i;

	for (i = 0; i < ARRAY_SIZE(lists); i++) {
		list_for_each_entry(ch, lists[i], node) {
			sk_wmem_queued_add(sk, -ch->truesize);
			sk_wmem_queued_add(newsk, ch->truesize);
		}
	}
	sk->sk_write_space(sk);
}

/**
 * xsctp_assoc_migrate() - move @asoc, with its queues, to @newsk
 * @sk: the socket it is on, owned by the caller
 * @newsk: its new socket, owned by the caller
 * @asoc: the association
 *
 * What it queued for the user (DATA, notifications) moves with it.
 */
void xsctp_assoc_migrate(struct sock *sk, struct sock *newsk,
			 struct xsctp_assoc *asoc)
{
	sock_owned_by_me(sk);
	sock_owned_by_me(newsk);
	move_send_charges(sk, newsk, asoc);
	list_move_tail(&asoc->node, &xsctp_sk(newsk)->assocs);
	sock_hold(newsk);
	WRITE_ONCE(asoc->sk, newsk);
	sock_put(sk);
	xsctp_notify_migrate(sk, newsk, asoc->id);
	if (asoc->primary)
		xsctp_sock_set_peer(newsk, &asoc->primary->addr);
}

/*
 * Linux's sctp_do_peeloff(): one association of a one-to-many socket on
 * a new socket of the same type, which then behaves as a one-to-one
 * socket. Not while a sender waits on the association.
 */
static int do_peeloff(struct sock *sk, sctp_assoc_t id, struct socket **out)
{
	struct xsctp_assoc *asoc;
	struct socket *sock;
	struct sock *newsk;

	if (!xsctp_one_to_many(sk))
		return -EINVAL;
	asoc = xsctp_sock_assoc(sk, id);
	if (!asoc)
		return -EINVAL;
	if (asoc->waiters)
		return -EBUSY;
	sock = sock_alloc();
	if (!sock)
		return -ENFILE;
	newsk = xsctp_sock_clone(sk);
	if (!newsk) {
		sock_release(sock);
		return -ENOMEM;
	}
	sock->type = sk->sk_type;
	sock->ops = sk->sk_socket->ops;
	__module_get(sock->ops->owner);
	sock_graft(newsk, sock);
	xsctp_sk(newsk)->peeled = true;
	lock_sock_nested(newsk, SINGLE_DEPTH_NESTING);
	xsctp_assoc_migrate(sk, newsk, asoc);
	release_sock(newsk);
	*out = sock;
	return 0;
}

/* The new socket's descriptor: given to the user only once all went well. */
static int install_fd(struct socket *sock, unsigned int flags, int *fd,
		      struct file **file)
{
	*fd = get_unused_fd_flags(flags & SOCK_CLOEXEC);
	if (*fd < 0) {
		sock_release(sock);
		return *fd;
	}
	*file = sock_alloc_file(sock, flags & SOCK_NONBLOCK ? O_NONBLOCK : 0,
				NULL);
	if (IS_ERR(*file)) {
		put_unused_fd(*fd);
		return PTR_ERR(*file);
	}
	return 0;
}

/**
 * xsctp_peeloff() - getsockopt SCTP_SOCKOPT_PEELOFF (102) and
 * SCTP_SOCKOPT_PEELOFF_FLAGS (122), as Linux
 * @sk: the one-to-many socket, owned by the caller
 * @optval: sctp_peeloff_arg_t (or sctp_peeloff_flags_arg_t): the
 *	association's id in, the new descriptor out
 * @len: the caller's optlen
 * @optlen: where the length goes
 * @with_flags: option 122: SOCK_CLOEXEC and SOCK_NONBLOCK may be asked
 *	for; other bits are ignored, as Linux does
 *
 * Return: the new descriptor, which getsockopt() returns as Linux's does
 * (libsctp's sctp_peeloff() uses it), or EINVAL (length, no such
 * association, not a one-to-many socket), EBUSY, EFAULT, or what
 * creating a file gives.
 */
int xsctp_peeloff(struct sock *sk, char __user *optval, int len,
		  int __user *optlen, bool with_flags)
{
	sctp_peeloff_flags_arg_t arg = {};
	int need = with_flags ? sizeof(arg) : sizeof(arg.p_arg);
	struct socket *sock;
	struct file *file;
	int fd, err;

	if (len < need)
		return -EINVAL;
	if (copy_from_user(&arg, optval, need))
		return -EFAULT;
	err = do_peeloff(sk, arg.p_arg.associd, &sock) ?:
	      install_fd(sock, arg.flags, &fd, &file);
	if (err)
		return err;
	arg.p_arg.sd = fd;
	if (put_user(need, optlen) || copy_to_user(optval, &arg, need)) {
		fput(file);
		put_unused_fd(fd);
		return -EFAULT;
	}
	fd_install(fd, file);
	return fd;
}
