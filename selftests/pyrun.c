// SPDX-License-Identifier: GPL-2.0
/*
 * pyrun [-n NETNS] SCRIPT ARGS...: run a selftest's Python script, as
 * `ip netns exec NETNS python3 SCRIPT ARGS` would, through the zygote of
 * pyzygote.py (a fork instead of a python3 start: seconds saved each time
 * on the sanitizer kernel). The zygote's socket is $XSCTP_PYZYGOTE; with
 * none listening there, pyrun execs ip netns exec / python3 itself.
 *
 * pyrun passes its stdin, stdout and stderr, network namespace (NETNS's,
 * or its own: `ip netns exec NS pyrun ...` works too), environment and
 * working directory, forwards the signals a caller sends to end a script (timeout,
 * kill) to the worker, and ends as the worker did: the same exit status,
 * or killed by the same signal.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

extern char **environ;

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Set with every signal blocked, before the handler can run. */
static pid_t worker;

static void forward(int sig)
{
	if (worker > 0)
		kill(worker, sig);
}

static void print_usage(void)
{
	fprintf(stderr, "usage: pyrun [-n NETNS] SCRIPT ARGS...\n");
	exit(2);
}

/* The zygote is not there: what pyrun stands for, by exec. */
static void run_directly(const char *ns, char **argv)
{
	int argc = 0, i = 0;
	char **args;

	while (argv[argc])
		argc++;
	args = calloc(argc + 6, sizeof(*args));	/* ip netns exec NS python3 ARGV NULL */
	if (!args)
		exit(1);
	if (ns && *ns) {
		args[i++] = "ip";
		args[i++] = "netns";
		args[i++] = "exec";
		args[i++] = (char *)ns;
	}
	args[i++] = "python3";
	memcpy(&args[i], argv, argc * sizeof(*args));
	execvp(args[0], args);
	perror(args[0]);
	exit(127);
}

/* Appends S and its NUL to the request; false when it does not fit. */
static int put(char *buf, size_t size, size_t *len, const char *s)
{
	size_t n = strlen(s) + 1;

	if (*len + n > size)
		return 0;
	memcpy(buf + *len, s, n);
	*len += n;
	return 1;
}

static int put_list(char *buf, size_t size, size_t *len, char **list)
{
	char count[16];
	int n = 0;

	while (list[n])
		n++;
	snprintf(count, sizeof(count), "%d", n);
	if (!put(buf, size, len, count))
		return 0;
	for (; *list; list++)
		if (!put(buf, size, len, *list))
			return 0;
	return 1;
}

static size_t build_request(char *buf, size_t size, char **argv)
{
	char cwd[PATH_MAX];
	size_t len = 0;

	if (!getcwd(cwd, sizeof(cwd)))
		return 0;
	if (!put(buf, size, &len, cwd) ||
	    !put_list(buf, size, &len, argv) || !put_list(buf, size, &len, environ))
		return 0;
	return len;
}

/* The request, with stdin, stdout, stderr and the network namespace. */
static int send_request(int sock, const char *buf, size_t len, int netns)
{
	union {
		char space[CMSG_SPACE(4 * sizeof(int))];
		struct cmsghdr align;
	} u;
	struct iovec iov = { .iov_base = (void *)buf, .iov_len = len };
	struct msghdr msg = {
		.msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = u.space, .msg_controllen = sizeof(u.space),
	};
	struct cmsghdr *cmsg = CMSG_FIRSTHDR(&msg);
	int fds[4] = { 0, 1, 2, netns };

	cmsg->cmsg_level = SOL_SOCKET;
	cmsg->cmsg_type = SCM_RIGHTS;
	cmsg->cmsg_len = CMSG_LEN(sizeof(fds));
	memcpy(CMSG_DATA(cmsg), fds, sizeof(fds));
	return sendmsg(sock, &msg, 0) == (ssize_t)len ? 0 : -1;
}

static int connect_zygote(void)
{
	const char *path = getenv("XSCTP_PYZYGOTE");
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	int sock;

	if (!path || !*path || strlen(path) >= sizeof(sun.sun_path))
		return -1;
	memcpy(sun.sun_path, path, strlen(path) + 1);
	sock = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
	if (sock < 0)
		return -1;
	if (connect(sock, (struct sockaddr *)&sun, sizeof(sun)) < 0) {
		close(sock);
		return -1;
	}
	return sock;
}

/* One reply of the zygote: "WORD N"; -1 when it is gone. */
static int read_reply(int sock, const char *word, int *value)
{
	char buf[64];
	ssize_t n;

	do {
		n = recv(sock, buf, sizeof(buf) - 1, 0);
	} while (n < 0 && errno == EINTR);
	if (n <= 0)
		return -1;
	buf[n] = 0;
	if (strncmp(buf, word, strlen(word)) || buf[strlen(word)] != ' ')
		return -1;
	*value = atoi(buf + strlen(word) + 1);
	return 0;
}

static void forward_signals(void)
{
	static const int sigs[] = { SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2 };
	struct sigaction sa = { .sa_handler = forward };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(sigs); i++)
		sigaction(sigs[i], &sa, NULL);
}

/* Ends as the worker did: its exit status, or its fatal signal. */
static int end_as_worker(int sock)
{
	char buf[64];
	ssize_t n;
	int value;

	do {
		n = recv(sock, buf, sizeof(buf) - 1, 0);
	} while (n < 0 && errno == EINTR);
	if (n <= 0) {
		fprintf(stderr, "pyrun: the zygote went away\n");
		return 1;
	}
	buf[n] = 0;
	if (sscanf(buf, "exit %d", &value) == 1)
		return value;
	if (sscanf(buf, "signal %d", &value) == 1) {
		signal(value, SIG_DFL);
		raise(value);
		return 128 + value;
	}
	return 1;
}

int main(int argc, char **argv)
{
	static char request[256 * 1024];
	const char *ns = NULL;
	char nspath[PATH_MAX] = "/proc/self/ns/net";
	sigset_t all, old;
	size_t len;
	int sock, pid, opt, netns;

	while ((opt = getopt(argc, argv, "+n:")) != -1) {
		if (opt != 'n')
			print_usage();
		ns = optarg;
	}
	if (optind >= argc)
		print_usage();
	argv += optind;
	if (ns)
		snprintf(nspath, sizeof(nspath), "/run/netns/%s", ns);
	netns = open(nspath, O_RDONLY | O_CLOEXEC);
	sock = connect_zygote();
	if (sock < 0 || netns < 0)
		run_directly(ns, argv);
	len = build_request(request, sizeof(request), argv);
	/* Held until the worker's pid is known, then forwarded. */
	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, &old);
	forward_signals();
	if (!len || send_request(sock, request, len, netns) < 0 ||
	    read_reply(sock, "pid", &pid) < 0) {
		/* Nothing was started: do it the slow way. */
		close(sock);
		sigprocmask(SIG_SETMASK, &old, NULL);
		run_directly(ns, argv);
	}
	worker = pid;
	sigprocmask(SIG_SETMASK, &old, NULL);
	return end_as_worker(sock);
}
