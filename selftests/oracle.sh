#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Proves: Linux's sctp.ko, given the same errno matrix (sctp_matrix.py),
# answers every case of matrix.expected as xsctp did in matrix.sh, except
# the documented differences. matrix.differences gives Linux's exact
# answer for each of them ("case: result", as sctp_matrix.py prints it;
# xsctp's is the case's line in matrix.expected), and
# matrix.differences-VERSION (6.1) those of one kernel version's sctp.ko,
# which replace the general entry for the same case. For a documented
# case, sctp.ko must give the documented answer and xsctp its
# matrix.expected line; an entry whose case no longer differs is stale
# and fails. Runs after coexist.sh, which leaves sctp.ko loaded for good,
# and compares with matrix.sh's results in /tmp (with matrix.expected
# alone when matrix.sh did not run first).
source "$(dirname "$0")/lib.sh"
here=$(dirname "$0")
cleanup() {
	kill "$(jobs -p)" 2>/dev/null
	wait 2>/dev/null
	two_namespaces_del
}
trap cleanup EXIT
cleanup

no_sctp_ko "errno matrix against sctp.ko" && ksft_exit
KVER=$(uname -r | cut -d. -f1,2)

# The documented differences: documented[CASE] is Linux's line, from[CASE]
# the file that says so.
declare -A documented from
load_differences() {
	local file=$1 line
	[ -e "$file" ] || return 0
	while IFS= read -r line; do
		case $line in
		'' | '#'*) continue ;;
		*': '*) ;;
		*)
			fail "$(basename "$file"): '$line' is not a 'case: Linux's answer' line"
			continue
			;;
		esac
		documented[${line%%: *}]=$line
		from[${line%%: *}]=$(basename "$file")
	done <"$file"
}
load_differences "$here/matrix.differences"
load_differences "$here/matrix.differences-$KVER"

# results FILE ARRAY: each line of FILE under "CASE#N", its case's Nth.
results() {
	local -n into=$2
	local line key
	local -A seen=()
	while IFS= read -r line; do
		[ -n "$line" ] || continue
		key=${line%%: *}
		seen[$key]=$((${seen[$key]:-0} + 1))
		# shellcheck disable=SC2034 # the caller's array, by name
		into["$key#${seen[$key]}"]=$line
	done <"$1"
}

xsctp_results=/tmp/xsctp-matrix.txt
declare -A xsctp=() linux=() expected=()
if [ -s "$xsctp_results" ]; then
	results "$xsctp_results" xsctp
else
	skip "sctp.ko against xsctp's answers of this boot" \
		"matrix.sh did not run before oracle here; sctp.ko is checked against matrix.expected"
fi

check "sctp.ko loaded" modprobe sctp
check "two namespaces joined by veth" two_namespaces
matrix_run /tmp/linux-matrix.txt
results /tmp/linux-matrix.txt linux

# A line matrix.expected repeats (matrix.sh greps for each) is one case.
declare -A n=() listed=()
while IFS= read -r want; do
	[ -z "${listed[$want]:-}" ] || continue
	listed[$want]=1
	name=${want%%: *}
	n[$name]=$((${n[$name]:-0} + 1))
	key="$name#${n[$name]}"
	expected[$key]=1
	l=${linux[$key]:-}
	x=${xsctp[$key]:-}
	[ -s "$xsctp_results" ] || x=$want
	if [ -z "$l$x" ]; then
		fail "neither stack answered '$want'"
		continue
	fi
	if [ -z "${documented[$name]+set}" ]; then
		if [ "$l" = "$x" ]; then
			ok "as Linux: $x"
		else
			fail "xsctp '${x:-nothing}', Linux '${l:-nothing}'"
		fi
		continue
	fi
	d=${documented[$name]}
	if [ "$d" = "$want" ]; then
		fail "stale ${from[$name]} entry: '$d' is xsctp's own answer (matrix.expected)"
	elif [ "$l" = "$want" ] || [ "$l" = "$x" ]; then
		fail "stale ${from[$name]} entry: no longer a difference, sctp.ko now answers as xsctp: '${l:-nothing}' (documented: '${d#*: }')"
	elif [ "$l" != "$d" ]; then
		fail "documented difference changed: sctp.ko answers '${l:-nothing}', ${from[$name]} says '$d'"
	elif [ "$x" != "$want" ]; then
		fail "documented difference: xsctp answers '${x:-nothing}', matrix.expected says '$want'"
	else
		ok "documented difference: xsctp '$want', Linux '${d#*: }'"
	fi
done <"$here/matrix.expected"

# Nothing documented or answered beyond matrix.expected's cases.
for name in "${!documented[@]}"; do
	[ -n "${n[$name]:-}" ] ||
		fail "stale ${from[$name]} entry: matrix.expected has no case '$name'"
done
# beyond STACK ARRAY: a check that STACK printed only matrix.expected's cases.
beyond() {
	local -n answers=$2
	local key extra=()
	for key in "${!answers[@]}"; do
		[ -n "${expected[$key]:-}" ] || extra+=("${answers[$key]}")
	done
	if [ ${#extra[@]} -eq 0 ]; then
		ok "$1 answered no case beyond matrix.expected's"
	else
		fail "$1 printed ${#extra[@]} lines beyond matrix.expected's cases"
		printf '#   %s\n' "${extra[@]}" | head -n 20
	fi
}
beyond sctp.ko linux
[ ! -s "$xsctp_results" ] || beyond xsctp xsctp
ksft_exit
