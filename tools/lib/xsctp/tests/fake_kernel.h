/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A scripted stand-in for the kernel's SCTP socket options: the test
 * programs define getsockopt(), setsockopt() and fcntl() (fake_kernel.c),
 * which the shim's calls bind to instead of libc's. Each call is recorded
 * and answered with the next scripted answer; a call nobody scripted
 * fails with EPROTO. Options 108 and 109 without a script behave like the
 * kernel with the address list given to fake_set_addrs().
 */
#ifndef XSCTP_TEST_FAKE_KERNEL_H
#define XSCTP_TEST_FAKE_KERNEL_H

#include <stddef.h>
#include <sys/socket.h>

#define FAKE_MAX_CALLS 64

enum fake_kind { FAKE_GETSOCKOPT = 1, FAKE_SETSOCKOPT, FAKE_FCNTL };

struct fake_call {
	enum fake_kind kind;
	int fd;
	int level;
	int optname;		/* the fcntl command for FAKE_FCNTL */
	socklen_t optlen;	/* as passed in */
	const void *optval;
	int assoc_id;		/* first 4 bytes of a getsockopt argument */
	/* option 111: the rest of the struct sctp_getaddrs_old passed in */
	int addr_num;
	const void *addrs;
};

extern struct fake_call fake_calls[FAKE_MAX_CALLS];
extern int fake_ncalls;
extern int fake_fcntl_flags;	/* what F_GETFL answers */

void fake_reset(void);
/*
 * Answer the next call with ret, and errno err when ret is -1. For
 * option 111, id is written back (with optlen 4) when the answer is 0 or
 * EINPROGRESS, as the kernel does.
 */
void fake_answer(int ret, int err, int id);
void fake_set_addrs(const void *bytes, size_t len, unsigned int count);

#endif /* XSCTP_TEST_FAKE_KERNEL_H */
