// SPDX-License-Identifier: GPL-2.0
/*
 * socket() for every SCTP family/type pair, the generic socket options,
 * what a fresh socket answers (Linux's errors), and a clear errno (not
 * silent success) from every operation that xsctp does not implement yet.
 * Prints TAP lines continuing the caller's count.
 *
 * Usage: sockets TEST-NAME FIRST-NUMBER
 */
#include <errno.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#ifndef SOL_SCTP
#define SOL_SCTP 132
#endif

static const char *test_name;
static int tap_n, failures;

static void report(int pass, const char *fmt, ...)
{
	va_list ap;

	printf("%sok %d - %s: ", pass ? "" : "not ", ++tap_n, test_name);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	failures += !pass;
}

static int int_opt(int fd, int level, int name)
{
	int v = -1;
	socklen_t len = sizeof(v);

	if (getsockopt(fd, level, name, &v, &len) < 0)
		return -errno;
	return v;
}

static void expect_errno(int ret, int want, const char *what,
			 const char *kind)
{
	int got = ret < 0 ? errno : 0;

	report(ret < 0 && got == want, "%s %s fails with %s (got %s)", kind,
	       what, strerrorname_np(want), ret < 0 ? strerrorname_np(got) : "success");
}

static int bound_port(int fd)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof(ss);

	if (getsockname(fd, (struct sockaddr *)&ss, &len) < 0)
		return -1;
	return ntohs(((struct sockaddr_in *)&ss)->sin_port);
}

/*
 * What a fresh socket answers, as with Linux's sctp.ko: it has no name
 * and no peer, refuses unusable addresses, binds and listens, and fails
 * with a clear errno for what xsctp does not implement yet.
 */
static void check_fresh(int fd, int family, const char *kind)
{
	struct sockaddr_storage ss = { .ss_family = family };
	struct sockaddr unspec = { .sa_family = AF_UNSPEC };
	socklen_t len = family == AF_INET ? sizeof(struct sockaddr_in) :
					    sizeof(struct sockaddr_in6);
	char buf[8] = "x";
	int v = 0;

	report(bound_port(fd) == 0, "%s getsockname() before bind: port 0", kind);
	expect_errno(getpeername(fd, (struct sockaddr *)&ss, &len), ENOTCONN,
		     "getpeername", kind);
	/* xsctp dissolves a one-to-one association (none here): success. */
	if (strstr(kind, "seqpacket"))
		expect_errno(connect(fd, &unspec, sizeof(unspec)), EOPNOTSUPP,
			     "connect(AF_UNSPEC)", kind);
	else
		report(connect(fd, &unspec, sizeof(unspec)) == 0,
		       "%s connect(AF_UNSPEC) with no association succeeds", kind);
	expect_errno(connect(fd, (struct sockaddr *)&ss, len), EINVAL,
		     "connect(wildcard address)", kind);
	/* 110 is SCTP_SOCKOPT_CONNECTX: a list whose first family is 0. */
	expect_errno(setsockopt(fd, SOL_SCTP, 110, &v, sizeof(v)), EINVAL,
		     "connectx(family 0)", kind);
	len = sizeof(v);
	expect_errno(getsockopt(fd, SOL_SCTP, 111, &v, &len), EINVAL,
		     "getsockopt(CONNECTX3) shorter than its struct", kind);
	expect_errno(setsockopt(fd, SOL_SCTP, 9999, &v, sizeof(v)), ENOPROTOOPT,
		     "setsockopt(SOL_SCTP, unknown)", kind);
	expect_errno(getsockopt(fd, SOL_SCTP, 9999, &v, &len), ENOPROTOOPT,
		     "getsockopt(SOL_SCTP, unknown)", kind);
	/* No association to send on: EPIPE, as Linux (SIGPIPE held off). */
	expect_errno(send(fd, buf, 1, MSG_DONTWAIT | MSG_NOSIGNAL), EPIPE,
		     "send", kind);
	expect_errno(recv(fd, buf, 1, MSG_DONTWAIT), EAGAIN, "recv", kind);
	expect_errno(shutdown(fd, SHUT_WR), ENOTCONN, "shutdown", kind);
	expect_errno(ioctl(fd, FIONREAD, &v), ENOTTY, "ioctl(FIONREAD)", kind);

	len = family == AF_INET ? sizeof(struct sockaddr_in) :
				  sizeof(struct sockaddr_in6);
	report(bind(fd, (struct sockaddr *)&ss, len) == 0 && bound_port(fd) > 0,
	       "%s bind(wildcard, port 0) picks an ephemeral port", kind);
	expect_errno(bind(fd, (struct sockaddr *)&ss, len), EINVAL, "second bind", kind);
	report(listen(fd, 1) == 0, "%s listen()", kind);
}

static void check_pair(int family, int type)
{
	char kind[32];
	int fd;

	snprintf(kind, sizeof(kind), "%s/%s", family == AF_INET ? "inet" : "inet6",
		 type == SOCK_STREAM ? "stream" : "seqpacket");
	fd = socket(family, type, IPPROTO_SCTP);
	report(fd >= 0, "%s socket() (%s)", kind, fd < 0 ? strerror(errno) : "ok");
	if (fd < 0)
		return;
	report(int_opt(fd, SOL_SOCKET, SO_DOMAIN) == family, "%s SO_DOMAIN", kind);
	report(int_opt(fd, SOL_SOCKET, SO_TYPE) == type, "%s SO_TYPE", kind);
	report(int_opt(fd, SOL_SOCKET, SO_PROTOCOL) == IPPROTO_SCTP,
	       "%s SO_PROTOCOL", kind);
	/* IP-level options go to the IP layer, as with sctp.ko. */
	if (family == AF_INET)
		report(int_opt(fd, IPPROTO_IP, IP_TTL) > 0, "%s IP_TTL readable", kind);
	else
		report(int_opt(fd, IPPROTO_IPV6, IPV6_V6ONLY) == 0,
		       "%s IPV6_V6ONLY readable", kind);
	check_fresh(fd, family, kind);
	report(close(fd) == 0, "%s close()", kind);
}

int main(int argc, char **argv)
{
	static const int families[] = { AF_INET, AF_INET6 };
	static const int types[] = { SOCK_STREAM, SOCK_SEQPACKET };
	int i, j, fd;

	test_name = argc > 1 ? argv[1] : "sockets";
	tap_n = argc > 2 ? atoi(argv[2]) : 0;
	for (i = 0; i < 2; i++)
		for (j = 0; j < 2; j++)
			check_pair(families[i], types[j]);

	/* SCTP has no datagram or raw flavour through this family. */
	fd = socket(AF_INET, SOCK_DGRAM, IPPROTO_SCTP);
	report(fd < 0 && errno == EPROTONOSUPPORT,
	       "SOCK_DGRAM/IPPROTO_SCTP is refused with EPROTONOSUPPORT");
	return failures ? 1 : 0;
}
