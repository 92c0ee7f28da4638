// SPDX-License-Identifier: LGPL-2.1-or-later
/* sctp_bindx(): add or remove local addresses of a bound socket. */
#include <errno.h>
#include <limits.h>
#include <netinet/in.h>

#include "xsctp.h"
#include "internal.h"

int sctp_bindx(int sd, struct sockaddr *addrs, int addrcnt, int flags)
{
	int optname, len;

	switch (flags) {
	case SCTP_BINDX_ADD_ADDR:
		optname = SCTP_SOCKOPT_BINDX_ADD;
		break;
	case SCTP_BINDX_REM_ADDR:
		optname = SCTP_SOCKOPT_BINDX_REM;
		break;
	default:
		errno = EINVAL;
		return -1;
	}
	/* No xsctp limit on the count here: the kernel's applies. */
	len = xsctp_addrs_len(addrs, addrcnt, INT_MAX);
	if (len < 0)
		return -1;
	return setsockopt(sd, SOL_SCTP, optname, addrs, len);
}
