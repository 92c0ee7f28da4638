#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Proves RFC 9260 5.2 on the wire, between xsctp in two namespaces and
# hand-made packets (Documentation/state-machine.rst has the rules):
# - simultaneous open: two one-to-many sockets that connect to each other
#   at once, their INITs crossing, each end with one ESTABLISHED
#   association and none created from a cookie beside it;
# - an INIT from the peer of an ESTABLISHED association is answered with
#   an INIT ACK, and nothing is created or changed;
# - an INIT from that peer listing an address the association does not
#   have, or from such an address listing one the association has, is
#   answered with an ABORT whose cause (11, Restart of an Association with
#   New Addresses) names the new address;
# - a peer restart (a new INIT from the same address and port, its cookie
#   echoed) gets a COOKIE ACK and restarts the association in place: the
#   same id, the new peer's window, no second association;
# - a COOKIE ECHO that arrives after its cookie's life is answered with a
#   Stale Cookie error, and the initiator's new INIT asks for a longer life
#   (Cookie Preservative) with which the setup completes.
# With LINUX=1 (collision_ko.sh) the same exchanges run against Linux's
# sctp.ko, the reference, and only xsctp's counters are not checked.
# (Topology: two_namespaces in lib.sh.)
source "$(dirname "$0")/lib.sh"
LINUX=${LINUX:-}
# shellcheck disable=SC2034 # lib.sh names each check by it
[ -z "$LINUX" ] || TEST=collision_ko
CONN="$PY $(dirname "$0")/sctp_conn.py"
PKT="$PY $(dirname "$0")/sctp_packet.py"
READY=/tmp/xsctp-collision.ready
trap two_namespaces_cleanup EXIT
two_namespaces_cleanup

# counted DESCRIPTION COMMAND...: a check of xsctp's counters.
counted() {
	[ -n "$LINUX" ] || check "$@"
}

if [ -z "$LINUX" ]; then
	start_clean
	check "insmod xsctp.ko" xsctp_load
elif no_sctp_ko "RFC 9260 5.2 against sctp.ko"; then
	ksft_exit
else
	check "sctp.ko loaded (for good)" modprobe sctp
fi
check "two namespaces joined by veth" two_namespaces

# delay MS: each direction delays packets MS milliseconds.
delay() {
	a tc qdisc add dev veth-a root netem delay "$1ms" &&
		b tc qdisc add dev veth-b root netem delay "$1ms"
}
undelay() {
	a tc qdisc del dev veth-a root
	b tc qdisc del dev veth-b root
}

# at_least NS COUNTER N
at_least() { [ "$(xsctp_counter "$2" "$1")" -ge "$3" ]; }

# Two INITs sent within 300 ms of each other cross on the wire, whatever
# the guest's speed.
check "300 ms each way on the link" delay 300
# Both start at the same moment, once both pythons are surely up.
at=$(($(date +%s%3N) + 4000))
a $CONN simopen 198.51.100.1 7000 198.51.100.2 7000 --at $at --hold 2 \
	>/tmp/xsctp-simopen-a.log 2>&1 &
pid_a=$!
b $CONN simopen 198.51.100.2 7000 198.51.100.1 7000 --at $at --hold 2 \
	>/tmp/xsctp-simopen-b.log 2>&1 &
pid_b=$!
wait "$pid_a"
status_a=$?
wait "$pid_b"
status_b=$?
sed 's/^/# a: /' /tmp/xsctp-simopen-a.log
sed 's/^/# b: /' /tmp/xsctp-simopen-b.log
check "simultaneous open: a's sctp_connectx() gives an ESTABLISHED association" test $status_a = 0
check "... so does b's" test $status_b = 0
counted "... a answered b's INIT from its association (INIT ACK)" at_least xsctp-a XsctpInitAcksSent 1
counted "... and b a's" at_least xsctp-b XsctpInitAcksSent 1
counted "... one association each, set up by connect" \
	test "$(xsctp_counter XsctpActiveEstabs xsctp-a)/$(xsctp_counter XsctpActiveEstabs xsctp-b)" = 1/1
counted "... and none from a cookie beside it" \
	test "$(xsctp_counter XsctpPassiveEstabs xsctp-a)/$(xsctp_counter XsctpPassiveEstabs xsctp-b)" = 0/0
undelay

# One association, b's side accepted by a socket bound to every IPv4 and
# IPv6 address; its status before and after.
rm -f "$READY" "$READY.client" "$READY.server"
b $CONN serve :: 7100 --accept 1 --hold 30 --linger 90 --status --events \
	--abort --ready "$READY" --until "$READY.server" >/tmp/xsctp-restart-server.log 2>&1 &
server=$!
wait_until 10 test -e "$READY"
# The client outlives the hand-made packets below, then aborts: its ABORT
# carries the tag b used before the restart, which b must ignore. (b's
# peer is then hand-made packets, which would never answer a SHUTDOWN:
# b aborts too.)
a timeout 120 $CONN connect 198.51.100.2 7100 --stay 90 --abort \
	--until "$READY.client" >/tmp/xsctp-restart-client.log 2>&1 &
client=$!
wait_until 10 grep -q "local port" /tmp/xsctp-restart-client.log
port=$(sed -n 's/.*local port \([0-9]*\).*/\1/p' /tmp/xsctp-restart-client.log)
check "an association from a's port ${port:-?} to b" test -n "$port"
passive=$(xsctp_counter XsctpPassiveEstabs xsctp-b)

check "INIT from the peer of an ESTABLISHED association: INIT ACK" \
	a $PKT init 198.51.100.2 --sport "$port" --dport 7100 --expect "INIT ACK"
check "... listing a new address: ABORT, cause 11 naming it" \
	a $PKT init 198.51.100.2 --sport "$port" --dport 7100 --list 198.51.100.3 \
	--expect "ABORT cause 11 198.51.100.3"
# new_source ANSWER: an INIT from a's IPv6 address, which the association
# does not have, listing its IPv4 one, gets ANSWER from b.
new_source() {
	a $PKT init 2001:db8::2 --src 2001:db8::1 --sport "$port" --dport 7100 \
		--list 198.51.100.1 --expect "$1"
}
if [ -z "$LINUX" ]; then
	check "... from a new address, listing the association's: ABORT, cause 11 naming it" \
		new_source "ABORT cause 11 2001:db8::1"
else
	# A documented difference (Documentation/linux-differences.rst):
	# sctp.ko drops this INIT without a word.
	check "... from a new address, listing the association's: no answer (sctp.ko drops it; xsctp ABORTs, cause 11)" \
		new_source "no answer"
fi
check "peer restart (new INIT from the same port, cookie echoed): COOKIE ACK" \
	a $PKT cookie-echo 198.51.100.2 --sport "$port" --dport 7100
counted "... counted as a restart" wait_counter xsctp-b XsctpRestarts 1
counted "... no association created beside it" \
	test "$(xsctp_counter XsctpPassiveEstabs xsctp-b)" = "$passive"
bad_vtag=$(xsctp_counter XsctpInBadVtag xsctp-b)
touch "$READY.client"
wait "$client"
counted "... the old peer's ABORT (its tag from before the restart) dropped" \
	wait_until 5 at_least xsctp-b XsctpInBadVtag $((${bad_vtag:-0} + 1))
# (sctp.ko has no such counter: its ABORT is given time to arrive.)
[ -z "$LINUX" ] || sleep 1
touch "$READY.server"
wait "$server"
sed 's/^/# b: /' /tmp/xsctp-restart-server.log
restart_kept_id() {
	local first last
	first=$(sed -n 's/^status id \([0-9]*\) state 4 rwnd.*/\1/p' /tmp/xsctp-restart-server.log | head -n1)
	last=$(sed -n 's/^status id \([0-9]*\) state 4 rwnd 65536$/\1/p' /tmp/xsctp-restart-server.log | tail -n1)
	[ -n "$first" ] && [ "$first" = "$last" ]
}
check "... the same association id, ESTABLISHED, with the new peer's window (after the old peer's ABORT)" \
	restart_kept_id
check "... the server read SCTP_COMM_UP, then SCTP_RESTART" test \
	"$(sed -n 's/^notification //p' /tmp/xsctp-restart-server.log | tr '\n' ' ')" = "COMM_UP RESTART "

# b's cookies live 300 ms and the link takes 200 ms each way: the first
# COOKIE ECHO arrives about 100 ms late. The Stale Cookie error says by
# how much; a's new INIT asks for twice that (200 ms), and the cookie
# then lives 500 ms, enough for the 400 ms round trip.
check "200 ms each way on the link" delay 200
b sysctl -qw net.sctp.valid_cookie_life=300
rm -f "$READY"
b $CONN serve 198.51.100.2 7200 --accept 1 --hold 20 --ready "$READY" >/dev/null 2>&1 &
wait_until 10 test -e "$READY"
inits=$(xsctp_counter XsctpInitAcksSent xsctp-b)
check "a cookie that arrives stale: connect() succeeds after a new INIT" \
	a timeout 20 $CONN connect 198.51.100.2 7200
counted "... b answered one Stale Cookie error" wait_counter xsctp-b XsctpCookieStale 1
counted "... and answered two INITs" wait_counter xsctp-b XsctpInitAcksSent $((inits + 2))
wait
undelay

if [ -z "$LINUX" ]; then
	check "every socket closed" test "$(sockets_in_use XSCTP)/$(sockets_in_use XSCTPv6)" = 0/0
	check "rmmod xsctp (no association left holding it)" xsctp_unload
fi
ksft_exit
