// SPDX-License-Identifier: GPL-2.0
/* The scripted kernel of fake_kernel.h. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <string.h>
#include <sys/socket.h>

#include "fake_kernel.h"

#define OPT_GET_PEER_ADDRS	108
#define OPT_CONNECTX3		111

struct answer {
	int ret, err, id;
};

struct fake_call fake_calls[FAKE_MAX_CALLS];
int fake_ncalls;
int fake_fcntl_flags;

static struct answer answers[FAKE_MAX_CALLS];
static int nanswers, next_answer;
static const void *addr_bytes;
static size_t addr_len;
static unsigned int addr_count;

void fake_reset(void)
{
	memset(fake_calls, 0, sizeof(fake_calls));
	fake_ncalls = 0;
	fake_fcntl_flags = 0;
	nanswers = 0;
	next_answer = 0;
	addr_bytes = NULL;
	addr_len = 0;
	addr_count = 0;
}

void fake_answer(int ret, int err, int id)
{
	answers[nanswers++] = (struct answer){ ret, err, id };
}

void fake_set_addrs(const void *bytes, size_t len, unsigned int count)
{
	addr_bytes = bytes;
	addr_len = len;
	addr_count = count;
}

static struct fake_call *record(enum fake_kind kind, int fd, int level,
				int optname, const void *optval,
				socklen_t optlen)
{
	struct fake_call *c = &fake_calls[fake_ncalls];

	if (fake_ncalls < FAKE_MAX_CALLS - 1)
		fake_ncalls++;
	*c = (struct fake_call){ .kind = kind, .fd = fd, .level = level,
				 .optname = optname, .optlen = optlen,
				 .optval = optval };
	return c;
}

static int answer(struct answer *a)
{
	if (a->ret < 0)
		errno = a->err;
	return a->ret;
}

/* 108/109 as the kernel answers them (ABI reference 1.2). */
static int getaddrs(int optname, void *optval, socklen_t *optlen)
{
	unsigned char *p = optval;

	if (*optlen < 8 + addr_len) {
		errno = ENOMEM;
		return -1;
	}
	memcpy(p + 4, &addr_count, 4);
	if (addr_len)
		memcpy(p + 8, addr_bytes, addr_len);
	*optlen = addr_len + (optname == OPT_GET_PEER_ADDRS ? 8 : 0);
	return 0;
}

int getsockopt(int fd, int level, int optname, void *optval,
	       socklen_t *optlen)
{
	struct fake_call *c = record(FAKE_GETSOCKOPT, fd, level, optname,
				     optval, *optlen);
	struct answer none = { -1, EPROTO, 0 };
	struct answer *a = next_answer < nanswers ?
			   &answers[next_answer++] : NULL;

	if (*optlen >= 4)
		memcpy(&c->assoc_id, optval, 4);
	if (optname == OPT_CONNECTX3 && *optlen >= 16) {
		memcpy(&c->addr_num, (char *)optval + 4, 4);
		memcpy(&c->addrs, (char *)optval + 8, sizeof(void *));
		if (a && (a->ret == 0 || a->err == EINPROGRESS)) {
			memcpy(optval, &a->id, 4);
			*optlen = 4;
		}
	}
	if (!a && (optname == 108 || optname == 109))
		return getaddrs(optname, optval, optlen);
	return answer(a ? a : &none);
}

int setsockopt(int fd, int level, int optname, const void *optval,
	       socklen_t optlen)
{
	struct answer none = { -1, EPROTO, 0 };

	record(FAKE_SETSOCKOPT, fd, level, optname, optval, optlen);
	return answer(next_answer < nanswers ? &answers[next_answer++] : &none);
}

int fcntl(int fd, int cmd, ...)
{
	record(FAKE_FCNTL, fd, 0, cmd, NULL, 0);
	if (cmd == F_GETFL)
		return fake_fcntl_flags;
	errno = EINVAL;
	return -1;
}
