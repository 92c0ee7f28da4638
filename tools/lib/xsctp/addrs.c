// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Packed address lists: the argument format of sctp_bindx() and
 * sctp_connectx(), and of the results of sctp_getpaddrs() and
 * sctp_getladdrs(): struct sockaddr_in and sockaddr_in6 back to back,
 * each taking exactly its own size.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <netinet/in.h>

#include "xsctp.h"
#include "internal.h"

int sctp_getaddrlen(sa_family_t family)
{
	switch (family) {
	case AF_INET:
		return sizeof(struct sockaddr_in);
	case AF_INET6:
		return sizeof(struct sockaddr_in6);
	default:
		return 0;
	}
}

/*
 * The byte length of a list of addrcnt addresses, checked before any
 * system call: no list or fewer than one address is EINVAL, more than
 * max_addrs is E2BIG, and a family other than AF_INET or AF_INET6
 * anywhere in the list is EINVAL.
 */
int xsctp_addrs_len(const struct sockaddr *addrs, int addrcnt, int max_addrs)
{
	const unsigned char *p = (const unsigned char *)addrs;
	sa_family_t family;
	size_t len = 0;
	int i, one;

	if (addrcnt < 1) {
		errno = EINVAL;
		return -1;
	}
	if (addrcnt > max_addrs) {
		errno = E2BIG;
		return -1;
	}
	if (!addrs) {
		errno = EFAULT;
		return -1;
	}
	for (i = 0; i < addrcnt; i++) {
		memcpy(&family, p + len, sizeof(family));
		one = sctp_getaddrlen(family);
		if (!one || len + one > INT_MAX) {
			errno = EINVAL;
			return -1;
		}
		len += one;
	}
	return len;
}
