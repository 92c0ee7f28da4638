#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Two-guest mode: boot two guests joined by a QEMU UDP socket network on
# 127.0.0.1 and run one command in each; fails unless both succeed.
#
# Usage: pair.sh [-k KERNEL] [-K PEER-KERNEL] [-o DIR] [-t SECONDS] CMD-A CMD-B
#   guest A ("xsctp-a") runs CMD-A, guest B ("xsctp-b") runs CMD-B;
#   results go to DIR/a and DIR/b.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
kernel=6.12 peer_kernel=6.12 out='' timeout=600
while getopts k:K:o:t: opt; do
	case $opt in
	k) kernel=$OPTARG ;;
	K) peer_kernel=$OPTARG ;;
	o) out=$OPTARG ;;
	t) timeout=$OPTARG ;;
	*) sed -n '5,9s/^# \{0,1\}//p' "$0" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 2 ] || { sed -n '5,9s/^# \{0,1\}//p' "$0" >&2; exit 2; }
[ -n "$out" ] || out=$(mktemp -d /tmp/xsctp-pair.XXXXXX)

# Two free UDP ports on 127.0.0.1, one per guest end of the link.
read -r port_a port_b < <(python3 -c '
import socket
s = [socket.socket(socket.AF_INET, socket.SOCK_DGRAM) for _ in range(2)]
for x in s: x.bind(("127.0.0.1", 0))
print(*[x.getsockname()[1] for x in s])')

"$here/run.sh" -q -s 1 -k "$kernel" -t "$timeout" -H xsctp-a -o "$out/a" \
	-n "$port_a:$port_b" -- "$1" &
pid_a=$!
"$here/run.sh" -q -s 1 -k "$peer_kernel" -t "$timeout" -H xsctp-b -o "$out/b" \
	-n "$port_b:$port_a" -- "$2" &
pid_b=$!
status=0
wait $pid_a || status=$?
wait $pid_b || status=$((status ? status : $?))
for g in a b; do
	echo "# guest $g:"
	cat "$out/$g/out.log"
done
exit $status
