// SPDX-License-Identifier: GPL-2.0
/*
 * connect() and sctp_connectx(): check the address list in Linux's order
 * and with Linux's errors (abi.md 3.2), build the association with one
 * path per address, start the handshake, and wait for its outcome.
 *
 * xsctp differs in three documented ways (Documentation/linux-differences.rst):
 * more than XSCTP_MAX_PATHS addresses fail with E2BIG, a one-to-one
 * socket refuses a second connect while the first is in progress
 * (EALREADY) or done (EISCONN) whatever the address, and connect() with
 * AF_UNSPEC dissolves a one-to-one association.
 */
#include <linux/random.h>
#include <linux/sched/signal.h>
#include <net/ip.h>
#include <net/ipv6.h>
#include <net/sock.h>

#include <net/xsctp/bind.h>
#include <net/xsctp/connect.h>
#include <net/xsctp/lookup.h>
#include <net/xsctp/netns.h>
#include <net/xsctp/sm.h>
#include <net/xsctp/sockopt.h>
#include <net/xsctp/socket.h>

/* Step 1: what the socket itself allows. */
static int check_socket(struct sock *sk)
{
	struct xsctp_assoc *asoc;

	if (xsctp_one_to_many(sk))
		return 0;
	if (sk->sk_state == TCP_ESTABLISHED || sk->sk_state == TCP_CLOSE_WAIT ||
	    sk->sk_state == TCP_LISTEN)
		return -EISCONN;
	asoc = list_first_entry_or_null(&xsctp_sk(sk)->assocs,
					struct xsctp_assoc, node);
	if (asoc)
		return asoc->state >= XSCTP_S_ESTABLISHED ? -EISCONN : -EALREADY;
	return 0;
}

/* An address already in one of this socket's associations. */
static int check_own_assocs(struct sock *sk, const union xsctp_addr *a)
{
	struct xsctp_assoc *asoc = xsctp_sock_assoc_by_peer(sk, a);

	if (!asoc)
		return 0;
	return asoc->state >= XSCTP_S_ESTABLISHED ? -EISCONN : -EALREADY;
}

/* A link-local IPv6 peer needs an interface that exists here. */
static int check_scope(struct sock *sk, const union xsctp_addr *a)
{
	int ok = 1;

	if (a->sa.sa_family != AF_INET6 ||
	    !(ipv6_addr_type(&a->v6.sin6_addr) & IPV6_ADDR_LINKLOCAL))
		return 0;
	rcu_read_lock();
	ok = !!dev_get_by_index_rcu(sock_net(sk), a->v6.sin6_scope_id);
	rcu_read_unlock();
	return ok ? 0 : -EINVAL;
}

static int parse_one(struct sock *sk, const u8 *buf, int left,
		     union xsctp_addr *a)
{
	struct xsctp_addr_rules rules;
	int n;

	xsctp_addr_rules(sk, &rules);
	n = xsctp_addr_parse(a, buf, left, &rules);
	if (n < 0)
		return n;
	return check_scope(sk, a) ?: n;
}

static bool is_loopback(const union xsctp_addr *a)
{
	if (a->sa.sa_family == AF_INET)
		return ipv4_is_loopback(a->v4.sin_addr.s_addr);
	return ipv6_addr_loopback(&a->v6.sin6_addr);
}

/* Linux's ENETUNREACH: no bound address can talk to the first peer. */
static int check_reachable(struct sock *sk, const union xsctp_addr *peer)
{
	const struct xsctp_sock *xs = xsctp_sk(sk);
	unsigned int i;

	for (i = 0; i < xs->num_laddrs; i++) {
		const union xsctp_addr *l = &xs->laddrs[i];

		if (xsctp_addr_is_any(l) ||
		    (l->sa.sa_family == peer->sa.sa_family &&
		     (!is_loopback(l) || is_loopback(peer))))
			return 0;
	}
	return -ENETUNREACH;
}

/* Steps 5 and 9: bind if needed, then the checks that need a port. */
static int check_local(struct sock *sk, const union xsctp_addr *first)
{
	int err;

	if (!xsctp_sk(sk)->port) {
		err = xsctp_autobind(sk);
		if (err)
			return err;
	} else if (inet_port_requires_bind_service(sock_net(sk), xsctp_sk(sk)->port) &&
		   !ns_capable(sock_net(sk)->user_ns, CAP_NET_BIND_SERVICE)) {
		return -EACCES;
	}
	return check_reachable(sk, first);
}

/* One more peer address; a duplicate is not an error (it is confirmed). */
static int add_peer(struct sock *sk, struct xsctp_assoc *asoc,
		    const union xsctp_addr *a)
{
	struct xsctp_path *p = xsctp_assoc_find_path(asoc, a);
	int err;

	if (p) {
		p->state = XSCTP_PATH_ACTIVE;
		return 0;
	}
	if (a->v4.sin_port != htons(asoc->peer_port))
		return -EINVAL;
	err = check_own_assocs(sk, a);
	if (err)
		return err;
	if (xsctp_peer_in_use(sock_net(sk), asoc->local_port, a))
		return -EADDRNOTAVAIL;
	if (asoc->num_paths >= XSCTP_MAX_PATHS)
		return -E2BIG;
	return xsctp_assoc_add_path(asoc, a, XSCTP_PATH_UNKNOWN, GFP_KERNEL) ?
	       0 : -ENOMEM;
}

static int add_rest(struct sock *sk, struct xsctp_assoc *asoc, const u8 *buf,
		    int size, int first_len)
{
	union xsctp_addr a;
	int off, n, err;

	for (off = first_len; off < size; off += n) {
		n = parse_one(sk, buf + off, size - off, &a);
		if (n < 0)
			return n;
		err = add_peer(sk, asoc, &a);
		if (err)
			return err;
	}
	return 0;
}

static struct xsctp_assoc *new_assoc(struct sock *sk,
				     const union xsctp_addr *first,
				     const struct sctp_initmsg *init)
{
	struct xsctp_assoc_cfg cfg;
	struct xsctp_assoc *asoc;

	xsctp_sock_assoc_cfg(sk, &cfg);
	if (init)
		xsctp_cfg_apply_initmsg(&cfg, init);
	asoc = xsctp_assoc_alloc(sk, &cfg, GFP_KERNEL);
	if (!asoc)
		return NULL;
	asoc->fx = &xsctp_real_effects;
	asoc->local_port = xsctp_sk(sk)->port;
	asoc->peer_port = ntohs(first->v4.sin_port);
	asoc->local_tag = xsctp_random_tag();
	asoc->next_tsn = get_random_u32();
	if (!xsctp_assoc_add_path(asoc, first, XSCTP_PATH_UNKNOWN, GFP_KERNEL)) {
		xsctp_assoc_put(asoc);
		return NULL;
	}
	return asoc;
}

/* For getpeername(): Linux reports the last address of the list. */
static void go_live(struct sock *sk, struct xsctp_assoc *asoc)
{
	struct xsctp_path *p;

	list_add_tail(&asoc->node, &xsctp_sk(sk)->assocs);
	list_for_each_entry(p, &asoc->paths, node)
		xsctp_path_hash(p);
	WRITE_ONCE(sk->sk_err, 0);
	xsctp_sm_associate(asoc);
}

/**
 * xsctp_wait_for_connect() - wait until @asoc is up, or gone
 * @sk: its socket, locked (released while waiting)
 * @asoc: the association, a reference held
 * @timeo: how long, in jiffies
 *
 * Return: 0 once established, -EINPROGRESS when the time ran out, the
 * reason the setup failed, or a signal's errno.
 */
int xsctp_wait_for_connect(struct sock *sk, struct xsctp_assoc *asoc,
			   long timeo)
{
	DEFINE_WAIT_FUNC(wait, woken_wake_function);
	int err = 0;

	asoc->waiters++;
	add_wait_queue(sk_sleep(sk), &wait);
	for (;;) {
		if (!timeo) {
			err = -EINPROGRESS;
			break;
		}
		if (asoc->dead) {
			err = asoc->error == -ETIMEDOUT ? -ETIMEDOUT : -ECONNREFUSED;
			break;
		}
		if (asoc->state == XSCTP_S_ESTABLISHED)
			break;
		if (signal_pending(current)) {
			err = sock_intr_errno(timeo);
			break;
		}
		release_sock(sk);
		timeo = wait_woken(&wait, TASK_INTERRUPTIBLE, timeo);
		lock_sock(sk);
	}
	remove_wait_queue(sk_sleep(sk), &wait);
	asoc->waiters--;
	return err;
}

/**
 * xsctp_connect_locked() - start an association to the addresses in @buf
 * @sk: the socket, locked
 * @buf: packed sockaddr_in/sockaddr_in6, in kernel memory
 * @size: its length in bytes
 * @nonblock: do not wait for the handshake
 * @id: where to store the association id (connectx 110/111), or NULL
 * @init: SCTP_INIT settings for this association only (sendmsg), or NULL
 *
 * Return: 0 once established, -EINPROGRESS when not waiting (or when
 * SO_SNDTIMEO ran out), or an error in the order of abi.md 3.2.
 */
int xsctp_connect_locked(struct sock *sk, const u8 *buf, int size,
			 bool nonblock, sctp_assoc_t *id,
			 const struct sctp_initmsg *init)
{
	struct xsctp_assoc *asoc;
	union xsctp_addr first;
	int n, err;

	sock_owned_by_me(sk);
	err = check_socket(sk);
	if (err)
		return err;
	n = parse_one(sk, buf, size, &first);
	if (n < 0)
		return n;
	err = check_own_assocs(sk, &first);
	if (err)
		return err;
	if (xsctp_sk(sk)->port &&
	    xsctp_peer_in_use(sock_net(sk), xsctp_sk(sk)->port, &first))
		return -EADDRNOTAVAIL;
	err = check_local(sk, &first);
	if (err)
		return err;
	asoc = new_assoc(sk, &first, init);
	if (!asoc)
		return -ENOMEM;
	err = add_rest(sk, asoc, buf, size, n);
	/* connect() gets its id with the INIT ACK (receive.c), as in Linux. */
	if (!err && id)
		err = xsctp_assoc_set_id(asoc, GFP_KERNEL);
	if (err) {
		xsctp_assoc_put(asoc);
		return err;
	}
	xsctp_sock_set_peer(sk, &first);
	if (id)
		*id = asoc->id;
	xsctp_assoc_hold(asoc);		/* for the wait */
	go_live(sk, asoc);
	err = xsctp_wait_for_connect(sk, asoc,
				     nonblock ? 0 : sock_sndtimeo(sk, false));
	xsctp_assoc_put(asoc);
	return err;
}

/*
 * connect(AF_UNSPEC) on a one-to-one socket dissolves its association
 * (ABORT) and leaves the socket unconnected, as connect(2) says for
 * connection-mode sockets; Linux answers EOPNOTSUPP. A one-to-many socket
 * has no single association to dissolve: EOPNOTSUPP there too.
 */
static int dissolve(struct sock *sk)
{
	struct xsctp_assoc *asoc, *tmp;

	if (xsctp_one_to_many(sk))
		return -EOPNOTSUPP;
	lock_sock(sk);
	list_for_each_entry_safe(asoc, tmp, &xsctp_sk(sk)->assocs, node)
		xsctp_sm_user_abort(asoc);
	if (sk->sk_state != TCP_LISTEN) {
		inet_sk_set_state(sk, TCP_CLOSE);
		memset(&xsctp_sk(sk)->peer, 0, sizeof(xsctp_sk(sk)->peer));
		inet_sk(sk)->inet_dport = 0;
		inet_sk(sk)->inet_daddr = 0;
		WRITE_ONCE(sk->sk_err, 0);
	}
	release_sock(sk);
	return 0;
}

/* connect(2): one address (extra bytes ignored, as in Linux). */
int xsctp_connect(struct socket *sock, struct sockaddr *uaddr, int addr_len,
		  int flags)
{
	struct sock *sk = sock->sk;
	int need, err;

	if (addr_len < (int)sizeof(uaddr->sa_family))
		return -EINVAL;
	if (uaddr->sa_family == AF_UNSPEC)
		return dissolve(sk);
	need = xsctp_addr_len(uaddr->sa_family);
	if (!need || addr_len < need)
		return -EINVAL;
	lock_sock(sk);
	err = xsctp_connect_locked(sk, (const u8 *)uaddr, need,
				   flags & O_NONBLOCK, NULL, NULL);
	release_sock(sk);
	return err;
}
