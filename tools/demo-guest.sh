#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The demo, inside the guest: load xsctp, open SCTP sockets of every kind
# with unmodified programs, and set up an association between two network
# namespaces with the four-way handshake.
set -euo pipefail
ko=$1
conn="python3 $(dirname "$0")/../selftests/sctp_conn.py"

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

say "Unload"
run rmmod xsctp
echo "Done: data transfer and multihomed failover come next."
