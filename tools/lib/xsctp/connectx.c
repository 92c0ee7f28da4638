// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * sctp_connectx() in the three versions Debian's libsctp.so.1 exports,
 * so that a program linked against libsctp binds to the matching one:
 *
 *   VERS_1  (addrs, addrcnt): option 107, no association id.
 *   VERS_2  (..., id): option 110, whose return value is the id; 107 when
 *           the kernel lacks 110 and no id was asked for.
 *   VERS_3  (..., id), the default: option 111 (a getsockopt, so the id
 *           comes back on EINPROGRESS too); 110 and 107 when the kernel
 *           lacks 111.
 *
 * Unlike libsctp, errno is read only after a call has failed, so a stale
 * ENOPROTOOPT from earlier never turns a successful connect into a
 * second one.
 */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>

#include "xsctp.h"
#include "internal.h"

#define MAX_ADDRS XSCTP_CONNECTX_MAX_ADDRS

/*
 * The exported names, versioned like libsctp's (libxsctp.map); a plain
 * link binds sctp_connectx to VERS_3. The xsctp_connectx_v* names stay
 * local to the library.
 */
__asm__(".symver xsctp_connectx_v1, sctp_connectx@VERS_1");
__asm__(".symver xsctp_connectx_v2, sctp_connectx@VERS_2");
__asm__(".symver xsctp_connectx_v3, sctp_connectx@@VERS_3");

static int connectx_old(int sd, struct sockaddr *addrs, int len)
{
	return setsockopt(sd, SOL_SCTP, SCTP_SOCKOPT_CONNECTX_OLD, addrs, len);
}

static int connectx_id(int sd, struct sockaddr *addrs, int len,
		       sctp_assoc_t *id)
{
	int ret;

	if (id)
		*id = 0;
	ret = setsockopt(sd, SOL_SCTP, SCTP_SOCKOPT_CONNECTX, addrs, len);
	if (ret > 0) {
		if (id)
			*id = ret;
		return 0;
	}
	/*
	 * 0 would mean connected without an id (neither Linux nor xsctp
	 * answers that): do not connect a second time through 107.
	 */
	if (ret == 0 && !id)
		return 0;
	if (ret < 0 && errno != ENOPROTOOPT)
		return -1;
	/* 107 cannot tell the id that was asked for. */
	if (id) {
		errno = ENOPROTOOPT;
		return -1;
	}
	return connectx_old(sd, addrs, len);
}

int xsctp_connectx_v1(int sd, struct sockaddr *addrs, int addrcnt)
{
	int len = xsctp_addrs_len(addrs, addrcnt, MAX_ADDRS);

	if (len < 0)
		return -1;
	return connectx_old(sd, addrs, len);
}

int xsctp_connectx_v2(int sd, struct sockaddr *addrs, int addrcnt,
		      sctp_assoc_t *id)
{
	int len = xsctp_addrs_len(addrs, addrcnt, MAX_ADDRS);

	if (len < 0)
		return -1;
	return connectx_id(sd, addrs, len, id);
}

int xsctp_connectx_v3(int sd, struct sockaddr *addrs, int addrcnt,
		      sctp_assoc_t *id)
{
	struct sctp_getaddrs_old param = { 0 };
	socklen_t optlen = sizeof(param);
	int len, flags;

	len = xsctp_addrs_len(addrs, addrcnt, MAX_ADDRS);
	if (len < 0)
		return -1;
	param.addr_num = len;
	param.addrs = addrs;
	if (getsockopt(sd, SOL_SCTP, SCTP_SOCKOPT_CONNECTX3,
		       &param, &optlen) == 0) {
		if (id)
			*id = param.assoc_id;
		return 0;
	}
	if (errno == EINPROGRESS && id)
		*id = param.assoc_id;
	if (errno != ENOPROTOOPT)
		return -1;

	/* A kernel without 111: 110 returns no id for a non-blocking connect. */
	if (id) {
		flags = fcntl(sd, F_GETFL);
		if (flags < 0)
			return -1;
		if (flags & O_NONBLOCK) {
			errno = ENOPROTOOPT;
			return -1;
		}
	}
	return connectx_id(sd, addrs, len, id);
}
