/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Protocol defaults, in one place (RFC 9260 section 16). They become the
 * initial values of the per-namespace net.sctp.* sysctls; see
 * Documentation/sysctl.rst for the differences from Linux's defaults.
 */
#ifndef _NET_XSCTP_DEFAULTS_H
#define _NET_XSCTP_DEFAULTS_H

#define XSCTP_USEC_PER_MSEC		1000U

/* Times in milliseconds. */
#define XSCTP_DEF_RTO_INITIAL_MS	1000U
#define XSCTP_DEF_RTO_MIN_MS		1000U
#define XSCTP_DEF_RTO_MAX_MS		60000U
#define XSCTP_DEF_HB_INTERVAL_MS	30000U
#define XSCTP_DEF_VALID_COOKIE_LIFE_MS	60000U

/*
 * How long an INIT waits for its INIT ACK before the same INIT also goes
 * to the next address of a connectx list (net.sctp.init_stagger; sm.c).
 */
#define XSCTP_DEF_INIT_STAGGER_MS	250U

/* Delayed SACK (RFC 9260 6.2), Linux's net.sctp.sack_timeout. */
#define XSCTP_DEF_SACK_DELAY_MS		200U
#define XSCTP_DEF_SACK_FREQ		2U

/*
 * SCTP_AUTOCLOSE's ceiling in seconds: Linux's net.sctp.max_autoclose
 * default, INT_MAX / HZ (xsctp has no such sysctl).
 */
#define XSCTP_MAX_AUTOCLOSE_S		(INT_MAX / HZ)

/* Packets one association may send at once (Linux's net.sctp.max_burst). */
#define XSCTP_DEF_MAX_BURST		4U

/* Retransmission limits. */
#define XSCTP_DEF_MAX_INIT_RETRANSMITS	8U
#define XSCTP_DEF_ASSOC_MAX_RETRANS	10U
#define XSCTP_DEF_PATH_MAX_RETRANS	5U

/*
 * Potentially-failed paths (RFC 7829), as Linux: on, entered at the first
 * timeout (PFMR 0), not reported to users who did not ask (pf_expose
 * "unset"), and the primary never switched away from (ps_retrans 0xffff).
 */
#define XSCTP_DEF_PF_ENABLE		1
#define XSCTP_DEF_PF_RETRANS		0U
#define XSCTP_PS_RETRANS_MAX		0xffffU

/*
 * HEARTBEAT ACKs one association sends per second at most (receive.c).
 * A peer heartbeats each of our addresses once per RTO at most, so even
 * 32 addresses at a 400 ms RTO stay far below; a flood is not answered.
 */
#define XSCTP_HB_ACKS_PER_SEC		100U

/*
 * The first T3-rtx of a multihomed path, ms (path.c xsctp_path_t3_us():
 * net.sctp.fast_failover): a third of RTO.Min, above the peer's delayed
 * SACK (200 ms) with room for the round trip.
 */
#define XSCTP_DEF_FAST_FAILOVER_MS	300

/*
 * Whether the user learns of potentially-failed paths (Linux's numbering,
 * net.sctp.pf_expose, SCTP_EXPOSE_POTENTIALLY_FAILED_STATE): unset shows
 * PF in SCTP_GET_PEER_ADDR_INFO only; enable also sends
 * SCTP_ADDR_POTENTIALLY_FAILED; disable hides PF paths (EACCES).
 */
enum xsctp_pf_expose {
	XSCTP_PF_EXPOSE_UNSET = 0,
	XSCTP_PF_EXPOSE_DISABLE = 1,
	XSCTP_PF_EXPOSE_ENABLE = 2,
};

/* Stream counts an INIT asks for (SCTP_INITMSG), as Linux's defaults. */
#define XSCTP_DEF_NUM_OSTREAMS		10U
#define XSCTP_DEF_MAX_INSTREAMS		65535U

/*
 * A path's MTU until its first packet is routed (pmtu.c): Ethernet's, as
 * sctp.ko's SCTP_DEFAULT_MAXSEGMENT.
 */
#define XSCTP_PATH_MTU			1500U

/*
 * Clock granularity G of RFC 9260 6.3.1 C3: the floor of RTTVAR, so a
 * path with perfectly steady RTT still has a little slack.
 */
#define XSCTP_RTO_GRANULARITY_US	1000U

#endif /* _NET_XSCTP_DEFAULTS_H */
