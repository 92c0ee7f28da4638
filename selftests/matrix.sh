#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Proves: bind, sctp_bindx, connect, sctp_connectx (110) and the setup
# socket options give exactly the results in matrix.expected (each line a
# check), between two namespaces. The results are kept in /tmp so that
# oracle.sh, run after sctp.ko is loaded, compares them with Linux's.
# (Topology: two_namespaces in lib.sh.)
source "$(dirname "$0")/lib.sh"
here=$(dirname "$0")
trap two_namespaces_cleanup EXIT
two_namespaces_cleanup
start_clean
check "insmod xsctp.ko" xsctp_load
check "two namespaces joined by veth" two_namespaces
matrix_run /tmp/xsctp-matrix.txt
# The answers as a set of lines: one lookup per expected line, no process
# (565 greps took 90 s of a stock guest).
declare -A answered=()
while IFS= read -r line; do
	[ -z "$line" ] || answered[$line]=1
done </tmp/xsctp-matrix.txt
while IFS= read -r want; do
	if [ -n "${answered[$want]:-}" ]; then
		ok "$want"
	else
		fail "$want (got: $(grep -F -- "${want%%: *}:" /tmp/xsctp-matrix.txt))"
	fi
done <"$here/matrix.expected"
ksft_exit
