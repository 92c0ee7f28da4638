#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The benchmarks, inside one guest (tools/bench/bench.sh boots it):
# namespaces xsctp-a and xsctp-b over veth (selftests/lib.sh), and on that
# path, for each stack in turn, bulk throughput with iperf3 (64 KiB and
# 1 KiB messages) and a 1-byte request/response rate (pingpong); then, for
# the SCTP stacks, over three paths (selftests/multihome_lib.sh), the time
# sctp_connectx() takes to set up an association when the first of 2 and
# of 3 addresses is blackholed (connect2, connect3), and the longest gap
# in delivery when the primary path of a paced stream over 2 of them is
# blackholed, with default timers and with a telecom profile (failover,
# failover_tel; TCP has neither).
#
# Usage: bench-guest.sh XSCTP_KO PINGPONG OUT
# Environment: BENCH_ROUNDS (3), BENCH_SECONDS (5), BENCH_STACKS
# ("xsctp tcp sctp.ko"; a subset runs in that order), BENCH_XSCTP_NA
# (a reason not to run xsctp, which is then n/a), BENCH_FAILOVER_WINDOW
# (10: seconds the failover workloads keep streaming after the failure).
#
# OUT gets one line per measurement, tab-separated:
#   stack workload round value unit reason
# value is a number, or n/a with the reason in the last field ("-" if
# none). OUT.progress names the run under way, for the host to tell which
# one a crash or a hang happened in; OUT.done marks a complete run, and
# OUT.abort gives the reason for an incomplete one.
set -uo pipefail

export XSCTP_KO=$1
pingpong=$2 out=$3
rounds=${BENCH_ROUNDS:-3} secs=${BENCH_SECONDS:-5}
stacks=${BENCH_STACKS:-xsctp tcp sctp.ko}
# A run that takes longer than this is killed and reported n/a.
limit=$((secs * 3 + 30))
# shellcheck source=selftests/lib.sh
. "$(dirname "$0")/../../selftests/lib.sh"
# shellcheck source=selftests/multihome_lib.sh
. "$(dirname "$0")/../../selftests/multihome_lib.sh"
MULTI=$(dirname "$0")/../../selftests/sctp_multi.py
FAILOVER=$(dirname "$0")/../../selftests/sctp_failover.py
window=${BENCH_FAILOVER_WINDOW:-10}

peer=198.51.100.2
declare -A na=() # stack:workload -> reason, once it failed: not run again
declare -A unit=([bulk64k]=Mbit/s [bulk1k]=Mbit/s [rr]=transactions/s [connect2]=ms [connect3]=ms
	[failover]=ms [failover_tel]=ms)
# The workloads of a stack.
workloads() {
	[ "$1" = tcp ] && echo bulk64k bulk1k rr ||
		echo bulk64k bulk1k rr connect2 connect3 failover failover_tel
}

record() { printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$out"; }

# Kill the servers a run left behind.
stop_servers() {
	# shellcheck disable=SC2046 # one word per job
	kill $(jobs -p) 2>/dev/null
	wait 2>/dev/null
}

# A one-line reason from a failed command's output and status.
reason() {
	local log=$1 status=$2 line
	if [ "$status" = 124 ] || [ "$status" = 137 ]; then
		echo "timed out after ${limit}s"
		return
	fi
	line=$(grep -m1 -iE 'error|pingpong:|fail' "$log" | sed 's/^\(iperf3: \)\{0,1\}error - /iperf3: /')
	[ -n "$line" ] || line="exit status $status, no output"
	echo "${line:0:70}"
}

# iperf3 STACK LEN: bulk transfer a -> b, LEN-byte writes; receiver Mbit/s.
run_iperf3() {
	local sctp=() log=/tmp/bench.log status
	[ "$1" = tcp ] || sctp=(--sctp)
	# timeout first: the job is then timeout itself, and killing it kills
	# the server (ip netns exec execs the command).
	timeout -k 5 $limit ip netns exec xsctp-b iperf3 -s -1 -p 5201 >/dev/null 2>&1 &
	# The control connection is TCP whatever the stack; wait for it.
	for _ in $(seq 100); do
		[ -n "$(b ss -Hltn 'sport = :5201')" ] && break
		sleep 0.1
	done
	a timeout -k 5 $limit iperf3 -c $peer -p 5201 "${sctp[@]}" -l "$2" -t "$secs" \
		-f m --connect-timeout 5000 >$log 2>&1
	status=$?
	stop_servers
	value=$(awk '/receiver$/ { print $(NF - 2) }' $log)
	[ $status = 0 ] && [ -n "$value" ] || value=$(reason $log $status)
}

# pingpong STACK: 1-byte request/response rate a -> b, transactions/s.
run_pingpong() {
	local proto=sctp log=/tmp/bench.log status
	[ "$1" = tcp ] && proto=tcp
	timeout -k 5 $limit ip netns exec xsctp-b "$pingpong" server $proto $peer 5202 2>/dev/null &
	a timeout -k 5 $limit "$pingpong" client $proto $peer 5202 "$secs" >$log 2>&1
	status=$?
	stop_servers
	value=$(tail -n 1 $log)
	[ $status = 0 ] && [[ $value =~ ^[0-9]+$ ]] || value=$(reason $log $status)
}

# run_connect N: ms from sctp_connectx() to established over N paths
# (three_paths), b's address of path 1 blackholed, default settings: the
# client connects to b's first N addresses, in order.
run_connect() {
	local log=/tmp/bench.log status addrs=("${MH_B4[@]:0:$1}")
	rm -f /tmp/bench.ready
	timeout -k 5 $limit ip netns exec xsctp-b python3 "$MULTI" serve 5203 "${addrs[@]}" \
		--hold $limit --ready /tmp/bench.ready >/dev/null 2>&1 &
	for _ in $(seq 100); do
		[ -e /tmp/bench.ready ] && break
		sleep 0.1
	done
	path_blackhole 1
	a timeout -k 5 $limit python3 "$MULTI" connect 5203 "${addrs[@]}" >$log 2>&1
	status=$?
	paths_restore
	stop_servers
	value=$(sed -n 's/^result ok ms \([0-9]*\)$/\1/p' $log)
	[ $status = 0 ] && [ -n "$value" ] || value=$(reason $log $status)
}

# run_failover [PROFILE]: the longest gap in delivery, in ms, when the
# primary path of an association over two paths (three_paths; b's first
# two IPv4 addresses, connectx in that order) goes silent: 1 KiB messages
# every 10 ms (selftests/sctp_failover.py, which checks that every one
# arrives once, in order, intact), path 1 dropped both ways by nft 1 s in,
# the stream kept up for $window s more. Default settings, or with
# PROFILE "telecom" rto_min 100 and rto_max 400 ms in both namespaces.
run_failover() {
	local log=/tmp/bench.log recv=/tmp/bench.recv arr=/tmp/bench.arr w=/tmp/bench.fo
	local addrs=("${MH_B4[@]:0:2}") saved=() ns status t_fail t_stop server client
	local ms from to after
	if [ "${1:-}" = telecom ]; then
		for ns in a b; do
			saved+=("$($ns cat /proc/sys/net/sctp/rto_min) $($ns cat /proc/sys/net/sctp/rto_max)")
			# rto_min first: rto_max may not go below it.
			$ns sysctl -qw net.sctp.rto_min=100 && $ns sysctl -qw net.sctp.rto_max=400 ||
				{ value="cannot set the telecom profile"; return; }
		done
	fi
	rm -f $w.* $arr
	timeout -k 5 $limit ip netns exec xsctp-b python3 "$FAILOVER" serve 5204 "${addrs[@]}" \
		--ready $w.ready --arrivals $arr --timeout $((limit - 5)) >$recv 2>&1 &
	server=$!
	for _ in $(seq 100); do
		[ -e $w.ready ] && break
		sleep 0.1
	done
	timeout -k 5 $limit ip netns exec xsctp-a python3 "$FAILOVER" send 5204 "${addrs[@]}" \
		--stop $w.stop --started $w.started --timeout $((limit - 5)) >$log 2>&1 &
	client=$!
	for _ in $(seq 100); do
		[ -e $w.started ] && break
		sleep 0.1
	done
	sleep 1
	t_fail=$EPOCHREALTIME
	path_silence 1
	sleep "$window"
	t_stop=$EPOCHREALTIME
	touch $w.stop
	wait $client
	status=$?
	# Back, so that a stack that never failed over still delivers and ends.
	paths_restore
	wait $server || status=$?
	stop_servers
	if [ "${1:-}" = telecom ]; then
		for ns in a b; do
			read -r from to <<<"${saved[0]}"
			saved=("${saved[@]:1}")
			$ns sysctl -qw net.sctp.rto_max="$to" && $ns sysctl -qw net.sctp.rto_min="$from"
		done
	fi
	if [ $status != 0 ]; then
		value=$(grep -h -m1 -E '^(connectx|send #|socket error|timed out|recv FAILED)' \
			$log $recv | head -n 1)
		[ -n "$value" ] && [ $status != 124 ] && [ $status != 137 ] || value=$(reason $log $status)
		value=${value:0:70}
		return
	fi
	# "gap MS from +MS to +MS after N": the gap must end within the
	# window, with the stream flowing after it.
	read -r _ ms _ from _ to _ after < <(python3 "$FAILOVER" gap $arr --from "$t_fail" \
		--to "$t_stop")
	if [ -z "$ms" ] || [ "$ms" = none ] || [ "${to#+}" -gt $((window * 1000)) ] ||
		[ "$after" -lt 5 ]; then
		value="no delivery within ${window}s of the failure"
		return
	fi
	value=$ms
}

# measure STACK ROUND WORKLOAD COMMAND...: one measurement, recorded.
measure() {
	local stack=$1 round=$2 workload=$3 value
	shift 3
	if [ -n "${na[$stack:$workload]:-}" ]; then
		return
	fi
	echo "$stack $workload round $round" >"$out.progress"
	"$@"
	if [[ $value =~ ^[0-9.]+$ ]]; then
		record "$stack" "$workload" "$round" "$value" "${unit[$workload]}" -
	else
		na[$stack:$workload]=$value
		record "$stack" "$workload" "$round" n/a "${unit[$workload]}" "$value"
	fi
	echo "# $stack $workload round $round: $value ${unit[$workload]}"
}

# na_all STACK ROUND REASON: every workload of STACK fails with REASON.
na_all() {
	local w
	for w in $(workloads "$1"); do
		[ -n "${na[$1:$w]:-}" ] && continue
		na[$1:$w]=$3
		record "$1" $w "$2" n/a "${unit[$w]}" "$3"
	done
	echo "# $1 round $2: n/a ($3)"
}

oneline() { tr -s '\t\n' '  ' <"$1" | head -c 60; }

# Load STACK's module; on failure every workload is n/a.
load() {
	case $1 in
	tcp) return 0 ;;
	sctp.ko) modprobe sctp 2>/tmp/load.log ||
		{ na_all "$1" "$2" "modprobe sctp: $(oneline /tmp/load.log)"; return 1; } ;;
	xsctp)
		if [ -n "${BENCH_XSCTP_NA:-}" ]; then
			na_all xsctp "$2" "$BENCH_XSCTP_NA"
			return 1
		fi
		xsctp_load 2>/tmp/load.log ||
			{ na_all "$1" "$2" "insmod: $(oneline /tmp/load.log)"; return 1; } ;;
	esac
}

# Unload xsctp. If it cannot go, it keeps sctp.ko out for good: stop here
# (the host boots another guest without xsctp).
unload() {
	[ "$1" = xsctp ] || return 0
	xsctp_unload && return 0
	echo "$1 unload round $2" >"$out.progress"
	echo "# $1 cannot be unloaded: $(lsmod | grep -w -e sctp -e xsctp | tr -s ' ' | tr '\n' ';')"
	echo "rmmod failed after round $2" >"$out.abort"
	exit 3
}

trap 'stop_servers; two_namespaces_del; xsctp_unload 2>/dev/null' EXIT
rm -f "$out" "$out".*
printf '# kernel %s, %s rounds of %s s, %s vCPUs\n' "$(uname -r)" "$rounds" "$secs" \
	"$(nproc)" >"$out"
if sctp_loaded || xsctp_loaded; then
	echo "bench: an SCTP module is loaded already" >"$out.abort"
	exit 1
fi

want() { [[ " $stacks " == *" $1 "* ]]; }

# One turn of STACK in ROUND: load, fresh namespaces, the three workloads
# (those that have not failed yet).
turn() {
	local stack=$1 round=$2
	local w left=
	for w in $(workloads "$stack"); do
		[ -n "${na[$stack:$w]:-}" ] || left=1
	done
	[ -n "$left" ] || return 0
	load "$stack" "$round" || return 0
	if two_namespaces; then
		measure "$stack" "$round" bulk64k run_iperf3 "$stack" 65536
		measure "$stack" "$round" bulk1k run_iperf3 "$stack" 1024
		measure "$stack" "$round" rr run_pingpong "$stack"
	else
		na_all "$stack" "$round" "cannot set up the namespaces"
	fi
	two_namespaces_del
	if [ "$stack" != tcp ]; then
		if three_paths; then
			measure "$stack" "$round" connect2 run_connect 2
			measure "$stack" "$round" connect3 run_connect 3
			measure "$stack" "$round" failover run_failover
			measure "$stack" "$round" failover_tel run_failover telecom
		else
			na_all "$stack" "$round" "cannot set up three paths"
		fi
		three_paths_del
	fi
	unload "$stack" "$round"
}

# sctp.ko cannot be unloaded (the control socket it opens in every network
# namespace holds it), so it comes last: first xsctp's rounds, each with
# insmod and rmmod, interleaved with TCP's, then sctp.ko's. Should xsctp
# crash the guest, the host measures the others again in a second one.
for round in $(seq "$rounds"); do
	for stack in xsctp tcp; do
		want $stack && turn $stack "$round"
	done
done
for round in $(seq "$rounds"); do
	want sctp.ko && turn sctp.ko "$round"
done
touch "$out.done"
