#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Proves: whatever DATA a peer sends, the receiver's memory stays bounded
# by its receive buffer and the association survives it, every drop
# counted: an out-of-order flood above a hole, in-order DATA far past the
# advertised window, TSNs outside the window and duplicates, DATA for
# streams that do not exist (acknowledged, dropped, answered with an
# Invalid Stream Identifier ERROR), empty DATA (ABORT with No User Data),
# fragments that never make a message, and a HEARTBEAT flood (answered at
# a bounded rate, the rest counted). The SACKs sent meanwhile stay
# well formed, their gap and duplicate lists bounded by a packet. The
# receiving application never reads; in the end everything is freed
# (the module unloads; kmemleak on the debug kernel). The floods wrap
# the 32-bit TSN space; on the sanitizer kernel (lib.sh) they are a
# quarter to a third as long, still far past the window, and still wrap.
# With LINUX=1 (data_hostile_ko.sh) the same runs against sctp.ko, where
# the xsctp counters are not checked.
#
#   ns xsctp-a: raw-socket peer         ns xsctp-b: one-to-many listener
#   (sctp_hostile.py) 198.51.100.1 ---- 198.51.100.2, SO_RCVBUF 16 KiB,
#                                       never reads
# (Topology: two_namespaces in lib.sh.)
source "$(dirname "$0")/lib.sh"
HOSTILE="$PY $(dirname "$0")/sctp_hostile.py"
READY=/tmp/xsctp-hostile.ready
RMEM=/tmp/xsctp-hostile.rmem
FACTS=/tmp/xsctp-hostile.facts
trap two_namespaces_cleanup EXIT
exec 3>&1	# run()'s log, which check() would hide
two_namespaces_cleanup
start_module "data_hostile"
check "two namespaces joined by veth" two_namespaces
# The listener closes with its associations unread or mid-shutdown, to
# a peer that answers nothing: a short RTO and retransmission limit end
# them in seconds rather than minutes, so rmmod can follow.
check "short RTO (100-500 ms) and Association.Max.Retrans (2) in b" \
	b sysctl -q -w net.sctp.rto_min=100 net.sctp.rto_max=500 \
	net.sctp.association_max_retrans=2

# The peer's own SCTP stack in a sees the listener's SACKs as out of the
# blue and would ABORT the association: its ABORTs stay in a.
quiet_a() {
	a nft -f - <<'NFT'
table inet xsctp_test {
	chain output {
		type filter hook output priority 0;
		meta l4proto sctp @th,96,8 6 drop
	}
}
NFT
}
check "ABORTs from a's own SCTP stack dropped" quiet_a

xsctp() { [ -z "${LINUX:-}" ]; }
# Flood lengths (stock / sanitizer kernel), and how far below 2^32 the
# peer's initial TSN is: the out-of-order flood and the fragments wrap.
N_OOO=$(by_kernel 6000 1500) N_INORDER=$(by_kernel 600 200) N_FRAGS=$(by_kernel 4000 1000)
WRAP=$(by_kernel 4096 1024)
counter() { xsctp_counter "$1" xsctp-b; }
fact() { awk -v k="$1" '$1 == k { $1 = ""; print substr($0, 2) }' "$FACTS"; }
declare -A before
snapshot() {
	local c
	for c in InDataChunks InDataNoRoom InDataBeyondWindow InDataDuplicates \
		 InDataBadStream HeartbeatAcksLimited; do
		before[$c]=$(counter Xsctp$c)
	done
}
grew() { echo $(( $(counter "Xsctp$1") - ${before[$1]:-0} )); }

# looks: how many times the listener has looked at its receive memory.
looks() { awk '{ print $3 }' "$RMEM" 2>/dev/null; }
looked_since() { [ "$(looks)" -ge "$1" ]; }

# run SCENARIO PORT [ARGS...]: a listener on PORT that never reads, and the
# hostile peer's SCENARIO against it; the answers' facts in $FACTS, the
# listener's highest receive memory in $RMEM ("bytes rcvbuf looks"),
# including a look taken after the peer was done. check() runs it in a
# subshell: the counters' snapshot is taken before.
run() {
	local name=$1 port=$2 server ok=0 start=$SECONDS n
	shift 2
	rm -f "$READY" "$RMEM" "$FACTS"
	# Not through b(): $! must be the listener itself (pyrun, which ends
	# as it does), and it must not hold check()'s output open.
	"$PY" -n xsctp-b "$(dirname "$0")/sctp_hostile.py" serve 198.51.100.2 "$port" --ready "$READY" \
		--rmem "$RMEM" --rcvbuf 16384 --hold 120 >/dev/null 2>&1 &
	server=$!
	wait_until 5 test -e "$READY"
	a timeout 120 $HOSTILE "$name" 198.51.100.2 --dport "$port" \
		--sport "$port" --out "$FACTS" "$@" || ok=1
	# The listener's last look at its memory: one begun after the peer
	# was done.
	n=$(looks)
	wait_until 10 looked_since $((${n:-0} + 2))
	kill "$server" 2>/dev/null
	wait "$server" 2>/dev/null
	sed 's/^/# /' "$FACTS" "$RMEM" 2>/dev/null >&3
	echo "# $name: $((SECONDS - start)) s" >&3
	return $ok
}

rcvbuf() { awk '{ print $2 }' "$RMEM"; }
rmem() { awk '{ print $1 }' "$RMEM"; }
# A SACK never outgrows a packet: 16 bytes of chunk, 4 per gap and dup.
sack_fits() { [ $(( 16 + 4 * $(fact max_gaps) + 4 * $(fact max_dups) )) -le 1452 ]; }
# Receive memory: what waits to be read, at most twice the buffer (what
# reassembly may hold on top, the chunk filling the hole excepted).
rmem_bounded() { [ "$(rmem)" -le $(( 2 * $(rcvbuf) )) ]; }
sane() { [ "$(fact sane)" = 1 ] && [ "$(fact sacks)" -ge 1 ]; }

snapshot
check "out-of-order flood: $N_OOO 1-byte DATA above a hole, then the hole" \
	run ooo-flood 7001 --count "$N_OOO" --wrap "$WRAP"
if xsctp; then
	taken=$(( $(grew InDataChunks) - 1 ))
	# Each chunk held costs its payload and its bookkeeping (>= 64 bytes).
	check "... chunks held above the hole ($taken) fit the receive buffer" \
		test $(( taken * 65 )) -le "$(rcvbuf)"
	check "... the others counted as no room or beyond the window" \
		test $(( $(grew InDataNoRoom) + $(grew InDataBeyondWindow) )) -ge $(( N_OOO - taken ))
	check "... the hole filled: the cumulative TSN covers every chunk held" \
		test "$(fact cum)" = $(( taken + 1 ))
else
	check "... the hole filled: the cumulative TSN moved past it" \
		test "$(fact cum)" -ge 2
fi
check "... every SACK well formed, the cumulative TSN never back" sane
check "... the gap and duplicate lists fit one packet" sack_fits
check "... receive memory ($(rmem)) within twice SO_RCVBUF ($(rcvbuf))" rmem_bounded

snapshot
check "in order, $N_INORDER DATA of 1000 bytes past a 16 KiB window" \
	run inorder 7002 --count "$N_INORDER"
check "... receive memory ($(rmem)) within twice SO_RCVBUF ($(rcvbuf))" rmem_bounded
check "... the window advertised closed (a_rwnd $(fact rwnd))" \
	test "$(fact rwnd)" -lt 1000
if xsctp; then
	check "... the chunks past it counted as no room" \
		test "$(grew InDataNoRoom)" -ge $(( N_INORDER - $(grew InDataChunks) ))
fi
check "... every SACK well formed" sane

snapshot
check "TSNs outside the window, and one TSN 40 times" run outside 7003
check "... the cumulative TSN stays at the one chunk taken" test "$(fact cum)" = 1
check "... duplicates reported: at and before the cumulative TSN, and TSN 5" \
	test "$(fact dups)" = 0,1,5
check "... each SACK's duplicate list fits one packet" sack_fits
if xsctp; then
	check "... 2^31 - 1, 2^31 and 100000 ahead counted beyond the window" \
		test "$(grew InDataBeyondWindow)" = 3
	check "... 41 duplicates counted" test "$(grew InDataDuplicates)" = 41
fi
check "... every SACK well formed" sane

snapshot
check "DATA for streams 10 and 65535 (10 inbound streams)" run bad-stream 7004
check "... acknowledged" test "$(fact cum)" = 2
check "... answered with an Invalid Stream Identifier ERROR" \
	test "$(fact error)" = "1 655360"
xsctp && check "... counted" test "$(grew InDataBadStream)" = 2

snapshot
check "a DATA chunk without user data" run empty 7005
check "... ABORT with No User Data naming its TSN" \
	test "$(fact abort)" = "9 $(( 0xFFFFF000 ))"

snapshot
check "$N_FRAGS BEGIN fragments that never end, then $N_FRAGS middle fragments" \
	run frags 7006 --count "$N_FRAGS" --wrap "$WRAP"
check "... receive memory ($(rmem)) within twice SO_RCVBUF ($(rcvbuf))" rmem_bounded
if xsctp; then
	taken=$(grew InDataChunks)
	check "... fragments held ($taken) fit the receive buffer" \
		test $(( taken * 164 )) -le "$(rcvbuf)"
	check "... the others counted as no room or beyond the window" \
		test $(( $(grew InDataNoRoom) + $(grew InDataBeyondWindow) )) -ge $(( 2 * N_FRAGS - taken ))
fi
check "... every SACK well formed" sane

# RFC 9260 8.3 answers each HEARTBEAT; xsctp answers at most 100 a second
# per association, so the peer (or whoever learned its tag) cannot make it
# reflect a flood. Linux answers every one.
snapshot
check "3000 HEARTBEATs in a burst, 10 a packet" run hb-flood 7007 --count 3000
check "... answered: $(fact hb_acks) HEARTBEAT ACKs echo the info" \
	test "$(fact hb_acks)" -ge 1
if xsctp; then
	secs=$(fact hb_secs)
	check "... at most 100 a second (the flood and its answers took $secs s)" \
		test "$(fact hb_acks)" -le $(( 100 * (${secs%.*} + 2) ))
	check "... every one not answered counted (XsctpHeartbeatAcksLimited)" \
		test $(( $(fact hb_acks) + $(grew HeartbeatAcksLimited) )) = 3000
fi

if xsctp; then
	check "every socket closed" test "$(sockets_in_use XSCTP)/$(sockets_in_use XSCTPv6)" = 0/0
	# Some associations still send SHUTDOWNs to a peer that has gone:
	# their retransmission limit ends them (a closed socket keeps its
	# namespace, and the module, until then).
	two_namespaces_del
	for _ in $(seq $((40 * $(by_kernel 1 3)))); do
		[ "$(cat /sys/module/xsctp/refcnt)" = 0 ] && break
		sleep 0.5
	done
	echo "# xsctp refcnt $(cat /sys/module/xsctp/refcnt)"
	check "namespaces deleted, rmmod xsctp (every association freed)" xsctp_unload
fi
ksft_exit
