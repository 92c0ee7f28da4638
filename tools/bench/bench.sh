#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# `make bench`: Linux's sctp.ko, xsctp and TCP side by side on one path
# (two namespaces over veth) in one stock 6.12 guest; see
# Documentation/bench.rst. tools/bench/bench-guest.sh runs inside; this
# prints its results as a table, also saved to build/bench/result.txt.
#
# Environment: BENCH_ROUNDS (3), BENCH_SECONDS (5): runs per measurement
# (the median is shown) and the length of each; BENCH_STACKS (default
# "xsctp tcp sctp.ko").
set -uo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
out=build/bench
rounds=${BENCH_ROUNDS:-3} secs=${BENCH_SECONDS:-5}
stacks=${BENCH_STACKS:-xsctp tcp sctp.ko}
mkdir -p $out
rm -rf $out/vm $out/vm2 $out/bench.tsv $out/result.txt

release=$(tools/kernels.sh 6.12) || exit 1
# xsctp failing to build costs its column, not the run.
xsctp_na=
if ! make --no-print-directory -s modules TAG=6.12 KDIR="/lib/modules/$release/build" \
	>$out/build.log 2>&1; then
	xsctp_na="xsctp.ko did not build: $out/build.log"
	echo "bench: $xsctp_na" >&2
fi
gcc -O2 -Wall -Wextra -Werror -D_GNU_SOURCE -o $out/pingpong tools/bench/pingpong.c || exit 1

# guest SHARE STACKS: one guest run; its results in SHARE/bench.tsv.
guest() {
	local cmd
	cmd=$(printf '%q ' env BENCH_ROUNDS="$rounds" BENCH_SECONDS="$secs" \
		BENCH_STACKS="$2" BENCH_XSCTP_NA="$xsctp_na" \
		BENCH_FAILOVER_WINDOW="${BENCH_FAILOVER_WINDOW:-10}" tools/bench/bench-guest.sh \
		build/6.12/xsctp.ko $out/pingpong /run/xsctp/bench.tsv)
	# Bounded even if every run hits bench-guest.sh's own timeout.
	tools/vm/run.sh -k 6.12 -s 2 -t $((120 + rounds * 17 * (secs * 3 + 40))) -o "$1" "$cmd"
}

# ended SHARE STATUS: did the guest run end before its last measurement?
# Then add a note, set $crashed to the stack it was measuring, and record
# the run under way as n/a, and so the workloads it never reached.
notes=() crashed=
ended() {
	local tsv=$1/bench.tsv what why stack workload word round w r
	[ -e "$tsv.done" ] && return 1
	[ -e "$tsv" ] || : >"$tsv"
	what=$(cat "$tsv.progress" 2>/dev/null) || what="setup"
	why=$(cat "$tsv.abort" 2>/dev/null) || why="guest crashed or hung"
	notes+=("guest run ended early, during $what: $why (status $2, see $1/console.log)")
	# Progress is "STACK WORKLOAD round N" (WORKLOAD "unload" in unload).
	read -r stack workload word round <<<"$what"
	[ "$word" = round ] || return 0
	crashed=$stack
	for w in bulk64k bulk1k rr connect2 connect3 failover failover_tel; do
		# TCP has neither multihomed setup nor failover.
		[ "$stack" != tcp ] || [[ ! $w =~ ^(connect|failover) ]] || continue
		if [ "$w" = "$workload" ]; then
			r=$why
		elif ! grep -q "^$stack	$w	" "$tsv"; then
			r="not run: the guest ended early"
		else
			continue
		fi
		printf '%s\t%s\t%s\tn/a\t%s\t%s\n' "$stack" "$w" "$round" \
			"$(case $w in rr) echo transactions/s ;; connect* | failover*) echo ms ;;
			*) echo Mbit/s ;; esac)" \
			"$r" >>"$tsv"
	done
}

guest $out/vm "$stacks"
if ended $out/vm $? && [ "$crashed" = xsctp ] && [ "$stacks" != xsctp ]; then
	# A crash or a stuck module in xsctp must not cost the other stacks
	# their rounds: measure them again in a fresh guest, without xsctp.
	notes+=("sctp.ko and TCP measured again in a second guest, without xsctp")
	guest $out/vm2 "${stacks/xsctp/}"
	ended $out/vm2 $?
	{ cat $out/vm2/bench.tsv; awk -F'\t' '$1 == "xsctp"' $out/vm/bench.tsv; } >$out/bench.tsv
fi
[ -e $out/bench.tsv ] || cp $out/vm/bench.tsv $out/bench.tsv 2>/dev/null ||
	{ echo "bench: no results" >&2; exit 1; }

# The table: medians per stack and workload, n/a (reason) where a run
# failed. Fails when the harness itself did not work (no sctp.ko or TCP
# figures).
table() {
	echo "xsctp benchmarks: Debian $release guest, QEMU TCG, 2 vCPUs, $(date -u +%F)"
	echo "median of $rounds runs of ${secs} s each; under TCG only the ratios mean anything"
	echo "ratio: how many times better xsctp is (xsctp/sctp.ko for rates, sctp.ko/xsctp for times)"
	echo
	awk -F'\t' -v rounds="$rounds" '
	/^#/ { next }
	{
		k = $1 SUBSEP $2
		if ($4 == "n/a") { if (!(k in na)) na[k] = $6; next }
		vals[k] = vals[k] " " $4
	}
	function median(k,   v, n, i, j, t) {
		n = split(vals[k], v, " ")
		for (i = 2; i <= n; i++)	# insertion sort, numerically
			for (j = i; j > 1 && v[j - 1] + 0 > v[j] + 0; j--) {
				t = v[j]; v[j] = v[j - 1]; v[j - 1] = t
			}
		count[k] = n
		return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
	}
	function cell(s, w,   k, m) {
		k = s SUBSEP w
		if (k in na) return "n/a (" na[k] ")"
		if (!(k in vals)) return "n/a (not run)"
		m = median(k)
		med[k] = m
		return sprintf(m < 100 ? "%.1f" : "%.0f", m) \
			(count[k] < rounds ? " (" count[k] " runs)" : "")
	}
	BEGIN {
		nw = split("bulk64k bulk1k rr connect2 connect3 failover failover_tel", wl, " ")
		name["bulk64k"] = "bulk, 64 KiB messages (Mbit/s)"
		name["bulk1k"] = "bulk, 1 KiB messages (Mbit/s)"
		name["rr"] = "1-byte request/response (transactions/s)"
		name["connect2"] = "connect time, first of 2 addresses blackholed (ms)"
		name["connect3"] = "connect time, first of 3 addresses blackholed (ms)"
		name["failover"] = "failover: longest delivery gap after the primary path is blackholed (ms)"
		name["failover_tel"] = "failover, telecom profile (rto_min 100, rto_max 400 ms) (ms)"
	}
	END {
		split("workload|sctp.ko|xsctp|ratio|TCP", head, "|")
		for (c = 1; c <= 5; c++) row[0, c] = head[c]
		for (i = 1; i <= nw; i++) {
			w = wl[i]
			time = w ~ /^(connect|failover)/
			row[i, 1] = name[w]
			row[i, 2] = cell("sctp.ko", w)
			row[i, 3] = cell("xsctp", w)
			x = med["xsctp" SUBSEP w]; y = med["sctp.ko" SUBSEP w]
			# Times: lower is better, so the ratio is sctp.ko/xsctp.
			if (time) row[i, 4] = (x > 0 && y != "") ? sprintf("%.2f", y / x) : "n/a"
			else row[i, 4] = (x != "" && y > 0) ? sprintf("%.2f", x / y) : "n/a"
			row[i, 5] = time ? "-" : cell("tcp", w)
			# The harness works when sctp.ko and TCP gave figures.
			if (row[i, 2] ~ /^n\/a/ || row[i, 5] ~ /^n\/a/) broken = 1
		}
		for (i = 0; i <= nw; i++)
			for (c = 1; c <= 5; c++)
				if (length(row[i, c]) > width[c]) width[c] = length(row[i, c])
		for (i = 0; i <= nw; i++) {
			line = sprintf("%-" width[1] "s", row[i, 1])
			for (c = 2; c <= 5; c++) line = line sprintf("  %" width[c] "s", row[i, c])
			print line
		}
		exit broken
	}' $out/bench.tsv
	local status=$?
	for note in "${notes[@]}"; do echo "note: $note"; done
	return $status
}
table >$out/result.txt
status=$?
echo
cat $out/result.txt
echo "(saved in $out/result.txt; raw figures in $out/bench.tsv)"
exit $status
