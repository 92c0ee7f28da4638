#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Proves: the stack follows RFC 9260 packet by packet, requirement by
# requirement (Documentation/conformance.rst): the scripts of
# selftests/wire/, run by wire_run.py in one process, each case in a
# network namespace of its own where a scripted peer behind a tun device
# sends hand-built packets and checks, chunk by chunk and field by field,
# every packet the stack sends. One line per case. With LINUX=1
# (conformance_ko.sh) the same cases against sctp.ko, where the cases
# Linux does not pass must fail as their notes say.
source "$(dirname "$0")/lib.sh"
start_module "the conformance cases against sctp.ko"
# Stock kernels have tun as a module; the sanitizer kernel has it built in.
check "a tun device to talk through (/dev/net/tun)" \
	sh -c 'modprobe -q tun 2>/dev/null; test -c /dev/net/tun'
out=$("$PY" "$(dirname "$0")/wire_run.py" ${LINUX:+--linux} --tap "$TEST" $((ksft_n + 1)) 2>&1)
status=$?
echo "$out"
ksft_n=$((ksft_n + $(grep -c '^\(not \)\{0,1\}ok ' <<<"$out")))
ksft_failed=$((ksft_failed + $(grep -c '^not ok ' <<<"$out")))
[ $status -eq 0 ] || grep -q '^not ok ' <<<"$out" || fail "wire_run.py exited with status $status"
[ -n "${LINUX:-}" ] || check "rmmod xsctp (nothing left holding it)" xsctp_unload
ksft_exit
