#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The demo, inside the guest: load xsctp, open SCTP sockets of every kind
# with unmodified programs, and set up an association between two network
# namespaces with the four-way handshake; then a multihomed association
# set up through its second address and failing over in mid-stream.
set -euo pipefail
ko=$1
conn="python3 $(dirname "$0")/../selftests/sctp_conn.py"
mh="python3 $(dirname "$0")/../selftests/sctp_failover.py"

say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
run() { printf '$ %s\n' "$*"; "$@"; }

# The client's log (sctp_failover.py send) and the faults of @1 (lines
# "TIME what"), in time order, from the sctp_connectx() call on.
story() {
	awk '$1 == "connecting" { print $2, "sctp_connectx() called" }
	$1 == "connected" { print $2, "association up" }
	$1 == "primary" { print 0, "primary path: " $2 }
	$1 == "event" { print $2, "SCTP_PEER_ADDR_CHANGE " $3 " " $5 }' |
		cat - "$1" | sort -n | awk '
	$1 == 0 { sub(/^0 /, ""); print "             " $0; next }
	!t0 { t0 = $1 }
	{ t = $1; sub(/^[^ ]* /, ""); printf "  %+6.0f ms  %s\n", (t - t0) * 1000, $0 }'
}

# Two disjoint paths between a and b (selftests/multihome_lib.sh). a's
# sctp_connectx() lists b1 first while path 1 swallows SCTP: the INIT
# raced to b2 250 ms later sets the association up there. Then, in the
# middle of a stream of 1 KiB messages every 10 ms, the primary's path
# goes silent: traffic moves to the other path, and comes back when the
# path recovers.
multihomed_demo() {
	local W=/tmp/demo-mh b1 b2 t1 t2
	# shellcheck source=../selftests/lib.sh
	export XSCTP_KO=$ko
	source "$(dirname "$0")/../selftests/lib.sh"
	# shellcheck source=../selftests/multihome_lib.sh
	source "$(dirname "$0")/../selftests/multihome_lib.sh"
	mkdir -p $W
	b1=${MH_B4[0]} b2=${MH_B4[1]}
	say "Multihoming: b serves two disjoint paths; a's sctp_connectx() gives b1 first, and b1 is dead"
	two_paths
	a sysctl -qw net.sctp.pf_expose=2 net.sctp.hb_interval=1000
	echo "  path 1: a ${MH_A4[0]} <--veth--> b $b1   (SCTP dropped: nft)"
	echo "  path 2: a ${MH_A4[1]}  <--veth--> b $b2"
	path_blackhole 1
	b $mh serve 5003 "$b1" "$b2" --ready $W/ready --arrivals $W/arr --timeout 60 >$W/recv &
	for _ in $(seq 50); do [ -e $W/ready ] && break; sleep 0.1; done
	echo "\$ sctp_connectx([$b1, $b2]), then a 1 KiB message every 10 ms"
	a $mh send 5003 "$b1" "$b2" --stop $W/stop --started $W/started --timeout 60 >$W/send &
	for _ in $(seq 100); do [ -e $W/started ] && break; sleep 0.1; done
	paths_restore
	sleep 3
	say "Path 2, the primary, goes silent in the middle of the stream"
	t1=$EPOCHREALTIME
	path_silence 2
	sleep 5
	say "Path 2 works again"
	t2=$EPOCHREALTIME
	paths_restore
	sleep 4
	touch $W/stop
	wait
	printf '%s path 2 silent (nft)\n%s path 2 works again\n' "$t1" "$t2" >$W/faults
	story $W/faults <$W/send
	echo "  (path 1 let through again once the association was up)"
	echo "  longest wait for a message at b after the fault:" \
		"$($mh gap $W/arr --from "$t1" --to "$t2" | awk '{ print $2 " ms" }')"
	echo "  b: $(cat $W/recv)"
	three_paths_del
}

say "Load xsctp (Linux's sctp.ko stays unloaded)"
deps=$(modinfo -F depends "$ko" | tr ',' ' ')
# shellcheck disable=SC2086 # one word per module
[ -z "$deps" ] || run modprobe -a $deps
run insmod "$ko"
dmesg | grep 'xsctp:' | tail -n 1
echo '$ lsmod | grep sctp'
lsmod | grep -w -e xsctp -e sctp || true

say "lksctp-tools' checksctp asks the kernel for an SCTP socket"
run checksctp

say "One socket of each kind: AF_INET/AF_INET6 x one-to-one/one-to-many"
run python3 -c '
import socket
for fam in (socket.AF_INET, socket.AF_INET6):
    for typ in (socket.SOCK_STREAM, socket.SOCK_SEQPACKET):
        s = socket.socket(fam, typ, socket.IPPROTO_SCTP)
        print("  %-9s %-19s SO_PROTOCOL=%d" % (fam.name, typ.name,
              s.getsockopt(socket.SOL_SOCKET, socket.SO_PROTOCOL)))
        s.close()
'
echo '$ grep -E "^(protocol|XSCTP)" /proc/net/protocols | cut -c1-40'
grep -E '^(protocol|XSCTP)' /proc/net/protocols | cut -c1-40

say "Two namespaces joined by veth: b listens, a connects (INIT, INIT ACK, COOKIE ECHO, COOKIE ACK)"
ip netns add a && ip netns add b
ip link add veth-a netns a type veth peer name veth-b netns b
ip -n a addr add 198.51.100.1/24 dev veth-a && ip -n a link set veth-a up
ip -n b addr add 198.51.100.2/24 dev veth-b && ip -n b link set veth-b up
echo "  a 198.51.100.1 <--veth--> b 198.51.100.2"
ip netns exec b $conn serve 198.51.100.2 5001 --accept 1 --hold 10 --ready /tmp/demo.ready &
for _ in $(seq 50); do [ -e /tmp/demo.ready ] && break; sleep 0.1; done
run ip netns exec a $conn connect 198.51.100.2 5001
wait
echo '$ ip netns exec b grep -E "InitAcks|Estabs" /proc/net/xsctp/snmp'
ip netns exec b grep -E 'InitAcks|Estabs' /proc/net/xsctp/snmp

say "Nothing listens on 5002: the out-of-the-blue INIT is answered with an ABORT"
run ip netns exec a $conn connect 198.51.100.2 5002 --expect ECONNREFUSED

multihomed_demo

say "Unload"
run rmmod xsctp
