#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Proves: each network namespace gets its own xsctp state, created with the
# namespace (or at load time for namespaces that already exist) and freed
# with it (or at unload). On the debug kernel, the kmemleak scan that ends
# every guest run turns any leak here into a failure.
source "$(dirname "$0")/lib.sh"
NS=(xsctp-ns1 xsctp-ns2 xsctp-ns3)
cleanup() {
	local ns
	for ns in "${NS[@]}"; do ip netns del "$ns" 2>/dev/null; done
	ip -all netns del 2>/dev/null
	cleanup_modules
}
trap cleanup EXIT
cleanup
start_clean

# 30 namespaces, each made by a child of one python3 (unshare(2); a python
# start per namespace cost most of this test's minutes under TCG), which
# reads its /proc/net/xsctp, opens a socket of each kind and exits with
# them open: its namespace goes with it.
churn() {
	python3 - <<'PY'
import ctypes, os, socket
CLONE_NEWNET = 0x40000000
unshare = ctypes.CDLL(None, use_errno=True).unshare
for n in range(30):
    pid = os.fork()
    if pid == 0:
        try:
            if unshare(CLONE_NEWNET):
                os._exit(2)
            open("/proc/self/net/xsctp/snmp").read()
            socks = [socket.socket(f, t, 132)
                     for f in (socket.AF_INET, socket.AF_INET6)
                     for t in (socket.SOCK_STREAM, socket.SOCK_SEQPACKET)]
            os._exit(0)
        except OSError:
            os._exit(1)
    status = os.waitpid(pid, 0)[1]
    if status:
        raise SystemExit(f"namespace {n}: child status {status:#x}")
PY
}

# Namespaces that exist before the module loads get state at load time.
for ns in "${NS[@]}"; do ip netns add "$ns"; done
check "insmod xsctp.ko" xsctp_load
check "existing namespaces get /proc/net/xsctp at load" \
	sh -c 'for ns in xsctp-ns1 xsctp-ns2 xsctp-ns3; do ip netns exec $ns test -r /proc/net/xsctp/snmp || exit 1; done'
check "30 namespaces created and destroyed with sockets in each" churn
check "no xsctp socket left open" test "$(sockets_in_use XSCTP)/$(sockets_in_use XSCTPv6)" = 0/0
check "rmmod with namespaces alive" rmmod xsctp
check "unload removes their /proc/net/xsctp" \
	sh -c 'for ns in xsctp-ns1 xsctp-ns2 xsctp-ns3; do ip netns exec $ns test ! -e /proc/net/xsctp || exit 1; done'
check "reload" xsctp_load
check "namespaces deleted while loaded" sh -c 'ip netns del xsctp-ns1 && ip netns del xsctp-ns2 && ip netns del xsctp-ns3'
ksft_exit
