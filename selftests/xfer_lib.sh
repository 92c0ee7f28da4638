#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Checked transfers with sctp_xfer.py between namespaces xsctp-a (sender)
# and xsctp-b (server), for the tests that source this after lib.sh; each
# keeps its summary lines in $W.
XFER=$(dirname "${BASH_SOURCE[0]}")/sctp_xfer.py
# Seconds one transfer may take.
XFER_TIMEOUT=${XFER_TIMEOUT:-240}

# wait_file FILE: a server's sign that it listens (within 10 s; 30 s on
# the sanitizer kernel).
wait_file() {
	wait_until 10 test -e "$1" || { echo "no $1"; return 1; }
}

# reap PID SECONDS: wait for a background server, killing it after SECONDS;
# its exit status.
reap() {
	for _ in $(seq $(($2 * 10))); do
		kill -0 "$1" 2>/dev/null || break
		sleep 0.1
	done
	kill "$1" 2>/dev/null
	wait "$1"
}

# xfer NAME ADDR PORT TYPE SERVE-OPTS SEND-OPTS...: sctp_xfer.py serve in
# b, send from a; both must succeed and print the same SHA-256. Their
# summary lines are in $W/NAME.send and $W/NAME.recv.
xfer() {
	local name=$1 addr=$2 port=$3 type=$4 sopts=$5 server sent got
	shift 5
	# Not through b(): $! must be the server itself, for reap.
	# shellcheck disable=SC2086 # one word per option
	timeout $((XFER_TIMEOUT + 10)) "$PY" -n xsctp-b "$XFER" \
		serve "$addr" "$port" --type "$type" --ready "$W/$name.ready" \
		--timeout "$XFER_TIMEOUT" $sopts \
		>"$W/$name.recv" 2>&1 &
	server=$!
	wait_file "$W/$name.ready" || { reap $server 0; return 1; }
	a timeout $((XFER_TIMEOUT + 10)) python3 "$XFER" send "$addr" "$port" \
		--type "$type" --timeout "$XFER_TIMEOUT" "$@" >"$W/$name.send" 2>&1
	sent=$?
	# The receiver ends with the association, soon after the sender.
	reap $server 30
	got=$?
	cat "$W/$name.send" "$W/$name.recv"
	[ $sent -eq 0 ] && [ $got -eq 0 ] || return 1
	[ "$(sed -n 's/.*sha256 //p' "$W/$name.send")" = \
	  "$(sed -n 's/.*sha256 //p' "$W/$name.recv")" ] || { echo "SHA-256s differ"; return 1; }
}

# xcheck DESCRIPTION NAME ...: one check of xfer NAME ...; the summary
# lines go to the log whatever the outcome.
xcheck() {
	local what=$1 name=$2
	shift
	check "$what" xfer "$@"
	cat "$W/$name.send" "$W/$name.recv" 2>/dev/null | sed 's/^/# /'
}
