// SPDX-License-Identifier: GPL-2.0
/*
 * Compile-time proof that uapi/linux/xsctp.h has Linux's SCTP ABI: every
 * size, offset and number below is from the ABI reference (x86_64, Linux
 * 6.12 uapi). Built twice by tests/run.sh: once against <linux/xsctp.h>
 * alone and once with -DAGAINST_LINUX against Linux's own <linux/sctp.h>
 * (through lksctp's <netinet/sctp.h>),
 * so both headers meet the same numbers and the same member names. Any
 * difference is a compile error; nothing here runs.
 */
#include <assert.h>
#include <stdalign.h>
#include <stddef.h>
#ifdef AGAINST_LINUX
#include <netinet/sctp.h>	/* <linux/sctp.h>, plus SOL_SCTP */
#else
#include <linux/xsctp.h>
#endif

#define SIZE(type, n) \
	static_assert(sizeof(type) == (n), "sizeof(" #type ") != " #n)
#define ALIGN(type, n) \
	static_assert(alignof(type) == (n), "alignof(" #type ") != " #n)
#define OFF(type, member, off) \
	static_assert(offsetof(type, member) == (off), \
		      #type "." #member " is not at " #off)
#define LEN(type, member, n) \
	static_assert(sizeof((*(type *)0).member) == (n), \
		      "sizeof(" #type "." #member ") != " #n)
#define IS(name, value) \
	static_assert((name) == (value), #name " != " #value)

SIZE(sctp_assoc_t, 4);
static_assert((sctp_assoc_t)-1 < 0, "sctp_assoc_t is signed");
IS(SOL_SCTP, 132);
IS(SCTP_FUTURE_ASSOC, 0);
IS(SCTP_CURRENT_ASSOC, 1);
IS(SCTP_ALL_ASSOC, 2);

/* Options 0-37 */
IS(SCTP_RTOINFO, 0);
IS(SCTP_ASSOCINFO, 1);
IS(SCTP_INITMSG, 2);
IS(SCTP_NODELAY, 3);
IS(SCTP_AUTOCLOSE, 4);
IS(SCTP_SET_PEER_PRIMARY_ADDR, 5);
IS(SCTP_PRIMARY_ADDR, 6);
IS(SCTP_ADAPTATION_LAYER, 7);
IS(SCTP_DISABLE_FRAGMENTS, 8);
IS(SCTP_PEER_ADDR_PARAMS, 9);
IS(SCTP_DEFAULT_SEND_PARAM, 10);
IS(SCTP_EVENTS, 11);
IS(SCTP_I_WANT_MAPPED_V4_ADDR, 12);
IS(SCTP_MAXSEG, 13);
IS(SCTP_STATUS, 14);
IS(SCTP_GET_PEER_ADDR_INFO, 15);
IS(SCTP_DELAYED_ACK_TIME, 16);
IS(SCTP_DELAYED_ACK, 16);
IS(SCTP_DELAYED_SACK, 16);
IS(SCTP_CONTEXT, 17);
IS(SCTP_FRAGMENT_INTERLEAVE, 18);
IS(SCTP_PARTIAL_DELIVERY_POINT, 19);
IS(SCTP_MAX_BURST, 20);
IS(SCTP_AUTH_CHUNK, 21);
IS(SCTP_HMAC_IDENT, 22);
IS(SCTP_AUTH_KEY, 23);
IS(SCTP_AUTH_ACTIVE_KEY, 24);
IS(SCTP_AUTH_DELETE_KEY, 25);
IS(SCTP_PEER_AUTH_CHUNKS, 26);
IS(SCTP_LOCAL_AUTH_CHUNKS, 27);
IS(SCTP_GET_ASSOC_NUMBER, 28);
IS(SCTP_GET_ASSOC_ID_LIST, 29);
IS(SCTP_AUTO_ASCONF, 30);
IS(SCTP_PEER_ADDR_THLDS, 31);
IS(SCTP_RECVRCVINFO, 32);
IS(SCTP_RECVNXTINFO, 33);
IS(SCTP_DEFAULT_SNDINFO, 34);
IS(SCTP_AUTH_DEACTIVATE_KEY, 35);
IS(SCTP_REUSE_PORT, 36);
IS(SCTP_PEER_ADDR_THLDS_V2, 37);

/* Options 100-127 */
IS(SCTP_SOCKOPT_BINDX_ADD, 100);
IS(SCTP_SOCKOPT_BINDX_REM, 101);
IS(SCTP_SOCKOPT_PEELOFF, 102);
IS(SCTP_SOCKOPT_CONNECTX_OLD, 107);
IS(SCTP_GET_PEER_ADDRS, 108);
IS(SCTP_GET_LOCAL_ADDRS, 109);
IS(SCTP_SOCKOPT_CONNECTX, 110);
IS(SCTP_SOCKOPT_CONNECTX3, 111);
IS(SCTP_GET_ASSOC_STATS, 112);
IS(SCTP_PR_SUPPORTED, 113);
IS(SCTP_DEFAULT_PRINFO, 114);
IS(SCTP_PR_ASSOC_STATUS, 115);
IS(SCTP_PR_STREAM_STATUS, 116);
IS(SCTP_RECONFIG_SUPPORTED, 117);
IS(SCTP_ENABLE_STREAM_RESET, 118);
IS(SCTP_RESET_STREAMS, 119);
IS(SCTP_RESET_ASSOC, 120);
IS(SCTP_ADD_STREAMS, 121);
IS(SCTP_SOCKOPT_PEELOFF_FLAGS, 122);
IS(SCTP_STREAM_SCHEDULER, 123);
IS(SCTP_STREAM_SCHEDULER_VALUE, 124);
IS(SCTP_INTERLEAVING_SUPPORTED, 125);
IS(SCTP_SENDMSG_CONNECT, 126);
IS(SCTP_EVENT, 127);
IS(SCTP_BINDX_ADD_ADDR, 1);
IS(SCTP_BINDX_REM_ADDR, 2);

/* Enumerations (ABI reference 1.4) */
IS(SCTP_EMPTY, 0);
IS(SCTP_CLOSED, 1);
IS(SCTP_COOKIE_WAIT, 2);
IS(SCTP_COOKIE_ECHOED, 3);
IS(SCTP_ESTABLISHED, 4);
IS(SCTP_SHUTDOWN_PENDING, 5);
IS(SCTP_SHUTDOWN_SENT, 6);
IS(SCTP_SHUTDOWN_RECEIVED, 7);
IS(SCTP_SHUTDOWN_ACK_SENT, 8);
IS(SCTP_INACTIVE, 0);
IS(SCTP_PF, 1);
IS(SCTP_POTENTIALLY_FAILED, 1);
IS(SCTP_ACTIVE, 2);
IS(SCTP_UNCONFIRMED, 3);
IS(SCTP_UNKNOWN, 0xffff);
IS(SCTP_COMM_UP, 0);
IS(SCTP_COMM_LOST, 1);
IS(SCTP_RESTART, 2);
IS(SCTP_SHUTDOWN_COMP, 3);
IS(SCTP_CANT_STR_ASSOC, 4);
IS(SCTP_ADDR_AVAILABLE, 0);
IS(SCTP_ADDR_UNREACHABLE, 1);
IS(SCTP_ADDR_REMOVED, 2);
IS(SCTP_ADDR_ADDED, 3);
IS(SCTP_ADDR_MADE_PRIM, 4);
IS(SCTP_ADDR_CONFIRMED, 5);
IS(SCTP_ADDR_POTENTIALLY_FAILED, 6);
IS(SCTP_ADDR_PF, 6);
IS(SCTP_SN_TYPE_BASE, 0x8000);
IS(SCTP_DATA_IO_EVENT, 0x8000);
IS(SCTP_ASSOC_CHANGE, 0x8001);
IS(SCTP_PEER_ADDR_CHANGE, 0x8002);
IS(SCTP_SEND_FAILED, 0x8003);
IS(SCTP_REMOTE_ERROR, 0x8004);
IS(SCTP_SHUTDOWN_EVENT, 0x8005);
IS(SCTP_PARTIAL_DELIVERY_EVENT, 0x8006);
IS(SCTP_ADAPTATION_INDICATION, 0x8007);
IS(SCTP_AUTHENTICATION_EVENT, 0x8008);
IS(SCTP_AUTHENTICATION_INDICATION, 0x8008);
IS(SCTP_SENDER_DRY_EVENT, 0x8009);
IS(SCTP_STREAM_RESET_EVENT, 0x800a);
IS(SCTP_ASSOC_RESET_EVENT, 0x800b);
IS(SCTP_STREAM_CHANGE_EVENT, 0x800c);
IS(SCTP_SEND_FAILED_EVENT, 0x800d);
IS(SCTP_SN_TYPE_MAX, 0x800d);
IS(MSG_NOTIFICATION, 0x8000);
IS(SCTP_UNORDERED, 1);
IS(SCTP_ADDR_OVER, 2);
IS(SCTP_ABORT, 4);
IS(SCTP_SACK_IMMEDIATELY, 8);
IS(SCTP_SENDALL, 0x40);
IS(SCTP_PR_SCTP_ALL, 0x80);
IS(SCTP_NOTIFICATION, 0x8000);
IS(SCTP_EOF, 0x200);
IS(SCTP_INIT, 0);
IS(SCTP_SNDRCV, 1);
IS(SCTP_SNDINFO, 2);
IS(SCTP_RCVINFO, 3);
IS(SCTP_NXTINFO, 4);
IS(SCTP_PRINFO, 5);
IS(SCTP_AUTHINFO, 6);
IS(SCTP_DSTADDRV4, 7);
IS(SCTP_DSTADDRV6, 8);

/* Struct layouts (ABI reference 1.3) */
SIZE(struct sctp_initmsg, 8);
ALIGN(struct sctp_initmsg, 2);
OFF(struct sctp_initmsg, sinit_num_ostreams, 0);
LEN(struct sctp_initmsg, sinit_num_ostreams, 2);
OFF(struct sctp_initmsg, sinit_max_instreams, 2);
LEN(struct sctp_initmsg, sinit_max_instreams, 2);
OFF(struct sctp_initmsg, sinit_max_attempts, 4);
LEN(struct sctp_initmsg, sinit_max_attempts, 2);
OFF(struct sctp_initmsg, sinit_max_init_timeo, 6);
LEN(struct sctp_initmsg, sinit_max_init_timeo, 2);

SIZE(struct sctp_rtoinfo, 16);
OFF(struct sctp_rtoinfo, srto_assoc_id, 0);
LEN(struct sctp_rtoinfo, srto_assoc_id, 4);
OFF(struct sctp_rtoinfo, srto_initial, 4);
LEN(struct sctp_rtoinfo, srto_initial, 4);
OFF(struct sctp_rtoinfo, srto_max, 8);
LEN(struct sctp_rtoinfo, srto_max, 4);
OFF(struct sctp_rtoinfo, srto_min, 12);
LEN(struct sctp_rtoinfo, srto_min, 4);

SIZE(struct sctp_assocparams, 20);
OFF(struct sctp_assocparams, sasoc_assoc_id, 0);
LEN(struct sctp_assocparams, sasoc_assoc_id, 4);
OFF(struct sctp_assocparams, sasoc_asocmaxrxt, 4);
LEN(struct sctp_assocparams, sasoc_asocmaxrxt, 2);
OFF(struct sctp_assocparams, sasoc_number_peer_destinations, 6);
LEN(struct sctp_assocparams, sasoc_number_peer_destinations, 2);
OFF(struct sctp_assocparams, sasoc_peer_rwnd, 8);
LEN(struct sctp_assocparams, sasoc_peer_rwnd, 4);
OFF(struct sctp_assocparams, sasoc_local_rwnd, 12);
LEN(struct sctp_assocparams, sasoc_local_rwnd, 4);
OFF(struct sctp_assocparams, sasoc_cookie_life, 16);
LEN(struct sctp_assocparams, sasoc_cookie_life, 4);

SIZE(struct sctp_assoc_value, 8);
OFF(struct sctp_assoc_value, assoc_id, 0);
LEN(struct sctp_assoc_value, assoc_id, 4);
OFF(struct sctp_assoc_value, assoc_value, 4);
LEN(struct sctp_assoc_value, assoc_value, 4);

SIZE(struct sctp_paddrinfo, 152);
ALIGN(struct sctp_paddrinfo, 4);
OFF(struct sctp_paddrinfo, spinfo_assoc_id, 0);
LEN(struct sctp_paddrinfo, spinfo_assoc_id, 4);
OFF(struct sctp_paddrinfo, spinfo_address, 4);
LEN(struct sctp_paddrinfo, spinfo_address, 128);
OFF(struct sctp_paddrinfo, spinfo_state, 132);
LEN(struct sctp_paddrinfo, spinfo_state, 4);
OFF(struct sctp_paddrinfo, spinfo_cwnd, 136);
LEN(struct sctp_paddrinfo, spinfo_cwnd, 4);
OFF(struct sctp_paddrinfo, spinfo_srtt, 140);
LEN(struct sctp_paddrinfo, spinfo_srtt, 4);
OFF(struct sctp_paddrinfo, spinfo_rto, 144);
LEN(struct sctp_paddrinfo, spinfo_rto, 4);
OFF(struct sctp_paddrinfo, spinfo_mtu, 148);
LEN(struct sctp_paddrinfo, spinfo_mtu, 4);

SIZE(struct sctp_status, 176);
ALIGN(struct sctp_status, 4);
OFF(struct sctp_status, sstat_assoc_id, 0);
LEN(struct sctp_status, sstat_assoc_id, 4);
OFF(struct sctp_status, sstat_state, 4);
LEN(struct sctp_status, sstat_state, 4);
OFF(struct sctp_status, sstat_rwnd, 8);
LEN(struct sctp_status, sstat_rwnd, 4);
OFF(struct sctp_status, sstat_unackdata, 12);
LEN(struct sctp_status, sstat_unackdata, 2);
OFF(struct sctp_status, sstat_penddata, 14);
LEN(struct sctp_status, sstat_penddata, 2);
OFF(struct sctp_status, sstat_instrms, 16);
LEN(struct sctp_status, sstat_instrms, 2);
OFF(struct sctp_status, sstat_outstrms, 18);
LEN(struct sctp_status, sstat_outstrms, 2);
OFF(struct sctp_status, sstat_fragmentation_point, 20);
LEN(struct sctp_status, sstat_fragmentation_point, 4);
OFF(struct sctp_status, sstat_primary, 24);
LEN(struct sctp_status, sstat_primary, 152);

SIZE(struct sctp_event_subscribe, 14);
OFF(struct sctp_event_subscribe, sctp_data_io_event, 0);
LEN(struct sctp_event_subscribe, sctp_data_io_event, 1);
OFF(struct sctp_event_subscribe, sctp_association_event, 1);
LEN(struct sctp_event_subscribe, sctp_association_event, 1);
OFF(struct sctp_event_subscribe, sctp_address_event, 2);
LEN(struct sctp_event_subscribe, sctp_address_event, 1);
OFF(struct sctp_event_subscribe, sctp_send_failure_event, 3);
LEN(struct sctp_event_subscribe, sctp_send_failure_event, 1);
OFF(struct sctp_event_subscribe, sctp_peer_error_event, 4);
LEN(struct sctp_event_subscribe, sctp_peer_error_event, 1);
OFF(struct sctp_event_subscribe, sctp_shutdown_event, 5);
LEN(struct sctp_event_subscribe, sctp_shutdown_event, 1);
OFF(struct sctp_event_subscribe, sctp_partial_delivery_event, 6);
LEN(struct sctp_event_subscribe, sctp_partial_delivery_event, 1);
OFF(struct sctp_event_subscribe, sctp_adaptation_layer_event, 7);
LEN(struct sctp_event_subscribe, sctp_adaptation_layer_event, 1);
OFF(struct sctp_event_subscribe, sctp_authentication_event, 8);
LEN(struct sctp_event_subscribe, sctp_authentication_event, 1);
OFF(struct sctp_event_subscribe, sctp_sender_dry_event, 9);
LEN(struct sctp_event_subscribe, sctp_sender_dry_event, 1);
OFF(struct sctp_event_subscribe, sctp_stream_reset_event, 10);
LEN(struct sctp_event_subscribe, sctp_stream_reset_event, 1);
OFF(struct sctp_event_subscribe, sctp_assoc_reset_event, 11);
LEN(struct sctp_event_subscribe, sctp_assoc_reset_event, 1);
OFF(struct sctp_event_subscribe, sctp_stream_change_event, 12);
LEN(struct sctp_event_subscribe, sctp_stream_change_event, 1);
OFF(struct sctp_event_subscribe, sctp_send_failure_event_event, 13);
LEN(struct sctp_event_subscribe, sctp_send_failure_event_event, 1);

SIZE(struct sctp_event, 8);
OFF(struct sctp_event, se_assoc_id, 0);
LEN(struct sctp_event, se_assoc_id, 4);
OFF(struct sctp_event, se_type, 4);
LEN(struct sctp_event, se_type, 2);
OFF(struct sctp_event, se_on, 6);
LEN(struct sctp_event, se_on, 1);

SIZE(struct sctp_getaddrs, 8);
OFF(struct sctp_getaddrs, assoc_id, 0);
LEN(struct sctp_getaddrs, assoc_id, 4);
OFF(struct sctp_getaddrs, addr_num, 4);
LEN(struct sctp_getaddrs, addr_num, 4);
static_assert(offsetof(struct sctp_getaddrs, addrs) == 8, "addrs at 8");

SIZE(struct sctp_getaddrs_old, 16);
ALIGN(struct sctp_getaddrs_old, 8);
OFF(struct sctp_getaddrs_old, assoc_id, 0);
LEN(struct sctp_getaddrs_old, assoc_id, 4);
OFF(struct sctp_getaddrs_old, addr_num, 4);
LEN(struct sctp_getaddrs_old, addr_num, 4);
OFF(struct sctp_getaddrs_old, addrs, 8);
LEN(struct sctp_getaddrs_old, addrs, 8);

SIZE(sctp_peeloff_arg_t, 8);
OFF(sctp_peeloff_arg_t, associd, 0);
LEN(sctp_peeloff_arg_t, associd, 4);
OFF(sctp_peeloff_arg_t, sd, 4);
LEN(sctp_peeloff_arg_t, sd, 4);
SIZE(sctp_peeloff_flags_arg_t, 12);
OFF(sctp_peeloff_flags_arg_t, flags, 8);
LEN(sctp_peeloff_flags_arg_t, flags, 4);

SIZE(struct sctp_assoc_change, 20);
OFF(struct sctp_assoc_change, sac_type, 0);
LEN(struct sctp_assoc_change, sac_type, 2);
OFF(struct sctp_assoc_change, sac_flags, 2);
LEN(struct sctp_assoc_change, sac_flags, 2);
OFF(struct sctp_assoc_change, sac_length, 4);
LEN(struct sctp_assoc_change, sac_length, 4);
OFF(struct sctp_assoc_change, sac_state, 8);
LEN(struct sctp_assoc_change, sac_state, 2);
OFF(struct sctp_assoc_change, sac_error, 10);
LEN(struct sctp_assoc_change, sac_error, 2);
OFF(struct sctp_assoc_change, sac_outbound_streams, 12);
LEN(struct sctp_assoc_change, sac_outbound_streams, 2);
OFF(struct sctp_assoc_change, sac_inbound_streams, 14);
LEN(struct sctp_assoc_change, sac_inbound_streams, 2);
OFF(struct sctp_assoc_change, sac_assoc_id, 16);
LEN(struct sctp_assoc_change, sac_assoc_id, 4);
static_assert(offsetof(struct sctp_assoc_change, sac_info) == 20, "info");

SIZE(struct sctp_paddr_change, 148);
ALIGN(struct sctp_paddr_change, 4);
OFF(struct sctp_paddr_change, spc_type, 0);
LEN(struct sctp_paddr_change, spc_type, 2);
OFF(struct sctp_paddr_change, spc_flags, 2);
LEN(struct sctp_paddr_change, spc_flags, 2);
OFF(struct sctp_paddr_change, spc_length, 4);
LEN(struct sctp_paddr_change, spc_length, 4);
OFF(struct sctp_paddr_change, spc_aaddr, 8);
LEN(struct sctp_paddr_change, spc_aaddr, 128);
OFF(struct sctp_paddr_change, spc_state, 136);
LEN(struct sctp_paddr_change, spc_state, 4);
OFF(struct sctp_paddr_change, spc_error, 140);
LEN(struct sctp_paddr_change, spc_error, 4);
OFF(struct sctp_paddr_change, spc_assoc_id, 144);
LEN(struct sctp_paddr_change, spc_assoc_id, 4);

SIZE(struct sctp_sndrcvinfo, 32);
OFF(struct sctp_sndrcvinfo, sinfo_stream, 0);
LEN(struct sctp_sndrcvinfo, sinfo_stream, 2);
OFF(struct sctp_sndrcvinfo, sinfo_ssn, 2);
LEN(struct sctp_sndrcvinfo, sinfo_ssn, 2);
OFF(struct sctp_sndrcvinfo, sinfo_flags, 4);
LEN(struct sctp_sndrcvinfo, sinfo_flags, 2);
OFF(struct sctp_sndrcvinfo, sinfo_ppid, 8);
LEN(struct sctp_sndrcvinfo, sinfo_ppid, 4);
OFF(struct sctp_sndrcvinfo, sinfo_context, 12);
LEN(struct sctp_sndrcvinfo, sinfo_context, 4);
OFF(struct sctp_sndrcvinfo, sinfo_timetolive, 16);
LEN(struct sctp_sndrcvinfo, sinfo_timetolive, 4);
OFF(struct sctp_sndrcvinfo, sinfo_tsn, 20);
LEN(struct sctp_sndrcvinfo, sinfo_tsn, 4);
OFF(struct sctp_sndrcvinfo, sinfo_cumtsn, 24);
LEN(struct sctp_sndrcvinfo, sinfo_cumtsn, 4);
OFF(struct sctp_sndrcvinfo, sinfo_assoc_id, 28);
LEN(struct sctp_sndrcvinfo, sinfo_assoc_id, 4);

SIZE(struct sctp_sndinfo, 16);
OFF(struct sctp_sndinfo, snd_sid, 0);
LEN(struct sctp_sndinfo, snd_sid, 2);
OFF(struct sctp_sndinfo, snd_flags, 2);
LEN(struct sctp_sndinfo, snd_flags, 2);
OFF(struct sctp_sndinfo, snd_ppid, 4);
LEN(struct sctp_sndinfo, snd_ppid, 4);
OFF(struct sctp_sndinfo, snd_context, 8);
LEN(struct sctp_sndinfo, snd_context, 4);
OFF(struct sctp_sndinfo, snd_assoc_id, 12);
LEN(struct sctp_sndinfo, snd_assoc_id, 4);

SIZE(struct sctp_rcvinfo, 28);
OFF(struct sctp_rcvinfo, rcv_sid, 0);
LEN(struct sctp_rcvinfo, rcv_sid, 2);
OFF(struct sctp_rcvinfo, rcv_ssn, 2);
LEN(struct sctp_rcvinfo, rcv_ssn, 2);
OFF(struct sctp_rcvinfo, rcv_flags, 4);
LEN(struct sctp_rcvinfo, rcv_flags, 2);
OFF(struct sctp_rcvinfo, rcv_ppid, 8);
LEN(struct sctp_rcvinfo, rcv_ppid, 4);
OFF(struct sctp_rcvinfo, rcv_tsn, 12);
LEN(struct sctp_rcvinfo, rcv_tsn, 4);
OFF(struct sctp_rcvinfo, rcv_cumtsn, 16);
LEN(struct sctp_rcvinfo, rcv_cumtsn, 4);
OFF(struct sctp_rcvinfo, rcv_context, 20);
LEN(struct sctp_rcvinfo, rcv_context, 4);
OFF(struct sctp_rcvinfo, rcv_assoc_id, 24);
LEN(struct sctp_rcvinfo, rcv_assoc_id, 4);

SIZE(struct sctp_nxtinfo, 16);
OFF(struct sctp_nxtinfo, nxt_sid, 0);
LEN(struct sctp_nxtinfo, nxt_sid, 2);
OFF(struct sctp_nxtinfo, nxt_flags, 2);
LEN(struct sctp_nxtinfo, nxt_flags, 2);
OFF(struct sctp_nxtinfo, nxt_ppid, 4);
LEN(struct sctp_nxtinfo, nxt_ppid, 4);
OFF(struct sctp_nxtinfo, nxt_length, 8);
LEN(struct sctp_nxtinfo, nxt_length, 4);
OFF(struct sctp_nxtinfo, nxt_assoc_id, 12);
LEN(struct sctp_nxtinfo, nxt_assoc_id, 4);

SIZE(struct sctp_prinfo, 8);
OFF(struct sctp_prinfo, pr_policy, 0);
LEN(struct sctp_prinfo, pr_policy, 2);
OFF(struct sctp_prinfo, pr_value, 4);
LEN(struct sctp_prinfo, pr_value, 4);

SIZE(struct sctp_authinfo, 2);
SIZE(sctp_cmsg_t, sizeof(int));
