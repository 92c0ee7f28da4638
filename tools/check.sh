#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# `make check`: every check of xsctp. Builds for every kernel, then the
# selftests in guests, in two lanes side by side (one TCG thread each, one
# per core; each lane takes the next guest as soon as it is free, longest
# first), and beside them on the host the style checks, a short fuzzing
# run of the wire codec and the State Cookie and the libc shim's tests:
#
#   the debug kernel (KASAN, lockdep, kmemleak, UBSAN; any report fails
#   the run): KUnit and every xsctp selftest, in two guests (@xsctp's
#   setup half, its data half);
#   stock 6.12: every xsctp selftest, then coexist (xsctp beside a
#   loaded sctp.ko); stock 6.1: the compatibility smoke subset; two stock
#   6.12 guests: interop with sctp.ko.
#
# What checks Linux rather than xsctp (oracle, the errno matrix against
# sctp.ko, and the *_ko twins, on both stock kernels) runs in `make
# oracle` (tools/oracle.sh). The budget is 30
# minutes with the debug kernel cached (Documentation/testing.rst); the
# run ends with the time of each phase and test, then one line:
# "N passed, N failed[, N skipped]".
set -uo pipefail
# shellcheck source=tools/check-lib.sh
source "$(dirname "$0")/check-lib.sh"
check_init check

section "setup: packages, the debug kernel (cached in ~/.cache/xsctp)"
timed setup tools/setup.sh
step "tools/setup.sh" $?
timed "debug kernel" tools/vm/debug-kernel.sh >/dev/null
step "debug kernel build (tools/vm/debug-kernel.sh)" $?

section "build (W=1, -Werror): 6.12, 6.1, debug kernel, selftest programs"
build_or_stop "build for all kernels" tools/build-all.sh

# The host's checks (style, fuzzing, the libc shim) run beside the guests:
# the guests leave a core idle a tenth of the time, and libFuzzer runs for
# a fixed time whatever it gets. sparse (style.sh) reads the build trees
# without rewriting a module the guests load (nothing is out of date).
host_checks() {
	timed style tools/style.sh >"$out/style.log" 2>&1
	timed fuzz make --no-print-directory -s fuzz SECONDS=20 >"$out/fuzz.log" 2>&1
	echo $? >"$out/fuzz.status"
	timed shim make --no-print-directory -s -C tools/lib/xsctp test >"$out/shim.tap" 2>&1
	echo $? >"$out/shim.status"
}

report_host_checks() {
	section "style"
	cat "$out/style.log"
	count_tap style "$out/style.log"

	section "fuzz: the wire codec and the State Cookie under libFuzzer, ASan and UBSan (20 s each)"
	if [ "$(cat "$out/fuzz.status" 2>/dev/null)" = 0 ]; then
		echo "ok 1 - fuzz: wire_fuzz and cookie_fuzz, no crash ($(sed -n 's/^stat::number_of_executed_units: //p' "$out/fuzz.log" | paste -sd/) inputs)" | tee "$out/fuzz.tap"
	else
		tail -n 40 "$out/fuzz.log"
		echo "not ok 1 - fuzz: a target crashed (build/check/fuzz.log)" | tee "$out/fuzz.tap"
	fi
	count_tap fuzz "$out/fuzz.tap"

	section "libxsctp and the uapi header, on the host"
	cat "$out/shim.tap"
	count_tap shim "$out/shim.tap"
	[ "$(cat "$out/shim.status" 2>/dev/null)" = 0 ] || grep -q '^not ok' "$out/shim.tap" ||
		step "libxsctp build (build/check/shim.tap)" 1
}

pair() {
	timed "guest interop (two)" tools/vm/pair.sh -t 600 -o "$out/interop" \
		"XSCTP_ROLE=xsctp selftests/run.sh build/6.12 interop" \
		"XSCTP_ROLE=peer selftests/run.sh build/6.12 interop" \
		>"$out/interop.harness" 2>&1
	echo $? >"$out/interop.status"
}

section "guests, two lanes: debug kernel, stock 6.12, stock 6.1, two-guest interop; beside them, style, fuzz and shim on the host"
start=$SECONDS
host_checks &
# The limits (s) only stop a hung guest; what each costs is in the time
# budget at the end. On an idle 2-core machine (clean clone, debug kernel
# cached): debug-data 1,124 s, 6.12 789 s, debug-setup 720 s, 6.1 187 s,
# interop 94 s; the whole run 27 minutes.
lanes 2 \
	"guest debug debug-data 3000 @data" \
	"guest 6.12 6.12 2400 @xsctp coexist" \
	"guest debug debug-setup 3000 kunit @setup" \
	"guest 6.1 6.1 900 @smoke" \
	pair
wait
echo "guests and host checks: $((SECONDS - start))s"

report_host_checks

report debug-setup "$out/debug-setup/out.log"
report debug-data "$out/debug-data/out.log"
report 6.12 "$out/6.12/out.log"
report 6.1 "$out/6.1/out.log"
report interop "$out/interop.harness"

# Both handshakes, aborts, DATA and SACK both ways, and graceful SHUTDOWNs.
section "interop capture, decoded by tshark on the host"
timed "capture check" tools/capture-check.sh interop-capture \
	"$out/interop/a/interop.pcapng" 0 1 2 3 6 7 8 10 11 14 >"$out/capture.tap"
grep -v '^# ' "$out/capture.tap"
count_tap capture "$out/capture.tap"

budget
summary
