/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Associations and their paths (transports).
 *
 * An association belongs to one socket (asoc->sk) and is changed only with
 * that socket locked: lock_sock() in process context, bh_lock_sock() in
 * softirq when the socket is not owned by a user (otherwise the packet
 * waits in the socket's backlog). The state machine (sm.c) never touches
 * packets, sockets or timers itself: it calls the effects in asoc->fx,
 * which KUnit replaces with fakes.
 *
 * Lifetime: a reference is held by the owning socket's list, by each armed
 * timer, and by a receiver between lookup and locking. Freed after an RCU
 * grace period, because lookups walk the path table under RCU.
 */
#ifndef _NET_XSCTP_ASSOC_H
#define _NET_XSCTP_ASSOC_H

#include <linux/list.h>
#include <linux/refcount.h>
#include <linux/timer.h>
#include <net/sock.h>
#include <uapi/linux/sctp.h>

#include <net/xsctp/addr.h>
#include <net/xsctp/cc.h>
#include <net/xsctp/inq.h>
#include <net/xsctp/outq.h>
#include <net/xsctp/rto.h>
#include <net/xsctp/wire.h>

/* Association states, numbered as Linux's SCTP_STATUS sstat_state. */
enum xsctp_state {
	XSCTP_S_CLOSED = 1,
	XSCTP_S_COOKIE_WAIT = 2,
	XSCTP_S_COOKIE_ECHOED = 3,
	XSCTP_S_ESTABLISHED = 4,
	XSCTP_S_SHUTDOWN_PENDING = 5,
	XSCTP_S_SHUTDOWN_SENT = 6,
	XSCTP_S_SHUTDOWN_RECEIVED = 7,
	XSCTP_S_SHUTDOWN_ACK_SENT = 8,
};

/*
 * What SCTP_PEER_ADDR_PARAMS and SCTP_PEER_ADDR_THLDS(_V2) set, as
 * Linux: each path has its own; an association keeps those its paths
 * start with, a socket those of its associations to come.
 */
struct xsctp_path_params {
	u32 hb_interval_ms;		/* HB.interval */
	u32 pmtu;			/* fixed while XSCTP_PP_PMTUD_OFF; 0: none */
	u32 flowlabel;			/* IPv6, while XSCTP_PP_FLOWLABEL */
	u16 max_retrans;		/* Path.Max.Retrans */
	u16 pf_retrans;			/* RFC 7829 PFMR */
	u16 ps_retrans;			/* primary switch-over threshold */
	u8 dscp;			/* the TOS byte's DSCP, while XSCTP_PP_DSCP */
	u8 flags;			/* XSCTP_PP_* */
};

#define XSCTP_PP_HB_OFF		BIT(0)	/* SPP_HB_DISABLE: no heartbeats */
#define XSCTP_PP_PMTUD_OFF	BIT(1)	/* SPP_PMTUD_DISABLE: MTU is fixed */
#define XSCTP_PP_FLOWLABEL	BIT(2)	/* SPP_IPV6_FLOWLABEL: ours, not IP's */
#define XSCTP_PP_DSCP		BIT(3)	/* SPP_DSCP: ours, not the socket's */

/* Path states, numbered as Linux's spinfo_state. */
enum xsctp_path_state {
	XSCTP_PATH_INACTIVE = 0,
	XSCTP_PATH_PF = 1,
	XSCTP_PATH_ACTIVE = 2,
	XSCTP_PATH_UNCONFIRMED = 3,	/* learned from the peer, unproven */
	XSCTP_PATH_UNKNOWN = 0xffff,	/* given by the user, not yet seen */
};

/* Paths per association: as many as one sctp_connectx() list may give. */
#define XSCTP_MAX_PATHS		32

struct xsctp_assoc;
struct xsctp_rx;
struct xsctp_path_policy;

/*
 * What an INIT ACK answering an INIT says for an association that exists
 * (RFC 9260 5.2.1, 5.2.2): its Initiate Tag and initial TSN, and the tie
 * tags sealed in its cookie (0 when there are none).
 */
struct xsctp_init_ack_tags {
	u32 local_tag;
	u32 local_tsn;
	u32 local_tie_tag;
	u32 peer_tie_tag;
	const struct xsctp_assoc_cfg *cfg;	/* the association's; NULL: the socket's */
};

struct xsctp_path {
	struct list_head node;		/* in asoc->paths */
	struct hlist_node hnode;	/* in the lookup table (lookup.c) */
	struct xsctp_assoc *asoc;
	union xsctp_addr addr;		/* the peer's address and port */
	u16 state;			/* enum xsctp_path_state */
	u32 errors;			/* RFC 9260 8.2: since the last ack */
	bool t3_on;			/* T3-rtx runs for this path ... */
	unsigned long t3_at;		/* ... until then (jiffies; timer.c) */
	unsigned long data_at;		/* DATA last went here (jiffies) */
	bool hb_on;			/* heartbeat.c: a heartbeat is due ... */
	bool hb_pending;		/* ... the last one is unanswered */
	bool sent_since_hb;		/* ... DATA went here since it */
	unsigned long hb_at;		/* ... then (jiffies) */
	u64 hb_nonce;			/* ... and the last one carried this */
	struct {			/* the SACK being processed (outq.c): */
		u32 acked;		/* bytes it acked of those sent here */
		u32 flight;		/* the flight here before it */
		bool fast;		/* it fast-retransmits some from here */
	} sack;
	unsigned int init_sent;		/* INITs/COOKIE ECHOs sent here */
	struct xsctp_rto rto;
	struct xsctp_cc cc;
	u32 pmtu;
	struct xsctp_path_params par;	/* the user's settings for this path */
	__be16 encap_port;		/* RFC 6951: the peer's UDP port, or 0 */
	struct dst_entry *dst;		/* output.c: the cached route */
	union xsctp_addr saddr;		/* ... and the source it chose */
	struct rcu_head rcu;
};

/* What a message without SCTP_SNDRCV/SCTP_SNDINFO is sent with. */
struct xsctp_send_defaults {
	u16 sid;
	u16 flags;
	u32 ppid;		/* as the user gave it: opaque, network order */
	u32 context;
	u32 timetolive;
};

/* What an association copies from its socket when it is created. */
struct xsctp_assoc_cfg {
	struct xsctp_rto_params rto;
	u32 max_init_timeo_ms;
	u32 init_stagger_ms;		/* net.sctp.init_stagger; 0: none */
	u16 max_init_attempts;
	u16 num_ostreams;
	u16 max_instreams;
	u16 assoc_max_retrans;		/* Association.Max.Retrans */
	struct xsctp_path_params path;	/* what new paths start with */
	bool pf_enable;			/* net.sctp.pf_enable */
	u8 pf_expose;			/* enum xsctp_pf_expose */
	u32 fast_failover_ms;		/* path.c xsctp_path_t3_us() */
	u32 cookie_life_ms;
	u16 subscribe;			/* notifications wanted (notify.h) */
	struct xsctp_send_defaults send;	/* SCTP_DEFAULT_SEND_PARAM */
	u32 rcv_context;		/* SCTP_CONTEXT: received messages' */
	u32 user_frag;			/* SCTP_MAXSEG; 0: from the MTU */
	u32 sack_delay_ms;		/* SCTP_DELAYED_SACK; 0: no delay */
	u32 sack_freq;			/* packets per SACK */
	__be16 encap_port;		/* RFC 6951 remote UDP port; 0: none */
	u32 sack_timeout_ms;		/* the delay, kept while it is off */
	u32 max_burst;			/* SCTP_MAX_BURST, packets; 0: none */
	u32 autoclose_s;		/* SCTP_AUTOCLOSE, s, as it was at creation */
	bool allow_v4;			/* peer address families the socket */
	bool allow_v6;			/* can use (AF_INET6, IPV6_V6ONLY) */
};

static inline bool xsctp_cfg_allows(const struct xsctp_assoc_cfg *cfg,
				    sa_family_t family)
{
	return family == AF_INET ? cfg->allow_v4 : cfg->allow_v6;
}

/*
 * Effects that leave the state machine; see the header comment. They
 * never set asoc->state: the state machine sets it first (CLOSED before
 * closed, dropped and failed), so that KUnit checks sm.c, not the fakes.
 */
struct xsctp_effects {
	void (*send_init)(struct xsctp_assoc *asoc, struct xsctp_path *path);
	void (*send_cookie_echo)(struct xsctp_assoc *asoc,
				 struct xsctp_path *path);
	void (*send_cookie_ack)(struct xsctp_assoc *asoc,
				struct xsctp_path *path);
	void (*send_abort)(struct xsctp_assoc *asoc, struct xsctp_path *path,
			   const u8 *causes, u16 len);
	void (*send_error)(struct xsctp_assoc *asoc, struct xsctp_path *path,
			   const u8 *causes, u16 len);
	/* Answers to the packet @rx, which need not come from a path. */
	void (*reply_init_ack)(struct xsctp_assoc *asoc, struct xsctp_rx *rx,
			       const struct xsctp_init *init,
			       const struct xsctp_init_ack_tags *tags);
	void (*reply_restart_abort)(struct xsctp_assoc *asoc,
				    struct xsctp_rx *rx, u32 vtag,
				    const union xsctp_addr *new_addr);
	/* An ABORT answering @rx with @vtag (reflected: @t_bit). */
	void (*reply_abort)(struct xsctp_assoc *asoc, struct xsctp_rx *rx,
			    u32 vtag, bool t_bit, const u8 *causes, u16 len);
	/* the INIT ACK's State Cookie, and its unknown parameters to report */
	int (*keep_cookie)(struct xsctp_assoc *asoc, const struct xsctp_init *ia);
	void (*add_path)(struct xsctp_assoc *asoc, const union xsctp_addr *addr,
			 u16 state);
	void (*remove_path)(struct xsctp_assoc *asoc, struct xsctp_path *path);
	void (*set_t1)(struct xsctp_assoc *asoc, u32 ms);	/* 0: stop */
	void (*set_t5)(struct xsctp_assoc *asoc, u32 ms);	/* 0: stop */
	void (*set_stagger)(struct xsctp_assoc *asoc, u32 ms);
	void (*set_autoclose)(struct xsctp_assoc *asoc, u32 s); /* 0: stop */
	void (*established)(struct xsctp_assoc *asoc);	/* COMM_UP */
	void (*restarted)(struct xsctp_assoc *asoc);	/* the peer restarted */
	void (*send_shutdown)(struct xsctp_assoc *asoc, struct xsctp_path *path);
	void (*send_shutdown_ack)(struct xsctp_assoc *asoc,
				  struct xsctp_path *path);
	void (*send_shutdown_complete)(struct xsctp_assoc *asoc,
				       struct xsctp_path *path);
	void (*peer_shutdown)(struct xsctp_assoc *asoc);	/* sends no more */
	void (*sender_dry)(struct xsctp_assoc *asoc);	/* all ours acked */
	void (*closed)(struct xsctp_assoc *asoc);	/* gracefully; then gone */
	void (*dropped)(struct xsctp_assoc *asoc);	/* silently; then gone */
	/*
	 * Then gone; @was_up: it had been ESTABLISHED; @causes: the peer's
	 * ABORT's, if that is why.
	 */
	void (*failed)(struct xsctp_assoc *asoc, int err, bool was_up,
		       const u8 *causes, u16 causes_len);
};

struct xsctp_assoc {
	struct sock *sk;		/* owner: see the header comment */
	struct list_head node;		/* in the owner's association list */
	const struct xsctp_effects *fx;
	refcount_t refs;
	struct rcu_head rcu;

	sctp_assoc_t id;		/* 0 until assigned */
	u8 state;			/* enum xsctp_state */
	bool dead;			/* unlinked; drop whatever arrives */
	u16 local_port;
	u16 peer_port;
	u32 local_tag;
	u32 peer_tag;
	/* RFC 9260 5.2.2: a random nonce for restart cookies; 0 until one */
	u32 local_tie_tag;
	u32 peer_tie_tag;
	u32 next_tsn;			/* our next TSN (initial TSN at start) */
	u32 peer_initial_tsn;
	u32 peer_rwnd;
	u16 num_out;			/* negotiated stream counts */
	u16 num_in;

	struct list_head paths;
	unsigned int num_paths;
	struct xsctp_path *primary;
	const struct xsctp_path_policy *policy;	/* path.h */
	struct xsctp_path *init_path;	/* where the last INIT/COOKIE ECHO went */
	unsigned int init_errors;	/* T1 expiries in this setup */
	unsigned int init_cycle;	/* passes over all paths so far */
	u32 t1_ms;
	struct timer_list t1;		/* T1-init, T1-cookie or T2-shutdown */
	struct timer_list t5;		/* T5-shutdown-guard */
	struct timer_list stagger;	/* the INIT to the next address */
	struct timer_list autoclose;	/* SCTP_AUTOCLOSE's idle timer */
	struct timer_list hb_timer;	/* every path's heartbeat */
	unsigned long hb_acks_since;	/* receive.c: HEARTBEAT ACKs sent */
	u32 hb_acks;			/* ... since then */
	u32 cookie_preservative_ms;	/* asked for in our INITs; 0: none */

	int error;			/* why it failed, for connect() */
	unsigned int waiters;		/* in connect() or sendmsg(): no peel-off */
	u8 *cookie;			/* from the INIT ACK, echoed back */
	u16 cookie_len;
	u16 cookie_error_len;		/* an ERROR after the cookie, to bundle */
	struct xsctp_assoc_cfg cfg;

	struct xsctp_outq out;		/* DATA we send */
	struct xsctp_inq in;		/* DATA we receive */
};

/* The association-id space is global and cyclic, as in Linux: >= 3. */
u32 xsctp_random_tag(void);
struct xsctp_assoc *xsctp_assoc_by_id(struct sock *sk, sctp_assoc_t id);
int xsctp_assoc_set_id(struct xsctp_assoc *asoc, gfp_t gfp);
struct xsctp_assoc *xsctp_assoc_alloc(struct sock *sk,
				      const struct xsctp_assoc_cfg *cfg,
				      gfp_t gfp);
void xsctp_assoc_hold(struct xsctp_assoc *asoc);
void xsctp_assoc_put(struct xsctp_assoc *asoc);
struct xsctp_path *xsctp_assoc_add_path(struct xsctp_assoc *asoc,
					const union xsctp_addr *addr,
					u16 state, gfp_t gfp);
struct xsctp_path *xsctp_assoc_find_path(struct xsctp_assoc *asoc,
					 const union xsctp_addr *addr);
void xsctp_assoc_remove_path(struct xsctp_assoc *asoc,
			     struct xsctp_path *path);
void xsctp_assoc_unlink(struct xsctp_assoc *asoc);
int xsctp_assoc_data_start(struct xsctp_assoc *asoc);
void xsctp_assoc_ids_exit(void);

/* timer.c */
void xsctp_t1_fired(struct timer_list *t);
void xsctp_set_t1(struct xsctp_assoc *asoc, u32 ms);
void xsctp_t5_fired(struct timer_list *t);
void xsctp_set_t5(struct xsctp_assoc *asoc, u32 ms);
void xsctp_stagger_fired(struct timer_list *t);
void xsctp_run_locked(struct xsctp_assoc *asoc, struct timer_list *t,
		      void (*expired)(struct xsctp_assoc *asoc));
void xsctp_set_stagger(struct xsctp_assoc *asoc, u32 ms);
void xsctp_stagger_hurry(struct xsctp_assoc *asoc);
void xsctp_autoclose_fired(struct timer_list *t);
void xsctp_set_autoclose(struct xsctp_assoc *asoc, u32 s);
void xsctp_assoc_stop_timers(struct xsctp_assoc *asoc);

/* effects.c: the effects of associations that live on sockets */
extern const struct xsctp_effects xsctp_real_effects;

#endif /* _NET_XSCTP_ASSOC_H */
