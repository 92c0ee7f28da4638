// SPDX-License-Identifier: GPL-2.0
/*
 * SOL_SCTP socket options: the three sctp_connectx() forms (setsockopt
 * 107 returns 0, 110 the association id; getsockopt 111 writes the id
 * back on success and on EINPROGRESS, abi.md 3.1), sctp_bindx() (100,
 * 101), the int options, and those of sockopt_assoc.c, sockopt_events.c
 * and sockopt_data.c. Any other option gives ENOPROTOOPT, as in Linux.
 */
#include <linux/compat.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <net/sock.h>

#include <net/xsctp/bind.h>
#include <net/xsctp/connect.h>
#include <net/xsctp/defaults.h>
#include <net/xsctp/migrate.h>
#include <net/xsctp/sockopt.h>
#include <net/xsctp/socket.h>

/* The longest list xsctp reads: XSCTP_MAX_PATHS IPv6 addresses. */
#define CONNECTX_MAX_BYTES	(XSCTP_MAX_PATHS * sizeof(struct sockaddr_in6))

static bool nonblocking(const struct sock *sk)
{
	return sk->sk_socket && sk->sk_socket->file &&
	       (sk->sk_socket->file->f_flags & O_NONBLOCK);
}

/* Copy the list in and connect. Linux silently cuts a list at 135168
 * bytes; xsctp refuses one it would not use whole.
 */
static int connectx(struct sock *sk, sockptr_t addrs, int size,
		    sctp_assoc_t *id)
{
	void *kaddrs;
	int err;

	if (size < 2)
		return -EINVAL;
	if (size > CONNECTX_MAX_BYTES)
		return -E2BIG;
	kaddrs = memdup_sockptr(addrs, size);
	if (IS_ERR(kaddrs))
		return PTR_ERR(kaddrs);
	lock_sock(sk);
	err = xsctp_connect_locked(sk, kaddrs, size, nonblocking(sk), id,
				   NULL);
	release_sock(sk);
	kfree(kaddrs);
	return err;
}

/* sctp_bindx(): the list may not hold more than a socket can bind. */
static int bindx(struct sock *sk, sockptr_t addrs, int size, bool add)
{
	void *kaddrs;
	int err;

	if (size <= 0)
		return -EINVAL;
	if (size > XSCTP_MAX_LADDRS * sizeof(struct sockaddr_in6))
		return -E2BIG;
	kaddrs = memdup_sockptr(addrs, size);
	if (IS_ERR(kaddrs))
		return PTR_ERR(kaddrs);
	lock_sock(sk);
	err = xsctp_bindx(sk, kaddrs, size, add);
	release_sock(sk);
	kfree(kaddrs);
	return err;
}

static int get_int(sockptr_t optval, unsigned int optlen, int *v)
{
	if (optlen < sizeof(int))
		return -EINVAL;
	return copy_from_sockptr(v, optval, sizeof(int)) ? -EFAULT : 0;
}

/*
 * Linux: SCTP_PARTIAL_DELIVERY_POINT may not pass half the receive
 * buffer, the size of the first window.
 */
static int set_pd_point(struct sock *sk, u32 v)
{
	if (v > (u32)READ_ONCE(sk->sk_rcvbuf) >> 1)
		return -EINVAL;
	xsctp_sk(sk)->pd_point = v;
	return 0;
}

/* Options that are one int on the socket. */
static int set_int_opt(struct sock *sk, int optname, sockptr_t optval,
		       unsigned int optlen)
{
	struct xsctp_sock *xs = xsctp_sk(sk);
	int v, err = get_int(optval, optlen, &v);

	if (err)
		return err;
	switch (optname) {
	case SCTP_DISABLE_FRAGMENTS:
		xs->disable_frags = !!v;
		return 0;
	case SCTP_RECVRCVINFO:
		xs->recvrcvinfo = !!v;
		return 0;
	case SCTP_RECVNXTINFO:
		xs->recvnxtinfo = !!v;
		return 0;
	/* Linux wants these two exactly an int long. */
	case SCTP_FRAGMENT_INTERLEAVE:
		if (optlen != sizeof(int))
			return -EINVAL;
		xs->frag_interleave = !!v;
		return 0;
	case SCTP_PARTIAL_DELIVERY_POINT:
		if (optlen != sizeof(int))
			return -EINVAL;
		return set_pd_point(sk, v);
	case SCTP_I_WANT_MAPPED_V4_ADDR:
		xs->v4mapped = !!v;
		return 0;
	case SCTP_NODELAY:
		xs->nodelay = !!v;
		return 0;
	}
	return -ENOPROTOOPT;
}

/*
 * SCTP_AUTOCLOSE, seconds, as Linux: not on one-to-one sockets (peeled-off
 * ones may), exactly an int, read as unsigned and capped at Linux's
 * max_autoclose (so -1 is the ceiling). Only associations created later
 * get it, as in Linux, which copies it into each new association.
 */
static int set_autoclose(struct sock *sk, sockptr_t optval,
			 unsigned int optlen)
{
	u32 v;

	if (sk->sk_type == SOCK_STREAM)
		return -EOPNOTSUPP;
	if (optlen != sizeof(int))
		return -EINVAL;
	if (copy_from_sockptr(&v, optval, sizeof(v)))
		return -EFAULT;
	xsctp_sk(sk)->cfg.autoclose_s = min_t(u32, v, XSCTP_MAX_AUTOCLOSE_S);
	return 0;
}

static int locked_set(struct sock *sk, int optname, sockptr_t optval,
		      unsigned int optlen)
{
	switch (optname) {
	case SCTP_INITMSG:
		return xsctp_set_initmsg(sk, optval, optlen);
	case SCTP_RTOINFO:
		return xsctp_set_rtoinfo(sk, optval, optlen);
	case SCTP_ASSOCINFO:
		return xsctp_set_associnfo(sk, optval, optlen);
	case SCTP_EVENTS:
		return xsctp_set_events(sk, optval, optlen);
	case SCTP_EVENT:
		return xsctp_set_event(sk, optval, optlen);
	case SCTP_REMOTE_UDP_ENCAPS_PORT:
		return xsctp_set_encap_port(sk, optval, optlen);
	case SCTP_DEFAULT_SEND_PARAM:
		return xsctp_set_default_send(sk, optval, optlen);
	case SCTP_DEFAULT_SNDINFO:
		return xsctp_set_default_sndinfo(sk, optval, optlen);
	case SCTP_MAXSEG:
		return xsctp_set_maxseg(sk, optval, optlen);
	case SCTP_DELAYED_SACK:
		return xsctp_set_delayed_sack(sk, optval, optlen);
	case SCTP_CONTEXT:
		return xsctp_set_context(sk, optval, optlen);
	case SCTP_MAX_BURST:
		return xsctp_set_max_burst(sk, optval, optlen);
	case SCTP_PRIMARY_ADDR:
		return xsctp_set_primary(sk, optval, optlen);
	case SCTP_SET_PEER_PRIMARY_ADDR:
		return xsctp_set_peer_primary(sk, optval, optlen);
	case SCTP_EXPOSE_POTENTIALLY_FAILED_STATE:
		return xsctp_set_pf_expose(sk, optval, optlen);
	case SCTP_PEER_ADDR_PARAMS:
		return xsctp_set_paddr_params(sk, optval, optlen);
	case SCTP_PEER_ADDR_THLDS:
	case SCTP_PEER_ADDR_THLDS_V2:
		return xsctp_set_paddr_thlds(sk, optval, optlen,
					     optname == SCTP_PEER_ADDR_THLDS_V2);
	case SCTP_AUTOCLOSE:
		return set_autoclose(sk, optval, optlen);
	default:
		return set_int_opt(sk, optname, optval, optlen);
	}
}

int xsctp_sctp_setsockopt(struct sock *sk, int optname, sockptr_t optval,
			  unsigned int optlen)
{
	sctp_assoc_t id = 0;
	int err;

	switch (optname) {
	case SCTP_SOCKOPT_BINDX_ADD:
	case SCTP_SOCKOPT_BINDX_REM:
		return bindx(sk, optval, optlen, optname == SCTP_SOCKOPT_BINDX_ADD);
	case SCTP_SOCKOPT_CONNECTX_OLD:
		return connectx(sk, optval, optlen, NULL);
	case SCTP_SOCKOPT_CONNECTX:
		err = connectx(sk, optval, optlen, &id);
		return err ?: id;
	}
	lock_sock(sk);
	err = locked_set(sk, optname, optval, optlen);
	release_sock(sk);
	return err;
}

/* struct sctp_getaddrs_old, from a 64-bit or a 32-bit caller. */
static int get_connectx3_param(char __user *optval, int len,
			       struct sctp_getaddrs_old *param)
{
#ifdef CONFIG_COMPAT
	if (in_compat_syscall()) {
		struct {
			sctp_assoc_t assoc_id;
			s32 addr_num;
			compat_uptr_t addrs;
		} c;

		int err = xsctp_get_opt(optval, len, &c, sizeof(c));

		if (err)
			return err;
		param->assoc_id = c.assoc_id;
		param->addr_num = c.addr_num;
		param->addrs = compat_ptr(c.addrs);
		return 0;
	}
#endif
	return xsctp_get_opt(optval, len, param, sizeof(*param));
}

static int connectx3(struct sock *sk, char __user *optval,
		     int __user *optlen)
{
	struct sctp_getaddrs_old param;
	sctp_assoc_t id = 0;
	int len, err;

	if (get_user(len, optlen))
		return -EFAULT;
	if (len < 0)
		return -EINVAL;
	err = get_connectx3_param(optval, len, &param);
	if (err)
		return err;
	err = connectx(sk, USER_SOCKPTR(param.addrs), param.addr_num, &id);
	if (err && err != -EINPROGRESS)
		return err;
	if (put_user(id, (sctp_assoc_t __user *)optval) ||
	    put_user(sizeof(id), optlen))
		return -EFAULT;
	return err;
}

static int get_int_opt(struct sock *sk, int optname, char __user *optval,
		       int len, int __user *optlen)
{
	const struct xsctp_sock *xs = xsctp_sk(sk);
	int v;

	switch (optname) {
	case SCTP_I_WANT_MAPPED_V4_ADDR:
		v = xs->v4mapped;
		break;
	case SCTP_NODELAY:
		v = xs->nodelay;
		break;
	case SCTP_AUTOCLOSE:
		if (sk->sk_type == SOCK_STREAM)
			return -EOPNOTSUPP;
		v = xs->cfg.autoclose_s;
		break;
	case SCTP_DISABLE_FRAGMENTS:
		v = xs->disable_frags;
		break;
	case SCTP_RECVRCVINFO:
		v = xs->recvrcvinfo;
		break;
	case SCTP_RECVNXTINFO:
		v = xs->recvnxtinfo;
		break;
	case SCTP_FRAGMENT_INTERLEAVE:
		v = xs->frag_interleave;
		break;
	case SCTP_PARTIAL_DELIVERY_POINT:
		v = xs->pd_point;
		break;
	default:
		return -ENOPROTOOPT;
	}
	if (len < (int)sizeof(v))
		return -EINVAL;
	if (put_user(sizeof(v), optlen) || put_user(v, (int __user *)optval))
		return -EFAULT;
	return 0;
}

static int locked_get(struct sock *sk, int optname, char __user *optval,
		      int len, int __user *optlen)
{
	switch (optname) {
	case SCTP_INITMSG:
		return xsctp_get_initmsg(sk, optval, len, optlen);
	case SCTP_RTOINFO:
		return xsctp_get_rtoinfo(sk, optval, len, optlen);
	case SCTP_ASSOCINFO:
		return xsctp_get_associnfo(sk, optval, len, optlen);
	case SCTP_EVENTS:
		return xsctp_get_events(sk, optval, len, optlen);
	case SCTP_EVENT:
		return xsctp_get_event(sk, optval, len, optlen);
	case SCTP_REMOTE_UDP_ENCAPS_PORT:
		return xsctp_get_encap_port(sk, optval, len, optlen);
	case SCTP_DEFAULT_SEND_PARAM:
		return xsctp_get_default_send(sk, optval, len, optlen);
	case SCTP_DEFAULT_SNDINFO:
		return xsctp_get_default_sndinfo(sk, optval, len, optlen);
	case SCTP_MAXSEG:
		return xsctp_get_maxseg(sk, optval, len, optlen);
	case SCTP_DELAYED_SACK:
		return xsctp_get_delayed_sack(sk, optval, len, optlen);
	case SCTP_CONTEXT:
		return xsctp_get_context(sk, optval, len, optlen);
	case SCTP_MAX_BURST:
		return xsctp_get_max_burst(sk, optval, len, optlen);
	case SCTP_PRIMARY_ADDR:
		return xsctp_get_primary(sk, optval, len, optlen);
	case SCTP_EXPOSE_POTENTIALLY_FAILED_STATE:
		return xsctp_get_pf_expose(sk, optval, len, optlen);
	case SCTP_PEER_ADDR_PARAMS:
		return xsctp_get_paddr_params(sk, optval, len, optlen);
	case SCTP_PEER_ADDR_THLDS:
	case SCTP_PEER_ADDR_THLDS_V2:
		return xsctp_get_paddr_thlds(sk, optval, len, optlen,
					     optname == SCTP_PEER_ADDR_THLDS_V2);
	case SCTP_STATUS:
		return xsctp_get_status(sk, optval, len, optlen);
	case SCTP_SOCKOPT_PEELOFF:
	case SCTP_SOCKOPT_PEELOFF_FLAGS:
		return xsctp_peeloff(sk, optval, len, optlen,
				     optname == SCTP_SOCKOPT_PEELOFF_FLAGS);
	case SCTP_GET_PEER_ADDR_INFO:
		return xsctp_get_paddrinfo(sk, optval, len, optlen);
	case SCTP_GET_PEER_ADDRS:
	case SCTP_GET_LOCAL_ADDRS:
		return xsctp_get_addrs(sk, optname == SCTP_GET_PEER_ADDRS,
				       optval, len, optlen);
	default:
		return get_int_opt(sk, optname, optval, len, optlen);
	}
}

int xsctp_sctp_getsockopt(struct sock *sk, int optname, char __user *optval,
			  int __user *optlen)
{
	int len, err;

	if (optname == SCTP_SOCKOPT_CONNECTX3)
		return connectx3(sk, optval, optlen);
	if (get_user(len, optlen))
		return -EFAULT;
	if (len < 0)
		return -EINVAL;
	lock_sock(sk);
	err = locked_get(sk, optname, optval, len, optlen);
	release_sock(sk);
	return err;
}
