// SPDX-License-Identifier: GPL-2.0
/*
 * The socket options about an association's paths, with Linux's lengths
 * and errors (abi.md 1.2): SCTP_PRIMARY_ADDR, SCTP_SET_PEER_PRIMARY_ADDR
 * and SCTP_EXPOSE_POTENTIALLY_FAILED_STATE. All run with the socket
 * locked.
 */
#include <linux/uaccess.h>
#include <net/sock.h>

#include <net/xsctp/defaults.h>
#include <net/xsctp/path.h>
#include <net/xsctp/sockopt.h>
#include <net/xsctp/socket.h>

/*
 * The path to a peer address a user named, and its association. As for
 * SCTP_GET_PEER_ADDR_INFO, the port is the association's: the address
 * alone picks the path.
 */
static struct xsctp_path *user_path(struct sock *sk, sctp_assoc_t id,
				    const struct sockaddr_storage *ss)
{
	struct xsctp_assoc *asoc = xsctp_sock_assoc(sk, id);
	union xsctp_addr a;

	if (!asoc || xsctp_sock_addr_in(sk, ss, &a))
		return NULL;
	a.v4.sin_port = htons(asoc->peer_port);
	return xsctp_assoc_find_path(asoc, &a);
}

/* SCTP_PRIMARY_ADDR: where new DATA goes while that path is ACTIVE. */
int xsctp_set_primary(struct sock *sk, sockptr_t optval, unsigned int optlen)
{
	struct sctp_prim prim;
	struct xsctp_path *p;

	if (optlen != sizeof(prim))
		return -EINVAL;
	if (copy_from_sockptr(&prim, optval, sizeof(prim)))
		return -EFAULT;
	p = user_path(sk, prim.ssp_assoc_id, &prim.ssp_addr);
	if (!p)
		return -EINVAL;
	xsctp_path_set_primary(p->asoc, p);
	return 0;
}

int xsctp_get_primary(struct sock *sk, char __user *optval, int len,
		      int __user *optlen)
{
	struct xsctp_assoc *asoc;
	struct sctp_prim prim;
	int err;

	err = xsctp_get_opt(optval, len, &prim, sizeof(prim));
	if (err)
		return err;
	asoc = xsctp_sock_assoc(sk, prim.ssp_assoc_id);
	if (!asoc)
		return -EINVAL;
	if (!asoc->primary)
		return -ENOTCONN;
	memset(&prim.ssp_addr, 0, sizeof(prim.ssp_addr));
	xsctp_sock_addr_out(sk, &asoc->primary->addr, &prim.ssp_addr);
	return xsctp_put_opt(optval, optlen, &prim, sizeof(prim));
}

/*
 * SCTP_SET_PEER_PRIMARY_ADDR asks the peer through ASCONF (RFC 5061),
 * which xsctp does not offer: Linux's answer while ASCONF is off.
 */
int xsctp_set_peer_primary(struct sock *sk, sockptr_t optval,
			   unsigned int optlen)
{
	return -EPERM;
}

/* SCTP_EXPOSE_POTENTIALLY_FAILED_STATE: net.sctp.pf_expose for one socket. */
int xsctp_set_pf_expose(struct sock *sk, sockptr_t optval, unsigned int optlen)
{
	struct sctp_assoc_value v;
	struct xsctp_assoc_cfg *cfg;
	int err;

	if (optlen != sizeof(v))
		return -EINVAL;
	if (copy_from_sockptr(&v, optval, sizeof(v)))
		return -EFAULT;
	if (v.assoc_value > XSCTP_PF_EXPOSE_ENABLE)
		return -EINVAL;
	err = xsctp_opt_cfg(sk, v.assoc_id, &cfg);
	if (err)
		return err;
	cfg->pf_expose = v.assoc_value;
	return 0;
}

int xsctp_get_pf_expose(struct sock *sk, char __user *optval, int len,
			int __user *optlen)
{
	struct xsctp_assoc_cfg *cfg;
	struct sctp_assoc_value v;
	int err;

	err = xsctp_get_opt(optval, len, &v, sizeof(v));
	if (err)
		return err;
	err = xsctp_opt_cfg(sk, v.assoc_id, &cfg);
	if (err)
		return err;
	v.assoc_value = cfg->pf_expose;
	return xsctp_put_opt(optval, optlen, &v, sizeof(v));
}
