#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Proves: the four-way handshake (INIT, INIT ACK, COOKIE ECHO, COOKIE ACK)
# sets up associations between xsctp sockets in two namespaces, for IPv4,
# IPv6 and v4-mapped addresses, one-to-one (listen/accept) and one-to-many
# listeners, blocking and non-blocking (poll + SO_ERROR); that connect()
# fails with ECONNREFUSED where nothing listens, ETIMEDOUT when INITs are
# lost, ENOPROTOOPT (SO_ERROR) on an ICMP protocol unreachable, EISCONN
# when already connected; that connect(AF_UNSPEC) dissolves a one-to-one
# association (an xsctp difference); that the responder keeps no state
# for an INIT, creates one for its own cookie echoed by a hand-made peer,
# and counts forged and stale cookies (answering the latter with a Stale
# Cookie error); that notifications nobody reads stay within the receive
# buffer, the rest counted as dropped; and that everything is freed (the
# module unloads).
# (Topology: two_namespaces in lib.sh.)
source "$(dirname "$0")/lib.sh"
CONN="$PY $(dirname "$0")/sctp_conn.py"
READY=/tmp/xsctp-handshake.ready
DONE=/tmp/xsctp-handshake.done
trap two_namespaces_cleanup EXIT
two_namespaces_cleanup
start_clean

# serve ADDR PORT [ARGS...]: a listener in b, in the background, until
# served; --hold only bounds a wait for accept() that never ends.
serve() {
	rm -f "$READY" "$DONE"
	b $CONN serve --ready "$READY" --hold 60 --until "$DONE" "$@" >/dev/null &
	wait_until 10 test -e "$READY"
}

# served: the test is done with serve's listener, which closes.
served() {
	touch "$DONE"
	wait
}

client() { a timeout "$(by_kernel 30 90)" $CONN connect "$@"; }

check "insmod xsctp.ko" xsctp_load
check "two namespaces joined by veth" two_namespaces

serve 198.51.100.2 5001
check "IPv4 one-to-one: connect() is accepted" client 198.51.100.2 5001
check "... the responder counted one association from a cookie" wait_counter xsctp-b XsctpPassiveEstabs 1
check "... the initiator one from connect" wait_counter xsctp-a XsctpActiveEstabs 1
served

serve 2001:db8::2 5002
check "IPv6 one-to-one: connect() is accepted" client 2001:db8::2 5002
served
serve 198.51.100.2 5003
check "v4-mapped address from an IPv6 socket" client ::ffff:198.51.100.2 5003 --family 6
served
serve 198.51.100.2 5004 --type seqpacket
check "one-to-many listener takes a one-to-one client" client 198.51.100.2 5004
served

serve 198.51.100.2 5005
check "non-blocking connect: EINPROGRESS, POLLOUT, SO_ERROR 0" client 198.51.100.2 5005 --nonblock
served
serve 198.51.100.2 5006
check "a second connect() on a connected socket: EISCONN" client 198.51.100.2 5006 --twice --expect EISCONN
served
serve 198.51.100.2 5009 --accept 2
check "connect(AF_UNSPEC) dissolves, and the socket connects again (xsctp only)" \
	client 198.51.100.2 5009 --dissolve
served

# Linux's accept-queue rule: backlog N takes N + 1 associations; the
# next COOKIE ECHO is refused. One aborted before accept() frees its place.
# The two stay until the third has been tried.
serve 198.51.100.2 5011 --accept 0 --backlog 1
estabs=$(xsctp_counter XsctpPassiveEstabs xsctp-b)
rm -f "$DONE.clients"
client 198.51.100.2 5011 --stay 60 --until "$DONE.clients" >/dev/null &
first=$!
client 198.51.100.2 5011 --stay 60 --until "$DONE.clients" >/dev/null &
second=$!
check "two associations wait for accept()" \
	wait_counter xsctp-b XsctpPassiveEstabs $((estabs + 2))
check "listen(1): the third is refused (ECONNREFUSED)" client 198.51.100.2 5011 --expect ECONNREFUSED
check "... counted" wait_counter xsctp-b XsctpCookieBacklogFull 1
touch "$DONE.clients"
wait "$first" "$second"
check "once the first two have ended, a new one fits" client 198.51.100.2 5011
served

check "nothing listening: ECONNREFUSED (out-of-the-blue ABORT)" client 198.51.100.2 5999 --expect ECONNREFUSED
check "... non-blocking: POLLERR and SO_ERROR ECONNREFUSED" client 198.51.100.2 5999 --nonblock --expect ECONNREFUSED

# Lost INITs: 1 retransmission, T1 from 100 ms, so ETIMEDOUT comes fast.
blackhole() {
	b nft -f - <<'NFT'
table inet xsctp_test {
	chain input {
		type filter hook input priority 0;
		meta l4proto sctp drop
	}
}
NFT
}
check "SCTP dropped in b" blackhole
a sysctl -qw net.sctp.max_init_retransmits=1 net.sctp.rto_initial=100 net.sctp.rto_min=100 net.sctp.rto_max=200
before=$(xsctp_counter XsctpInitAcksSent xsctp-b)
check "INITs lost: ETIMEDOUT" client 198.51.100.2 5007 --expect ETIMEDOUT --timeout 5
b nft delete table inet xsctp_test

# No SCTP at the destination: ICMP protocol unreachable ends the setup.
proto_unreachable() {
	b nft -f - <<'NFT'
table ip xsctp_test {
	chain input {
		type filter hook input priority 0;
		ip protocol sctp reject with icmp type prot-unreachable
	}
}
NFT
}
check "b answers SCTP with ICMP protocol unreachable" proto_unreachable
check "... non-blocking connect: SO_ERROR ENOPROTOOPT (as Linux)" \
	client 198.51.100.2 5010 --nonblock --expect ENOPROTOOPT
check "... blocking connect: ECONNREFUSED (as Linux)" \
	client 198.51.100.2 5010 --expect ECONNREFUSED
b nft delete table ip xsctp_test

# A flood of INITs: answered, and nothing kept.
INIT_FLOOD="$PY $(dirname "$0")/sctp_packet.py send 198.51.100.2 --dport 5008 --count 200"
# Cookies live 300 ms from here on (the listener copies it when created).
b sysctl -qw net.sctp.valid_cookie_life=300
serve 198.51.100.2 5008 --accept 0
estabs=$(xsctp_counter XsctpPassiveEstabs xsctp-b)
check "200 INITs to a listener" a $INIT_FLOOD
check "... each answered with an INIT ACK" wait_counter xsctp-b XsctpInitAcksSent $((before + 200))
check "... and no association kept for any" test "$(xsctp_counter XsctpPassiveEstabs xsctp-b)" = "$estabs"

# Hand-made handshakes from a raw socket: the responder's own checks.
PKT="$PY $(dirname "$0")/sctp_packet.py"
check "a raw INIT, then its cookie echoed: COOKIE ACK" \
	a $PKT cookie-echo 198.51.100.2 --dport 5008 --sport 6001
check "a cookie with one byte changed: no answer" \
	a $PKT cookie-echo 198.51.100.2 --dport 5008 --sport 6002 --forge --expect "no answer"
check "... counted as a bad MAC" wait_counter xsctp-b XsctpCookieBadMac 1
check "a cookie echoed after its lifetime: a Stale Cookie error" \
	a $PKT cookie-echo 198.51.100.2 --dport 5008 --sport 6003 --wait 1 --expect "ERROR stale cookie"
check "... counted as stale" wait_counter xsctp-b XsctpCookieStale 1
served

# Notifications a user does not read are bounded by its receive buffer.
dropped=$(xsctp_counter XsctpNotificationsDropped xsctp-a)
read=$(a python3 "$(dirname "$0")/notify_bound.py" 198.51.100.1 5020 20)
check "20 COMM_UPs for a minimal receive buffer: some queued (${read:-?})" \
	test "${read:-0}" -ge 1
check "... the others dropped and counted" test \
	"$(( $(xsctp_counter XsctpNotificationsDropped xsctp-a) - dropped + ${read:-0} ))" = 20

check "every socket closed" test "$(sockets_in_use XSCTP)/$(sockets_in_use XSCTPv6)" = 0/0
check "rmmod xsctp (no association left holding it)" xsctp_unload
ksft_exit
