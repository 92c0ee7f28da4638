#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Proves: the end of associations as Linux's sctp.ko does it
# (teardown.py, one line per outcome, against teardown.expected):
# SCTP_AUTOCLOSE closes an idle association gracefully, DATA either way
# restarts the idle time, a value set later does not apply to
# associations that exist; T5-shutdown-guard (5 x RTO.Max) ABORTs a
# SHUTDOWN the peer never answers, COMM_LOST and ETIMEDOUT;
# shutdown(SHUT_RD / SHUT_WR / SHUT_RDWR) on one-to-one sockets
# (connected, unconnected, listening, connecting, repeated) and on
# one-to-many ones, with poll(), recv(), send() and notifications after
# each. With LINUX=1 (teardown_ko.sh) the same runs against sctp.ko.
# (Topology: two_namespaces in lib.sh.)
source "$(dirname "$0")/lib.sh"
here=$(dirname "$0")
trap two_namespaces_cleanup EXIT
two_namespaces_cleanup
start_module "teardown against sctp.ko"
check "two namespaces joined by veth" two_namespaces

# kernel_hz: the running kernel's HZ, with no timing and no /boot/config
# (the debug kernel has none): a millisecond sysctl kept in jiffies
# (net.ipv4.neigh.lo.retrans_time_ms, in namespace a) reads each M of
# 1..1000 written back rounded up to whole jiffies, so exactly HZ of them
# (for any HZ up to 1000) read back unchanged.
kernel_hz() {
	a bash -c '
		f=/proc/sys/net/ipv4/neigh/lo/retrans_time_ms
		read -r old <"$f" || exit 1
		n=0
		for ((m = 1; m <= 1000; m++)); do
			echo "$m" >"$f" || exit 1
			read -r v <"$f"
			[ "$v" != "$m" ] || n=$((n + 1))
		done
		echo "$old" >"$f" && echo "$n"'
}
hz=$(kernel_hz)
if [[ $hz =~ ^[1-9][0-9]*$ ]]; then
	ok "HZ found: $hz"
	int_max_hz=$((2147483647 / hz))
else
	fail "HZ found (got '$hz')"
	hz=0 int_max_hz="(HZ unknown)"
fi
# A cross-check where /proc/timer_list shows jiffies (kernels with
# CONFIG_TICK_ONESHOT): their rate over 2 s is within 10 % of HZ.
timer_list() {
	awk '/^now at/ { t = $3 } /^jiffies:/ { print t, $2; exit }' /proc/timer_list 2>/dev/null
}
read -r t0 j0 < <(timer_list)
if [ -n "$j0" ]; then
	sleep 2
	read -r t1 j1 < <(timer_list)
	rate=$(((j1 - j0) * 1000000000 / (t1 - t0)))
	check "... the jiffies rate in /proc/timer_list agrees: $rate per second" \
		test $((rate * 10)) -ge $((hz * 9)) -a $((rate * 10)) -le $((hz * 11))
else
	echo "# /proc/timer_list shows no jiffies here: HZ $hz not cross-checked"
fi

# sctp.ko before 6.12 refused shutdown() on a listening one-to-one socket
# (EOPNOTSUPP), so its accept() then simply finds nothing; xsctp and
# sctp.ko of 6.12 shut the listener's receive side.
old_ko() {
	[ -n "${LINUX:-}" ] && ! printf '6.12\n%s\n' "$(uname -r)" | sort -V -C
}
expected() {
	sed -n "/^\[$1\]$/,/^\[/{/^\[/d;p}" "$here/teardown.expected" |
		sed "s|@INT_MAX/HZ@|$int_max_hz|" |
		if old_ko; then
			sed 's/^listener SHUT_RD: ok$/listener SHUT_RD: ENOTSUP/
			     s/^listener SHUT_RD accept: EINVAL$/listener SHUT_RD accept: EAGAIN/'
		else
			cat
		fi
}
for part in options autoclose t5 one_to_one one_to_many; do
	out=$(timeout 120 "$PY" "$here/teardown.py" "$part" 2>&1)
	sed 's/^/# /' <<<"$out"
	# Lines starting with "#" tell the times measured; only outcomes compare.
	check "$part as Linux" diff <(expected "$part") <(grep -v '^#' <<<"$out")
done
if [ -z "${LINUX:-}" ]; then
	check "every socket closed" test "$(sockets_in_use XSCTP)/$(sockets_in_use XSCTPv6)" = 0/0
fi
ksft_exit
