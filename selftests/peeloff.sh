#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Proves: SCTP_SOCKOPT_PEELOFF(_FLAGS) moves an association off a
# one-to-many socket to a new one-to-one-like socket with everything it
# had queued, while its peer keeps sending: three clients each send 2000
# messages of 1000 bytes at once (500 on the sanitizer kernel, lib.sh's
# sanitizer_kernel); the server peels each association off
# after its 100th message and reads the rest on the new socket; every
# client's messages arrive once and in order (SHA-256 per association).
# Also the option's errors and flags, as Linux (errors.expected).
# With LINUX=1 (peeloff_ko.sh) the same runs against sctp.ko.
# (Topology: two_namespaces in lib.sh.)
source "$(dirname "$0")/lib.sh"
PEEL="$PY $(dirname "$0")/peeloff.py"
trap two_namespaces_cleanup EXIT
two_namespaces_cleanup
start_module "peel-off against sctp.ko"
check "two namespaces joined by veth" two_namespaces

errors_expected() {
	cat <<'END'
one-to-one socket: EINVAL
no such association: EINVAL
optlen 7: EINVAL
nonblock|cloexec: nonblocking True cloexec True
peeled again: EINVAL
peeled socket reads the message: b'x'
the association left the first socket: EINVAL
listen() on the peeled socket: EINVAL
the client reads the answer: b'y'
flags 1 (unknown): a descriptor
END
}
out=$(b timeout 60 $PEEL errors 198.51.100.2 6000 2>&1)
check "errors and flags as Linux: $(tr '\n' ';' <<<"$out")" \
	diff <(errors_expected) - <<<"$out"

READY=/tmp/peeloff-ready
COUNT=$(by_kernel 2000 500)
rm -f "$READY"
b timeout 120 $PEEL serve 198.51.100.2 6001 --clients 3 --after 100 \
	--ready "$READY" >/tmp/peeloff-server.log 2>&1 &
server=$!
wait_until 10 test -e "$READY"
for i in 1 2 3; do
	a timeout 120 $PEEL send 198.51.100.2 6001 --count "$COUNT" --size 1000 \
		>"/tmp/peeloff-client$i.log" 2>&1 &
done
wait $server
status=$?
wait
check "three associations peeled off under traffic" test $status -eq 0
for i in 1 2 3; do
	read -r _ port _ sum _ < <(cat "/tmp/peeloff-client$i.log")
	check "client $i (port ${port:-?}): its $COUNT messages arrived once, in order, across the move" \
		grep -q "^assoc $port sha256 $sum messages $COUNT peeled yes$" /tmp/peeloff-server.log
done
sed 's/^/# /' /tmp/peeloff-server.log /tmp/peeloff-client*.log
if [ -z "${LINUX:-}" ]; then
	check "every socket closed" test "$(sockets_in_use XSCTP)/$(sockets_in_use XSCTPv6)" = 0/0
fi
ksft_exit
