#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# What `make check` (tools/check.sh) and `make oracle` (tools/oracle.sh)
# share: TAP counting, timed phases, selftests in guests, and the closing
# report with the time budget. Sourced; sets $top and $out (build/NAME).
#
# Every phase and every guest is timed (NAME<TAB>SECONDS in $out/phases),
# and run.sh prints each test's time ("# TEST: N s of LIMIT s"), so a run
# ends with where its minutes went, slowest first.

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$top" || exit 1
passed=0 failed=0 skipped=0
failures=()

# check_init NAME: a fresh results folder, build/NAME.
check_init() {
	out=$top/build/$1
	rm -rf "$out"
	mkdir -p "$out"
	: >"$out/phases"
	run_start=$SECONDS
}

# Count the TAP lines of one log, prefixing each failure with LABEL.
count_tap() {
	local label=$1 log=$2 line
	while IFS= read -r line; do
		case $line in
		"not ok "*)
			failed=$((failed + 1))
			failures+=("[$label] $line") ;;
		"ok "*"# SKIP"*) skipped=$((skipped + 1)) ;;
		"ok "*) passed=$((passed + 1)) ;;
		*) continue ;;
		esac
	done <"$log"
}

# A step outside TAP (a build, a guest that crashed or timed out).
step() {
	local what=$1 status=$2
	if [ "$status" -eq 0 ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		failures+=("$what (status $status)")
	fi
}

section() { printf '\n=== %s\n' "$*"; }

# timed NAME COMMAND...: run COMMAND and record its wall time as phase NAME.
# Safe from background lanes: each record is one short append.
timed() {
	local name=$1 start=$SECONDS status
	shift
	"$@"
	status=$?
	printf '%s\t%d\n' "$name" $((SECONDS - start)) >>"$out/phases"
	return $status
}

# guest KERNEL NAME LIMIT TEST...: selftests in one guest, killed after
# LIMIT seconds; TAP in NAME/out.log, the exit status in NAME.status.
guest() {
	local kernel=$1 name=$2 limit=$3
	shift 3
	timed "guest $name" tools/vm/run.sh -q -k "$kernel" -t "$limit" -o "$out/$name" \
		selftests/run.sh "build/$kernel" "$@" >"$out/$name.harness" 2>&1
	echo $? >"$out/$name.status"
}

# lanes N JOB...: run the jobs (each a command line: `guest ...`, `pair`)
# on N workers side by side, one per core, each taking the next job in
# the order given as soon as it is free: list the longest first.
lanes() {
	local n=$1 i
	shift
	printf '%s\n' "$@" >"$out/jobs"
	echo 0 >"$out/jobs.next"
	for ((i = 0; i < n; i++)); do
		lane_worker &
	done
	wait
}

lane_worker() {
	local job
	while job=$(take_job) && [ -n "$job" ]; do
		eval "$job"
	done
}

# The next job's line, or nothing when all are taken.
take_job() {
	flock "$out/jobs" sh -c 'i=$(cat "$1.next"); echo $((i + 1)) >"$1.next"
		sed -n "$((i + 1))p" "$1"' take_job "$out/jobs"
}

# build_or_stop WHAT COMMAND...: the build phase; without it nothing can
# run, so a failure ends the run here with its log's tail and the summary.
build_or_stop() {
	local what=$1 status
	shift
	timed build "$@" >"$out/build.log" 2>&1
	status=$?
	step "$what (see ${out#"$top"/}/build.log)" $status
	[ $status -eq 0 ] && return
	tail -n 30 "$out/build.log"
	summary
	exit 1
}

# report NAME LOG: count one guest's TAP; its harness failing (a kernel
# report, a timeout) is one more failure, whatever its tests said.
report() {
	local name=$1 log=$2 status
	status=$(cat "$out/$name.status" 2>/dev/null || echo 1)
	section "$name"
	grep -E '^ok ' "$log" 2>/dev/null | grep -vc '# SKIP' | sed 's/^/checks passed: /'
	grep -E '^not ok|# SKIP' "$log" 2>/dev/null
	count_tap "$name" "$log"
	if [ "$status" -ne 0 ]; then
		head -n 60 "$out/$name.harness"
		step "$name guest run: kernel report, timeout or harness failure" "$status"
	fi
}

# The time budget: each phase, then each test per guest, slowest first.
budget() {
	local log
	section "time budget (s): phases"
	sort -t $'\t' -k2,2nr "$out/phases" | awk -F'\t' '{ printf "%6d  %s\n", $2, $1 }'
	printf '%6d  total\n' $((SECONDS - run_start))
	section "time budget (s): tests, per guest (limit in selftests/settings)"
	for log in "$out"/*/out.log "$out"/*/*/out.log; do
		[ -e "$log" ] || continue
		log=${log#"$out"/}
		sed -n 's/^# \([a-z0-9_]*\): \([0-9]*\) s of \([0-9]*\) s$/\2\t\1\t\3/p' \
			"$out/$log" | sed "s|^|${log%/out.log}\t|"
	done | sort -t $'\t' -k2,2nr |
		awk -F'\t' '{ printf "%6d  %-10s %-20s (of %d)\n", $2, $1, $3, $4 }'
}

# The last line: "N passed, N failed[, N skipped]"; the exit status.
summary() {
	local line
	if [ ${#failures[@]} -gt 0 ]; then
		section "failures"
		printf '%s\n' "${failures[@]}"
	fi
	echo
	line="$passed passed, $failed failed"
	[ "$skipped" -gt 0 ] && line+=", $skipped skipped"
	echo "$line"
	[ "$failed" -eq 0 ]
}
