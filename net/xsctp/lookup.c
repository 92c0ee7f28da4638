// SPDX-License-Identifier: GPL-2.0
/*
 * The two lookup tables: bound ports and association paths.
 *
 * Both are small fixed-size hash tables of RCU lists under one spinlock
 * each. Sockets are freed after a grace period (SOCK_RCU_FREE, set at
 * creation) and paths with kfree_rcu(), so a reader that found an entry
 * under rcu_read_lock() may take a reference with *_not_zero and use it.
 */
#include <linux/jhash.h>
#include <linux/random.h>
#include <linux/rculist.h>
#include <linux/spinlock.h>
#include <net/ip.h>
#include <net/ipv6.h>

#include <net/xsctp/lookup.h>
#include <net/xsctp/socket.h>

#define TABLE_BITS	8

static struct hlist_head port_table[1 << TABLE_BITS];
static struct hlist_head path_table[1 << TABLE_BITS];
static DEFINE_SPINLOCK(port_lock);
static DEFINE_SPINLOCK(path_lock);

static u32 addr_hash(const union xsctp_addr *a)
{
	if (a->sa.sa_family == AF_INET6)
		return ipv6_addr_hash(&a->v6.sin6_addr);
	return (__force u32)a->v4.sin_addr.s_addr;
}

static struct hlist_head *port_bucket(const struct net *net, u16 port)
{
	return &port_table[hash_32(net_hash_mix(net) ^ port, TABLE_BITS)];
}

static struct hlist_head *path_bucket(const struct net *net, u16 local_port,
				      const union xsctp_addr *peer)
{
	u32 h = jhash_3words(addr_hash(peer), net_hash_mix(net),
			     local_port << 16 | ntohs(peer->v4.sin_port), 0);

	return &path_table[hash_32(h, TABLE_BITS)];
}

/* Could @a and @b be the same local address? Wildcards match a family. */
static bool laddr_overlap(const union xsctp_addr *a, bool a_v6only,
			  const union xsctp_addr *b, bool b_v6only)
{
	bool a_any = xsctp_addr_is_any(a), b_any = xsctp_addr_is_any(b);

	if (a->sa.sa_family != b->sa.sa_family) {
		/* Only a dual-stack IPv6 wildcard covers IPv4 addresses. */
		if (a->sa.sa_family == AF_INET6)
			return a_any && !a_v6only;
		return b_any && !b_v6only;
	}
	return a_any || b_any || xsctp_addr_equal(a, b);
}

static bool socks_overlap(const struct sock *a, const struct sock *b)
{
	const struct xsctp_sock *xa = xsctp_sk(a), *xb = xsctp_sk(b);
	unsigned int i, j;

	for (i = 0; i < xa->num_laddrs; i++)
		for (j = 0; j < xb->num_laddrs; j++)
			if (laddr_overlap(&xa->laddrs[i], xsctp_sock_v6only(a),
					  &xb->laddrs[j], xsctp_sock_v6only(b)))
				return true;
	return false;
}

/* Linux's rule: SO_REUSEADDR on both, and neither listening, may share. */
static bool may_share(const struct sock *a, const struct sock *b)
{
	return a->sk_reuse && b->sk_reuse &&
	       a->sk_state != TCP_LISTEN && b->sk_state != TCP_LISTEN;
}

static bool port_conflict(struct sock *sk, u16 port)
{
	struct sock *other;

	hlist_for_each_entry(other, port_bucket(sock_net(sk), port),
			     sk_bind_node) {
		if (other == sk || !net_eq(sock_net(other), sock_net(sk)) ||
		    xsctp_sk(other)->port != port)
			continue;
		if (!may_share(sk, other) && socks_overlap(sk, other))
			return true;
	}
	return false;
}

/**
 * xsctp_port_claim() - enter a socket in the port table
 * @sk: a socket with its local addresses set, not yet in the table
 * @port: the port, host order, not 0
 *
 * Return: 0, or -EADDRINUSE if another socket of the namespace has an
 * overlapping address on that port and they may not share it.
 */
int xsctp_port_claim(struct sock *sk, u16 port)
{
	int err = -EADDRINUSE;

	spin_lock_bh(&port_lock);
	if (!port_conflict(sk, port)) {
		xsctp_sk(sk)->port = port;
		hlist_add_head_rcu(&sk->sk_bind_node, port_bucket(sock_net(sk), port));
		err = 0;
	}
	spin_unlock_bh(&port_lock);
	return err;
}

/*
 * An ephemeral port from the socket's range (ip_local_port_range, or
 * IP_LOCAL_PORT_RANGE), starting at a random offset. -EADDRINUSE when
 * every port of the range is taken.
 */
int xsctp_port_claim_ephemeral(struct sock *sk)
{
	int low, high, i, n;
	u32 offset;

	inet_sk_get_local_port_range(sk, &low, &high);
	n = high - low + 1;
	if (n <= 0)
		return -EADDRINUSE;
	offset = get_random_u32_below(n);
	for (i = 0; i < n; i++) {
		int port = low + (offset + i) % n;

		if (inet_is_local_reserved_port(sock_net(sk), port))
			continue;
		if (!xsctp_port_claim(sk, port))
			return 0;
	}
	return -EADDRINUSE;
}

/* After a bound socket gained an address: is the port still its own? */
int xsctp_port_recheck(struct sock *sk)
{
	int err;

	spin_lock_bh(&port_lock);
	err = port_conflict(sk, xsctp_sk(sk)->port) ? -EADDRINUSE : 0;
	spin_unlock_bh(&port_lock);
	return err;
}

/* An accepted socket shares its listener's port, whatever bind() says. */
void xsctp_port_inherit(struct sock *sk, u16 port)
{
	spin_lock_bh(&port_lock);
	xsctp_sk(sk)->port = port;
	hlist_add_head_rcu(&sk->sk_bind_node, port_bucket(sock_net(sk), port));
	spin_unlock_bh(&port_lock);
}

void xsctp_port_release(struct sock *sk)
{
	if (!xsctp_sk(sk)->port)
		return;
	spin_lock_bh(&port_lock);
	hlist_del_init_rcu(&sk->sk_bind_node);
	spin_unlock_bh(&port_lock);
	xsctp_sk(sk)->port = 0;
}

/**
 * xsctp_lookup_listener() - the listening socket for an INIT or COOKIE ECHO
 * @net: the namespace the packet arrived in
 * @port: its destination port
 * @local: its destination address
 *
 * Only listening sockets take new associations (as in Linux, a bound
 * one-to-many socket must also call listen()).
 *
 * Return: the socket with a reference held, or NULL.
 */
struct sock *xsctp_lookup_listener(struct net *net, u16 port,
				   const union xsctp_addr *local)
{
	struct sock *sk, *found = NULL;

	rcu_read_lock();
	hlist_for_each_entry_rcu(sk, port_bucket(net, port), sk_bind_node) {
		if (!net_eq(sock_net(sk), net) || xsctp_sk(sk)->port != port ||
		    READ_ONCE(sk->sk_state) != TCP_LISTEN ||
		    !xsctp_sock_owns_addr(sk, local))
			continue;
		if (refcount_inc_not_zero(&sk->sk_refcnt))
			found = sk;
		break;
	}
	rcu_read_unlock();
	return found;
}

void xsctp_path_hash(struct xsctp_path *path)
{
	struct xsctp_assoc *asoc = path->asoc;

	spin_lock_bh(&path_lock);
	hlist_add_head_rcu(&path->hnode, path_bucket(sock_net(asoc->sk),
						     asoc->local_port, &path->addr));
	spin_unlock_bh(&path_lock);
}

void xsctp_path_unhash(struct xsctp_path *path)
{
	spin_lock_bh(&path_lock);
	hlist_del_init_rcu(&path->hnode);
	spin_unlock_bh(&path_lock);
}

static bool path_matches(const struct xsctp_path *path, const struct net *net,
			 u16 local_port, const union xsctp_addr *peer)
{
	const struct xsctp_assoc *asoc = path->asoc;

	return asoc->local_port == local_port && !READ_ONCE(asoc->dead) &&
	       net_eq(sock_net(READ_ONCE(asoc->sk)), net) &&
	       xsctp_addr_equal(&path->addr, peer);
}

/**
 * xsctp_lookup_assoc() - the association a packet from @peer belongs to
 * @net: the namespace
 * @local_port: the packet's destination port
 * @peer: its source address and port
 *
 * Return: the association with a reference held, or NULL.
 */
struct xsctp_assoc *xsctp_lookup_assoc(struct net *net, u16 local_port,
				       const union xsctp_addr *peer)
{
	struct xsctp_assoc *found = NULL;
	struct xsctp_path *path;

	rcu_read_lock();
	hlist_for_each_entry_rcu(path, path_bucket(net, local_port, peer), hnode) {
		if (!path_matches(path, net, local_port, peer))
			continue;
		if (refcount_inc_not_zero(&path->asoc->refs))
			found = path->asoc;
		break;
	}
	rcu_read_unlock();
	return found;
}

/* Does some association of the namespace already use this 4-tuple half? */
bool xsctp_peer_in_use(struct net *net, u16 local_port,
		       const union xsctp_addr *peer)
{
	struct xsctp_assoc *asoc = xsctp_lookup_assoc(net, local_port, peer);

	if (asoc)
		xsctp_assoc_put(asoc);
	return asoc;
}
