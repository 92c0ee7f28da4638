#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Proves: lksctp-tools' checksctp, an unmodified program, finds SCTP
# supported with only xsctp loaded.
source "$(dirname "$0")/lib.sh"
trap cleanup_modules EXIT
start_clean

check "insmod xsctp.ko" xsctp_load
out=$(checksctp 2>&1)
check "checksctp exits 0" test $? -eq 0
check "checksctp says \"SCTP supported\" (got: $out)" test "$out" = "SCTP supported"
check "sctp.ko was not loaded to answer" sh -c '! test -d /sys/module/sctp'
ksft_exit
