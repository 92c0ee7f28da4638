// SPDX-License-Identifier: GPL-2.0
/*
 * Linked against Debian's libsctp and run with libxsctp in LD_PRELOAD:
 * proves that the preloaded library's versioned symbols take over the
 * calls of a program built for libsctp. libsctp itself would pass 33
 * addresses to the kernel, and would connect twice after a stale errno.
 */
#include <errno.h>
#include <string.h>
#include <netinet/in.h>
#include <netinet/sctp.h>

#include "fake_kernel.h"
#include "tap.h"

int main(void)
{
	struct sockaddr_in a[33];
	sctp_assoc_t id = 0;
	int i, ret;

	memset(a, 0, sizeof(a));
	for (i = 0; i < 33; i++) {
		a[i].sin_family = AF_INET;
		a[i].sin_port = htons(5000);
		a[i].sin_addr.s_addr = htonl(0x0a000001 + i);
	}

	fake_reset();
	ret = sctp_connectx(7, (struct sockaddr *)a, 33, &id);
	tap(ret == -1 && errno == E2BIG && fake_ncalls == 0,
	    "LD_PRELOAD: a program linked to libsctp (sctp_connectx@VERS_3) gets libxsctp's E2BIG for 33 addresses, no system call");

	fake_reset();
	fake_answer(0, 0, 31);
	errno = ENOPROTOOPT;
	ret = sctp_connectx(7, (struct sockaddr *)a, 2, &id);
	tap(ret == 0 && id == 31 && fake_ncalls == 1 &&
	    fake_calls[0].optname == 111 &&
	    fake_calls[0].addr_num == 32,
	    "LD_PRELOAD: with a stale errno ENOPROTOOPT a successful 111 is the only call (libsctp would connect again)");
	return tap_failed ? 1 : 0;
}
