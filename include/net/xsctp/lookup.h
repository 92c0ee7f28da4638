/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Finding the socket or association a packet belongs to: a table of bound
 * ports (sockets) and a table of paths (peer address and port of each
 * association), both global, keyed with the namespace. Writers take the
 * table lock; readers walk under RCU and take a reference before leaving.
 */
#ifndef _NET_XSCTP_LOOKUP_H
#define _NET_XSCTP_LOOKUP_H

#include <net/xsctp/assoc.h>

struct xsctp_sock;

int xsctp_port_claim(struct sock *sk, u16 port);
int xsctp_port_claim_ephemeral(struct sock *sk);
int xsctp_port_recheck(struct sock *sk);
void xsctp_port_inherit(struct sock *sk, u16 port);
void xsctp_port_release(struct sock *sk);
struct sock *xsctp_lookup_listener(struct net *net, u16 port,
				   const union xsctp_addr *local);

void xsctp_path_hash(struct xsctp_path *path);
void xsctp_path_unhash(struct xsctp_path *path);
struct xsctp_assoc *xsctp_lookup_assoc(struct net *net, u16 local_port,
				       const union xsctp_addr *peer);
bool xsctp_peer_in_use(struct net *net, u16 local_port,
		       const union xsctp_addr *peer);

#endif /* _NET_XSCTP_LOOKUP_H */
