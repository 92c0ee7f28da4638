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

/*
 * The net.sctp.* settings of one namespace (Linux's names; see
 * Documentation/sysctl.rst). Written by sysctl at any time: read each
 * field once with READ_ONCE() and use that value.
 */
struct xsctp_params {
	int rto_initial;		/* ms */
	int rto_min;			/* ms */
	int rto_max;			/* ms */
	int max_init_retransmits;
	int association_max_retrans;
	int path_max_retrans;
	int hb_interval;		/* ms */
	int valid_cookie_life;		/* ms */
};

/* Created with the namespace and freed with it. */
struct xsctp_net {
	struct xsctp_mib __percpu *mib;
	struct proc_dir_entry *proc_dir;
	struct xsctp_params params;
	struct ctl_table_header *sysctl_header;	/* owned by sysctl.c */
};

struct xsctp_net *xsctp_net(const struct net *net);

#define XSCTP_INC_STATS(net, field) \
	SNMP_INC_STATS(xsctp_net(net)->mib, field)

int xsctp_netns_init(void);
void xsctp_netns_exit(void);

int xsctp_sysctl_init(void);
void xsctp_sysctl_exit(void);

int xsctp_proc_net_init(struct net *net, struct xsctp_net *xn);
void xsctp_proc_net_exit(struct net *net, struct xsctp_net *xn);

#endif /* _NET_XSCTP_NETNS_H */
