#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Proves: an association over two disjoint paths survives the silent
# failure of its primary path in the middle of a transfer, and returns to
# it once it works again. For IPv4 and IPv6, and for each way of making
# path 1 silent (nft dropping everything on it both ways, a's end of it
# set down, netem 100 % loss on both ends): a client sctp_connectx()s to
# [b1, b2] of a server bound to both (sctp_bindx), so b1 is the primary,
# and streams numbered 1 KiB messages every 10 ms (sctp_failover.py);
# about 1 s in, path 1 goes silent. The client then reads an
# SCTP_PEER_ADDR_CHANGE ADDR_POTENTIALLY_FAILED for b1 (pf_expose 2) and
# later ADDR_UNREACHABLE, after which SCTP_GET_PEER_ADDR_INFO gives b1
# INACTIVE (0) and b2 ACTIVE (2) (or PF (1), but only after a PF
# notification for b2 itself: under TCG a SACK sometimes takes longer than
# the 1 s RTO, and sctp.ko then keeps b2 PF while it carries the data),
# and the data flows over path 2 (its byte counter). With path 1 back: ADDR_AVAILABLE for b1, b1 ACTIVE, and
# new data over path 1 again (its byte counter grows by far more than
# path 2's). The server gets every message exactly once, in order and
# intact. The outage (the longest gap between arrivals at the server
# around the failure) and the notification times are printed as "# ..."
# lines; only generous bounds are asserted (outage < 10 s).
# Settings, in both namespaces and on either stack: pf_expose 2 (enabled:
# Linux sends no PF notification without it), path_max_retrans 2, rto_max
# 1000 ms and hb_interval 1000 ms, so that a path fails within seconds
# and a failed one is probed (and found again) every second or two;
# xsctp's init_stagger 0, so that the primary is b1 however slow the guest.
# With LINUX=1 (failover_ko.sh) the same runs against sctp.ko.
# (Topology: two_paths in multihome_lib.sh.)
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/multihome_lib.sh"
source "$(dirname "$0")/xfer_lib.sh"
FO="$PY $(dirname "$0")/sctp_failover.py"
W=/tmp/xsctp-failover
trap mh_cleanup EXIT
mh_cleanup
mkdir -p "$W"
start_module "failover during a transfer against sctp.ko"
check "two paths between two namespaces, nft in b" two_paths

STACK=xsctp
[ -z "${LINUX:-}" ] || STACK=sctp.ko
SETTINGS=(net.sctp.pf_expose=2 net.sctp.path_max_retrans=2 net.sctp.rto_max=1000
	net.sctp.hb_interval=1000)
# xsctp only: no INIT race, so that b1, alive, stays the primary even when
# a loaded sanitizer kernel answers the first INIT after 250 ms.
[ -n "${LINUX:-}" ] || SETTINGS+=(net.sctp.init_stagger=0)
# One at a time: a setting the stack lacks leaves the others set.
settings() {
	local s status=0
	for s in "${SETTINGS[@]}"; do
		a sysctl -qw "$s" && b sysctl -qw "$s" || status=1
	done
	return $status
}
check "net.sctp settings in both namespaces: ${SETTINGS[*]}" settings
echo "# $STACK: rto_min $(a cat /proc/sys/net/sctp/rto_min) ms," \
	"pf_enable $(a cat /proc/sys/net/sctp/pf_enable 2>/dev/null || echo absent)"

# Bytes of 64 messages: what a path must carry within WINDOW s (the
# client sends up to 100 a second; the sanitizer kernel, about 30).
FLOW=$((64 * 1024)) WINDOW=$(by_kernel 2 6)

# fault KIND N / unfault KIND N: path N silent, and back.
fault() {
	case $1 in
	nft) path_silence "$2" ;;
	link) path_link_down "$2" ;;
	netem) path_netem_loss "$2" ;;
	esac
}
unfault() {
	case $1 in
	nft) paths_restore ;;
	link) path_link_up "$2" ;;
	netem) path_netem_clear "$2" ;;
	esac
}
describe() {
	case $1 in
	nft) echo "nft drops everything on path 1" ;;
	link) echo "veth-a1 set down" ;;
	netem) echo "netem 100 % loss on path 1" ;;
	esac
}

# event_time NAME ADDR STATE [AFTER]: the time of the first
# SCTP_PEER_ADDR_CHANGE of ADDR to STATE (at or after AFTER).
event_time() {
	awk -v a="$2" -v s="$3" -v t="${4:-0}" \
		'$1 == "event" && $3 == a && $4 == s && $2 >= t { print $2; exit }' "$W/$1.send"
}

# wait_event NAME ADDR STATE AFTER SECONDS: until that notification is
# read, the client ends, or SECONDS pass.
wait_event() {
	for _ in $(seq $(($5 * 10 * $(by_kernel 1 3)))); do
		[ -n "$(event_time "$1" "$2" "$3" "$4")" ] && return 0
		kill -0 "$(cat "$W/$1.client.pid")" 2>/dev/null || return 1
		sleep 0.1
	done
	return 1
}

# paths_after NAME ADDR STATE AFTER: the client's "paths" line that
# follows the first notification of ADDR to STATE at or after AFTER.
paths_after() {
	awk -v a="$2" -v s="$3" -v t="$4" '
		$1 == "event" && $3 == a && $4 == s && $2 >= t { seen = 1; next }
		seen && $1 == "paths" { $1 = $2 = ""; print substr($0, 3); exit }' "$W/$1.send"
}

# path_was NAME ADDR STATE AFTER ADDR' WANT: after that notification,
# SCTP_GET_PEER_ADDR_INFO gave ADDR' spinfo_state WANT.
path_was() {
	local line
	line=$(paths_after "$1" "$2" "$3" "$4")
	[[ " $line " == *" $5=$6 "* ]] ||
		{ echo "after state $3 of $2: ${line:-no paths line}; expected $5=$6"; return 1; }
}

# alternate_was NAME ADDR STATE AFTER ADDR': after that notification,
# ADDR' was ACTIVE, or PF with a PF notification for it read before
# (a spurious T3 expiry: under TCG a SACK can take longer than the 1 s
# RTO); never INACTIVE.
alternate_was() {
	local line t
	line=$(paths_after "$1" "$2" "$3" "$4")
	[[ " $line " == *" $5=2 "* ]] && return 0
	t=$(event_time "$1" "$5" 6 "$4")
	if [[ " $line " == *" $5=1 "* ]] && [ -n "$t" ]; then
		echo "$5 PF since its PF notification at +$(ms_of_event "$4" "$t") ms"
		return 0
	fi
	echo "after state $3 of $2: ${line:-no paths line}; expected $5=2"
	return 1
}

# event_in NAME ADDR STATE AFTER: the notification came, after AFTER.
event_in() {
	[ -n "$(event_time "$1" "$2" "$3" "$4")" ] || {
		echo "no event $3 for $2 after $4:"
		grep -E '^(event|note|subscribed|primary|connectx|send|socket|timed)' "$W/$1.send"
		return 1
	}
}

# carried N BYTES SECONDS: the bytes path N sends from now until it has
# sent BYTES, or SECONDS have passed (a stream that flows ends the wait
# early).
carried() {
	local x0 x end=$((${EPOCHREALTIME/[.,]/} + $3 * 1000000))
	x0=$(path_tx_bytes "$1")
	while :; do
		x=$(path_tx_bytes "$1")
		[ $((x - x0)) -lt "$2" ] && [ "${EPOCHREALTIME/[.,]/}" -lt $end ] || break
		sleep 0.1
	done
	echo $((x - x0))
}

# at_least WHAT GOT MIN: a counter moved enough.
at_least() { [ "$2" -ge "$3" ] || { echo "$1: $2 bytes, expected >= $3"; return 1; }; }

# went_back BYTES1 BYTES2: path 1 carried the stream again, path 2 at
# most half as much (heartbeats, SACKs).
went_back() {
	at_least "path 1" "$1" "$FLOW" &&
	{ [ "$1" -ge $(($2 * 2)) ] || { echo "path 2 carried $2 bytes, path 1 $1"; return 1; }; }
}

# resumed MS AFTER LIMIT: the longest gap, MS, was below LIMIT ms, and
# messages (AFTER of them) arrived after it.
resumed() {
	[ "$1" != none ] && [ "$2" -gt 0 ] && [ "$1" -lt "$3" ] ||
		{ echo "outage: $1 ms, $2 messages after it"; return 1; }
}

# delivered NAME: the server read everything the client sent, checked.
delivered() {
	local sent got
	sent=$(sed -n 's/^sent //p' "$W/$1.send")
	got=$(sed -n 's/^recv ok \([0-9]*\) messages$/\1/p' "$W/$1.recv")
	cat "$W/$1.recv"
	[ -n "$got" ] && [ "$got" = "$sent" ] ||
		{ echo "sent ${sent:-?} messages, server: $(cat "$W/$1.recv")"; return 1; }
}

# diagnose: the namespaces' addresses, routes, nft rules and SCTP
# endpoints and associations (for a stream that does not start).
diagnose() {
	local ns
	for ns in a b; do
		echo "namespace $ns:"
		$ns ip -br addr
		$ns ip route
		$ns ip -6 route
		$ns cat /proc/net/sctp/eps /proc/net/sctp/assocs 2>/dev/null
		$ns cat /proc/net/sctp/snmp 2>/dev/null | awk '$2 != 0' | tr -s "\t\n " "  "; echo
	done
	b nft list ruleset
}

# scenario FAM KIND PORT: one stream over [b1, b2]; path 1 fails by KIND
# about 1 s in, and comes back once b1 is UNREACHABLE.
scenario() {
	local fam=$1 kind=$2 port=$3 name label t0 t_fail t_back t_pf t_down t_up
	local b1 b2 y0 y1 alt back alt_back out gap_ms gap_from gap_to gap_after
	local -n served=MH_B$fam
	b1=${served[0]} b2=${served[1]}
	name=$fam-$kind label="IPv$fam, $(describe "$kind")"
	"$PY" -n xsctp-b "$(dirname "$0")/sctp_failover.py" serve "$port" "$b1" "$b2" --ready "$W/$name.ready" \
		--arrivals "$W/$name.arr" --timeout 150 </dev/null >"$W/$name.recv" 2>&1 &
	echo $! >"$W/$name.server.pid"
	if wait_file "$W/$name.ready" >/dev/null; then
		"$PY" -n xsctp-a "$(dirname "$0")/sctp_failover.py" send "$port" "$b1" "$b2" --stop "$W/$name.stop" \
			--started "$W/$name.started" --timeout 150 </dev/null >"$W/$name.send" 2>&1 &
		echo $! >"$W/$name.client.pid"
	fi
	if [ ! -e "$W/$name.client.pid" ] || ! wait_file "$W/$name.started" >/dev/null; then
		fail "$label: the stream starts over the association"
		{ cat "$W/$name.send" "$W/$name.recv" 2>/dev/null; diagnose; } | sed 's/^/#   /'
		cat "$W/$name.client.pid" "$W/$name.server.pid" 2>/dev/null | xargs -r kill 2>/dev/null
		return
	fi
	ok "$label: the stream starts over the association"
	check "$label: b1 is the primary (SCTP_PRIMARY_ADDR)" grep -qx "primary $b1" "$W/$name.send"
	sleep 1
	# Times count from t0, when the fault command starts (commands in a
	# namespace take a few hundred ms under TCG; how long it took is
	# printed).
	t0=$EPOCHREALTIME
	check "$label: path 1 made silent" fault "$kind" 1
	t_fail=$EPOCHREALTIME
	wait_event "$name" "$b1" 1 "$t0" 15
	check "$label: b1 ADDR_POTENTIALLY_FAILED (6)" event_in "$name" "$b1" 6 "$t0"
	check "$label: b1 ADDR_UNREACHABLE (1)" event_in "$name" "$b1" 1 "$t0"
	t_pf=$(event_time "$name" "$b1" 6 "$t0") t_down=$(event_time "$name" "$b1" 1 "$t0")
	if [ -n "$t_pf" ] && [ -n "$t_down" ]; then
		check "$label: ... PF before UNREACHABLE" awk "BEGIN { exit !($t_pf <= $t_down) }"
	fi
	check "$label: ... then b1 INACTIVE (0)" path_was "$name" "$b1" 1 "$t0" "$b1" 0
	check "$label: ... and b2 ACTIVE (2; PF only after its own PF notification)" \
		alternate_was "$name" "$b1" 1 "$t0" "$b2"
	alt=$(carried 2 "$FLOW" "$WINDOW")
	check "$label: the data flows over path 2 ($alt bytes within $WINDOW s)" \
		at_least "path 2" "$alt" "$FLOW"

	t_back=$EPOCHREALTIME
	check "$label: path 1 restored" unfault "$kind" 1
	wait_event "$name" "$b1" 0 "$t_back" 15
	check "$label: b1 ADDR_AVAILABLE (0) once path 1 works" event_in "$name" "$b1" 0 "$t_back"
	check "$label: ... then b1 ACTIVE (2)" path_was "$name" "$b1" 0 "$t_back" "$b1" 2
	t_up=$(event_time "$name" "$b1" 0 "$t_back")
	sleep 1
	y0=$(path_tx_bytes 2)
	back=$(carried 1 "$FLOW" "$WINDOW")
	y1=$(path_tx_bytes 2)
	alt_back=$((y1 - y0))
	check "$label: new data goes over path 1 again ($back bytes within $WINDOW s, path 2 $alt_back)" \
		went_back "$back" "$alt_back"

	touch "$W/$name.stop"
	# sctp.ko: the client ends at once, the server once the SHUTDOWN has
	# followed the last message, within a second or two.
	reap "$(cat "$W/$name.client.pid")" 10
	reap "$(cat "$W/$name.server.pid")" 20
	rm -f "$W/$name.client.pid" "$W/$name.server.pid"
	check "$label: every message arrived once, in order, intact" delivered "$name"
	# "gap MS from +MS to +MS after N", or "gap none".
	out=$($FO gap "$W/$name.arr" --from "$t0" --to "$t_back" 2>&1)
	[[ $out == "gap "[0-9]* ]] || out="gap none"
	read -r _ gap_ms _ gap_from _ gap_to _ gap_after <<<"$out"
	echo "# $label: $STACK outage ${gap_ms:-?} ms (no arrivals from ${gap_from:-?} to" \
		"${gap_to:-?} ms; ${gap_after:-0} messages after it)"
	echo "# $label: PF +$(ms_of_event "$t0" "$t_pf") ms, UNREACHABLE" \
		"+$(ms_of_event "$t0" "$t_down") ms after the fault command started (it took" \
		"$(ms_of_event "$t0" "$t_fail") ms); AVAILABLE +$(ms_of_event "$t_back" "$t_up") ms" \
		"after the restore command started"
	check "$label: the stream resumed, outage < 10 s" resumed "$gap_ms" "$gap_after" 10000
	grep -E '^(event|paths|primary|subscribed)' "$W/$name.send" | sed 's/^/#   /'
}

# ms_of_event T0 T: ms from T0 to T, or "?" when there was no T.
ms_of_event() {
	[ -n "$2" ] || { echo "?"; return; }
	awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", (b - a) * 1000 }'
}

# FAILOVER_CASES ("4-nft 4-link 4-netem 6-nft 6-link 6-netem") runs a
# subset. With one_of_each, both families and both kinds of fault xsctp
# can tell apart: silence (nft, netem: the same to it) and a local link
# down (its sends fail).
cases=${FAILOVER_CASES:-4-nft 4-link 4-netem 6-nft 6-link 6-netem}
one_of_each && cases=${FAILOVER_CASES:-4-nft 6-link}
port=7200
for fam in 4 6; do
	for kind in nft link netem; do
		port=$((port + 1))
		[[ " $cases " == *" $fam-$kind "* ]] || continue
		scenario $fam $kind $port
	done
done

if [ -z "${LINUX:-}" ]; then
	cat "$W"/*.pid | xargs -r kill 2>/dev/null
	sleep 1
	two_namespaces_del
	check "rmmod xsctp once the streams and namespaces are gone (nothing left holding it)" \
		xsctp_unload
fi
ksft_exit
