/* SPDX-License-Identifier: GPL-2.0 */
/* The SCTP socket family: struct proto, proto_ops and protosw entries. */
#ifndef _NET_XSCTP_SOCKET_H
#define _NET_XSCTP_SOCKET_H

#include <net/inet_sock.h>
#include <linux/ipv6.h>

#include <net/xsctp/assoc.h>

/* Local addresses one socket may be bound to (bind + sctp_bindx). */
#define XSCTP_MAX_LADDRS	16

/* An xsctp socket. Every field is protected by the socket lock. */
struct xsctp_sock {
	struct inet_sock inet;
	u16 port;			/* bound port, host order; 0: unbound */
	unsigned int num_laddrs;	/* 0: unbound; 1 wildcard: any */
	union xsctp_addr laddrs[XSCTP_MAX_LADDRS];
	struct list_head assocs;	/* its associations */
	union xsctp_addr peer;		/* one-to-one: whom it is connected to */
	struct xsctp_assoc_cfg cfg;	/* SCTP_INITMSG, SCTP_RTOINFO... */
	bool v4mapped;			/* SCTP_I_WANT_MAPPED_V4_ADDR */
	bool peeled;			/* one association peeled off: one-to-one */
	bool nodelay;			/* SCTP_NODELAY */
	bool disable_frags;		/* SCTP_DISABLE_FRAGMENTS */
	bool recvrcvinfo;		/* SCTP_RECVRCVINFO */
	bool recvnxtinfo;		/* SCTP_RECVNXTINFO */
	bool frag_interleave;		/* SCTP_FRAGMENT_INTERLEAVE */
	u32 pd_point;			/* SCTP_PARTIAL_DELIVERY_POINT; 0: none */
};

/*
 * The IPv6 flavour. ipv6_pinfo must stay last: kernels before 6.5 find it
 * at the end of the object (see COMPAT_HAVE_IPV6_PINFO_OFFSET).
 */
struct xsctp6_sock {
	struct xsctp_sock xsctp;
	struct ipv6_pinfo inet6;
};

static inline struct xsctp_sock *xsctp_sk(const struct sock *sk)
{
	return (struct xsctp_sock *)sk;
}

/* SOCK_SEQPACKET, unless peeled off (Linux's UDP_HIGH_BANDWIDTH style). */
static inline bool xsctp_one_to_many(const struct sock *sk)
{
	return sk->sk_type == SOCK_SEQPACKET && !xsctp_sk(sk)->peeled;
}

/*
 * Bound to the wildcard, or no longer bound (closed, its associations
 * still ending): no specific address of ours to send from or to list.
 */
static inline bool xsctp_sock_wildcard(const struct sock *sk)
{
	const struct xsctp_sock *xs = xsctp_sk(sk);

	return !xs->num_laddrs ||
	       (xs->num_laddrs == 1 && xsctp_addr_is_any(&xs->laddrs[0]));
}

bool xsctp_sock_v6only(const struct sock *sk);
void xsctp_sock_set_peer(struct sock *sk, const union xsctp_addr *a);
int xsctp_sock_addr_out(const struct sock *sk, const union xsctp_addr *a,
			void *out);
int xsctp_sock_addr_in(const struct sock *sk, const void *ss,
		       union xsctp_addr *a);
struct xsctp_assoc *xsctp_sock_assoc(struct sock *sk, sctp_assoc_t id);
struct xsctp_assoc *xsctp_sock_assoc_by_peer(struct sock *sk,
					     const union xsctp_addr *peer);
void xsctp_sock_assoc_cfg(const struct sock *sk, struct xsctp_assoc_cfg *cfg);
bool xsctp_sock_owns_addr(const struct sock *sk, const union xsctp_addr *a);

int xsctp_socket_init(void);
void xsctp_socket_exit(void);

#endif /* _NET_XSCTP_SOCKET_H */
