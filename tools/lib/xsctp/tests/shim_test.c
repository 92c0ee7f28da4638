// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of libxsctp against the scripted kernel of fake_kernel.h.
 * The host kernel has no SCTP: these prove the library's logic (which
 * option it uses, in which order, what it does with each answer), not
 * the kernel's. Each tap() line says what it proves.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>

#include "xsctp.h"
#include "fake_kernel.h"
#include "tap.h"

#define FD 7
#define UNTOUCHED 12345

/* A packed address list as sctp_connectx() takes it. */
struct list {
	unsigned char bytes[320 * sizeof(struct sockaddr_in6)];
	int len, count;
};

static void add4(struct list *l, const char *ip, int port)
{
	struct sockaddr_in a = { .sin_family = AF_INET,
				 .sin_port = htons(port) };

	inet_pton(AF_INET, ip, &a.sin_addr);
	memcpy(l->bytes + l->len, &a, sizeof(a));
	l->len += sizeof(a);
	l->count++;
}

static void add6(struct list *l, const char *ip, int port)
{
	struct sockaddr_in6 a = { .sin6_family = AF_INET6,
				  .sin6_port = htons(port) };

	inet_pton(AF_INET6, ip, &a.sin6_addr);
	memcpy(l->bytes + l->len, &a, sizeof(a));
	l->len += sizeof(a);
	l->count++;
}

/* 10.0.0.1, 2001:db8::1, 10.0.0.2 on port 5000: 60 bytes. */
static struct list three(void)
{
	struct list l = { .len = 0 };

	add4(&l, "10.0.0.1", 5000);
	add6(&l, "2001:db8::1", 5000);
	add4(&l, "10.0.0.2", 5000);
	return l;
}

static struct sockaddr *sa(struct list *l)
{
	return (struct sockaddr *)l->bytes;
}

static int is_call(int i, enum fake_kind kind, int optname)
{
	return i < fake_ncalls && fake_calls[i].kind == kind &&
	       (kind == FAKE_FCNTL || fake_calls[i].level == SOL_SCTP) &&
	       fake_calls[i].optname == optname;
}

static void calls_diag(void)
{
	int i;

	for (i = 0; i < fake_ncalls; i++)
		tap_diag("call %d: kind %d level %d opt %d optlen %u", i,
			 fake_calls[i].kind, fake_calls[i].level,
			 fake_calls[i].optname, fake_calls[i].optlen);
}

static void connectx3_success(void)
{
	struct list l = three();
	sctp_assoc_t id = UNTOUCHED;
	int ret;

	fake_reset();
	fake_answer(0, 0, 42);
	ret = sctp_connectx(FD, sa(&l), l.count, &id);
	tap(ret == 0 && id == 42 && fake_ncalls == 1 &&
	    is_call(0, FAKE_GETSOCKOPT, SCTP_SOCKOPT_CONNECTX3) &&
	    fake_calls[0].fd == FD &&
	    fake_calls[0].optlen == sizeof(struct sctp_getaddrs_old) &&
	    fake_calls[0].assoc_id == 0 && fake_calls[0].addr_num == 60 &&
	    fake_calls[0].addrs == l.bytes,
	    "connectx: one getsockopt(SOL_SCTP, 111) with {0, byte length 60, caller's list}; returns 0 and the id the kernel wrote");
	if (fake_ncalls != 1)
		calls_diag();
}

static void connectx3_einprogress(void)
{
	struct list l = three();
	sctp_assoc_t id = UNTOUCHED;
	int ret;

	fake_reset();
	fake_answer(-1, EINPROGRESS, 9);
	ret = sctp_connectx(FD, sa(&l), l.count, &id);
	tap(ret == -1 && errno == EINPROGRESS && id == 9 && fake_ncalls == 1,
	    "connectx: 111 answering EINPROGRESS gives -1, errno EINPROGRESS and the id, with no fallback");
}

static void connectx3_error_keeps_id(void)
{
	struct list l = three();
	sctp_assoc_t id = UNTOUCHED;
	int ret;

	fake_reset();
	fake_answer(-1, ECONNREFUSED, 0);
	ret = sctp_connectx(FD, sa(&l), l.count, &id);
	tap(ret == -1 && errno == ECONNREFUSED && id == UNTOUCHED &&
	    fake_ncalls == 1,
	    "connectx: 111 failing ECONNREFUSED is returned as is, *id untouched, no fallback");
}

static void connectx3_stale_errno(void)
{
	struct list l = three();
	sctp_assoc_t id = UNTOUCHED;
	int ret;

	fake_reset();
	fake_answer(0, 0, 5);
	errno = ENOPROTOOPT;
	ret = sctp_connectx(FD, sa(&l), l.count, &id);
	tap(ret == 0 && id == 5 && fake_ncalls == 1,
	    "connectx: a stale errno ENOPROTOOPT before a successful 111 does not cause a second connect (libsctp's bug)");
	if (fake_ncalls != 1)
		calls_diag();
}

static void connectx_fallback_110(void)
{
	struct list l = three();
	sctp_assoc_t id = UNTOUCHED;
	int ret;

	fake_reset();
	fake_answer(-1, ENOPROTOOPT, 0);
	fake_answer(17, 0, 0);
	ret = sctp_connectx(FD, sa(&l), l.count, &id);
	tap(ret == 0 && id == 17 && fake_ncalls == 3 &&
	    is_call(0, FAKE_GETSOCKOPT, SCTP_SOCKOPT_CONNECTX3) &&
	    is_call(1, FAKE_FCNTL, F_GETFL) &&
	    is_call(2, FAKE_SETSOCKOPT, SCTP_SOCKOPT_CONNECTX) &&
	    fake_calls[2].optval == l.bytes && fake_calls[2].optlen == 60,
	    "connectx: 111 ENOPROTOOPT on a blocking socket falls back to setsockopt 110 with the list; its positive return is the id, and the call succeeds");
	if (fake_ncalls != 3)
		calls_diag();
}

static void connectx_fallback_order(void)
{
	struct list l = three();
	int ret;

	fake_reset();
	fake_answer(-1, ENOPROTOOPT, 0);
	fake_answer(-1, ENOPROTOOPT, 0);
	fake_answer(0, 0, 0);
	ret = sctp_connectx(FD, sa(&l), l.count, NULL);
	tap(ret == 0 && fake_ncalls == 3 &&
	    is_call(0, FAKE_GETSOCKOPT, SCTP_SOCKOPT_CONNECTX3) &&
	    is_call(1, FAKE_SETSOCKOPT, SCTP_SOCKOPT_CONNECTX) &&
	    is_call(2, FAKE_SETSOCKOPT, SCTP_SOCKOPT_CONNECTX_OLD) &&
	    fake_calls[2].optval == l.bytes && fake_calls[2].optlen == 60,
	    "connectx(id NULL): ENOPROTOOPT walks 111 -> 110 -> 107, in that order, without fcntl");
	if (fake_ncalls != 3)
		calls_diag();
}

static void connectx_stops_at_110_error(void)
{
	struct list l = three();
	int ret;

	fake_reset();
	fake_answer(-1, ENOPROTOOPT, 0);
	fake_answer(-1, ETIMEDOUT, 0);
	ret = sctp_connectx(FD, sa(&l), l.count, NULL);
	tap(ret == -1 && errno == ETIMEDOUT && fake_ncalls == 2,
	    "connectx: the first answer other than ENOPROTOOPT ends the walk (110 ETIMEDOUT: no 107)");
}

static void connectx_id_needs_110(void)
{
	struct list l = three();
	sctp_assoc_t id = UNTOUCHED;
	int ret;

	fake_reset();
	fake_answer(-1, ENOPROTOOPT, 0);
	fake_answer(-1, ENOPROTOOPT, 0);
	ret = sctp_connectx(FD, sa(&l), l.count, &id);
	tap(ret == -1 && errno == ENOPROTOOPT && fake_ncalls == 3 &&
	    is_call(2, FAKE_SETSOCKOPT, SCTP_SOCKOPT_CONNECTX),
	    "connectx(id): with neither 111 nor 110 it fails ENOPROTOOPT instead of using 107, which has no id");
}

static void connectx_nonblocking_no_110(void)
{
	struct list l = three();
	sctp_assoc_t id = UNTOUCHED;
	int ret;

	fake_reset();
	fake_fcntl_flags = O_RDWR | O_NONBLOCK;
	fake_answer(-1, ENOPROTOOPT, 0);
	ret = sctp_connectx(FD, sa(&l), l.count, &id);
	tap(ret == -1 && errno == ENOPROTOOPT && fake_ncalls == 2 &&
	    is_call(1, FAKE_FCNTL, F_GETFL),
	    "connectx(id) on a non-blocking socket without 111 fails ENOPROTOOPT: 110 could not return the id");
}

static void connectx_input_checks(void)
{
	struct list l = three(), bad = three(), many = { .len = 0 };
	struct sockaddr_in unix_family = { .sin_family = AF_UNIX };
	int ret, i, e;

	fake_reset();
	errno = 0;
	ret = sctp_connectx(FD, sa(&l), 0, NULL);
	e = errno;
	ret += sctp_connectx(FD, sa(&l), -1, NULL) == -1 && errno == EINVAL;
	tap(ret == 0 && e == EINVAL && fake_ncalls == 0,
	    "connectx: addrcnt 0 and -1 fail EINVAL before any system call");

	memcpy(bad.bytes + 16 + 28, &unix_family, sizeof(unix_family));
	fake_reset();
	ret = sctp_connectx(FD, sa(&bad), bad.count, NULL);
	tap(ret == -1 && errno == EINVAL && fake_ncalls == 0,
	    "connectx: an AF_UNIX third address fails EINVAL before any system call");

	for (i = 0; i < XSCTP_CONNECTX_MAX_ADDRS + 1; i++)
		add4(&many, "10.0.0.1", 5000);
	fake_reset();
	ret = sctp_connectx(FD, sa(&many), many.count, NULL);
	tap(ret == -1 && errno == E2BIG && fake_ncalls == 0,
	    "connectx: %d addresses (XSCTP_CONNECTX_MAX_ADDRS + 1) fail E2BIG before any system call",
	    many.count);

	fake_reset();
	fake_answer(0, 0, 3);
	ret = sctp_connectx(FD, sa(&many), XSCTP_CONNECTX_MAX_ADDRS, NULL);
	tap(ret == 0 && fake_ncalls == 1 &&
	    fake_calls[0].addr_num == XSCTP_CONNECTX_MAX_ADDRS * 16,
	    "connectx: exactly XSCTP_CONNECTX_MAX_ADDRS addresses are passed on (%d bytes)",
	    XSCTP_CONNECTX_MAX_ADDRS * 16);

	fake_reset();
	ret = sctp_connectx(FD, NULL, 1, NULL);
	tap(ret == -1 && errno == EFAULT && fake_ncalls == 0,
	    "connectx: a NULL list fails EFAULT before any system call");
}

typedef int (*connectx1_fn)(int, struct sockaddr *, int);
typedef int (*connectx2_fn)(int, struct sockaddr *, int, sctp_assoc_t *);

static void connectx_versions(void)
{
	void *lib = dlopen("libxsctp.so.1", RTLD_NOW | RTLD_NOLOAD);
	connectx1_fn v1 = lib ? (connectx1_fn)dlvsym(lib, "sctp_connectx", "VERS_1") : NULL;
	connectx2_fn v2 = lib ? (connectx2_fn)dlvsym(lib, "sctp_connectx", "VERS_2") : NULL;
	connectx2_fn v3 = lib ? (connectx2_fn)dlvsym(lib, "sctp_connectx", "VERS_3") : NULL;
	struct list l = three();
	sctp_assoc_t id = UNTOUCHED;
	int ret;

	tap(v1 && v2 && v3 && v3 == sctp_connectx,
	    "symbols: sctp_connectx@VERS_1, @VERS_2 and @@VERS_3 exist; a plain link binds VERS_3");
	if (!v1 || !v2)
		return;

	fake_reset();
	fake_answer(0, 0, 0);
	ret = v1(FD, sa(&l), l.count);
	tap(ret == 0 && fake_ncalls == 1 &&
	    is_call(0, FAKE_SETSOCKOPT, SCTP_SOCKOPT_CONNECTX_OLD) &&
	    fake_calls[0].optlen == 60,
	    "sctp_connectx@VERS_1: one setsockopt 107 with the list");

	fake_reset();
	fake_answer(23, 0, 0);
	ret = v2(FD, sa(&l), l.count, &id);
	tap(ret == 0 && id == 23 && fake_ncalls == 1 &&
	    is_call(0, FAKE_SETSOCKOPT, SCTP_SOCKOPT_CONNECTX),
	    "sctp_connectx@VERS_2: setsockopt 110, its return value is the id");

	fake_reset();
	fake_answer(-1, ENOPROTOOPT, 0);
	fake_answer(0, 0, 0);
	ret = v2(FD, sa(&l), l.count, NULL);
	tap(ret == 0 && fake_ncalls == 2 &&
	    is_call(1, FAKE_SETSOCKOPT, SCTP_SOCKOPT_CONNECTX_OLD),
	    "sctp_connectx@VERS_2(id NULL): 110 ENOPROTOOPT falls back to 107");

	fake_reset();
	ret = v1(FD, sa(&l), XSCTP_CONNECTX_MAX_ADDRS + 1);
	tap(ret == -1 && errno == E2BIG && fake_ncalls == 0,
	    "sctp_connectx@VERS_1: the E2BIG limit holds in the old versions too");
}

static void test_bindx(void)
{
	static const int bad_flags[] = { 0, 3, 4, -1 };
	struct list l = three();
	int ret, i, ok = 1;

	fake_reset();
	fake_answer(0, 0, 0);
	fake_answer(-1, EADDRINUSE, 0);
	ret = sctp_bindx(FD, sa(&l), l.count, SCTP_BINDX_ADD_ADDR);
	tap(ret == 0 && fake_ncalls == 1 &&
	    is_call(0, FAKE_SETSOCKOPT, SCTP_SOCKOPT_BINDX_ADD) &&
	    fake_calls[0].optval == l.bytes && fake_calls[0].optlen == 60,
	    "bindx: SCTP_BINDX_ADD_ADDR is setsockopt 100 with the list and its byte length");
	ret = sctp_bindx(FD, sa(&l), 1, SCTP_BINDX_REM_ADDR);
	tap(ret == -1 && errno == EADDRINUSE && fake_ncalls == 2 &&
	    is_call(1, FAKE_SETSOCKOPT, SCTP_SOCKOPT_BINDX_REM) &&
	    fake_calls[1].optlen == 16,
	    "bindx: SCTP_BINDX_REM_ADDR is setsockopt 101; the kernel's error comes back as is");

	fake_reset();
	for (i = 0; i < 4; i++) {
		ret = sctp_bindx(FD, sa(&l), l.count, bad_flags[i]);
		ok &= ret == -1 && errno == EINVAL;
	}
	tap(ok && fake_ncalls == 0,
	    "bindx: flags 0, ADD|REM, 4 and -1 fail EINVAL before any system call");

	fake_reset();
	ret = sctp_bindx(FD, sa(&l), 0, SCTP_BINDX_ADD_ADDR);
	tap(ret == -1 && errno == EINVAL && fake_ncalls == 0,
	    "bindx: addrcnt 0 fails EINVAL before any system call");
}

static void test_getpaddrs(void)
{
	struct list l = three(), big = { .len = 0 };
	struct sockaddr *addrs = (struct sockaddr *)&l;
	int n, i, e;

	fake_reset();
	fake_set_addrs(l.bytes, l.len, l.count);
	n = sctp_getpaddrs(FD, 11, &addrs);
	tap(n == 3 && fake_ncalls == 1 &&
	    is_call(0, FAKE_GETSOCKOPT, SCTP_GET_PEER_ADDRS) &&
	    fake_calls[0].optlen == 4096 &&
	    fake_calls[0].assoc_id == 11 &&
	    !memcmp(addrs, l.bytes, l.len),
	    "getpaddrs: getsockopt 108 with the id in a 4096-byte buffer; returns the count and the packed list at the start of the buffer");
	sctp_freepaddrs(addrs);

	fake_reset();
	fake_set_addrs(l.bytes, l.len, l.count);
	n = sctp_getladdrs(FD, 0, &addrs);
	tap(n == 3 && is_call(0, FAKE_GETSOCKOPT, SCTP_GET_LOCAL_ADDRS) &&
	    !memcmp(addrs, l.bytes, l.len),
	    "getladdrs: getsockopt 109 (whose optlen leaves out the header) gives the same list");
	sctp_freeladdrs(addrs);

	for (i = 0; i < 300; i++)
		add6(&big, "2001:db8::7", 1);
	fake_reset();
	fake_set_addrs(big.bytes, big.len, big.count);
	n = sctp_getpaddrs(FD, 3, &addrs);
	tap(n == 300 && fake_ncalls == 3 && fake_calls[1].optlen == 8192 &&
	    fake_calls[2].optlen == 12288 &&
	    !memcmp(addrs, big.bytes, big.len),
	    "getpaddrs: on ENOMEM it retries with 4 KiB more (4096, 8192, 12288 for 300 IPv6 addresses)");
	sctp_freepaddrs(addrs);

	fake_reset();
	fake_set_addrs(big.bytes, 200 * 1024, 1);
	n = sctp_getpaddrs(FD, 3, &addrs);
	e = errno;
	tap(n == -1 && e == ENOBUFS && fake_ncalls == 33 &&
	    fake_calls[32].optlen == 128 * 1024 + 4096,
	    "getpaddrs: after a 132 KiB buffer (the 33rd try) is too small it fails ENOBUFS, freeing the buffer");

	fake_reset();
	fake_set_addrs(NULL, 0, 0);
	addrs = (struct sockaddr *)&l;
	n = sctp_getpaddrs(FD, 3, &addrs);
	tap(n == 0 && !addrs, "getpaddrs: no addresses returns 0 and a NULL list");

	fake_reset();
	fake_answer(-1, EINVAL, 0);
	n = sctp_getpaddrs(FD, 99, &addrs);
	tap(n == -1 && errno == EINVAL && fake_ncalls == 1,
	    "getpaddrs: an unknown association's EINVAL comes back without retries or leaks");
}

static void test_opt_info(void)
{
	struct sctp_status st;
	socklen_t len = sizeof(st);
	int ret;

	memset(&st, 0xff, sizeof(st));
	fake_reset();
	fake_answer(0, 0, 0);
	ret = sctp_opt_info(FD, 8, SCTP_STATUS, &st, &len);
	tap(ret == 0 && st.sstat_assoc_id == 8 && fake_ncalls == 1 &&
	    is_call(0, FAKE_GETSOCKOPT, SCTP_STATUS) &&
	    fake_calls[0].optval == &st && fake_calls[0].optlen == 176,
	    "opt_info: writes the id into the argument, then getsockopt(SOL_SCTP, SCTP_STATUS) on it");

	fake_reset();
	ret = sctp_opt_info(FD, 8, SCTP_EVENT, &st, &len);
	tap(ret == -1 && errno == ENOTSUP && fake_ncalls == 0,
	    "opt_info: an option outside libsctp's list fails -1/ENOTSUP (libsctp returns +ENOTSUP) without a system call");
}

static void test_getaddrlen(void)
{
	tap(sctp_getaddrlen(AF_INET) == 16 && sctp_getaddrlen(AF_INET6) == 28 &&
	    sctp_getaddrlen(AF_UNIX) == 0,
	    "getaddrlen: 16 for AF_INET, 28 for AF_INET6, 0 otherwise");
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	connectx3_success();
	connectx3_einprogress();
	connectx3_error_keeps_id();
	connectx3_stale_errno();
	connectx_fallback_110();
	connectx_fallback_order();
	connectx_stops_at_110_error();
	connectx_id_needs_110();
	connectx_nonblocking_no_110();
	connectx_input_checks();
	connectx_versions();
	test_bindx();
	test_getpaddrs();
	test_opt_info();
	test_getaddrlen();
	return tap_failed ? 1 : 0;
}
