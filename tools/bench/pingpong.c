// SPDX-License-Identifier: GPL-2.0
/*
 * Request/response rate over one SCTP association or TCP connection:
 * the client sends 1 byte and waits for the server's 1-byte answer, again
 * and again for a fixed time, and prints the transactions per second.
 * C rather than Python so that the stack, not the interpreter, dominates.
 *
 *   pingpong server sctp|tcp ADDR PORT
 *   pingpong client sctp|tcp ADDR PORT SECONDS
 *
 * Both disable Nagle (TCP_NODELAY, SCTP_NODELAY). The server serves one
 * client and exits on its EOF. The client retries a refused connect for
 * 10 s (the server may still be starting), gives up on an answer after
 * 10 s, and on any error prints one line "pingpong: WHAT: ERROR" to stderr.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/sctp.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static void die(const char *what)
{
	fprintf(stderr, "pingpong: %s: %s\n", what, strerror(errno));
	exit(1);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int open_socket(int sctp)
{
	int fd, one = 1;

	fd = socket(AF_INET, SOCK_STREAM, sctp ? IPPROTO_SCTP : IPPROTO_TCP);
	if (fd < 0)
		die("socket");
	if (sctp ? setsockopt(fd, IPPROTO_SCTP, SCTP_NODELAY, &one, sizeof(one)) :
		   setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one)))
		die("setsockopt(NODELAY)");
	return fd;
}

static int serve(int sctp, struct sockaddr_in *sin)
{
	int lfd = open_socket(sctp), fd, one = 1;
	char c;
	ssize_t n;

	setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(lfd, (struct sockaddr *)sin, sizeof(*sin)) || listen(lfd, 1))
		die("bind/listen");
	fd = accept(lfd, NULL, NULL);
	if (fd < 0)
		die("accept");
	/* The accepted socket inherits NODELAY on both stacks. */
	while ((n = recv(fd, &c, 1, 0)) == 1)
		if (send(fd, &c, 1, 0) != 1)
			die("send");
	if (n < 0)
		die("recv");
	return 0;
}

static int client(int sctp, struct sockaddr_in *sin, double seconds)
{
	struct timeval tv = { .tv_sec = 10 };
	double start, end, t;
	unsigned long count = 0;
	int fd, tries;
	ssize_t n;
	char c = 'x';

	for (tries = 0; ; tries++) {
		fd = open_socket(sctp);
		if (connect(fd, (struct sockaddr *)sin, sizeof(*sin)) == 0)
			break;
		if (errno != ECONNREFUSED || tries >= 100)
			die("connect");
		close(fd);
		usleep(100000);
	}
	if (setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)))
		die("setsockopt(SO_RCVTIMEO)");
	start = now();
	end = start + seconds;
	do {
		if (send(fd, &c, 1, 0) != 1)
			die("send");
		n = recv(fd, &c, 1, 0);
		if (n == 0 || (n < 0 && errno == EAGAIN)) {
			fprintf(stderr, "pingpong: recv: %s\n",
				n ? "no answer within 10 s" : "connection closed by the server");
			return 1;
		}
		if (n < 0)
			die("recv");
		count++;
		t = now();
	} while (t < end);
	printf("%.0f\n", count / (t - start));
	close(fd);
	return 0;
}

int main(int argc, char **argv)
{
	struct sockaddr_in sin = { .sin_family = AF_INET };
	int sctp, is_client;

	is_client = argc == 6 && !strcmp(argv[1], "client");
	if (!is_client && !(argc == 5 && !strcmp(argv[1], "server"))) {
		fprintf(stderr, "usage: %s server sctp|tcp ADDR PORT\n"
			"       %s client sctp|tcp ADDR PORT SECONDS\n", argv[0], argv[0]);
		return 2;
	}
	sctp = !strcmp(argv[2], "sctp");
	sin.sin_port = htons(atoi(argv[4]));
	if (inet_pton(AF_INET, argv[3], &sin.sin_addr) != 1) {
		fprintf(stderr, "pingpong: bad address %s\n", argv[3]);
		return 2;
	}
	return is_client ? client(sctp, &sin, atof(argv[5])) : serve(sctp, &sin);
}
