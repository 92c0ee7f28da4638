#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Scan kernel logs for reports that fail a run whatever the tests said:
# bugs, warnings, oopses, panics, KASAN, UBSAN, lockdep and kmemleak.
# Prints the offending lines (with some context) and exits 1 if any.
# Usage: splats.sh LOG...
#
# One report is expected and left out: on 6.1, sctp.ko loading while xsctp
# provides net.sctp.* fails on the duplicate entry, and 6.1's sysctl code
# dumps the stack when a registration fails (6.12 no longer does). Only
# the stack dump right after that line is skipped; anything else in it,
# such as a WARNING, still counts.
set -u

pattern='BUG:|WARNING:|KASAN:|UBSAN:|possible circular locking|possible recursive locking|inconsistent lock state|INFO: lockdep|DEBUG_LOCKS_WARN_ON|suspicious RCU usage|unreferenced object|suspected memory leak|Oops|Call Trace|Kernel panic|general protection fault|kernel BUG'
expected_dump() {
	awk '
		/sysctl duplicate entry: \/net\/sctp\// { skip = 1; print; next }
		skip && /^(\[[ 0-9.]+\])? *(CPU: |Hardware name: |Call Trace:|<\/?TASK>|\? |[A-Za-z_][A-Za-z_0-9.]*\+0x)/ { next }
		{ skip = 0; print }
	' "$1"
}

found=0
for log in "$@"; do
	[ -f "$log" ] || continue
	if expected_dump "$log" | grep -aEq "$pattern"; then
		echo "splats: kernel report in $(basename "$log"):"
		expected_dump "$log" | grep -aE -m 5 -A 25 "$pattern" | head -n 80
		found=1
	fi
done
exit $found
