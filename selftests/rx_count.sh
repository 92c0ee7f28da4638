#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Proves: xsctp's IPv4 and IPv6 receive handlers get SCTP packets, count
# them per namespace and drop them, and its ICMP error handlers get the
# errors that quote SCTP packets.
#
#   ns a                              ns b
#   veth-a 198.51.100.1/24  ------  veth-b 198.51.100.2/24
#          2001:db8::1/64                  2001:db8::2/64
source "$(dirname "$0")/lib.sh"
PKT="python3 $(dirname "$0")/sctp_packet.py"
cleanup() {
	ip netns del xsctp-a 2>/dev/null
	ip netns del xsctp-b 2>/dev/null
	cleanup_modules
}
trap cleanup EXIT
cleanup
start_clean

a() { ip netns exec xsctp-a "$@"; }
b() { ip netns exec xsctp-b "$@"; }

topology() {
	ip netns add xsctp-a && ip netns add xsctp-b &&
	ip link add veth-a netns xsctp-a type veth peer name veth-b netns xsctp-b &&
	a ip addr add 198.51.100.1/24 dev veth-a &&
	b ip addr add 198.51.100.2/24 dev veth-b &&
	a ip addr add 2001:db8::1/64 dev veth-a nodad &&
	b ip addr add 2001:db8::2/64 dev veth-b nodad &&
	a ip link set veth-a up && b ip link set veth-b up &&
	a ip link set lo up && b ip link set lo up
}

# wait_counter NS COUNTER VALUE: counters move asynchronously to sendto().
wait_counter() {
	for _ in $(seq 50); do
		[ "$(xsctp_counter "$2" "$1")" = "$3" ] && return 0
		sleep 0.1
	done
	ip netns exec "$1" cat /proc/net/xsctp/snmp | sed 's/^/#   /'
	return 1
}

check "insmod xsctp.ko" xsctp_load
check "two namespaces joined by veth" topology
check "5 SCTP/IPv4 packets sent from a to b" a $PKT send 198.51.100.2 --count 5
check "... counted as received in b" wait_counter xsctp-b XsctpInPackets 5
check "... and as discarded" wait_counter xsctp-b XsctpInDiscards 5
check "3 SCTP/IPv6 packets sent from a to b" a $PKT send 2001:db8::2 --count 3
check "... as received" wait_counter xsctp-b XsctpInPackets 8
check "the sending namespace counted nothing" wait_counter xsctp-a XsctpInPackets 0

rejects() {
	b nft -f - <<'NFT'
table inet xsctp_test {
	chain input {
		type filter hook input priority 0;
		meta l4proto sctp reject
	}
}
NFT
}
if rejects; then
	a $PKT send 198.51.100.2
	check "ICMP port unreachable quoting SCTP/IPv4 reaches xsctp" wait_counter xsctp-a XsctpInIcmpErrors 1
	a $PKT send 2001:db8::2
	check "ICMPv6 port unreachable quoting SCTP/IPv6 reaches xsctp" wait_counter xsctp-a XsctpInIcmpErrors 2
else
	skip "ICMP errors reach xsctp" "nftables reject unavailable"
fi
ksft_exit
