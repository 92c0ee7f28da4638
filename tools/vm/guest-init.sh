#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Stage 2 of the guest boot, PID 1 inside the host's root (read-only over
# 9p, tmpfs on /tmp, /run and /var/tmp). Runs the command the host left in
# the results share (/run/xsctp/cmd) and records its exit status in
# /run/xsctp/rc, its output in /run/xsctp/out.log and the kernel log in
# /run/xsctp/dmesg.log, then powers off. The host scans the logs for splats.
share=/run/xsctp
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export HOME=/tmp TERM=${TERM:-linux} XSCTP_GUEST=1

setup() {
	mkdir -p /dev/pts /dev/shm
	ln -sf /proc/self/fd /dev/fd
	ln -sf /proc/self/fd/0 /dev/stdin
	ln -sf /proc/self/fd/1 /dev/stdout
	ln -sf /proc/self/fd/2 /dev/stderr
	mount -t devpts devpts /dev/pts
	mount -t tmpfs tmpfs /dev/shm
	[ -d /sys/kernel/debug ] && mount -t debugfs debugfs /sys/kernel/debug
	hostname "${xsctp_hostname:-xsctp-guest}"
	ip link set lo up
	# Two-guest mode: the QEMU NIC for the interop link.
	modprobe -q virtio_net 2>/dev/null
}

# Ask kmemleak for a final scan; its report goes to the console, where the
# host treats "unreferenced object" as a failure.
kmemleak_scan() {
	local f=/sys/kernel/debug/kmemleak
	[ -w $f ] || return 0
	echo scan >$f && sleep 1 && echo scan >$f
	cat $f >/dev/console
}

setup >/dev/console 2>&1
cd "$share" || exit 1
if [ "${xsctp_interactive:-0}" = 1 ]; then
	setsid -c bash -l </dev/console >/dev/console 2>&1
	rc=$?
else
	bash "$share/cmd" </dev/null >"$share/out.log" 2>&1
	rc=$?
fi
kmemleak_scan
dmesg >"$share/dmesg.log"
echo "$rc" >"$share/rc"
echo "xsctp-guest: command exited with $rc" >/dev/console
sync
poweroff -f
