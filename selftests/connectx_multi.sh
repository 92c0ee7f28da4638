#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Proves: sctp_connectx() to a multihomed peer sets the association up
# through a later address when the first ones are dead: silently
# (blackholed by nft), refusing (ICMP unreachable) or with no route to
# them, one or two of them, for IPv4 and IPv6, blocking and non-blocking
# (poll + SO_ERROR); it takes the time the INIT schedule says (one T1 at
# rto_initial per dead address before it, or one init_stagger where xsctp
# has that knob), printed as "# ... ms" lines; xsctp with init_stagger
# does not wait for a refusing or unrouted address at all (the ICMP, or
# the failed send, sends the INIT on to the next one). The association
# then holds exactly the addresses the server serves (SCTP_GET_PEER_ADDRS). With every address dead it fails
# with ETIMEDOUT at the time the documented T1 schedule gives. A given
# address the server does not serve is dropped once the INIT ACK arrives,
# and one the INIT ACK lists that the client did not give starts
# UNCONFIRMED (SCTP_GET_PEER_ADDR_INFO state 3) while the given one is
# ACTIVE (2); a heartbeat then confirms it within a few seconds (ACTIVE,
# and SCTP_PEER_ADDR_CHANGE ADDR_CONFIRMED; RFC 9260 5.4, 8.3), printed
# as "# ... ms" lines. With that address blackholed it stays UNCONFIRMED,
# silently, for several RTOs and more unanswered heartbeats than
# association_max_retrans, which do not count against the association:
# it stays ESTABLISHED and carries a message both ways; the drop lifted,
# the address is confirmed. With heartbeats off (SCTP_PEER_ADDR_PARAMS
# SPP_HB_DISABLE) none goes to it and it stays UNCONFIRMED; an on-demand
# heartbeat (SPP_HB_DEMAND) confirms it.
# With LINUX=1 (connectx_multi_ko.sh) the same runs against sctp.ko, whose
# rto_initial is 3 s (xsctp: 1 s) and which has no init_stagger: the
# expected times follow from the settings found, and each check says so.
# On the sanitizer kernel and in the smoke run, the scenarios take IPv4
# blocking and IPv6 non-blocking only, and the kinds of fault (and of
# subset check) alternate between them: each is run once (one_of_each and
# alternate in lib.sh; stock 6.12 runs every combination).
# (Topology: three_paths in multihome_lib.sh.)
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/multihome_lib.sh"
source "$(dirname "$0")/xfer_lib.sh"
MULTI="$PY $(dirname "$0")/sctp_multi.py"
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
	"$PY" -n xsctp-b "$(dirname "$0")/sctp_multi.py" serve "$@" --hold 600 --ready "$W/$name.ready" \
		</dev/null >"$W/$name.serve" 2>&1 &
	echo $! >"$W/$name.pid"
	wait_file "$W/$name.ready"
}

# try NAME ARGS...: sctp_multi.py connect ARGS from a; output in $W/NAME,
# also printed as comments.
try() {
	local name=$1 status
	shift
	a timeout 150 $MULTI connect "$@" >"$W/$name" 2>&1
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

# scenario FAM MODE NAME DEAD REFUSED UNROUTED ADDR...: connectx to
# ADDR... with paths DEAD (blackholed), REFUSED (ICMP) and UNROUTED (no
# route in a) broken, space-separated path numbers; the association comes
# up through the first working address.
scenario() {
	local fam=$1 mode=$2 name=$3 dead=$4 refused=$5 unrouted=$6 n label port
	shift 6
	local -n served=MH_B$fam
	port=$((7000 + fam))
	for n in $dead; do path_blackhole "$n"; done
	for n in $refused; do path_refuse "$n"; done
	for n in $unrouted; do path_unroute "$n"; done
	refused=$(xargs <<<"$refused $unrouted")	# either kind
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
	if [ -n "$refused" ] && [ -z "${LINUX:-}" ] && [ "$S" -gt 0 ]; then
		# xsctp sends the INIT on at once when an address refuses it
		# or it cannot leave (a difference from sctp.ko, which waits
		# for T1): up before the stagger could have fired, a round
		# trip or two.
		check "$label: up before one stagger (< $S ms; sctp.ko waits a T1)" \
			took "$fam-$mode-$name" 0 $((S - 1))
	elif [ -n "$refused" ]; then
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
		combination $fam $mode || continue
		! alternate $fam 0 ||
			scenario $fam $mode "[dead, alive]" "1" "" "" "${B[0]}" "${B[1]}"
		! alternate $fam 1 ||
			scenario $fam $mode "[refusing, alive]" "" "1" "" "${B[0]}" "${B[1]}"
		! alternate $fam 2 ||
			scenario $fam $mode "[unrouted, alive]" "" "" "1" "${B[0]}" "${B[1]}"
		! alternate $fam 3 ||
			scenario $fam $mode "[dead, dead, alive]" "1 2" "" "" \
				"${B[0]}" "${B[1]}" "${B[2]}"
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
		# Staggered INITs do not lengthen the attempt (T1 backoff
		# and Max.Init.Retransmits still bound it).
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
	# two T1s capped at rto_max. Staggered: one of each (alternate).
	! combination 4 $mode || all_dead 4 $mode 3 800
	! combination 6 $mode || ! alternate 6 0 || all_dead 6 $mode 2 600
done
if [ "$S" -gt 0 ]; then
	! alternate 4 1 || all_dead 4 blocking 3 800 "$S"
	all_dead 6 non-blocking 2 600 "$S"
fi

# held FAM: connectx [b1, b3] to the subset server with SCTP to b2
# dropped in b from the start (its HEARTBEATs counted there), and in a
# rto_initial = rto_max = 500 ms (a heartbeat to the unconfirmed b2 about
# every 500 ms, either stack) and association_max_retrans 2: were the
# unanswered heartbeats to b2 counted against the association (RFC 9260
# 8.3 says they are not, and neither stack counts them), it would be
# aborted after its third. sctp_multi.py watches b2 for HOLD s, then a
# message goes to the server and back through b1; the drop is lifted and
# the next heartbeat confirms b2.
HOLD=4

# count_hbs FAM ADDR: b counts the HEARTBEATs (first chunk type 4) to ADDR;
# hbs_counted prints how many.
count_hbs() {
	local ip=ip
	[ "$1" = 4 ] || ip=ip6
	b nft add rule inet xsctp_mh input $ip daddr "$2" meta l4proto sctp @th,96,8 4 counter
}
hbs_counted() {
	b nft list chain inet xsctp_mh input | sed -n 's/.* counter packets \([0-9]*\) .*/\1/p'
}

# watch FAM NAME ARGS...: in the background (pid), sctp_multi.py connects
# [b1, b3] to the subset server with ARGS, output to $W/NAME; returns
# once it has watched b2 (--held), to be let go on by touching NAME.go.
watch() {
	local fam=$1 name=$2 i
	local -n to=MH_B$fam
	shift 2
	a timeout 150 $MULTI connect $((7010 + fam)) "${to[0]}" "${to[2]}" \
		--held "$W/$name.held" --go "$W/$name.go" "$@" >"$W/$name" 2>&1 &
	pid=$!
	for i in $(seq $((300 * $(by_kernel 1 3)))); do
		[ -e "$W/$name.held" ] || ! kill -0 $pid 2>/dev/null && break
		sleep 0.1
	done
}

held() {
	local fam=$1 name=$1-held saved pid hbs ip=ip label lifted at
	local -n served=MH_B$fam
	local b2=${served[1]}
	[ "$fam" = 4 ] || ip=ip6
	saved=$(a sh -c "cat $D/rto_initial $D/rto_min $D/rto_max $D/association_max_retrans" |
		tr '\n' ' ')
	a sysctl -qw net.sctp.rto_min=100 net.sctp.rto_max=500 net.sctp.rto_initial=500 \
		net.sctp.association_max_retrans=2
	count_hbs "$fam" "$b2" &&
	b nft add rule inet xsctp_mh input $ip daddr "$b2" meta l4proto sctp drop
	watch "$fam" "$name" --notify --unconfirmed "$b2" $HOLD --wait-confirm "$b2" 10
	hbs=$(hbs_counted)	# those that reached b for b2 and vanished
	paths_restore
	lifted=$(date +%s%3N)
	touch "$W/$name.go"
	wait $pid
	sed 's/^/# /' "$W/$name"
	# shellcheck disable=SC2086 # one word per value
	set -- $saved
	a sysctl -qw net.sctp.rto_max="$3" net.sctp.rto_min="$2" net.sctp.rto_initial="$1" \
		net.sctp.association_max_retrans="$4"
	label="IPv$fam [served, not served], b2 blackholed"
	check "$label: establishes through b1" grep -q '^result ok ' "$W/$name"
	echo "# $label: $hbs heartbeats to b2 dropped in ${HOLD} s ($STACK, rto 500 ms)"
	check "$label: b2 stays UNCONFIRMED (3) for ${HOLD} s, no SCTP_PEER_ADDR_CHANGE for it" \
		grep -q "^held $b2 ms [0-9]* states 3 events 0\$" "$W/$name"
	check "$label: more heartbeats went unanswered (${hbs:-?}) than association_max_retrans 2 allows" \
		test "${hbs:-0}" -ge 4
	check "$label: the association stays ESTABLISHED (4)" \
		test "$(awk '$1 == "state" { s = $2 } END { print s }' "$W/$name")" = 4
	check "$label: a message goes to the server and back through b1" \
		grep -q '^echo ok ' "$W/$name"
	check "$label: the drop lifted, a heartbeat confirms b2: ACTIVE (2) within 10 s" \
		grep -q "^confirmed $b2 " "$W/$name"
	at=$(sed -n "s/^confirmed $b2 ms [0-9]* at \([0-9]*\)\.\([0-9]*\)$/\1\2/p" "$W/$name")
	[ -z "$at" ] || echo "# $label: confirmed $((at - lifted)) ms after the drop was lifted ($STACK)"
	check "$label: ... and SCTP_PEER_ADDR_CHANGE ADDR_CONFIRMED (5) says so" \
		grep -q "^event [0-9]* $b2 5 " "$W/$name"
}

# hb_switch FAM: SCTP_PEER_ADDR_PARAMS. Heartbeats off for the socket
# (SPP_HB_DISABLE, before connectx [b1, b3]): not one HEARTBEAT reaches b2
# in HOLD s (counted by nft in b) and it stays UNCONFIRMED, as in Linux,
# which sends none either; then SPP_HB_DEMAND for b2 sends one at once,
# and its answer confirms b2.
hb_switch() {
	local fam=$1 name=$1-hb-off hbs label pid asked at
	local -n served=MH_B$fam
	local b2=${served[1]}
	count_hbs "$fam" "$b2"
	watch "$fam" "$name" --hb-off --notify --unconfirmed "$b2" $HOLD --demand "$b2" \
		--wait-confirm "$b2" 5
	hbs=$(hbs_counted)
	touch "$W/$name.go"
	wait $pid
	sed 's/^/# /' "$W/$name"
	paths_restore
	label="IPv$fam [served, not served], heartbeats off"
	check "$label: SPP_HB_DISABLE on the socket, then establishes" \
		grep -q '^hb_off ok' "$W/$name"
	check "$label: no HEARTBEAT to b2 in ${HOLD} s (${hbs:-?} seen)" test "${hbs:-1}" -eq 0
	check "$label: b2 stays UNCONFIRMED (3), no SCTP_PEER_ADDR_CHANGE for it" \
		grep -q "^held $b2 ms [0-9]* states 3 events 0\$" "$W/$name"
	check "$label: SPP_HB_DEMAND for b2 is taken" grep -q "^demand $b2 ok " "$W/$name"
	check "$label: ... and its answer confirms b2: ACTIVE (2) within 5 s" \
		grep -q "^confirmed $b2 " "$W/$name"
	asked=$(sed -n "s/^demand $b2 ok ms \([0-9]*\)/\1/p" "$W/$name")
	at=$(sed -n "s/^confirmed $b2 ms \([0-9]*\) .*/\1/p" "$W/$name")
	[ -z "$asked" ] || [ -z "$at" ] ||
		echo "# $label: b2 confirmed $((at - asked)) ms after the demand ($STACK)"
}

# A server bound to paths 1 and 2 only: path 3's address is b's, but not
# served. connectx [b1, b3]: the INIT goes to b1, whose INIT ACK lists b1
# and b2. b3 is dropped; b2, which the client never gave, is UNCONFIRMED
# until a heartbeat confirms it (RFC 9260 5.4, 8.3; every RTO on both
# stacks, rto_initial at first: the blocking client waits for it, with
# SCTP_PEER_ADDR_CHANGE on); b1, given and listed, is ACTIVE. Then held.
for fam in 4 6; do
	declare -n B=MH_B$fam
	check "IPv$fam server bound to paths 1 and 2 only (sctp_bindx)" \
		serve "sub$fam" $((7010 + fam)) "${B[0]}" "${B[1]}" --echo
	for mode in blocking non-blocking; do
		combination $fam $mode || continue
		name=$fam-$mode-subset
		opts=(--notify --wait-confirm "${B[1]}" 10)
		[ "$mode" = blocking ] || opts=(--nonblock)
		try "$name" $((7010 + fam)) "${B[0]}" "${B[2]}" "${opts[@]}"
		check "IPv$fam [served, not served], $mode: establishes" grep -q '^result ok ' "$W/$name"
		check "IPv$fam ... the address not served is dropped; the peer's are there" \
			peers_are "$name" "${B[0]}" "${B[1]}"
		check "IPv$fam ... the given address the INIT ACK lists is ACTIVE (2)" \
			path_is "$name" "${B[0]}" 2
		check "IPv$fam ... the listed address not given is UNCONFIRMED (3)" \
			path_is "$name" "${B[1]}" 3
		[ "$mode" = blocking ] || continue
		check "IPv$fam ... a heartbeat confirms it: ACTIVE (2) within 10 s" \
			grep -q "^confirmed ${B[1]} " "$W/$name"
		echo "# IPv$fam ${B[1]} confirmed $(sed -n "s/^confirmed ${B[1]} ms \([0-9]*\) .*/\1/p" \
			"$W/$name") ms after COMM_UP ($STACK, rto_initial $R ms)"
		check "IPv$fam ... SCTP_PEER_ADDR_CHANGE ADDR_CONFIRMED (5) for it" \
			grep -q "^event [0-9]* ${B[1]} 5 " "$W/$name"
	done
	! alternate $fam 0 || held $fam
	! alternate $fam 1 || hb_switch $fam
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
