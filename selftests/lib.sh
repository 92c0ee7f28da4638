#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Shared helpers for xsctp selftests (kselftest shape). Each test script
# sources this, runs its checks, and ends with `ksft_exit`. Output is TAP:
# one "ok N - ..." / "not ok N - ..." line per check, "# SKIP" for checks
# that cannot run on this kernel, and the plan "1..N" at the end.
#
# The runner (run.sh) sets XSCTP_KO to the module built for the running
# kernel and XSCTP_BIN to the selftest programs.

# The guest's root is read-only: the tests' Python modules are compiled
# once, into /tmp, rather than at every start of each script.
export PYTHONPYCACHEPREFIX=${PYTHONPYCACHEPREFIX:-/tmp/xsctp-pycache}
# sleep and seq as bash builtins (Debian's bash-builtins, which
# tools/setup.sh installs): each poll's `sleep 0.1` would otherwise start a
# process, about 0.3 s of CPU on the sanitizer kernel under TCG.
enable -f /usr/lib/bash/sleep sleep 2>/dev/null
enable -f /usr/lib/bash/seq seq 2>/dev/null

KSFT_PASS=0
KSFT_FAIL=1
KSFT_SKIP=4

: "${XSCTP_KO:?XSCTP_KO must name xsctp.ko}"
XSCTP_BIN=${XSCTP_BIN:-$(dirname "$XSCTP_KO")/../selftests}
TEST=$(basename "$0" .sh)
# PY SCRIPT ARGS...: a selftest's Python script, started by the zygote
# run.sh keeps (pyzygote.py): a fork, not a python3 start of 0.6 s (stock
# kernel) to 4 s (sanitizer kernel) under TCG. Without the zygote, pyrun
# runs python3 itself.
PY=$XSCTP_BIN/pyrun
ksft_n=0 ksft_failed=0 ksft_skipped=0
ksft_since=${EPOCHREALTIME/[.,]/}

# ksft_took: after a result line, a comment with the time since the previous
# one, when it is 2 s or more: where a test's share of make check's time
# budget goes (Documentation/testing.rst).
ksft_took() {
	local now=${EPOCHREALTIME/[.,]/} us
	us=$((now - ksft_since))
	ksft_since=$now
	[ $us -lt 2000000 ] || printf '#   (%d.%d s)\n' $((us / 1000000)) $((us / 100000 % 10))
}

ok() {
	ksft_n=$((ksft_n + 1))
	echo "ok $ksft_n - $TEST: $*"
	ksft_took
}

fail() {
	ksft_n=$((ksft_n + 1))
	ksft_failed=$((ksft_failed + 1))
	echo "not ok $ksft_n - $TEST: $*"
	ksft_took
}

skip() {
	local what=$1 why=$2
	ksft_n=$((ksft_n + 1))
	ksft_skipped=$((ksft_skipped + 1))
	echo "ok $ksft_n - $TEST: $what # SKIP $why"
	ksft_took
}

# check DESCRIPTION COMMAND...: one check that passes when COMMAND succeeds.
check() {
	local what=$1 out
	shift
	if out=$("$@" 2>&1); then
		ok "$what"
	else
		fail "$what"
		[ -n "$out" ] && printf '#   %s\n' "$out" | head -n 20
	fi
	return 0
}

# check_fails DESCRIPTION COMMAND...: passes when COMMAND fails.
check_fails() {
	local what=$1
	shift
	if "$@" >/dev/null 2>&1; then
		fail "$what (unexpectedly succeeded)"
	else
		ok "$what"
	fi
}

# Echo a command, then run it (for the log).
pp() {
	echo "# $*"
	"$@"
}

ksft_exit() {
	echo "1..$ksft_n"
	if [ $ksft_failed -gt 0 ]; then
		exit $KSFT_FAIL
	elif [ $ksft_n -gt 0 ] && [ $ksft_skipped -eq $ksft_n ]; then
		exit $KSFT_SKIP
	fi
	exit $KSFT_PASS
}

# --- module and kernel helpers ---------------------------------------------

xsctp_loaded() { [ -d /sys/module/xsctp ]; }
sctp_loaded() { [ -d /sys/module/sctp ]; }

# insmod, after the modules xsctp.ko needs (libcrc32c on stock kernels).
xsctp_load() {
	local deps
	deps=$(modinfo -F depends "$XSCTP_KO" | tr ',' ' ')
	# shellcheck disable=SC2086 # one word per module
	[ -z "$deps" ] || modprobe -a $deps || return 1
	insmod "$XSCTP_KO"
}

# unload_module NAME CMD...: unload, retrying for a few seconds, because a
# closed socket may hold its module until an RCU grace period has passed.
unload_module() {
	local name=$1
	shift
	for _ in $(seq $((100 * $(by_kernel 1 3)))); do
		[ -d "/sys/module/$name" ] || return 0
		"$@" 2>/dev/null && return 0
		sleep 0.1
	done
	"$@"
}

xsctp_unload() { unload_module xsctp rmmod xsctp; }

# --- the sanitizer kernel --------------------------------------------------
# The debug kernel (KASAN, lockdep, kmemleak, UBSAN; one vCPU) runs about
# ten times slower than the stock ones. There the tests move megabytes,
# not hundreds of them, and wait longer for what they wait for; they check
# the same outcomes and counters. kmemleak's file tells it (run.sh's guest
# mounts debugfs).
sanitizer_kernel() { [ -e /sys/kernel/debug/kmemleak ]; }

# by_kernel STOCK SANITIZER: the value for the running kernel.
by_kernel() {
	if sanitizer_kernel; then printf '%s\n' "$2"; else printf '%s\n' "$1"; fi
}

# safety_ms MS: a safety net for something expected to take about MS ms:
# ten times that plus 2 s, three times more on the sanitizer kernel. It
# only catches a hang: what a test proves about timers it proves by the
# order of events and by counters, with timers long enough to make that
# order unambiguous.
safety_ms() { echo $(((10 * $1 + 2000) * $(by_kernel 1 3))); }

# wait_until SECONDS COMMAND...: until COMMAND succeeds, polling every
# 0.1 s, for at most SECONDS (three times that on the sanitizer kernel).
wait_until() {
	local n=$(($1 * 10 * $(by_kernel 1 3)))
	shift
	for _ in $(seq "$n"); do
		"$@" && return 0
		sleep 0.1
	done
	"$@"
}

# one_of_each: true on the sanitizer kernel and in the smoke run of older
# kernels (run.sh's @smoke sets XSCTP_SMOKE), where a test that crosses
# dimensions (address families x blocking modes x kinds of fault) takes
# each value of each dimension at least once rather than every
# combination: IPv4 blocking and IPv6 non-blocking, say. Stock 6.12 runs
# every combination (Documentation/testing.rst, "The budget").
one_of_each() { sanitizer_kernel || [ -n "${XSCTP_SMOKE:-}" ]; }

# combination FAM MODE: whether this run takes that family and blocking
# mode (all of them, or IPv4 blocking and IPv6 non-blocking).
combination() {
	one_of_each || return 0
	[ "$1/$2" = 4/blocking ] || [ "$1/$2" = 6/non-blocking ]
}

# alternate FAM I: whether this run takes the Ith (from 0) of a list of
# cases (kinds of fault, say) for address family FAM. All of them, or
# with one_of_each the even ones for IPv4 and the odd ones for IPv6: each
# case once, each family half of them.
alternate() {
	one_of_each || return 0
	[ $(($2 % 2)) -eq $(($1 == 6)) ]
}

# Is Linux's own sctp.ko available to this kernel (the reference oracle)?
have_sctp_ko() { modinfo sctp >/dev/null 2>&1; }

# no_sctp_ko WHAT: true when this kernel has no sctp.ko, after a skip of
# WHAT where it is built without SCTP (the debug kernel has no
# /boot/config and no IP_SCTP), or a failure where its /boot/config says
# it has one (a stock kernel whose sctp.ko went missing).
no_sctp_ko() {
	local config
	config=/boot/config-$(uname -r)
	have_sctp_ko && return 1
	if grep -qs '^CONFIG_IP_SCTP=[ym]' "$config"; then
		fail "$1: $config has CONFIG_IP_SCTP but modinfo finds no sctp.ko"
	else
		skip "$1" "this kernel is built without SCTP: no sctp.ko to compare with"
	fi
}

sctp_unload() { unload_module sctp modprobe -r sctp; }

# Sockets of a protocol (XSCTP, XSCTPv6, SCTP...) open in this namespace.
sockets_in_use() {
	awk -v p="$1" '$1 == p { print $3; found = 1 } END { if (!found) print "absent" }' \
		/proc/net/protocols
}

# ns_anchor NS: a process that sleeps in NS (its pid in
# /tmp/xsctp-anchor.NS), so that NS's files under /proc/PID/net can be
# read without entering it: a poll of a counter is then no process start
# (two, an ip and an awk, cost about a second on the sanitizer kernel).
# netns_kill ends it with the namespace's other processes.
ns_anchor() {
	ip netns exec "$1" sleep 1000000 </dev/null >/dev/null 2>&1 &
	echo $! >"/tmp/xsctp-anchor.$1"
}

# ns_proc_net NS: NS's /proc/net, through its anchor, if it still is in
# NS (the pid could be another's by now); else nothing.
ns_proc_net() {
	local pid
	read -r pid 2>/dev/null <"/tmp/xsctp-anchor.$1" || return 1
	[ "/proc/$pid/ns/net" -ef "/run/netns/$1" ] && echo "/proc/$pid/net"
}

# xsctp_counter NAME [NETNS]: a counter from /proc/net/xsctp/snmp of the
# current namespace, or of NETNS.
xsctp_counter() {
	local dir=/proc/net name value
	if [ -n "${2:-}" ] && ! dir=$(ns_proc_net "$2"); then
		ip netns exec "$2" awk -v c="$1" '$1 == c { print $2 }' /proc/net/xsctp/snmp 2>/dev/null
		return
	fi
	while read -r name value; do
		[ "$name" != "$1" ] || { echo "$value"; return; }
	done 2>/dev/null <"$dir/xsctp/snmp"
}

# Make /lib/modules writable (the guest root is read-only), always in a
# layer of its own that the caller unmounts: an overlay where the kernel
# has one, else a tmpfs (the debug kernel has no modules of its own to
# hide).
modules_dir_writable() {
	local dir=/lib/modules
	mkdir -p /tmp/modules.upper /tmp/modules.work
	if modprobe -q overlay 2>/dev/null || grep -qw overlay /proc/filesystems; then
		mount -t overlay overlay \
			-o "lowerdir=$dir,upperdir=/tmp/modules.upper,workdir=/tmp/modules.work" "$dir"
	else
		mount -t tmpfs tmpfs "$dir"
	fi
}

# Leave no module behind for the next test, whatever this one did.
cleanup_modules() {
	xsctp_unload 2>/dev/null
	sctp_unload 2>/dev/null
	return 0
}

# Tests start with neither SCTP module loaded; say so if one is stuck.
start_clean() {
	cleanup_modules
	if xsctp_loaded || sctp_loaded; then
		fail "start with no SCTP module loaded ($(lsmod | grep -w -e sctp -e xsctp | tr -s ' ' | tr '\n' ';'))"
		ksft_exit
	fi
}

# start_module WHAT: a clean start with xsctp loaded; or, with LINUX=1
# (the *_ko tests, which run after coexist), with sctp.ko, or a skip of
# WHAT where this kernel has none.
start_module() {
	if [ -z "${LINUX:-}" ]; then
		start_clean
		check "insmod xsctp.ko" xsctp_load
		return
	fi
	TEST=${TEST}_ko
	no_sctp_ko "$1" && ksft_exit
	check "sctp.ko loaded" modprobe sctp
}

# in_ns NS CMD...: CMD in network namespace NS. A Python script, alone or
# under timeout (python3 X.py, $PY X.py, timeout N ...), goes to pyrun -n
# NS: no `ip netns exec` process (another 0.7 s on the sanitizer kernel).
in_ns() {
	local ns=$1 bounded=()
	shift
	if [ "${1:-}" = timeout ] && [[ ${2:-} != -* ]] && [[ ${4:-} == *.py ]]; then
		bounded=(timeout "$2")
		shift 2
	fi
	if { [ "${1:-}" = python3 ] || [ "${1:-}" = "$PY" ]; } && [[ ${2:-} == *.py ]]; then
		shift
		"${bounded[@]}" "$PY" -n "$ns" "$@"
	else
		ip netns exec "$ns" "${bounded[@]}" "$@"
	fi
}

# Two namespaces joined by a veth pair:
#   ns xsctp-a                        ns xsctp-b
#   veth-a 198.51.100.1/24  ------  veth-b 198.51.100.2/24
#          2001:db8::1/64                  2001:db8::2/64
a() { in_ns xsctp-a "$@"; }
b() { in_ns xsctp-b "$@"; }
# (Three ip processes in batch mode, not one or two per command: each
# costs about half a second on the sanitizer kernel.)
two_namespaces() {
	ip -batch - <<-'IP' &&
		netns add xsctp-a
		netns add xsctp-b
		link add veth-a netns xsctp-a type veth peer name veth-b netns xsctp-b
	IP
	ip -n xsctp-a -batch - <<-'IP' &&
		addr add 198.51.100.1/24 dev veth-a
		addr add 2001:db8::1/64 dev veth-a nodad
		link set veth-a up
		link set lo up
	IP
	ip -n xsctp-b -batch - <<-'IP' &&
		addr add 198.51.100.2/24 dev veth-b
		addr add 2001:db8::2/64 dev veth-b nodad
		link set veth-b up
		link set lo up
	IP
	ns_anchor xsctp-a && ns_anchor xsctp-b
}
# netns_kill NS...: end every process still in the namespaces. A job
# started as `b prog &` is a shell whose child is prog: killing the job
# leaves prog running (and holding the test's output open) until its own
# time runs out.
netns_kill() {
	local ns pids
	for ns; do
		pids=$(ip netns pids "$ns" 2>/dev/null)
		# shellcheck disable=SC2086 # one word per process
		[ -z "$pids" ] || kill $pids 2>/dev/null
	done
	return 0
}
two_namespaces_del() {
	netns_kill xsctp-a xsctp-b
	ip netns del xsctp-a 2>/dev/null
	ip netns del xsctp-b 2>/dev/null
	return 0
}

# The EXIT trap of tests with background jobs in the two namespaces.
two_namespaces_cleanup() {
	netns_kill xsctp-a xsctp-b
	# shellcheck disable=SC2046 # one word per job
	kill $(jobs -p) 2>/dev/null
	wait 2>/dev/null
	two_namespaces_del
	cleanup_modules
}

# wait_counter NS COUNTER VALUE: counters move asynchronously to sendto()
# (within 5 s; 15 s on the sanitizer kernel).
wait_counter() {
	for _ in $(seq $((50 * $(by_kernel 1 3)))); do
		[ "$(xsctp_counter "$2" "$1")" = "$3" ] && return 0
		sleep 0.1
	done
	ip netns exec "$1" cat /proc/net/xsctp/snmp | sed 's/^/#   /'
	return 1
}

# matrix_run OUT: sctp_matrix.py from namespace a against a one-to-one
# listener in b, whichever SCTP module is loaded; results in OUT.
matrix_run() {
	local ready=/tmp/matrix.ready
	rm -f "$ready"
	b python3 "$(dirname "${BASH_SOURCE[0]}")/sctp_conn.py" serve 198.51.100.2 5100 \
		--accept 1000 --hold 120 --ready "$ready" >/dev/null &
	wait_until 10 test -e "$ready"
	a timeout 90 python3 \
		"$(dirname "${BASH_SOURCE[0]}")/sctp_matrix.py" 198.51.100.1 198.51.100.2 5100 >"$1" 2>&1
	netns_kill xsctp-b
	wait 2>/dev/null
	sed 's/^/# /' "$1"
}

# The net.sctp.* settings xsctp provides with Linux's names, and xsctp's
# default for each (Documentation/sysctl.rst).
declare -A XSCTP_SYSCTL_DEFAULTS=(
	[rto_initial]=1000 [rto_min]=1000 [rto_max]=60000
	[max_init_retransmits]=8 [association_max_retrans]=10
	[path_max_retrans]=5 [hb_interval]=30000 [valid_cookie_life]=60000
)

# sysctl_limits_hold: the limits Linux's net/sctp/sysctl.c puts on those
# settings hold in this namespace, whichever module provides them. Leaves
# every value as it found it.
sysctl_limits_hold() {
	local d=/proc/sys/net/sctp name min max
	for name in "${!XSCTP_SYSCTL_DEFAULTS[@]}"; do
		! echo 0 >"$d/$name" 2>/dev/null || { echo "$name accepted 0"; return 1; }
	done
	for name in rto_initial hb_interval valid_cookie_life rto_max; do
		! echo 86400001 >"$d/$name" 2>/dev/null ||
			{ echo "$name accepted more than a day"; return 1; }
	done
	min=$(cat "$d/rto_min") max=$(cat "$d/rto_max")
	! echo $((max + 1)) >"$d/rto_min" 2>/dev/null || { echo "rto_min > rto_max"; return 1; }
	! echo $((min - 1)) >"$d/rto_max" 2>/dev/null || { echo "rto_max < rto_min"; return 1; }
	echo "$min" >"$d/rto_max" && echo "$min" >"$d/rto_min" || return 1
	echo "$max" >"$d/rto_max"
	echo 2147483647 >"$d/path_max_retrans" || return 1
	echo "${XSCTP_SYSCTL_DEFAULTS[path_max_retrans]}" >"$d/path_max_retrans"
	pf_limits_hold
}

# The potentially-failed settings (RFC 7829), whose zeros are valid.
declare -A XSCTP_PF_DEFAULTS=(
	[pf_enable]=1 [pf_retrans]=0 [ps_retrans]=65535 [pf_expose]=0
)

# pf_limits_hold: Linux's limits on those: pf_retrans <= ps_retrans <=
# 0xffff bound each other, pf_expose is 0..2 and pf_enable takes any int.
# Leaves every value as its default.
pf_limits_hold() {
	local d=/proc/sys/net/sctp name
	for name in "${!XSCTP_PF_DEFAULTS[@]}"; do
		[ "$(cat "$d/$name")" = "${XSCTP_PF_DEFAULTS[$name]}" ] ||
			{ echo "$name: $(cat "$d/$name")"; return 1; }
	done
	! echo 65536 >"$d/ps_retrans" 2>/dev/null || { echo "ps_retrans accepted 65536"; return 1; }
	echo 3 >"$d/ps_retrans" || return 1
	! echo 4 >"$d/pf_retrans" 2>/dev/null || { echo "pf_retrans > ps_retrans"; return 1; }
	echo 3 >"$d/pf_retrans" || return 1
	! echo 2 >"$d/ps_retrans" 2>/dev/null || { echo "ps_retrans < pf_retrans"; return 1; }
	! echo -1 >"$d/pf_retrans" 2>/dev/null || { echo "pf_retrans accepted -1"; return 1; }
	! echo 3 >"$d/pf_expose" 2>/dev/null || { echo "pf_expose accepted 3"; return 1; }
	echo 2 >"$d/pf_expose" && echo 7 >"$d/pf_enable" || return 1
	for name in "${!XSCTP_PF_DEFAULTS[@]}"; do
		echo "${XSCTP_PF_DEFAULTS[$name]}" >"$d/$name" || return 1
	done
}
