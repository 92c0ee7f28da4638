#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Proves: socket(), close() and the SO_DOMAIN/SO_TYPE/SO_PROTOCOL options
# work for all four SCTP family/type pairs, a fresh socket answers name,
# connect, bind and listen calls with Linux's results, and operations not
# implemented yet fail with a clear errno instead of pretending to work
# (the checks themselves are in sockets.c).
source "$(dirname "$0")/lib.sh"
trap cleanup_modules EXIT
start_clean
xsctp_load || { fail "insmod xsctp.ko"; ksft_exit; }
out=$("$XSCTP_BIN/sockets" "$TEST" $ksft_n)
status=$?
echo "$out"
ksft_n=$((ksft_n + $(grep -cE '^(not )?ok ' <<<"$out")))
ksft_failed=$((ksft_failed + $(grep -cE '^not ok ' <<<"$out")))
[ $status -eq 0 ] || [ "$(grep -cE '^not ok ' <<<"$out")" -gt 0 ] || fail "sockets exited with $status"
check "no socket left open after close()" \
	test "$(sockets_in_use XSCTP)/$(sockets_in_use XSCTPv6)" = 0/0
ksft_exit
