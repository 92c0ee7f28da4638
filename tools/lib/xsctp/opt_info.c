// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * sctp_opt_info(): getsockopt() of an option whose argument starts with
 * an association id, for the options libsctp accepts.
 */
#include <errno.h>
#include <string.h>
#include <netinet/in.h>

#include "xsctp.h"

static int takes_assoc_id(int opt)
{
	switch (opt) {
	case SCTP_RTOINFO:
	case SCTP_ASSOCINFO:
	case SCTP_INITMSG:
	case SCTP_NODELAY:
	case SCTP_AUTOCLOSE:
	case SCTP_PRIMARY_ADDR:
	case SCTP_DISABLE_FRAGMENTS:
	case SCTP_PEER_ADDR_PARAMS:
	case SCTP_DEFAULT_SEND_PARAM:
	case SCTP_EVENTS:
	case SCTP_I_WANT_MAPPED_V4_ADDR:
	case SCTP_MAXSEG:
	case SCTP_STATUS:
	case SCTP_GET_PEER_ADDR_INFO:
	case SCTP_AUTH_ACTIVE_KEY:
	case SCTP_PEER_AUTH_CHUNKS:
	case SCTP_LOCAL_AUTH_CHUNKS:
		return 1;
	default:
		return 0;
	}
}

int sctp_opt_info(int sd, sctp_assoc_t id, int opt, void *arg,
		  socklen_t *size)
{
	/* libsctp returns the positive ENOTSUP here; -1 is what callers test. */
	if (!takes_assoc_id(opt)) {
		errno = ENOTSUP;
		return -1;
	}
	/* Too small or missing, the kernel answers EINVAL or EFAULT. */
	if (arg && size && *size >= sizeof(id))
		memcpy(arg, &id, sizeof(id));
	return getsockopt(sd, SOL_SCTP, opt, arg, size);
}
