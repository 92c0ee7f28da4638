// SPDX-License-Identifier: GPL-2.0
/*
 * SCTP_REMOTE_UDP_ENCAPS_PORT (RFC 6951, Linux's option 132): the peer's
 * UDP port for encapsulation, per path, per association (all its paths)
 * or for the socket's future associations; 0 sends SCTP straight over IP.
 * The port is kept as the user gives it, in network order, as Linux does.
 */
#include <net/sock.h>

#include <net/xsctp/sockopt.h>
#include <net/xsctp/socket.h>

/* As Linux, an address that names no path is EINVAL here. */
static int target(struct sock *sk, const struct sctp_udpencaps *e,
		  struct xsctp_opt_target *t)
{
	int err = xsctp_opt_target(sk, e->sue_assoc_id, &e->sue_address, t);

	return err == -ENOENT ? -EINVAL : err;
}

int xsctp_set_encap_port(struct sock *sk, sockptr_t optval,
			 unsigned int optlen)
{
	struct xsctp_opt_target t;
	struct sctp_udpencaps e;
	struct xsctp_path *p;
	__be16 port;
	int err;

	if (optlen != sizeof(e))
		return -EINVAL;
	if (copy_from_sockptr(&e, optval, sizeof(e)))
		return -EFAULT;
	err = target(sk, &e, &t);
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
	struct xsctp_opt_target t;
	struct sctp_udpencaps e;
	__be16 port;
	int err;

	err = xsctp_get_opt(optval, len, &e, sizeof(e)) ?:
	      target(sk, &e, &t);
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
