#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Proves: unmodified lksctp-tools programs work over xsctp. sctp_darn,
# linked to Debian's libsctp, sets an association up with sctp_connectx()
# (-c) on a one-to-many and on a one-to-one (-t) socket and reads its
# SCTP_COMM_UP, sends a line and closes; sctp_test, as a one-to-many
# server, reads COMM_UP, the line, and SHUTDOWN_COMPLETE (the client's
# close ends it gracefully) for each. With LINUX=1 (lksctp_tools_ko.sh)
# the same runs against sctp.ko. (sctp_test as a client, with message
# size patterns, is in transfer.sh.)
# (Topology: two_namespaces in lib.sh.)
source "$(dirname "$0")/lib.sh"
SERVER_LOG=/tmp/sctp_test.log
server=
stop_server() {
	[ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
	two_namespaces_cleanup
}
trap stop_server EXIT
two_namespaces_cleanup
start_module "lksctp-tools against sctp.ko"
check "two namespaces joined by veth" two_namespaces

# Not through b(): $! must be the server itself, for stop_server.
ip netns exec xsctp-b timeout 60 sctp_test -H 198.51.100.2 -P 5200 -l \
	>"$SERVER_LOG" 2>&1 &
server=$!
wait_listening() { wait_until 10 grep -q "Receiving packets" "$SERVER_LOG"; }
check "sctp_test listens (one-to-many)" wait_listening

# darn_connectx TCP-FLAG: sctp_darn -c against sctp_test; its output.
darn_connectx() {
	echo hello | a timeout 20 sctp_darn -H 198.51.100.1 -P 0 \
		-c 198.51.100.2 -p 5200 -s "$@" 2>&1
}

out=$(darn_connectx)
check "sctp_darn -c (one-to-many): SCTP_COMM_UP received" \
	grep -q "Received SCTP_COMM_UP" <<<"$out"
check "sctp_darn -c (one-to-many): the peer's address listed" \
	grep -q "^198.51.100.2:5200" <<<"$out"
out=$(darn_connectx -t)
check "sctp_darn -c -t (one-to-one): connected" \
	grep -q "New connection, peer addresses" <<<"$out"
check "sctp_darn -c -t (one-to-one): the peer's address listed" \
	grep -q "^198.51.100.2:5200" <<<"$out"

comm() { grep -cE "SCTP_ASSOC_CHANGE\(($1)\)" "$SERVER_LOG"; }
ENDED=SHUTDOWN_COMPLETE
ended() { [ "$(comm $ENDED)" -ge 2 ]; }
wait_ended() { wait_until 10 ended; }
check "sctp_test read $ENDED twice" wait_ended
check "sctp_test read COMMUNICATION_UP twice" test "$(comm COMMUNICATION_UP)" -eq 2
check "... with 10 streams each way" \
	test "$(grep -c 'state=0, error=0, instr=10 outstr=10' "$SERVER_LOG")" -eq 2
check "sctp_test read the line each client sent" \
	test "$(grep -c 'Data 7 bytes. First 7 bytes: hello' "$SERVER_LOG")" -eq 2
# shellcheck disable=SC2154 # ksft_failed is lib.sh's count of failures
[ "$ksft_failed" -eq 0 ] || sed 's/^/# /' "$SERVER_LOG"
ksft_exit
