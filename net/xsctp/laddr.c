// SPDX-License-Identifier: GPL-2.0
/*
 * The host's addresses a socket bound to the wildcard lists in its INIT
 * or INIT ACK (RFC 9260 5.1.2), so that the peer knows every address
 * this end may send from and fails over to them; without the list the
 * peer knows only the packet's source, and DATA from any other address
 * of ours is out of the blue to it. As Linux's sctp_bind_addr_copy(): the
 * addresses of the namespace's interfaces that are up, of the families
 * the socket may use, no wider in scope than the peer's address (a peer
 * with a global address is not told our private or link-local ones).
 */
#include <linux/inetdevice.h>
#include <linux/netdevice.h>
#include <net/addrconf.h>
#include <net/if_inet6.h>

#include <net/xsctp/laddr.h>

/* Linux's sctp_scope_t order: a peer of one scope reaches those below. */
enum scope { GLOBAL, PRIVATE, LINK, LOOPBACK };

static enum scope scope_v4(__be32 a)
{
	if (ipv4_is_loopback(a))
		return LOOPBACK;
	if (ipv4_is_linklocal_169(a))
		return LINK;
	if (ipv4_is_private_10(a) || ipv4_is_private_172(a) ||
	    ipv4_is_private_192(a) || ipv4_is_test_198(a))
		return PRIVATE;
	return GLOBAL;
}

static enum scope scope_v6(const struct in6_addr *a)
{
	int type = ipv6_addr_type(a);

	if (type & IPV6_ADDR_LOOPBACK)
		return LOOPBACK;
	if (type & IPV6_ADDR_LINKLOCAL)
		return LINK;
	if (type & IPV6_ADDR_SITELOCAL)
		return PRIVATE;
	return GLOBAL;
}

static enum scope scope_of(const union xsctp_addr *a)
{
	return a->sa.sa_family == AF_INET ? scope_v4(a->v4.sin_addr.s_addr) :
					    scope_v6(&a->v6.sin6_addr);
}

struct addr_list {
	union xsctp_addr *out;
	unsigned int n, max;
	enum scope peer;
};

static void add_v4(struct addr_list *l, struct net_device *dev)
{
	struct in_device *in = __in_dev_get_rcu(dev);
	const struct in_ifaddr *ifa;

	if (!in)
		return;
	in_dev_for_each_ifa_rcu(ifa, in) {
		if (l->n == l->max || scope_v4(ifa->ifa_local) > l->peer)
			continue;
		memset(&l->out[l->n], 0, sizeof(l->out[l->n]));
		l->out[l->n].v4.sin_family = AF_INET;
		l->out[l->n].v4.sin_addr.s_addr = ifa->ifa_local;
		l->n++;
	}
}

/*
 * Link-local addresses are left out: they mean nothing without the
 * interface, which the peer cannot name. Addresses still being checked
 * for duplicates, or deprecated, are not offered either, nor an
 * IPv4-mapped one an administrator put on an interface: RFC 9260
 * 3.3.2.1.2 forbids it in an address parameter (MUST NOT).
 */
static void add_v6(struct addr_list *l, struct net_device *dev)
{
	struct inet6_dev *idev = __in6_dev_get(dev);
	const struct inet6_ifaddr *ifp;

	if (!idev)
		return;
	read_lock_bh(&idev->lock);
	list_for_each_entry(ifp, &idev->addr_list, if_list) {
		enum scope scope = scope_v6(&ifp->addr);

		if (l->n == l->max || scope > l->peer || scope == LINK ||
		    ipv6_addr_v4mapped(&ifp->addr) ||
		    (ifp->flags & (IFA_F_TENTATIVE | IFA_F_DADFAILED |
				   IFA_F_DEPRECATED)))
			continue;
		memset(&l->out[l->n], 0, sizeof(l->out[l->n]));
		l->out[l->n].v6.sin6_family = AF_INET6;
		l->out[l->n].v6.sin6_addr = ifp->addr;
		l->n++;
	}
	read_unlock_bh(&idev->lock);
}

/* The host's addresses a wildcard socket lists to @peer, in @out. */
static unsigned int host_addrs(struct net *net, const union xsctp_addr *peer,
			       bool v4, bool v6, union xsctp_addr *out,
			       unsigned int max)
{
	struct addr_list l = { .out = out, .max = max, .peer = scope_of(peer) };
	struct net_device *dev;

	rcu_read_lock();
	for_each_netdev_rcu(net, dev) {
		if (!(dev->flags & IFF_UP))
			continue;
		if (v4)
			add_v4(&l, dev);
		if (v6)
			add_v6(&l, dev);
	}
	rcu_read_unlock();
	return l.n;
}

/**
 * xsctp_listed_addrs() - the addresses @sk lists in an INIT or INIT ACK
 * @sk: the socket
 * @peer: the address the chunk goes to
 * @v4: IPv4 addresses may be listed
 * @v6: IPv6 addresses may be listed
 * @host: room for the host's addresses (ports left 0)
 * @addrs: set to the list: the socket's bound addresses, or @host
 *
 * Return: how many addresses are at *@addrs.
 */
unsigned int xsctp_listed_addrs(struct sock *sk, const union xsctp_addr *peer,
				bool v4, bool v6,
				union xsctp_addr host[XSCTP_MAX_LADDRS],
				const union xsctp_addr **addrs)
{
	const struct xsctp_sock *xs = xsctp_sk(sk);

	if (!xsctp_sock_wildcard(sk)) {
		*addrs = xs->laddrs;
		return xs->num_laddrs;
	}
	*addrs = host;
	return host_addrs(sock_net(sk), peer, v4, v6, host, XSCTP_MAX_LADDRS);
}
