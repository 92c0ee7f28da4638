// SPDX-License-Identifier: GPL-2.0
/*
 * sctp_connectx() and friends through a C library: Debian's libsctp when
 * run plainly, xsctp's shim under LD_PRELOAD. Prints "case: result"
 * lines; libsctp.sh checks them against both libraries.
 *
 * Usage: connectx_lib PEER PORT
 *   PEER:PORT has a one-to-one listener; 203.0.113.7 is not the peer's.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/sctp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static struct sockaddr_in list[40];

static void fill(int n, const char *first, int port)
{
	int i;

	memset(list, 0, sizeof(list));
	for (i = 0; i < n; i++) {
		list[i].sin_family = AF_INET;
		list[i].sin_port = htons(port);
		inet_pton(AF_INET, i ? "203.0.113.7" : first, &list[i].sin_addr);
		list[i].sin_addr.s_addr = htonl(ntohl(list[i].sin_addr.s_addr) + (i > 1 ? i : 0));
	}
}

static const char *result(int r)
{
	static char buf[32];

	if (r < 0)
		return strerrorname_np(errno);
	snprintf(buf, sizeof(buf), "%d", r);
	return buf;
}

static int sock(void)
{
	return socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
}

static void connect_cases(const char *peer, int port)
{
	struct sctp_status st = { 0 };
	socklen_t len = sizeof(st);
	struct sockaddr *addrs;
	sctp_assoc_t id = 0;
	int fd = sock(), r;

	fill(2, peer, port);
	r = sctp_connectx(fd, (struct sockaddr *)list, 2, &id);
	printf("connectx to the peer and an address it does not serve: %s, id >= 3: %d\n",
	       result(r), id >= 3);
	r = sctp_getpaddrs(fd, id, &addrs);
	printf("getpaddrs (the address it does not serve dropped): %s\n", result(r));
	if (r > 0)
		sctp_freepaddrs(addrs);
	r = sctp_getladdrs(fd, id, &addrs);
	printf("getladdrs: %s\n", result(r > 0 ? 1 : r));
	if (r > 0)
		sctp_freeladdrs(addrs);
	r = sctp_opt_info(fd, id, SCTP_STATUS, &st, &len);
	printf("opt_info(SCTP_STATUS): %s, state %d\n", result(r), st.sstat_state);
	r = sctp_connectx(fd, (struct sockaddr *)list, 1, &id);
	printf("connectx again: %s\n", result(r));
	close(fd);
}

static void error_cases(const char *peer, int port)
{
	sctp_assoc_t id = 0;
	int fd = sock(), r;

	fill(33, peer, port);
	r = sctp_connectx(fd, (struct sockaddr *)list, 33, &id);
	printf("connectx with 33 addresses: %s\n", result(r));
	r = sctp_connectx(fd, (struct sockaddr *)list, 0, &id);
	printf("connectx with 0 addresses: %s\n", result(r));
	list[0].sin_family = 9090;
	r = sctp_connectx(fd, (struct sockaddr *)list, 1, &id);
	printf("connectx with family 9090: %s\n", result(r));
	close(fd);
	fd = sock();
	fill(1, "127.0.0.1", 0);
	r = sctp_bindx(fd, (struct sockaddr *)list, 1, SCTP_BINDX_ADD_ADDR);
	printf("bindx add 127.0.0.1: %s\n", result(r));
	r = sctp_bindx(fd, (struct sockaddr *)list, 1, SCTP_BINDX_REM_ADDR);
	printf("bindx rem the only address: %s\n", result(r));
	r = sctp_bindx(fd, (struct sockaddr *)list, 1, 0);
	printf("bindx with flags 0: %s\n", result(r));
	close(fd);
}

/* The descriptor errors, a refusal, and a non-blocking start. */
static void more_error_cases(const char *peer, int port)
{
	sctp_assoc_t id = 0;
	int fds[2], fd, r;

	fill(1, peer, port);
	r = sctp_connectx(-1, (struct sockaddr *)list, 1, &id);
	printf("connectx on fd -1: %s\n", result(r));
	if (pipe(fds) == 0) {
		r = sctp_connectx(fds[0], (struct sockaddr *)list, 1, &id);
		printf("connectx on a pipe: %s\n", result(r));
		close(fds[0]);
		close(fds[1]);
	}
	fd = sock();
	fill(1, peer, port + 1);
	r = sctp_connectx(fd, (struct sockaddr *)list, 1, &id);
	printf("connectx where nothing listens: %s\n", result(r));
	close(fd);
	fd = sock();
	fcntl(fd, F_SETFL, O_NONBLOCK);
	fill(1, peer, port);
	id = 0;
	r = sctp_connectx(fd, (struct sockaddr *)list, 1, &id);
	printf("connectx non-blocking: %s, id >= 3: %d\n", result(r), id >= 3);
	close(fd);
}

int main(int argc, char **argv)
{
	if (argc != 3)
		return 2;
	connect_cases(argv[1], atoi(argv[2]));
	error_cases(argv[1], atoi(argv[2]));
	more_error_cases(argv[1], atoi(argv[2]));
	return 0;
}
