// SPDX-License-Identifier: GPL-2.0
/*
 * SCTP_REMOTE_UDP_ENCAPS_PORT (RFC 6951, Linux's option 132): the peer's
 * UDP port for encapsulation, per path, per association (all its paths)
 * or for the socket's future associations; 0 sends SCTP straight over IP.
 * The port is kept as the user gives it, in network order, as Linux does.
 */
#include <net/ipv6.h>
#include <net/sock.h>

#include <net/xsctp/sockopt.h>
#include <net/xsctp/socket.h>

/* Linux's sctp_is_any(): a wildcard of the address's family, or the socket's. */
static bool addr_is_any(const struct sock *sk,
			const struct sockaddr_storage *ss)
{
	sa_family_t family = ss->ss_family ?: sk->sk_family;
	const struct sockaddr_in6 *s6 = (const void *)ss;
	const struct sockaddr_in *s4 = (const void *)ss;

	if (family == AF_INET)
		return s4->sin_addr.s_addr == htonl(INADDR_ANY);
	return family == AF_INET6 && ipv6_addr_any(&s6->sin6_addr);
}

/* What an sctp_udpencaps names: a path, an association, or the socket. */
struct encap_target {
	struct xsctp_path *path;
	struct xsctp_assoc *asoc;
};

/*
 * As Linux: an address names a path of an association of this socket
 * (which the id, if it names one, must be); otherwise the id names an
 * association, or the future ones.
 */
static int find_target(struct sock *sk, const struct sctp_udpencaps *e,
		       struct encap_target *t)
{
	struct xsctp_assoc *by_id = xsctp_sock_assoc(sk, e->sue_assoc_id);
	union xsctp_addr a;

	t->path = NULL;
	t->asoc = by_id;
	if (!addr_is_any(sk, &e->sue_address)) {
		if (xsctp_sock_addr_in(sk, &e->sue_address, &a))
			return -EINVAL;
		t->asoc = xsctp_sock_assoc_by_peer(sk, &a);
		if (!t->asoc || (by_id && by_id != t->asoc))
			return -EINVAL;
		t->path = xsctp_assoc_find_path(t->asoc, &a);
		return 0;
	}
	return xsctp_opt_assoc(sk, e->sue_assoc_id, &t->asoc);
}

int xsctp_set_encap_port(struct sock *sk, sockptr_t optval,
			 unsigned int optlen)
{
	struct encap_target t;
	struct sctp_udpencaps e;
	struct xsctp_path *p;
	__be16 port;
	int err;

	if (optlen != sizeof(e))
		return -EINVAL;
	if (copy_from_sockptr(&e, optval, sizeof(e)))
		return -EFAULT;
	err = find_target(sk, &e, &t);
	if (err)
		return err;
	port = (__force __be16)e.sue_port;
	if (t.path) {
		t.path->encap_port = port;
	} else if (t.asoc) {
		list_for_each_entry(p, &t.asoc->paths, node)
			p->encap_port = port;
		t.asoc->cfg.encap_port = port;
	} else {
		xsctp_sk(sk)->cfg.encap_port = port;
	}
	return 0;
}

int xsctp_get_encap_port(struct sock *sk, char __user *optval, int len,
			 int __user *optlen)
{
	struct encap_target t;
	struct sctp_udpencaps e;
	__be16 port;
	int err;

	err = xsctp_get_opt(optval, len, &e, sizeof(e)) ?:
	      find_target(sk, &e, &t);
	if (err)
		return err;
	if (t.path)
		port = t.path->encap_port;
	else if (t.asoc)
		port = t.asoc->cfg.encap_port;
	else
		port = xsctp_sk(sk)->cfg.encap_port;
	e.sue_port = (__force u16)port;
	return xsctp_put_opt(optval, optlen, &e, sizeof(e));
}
