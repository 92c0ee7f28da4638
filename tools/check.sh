#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# `make check`: build for every kernel, run the style checks, a short
# fuzzing run of the wire codec and the libc shim's host tests, then the
# selftests (with KUnit) in guests: stock 6.12, the debug kernel (KASAN,
# lockdep, kmemleak, UBSAN; any report fails the run), stock 6.1, and the
# two-guest interop with sctp.ko. Guests run two at a time (one TCG thread
# each). Ends with one line: "N passed, N failed[, N skipped]".
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1
out=$top/build/check
rm -rf "$out"
mkdir -p "$out"
passed=0 failed=0 skipped=0
failures=()

# Count the TAP lines of one log, prefixing each with LABEL.
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

section "build (W=1, -Werror): 6.12, 6.1, debug kernel, selftest programs"
start=$SECONDS
tools/build-all.sh >"$out/build.log" 2>&1
build_status=$?
step "build for all kernels (see build/check/build.log)" $build_status
echo "build: status $build_status in $((SECONDS - start))s"
if [ $build_status -ne 0 ]; then
	tail -n 30 "$out/build.log"
	echo "$passed passed, $failed failed"
	exit 1
fi

section "style"
tools/style.sh | tee "$out/style.log"
count_tap style "$out/style.log"

section "fuzz: the wire codec and the state cookie under libFuzzer, ASan and UBSan (20 s each)"
if make --no-print-directory -s -C tools/fuzz run SECONDS=20 >"$out/fuzz.log" 2>&1; then
	echo "ok 1 - fuzz: wire_fuzz and cookie_fuzz, no crash ($(sed -n 's/^stat::number_of_executed_units: //p' "$out/fuzz.log" | paste -sd/) inputs)" | tee "$out/fuzz.tap"
else
	tail -n 40 "$out/fuzz.log"
	echo "not ok 1 - fuzz: a target crashed (build/check/fuzz.log)" | tee "$out/fuzz.tap"
fi
count_tap fuzz "$out/fuzz.tap"

section "libxsctp and the uapi header, on the host"
make --no-print-directory -s -C tools/lib/xsctp test >"$out/shim.tap" 2>&1
shim_status=$?
cat "$out/shim.tap"
count_tap shim "$out/shim.tap"
[ $shim_status -eq 0 ] || grep -q '^not ok' "$out/shim.tap" ||
	step "libxsctp build (build/check/shim.tap)" $shim_status

# guest KERNEL NAME [TESTS...]: selftests in one guest; TAP in NAME/out.log.
guest() {
	local kernel=$1 name=$2
	shift 2
	tools/vm/run.sh -q -k "$kernel" -t 3000 -o "$out/$name" \
		selftests/run.sh "build/$kernel" "$@" >"$out/$name.harness" 2>&1
	echo $? >"$out/$name.status"
}

pair() {
	tools/vm/pair.sh -t 600 -o "$out/interop" \
		"XSCTP_ROLE=xsctp selftests/run.sh build/6.12 interop" \
		"XSCTP_ROLE=peer selftests/run.sh build/6.12 interop" \
		>"$out/interop.harness" 2>&1
	echo $? >"$out/interop.status"
}

section "guests: debug kernel | stock 6.12, stock 6.1, two-guest interop"
start=$SECONDS
guest debug debug &
{ guest 6.12 6.12; guest 6.1 6.1; pair; } &
wait
echo "guests: $((SECONDS - start))s"

report() {
	local name=$1 log=$2 status
	status=$(cat "$out/$name.status" 2>/dev/null || echo 1)
	section "$name"
	grep -E '^(not ok|ok) ' "$log" 2>/dev/null | grep -vE '^ok .*# SKIP' | grep -c '^ok' | sed 's/^/checks passed: /'
	grep -E '^not ok|# SKIP' "$log" 2>/dev/null
	count_tap "$name" "$log"
	if [ "$status" -ne 0 ]; then
		head -n 60 "$out/$name.harness"
		step "$name guest run: kernel report, timeout or harness failure" "$status"
	fi
}
report debug "$out/debug/out.log"
report 6.12 "$out/6.12/out.log"
report 6.1 "$out/6.1/out.log"
report interop "$out/interop.harness"

# Both handshakes, aborts, DATA and SACK both ways, and graceful SHUTDOWNs.
section "interop capture, decoded by tshark on the host"
tools/capture-check.sh interop-capture "$out/interop/a/interop.pcapng" 0 1 2 3 6 7 8 10 11 14 \
	>"$out/capture.tap"
grep -v '^# ' "$out/capture.tap"
count_tap capture "$out/capture.tap"

if [ ${#failures[@]} -gt 0 ]; then
	section "failures"
	printf '%s\n' "${failures[@]}"
fi
echo
summary="$passed passed, $failed failed"
[ $skipped -gt 0 ] && summary+=", $skipped skipped"
echo "$summary"
[ $failed -eq 0 ]
