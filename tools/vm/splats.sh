#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Scan kernel logs for reports that fail a run whatever the tests said:
# bugs, warnings, oopses, panics, KASAN, UBSAN, lockdep and kmemleak.
# Prints the offending lines (with some context) and exits 1 if any.
# Usage: splats.sh LOG...
set -u

pattern='BUG:|WARNING:|KASAN:|UBSAN:|possible circular locking|possible recursive locking|inconsistent lock state|INFO: lockdep|DEBUG_LOCKS_WARN_ON|suspicious RCU usage|unreferenced object|suspected memory leak|Oops|Call Trace|Kernel panic|general protection fault|kernel BUG'
found=0
for log in "$@"; do
	[ -f "$log" ] || continue
	if grep -aEq "$pattern" "$log"; then
		echo "splats: kernel report in $(basename "$log"):"
		grep -aE -m 5 -A 25 "$pattern" "$log" | head -n 80
		found=1
	fi
done
exit $found
