#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Two-guest interop (run by tools/vm/pair.sh). Proves: an xsctp guest and a
# guest running Linux's sctp.ko exchange real SCTP packets over the QEMU
# link: a hand-made INIT is answered by sctp.ko with an INIT ACK carrying
# our tag; an xsctp connect() is accepted by sctp.ko; and an sctp.ko
# connect() is accepted by xsctp (both four-way handshakes complete).
# Then DATA both ways: each side sends the other 2 MB of messages of 100
# to 9000 bytes over 4 streams, a fifth of them unordered, and ends with
# close(); the receiver checks every message (sctp_xfer.py) and reads end
# of file after the graceful SHUTDOWN.
#
#   guest "xsctp" (XSCTP_ROLE=xsctp)          guest "peer" (XSCTP_ROLE=peer)
#   eth0 192.0.2.1/24  -- QEMU UDP socket --  eth0 192.0.2.2/24, sctp.ko
#   xsctp listening on 5002                   listening on port 5001
# The peer stops when the xsctp side sends "done" to UDP port 5009.
# The xsctp guest captures the exchange to interop.pcapng in its results
# share; tools/capture-check.sh decodes it on the host (tshark is too slow
# under TCG) and checks that every packet is valid SCTP with a good CRC32c.
source "$(dirname "$0")/lib.sh"
PKT="python3 $(dirname "$0")/sctp_packet.py"
CONN="python3 $(dirname "$0")/sctp_conn.py"
XFER="python3 $(dirname "$0")/sctp_xfer.py"
XFER_ARGS=(--bytes 2000000 --size 100-9000 --streams 4 --unordered 0.2)
trap cleanup_modules EXIT

wait_for_peer() {
	for _ in $(seq 120); do
		ping -c1 -W1 "$1" >/dev/null 2>&1 && return 0
	done
	return 1
}

# capture_start/capture_stop: SCTP on eth0 into the results share. The
# pid goes to a file: check() runs each command in a subshell.
CAPTURE=/run/xsctp/interop.pcapng
capture_start() {
	dumpcap -q -i eth0 -f sctp -w "$CAPTURE" >/dev/null 2>&1 &
	echo $! >/run/dumpcap.pid
	for _ in $(seq 100); do
		[ -s "$CAPTURE" ] && return 0
		sleep 0.1
	done
	return 1
}

capture_stop() {
	local pid
	pid=$(cat /run/dumpcap.pid) && kill -INT "$pid" || return 1
	for _ in $(seq 100); do
		kill -0 "$pid" 2>/dev/null || return 0
		sleep 0.1
	done
	return 1
}

role_xsctp() {
	start_clean
	check "insmod xsctp.ko" xsctp_load
	check "eth0 up as 192.0.2.1" sh -c 'ip addr add 192.0.2.1/24 dev eth0 && ip link set eth0 up'
	check "the sctp.ko guest answers ping" wait_for_peer 192.0.2.2
	check "dumpcap captures SCTP on eth0" capture_start
	check "INIT to sctp.ko is answered with an INIT ACK for our tag" \
		$PKT init-ack 192.0.2.2 --sport 5000 --dport 5001 --timeout 10
	check "xsctp counted the INIT ACK" test "$(xsctp_counter XsctpInPackets)" -ge 1
	check "xsctp connect() is accepted by sctp.ko" timeout 60 $CONN connect 192.0.2.2 5001
	check "sctp.ko's connect() is accepted by xsctp" sh -c \
		"timeout 120 $CONN serve 192.0.2.1 5002 --hold 100 --accept 1 | grep -q 'accepted 192.0.2.2'"
	python3 -c 'import socket; socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b"done", ("192.0.2.2", 5009))'
	check "xsctp sends 2 MB to sctp.ko and closes (sctp.ko's side checks it)" \
		timeout 180 $XFER send 192.0.2.2 5003 --streams 4 --retry 60 "${XFER_ARGS[@]}"
	check "xsctp receives 2 MB from sctp.ko: every message whole, in order, then EOF" \
		timeout 180 $XFER serve 192.0.2.1 5004 --streams 4 --timeout 150
	check "dumpcap stopped and saved the capture" capture_stop
}

role_peer() {
	check "modprobe sctp" modprobe sctp
	check "eth0 up as 192.0.2.2" sh -c 'ip addr add 192.0.2.2/24 dev eth0 && ip link set eth0 up'
	check "sctp.ko accepts xsctp, connects to xsctp, until the xsctp guest is done" \
		timeout 300 python3 -c '
import socket, time
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM, 132)
srv.bind(("0.0.0.0", 5001))
srv.listen(1)
srv.settimeout(120)
peer, addr = srv.accept()
assert addr[0] == "192.0.2.1", addr
for _ in range(120):  # until the xsctp side listens on 5002
    c = socket.socket(socket.AF_INET, socket.SOCK_STREAM, 132)
    try:
        c.connect(("192.0.2.1", 5002))
        break
    except ConnectionRefusedError:
        c.close()
        time.sleep(1)
else:
    raise SystemExit("no association with xsctp")
done = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
done.bind(("0.0.0.0", 5009))
done.recv(16)
'
	local serve status
	$XFER serve 192.0.2.2 5003 --streams 4 --timeout 150 >/tmp/serve.out 2>&1 &
	serve=$!
	check "sctp.ko sends 2 MB to xsctp and closes (xsctp's side checks it)" \
		timeout 180 $XFER send 192.0.2.1 5004 --streams 4 --retry 120 "${XFER_ARGS[@]}"
	wait "$serve"
	status=$?
	sed 's/^/# /' /tmp/serve.out
	check "sctp.ko receives 2 MB from xsctp: every message whole, in order, then EOF" \
		test "$status" -eq 0
	check "sctp.ko received the INIT" sh -c \
		'[ "$(awk "\$1 == \"SctpInSCTPPacks\" { print \$2 }" /proc/net/sctp/snmp)" -ge 1 ]'
}

case ${XSCTP_ROLE:-} in
xsctp) role_xsctp ;;
peer) role_peer ;;
*) skip "interop" "runs only in two-guest mode (tools/vm/pair.sh)" ;;
esac
ksft_exit
