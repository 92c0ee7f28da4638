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
#include <linux/net.h>
#include <net/inet_common.h>
#include <net/ip.h>
#include <net/ipv6.h>
#include <net/protocol.h>
#include <net/sock.h>
#include <net/transp_v6.h>

#include <net/xsctp/socket.h>

/* In-use counts show in /proc/net/protocols; tests read them for leaks. */
static int xsctp_init_sock(struct sock *sk)
{
	sock_prot_inuse_add(sock_net(sk), sk->sk_prot, 1);
	return 0;
}

static void xsctp_close(struct sock *sk, long timeout)
{
	sock_prot_inuse_add(sock_net(sk), sk->sk_prot, -1);
	sk_common_release(sk);
}

static int xsctp_hash(struct sock *sk)
{
	/* Sockets enter lookup tables only through bind/listen (later). */
	return 0;
}

static void xsctp_unhash(struct sock *sk)
{
}

static int xsctp_setsockopt(struct sock *sk, int level, int optname,
			    sockptr_t optval, unsigned int optlen)
{
	if (level != SOL_SCTP)
		return ip_setsockopt(sk, level, optname, optval, optlen);
	return -ENOPROTOOPT;
}

static int xsctp_getsockopt(struct sock *sk, int level, int optname,
			    char __user *optval, int __user *optlen)
{
	if (level != SOL_SCTP)
		return ip_getsockopt(sk, level, optname, optval, optlen);
	return -ENOPROTOOPT;
}

static int xsctp_v6_setsockopt(struct sock *sk, int level, int optname,
			       sockptr_t optval, unsigned int optlen)
{
	if (level != SOL_SCTP)
		return ipv6_setsockopt(sk, level, optname, optval, optlen);
	return -ENOPROTOOPT;
}

static int xsctp_v6_getsockopt(struct sock *sk, int level, int optname,
			       char __user *optval, int __user *optlen)
{
	if (level != SOL_SCTP)
		return ipv6_getsockopt(sk, level, optname, optval, optlen);
	return -ENOPROTOOPT;
}

/* What the IPv4 and IPv6 flavours share; they differ only at the IP layer. */
#define XSCTP_PROTO_COMMON			\
	.owner = THIS_MODULE,			\
	.init = xsctp_init_sock,		\
	.close = xsctp_close,			\
	.hash = xsctp_hash,			\
	.unhash = xsctp_unhash

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

/* One set of ops serves SOCK_SEQPACKET and SOCK_STREAM, as in sctp.ko. */
#define XSCTP_PROTO_OPS_COMMON				\
	.owner = THIS_MODULE,				\
	.bind = sock_no_bind,				\
	.connect = sock_no_connect,			\
	.socketpair = sock_no_socketpair,		\
	.accept = sock_no_accept,			\
	.getname = sock_no_getname,			\
	.ioctl = xsctp_no_ioctl,			\
	.listen = sock_no_listen,			\
	.shutdown = sock_no_shutdown,			\
	.setsockopt = sock_common_setsockopt,		\
	.getsockopt = sock_common_getsockopt,		\
	.sendmsg = sock_no_sendmsg,			\
	.recvmsg = sock_no_recvmsg,			\
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
