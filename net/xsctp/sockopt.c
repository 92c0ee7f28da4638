// SPDX-License-Identifier: GPL-2.0
/*
 * SOL_SCTP socket options. So far the three sctp_connectx() forms:
 * setsockopt 107 (returns 0) and 110 (returns the association id), and
 * getsockopt 111, which writes the id back on success and on EINPROGRESS
 * (abi.md 3.1). Any other option gives ENOPROTOOPT, as in Linux.
 */
#include <linux/compat.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <net/sock.h>

#include <net/xsctp/connect.h>
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
	err = xsctp_connect_locked(sk, kaddrs, size, nonblocking(sk), id);
	release_sock(sk);
	kfree(kaddrs);
	return err;
}

int xsctp_sctp_setsockopt(struct sock *sk, int optname, sockptr_t optval,
			  unsigned int optlen)
{
	sctp_assoc_t id = 0;
	int err;

	switch (optname) {
	case SCTP_SOCKOPT_CONNECTX_OLD:
		return connectx(sk, optval, optlen, NULL);
	case SCTP_SOCKOPT_CONNECTX:
		err = connectx(sk, optval, optlen, &id);
		return err ?: id;
	default:
		return -ENOPROTOOPT;
	}
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

		if (len < (int)sizeof(c))
			return -EINVAL;
		if (copy_from_user(&c, optval, sizeof(c)))
			return -EFAULT;
		param->assoc_id = c.assoc_id;
		param->addr_num = c.addr_num;
		param->addrs = compat_ptr(c.addrs);
		return 0;
	}
#endif
	if (len < (int)sizeof(*param))
		return -EINVAL;
	if (copy_from_user(param, optval, sizeof(*param)))
		return -EFAULT;
	return 0;
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

int xsctp_sctp_getsockopt(struct sock *sk, int optname, char __user *optval,
			  int __user *optlen)
{
	switch (optname) {
	case SCTP_SOCKOPT_CONNECTX3:
		return connectx3(sk, optval, optlen);
	default:
		return -ENOPROTOOPT;
	}
}
