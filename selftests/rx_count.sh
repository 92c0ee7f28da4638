#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Proves: xsctp's IPv4 and IPv6 receive handlers get SCTP packets and count
# them per namespace; out-of-the-blue ABORTs are counted and dropped
# without an answer (RFC 9260 8.4 rule 2); a packet with a bad checksum is
# counted and dropped; its ICMP error handlers get the errors that quote
# SCTP packets.
# (Topology: two_namespaces in lib.sh.)
source "$(dirname "$0")/lib.sh"
PKT="$PY $(dirname "$0")/sctp_packet.py"
cleanup() {
	two_namespaces_del
	cleanup_modules
}
trap cleanup EXIT
cleanup
start_clean

check "insmod xsctp.ko" xsctp_load
check "two namespaces joined by veth" two_namespaces
check "5 SCTP/IPv4 ABORTs sent from a to b" a $PKT send 198.51.100.2 --count 5 --chunk abort
check "... counted as received in b" wait_counter xsctp-b XsctpInPackets 5
check "... and as out of the blue" wait_counter xsctp-b XsctpInOutOfBlue 5
check "3 SCTP/IPv6 ABORTs sent from a to b" a $PKT send 2001:db8::2 --count 3 --chunk abort
check "... as received" wait_counter xsctp-b XsctpInPackets 8
check "... not answered: the sending namespace received nothing" wait_counter xsctp-a XsctpInPackets 0
check "a packet with a bad checksum sent" a $PKT send 198.51.100.2 --chunk abort --bad-crc
check "... counted as a checksum error" wait_counter xsctp-b XsctpInCsumErrors 1
check "... and discarded" wait_counter xsctp-b XsctpInDiscards 1

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
	# All three test kernels have nft reject: its absence is a failure.
	fail "ICMP errors reach xsctp: nft could not set up the reject rule in b"
fi
ksft_exit
