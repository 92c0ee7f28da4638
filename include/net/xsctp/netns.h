/* SPDX-License-Identifier: GPL-2.0 */
/* Per-network-namespace state: counters and the /proc/net/xsctp directory. */
#ifndef _NET_XSCTP_NETNS_H
#define _NET_XSCTP_NETNS_H

#include <net/net_namespace.h>
#include <net/snmp.h>

/* Counters, shown by name in /proc/net/xsctp/snmp (see proc.c). */
enum xsctp_mib_field {
	XSCTP_MIB_IN_PACKETS,		/* IP protocol 132 packets received */
	XSCTP_MIB_IN_DISCARDS,		/* ... and dropped unprocessed */
	XSCTP_MIB_IN_ICMP_ERRORS,	/* ICMP errors quoting an SCTP packet */
	__XSCTP_MIB_MAX
};

struct xsctp_mib {
	unsigned long mibs[__XSCTP_MIB_MAX];
};

/* Created with the namespace and freed with it; fields never change after. */
struct xsctp_net {
	struct xsctp_mib __percpu *mib;
	struct proc_dir_entry *proc_dir;
};

struct xsctp_net *xsctp_net(const struct net *net);

#define XSCTP_INC_STATS(net, field) \
	SNMP_INC_STATS(xsctp_net(net)->mib, field)

int xsctp_netns_init(void);
void xsctp_netns_exit(void);

int xsctp_proc_net_init(struct net *net, struct xsctp_net *xn);
void xsctp_proc_net_exit(struct net *net, struct xsctp_net *xn);

#endif /* _NET_XSCTP_NETNS_H */
