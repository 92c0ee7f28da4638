/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * libxsctp: the address-list calls of the SCTP sockets API, with the
 * prototypes of lksctp's <netinet/sctp.h> and the ABI of Debian's
 * libsctp.so.1 (symbol versions VERS_1, VERS_2, VERS_3). Including this
 * next to <netinet/sctp.h> is fine: the declarations are the same.
 *
 * Documentation/shim.rst says how it differs from libsctp.
 */
#ifndef XSCTP_LIB_H
#define XSCTP_LIB_H

#include <sys/socket.h>
#include <linux/xsctp.h>

#ifdef __cplusplus
extern "C" {
#endif

int sctp_bindx(int sd, struct sockaddr *addrs, int addrcnt, int flags);
int sctp_connectx(int sd, struct sockaddr *addrs, int addrcnt,
		  sctp_assoc_t *id);
int sctp_opt_info(int sd, sctp_assoc_t id, int opt, void *arg,
		  socklen_t *size);
int sctp_getpaddrs(int sd, sctp_assoc_t id, struct sockaddr **addrs);
int sctp_freepaddrs(struct sockaddr *addrs);
int sctp_getladdrs(int sd, sctp_assoc_t id, struct sockaddr **addrs);
int sctp_freeladdrs(struct sockaddr *addrs);
int sctp_getaddrlen(sa_family_t family);

#ifdef __cplusplus
}
#endif

#endif /* XSCTP_LIB_H */
