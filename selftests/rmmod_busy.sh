#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Proves: an open xsctp socket of any kind pins the module (rmmod is
# refused), and closing it lets rmmod succeed.
source "$(dirname "$0")/lib.sh"
trap cleanup_modules EXIT
cleanup_modules

# Hold one socket open until told to close it through a fifo.
hold_socket() {
	local family=$1 type=$2 fifo=/tmp/rmmod_busy.fifo
	rm -f $fifo && mkfifo $fifo
	python3 -c "
import socket, sys
s = socket.socket(socket.$family, socket.$type, 132)
print('open', flush=True)
open('$fifo').read()
s.close()
" | { read -r _; echo held; } &
	sleep 0.1
	# Wait for the socket to exist.
	for _ in $(seq 50); do
		[ "$(cat /sys/module/xsctp/refcnt)" -gt 0 ] && return 0
		sleep 0.1
	done
	return 1
}

release_socket() {
	echo >/tmp/rmmod_busy.fifo
	wait
}

for family in AF_INET AF_INET6; do
	for type in SOCK_STREAM SOCK_SEQPACKET; do
		xsctp_loaded || xsctp_load
		if ! hold_socket $family $type; then
			fail "$family/$type socket holds a module reference"
			continue
		fi
		check_fails "rmmod refused while a $family/$type socket is open" rmmod xsctp
		release_socket
		check "rmmod succeeds once it is closed" rmmod xsctp
	done
done
ksft_exit
