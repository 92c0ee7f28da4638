#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Proves: sctp_connectx() to a multihomed peer sets the association up
# through a later address when the first ones are dead: silently
# (blackholed by nft) or refusing (ICMP unreachable), one or two of them,
# for IPv4 and IPv6, blocking and non-blocking (poll + SO_ERROR); it takes
# the time the INIT schedule says (one T1 at rto_initial per dead address
# before it, or one init_stagger where xsctp has that knob), printed as
# "# ... ms" lines; the association then holds exactly the addresses the
# server serves (SCTP_GET_PEER_ADDRS). With every address dead it fails
# with ETIMEDOUT at the time the documented T1 schedule gives. A given
# address the server does not serve is dropped once the INIT ACK arrives,
# and one the INIT ACK lists that the client did not give starts
# UNCONFIRMED (SCTP_GET_PEER_ADDR_INFO state 3) while the given one is
# ACTIVE (2).
# With LINUX=1 (connectx_multi_ko.sh) the same runs against sctp.ko, whose
# rto_initial is 3 s (xsctp: 1 s) and which has no init_stagger: the
# expected times follow from the settings found, and each check says so.
# (Topology: three_paths in multihome_lib.sh.)
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/multihome_lib.sh"
source "$(dirname "$0")/xfer_lib.sh"
MULTI="python3 $(dirname "$0")/sctp_multi.py"
W=/tmp/xsctp-connectx-multi
D=/proc/sys/net/sctp
trap mh_cleanup EXIT
mh_cleanup
mkdir -p "$W"
start_module "multihomed sctp_connectx() against sctp.ko"
check "three paths between two namespaces, nft in b" three_paths

STACK=xsctp
[ -z "${LINUX:-}" ] || STACK=sctp.ko
R=$(a cat $D/rto_initial)
# init_stagger only chooses the times to expect; every check runs anyway.
S=0
[ ! -e $D/init_stagger ] || S=$(a cat $D/init_stagger)
echo "# $STACK: rto_initial $R ms, init_stagger ${S} ms ($([ -e $D/init_stagger ] &&
	echo "xsctp's knob" || echo "no such knob: one address per T1"))"

# serve NAME PORT ADDR...: a listener in b bound to the ADDRs, for the
# whole test.
serve() {
	local name=$1
	shift
	ip netns exec xsctp-b $MULTI serve "$@" --hold 600 --ready "$W/$name.ready" \
		</dev/null >"$W/$name.serve" 2>&1 &
	echo $! >"$W/$name.pid"
	wait_file "$W/$name.ready"
}

# try NAME ARGS...: sctp_multi.py connect ARGS from a; output in $W/NAME,
# also printed as comments.
try() {
	local name=$1 status
	shift
	timeout 150 ip netns exec xsctp-a $MULTI connect "$@" >"$W/$name" 2>&1
	status=$?
	sed 's/^/# /' "$W/$name"
	return $status
}

ms_of() { sed -n 's/^result .* ms \([0-9]*\)$/\1/p' "$W/$1"; }

# took NAME LO HI: the connect of NAME settled within [LO, HI] ms.
took() {
	local ms
	ms=$(ms_of "$1")
	[ -n "$ms" ] && [ "$ms" -ge "$2" ] && [ "$ms" -le "$3" ] ||
		{ echo "took ${ms:-?} ms, expected $2..$3 ms"; return 1; }
}

# peers_are NAME ADDR...: SCTP_GET_PEER_ADDRS gave exactly the ADDRs.
peers_are() {
	local name=$1 want got
	shift
	want=$(printf '%s\n' "$@" | sort | tr '\n' ' ')
	got=$(sed -n 's/^peers //p' "$W/$name" | tr ' ' '\n' | sort | tr '\n' ' ')
	[ "$got" = "$want" ] || { echo "peers: $got; expected: $want"; return 1; }
}

# path_is NAME ADDR STATE: SCTP_GET_PEER_ADDR_INFO's spinfo_state.
path_is() {
	local got
	got=$(awk -v a="$2" '$1 == "path" && $2 == a { print $3 }' "$W/$1")
	[ "$got" = "$3" ] || { echo "path $2 state ${got:-absent}, expected $3"; return 1; }
}

# Time to COMM_UP through the address after DEAD dead ones: each dead
# address costs one T1 at rto_initial (no backoff within the first pass
# over the list), or one stagger where the INIT is also sent to the next
# address after init_stagger ms; plus two round trips (negligible on
# veth). The window is generous for a TCG guest: 10 % early (timers never
# fire early; 10 % covers jiffies rounding), a second or half the
# expectation late.
expect_up() {
	local dead=$1 e
	e=$((dead * R))
	[ "$S" -gt 0 ] && [ $((dead * S)) -lt "$R" ] && e=$((dead * S))
	lo=$((e * 9 / 10)) hi=$((e + (e / 2 > 1000 ? e / 2 : 1000)))
	exp=$e
	if [ "$S" -gt 0 ]; then
		why="$dead stagger(s) of $S ms"
	else
		why="$dead T1 at rto_initial $R ms"
	fi
	[ -n "${LINUX:-}" ] && why="$why; sctp.ko: rto_initial 3 s, no stagger"
	[ -z "${LINUX:-}" ] && why="$why; sctp.ko takes $((dead * 3000)) ms"
}

# scenario FAM MODE NAME DEAD REFUSED ADDR...: connectx to ADDR... with
# paths DEAD (blackholed) and REFUSED (ICMP) broken, space-separated path
# numbers; the association comes up through the first working address.
scenario() {
	local fam=$1 mode=$2 name=$3 dead=$4 refused=$5 n label port
	shift 5
	local -n served=MH_B$fam
	port=$((7000 + fam))
	for n in $dead; do path_blackhole "$n"; done
	for n in $refused; do path_refuse "$n"; done
	local opts=()
	[ "$mode" = blocking ] || opts=(--nonblock)
	label="IPv$fam $name, $mode"
	expect_up $(($(wc -w <<<"$dead $refused")))
	try "$fam-$mode-$name" "$port" "$@" "${opts[@]}"
	# sctp.ko's SO_ERROR gives the refusing address's ICMP error
	# (EHOSTUNREACH, its sk_err_soft) after POLLOUT, with the association
	# up: sctp_multi.py then says "so_error", and counts it established.
	check "$label: connectx establishes (COMM_UP)" \
		grep -q '^result ok ' "$W/$fam-$mode-$name"
	echo "# $label: $(ms_of "$fam-$mode-$name") ms to COMM_UP ($STACK)"
	if [ -n "$refused" ]; then
		# An ICMP may end the wait for that address early, never late.
		check "$label: no slower than a blackhole (<= $hi ms: $why)" \
			took "$fam-$mode-$name" 0 "$hi"
	else
		check "$label: after ~$exp ms ($lo..$hi: $why)" \
			took "$fam-$mode-$name" "$lo" "$hi"
	fi
	check "$label: peer addresses are the server's three" \
		peers_are "$fam-$mode-$name" "${served[@]}"
	check "$label: the working address given is ACTIVE" \
		path_is "$fam-$mode-$name" "${@: -1}" 2
	paths_restore
}

check "IPv4 server bound to its 3 addresses (sctp_bindx)" serve v4 7004 "${MH_B4[@]}"
check "IPv6 server bound to its 3 addresses (sctp_bindx)" serve v6 7006 "${MH_B6[@]}"
for fam in 4 6; do
	declare -n B=MH_B$fam
	for mode in blocking non-blocking; do
		scenario $fam $mode "[dead, alive]" "1" "" "${B[0]}" "${B[1]}"
		scenario $fam $mode "[refusing, alive]" "" "1" "${B[0]}" "${B[1]}"
		scenario $fam $mode "[dead, dead, alive]" "1 2" "" "${B[0]}" "${B[1]}" "${B[2]}"
	done
	unset -n B
done

# init_schedule N R X M: ms from sctp_connectx() to ETIMEDOUT with N dead
# addresses, by the rule of Documentation/state-machine.rst ("T1
# schedule") and Linux's sctp_cmd_t1_timer_update(): INIT k (k = 0 .. M,
# M = max_init_retransmits) goes to address k mod N and is followed by a
# T1 of R * 2^floor(k / N), the doubled values capped at X (rto_max, the
# default max_init_timeo); the T1 after the last INIT fails the setup.
init_schedule() {
	local n=$1 r=$2 x=$3 m=$4 k t total=0
	for k in $(seq 0 "$m"); do
		t=$((r << (k / n)))
		[ "$k" -lt "$n" ] || [ "$t" -le "$x" ] || t=$x
		total=$((total + t))
	done
	echo $total
}

# all_dead FAM MODE N RTO_MAX [STAGGER]: N addresses, all blackholed, with
# short timers in a: ETIMEDOUT at the schedule's time. Without STAGGER the
# Linux-style one-address-per-T1 schedule (init_stagger 0 where it exists).
all_dead() {
	local fam=$1 mode=$2 n=$3 x=$4 stagger=${5:-} i e lo hi name label saved opts=()
	local -n served=MH_B$fam
	name=$fam-$mode-alldead$n${stagger:+-stagger}
	saved=$(a sh -c "cat $D/rto_initial $D/rto_min $D/rto_max $D/max_init_retransmits" | tr '\n' ' ')
	a sysctl -qw net.sctp.rto_min=100 net.sctp.rto_max="$x" net.sctp.rto_initial=200 \
		net.sctp.max_init_retransmits=5
	if [ -e $D/init_stagger ]; then
		a sysctl -qw net.sctp.init_stagger="${stagger:-0}"
	fi
	for i in $(seq "$n"); do path_blackhole "$i"; done
	[ "$mode" = blocking ] || opts=(--nonblock)
	e=$(init_schedule "$n" 200 "$x" 5)
	lo=$((e * 9 / 10)) hi=$((e * 13 / 10 + 700))
	label="IPv$fam all $n dead, $mode, rto_initial 200 rto_max $x max_init_retransmits 5"
	[ -z "$stagger" ] || label="$label, init_stagger $stagger"
	try "$name" $((7000 + fam)) "${served[@]:0:$n}" "${opts[@]}" --expect ETIMEDOUT --timeout 30
	check "$label: ETIMEDOUT" grep -q '^result ETIMEDOUT ' "$W/$name"
	echo "# $label: ETIMEDOUT after $(ms_of "$name") ms ($STACK; schedule: $e ms)"
	if [ -z "$stagger" ]; then
		check "$label: after the T1 schedule's $e ms ($lo..$hi; the same on sctp.ko)" \
			took "$name" "$lo" "$hi"
	else
		# Staggered INITs do not lengthen the attempt (issue 6: T1
		# backoff and Max.Init.Retransmits still bound it).
		check "$label: no later than the unstaggered schedule ($hi ms)" \
			took "$name" 0 "$hi"
	fi
	paths_restore
	# Back to the defaults, rto_max first so that rto_min fits.
	# shellcheck disable=SC2086 # one word per value
	set -- $saved
	a sysctl -qw net.sctp.rto_max="$3" net.sctp.rto_min="$2" net.sctp.rto_initial="$1" \
		net.sctp.max_init_retransmits="$4"
	if [ -e $D/init_stagger ]; then
		a sysctl -qw net.sctp.init_stagger="$S"
	fi
}

for mode in blocking non-blocking; do
	# IPv4: three addresses, no backoff cap reached; IPv6: two, the last
	# two T1s capped at rto_max.
	all_dead 4 $mode 3 800
	all_dead 6 $mode 2 600
done
if [ "$S" -gt 0 ]; then
	all_dead 4 blocking 3 800 "$S"
	all_dead 6 non-blocking 2 600 "$S"
fi

# A server bound to paths 1 and 2 only: path 3's address is b's, but not
# served. connectx [b1, b3]: the INIT goes to b1, whose INIT ACK lists b1
# and b2. b3 is dropped; b2, which the client never gave, is UNCONFIRMED
# until a heartbeat confirms it; b1, given and listed, is ACTIVE.
for fam in 4 6; do
	declare -n B=MH_B$fam
	check "IPv$fam server bound to paths 1 and 2 only (sctp_bindx)" \
		serve "sub$fam" $((7010 + fam)) "${B[0]}" "${B[1]}"
	for mode in blocking non-blocking; do
		name=$fam-$mode-subset
		opts=()
		[ "$mode" = blocking ] || opts=(--nonblock)
		try "$name" $((7010 + fam)) "${B[0]}" "${B[2]}" "${opts[@]}"
		check "IPv$fam [served, not served], $mode: establishes" grep -q '^result ok ' "$W/$name"
		check "IPv$fam ... the address not served is dropped; the peer's are there" \
			peers_are "$name" "${B[0]}" "${B[1]}"
		check "IPv$fam ... the given address the INIT ACK lists is ACTIVE (2)" \
			path_is "$name" "${B[0]}" 2
		check "IPv$fam ... the listed address not given is UNCONFIRMED (3)" \
			path_is "$name" "${B[1]}" 3
	done
	unset -n B
done

if [ -z "${LINUX:-}" ]; then
	cat "$W"/*.pid | xargs -r kill
	sleep 1
	two_namespaces_del
	check "rmmod xsctp once the listeners and namespaces are gone (nothing left holding it)" \
		xsctp_unload
fi
ksft_exit
