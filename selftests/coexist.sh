#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Proves: only one of xsctp and Linux's sctp.ko can own IP protocol 132.
# Whichever loads second fails cleanly (xsctp with one clear log line),
# the first keeps working, and the second loads once the first is gone.
#
# sctp.ko cannot be unloaded once it has loaded (its per-namespace control
# sockets hold references to it), so this test leaves it loaded and the
# runner runs it last; the xsctp-first order is tested first.
source "$(dirname "$0")/lib.sh"
trap cleanup_modules EXIT
start_clean

no_sctp_ko "xsctp and sctp.ko refuse each other, in both load orders" && ksft_exit

# xsctp first.
check "insmod xsctp.ko" xsctp_load
check_fails "modprobe sctp refused while xsctp is loaded" modprobe sctp
check "sctp.ko is not left loaded" sh -c '! test -d /sys/module/sctp'
check "xsctp still serves SCTP sockets" python3 -c '
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_SEQPACKET, 132)
for l in open("/proc/net/protocols"):
    f = l.split()
    if f[0] == "XSCTP":
        assert int(f[2]) == 1, l
        break
else:
    raise SystemExit("XSCTP missing")
'
check "rmmod xsctp" xsctp_unload

# sctp.ko first (for good: see above).
check "sctp.ko loads once xsctp is gone" modprobe sctp
# Linux is the oracle for net.sctp.*: the names xsctp provides exist there,
# with the same limits (only some defaults differ: Documentation/sysctl.rst).
check "sctp.ko has every net.sctp setting xsctp provides" \
	sh -c "cd /proc/sys/net/sctp && ls ${!XSCTP_SYSCTL_DEFAULTS[*]} >/dev/null"
check "sctp.ko enforces the same limits" sysctl_limits_hold
before=$(dmesg | grep -c "xsctp: IP protocol 132 already has a handler")
check_fails "insmod xsctp.ko refused while sctp.ko is loaded" xsctp_load
after=$(dmesg | grep -c "xsctp: IP protocol 132 already has a handler")
check "exactly one log line says why" test $((after - before)) -eq 1
check "xsctp is not left loaded" sh -c '! test -d /sys/module/xsctp'
check "sctp.ko still serves SCTP sockets" checksctp
check "... and it is sctp.ko's socket" sh -c 'grep -q "^SCTP " /proc/net/protocols && ! grep -q "^XSCTP" /proc/net/protocols'
ksft_exit
