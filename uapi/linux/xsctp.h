/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * xsctp user API: the part of Linux's SCTP socket ABI (<linux/sctp.h>)
 * that xsctp implements, with the same numbers and layouts, so programs
 * built against either header (or against lksctp's <netinet/sctp.h>) run
 * on xsctp unchanged.
 *
 * Sockets: socket(AF_INET or AF_INET6, SOCK_SEQPACKET (one-to-many) or
 * SOCK_STREAM (one-to-one), IPPROTO_SCTP). Options live at level
 * SOL_SCTP (= IPPROTO_SCTP = 132); an option xsctp does not implement
 * fails with ENOPROTOOPT, as on Linux.
 *
 * Grows with each implemented feature; Documentation/ lists what is
 * implemented and where xsctp deliberately differs from Linux.
 */
#ifndef _UAPI_LINUX_XSCTP_H
#define _UAPI_LINUX_XSCTP_H

#include <linux/types.h>

#ifndef SOL_SCTP
#define SOL_SCTP 132
#endif

/* An association id. Real ids are >= 3; these three are sentinels. */
typedef __s32 sctp_assoc_t;

enum sctp_assoc_sentinel {
	SCTP_FUTURE_ASSOC = 0,	/* settings for associations yet to come */
	SCTP_CURRENT_ASSOC = 1,	/* every existing association */
	SCTP_ALL_ASSOC = 2	/* both */
};

/*
 * Private option numbers of the sctp_bindx()/sctp_connectx() library
 * calls. The argument of 100, 101, 107 and 110 is a packed list of
 * struct sockaddr_in / sockaddr_in6 whose byte length is optlen.
 */
#define SCTP_SOCKOPT_BINDX_ADD		100	/* set: add local addresses */
#define SCTP_SOCKOPT_BINDX_REM		101	/* set: remove local addresses */
#define SCTP_SOCKOPT_PEELOFF		102	/* get: returns the new fd */
#define SCTP_SOCKOPT_CONNECTX_OLD	107	/* set: returns 0 */
#define SCTP_SOCKOPT_CONNECTX		110	/* set: returns the assoc id */
#define SCTP_SOCKOPT_CONNECTX3		111	/* get: struct sctp_getaddrs_old */

/*
 * Argument of SCTP_SOCKOPT_CONNECTX3: addr_num is the byte length of the
 * list at addrs. On success and on EINPROGRESS the kernel writes the
 * association id over the first 4 bytes and sets optlen to 4.
 */
struct sctp_getaddrs_old {
	sctp_assoc_t assoc_id;
	int addr_num;
	struct sockaddr *addrs;
};

#endif /* _UAPI_LINUX_XSCTP_H */
