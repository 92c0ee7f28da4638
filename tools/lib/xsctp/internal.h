/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* What the files of libxsctp share; nothing here is exported. */
#ifndef XSCTP_LIB_INTERNAL_H
#define XSCTP_LIB_INTERNAL_H

#include <sys/socket.h>
#include <linux/xsctp.h>

int xsctp_addrs_len(const struct sockaddr *addrs, int addrcnt, int max_addrs);

int xsctp_connectx_v1(int sd, struct sockaddr *addrs, int addrcnt);
int xsctp_connectx_v2(int sd, struct sockaddr *addrs, int addrcnt,
		      sctp_assoc_t *id);
int xsctp_connectx_v3(int sd, struct sockaddr *addrs, int addrcnt,
		      sctp_assoc_t *id);

#endif /* XSCTP_LIB_INTERNAL_H */
