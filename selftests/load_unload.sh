#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Proves: xsctp loads, registers the SCTP socket family for IPv4 and IPv6
# and its per-namespace state, announces itself with one log line, and
# unloads leaving none of it behind, repeatedly.
source "$(dirname "$0")/lib.sh"
trap cleanup_modules EXIT
start_clean

check "insmod xsctp.ko" xsctp_load
check "announces itself in the kernel log" \
	sh -c 'dmesg | grep -q "xsctp: SCTP sockets served by xsctp"'
check "XSCTP and XSCTPv6 in /proc/net/protocols" \
	sh -c 'grep -q "^XSCTP " /proc/net/protocols && grep -q "^XSCTPv6 " /proc/net/protocols'
check "/proc/net/xsctp/snmp lists its counters" \
	sh -c '[ "$(wc -l </proc/net/xsctp/snmp)" -gt 3 ] && grep -q "^XsctpInPackets" /proc/net/xsctp/snmp'
check "rmmod xsctp" rmmod xsctp
check "unload removes the protocols" sh -c '! grep -q "^XSCTP" /proc/net/protocols'
check "unload removes /proc/net/xsctp" test ! -e /proc/net/xsctp

cycles() {
	for _ in 1 2 3 4 5; do
		xsctp_load && rmmod xsctp || return 1
	done
}
check "five load/unload cycles" cycles
ksft_exit
