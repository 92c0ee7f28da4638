/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * xsctp user API: the part of Linux's SCTP socket ABI (<linux/sctp.h>)
 * that xsctp implements, with the same names, numbers and layouts, so
 * programs built against either header (or against lksctp's
 * <netinet/sctp.h>) run on xsctp unchanged.
 *
 * Sockets: socket(AF_INET or AF_INET6, SOCK_SEQPACKET (one-to-many) or
 * SOCK_STREAM (one-to-one), IPPROTO_SCTP). Options live at level
 * SOL_SCTP (= IPPROTO_SCTP = 132); an option xsctp does not implement
 * fails with ENOPROTOOPT, as on Linux.
 *
 * Living next to Linux's header. This file needs no libc: addresses are
 * struct __kernel_sockaddr_storage (same size, 128, and alignment as
 * libc's struct sockaddr_storage). Either include order works:
 *
 * - <linux/sctp.h> (or <netinet/sctp.h>, which includes it) first: its
 *   definitions are used and this file adds only xsctp's own names below.
 * - this file first: it defines _SCTP_H, the include guard of Linux's
 *   header, so a later <linux/sctp.h> is skipped and the names here are
 *   the only ones. They cover everything <netinet/sctp.h> itself needs;
 *   a program that uses Linux names missing here must include
 *   <netinet/sctp.h> or <linux/sctp.h> first.
 *
 * Grows with each implemented feature; Documentation/ lists what is
 * implemented and where xsctp deliberately differs from Linux.
 */
#ifndef _UAPI_LINUX_XSCTP_H
#define _UAPI_LINUX_XSCTP_H

#include <linux/types.h>
#include <linux/socket.h>

#ifndef SOL_SCTP
#define SOL_SCTP 132
#endif

/*
 * xsctp's own addition: the most addresses one sctp_connectx() list (and
 * SCTP_SOCKOPT_CONNECTX_OLD, _CONNECTX, _CONNECTX3) may hold. A longer
 * list fails with E2BIG, in the kernel and in tools/lib/xsctp; Linux
 * instead cuts the buffer silently at 135168 bytes.
 */
#define XSCTP_CONNECTX_MAX_ADDRS 32

#ifndef _SCTP_H
#define _SCTP_H

/* An association id. Real ids are >= 3; these three are sentinels. */
typedef __s32 sctp_assoc_t;

#define SCTP_FUTURE_ASSOC	0	/* settings for associations to come */
#define SCTP_CURRENT_ASSOC	1	/* every existing association */
#define SCTP_ALL_ASSOC		2	/* both */

/* Socket options at level SOL_SCTP. */
#define SCTP_RTOINFO			0	/* struct sctp_rtoinfo */
#define SCTP_ASSOCINFO			1	/* struct sctp_assocparams */
#define SCTP_INITMSG			2	/* struct sctp_initmsg */
#define SCTP_NODELAY			3	/* int */
#define SCTP_AUTOCLOSE			4	/* int, one-to-many only */
#define SCTP_SET_PEER_PRIMARY_ADDR	5
#define SCTP_PRIMARY_ADDR		6
#define SCTP_ADAPTATION_LAYER		7
#define SCTP_DISABLE_FRAGMENTS		8
#define SCTP_PEER_ADDR_PARAMS		9
#define SCTP_DEFAULT_SEND_PARAM		10
#define SCTP_EVENTS			11	/* struct sctp_event_subscribe */
#define SCTP_I_WANT_MAPPED_V4_ADDR	12	/* int, default 1 */
#define SCTP_MAXSEG			13
#define SCTP_STATUS			14	/* get: struct sctp_status */
#define SCTP_GET_PEER_ADDR_INFO		15	/* get: struct sctp_paddrinfo */
#define SCTP_DELAYED_ACK_TIME		16
#define SCTP_DELAYED_ACK		SCTP_DELAYED_ACK_TIME
#define SCTP_DELAYED_SACK		SCTP_DELAYED_ACK_TIME
#define SCTP_CONTEXT			17
#define SCTP_FRAGMENT_INTERLEAVE	18
#define SCTP_PARTIAL_DELIVERY_POINT	19
#define SCTP_MAX_BURST			20
#define SCTP_AUTH_CHUNK			21
#define SCTP_HMAC_IDENT			22
#define SCTP_AUTH_KEY			23
#define SCTP_AUTH_ACTIVE_KEY		24
#define SCTP_AUTH_DELETE_KEY		25
#define SCTP_PEER_AUTH_CHUNKS		26
#define SCTP_LOCAL_AUTH_CHUNKS		27
#define SCTP_GET_ASSOC_NUMBER		28
#define SCTP_GET_ASSOC_ID_LIST		29
#define SCTP_AUTO_ASCONF		30
#define SCTP_PEER_ADDR_THLDS		31
#define SCTP_RECVRCVINFO		32
#define SCTP_RECVNXTINFO		33
#define SCTP_DEFAULT_SNDINFO		34
#define SCTP_AUTH_DEACTIVATE_KEY	35
#define SCTP_REUSE_PORT			36
#define SCTP_PEER_ADDR_THLDS_V2		37

/*
 * Options behind the library calls. The argument of 100, 101, 107 and 110
 * is a packed list of struct sockaddr_in / sockaddr_in6 whose byte length
 * is optlen. 103 is unused and 104-106 are retired.
 */
#define SCTP_SOCKOPT_BINDX_ADD		100	/* set: add local addresses */
#define SCTP_SOCKOPT_BINDX_REM		101	/* set: remove local addresses */
#define SCTP_SOCKOPT_PEELOFF		102	/* get: sctp_peeloff_arg_t */
#define SCTP_SOCKOPT_CONNECTX_OLD	107	/* set: returns 0 */
#define SCTP_GET_PEER_ADDRS		108	/* get: struct sctp_getaddrs */
#define SCTP_GET_LOCAL_ADDRS		109	/* get: struct sctp_getaddrs */
#define SCTP_SOCKOPT_CONNECTX		110	/* set: returns the assoc id */
#define SCTP_SOCKOPT_CONNECTX3		111	/* get: struct sctp_getaddrs_old */
#define SCTP_GET_ASSOC_STATS		112
#define SCTP_PR_SUPPORTED		113
#define SCTP_DEFAULT_PRINFO		114
#define SCTP_PR_ASSOC_STATUS		115
#define SCTP_PR_STREAM_STATUS		116
#define SCTP_RECONFIG_SUPPORTED		117
#define SCTP_ENABLE_STREAM_RESET	118
#define SCTP_RESET_STREAMS		119
#define SCTP_RESET_ASSOC		120
#define SCTP_ADD_STREAMS		121
#define SCTP_SOCKOPT_PEELOFF_FLAGS	122	/* get: sctp_peeloff_flags_arg_t */
#define SCTP_STREAM_SCHEDULER		123
#define SCTP_STREAM_SCHEDULER_VALUE	124
#define SCTP_INTERLEAVING_SUPPORTED	125
#define SCTP_SENDMSG_CONNECT		126	/* not an option: an LSM hook id */
#define SCTP_EVENT			127	/* struct sctp_event */

/* The flags argument of sctp_bindx(). */
#define SCTP_BINDX_ADD_ADDR	0x01
#define SCTP_BINDX_REM_ADDR	0x02

/* SCTP_INITMSG, and the SCTP_INIT cmsg. Zero fields keep their value. */
struct sctp_initmsg {
	__u16 sinit_num_ostreams;
	__u16 sinit_max_instreams;
	__u16 sinit_max_attempts;
	__u16 sinit_max_init_timeo;	/* milliseconds */
};

/* SCTP_RTOINFO; times in milliseconds. */
struct sctp_rtoinfo {
	sctp_assoc_t srto_assoc_id;
	__u32 srto_initial;
	__u32 srto_max;
	__u32 srto_min;
};

/* SCTP_ASSOCINFO */
struct sctp_assocparams {
	sctp_assoc_t sasoc_assoc_id;
	__u16 sasoc_asocmaxrxt;
	__u16 sasoc_number_peer_destinations;
	__u32 sasoc_peer_rwnd;
	__u32 sasoc_local_rwnd;
	__u32 sasoc_cookie_life;	/* milliseconds */
};

/* The value of options that take an association and one number. */
struct sctp_assoc_value {
	sctp_assoc_t assoc_id;
	__u32 assoc_value;
};

/* SCTP_GET_PEER_ADDR_INFO, and the primary path in struct sctp_status. */
struct sctp_paddrinfo {
	sctp_assoc_t spinfo_assoc_id;
	struct __kernel_sockaddr_storage spinfo_address;
	__s32 spinfo_state;		/* enum sctp_spinfo_state */
	__u32 spinfo_cwnd;
	__u32 spinfo_srtt;
	__u32 spinfo_rto;
	__u32 spinfo_mtu;
} __attribute__((packed, aligned(4)));

/*
 * Path states. A connectx address is UNKNOWN until the INIT ACK confirms
 * or drops it (reported as ACTIVE); an address learned from the peer is
 * UNCONFIRMED until a heartbeat answers.
 */
enum sctp_spinfo_state {
	SCTP_INACTIVE,
	SCTP_PF,
	SCTP_ACTIVE,
	SCTP_UNCONFIRMED,
	SCTP_UNKNOWN = 0xffff
};

#define SCTP_POTENTIALLY_FAILED	SCTP_PF

/* SCTP_STATUS */
struct sctp_status {
	sctp_assoc_t sstat_assoc_id;
	__s32 sstat_state;		/* enum sctp_sstat_state */
	__u32 sstat_rwnd;
	__u16 sstat_unackdata;
	__u16 sstat_penddata;
	__u16 sstat_instrms;
	__u16 sstat_outstrms;
	__u32 sstat_fragmentation_point;
	struct sctp_paddrinfo sstat_primary;
};

/* Association states as SCTP_STATUS reports them. */
enum sctp_sstat_state {
	SCTP_EMPTY = 0,
	SCTP_CLOSED = 1,
	SCTP_COOKIE_WAIT = 2,
	SCTP_COOKIE_ECHOED = 3,
	SCTP_ESTABLISHED = 4,
	SCTP_SHUTDOWN_PENDING = 5,
	SCTP_SHUTDOWN_SENT = 6,
	SCTP_SHUTDOWN_RECEIVED = 7,
	SCTP_SHUTDOWN_ACK_SENT = 8
};

/*
 * SCTP_EVENTS: byte i turns on notification type SCTP_SN_TYPE_BASE + i.
 * A shorter optlen sets only the leading bytes.
 */
struct sctp_event_subscribe {
	__u8 sctp_data_io_event;
	__u8 sctp_association_event;
	__u8 sctp_address_event;
	__u8 sctp_send_failure_event;
	__u8 sctp_peer_error_event;
	__u8 sctp_shutdown_event;
	__u8 sctp_partial_delivery_event;
	__u8 sctp_adaptation_layer_event;
	__u8 sctp_authentication_event;
	__u8 sctp_sender_dry_event;
	__u8 sctp_stream_reset_event;
	__u8 sctp_assoc_reset_event;
	__u8 sctp_stream_change_event;
	__u8 sctp_send_failure_event_event;
};

/* SCTP_EVENT: one notification type on or off. */
struct sctp_event {
	sctp_assoc_t se_assoc_id;
	__u16 se_type;
	__u8 se_on;
};

/*
 * SCTP_GET_PEER_ADDRS, SCTP_GET_LOCAL_ADDRS: the packed addresses follow
 * the header; addr_num returns their count.
 */
__extension__ struct sctp_getaddrs {
	sctp_assoc_t assoc_id;
	__u32 addr_num;
	__u8 addrs[];
};

/*
 * SCTP_SOCKOPT_CONNECTX3: addr_num is the byte length of the list at
 * addrs. On success and on EINPROGRESS the kernel writes the association
 * id over the first 4 bytes and sets optlen to 4.
 */
struct sctp_getaddrs_old {
	sctp_assoc_t assoc_id;
	int addr_num;
	struct sockaddr *addrs;
};

/* SCTP_SOCKOPT_PEELOFF and _PEELOFF_FLAGS; sd returns the new socket. */
typedef struct {
	sctp_assoc_t associd;
	int sd;
} sctp_peeloff_arg_t;

typedef struct {
	sctp_peeloff_arg_t p_arg;
	unsigned int flags;		/* SOCK_CLOEXEC, SOCK_NONBLOCK */
} sctp_peeloff_flags_arg_t;

/* msg_flags of a recvmsg() that returned a notification. */
#ifndef MSG_NOTIFICATION
#define MSG_NOTIFICATION 0x8000
#endif

/* Notifications: the type of their first 2 bytes. */
enum sctp_sn_type {
	SCTP_SN_TYPE_BASE = 0x8000,
	SCTP_DATA_IO_EVENT = SCTP_SN_TYPE_BASE,
	SCTP_ASSOC_CHANGE,
	SCTP_PEER_ADDR_CHANGE,
	SCTP_SEND_FAILED,
	SCTP_REMOTE_ERROR,
	SCTP_SHUTDOWN_EVENT,
	SCTP_PARTIAL_DELIVERY_EVENT,
	SCTP_ADAPTATION_INDICATION,
	SCTP_AUTHENTICATION_EVENT,
	SCTP_SENDER_DRY_EVENT,
	SCTP_STREAM_RESET_EVENT,
	SCTP_ASSOC_RESET_EVENT,
	SCTP_STREAM_CHANGE_EVENT,
	SCTP_SEND_FAILED_EVENT,
	SCTP_SN_TYPE_MAX = SCTP_SEND_FAILED_EVENT
};

#define SCTP_AUTHENTICATION_INDICATION	SCTP_AUTHENTICATION_EVENT

/*
 * SCTP_ASSOC_CHANGE. COMM_UP is exactly these 20 bytes; COMM_LOST and
 * CANT_STR_ASSOC after an ABORT carry its error causes in sac_info, and
 * sac_error then holds the first cause code as it was on the wire.
 */
__extension__ struct sctp_assoc_change {
	__u16 sac_type;
	__u16 sac_flags;
	__u32 sac_length;
	__u16 sac_state;		/* enum sctp_sac_state */
	__u16 sac_error;
	__u16 sac_outbound_streams;
	__u16 sac_inbound_streams;
	sctp_assoc_t sac_assoc_id;
	__u8 sac_info[];
};

enum sctp_sac_state {
	SCTP_COMM_UP,
	SCTP_COMM_LOST,
	SCTP_RESTART,
	SCTP_SHUTDOWN_COMP,
	SCTP_CANT_STR_ASSOC
};

/* SCTP_PEER_ADDR_CHANGE */
struct sctp_paddr_change {
	__u16 spc_type;
	__u16 spc_flags;
	__u32 spc_length;
	struct __kernel_sockaddr_storage spc_aaddr;
	int spc_state;			/* enum sctp_spc_state */
	int spc_error;
	sctp_assoc_t spc_assoc_id;
} __attribute__((packed, aligned(4)));

enum sctp_spc_state {
	SCTP_ADDR_AVAILABLE,
	SCTP_ADDR_UNREACHABLE,
	SCTP_ADDR_REMOVED,
	SCTP_ADDR_ADDED,
	SCTP_ADDR_MADE_PRIM,
	SCTP_ADDR_CONFIRMED,
	SCTP_ADDR_POTENTIALLY_FAILED
};

#define SCTP_ADDR_PF	SCTP_ADDR_POTENTIALLY_FAILED

/*
 * Ancillary data (cmsg level IPPROTO_SCTP). <netinet/sctp.h> needs these
 * structs, so they are here even where xsctp does not use them yet.
 */
enum sctp_cmsg_type {
	SCTP_INIT,		/* struct sctp_initmsg */
#define SCTP_INIT	SCTP_INIT
	SCTP_SNDRCV,		/* struct sctp_sndrcvinfo */
#define SCTP_SNDRCV	SCTP_SNDRCV
	SCTP_SNDINFO,		/* struct sctp_sndinfo */
#define SCTP_SNDINFO	SCTP_SNDINFO
	SCTP_RCVINFO,		/* struct sctp_rcvinfo */
#define SCTP_RCVINFO	SCTP_RCVINFO
	SCTP_NXTINFO,		/* struct sctp_nxtinfo */
#define SCTP_NXTINFO	SCTP_NXTINFO
	SCTP_PRINFO,		/* struct sctp_prinfo */
#define SCTP_PRINFO	SCTP_PRINFO
	SCTP_AUTHINFO,		/* struct sctp_authinfo */
#define SCTP_AUTHINFO	SCTP_AUTHINFO
	SCTP_DSTADDRV4,		/* struct in_addr */
#define SCTP_DSTADDRV4	SCTP_DSTADDRV4
	SCTP_DSTADDRV6		/* struct in6_addr */
#define SCTP_DSTADDRV6	SCTP_DSTADDRV6
};

typedef enum sctp_cmsg_type sctp_cmsg_t;

struct sctp_sndrcvinfo {
	__u16 sinfo_stream;
	__u16 sinfo_ssn;
	__u16 sinfo_flags;
	__u32 sinfo_ppid;
	__u32 sinfo_context;
	__u32 sinfo_timetolive;
	__u32 sinfo_tsn;
	__u32 sinfo_cumtsn;
	sctp_assoc_t sinfo_assoc_id;
};

struct sctp_sndinfo {
	__u16 snd_sid;
	__u16 snd_flags;
	__u32 snd_ppid;
	__u32 snd_context;
	sctp_assoc_t snd_assoc_id;
};

struct sctp_rcvinfo {
	__u16 rcv_sid;
	__u16 rcv_ssn;
	__u16 rcv_flags;
	__u32 rcv_ppid;
	__u32 rcv_tsn;
	__u32 rcv_cumtsn;
	__u32 rcv_context;
	sctp_assoc_t rcv_assoc_id;
};

struct sctp_nxtinfo {
	__u16 nxt_sid;
	__u16 nxt_flags;
	__u32 nxt_ppid;
	__u32 nxt_length;
	sctp_assoc_t nxt_assoc_id;
};

struct sctp_prinfo {
	__u16 pr_policy;
	__u32 pr_value;
};

struct sctp_authinfo {
	__u16 auth_keynumber;
};

/* sinfo_flags, snd_flags */
enum sctp_sinfo_flags {
	SCTP_UNORDERED = 0x0001,
	SCTP_ADDR_OVER = 0x0002,
	SCTP_ABORT = 0x0004,
	SCTP_SACK_IMMEDIATELY = 0x0008,
	SCTP_SENDALL = 0x0040,
	SCTP_PR_SCTP_ALL = 0x0080,
	SCTP_NOTIFICATION = MSG_NOTIFICATION,
	SCTP_EOF = 0x0200		/* MSG_FIN */
};

#endif /* _SCTP_H */

#endif /* _UAPI_LINUX_XSCTP_H */
