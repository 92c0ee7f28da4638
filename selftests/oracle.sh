#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Proves: Linux's sctp.ko, given the same errno matrix (sctp_matrix.py),
# answers every case as xsctp did in matrix.sh, except the documented
# differences listed in matrix.differences (and, for one kernel version's
# sctp.ko, in matrix.differences-VERSION). Runs after coexist.sh, which
# leaves sctp.ko loaded for good; needs matrix.sh's results in /tmp.
source "$(dirname "$0")/lib.sh"
here=$(dirname "$0")
cleanup() {
	kill "$(jobs -p)" 2>/dev/null
	wait 2>/dev/null
	two_namespaces_del
}
trap cleanup EXIT
cleanup

if ! have_sctp_ko; then
	skip "errno matrix against sctp.ko" "this kernel has no sctp.ko"
	ksft_exit
fi
if [ ! -s /tmp/xsctp-matrix.txt ]; then
	skip "errno matrix against sctp.ko" "matrix.sh did not run first"
	ksft_exit
fi
check "sctp.ko loaded" modprobe sctp
check "two namespaces joined by veth" two_namespaces
matrix_run /tmp/linux-matrix.txt
# Cases where only this kernel's sctp.ko differs (it predates a fix).
KVER=$(uname -r | cut -d. -f1,2)
while IFS= read -r line; do
	case_name=${line%%: *}
	linux=$(awk -v p="$case_name: " 'index($0, p) == 1' /tmp/linux-matrix.txt |
		head -n1)
	if [ "$linux" = "$line" ]; then
		ok "as Linux: $line"
	elif cat "$here/matrix.differences" "$here/matrix.differences-$KVER" 2>/dev/null |
		grep -qxF -- "$case_name"; then
		ok "documented difference: xsctp '$line', Linux '${linux#*: }'"
	else
		fail "xsctp '$line', Linux '${linux:-nothing}'"
	fi
done </tmp/xsctp-matrix.txt
ksft_exit
