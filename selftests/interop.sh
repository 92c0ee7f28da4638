#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Two-guest interop (run by tools/vm/pair.sh). Proves: an xsctp guest and a
# guest running Linux's sctp.ko exchange real SCTP packets over the QEMU
# link: a hand-made INIT is answered by sctp.ko with an INIT ACK carrying
# our tag; an xsctp connect() is accepted by sctp.ko; and an sctp.ko
# connect() is accepted by xsctp (both four-way handshakes complete).
# Then DATA both ways: each side sends the other 2 MB of messages of 100
# to 9000 bytes over 4 streams, a fifth of them unordered, and ends with
# close(); the receiver checks every message (sctp_xfer.py) and reads end
# of file after the graceful SHUTDOWN.
# Last, multihomed: the peer adds 192.0.2.3 and 192.0.2.4 (its route's
# source from then on), drops SCTP to and from 192.0.2.3 (nft, silently)
# and listens on both (sctp_bindx, port 5005);
# xsctp's blocking sctp_connectx([192.0.2.3, 192.0.2.4]) comes up through
# 192.0.2.4 in well under the 3 s sctp.ko's own client would take (xsctp
# races its INIT to the next address after init_stagger, 250 ms; the
# time is printed as a "# ... ms" line); the association holds both
# server addresses (SCTP_GET_PEER_ADDRS), its primary is 192.0.2.4 (the
# address that answered, SCTP_PRIMARY_ADDR) and 40 messages of 1 to 9000
# bytes come back intact from sctp.ko's echo. With hb_interval 1000 ms,
# heartbeats to the dead 192.0.2.3 go unanswered and its path leaves
# ACTIVE; once the peer lifts the drop, a heartbeat ACK makes it ACTIVE
# again (SCTP_GET_PEER_ADDR_INFO); shutdown(SHUT_WR) then ends it with
# SHUTDOWN_COMP on xsctp's side and end of file on sctp.ko's.
#
#   guest "xsctp" (XSCTP_ROLE=xsctp)          guest "peer" (XSCTP_ROLE=peer)
#   eth0 192.0.2.1/24  -- QEMU UDP socket --  eth0 192.0.2.2/24, sctp.ko
#   xsctp listening on 5002                   listening on port 5001
#                                             later 192.0.2.3 (SCTP dropped)
#                                             and 192.0.2.4, listening on 5005
# The peer starts its data transfers when the xsctp side sends "done" to
# UDP port 5009; once they are over, it sets up the multihomed listener,
# answers "ready" to datagrams on UDP port 5010 (the xsctp side asks
# until it does, so neither side waits on a fixed delay) and stops when
# that association has ended.
# The xsctp guest captures the exchange to interop.pcapng in its results
# share; tools/capture-check.sh decodes it on the host (tshark is too slow
# under TCG) and checks that every packet is valid SCTP with a good CRC32c.
# The multihomed case runs after that capture has stopped, into its own
# multihomed.pcapng (for reading, not checked).
source "$(dirname "$0")/lib.sh"
PKT="python3 $(dirname "$0")/sctp_packet.py"
CONN="python3 $(dirname "$0")/sctp_conn.py"
XFER="python3 $(dirname "$0")/sctp_xfer.py"
MULTI="python3 $(dirname "$0")/sctp_interop_multi.py"
MH_DEAD=192.0.2.3 MH_LIVE=192.0.2.4 MH_PORT=5005 MH_READY=5010
XFER_ARGS=(--bytes 2000000 --size 100-9000 --streams 4 --unordered 0.2)
trap cleanup_modules EXIT

wait_for_peer() {
	for _ in $(seq 120); do
		ping -c1 -W1 "$1" >/dev/null 2>&1 && return 0
	done
	return 1
}

# capture_start/capture_stop: SCTP on eth0 into the results share. The
# pid goes to a file: check() runs each command in a subshell.
# capture_start [FILE]: into the results share's FILE (interop.pcapng).
capture_start() {
	local file=/run/xsctp/${1:-interop.pcapng}
	dumpcap -q -i eth0 -f sctp -w "$file" >/dev/null 2>&1 &
	echo $! >/run/dumpcap.pid
	wait_until 30 test -s "$file"
}

capture_stop() {
	local pid
	pid=$(cat /run/dumpcap.pid) && kill -INT "$pid" || return 1
	for _ in $(seq 300); do
		kill -0 "$pid" 2>/dev/null || return 0
		sleep 0.1
	done
	return 1
}

role_xsctp() {
	start_clean
	check "insmod xsctp.ko" xsctp_load
	check "eth0 up as 192.0.2.1" sh -c 'ip addr add 192.0.2.1/24 dev eth0 && ip link set eth0 up'
	check "the sctp.ko guest answers ping" wait_for_peer 192.0.2.2
	check "dumpcap captures SCTP on eth0" capture_start
	check "INIT to sctp.ko is answered with an INIT ACK for our tag" \
		$PKT init-ack 192.0.2.2 --sport 5000 --dport 5001 --timeout 10
	check "xsctp counted the INIT ACK" test "$(xsctp_counter XsctpInPackets)" -ge 1
	check "xsctp connect() is accepted by sctp.ko" timeout 60 $CONN connect 192.0.2.2 5001
	check "sctp.ko's connect() is accepted by xsctp" sh -c \
		"timeout 120 $CONN serve 192.0.2.1 5002 --hold 100 --accept 1 | grep -q 'accepted 192.0.2.2'"
	python3 -c 'import socket; socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b"done", ("192.0.2.2", 5009))'
	check "xsctp sends 2 MB to sctp.ko and closes (sctp.ko's side checks it)" \
		timeout 180 $XFER send 192.0.2.2 5003 --streams 4 --retry 60 "${XFER_ARGS[@]}"
	check "xsctp receives 2 MB from sctp.ko: every message whole, in order, then EOF" \
		timeout 180 $XFER serve 192.0.2.1 5004 --streams 4 --timeout 150
	check "dumpcap stopped and saved the capture" capture_stop
	multihomed_client
}

# The output of sctp_interop_multi.py connect: KEY's first line, less KEY.
mh_line() { sed -n "s/^$1 //p" /tmp/mh.out | head -n 1; }

# mh_path ADDR STATE: the path state printed for ADDR after connecting.
mh_path() {
	local got
	got=$(awk -v a="$1" '$1 == "path" && $2 == a { print $3 }' /tmp/mh.out)
	[ "$got" = "$2" ] || { echo "path $1 state ${got:-absent}, expected $2"; return 1; }
}

# mh_ms KEY MAX: KEY's line ends "ms N" with N <= MAX.
mh_ms() {
	local ms
	ms=$(mh_line "$1" | sed -n 's/.*ms \([0-9]*\)$/\1/p')
	[ -n "$ms" ] && [ "$ms" -le "$2" ] || { echo "$1: ${ms:-no figure} ms, expected <= $2"; return 1; }
}

# The multihomed association, from xsctp's side: one run of
# sctp_interop_multi.py, each step of its output one check.
multihomed_client() {
	local d=/proc/sys/net/sctp stagger rto hb status
	stagger=$(cat $d/init_stagger) rto=$(cat $d/rto_initial) hb=$(cat $d/hb_interval)
	# Heartbeats every RTO + 1 s, so that the dead path is found out and
	# back within seconds (the default, 30 s, would take minutes).
	sysctl -qw net.sctp.hb_interval=1000
	capture_start multihomed.pcapng
	timeout 200 $MULTI connect $MH_PORT $MH_DEAD $MH_LIVE --ready 192.0.2.2:$MH_READY \
		--count 40 --lift --timeout 40 >/tmp/mh.out 2>&1
	status=$?
	sysctl -qw net.sctp.hb_interval="$hb"
	capture_stop
	sed 's/^/# /' /tmp/mh.out
	check "multihomed: sctp.ko's listener on $MH_DEAD and $MH_LIVE says it is ready" \
		grep -q '^ready ' /tmp/mh.out
	check "multihomed: sctp_connectx([$MH_DEAD (SCTP dropped), $MH_LIVE]) to sctp.ko establishes" \
		grep -q '^result ok ' /tmp/mh.out
	echo "# multihomed: up through $MH_LIVE in $(mh_line result | sed 's/.*ms //') ms" \
		"(xsctp init_stagger $stagger ms, rto_initial $rto ms; sctp.ko's client: 3000 ms)"
	check "multihomed: ... through the second address in < 2000 ms, not after a T1 (3 s on sctp.ko)" \
		mh_ms result 2000
	check "multihomed: SCTP_STATUS is ESTABLISHED" test "$(mh_line state)" = 4
	check "multihomed: SCTP_GET_PEER_ADDRS lists both server addresses" \
		test "$(mh_line peers)" = "$MH_DEAD $MH_LIVE"
	check "multihomed: the primary (SCTP_PRIMARY_ADDR) is $MH_LIVE, which answered the INIT" \
		test "$(mh_line primary)" = $MH_LIVE
	check "multihomed: the path through $MH_LIVE is ACTIVE (SCTP_GET_PEER_ADDR_INFO)" \
		mh_path $MH_LIVE 2
	check "multihomed: 40 messages of 1 to 9000 bytes echoed by sctp.ko, each whole and intact" \
		grep -q '^echo ok 40 messages ' /tmp/mh.out
	check "multihomed: unanswered heartbeats take $MH_DEAD's path out of ACTIVE (PF or INACTIVE)" \
		grep -q '^left-active [01] ' /tmp/mh.out
	echo "# multihomed: $MH_DEAD left ACTIVE $(mh_line left-active | sed 's/.*ms //') ms after the echo"
	check "multihomed: sctp.ko's guest lets SCTP to $MH_DEAD through again" \
		grep -qx lifted /tmp/mh.out
	check "multihomed: a heartbeat ACK makes $MH_DEAD ACTIVE again, within 20 s" \
		mh_ms active-again 20000
	echo "# multihomed: $MH_DEAD ACTIVE again $(mh_line active-again | sed 's/.*ms //') ms after the drop was lifted"
	check "multihomed: shutdown(SHUT_WR) ends it gracefully (SCTP_ASSOC_CHANGE SHUTDOWN_COMP)" \
		grep -q '^closed SHUTDOWN_COMP ' /tmp/mh.out
	check "multihomed: sctp_interop_multi.py connect exited 0" test "$status" -eq 0
}

role_peer() {
	check "modprobe sctp" modprobe sctp
	check "eth0 up as 192.0.2.2" sh -c 'ip addr add 192.0.2.2/24 dev eth0 && ip link set eth0 up'
	check "sctp.ko accepts xsctp, connects to xsctp, until the xsctp guest is done" \
		timeout 300 python3 -c '
import socket, time
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM, 132)
srv.bind(("0.0.0.0", 5001))
srv.listen(1)
srv.settimeout(120)
peer, addr = srv.accept()
assert addr[0] == "192.0.2.1", addr
for _ in range(120):  # until the xsctp side listens on 5002
    c = socket.socket(socket.AF_INET, socket.SOCK_STREAM, 132)
    try:
        c.connect(("192.0.2.1", 5002))
        break
    except ConnectionRefusedError:
        c.close()
        time.sleep(1)
else:
    raise SystemExit("no association with xsctp")
done = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
done.bind(("0.0.0.0", 5009))
done.recv(16)
'
	local serve status
	$XFER serve 192.0.2.2 5003 --streams 4 --timeout 150 >/tmp/serve.out 2>&1 &
	serve=$!
	check "sctp.ko sends 2 MB to xsctp and closes (xsctp's side checks it)" \
		timeout 180 $XFER send 192.0.2.1 5004 --streams 4 --retry 120 "${XFER_ARGS[@]}"
	wait "$serve"
	status=$?
	sed 's/^/# /' /tmp/serve.out
	check "sctp.ko receives 2 MB from xsctp: every message whole, in order, then EOF" \
		test "$status" -eq 0
	check "sctp.ko received the INIT" sh -c \
		'[ "$(awk "\$1 == \"SctpInSCTPPacks\" { print \$2 }" /proc/net/sctp/snmp)" -ge 1 ]'
	multihomed_server
}

# The multihomed listener, on sctp.ko's side: two more addresses, SCTP to
# the first dropped without a word, then sctp_interop_multi.py serve
# until the xsctp side's SHUTDOWN (which is when it may stop).
multihomed_server() {
	local status
	# $MH_DEAD is dead both ways, and this guest's packets to the xsctp
	# guest leave from $MH_LIVE (the route's source), as they would from
	# a server whose other path is down: without that, sctp.ko answers
	# even an INIT sent to $MH_LIVE from its first bound address,
	# $MH_DEAD (the route's own source, 192.0.2.2, is not bound), and
	# every SACK back to that address would be lost.
	check "multihomed: eth0 also $MH_DEAD and $MH_LIVE (the route's source); nft drops SCTP to and from $MH_DEAD" sh -c "
		ip addr add $MH_DEAD/24 dev eth0 && ip addr add $MH_LIVE/24 dev eth0 &&
		ip route replace 192.0.2.0/24 dev eth0 proto kernel scope link src $MH_LIVE &&
		nft -f - <<NFT
table inet xsctp_interop {
	chain input {
		type filter hook input priority 0;
		ip daddr $MH_DEAD meta l4proto sctp drop;
	}
	chain output {
		type filter hook output priority 0;
		ip saddr $MH_DEAD meta l4proto sctp drop;
	}
}
NFT"
	timeout 200 $MULTI serve $MH_PORT $MH_DEAD $MH_LIVE --ready-port $MH_READY \
		--lift "nft delete table inet xsctp_interop" --timeout 90 >/tmp/mh.out 2>&1
	status=$?
	sed 's/^/# /' /tmp/mh.out
	check "multihomed: sctp.ko (bound to $MH_DEAD and $MH_LIVE with sctp_bindx) accepts xsctp" \
		grep -qx 'accepted 192.0.2.1' /tmp/mh.out
	check "multihomed: sctp.ko echoes xsctp's 40 messages, then reads end of file" \
		grep -qx 'eof after 40 messages' /tmp/mh.out
	check "multihomed: sctp.ko's guest lifted the drop when xsctp asked" grep -qx 'lift ok' /tmp/mh.out
	check "multihomed: sctp_interop_multi.py serve exited 0" test "$status" -eq 0
}

case ${XSCTP_ROLE:-} in
xsctp) role_xsctp ;;
peer) role_peer ;;
*) skip "interop" "runs only in two-guest mode (tools/vm/pair.sh)" ;;
esac
ksft_exit
