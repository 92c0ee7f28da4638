// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * sctp_getpaddrs(), sctp_getladdrs() and their frees: the peer's or our
 * own addresses of an association, as one malloc()ed packed list.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <netinet/in.h>

#include "xsctp.h"
#include "internal.h"

/*
 * libsctp's buffer sizes: 4 KiB, then 4 KiB more after each ENOMEM, and
 * ENOBUFS once a 132 KiB buffer was too small.
 */
#define STEP	4096
#define LAST	(128 * 1024 + STEP)

static int getaddrs(int sd, sctp_assoc_t id, int optname,
		    struct sockaddr **addrs)
{
	struct sctp_getaddrs *buf = NULL, *bigger;
	socklen_t size = 0, len;
	int count;

	for (;;) {
		if (size == LAST) {
			free(buf);
			errno = ENOBUFS;
			return -1;
		}
		size += STEP;
		bigger = realloc(buf, size);
		if (!bigger) {
			free(buf);
			errno = ENOMEM;
			return -1;
		}
		buf = bigger;
		buf->assoc_id = id;
		len = size;
		if (getsockopt(sd, SOL_SCTP, optname, buf, &len) == 0)
			break;
		if (errno != ENOMEM) {
			free(buf);
			return -1;
		}
	}

	count = buf->addr_num;
	if (!count) {
		free(buf);
		*addrs = NULL;
		return 0;
	}
	/*
	 * Drop the 8-byte header. The kernel reports the length differently
	 * for 108 and 109, so move the whole rest of the buffer instead.
	 */
	memmove(buf, buf->addrs, size - sizeof(*buf));
	*addrs = (struct sockaddr *)buf;
	return count;
}

int sctp_getpaddrs(int sd, sctp_assoc_t id, struct sockaddr **addrs)
{
	return getaddrs(sd, id, SCTP_GET_PEER_ADDRS, addrs);
}

int sctp_getladdrs(int sd, sctp_assoc_t id, struct sockaddr **addrs)
{
	return getaddrs(sd, id, SCTP_GET_LOCAL_ADDRS, addrs);
}

int sctp_freepaddrs(struct sockaddr *addrs)
{
	free(addrs);
	return 0;
}

int sctp_freeladdrs(struct sockaddr *addrs)
{
	free(addrs);
	return 0;
}
