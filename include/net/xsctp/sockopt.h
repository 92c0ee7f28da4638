/* SPDX-License-Identifier: GPL-2.0 */
/* SOL_SCTP socket options. */
#ifndef _NET_XSCTP_SOCKOPT_H
#define _NET_XSCTP_SOCKOPT_H

#include <linux/sockptr.h>
#include <net/sock.h>

int xsctp_put_opt(char __user *optval, int __user *optlen, const void *val,
		  int len);
struct sctp_initmsg;
struct xsctp_assoc_cfg;

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

int xsctp_sctp_setsockopt(struct sock *sk, int optname, sockptr_t optval,
			  unsigned int optlen);
int xsctp_sctp_getsockopt(struct sock *sk, int optname, char __user *optval,
			  int __user *optlen);

#endif /* _NET_XSCTP_SOCKOPT_H */
