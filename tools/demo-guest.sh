#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The demo, inside the guest: load xsctp, open SCTP sockets of every kind
# with unmodified programs, and watch xsctp receive real SCTP packets
# between two network namespaces.
set -euo pipefail
ko=$1
pkt="python3 $(dirname "$0")/../selftests/sctp_packet.py"

say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
run() { printf '$ %s\n' "$*"; "$@"; }

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

say "Two namespaces joined by veth; SCTP packets from a reach xsctp in b"
ip netns add a && ip netns add b
ip link add veth-a netns a type veth peer name veth-b netns b
ip -n a addr add 198.51.100.1/24 dev veth-a && ip -n a link set veth-a up
ip -n b addr add 198.51.100.2/24 dev veth-b && ip -n b link set veth-b up
echo "  a 198.51.100.1 <--veth--> b 198.51.100.2"
run ip netns exec a $pkt send 198.51.100.2 --count 3
sleep 0.5
run ip netns exec b cat /proc/net/xsctp/snmp

say "Unload"
run rmmod xsctp
echo "Done: the association layer (sctp_connectx) comes next."
