// SPDX-License-Identifier: GPL-2.0
/*
 * The SCTP socket family as applications see it: socket(AF_INET or
 * AF_INET6, SOCK_SEQPACKET (one-to-many) or SOCK_STREAM (one-to-one),
 * IPPROTO_SCTP) lands here.
 *
 * Operations the association layer does not provide yet fail with
 * EOPNOTSUPP (through the kernel's sock_no_* helpers) rather than
 * pretending to succeed; SOL_SOCKET options are the kernel's own, IP-level
 * options go to the IP layer as sctp.ko does, and SOL_SCTP options that do
 * not exist yet give ENOPROTOOPT, Linux's answer for an unknown option.
 */
#include <linux/module.h>
#include <linux/sched/signal.h>
#include <linux/net.h>
#include <net/inet_common.h>
#include <net/ip.h>
#include <net/ipv6.h>
#include <net/protocol.h>
#include <net/sock.h>
#include <net/transp_v6.h>

#include <net/xsctp/accept.h>
#include <net/xsctp/bind.h>
#include <net/xsctp/connect.h>
#include <net/xsctp/defaults.h>
#include <net/xsctp/input.h>
#include <net/xsctp/netns.h>
#include <net/xsctp/notify.h>
#include <net/xsctp/recvmsg.h>
#include <net/xsctp/sendmsg.h>
#include <net/xsctp/sm.h>
#include <net/xsctp/sockopt.h>
#include <net/xsctp/socket.h>

static void default_cfg(struct net *net, struct xsctp_assoc_cfg *cfg)
{
	const struct xsctp_params *p = &xsctp_net(net)->params;
	u32 rto_max = READ_ONCE(p->rto_max);

	cfg->rto.initial_us = READ_ONCE(p->rto_initial) * USEC_PER_MSEC;
	cfg->rto.min_us = READ_ONCE(p->rto_min) * USEC_PER_MSEC;
	cfg->rto.max_us = rto_max * USEC_PER_MSEC;
	cfg->max_init_timeo_ms = rto_max;
	cfg->max_init_attempts = min(READ_ONCE(p->max_init_retransmits), U16_MAX);
	cfg->init_stagger_ms = READ_ONCE(p->init_stagger);
	cfg->num_ostreams = XSCTP_DEF_NUM_OSTREAMS;
	cfg->max_instreams = XSCTP_DEF_MAX_INSTREAMS;
	cfg->cookie_life_ms = READ_ONCE(p->valid_cookie_life);
	cfg->assoc_max_retrans = min(READ_ONCE(p->association_max_retrans), U16_MAX);
	cfg->path.max_retrans = min(READ_ONCE(p->path_max_retrans), U16_MAX);
	cfg->path.pf_retrans = READ_ONCE(p->pf_retrans);
	cfg->path.ps_retrans = READ_ONCE(p->ps_retrans);
	cfg->pf_enable = !!READ_ONCE(p->pf_enable);
	cfg->pf_expose = READ_ONCE(p->pf_expose);
	cfg->fast_failover_ms = READ_ONCE(p->fast_failover);
	cfg->path.hb_interval_ms = READ_ONCE(p->hb_interval);
	cfg->encap_port = htons(READ_ONCE(p->encap_port));
	cfg->sack_delay_ms = XSCTP_DEF_SACK_DELAY_MS;
	cfg->sack_freq = XSCTP_DEF_SACK_FREQ;
	cfg->sack_timeout_ms = XSCTP_DEF_SACK_DELAY_MS;
	cfg->max_burst = XSCTP_DEF_MAX_BURST;
}

/* In-use counts show in /proc/net/protocols; tests read them for leaks. */
static int xsctp_init_sock(struct sock *sk)
{
	struct xsctp_sock *xs = xsctp_sk(sk);

	INIT_LIST_HEAD(&xs->assocs);
	default_cfg(sock_net(sk), &xs->cfg);
	xs->v4mapped = true;
	sk->sk_write_space = xsctp_write_space;
	/* Lookups find sockets under RCU (lookup.c). */
	sock_set_flag(sk, SOCK_RCU_FREE);
	sock_prot_inuse_add(sock_net(sk), sk->sk_prot, 1);
	return 0;
}

/* What a new association of @sk copies: its settings and families. */
void xsctp_sock_assoc_cfg(const struct sock *sk, struct xsctp_assoc_cfg *cfg)
{
	*cfg = xsctp_sk(sk)->cfg;
	cfg->allow_v4 = sk->sk_family == AF_INET || !xsctp_sock_v6only(sk);
	cfg->allow_v6 = sk->sk_family == AF_INET6;
}

bool xsctp_sock_v6only(const struct sock *sk)
{
	return sk->sk_family == AF_INET6 && sk->sk_ipv6only;
}

/* Drop what the user will never read; was any of it DATA? */
static bool purge_unread(struct sock *sk)
{
	struct sk_buff *skb;
	bool data = false;

	while ((skb = skb_dequeue(&sk->sk_receive_queue))) {
		data |= !xsctp_rcv_cb(skb)->notification;
		kfree_skb(skb);
	}
	return data;
}

/*
 * SO_LINGER with a time, as Linux's sctp_wait_for_close(): a one-to-one
 * socket's close() waits, up to that time, for its association to end.
 */
static void wait_for_close(struct sock *sk, long timeout)
{
	DEFINE_WAIT_FUNC(wait, woken_wake_function);

	add_wait_queue(sk_sleep(sk), &wait);
	while (!list_empty(&xsctp_sk(sk)->assocs) && timeout &&
	       !signal_pending(current)) {
		release_sock(sk);
		timeout = wait_woken(&wait, TASK_INTERRUPTIBLE, timeout);
		lock_sock(sk);
	}
	remove_wait_queue(sk_sleep(sk), &wait);
}

/*
 * close(), as Linux's sctp_close(): each association ends gracefully,
 * finishing its queued DATA after the socket is gone (it keeps a
 * reference on the socket), unless the user left DATA unread or asked
 * for SO_LINGER with a zero time: then ABORT. With SO_LINGER and a time,
 * a one-to-one socket waits that long for the end.
 */
static void xsctp_close(struct sock *sk, long timeout)
{
	struct xsctp_assoc *asoc, *tmp;
	bool abort;

	lock_sock(sk);
	WRITE_ONCE(sk->sk_shutdown, SHUTDOWN_MASK);
	inet_sk_set_state(sk, TCP_CLOSE);
	abort = purge_unread(sk) ||
		(sock_flag(sk, SOCK_LINGER) && !READ_ONCE(sk->sk_lingertime));
	list_for_each_entry_safe(asoc, tmp, &xsctp_sk(sk)->assocs, node) {
		if (abort || asoc->in.reasm.bytes)
			xsctp_sm_user_abort(asoc);
		else
			xsctp_sm_shutdown(asoc);
	}
	if (!xsctp_one_to_many(sk) && timeout)
		wait_for_close(sk, timeout);
	xsctp_unbind(sk);
	release_sock(sk);
	sock_prot_inuse_add(sock_net(sk), sk->sk_prot, -1);
	sk_common_release(sk);
}

/*
 * shutdown(): inet_shutdown() marks the socket, then a one-to-one
 * socket's association starts its graceful SHUTDOWN once sending is shut
 * down, as in Linux.
 */
static void xsctp_shutdown(struct sock *sk, int how)
{
	struct xsctp_assoc *asoc;

	if (xsctp_one_to_many(sk) || !(how & SEND_SHUTDOWN))
		return;
	asoc = list_first_entry_or_null(&xsctp_sk(sk)->assocs,
					struct xsctp_assoc, node);
	if (!asoc)
		return;
	inet_sk_set_state(sk, TCP_CLOSE_WAIT);	/* Linux's SCTP_SS_CLOSING */
	xsctp_sm_shutdown(asoc);
}

/*
 * What inet_shutdown() calls to shut a listener's receiving side, as
 * Linux's sctp_disconnect(): one-to-one sockets only.
 */
static int xsctp_disconnect(struct sock *sk, int flags)
{
	if (xsctp_one_to_many(sk))
		return -EOPNOTSUPP;
	WRITE_ONCE(sk->sk_shutdown, sk->sk_shutdown | RCV_SHUTDOWN);
	return 0;
}

static int xsctp_hash(struct sock *sk)
{
	/* Sockets enter the lookup tables through bind and connect. */
	return 0;
}

static void xsctp_unhash(struct sock *sk)
{
}

#ifdef COMPAT_HAVE_PROTO_ACCEPT_ARG
static struct sock *xsctp_accept(struct sock *sk, struct proto_accept_arg *arg)
{
	return xsctp_do_accept(sk, arg->flags, &arg->err);
}
#else
static struct sock *xsctp_accept(struct sock *sk, int flags, int *err,
				 bool kern)
{
	return xsctp_do_accept(sk, flags, err);
}
#endif

static int xsctp_setsockopt(struct sock *sk, int level, int optname,
			    sockptr_t optval, unsigned int optlen)
{
	if (level != SOL_SCTP)
		return ip_setsockopt(sk, level, optname, optval, optlen);
	return xsctp_sctp_setsockopt(sk, optname, optval, optlen);
}

static int xsctp_getsockopt(struct sock *sk, int level, int optname,
			    char __user *optval, int __user *optlen)
{
	if (level != SOL_SCTP)
		return ip_getsockopt(sk, level, optname, optval, optlen);
	return xsctp_sctp_getsockopt(sk, optname, optval, optlen);
}

static int xsctp_v6_setsockopt(struct sock *sk, int level, int optname,
			       sockptr_t optval, unsigned int optlen)
{
	if (level != SOL_SCTP)
		return ipv6_setsockopt(sk, level, optname, optval, optlen);
	return xsctp_sctp_setsockopt(sk, optname, optval, optlen);
}

static int xsctp_v6_getsockopt(struct sock *sk, int level, int optname,
			       char __user *optval, int __user *optlen)
{
	if (level != SOL_SCTP)
		return ipv6_getsockopt(sk, level, optname, optval, optlen);
	return xsctp_sctp_getsockopt(sk, optname, optval, optlen);
}

/* What the IPv4 and IPv6 flavours share; they differ only at the IP layer. */
#define XSCTP_PROTO_COMMON			\
	.owner = THIS_MODULE,			\
	.init = xsctp_init_sock,		\
	.close = xsctp_close,			\
	.shutdown = xsctp_shutdown,		\
	.disconnect = xsctp_disconnect,		\
	.hash = xsctp_hash,			\
	.unhash = xsctp_unhash,			\
	.accept = xsctp_accept,			\
	.recvmsg = xsctp_recvmsg,		\
	.sendmsg = xsctp_sendmsg,		\
	.backlog_rcv = xsctp_sk_rcv

static struct proto xsctp_prot = {
	XSCTP_PROTO_COMMON,
	.name = "XSCTP",
	.setsockopt = xsctp_setsockopt,
	.getsockopt = xsctp_getsockopt,
	.obj_size = sizeof(struct xsctp_sock),
};

static struct proto xsctp6_prot = {
	XSCTP_PROTO_COMMON,
	.name = "XSCTPv6",
	.setsockopt = xsctp_v6_setsockopt,
	.getsockopt = xsctp_v6_getsockopt,
	.obj_size = sizeof(struct xsctp6_sock),
#ifdef COMPAT_HAVE_IPV6_PINFO_OFFSET
	/* Older kernels look for ipv6_pinfo at the end of the object. */
	.ipv6_pinfo_offset = offsetof(struct xsctp6_sock, inet6),
#endif
};

static int xsctp_no_ioctl(struct socket *sock, unsigned int cmd,
			  unsigned long arg)
{
	/* Lets the generic device ioctls (SIOCGIFADDR...) still answer. */
	return -ENOIOCTLCMD;
}

/**
 * xsctp_sock_addr_out() - an address as the socket's user sees it
 * @sk: the socket
 * @a: the address
 * @out: where to write it (may be @a)
 *
 * An IPv4 address on an IPv6 socket is shown v4-mapped, as Linux does,
 * unless SCTP_I_WANT_MAPPED_V4_ADDR was turned off.
 *
 * Return: the length written (16 or 28).
 */
int xsctp_sock_addr_out(const struct sock *sk, const union xsctp_addr *a,
			void *out)
{
	union xsctp_addr m = *a;

	if (sk->sk_family == AF_INET6 && a->sa.sa_family == AF_INET &&
	    xsctp_sk(sk)->v4mapped) {
		memset(&m, 0, sizeof(m));
		m.v6.sin6_family = AF_INET6;
		m.v6.sin6_port = a->v4.sin_port;
		ipv6_addr_set_v4mapped(a->v4.sin_addr.s_addr, &m.v6.sin6_addr);
	}
	memcpy(out, &m, xsctp_addr_len(m.sa.sa_family));
	return xsctp_addr_len(m.sa.sa_family);
}

/* An address a user gave in a sockaddr_storage, in xsctp's form. */
int xsctp_sock_addr_in(const struct sock *sk, const void *ss,
		       union xsctp_addr *a)
{
	struct xsctp_addr_rules rules;

	xsctp_addr_rules(sk, &rules);
	return xsctp_addr_parse_local(a, ss, sizeof(struct sockaddr_storage),
				      &rules) < 0 ? -EINVAL : 0;
}

/* The socket's association that has @peer among its paths, if any. */
struct xsctp_assoc *xsctp_sock_assoc_by_peer(struct sock *sk,
					     const union xsctp_addr *peer)
{
	struct xsctp_assoc *asoc;

	list_for_each_entry(asoc, &xsctp_sk(sk)->assocs, node)
		if (xsctp_assoc_find_path(asoc, peer))
			return asoc;
	return NULL;
}

/*
 * The association an option names, as Linux's sctp_id2assoc(): on a
 * one-to-one socket its association once established, whatever the id;
 * on a one-to-many socket the one with that id, if it is this socket's.
 */
struct xsctp_assoc *xsctp_sock_assoc(struct sock *sk, sctp_assoc_t id)
{
	if (!xsctp_one_to_many(sk)) {
		if (sk->sk_state != TCP_ESTABLISHED && sk->sk_state != TCP_CLOSE_WAIT)
			return NULL;
		return list_first_entry_or_null(&xsctp_sk(sk)->assocs,
						struct xsctp_assoc, node);
	}
	if (id <= SCTP_ALL_ASSOC)
		return NULL;
	return xsctp_assoc_by_id(sk, id);
}

/* The peer a one-to-one socket is connected to (see getname). */
void xsctp_sock_set_peer(struct sock *sk, const union xsctp_addr *a)
{
	xsctp_sk(sk)->peer = *a;
	inet_sk(sk)->inet_dport = a->v4.sin_port;
	if (a->sa.sa_family == AF_INET)
		inet_sk(sk)->inet_daddr = a->v4.sin_addr.s_addr;
}

/*
 * getpeername(): a one-to-one socket's association's primary path; once
 * that association has ended, the last address it had, since the socket
 * stays connected (Linux too, whose accept() may thus return a socket
 * whose association is already gone).
 */
static int peer_name(struct sock *sk, union xsctp_addr *a)
{
	struct xsctp_sock *xs = xsctp_sk(sk);
	struct xsctp_assoc *asoc;

	if (xsctp_one_to_many(sk))
		return -ENOTCONN;
	asoc = list_first_entry_or_null(&xs->assocs, struct xsctp_assoc, node);
	if (asoc && asoc->primary && asoc->state >= XSCTP_S_ESTABLISHED) {
		*a = asoc->primary->addr;
		return 0;
	}
	if ((sk->sk_state != TCP_ESTABLISHED && sk->sk_state != TCP_CLOSE_WAIT) ||
	    !xs->peer.sa.sa_family)
		return -ENOTCONN;
	*a = xs->peer;
	return 0;
}

static int xsctp_getname(struct socket *sock, struct sockaddr *uaddr, int peer)
{
	struct sock *sk = sock->sk;
	struct xsctp_sock *xs = xsctp_sk(sk);
	union xsctp_addr a = {};
	int err = 0;

	lock_sock(sk);
	if (peer) {
		err = peer_name(sk, &a);
	} else {
		if (xs->num_laddrs)
			a = xs->laddrs[0];
		else
			a.sa.sa_family = sk->sk_family;
		a.v4.sin_port = htons(xs->port);
	}
	release_sock(sk);
	return err ?: xsctp_sock_addr_out(sk, &a, uaddr);
}

/*
 * As Linux: a one-to-one listener is readable when an association waits
 * for accept(), any other socket when its queue holds something; a
 * one-to-one socket is writable with send-buffer room from the moment it
 * is established until its association is gone (also once shut down, as
 * Linux's SCTP_SS_CLOSING), a one-to-many one whenever it has room.
 */
static __poll_t xsctp_poll(struct file *file, struct socket *sock,
			   poll_table *wait)
{
	struct sock *sk = sock->sk;
	__poll_t mask = 0;

	sock_poll_wait(file, sock, wait);
	if (!xsctp_one_to_many(sk) && READ_ONCE(sk->sk_state) == TCP_LISTEN)
		return list_empty(&xsctp_sk(sk)->assocs) ? 0 : EPOLLIN | EPOLLRDNORM;
	if (READ_ONCE(sk->sk_err))
		mask |= EPOLLERR;
	if (READ_ONCE(sk->sk_shutdown) & RCV_SHUTDOWN)
		mask |= EPOLLRDHUP | EPOLLIN | EPOLLRDNORM;
	if (READ_ONCE(sk->sk_shutdown) == SHUTDOWN_MASK)
		mask |= EPOLLHUP;
	if (!skb_queue_empty_lockless(&sk->sk_receive_queue))
		mask |= EPOLLIN | EPOLLRDNORM;
	if (!xsctp_one_to_many(sk) && READ_ONCE(sk->sk_state) == TCP_CLOSE)
		return mask;
	if (xsctp_wspace(sk) > 0)
		mask |= EPOLLOUT | EPOLLWRNORM;	/* no WRBAND, as Linux */
	return mask;
}

/* Not inet_sendmsg(): xsctp binds on its own, without ->get_port. */
static int xsctp_sock_sendmsg(struct socket *sock, struct msghdr *msg,
			      size_t len)
{
	return xsctp_sendmsg(sock->sk, msg, len);
}

/* One set of ops serves SOCK_SEQPACKET and SOCK_STREAM, as in sctp.ko. */
#define XSCTP_PROTO_OPS_COMMON				\
	.owner = THIS_MODULE,				\
	.bind = xsctp_bind,				\
	.connect = xsctp_connect,			\
	.socketpair = sock_no_socketpair,		\
	.accept = inet_accept,				\
	.getname = xsctp_getname,			\
	.poll = xsctp_poll,				\
	.ioctl = xsctp_no_ioctl,			\
	.listen = xsctp_listen,				\
	.shutdown = inet_shutdown,			\
	.setsockopt = sock_common_setsockopt,		\
	.getsockopt = sock_common_getsockopt,		\
	.sendmsg = xsctp_sock_sendmsg,			\
	.recvmsg = sock_common_recvmsg,			\
	.mmap = sock_no_mmap

static const struct proto_ops xsctp_inet_ops = {
	XSCTP_PROTO_OPS_COMMON,
	.family = PF_INET,
	.release = inet_release,
};

static const struct proto_ops xsctp_inet6_ops = {
	XSCTP_PROTO_OPS_COMMON,
	.family = PF_INET6,
	.release = inet6_release,
};

static struct inet_protosw xsctp_protosw[] = {
	{
		.type = SOCK_SEQPACKET,
		.protocol = IPPROTO_SCTP,
		.prot = &xsctp_prot,
		.ops = &xsctp_inet_ops,
	}, {
		.type = SOCK_STREAM,
		.protocol = IPPROTO_SCTP,
		.prot = &xsctp_prot,
		.ops = &xsctp_inet_ops,
	},
};

static struct inet_protosw xsctp6_protosw[] = {
	{
		.type = SOCK_SEQPACKET,
		.protocol = IPPROTO_SCTP,
		.prot = &xsctp6_prot,
		.ops = &xsctp_inet6_ops,
	}, {
		.type = SOCK_STREAM,
		.protocol = IPPROTO_SCTP,
		.prot = &xsctp6_prot,
		.ops = &xsctp_inet6_ops,
	},
};

static void unregister_protosw(int n4, int n6)
{
	while (n6--)
		inet6_unregister_protosw(&xsctp6_protosw[n6]);
	while (n4--)
		inet_unregister_protosw(&xsctp_protosw[n4]);
}

static int register_protosw(void)
{
	int i, err;

	/* inet_register_protosw() cannot fail visibly; a permanent (built-in)
	 * SCTP would make it log and ignore us, which the selftests catch.
	 */
	for (i = 0; i < ARRAY_SIZE(xsctp_protosw); i++)
		inet_register_protosw(&xsctp_protosw[i]);
	for (i = 0; i < ARRAY_SIZE(xsctp6_protosw); i++) {
		err = inet6_register_protosw(&xsctp6_protosw[i]);
		if (err) {
			unregister_protosw(ARRAY_SIZE(xsctp_protosw), i);
			return err;
		}
	}
	return 0;
}

int xsctp_socket_init(void)
{
	int err;

	err = proto_register(&xsctp_prot, 1);
	if (err)
		return err;
	err = proto_register(&xsctp6_prot, 1);
	if (err)
		goto err_unregister_prot;
	err = register_protosw();
	if (err)
		goto err_unregister_prot6;
	return 0;

err_unregister_prot6:
	proto_unregister(&xsctp6_prot);
err_unregister_prot:
	proto_unregister(&xsctp_prot);
	return err;
}

void xsctp_socket_exit(void)
{
	unregister_protosw(ARRAY_SIZE(xsctp_protosw),
			   ARRAY_SIZE(xsctp6_protosw));
	proto_unregister(&xsctp6_prot);
	proto_unregister(&xsctp_prot);
}
