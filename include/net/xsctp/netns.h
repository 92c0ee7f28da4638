/* SPDX-License-Identifier: GPL-2.0 */
/* Per-network-namespace state: counters and the /proc/net/xsctp directory. */
#ifndef _NET_XSCTP_NETNS_H
#define _NET_XSCTP_NETNS_H

#include <net/net_namespace.h>
#include <net/snmp.h>

#include <net/xsctp/cookie.h>

/* Counters, shown by name in /proc/net/xsctp/snmp (see proc.c). */
enum xsctp_mib_field {
	XSCTP_MIB_IN_PACKETS,		/* IP protocol 132 packets received */
	XSCTP_MIB_IN_DISCARDS,		/* ... and dropped unprocessed */
	XSCTP_MIB_IN_ICMP_ERRORS,	/* ICMP errors quoting an SCTP packet */
	XSCTP_MIB_IN_CSUM_ERRORS,	/* wrong CRC32c */
	XSCTP_MIB_IN_MALFORMED,		/* refused by the wire codec */
	XSCTP_MIB_IN_BAD_VTAG,		/* wrong verification tag: ignored */
	XSCTP_MIB_IN_OOTB,		/* out of the blue (RFC 9260 8.4) */
	XSCTP_MIB_OUT_OOTB_REPLIES,	/* ABORTs and SHUTDOWN COMPLETEs sent */
	XSCTP_MIB_OOTB_RATE_LIMITED,	/* ... and those not sent */
	XSCTP_MIB_INIT_ACKS_SENT,	/* INITs answered (no state kept) */
	XSCTP_MIB_COOKIE_MALFORMED,	/* truncated, oversized, bad version */
	XSCTP_MIB_COOKIE_BAD_MAC,
	XSCTP_MIB_COOKIE_KEY_RETIRED,
	XSCTP_MIB_COOKIE_BAD_TAG,	/* tag or ports do not match */
	XSCTP_MIB_COOKIE_STALE,
	XSCTP_MIB_COOKIE_BACKLOG_FULL,	/* listener's accept queue full */
	XSCTP_MIB_PASSIVE_ESTABS,	/* associations created from cookies */
	XSCTP_MIB_ACTIVE_ESTABS,	/* associations set up by connect */
	XSCTP_MIB_NOTIFY_DROPPED,	/* notifications over the rcvbuf */
	XSCTP_MIB_COOKIE_RESTARTS,	/* RFC 9260 5.2.4 case A: peer restart */
	XSCTP_MIB_COOKIE_COLLISIONS,	/* ... case B: setup collision */
	XSCTP_MIB_COOKIE_DISCARDED,	/* ... case C and unlisted: dropped */
	XSCTP_MIB_IN_DATA_CHUNKS,	/* new DATA chunks taken */
	XSCTP_MIB_IN_DATA_DUPLICATE,	/* DATA received before: reported */
	XSCTP_MIB_IN_DATA_BEYOND_WINDOW,	/* too far past the cumulative TSN */
	XSCTP_MIB_IN_DATA_NO_ROOM,	/* over the receive buffer: dropped */
	XSCTP_MIB_IN_DATA_BAD_STREAM,	/* for a stream that does not exist */
	XSCTP_MIB_OUT_DATA_CHUNKS,	/* DATA chunks sent, first time */
	XSCTP_MIB_OUT_RETRANSMITS,	/* ... and sent again */
	XSCTP_MIB_T3_EXPIRED,		/* T3-rtx expiries */
	XSCTP_MIB_FAST_RETRANSMITS,	/* chunks fast-retransmitted */
	XSCTP_MIB_IN_ICMP_TOO_BIG,	/* ICMP too big for an association */
	XSCTP_MIB_HB_ACKS_LIMITED,	/* HEARTBEATs over the answer rate */
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
	int pf_retrans;			/* RFC 7829 PFMR */
	int ps_retrans;			/* primary switch-over threshold */
	int pf_enable;
	int pf_expose;			/* enum xsctp_pf_expose */
	int fast_failover;		/* ms; 0: T3 is the RTO */
	int hb_interval;		/* ms */
	int valid_cookie_life;		/* ms */
	int udp_port;			/* RFC 6951 tunnel port; 0: none */
	int encap_port;			/* remote UDP port for new sockets */
	int init_stagger;		/* ms; 0: one address per T1 */
};

/* Created with the namespace and freed with it. */
struct xsctp_net {
	struct net *net;		/* the namespace this belongs to */
	struct xsctp_mib __percpu *mib;
	struct proc_dir_entry *proc_dir;
	struct xsctp_params params;
	struct ctl_table_header *sysctl_header;	/* owned by sysctl.c */
	struct sock *ctl4;		/* output.c: answers without a socket */
	struct sock *ctl6;
	struct sock *udp4;		/* udp.c: the tunnel sockets */
	struct sock *udp6;
	unsigned long ootb_window;	/* ootb.c: rate limit, racy on purpose */
	unsigned int ootb_sent;
	struct xsctp_cookie_keys cookie_keys;	/* under cookie_lock */
	spinlock_t cookie_lock;
};

struct xsctp_net *xsctp_net(const struct net *net);

#define XSCTP_INC_STATS(net, field) \
	SNMP_INC_STATS(xsctp_net(net)->mib, field)

int xsctp_netns_init(void);
void xsctp_netns_exit(void);

void xsctp_cookie_keys_net_init(struct xsctp_net *xn);	/* passive.c */

int xsctp_sysctl_init(void);
void xsctp_sysctl_exit(void);

int xsctp_proc_net_init(struct net *net, struct xsctp_net *xn);
void xsctp_proc_net_exit(struct net *net, struct xsctp_net *xn);

#endif /* _NET_XSCTP_NETNS_H */
