// SPDX-License-Identifier: GPL-2.0
/*
 * bind(), automatic binding, and the socket's local addresses, with Linux
 * SCTP's errors: EINVAL for a malformed address or a second bind,
 * EADDRNOTAVAIL for an address that is not local, EACCES for a privileged
 * port without CAP_NET_BIND_SERVICE, EADDRINUSE for a taken port.
 */
#include <linux/capability.h>
#include <net/addrconf.h>
#include <net/inet_sock.h>
#include <net/ip.h>
#include <net/ipv6.h>
#include <net/route.h>

#include <net/xsctp/bind.h>
#include <net/xsctp/lookup.h>
#include <net/xsctp/socket.h>

void xsctp_addr_rules(const struct sock *sk, struct xsctp_addr_rules *rules)
{
	rules->family = sk->sk_family;
	rules->v6only = xsctp_sock_v6only(sk);
}

/* Is @a an address of this namespace (or may the socket bind anyway)? */
static bool is_local(struct sock *sk, const union xsctp_addr *a)
{
	struct net *net = sock_net(sk);

	if (xsctp_addr_is_any(a))
		return true;
	if (a->sa.sa_family == AF_INET)
		return inet_addr_type(net, a->v4.sin_addr.s_addr) == RTN_LOCAL ||
		       inet_can_nonlocal_bind(net, inet_sk(sk));
	return ipv6_chk_addr(net, &a->v6.sin6_addr, NULL, 0) ||
	       ipv6_can_nonlocal_bind(net, inet_sk(sk));
}

static bool port_needs_privilege(struct sock *sk, u16 port)
{
	return port && inet_port_requires_bind_service(sock_net(sk), port) &&
	       !ns_capable(sock_net(sk)->user_ns, CAP_NET_BIND_SERVICE);
}

/* The port in the table, then in the inet fields getsockname() reads. */
static int claim(struct sock *sk, u16 port)
{
	int err = port ? xsctp_port_claim(sk, port) :
			 xsctp_port_claim_ephemeral(sk);

	if (err)
		return err;
	inet_sk(sk)->inet_num = xsctp_sk(sk)->port;
	inet_sk(sk)->inet_sport = htons(xsctp_sk(sk)->port);
	return 0;
}

/* Bind an unbound socket to one (possibly wildcard) address and port. */
static int bind_one(struct sock *sk, const union xsctp_addr *a)
{
	struct xsctp_sock *xs = xsctp_sk(sk);
	u16 port = ntohs(a->v4.sin_port);
	int err;

	if (!is_local(sk, a))
		return -EADDRNOTAVAIL;
	if (port_needs_privilege(sk, port))
		return -EACCES;
	xs->laddrs[0] = *a;
	xs->laddrs[0].v4.sin_port = 0;	/* the port is kept in xs->port */
	xs->num_laddrs = 1;
	err = claim(sk, port);
	if (err)
		xs->num_laddrs = 0;
	return err;
}

/* The wildcard of the socket's own family, on an ephemeral port. */
int xsctp_autobind(struct sock *sk)
{
	union xsctp_addr any = {};

	sock_owned_by_me(sk);
	any.sa.sa_family = sk->sk_family;
	return bind_one(sk, &any) ? -EAGAIN : 0;
}

int xsctp_bind(struct socket *sock, struct sockaddr *uaddr, int len)
{
	struct sock *sk = sock->sk;
	struct xsctp_addr_rules rules;
	union xsctp_addr a;
	int err;

	xsctp_addr_rules(sk, &rules);
	err = xsctp_addr_parse_local(&a, uaddr, len, &rules);
	if (err < 0)
		return err;
	lock_sock(sk);
	err = xsctp_sk(sk)->port ? -EINVAL : bind_one(sk, &a);
	release_sock(sk);
	return err;
}

static int find_laddr(const struct xsctp_sock *xs, const union xsctp_addr *a)
{
	unsigned int i;

	for (i = 0; i < xs->num_laddrs; i++)
		if (xsctp_addr_equal(&xs->laddrs[i], a))
			return i;
	return -1;
}

/* Add one address to a bound socket: same port, new, local, not taken. */
static int add_laddr(struct sock *sk, union xsctp_addr *a)
{
	struct xsctp_sock *xs = xsctp_sk(sk);
	u16 port = ntohs(a->v4.sin_port);
	int err;

	if (port && port != xs->port)
		return -EINVAL;
	a->v4.sin_port = 0;
	if (xsctp_addr_is_any(a) || xsctp_addr_is_any(&xs->laddrs[0]) ||
	    find_laddr(xs, a) >= 0)
		return -EINVAL;
	if (!is_local(sk, a))
		return -EADDRNOTAVAIL;
	if (xs->num_laddrs >= XSCTP_MAX_LADDRS)
		return -E2BIG;
	xs->laddrs[xs->num_laddrs++] = *a;
	err = xsctp_port_recheck(sk);
	if (err)
		xs->num_laddrs--;
	return err;
}

/* sctp_bindx(SCTP_BINDX_ADD_ADDR): all or nothing. */
static int bindx_add(struct sock *sk, const u8 *buf, int size)
{
	struct xsctp_sock *xs = xsctp_sk(sk);
	bool was_bound = xs->port;
	unsigned int before = xs->num_laddrs;
	struct xsctp_addr_rules rules;
	union xsctp_addr a;
	int off, n, err = 0;

	xsctp_addr_rules(sk, &rules);
	for (off = 0; off < size; off += n) {
		n = xsctp_addr_parse_local(&a, buf + off, size - off, &rules);
		err = n < 0 ? n : xs->port ? add_laddr(sk, &a) : bind_one(sk, &a);
		if (err)
			break;
	}
	if (err && was_bound)
		xs->num_laddrs = before;
	else if (err)
		xsctp_unbind(sk);
	return err;
}

/* sctp_bindx(SCTP_BINDX_REM_ADDR): at least one address must stay. */
static int bindx_rem(struct sock *sk, const u8 *buf, int size)
{
	struct xsctp_sock *xs = xsctp_sk(sk);
	union xsctp_addr saved[XSCTP_MAX_LADDRS];
	unsigned int before = xs->num_laddrs;
	struct xsctp_addr_rules rules;
	union xsctp_addr a;
	int off, n, i;

	memcpy(saved, xs->laddrs, sizeof(saved));
	xsctp_addr_rules(sk, &rules);
	for (off = 0; off < size; off += n) {
		n = xsctp_addr_parse_local(&a, buf + off, size - off, &rules);
		if (n < 0)
			goto undo;
		if (a.v4.sin_port && ntohs(a.v4.sin_port) != xs->port) {
			n = -EINVAL;
			goto undo;
		}
		a.v4.sin_port = 0;
		if (xs->num_laddrs <= 1) {
			n = -EBUSY;
			goto undo;
		}
		i = find_laddr(xs, &a);
		if (i < 0) {
			n = -EADDRNOTAVAIL;
			goto undo;
		}
		xs->laddrs[i] = xs->laddrs[--xs->num_laddrs];
	}
	return 0;
undo:
	memcpy(xs->laddrs, saved, sizeof(saved));
	xs->num_laddrs = before;
	return n;
}

/**
 * xsctp_bindx() - sctp_bindx(): setsockopt 100 (add) or 101 (remove)
 * @sk: the socket, locked
 * @buf: packed addresses, in kernel memory
 * @size: their length in bytes
 * @add: 100 rather than 101
 *
 * Return: 0, or the first address's error with every change undone.
 */
int xsctp_bindx(struct sock *sk, const u8 *buf, int size, bool add)
{
	sock_owned_by_me(sk);
	if (size <= 0)
		return -EINVAL;
	return add ? bindx_add(sk, buf, size) : bindx_rem(sk, buf, size);
}

void xsctp_unbind(struct sock *sk)
{
	xsctp_port_release(sk);
	xsctp_sk(sk)->num_laddrs = 0;
	inet_sk(sk)->inet_num = 0;
	inet_sk(sk)->inet_sport = 0;
}

/* Does the socket answer to local address @a (port ignored)? */
bool xsctp_sock_owns_addr(const struct sock *sk, const union xsctp_addr *a)
{
	const struct xsctp_sock *xs = xsctp_sk(sk);
	unsigned int i;

	for (i = 0; i < xs->num_laddrs; i++) {
		const union xsctp_addr *l = &xs->laddrs[i];

		if (xsctp_addr_is_any(l)) {
			if (l->sa.sa_family == a->sa.sa_family ||
			    (l->sa.sa_family == AF_INET6 && !xsctp_sock_v6only(sk)))
				return true;
			continue;
		}
		if (l->sa.sa_family != a->sa.sa_family)
			continue;
		if (a->sa.sa_family == AF_INET ?
		    l->v4.sin_addr.s_addr == a->v4.sin_addr.s_addr :
		    ipv6_addr_equal(&l->v6.sin6_addr, &a->v6.sin6_addr))
			return true;
	}
	return false;
}
