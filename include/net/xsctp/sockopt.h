/* SPDX-License-Identifier: GPL-2.0 */
/* SOL_SCTP socket options. */
#ifndef _NET_XSCTP_SOCKOPT_H
#define _NET_XSCTP_SOCKOPT_H

#include <linux/sockptr.h>
#include <net/sock.h>
#include <uapi/linux/sctp.h>

struct sctp_initmsg;
struct xsctp_assoc;
struct xsctp_assoc_cfg;
struct xsctp_path;

int xsctp_get_opt(const char __user *optval, int len, void *val, int size);
int xsctp_put_opt(char __user *optval, int __user *optlen, const void *val,
		  int len);

/* Which settings an option's association id names (sockopt_assoc.c). */
typedef void (*xsctp_cfg_setter)(struct xsctp_assoc_cfg *cfg,
				 const struct xsctp_assoc_cfg *val);
int xsctp_opt_assoc(struct sock *sk, sctp_assoc_t id, struct xsctp_assoc **asoc);
int xsctp_opt_cfg(struct sock *sk, sctp_assoc_t id, struct xsctp_assoc_cfg **cfg);
int xsctp_opt_set(struct sock *sk, sctp_assoc_t id, xsctp_cfg_setter set,
		  const struct xsctp_assoc_cfg *val);

/*
 * What an option with a peer address names (sockopt_assoc.c): one path,
 * an association's paths (no path), or the socket's (neither).
 */
struct xsctp_opt_target {
	struct xsctp_path *path;
	struct xsctp_assoc *asoc;
};

int xsctp_opt_target(struct sock *sk, sctp_assoc_t id,
		     const struct sockaddr_storage *ss,
		     struct xsctp_opt_target *t);

int xsctp_set_initmsg(struct sock *sk, sockptr_t optval, unsigned int optlen);
int xsctp_set_encap_port(struct sock *sk, sockptr_t optval,
			 unsigned int optlen);
int xsctp_get_encap_port(struct sock *sk, char __user *optval, int len,
			 int __user *optlen);
void xsctp_cfg_apply_initmsg(struct xsctp_assoc_cfg *cfg,
			     const struct sctp_initmsg *m);
int xsctp_get_initmsg(struct sock *sk, char __user *optval, int len,
		      int __user *optlen);
int xsctp_set_rtoinfo(struct sock *sk, sockptr_t optval, unsigned int optlen);
int xsctp_get_rtoinfo(struct sock *sk, char __user *optval, int len,
		      int __user *optlen);
int xsctp_set_associnfo(struct sock *sk, sockptr_t optval, unsigned int optlen);
int xsctp_get_associnfo(struct sock *sk, char __user *optval, int len,
			int __user *optlen);
int xsctp_get_status(struct sock *sk, char __user *optval, int len,
		     int __user *optlen);
int xsctp_get_paddrinfo(struct sock *sk, char __user *optval, int len,
			int __user *optlen);
int xsctp_get_addrs(struct sock *sk, bool peer, char __user *optval, int len,
		    int __user *optlen);

int xsctp_set_events(struct sock *sk, sockptr_t optval, unsigned int optlen);
int xsctp_get_events(struct sock *sk, char __user *optval, int len,
		     int __user *optlen);
int xsctp_set_event(struct sock *sk, sockptr_t optval, unsigned int optlen);
int xsctp_get_event(struct sock *sk, char __user *optval, int len,
		    int __user *optlen);

int xsctp_set_default_send(struct sock *sk, sockptr_t optval,
			   unsigned int optlen);
int xsctp_get_default_send(struct sock *sk, char __user *optval, int len,
			   int __user *optlen);
int xsctp_set_default_sndinfo(struct sock *sk, sockptr_t optval,
			      unsigned int optlen);
int xsctp_get_default_sndinfo(struct sock *sk, char __user *optval, int len,
			      int __user *optlen);
int xsctp_set_maxseg(struct sock *sk, sockptr_t optval, unsigned int optlen);
int xsctp_get_maxseg(struct sock *sk, char __user *optval, int len,
		     int __user *optlen);
int xsctp_set_delayed_sack(struct sock *sk, sockptr_t optval,
			   unsigned int optlen);
int xsctp_get_delayed_sack(struct sock *sk, char __user *optval, int len,
			   int __user *optlen);
int xsctp_set_context(struct sock *sk, sockptr_t optval, unsigned int optlen);
int xsctp_get_context(struct sock *sk, char __user *optval, int len,
		      int __user *optlen);
int xsctp_set_max_burst(struct sock *sk, sockptr_t optval, unsigned int optlen);
int xsctp_get_max_burst(struct sock *sk, char __user *optval, int len,
			int __user *optlen);

int xsctp_set_primary(struct sock *sk, sockptr_t optval, unsigned int optlen);
int xsctp_get_primary(struct sock *sk, char __user *optval, int len,
		      int __user *optlen);
int xsctp_set_peer_primary(struct sock *sk, sockptr_t optval,
			   unsigned int optlen);
int xsctp_set_pf_expose(struct sock *sk, sockptr_t optval, unsigned int optlen);
int xsctp_get_pf_expose(struct sock *sk, char __user *optval, int len,
			int __user *optlen);
int xsctp_set_paddr_params(struct sock *sk, sockptr_t optval,
			   unsigned int optlen);
int xsctp_get_paddr_params(struct sock *sk, char __user *optval, int len,
			   int __user *optlen);
int xsctp_set_paddr_thlds(struct sock *sk, sockptr_t optval,
			  unsigned int optlen, bool v2);
int xsctp_get_paddr_thlds(struct sock *sk, char __user *optval, int len,
			  int __user *optlen, bool v2);

int xsctp_sctp_setsockopt(struct sock *sk, int optname, sockptr_t optval,
			  unsigned int optlen);
int xsctp_sctp_getsockopt(struct sock *sk, int optname, char __user *optval,
			  int __user *optlen);

#endif /* _NET_XSCTP_SOCKOPT_H */
