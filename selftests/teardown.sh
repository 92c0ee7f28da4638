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

# sctp.ko before 6.12 refused shutdown() on a listening one-to-one socket
# (EOPNOTSUPP), so its accept() then simply finds nothing; xsctp and
# sctp.ko of 6.12 shut the listener's receive side.
old_ko() {
	[ -n "${LINUX:-}" ] && ! printf '6.12\n%s\n' "$(uname -r)" | sort -V -C
}
expected() {
	sed -n "/^\[$1\]$/,/^\[/{/^\[/d;p}" "$here/teardown.expected" |
		if old_ko; then
			sed 's/^listener SHUT_RD: ok$/listener SHUT_RD: ENOTSUP/
			     s/^listener SHUT_RD accept: EINVAL$/listener SHUT_RD accept: EAGAIN/'
		else
			cat
		fi
}
for part in options autoclose t5 one_to_one one_to_many; do
	out=$(timeout 120 python3 "$here/teardown.py" "$part" 2>&1)
	sed 's/^/# /' <<<"$out"
	check "$part as Linux" diff <(expected "$part") - <<<"$out"
done
if [ -z "${LINUX:-}" ]; then
	check "every socket closed" test "$(sockets_in_use XSCTP)/$(sockets_in_use XSCTPv6)" = 0/0
fi
ksft_exit
