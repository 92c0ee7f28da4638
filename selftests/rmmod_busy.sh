#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Proves: an open xsctp socket of any kind pins the module (rmmod is
# refused), and closing it lets rmmod succeed.
source "$(dirname "$0")/lib.sh"
start_clean
holder=
trap '[ -n "$holder" ] && kill $holder 2>/dev/null; cleanup_modules' EXIT

# Hold one socket open in the background until killed.
hold_socket() {
	python3 -c "
import signal, socket
s = socket.socket(socket.$1, socket.$2, 132)
signal.pause()
" &
	holder=$!
	# The module's reference count rises once the socket exists.
	for _ in $(seq $((100 * $(by_kernel 1 3)))); do
		[ "$(cat /sys/module/xsctp/refcnt)" -gt 0 ] && return 0
		kill -0 $holder 2>/dev/null || return 1
		sleep 0.1
	done
	return 1
}

release_socket() {
	kill $holder
	wait $holder 2>/dev/null
	holder=
}

for family in AF_INET AF_INET6; do
	for type in SOCK_STREAM SOCK_SEQPACKET; do
		xsctp_loaded || xsctp_load
		if ! hold_socket $family $type; then
			fail "$family/$type socket holds a module reference"
			release_socket
			continue
		fi
		check_fails "rmmod refused while a $family/$type socket is open" rmmod xsctp
		release_socket
		check "rmmod succeeds once it is closed" rmmod xsctp
	done
done
ksft_exit
