#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Run selftests inside a guest. Usage: run.sh BUILD-DIR [TEST|@GROUP...]
# BUILD-DIR holds xsctp.ko for the running kernel (build/6.12, build/debug);
# with no TEST, runs them all (the groups below). Each test prints TAP; a
# test that dies without reporting a failure gets one "not ok" line here.
set -u
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "$1" && pwd)
shift
export XSCTP_KO=$build/xsctp.ko
export XSCTP_BIN=$build/../selftests
# Groups, named with a leading @ (they expand in place):
#   @xsctp   every selftest of xsctp: @setup (sockets, setup, options)
#            then @data (data transfer, paths, teardown), the halves
#            make check gives the slow debug kernel a guest each (kunit,
#            the KUnit suites, runs only where there is KUnit: name it
#            on the debug kernel)
#   @oracle  coexist, then oracle (the errno matrix against sctp.ko, after
#            matrix, whose results it compares): make oracle (make check
#            runs coexist alone, on 6.12)
#   @twins   the *_ko twins: the same scenarios against Linux's sctp.ko,
#            to prove the expectations are Linux's (make oracle)
#   @smoke   the compatibility subset for older kernels: load, handshake,
#            data, multihomed connectx, unload
# coexist leaves sctp.ko loaded for good, so @oracle and @twins run after
# every xsctp test. interop needs two guests: tools/vm/pair.sh runs it by
# name. With no TEST, run.sh runs kunit @xsctp @oracle @twins.
SETUP=(load_unload sockets checksctp rmmod_busy autoload netns sysctl rx_count handshake collision matrix libsctp lksctp_tools conformance)
DATA=(transfer pmtu connectx_multi failover data_hostile peeloff udp_encaps teardown)
XSCTP=("${SETUP[@]}" "${DATA[@]}")
ORACLE=(coexist oracle)
TWINS=(collision_ko libsctp_ko lksctp_tools_ko transfer_ko pmtu_ko connectx_multi_ko failover_ko peeloff_ko udp_encaps_ko teardown_ko conformance_ko)
SMOKE=(load_unload handshake lksctp_tools connectx_multi)
[ $# -gt 0 ] || set -- kunit @xsctp @oracle @twins
tests=()
for t in "$@"; do
	case $t in
	@xsctp) tests+=("${XSCTP[@]}") ;;
	@setup) tests+=("${SETUP[@]}") ;;
	@data) tests+=("${DATA[@]}") ;;
	@oracle) tests+=("${ORACLE[@]}") ;;
	@twins) tests+=("${TWINS[@]}") ;;
	@smoke)
		tests+=("${SMOKE[@]}")
		export XSCTP_SMOKE=1	# lib.sh's one_of_each
		;;
	@*) echo "run.sh: unknown group $t" >&2; exit 2 ;;
	*) tests+=("$t") ;;
	esac
done
# timeout=S in settings bounds each test; timeout_NAME=S one test. The
# limits are for a stock kernel: the sanitizer kernel (kmemleak), on one
# vCPU, runs the same test several times slower and gets twice as long.
limit_of() {
	local own
	own=$(sed -n "s/^timeout_$1=//p" "$here/settings")
	own=${own:-$(sed -n 's/^timeout=//p' "$here/settings")}
	[ -e /sys/kernel/debug/kmemleak ] && own=$((own * 2))
	echo "$own"
}

# The zygote that starts the tests' Python scripts by fork (pyzygote.py;
# lib.sh's PY): a python3 start costs seconds on the sanitizer kernel.
# The scripts' bytecode was compiled on the host (selftests/Makefile).
# The first test waits for the zygote to listen (2 min at most): a python3
# started beside the zygote's own start, both reading the interpreter's
# files over 9p for the first time, took more than the 30 s a listener is
# given. Without it, pyrun starts python3 itself. XSCTP_PYZYGOTE=none: no
# zygote (to measure what it saves). Not PYTHONPYCACHEPREFIX: a read-only
# one leaves every standard module to be compiled again at each start.
enable -f /usr/lib/bash/sleep sleep 2>/dev/null
if [ "${XSCTP_PYZYGOTE:-}" != none ]; then
	export XSCTP_PYZYGOTE=/tmp/xsctp-pyzygote.sock
	python3 "$here/pyzygote.py" "$XSCTP_PYZYGOTE" "$XSCTP_BIN/pycache" </dev/null >/dev/null &
	zygote=$!
	trap 'kill $zygote 2>/dev/null' EXIT
	for _ in $(seq 600); do
		[ ! -S "$XSCTP_PYZYGOTE" ] && kill -0 $zygote 2>/dev/null || break
		sleep 0.2
	done
fi

echo "TAP version 13"
echo "# kernel $(uname -r), module $XSCTP_KO"
for t in "${tests[@]}"; do
	echo "# selftest: $t"
	start=$SECONDS
	out=$(timeout "$(limit_of "$t")" bash "$here/$t.sh" 2>&1)
	status=$?
	echo "$out"
	# How long each took, against its limit: make check's time budget.
	echo "# $t: $((SECONDS - start)) s of $(limit_of "$t") s"
	if [ $status -ne 0 ] && [ $status -ne 4 ] && ! grep -q '^not ok ' <<<"$out"; then
		echo "not ok - $t: exited with status $status"
	fi
done

# Results are in the TAP above; the exit status is the harness's.
exit 0
