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

for part in options autoclose t5 one_to_one one_to_many; do
	out=$(timeout 120 python3 "$here/teardown.py" "$part" 2>&1)
	sed 's/^/# /' <<<"$out"
	check "$part as Linux" diff <(sed -n "/^\[$part\]$/,/^\[/{/^\[/d;p}" "$here/teardown.expected") - <<<"$out"
done
if [ -z "${LINUX:-}" ]; then
	check "every socket closed" test "$(sockets_in_use XSCTP)/$(sockets_in_use XSCTPv6)" = 0/0
fi
ksft_exit
