#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Runs xsctp's KUnit suites (xsctp_kunit.ko, built only against a kernel
# with KUnit: the debug kernel) and reports every test case as one TAP
# line, read from the KTAP results in debugfs.
source "$(dirname "$0")/lib.sh"
KUNIT_KO=$(dirname "$XSCTP_KO")/xsctp_kunit.ko
trap 'rmmod xsctp_kunit 2>/dev/null; cleanup_modules' EXIT
start_clean

if [ ! -f "$KUNIT_KO" ]; then
	# KUnit creates its debugfs directory at boot; stock kernels have none.
	if [ -d /sys/kernel/debug/kunit ]; then
		fail "xsctp_kunit.ko built for this kernel, which has KUnit (no $KUNIT_KO)"
	else
		skip "KUnit suites" "this kernel has no KUnit (no /sys/kernel/debug/kunit)"
	fi
	ksft_exit
fi
check "insmod xsctp.ko" xsctp_load
check "insmod xsctp_kunit.ko (runs the suites)" insmod "$KUNIT_KO"

suites=()
for results in /sys/kernel/debug/kunit/xsctp_*/results; do
	[ -r "$results" ] || continue
	suite=$(basename "$(dirname "$results")")
	suites+=("$suite")
	sed 's/^/# /' "$results"
	while read -r status name; do
		if [ "$status" = ok ]; then
			ok "$suite.$name"
		else
			fail "$suite.$name"
		fi
	done < <(sed -nE 's/^[[:space:]]+(not ok|ok) [0-9]+ ([^ #]+).*/\1 \2/p' "$results" |
		 sed 's/^not ok/not_ok/')
done
# Every suite the sources define must have reported.
expected=$(sed -nE 's/^[[:space:]]*\.name = "(xsctp_[a-z0-9_]+)",$/\1/p' \
	"$(dirname "$0")"/../net/xsctp/tests/*_kunit.c | sort | tr '\n' ' ')
found=$(printf '%s\n' "${suites[@]}" | sort | tr '\n' ' ')
check "every suite in the sources ran ($found)" \
	test -n "$expected" -a "$expected" = "$found"
ksft_exit
