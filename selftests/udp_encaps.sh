#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Proves: SCTP over UDP (RFC 6951). net.sctp.udp_port opens the UDP
# tunnel (and closes it again at 0); with net.sctp.encap_port set on the
# client side, an association is set up and carries 2 MB both ways in UDP
# (500 kB on the sanitizer kernel, lib.sh's sanitizer_kernel)
# while native SCTP (IP protocol 132) is dropped by nft on both sides,
# answers going back to the client's UDP port; SCTP_REMOTE_UDP_ENCAPS_PORT
# reads back what encap_port gave. Interop with usrsctp (Debian's
# libusrsctp-examples): xsctp's client gets its line back from usrsctp's
# echo_server, and usrsctp's client gets its line back from an xsctp
# server; both over UDP port 9899.
# With LINUX=1 (udp_encaps_ko.sh) the same runs against sctp.ko.
# (Topology: two_namespaces in lib.sh.)
source "$(dirname "$0")/lib.sh"
XFER=("$PY" "$(dirname "$0")/sctp_xfer.py")
USRSCTP=/usr/lib/usrsctp
PORT=9899
cleanup() {
	pkill -f "$USRSCTP/" 2>/dev/null
	two_namespaces_cleanup
}
trap cleanup EXIT
two_namespaces_cleanup
start_module "SCTP over UDP against sctp.ko"
check "two namespaces joined by veth" two_namespaces

# udp_sockets: how many UDP sockets namespace b has on the tunnel port.
udp_sockets() { b ss -Huan "sport = :$PORT" | grep -c .; }
b sysctl -qw net.sctp.udp_port=$PORT
check "udp_port=$PORT opens UDP sockets on $PORT (IPv4 and IPv6)" \
	test "$(udp_sockets)" = 2
b sysctl -qw net.sctp.udp_port=0
check "udp_port=0 closes them" test "$(udp_sockets)" = 0

drop_native() {
	"$1" nft -f - <<'NFT'
table inet xsctp_udp {
	chain in {
		type filter hook input priority 0;
		meta l4proto sctp counter drop
	}
}
NFT
}
native_dropped() { "$1" nft list table inet xsctp_udp | grep -o 'packets [0-9]*'; }
check "native SCTP dropped by nft in a" drop_native a
check "native SCTP dropped by nft in b" drop_native b
a sysctl -qw net.sctp.udp_port=$PORT net.sctp.encap_port=$PORT
b sysctl -qw net.sctp.udp_port=$PORT

# transfer FROM TO-ADDR PORT: a checked BYTES from namespace FROM.
BYTES=$(by_kernel 2000000 500000)
AMOUNT=$(by_kernel "2 MB" "500 kB")
transfer() {
	local to=$2 port=$3 srv cli out
	if [ "$1" = a ]; then srv=b cli=a; else srv=a cli=b; fi
	"$srv" timeout 90 "${XFER[@]}" serve "$to" "$port" --streams 4 --timeout 80 \
		>/tmp/udp-serve.log 2>&1 &
	out=$("$cli" timeout 90 "${XFER[@]}" send "$to" "$port" --streams 4 --retry 20 \
		--bytes "$BYTES" --size 100-9000 --unordered 0.2 2>&1)
	wait $!
	local status=$?
	echo "$out"
	cat /tmp/udp-serve.log
	[ $status -eq 0 ] && grep -q "^send ok" <<<"$out"
}
check "$AMOUNT a -> b in UDP (encap_port set on a), every message checked" \
	transfer a 198.51.100.2 5100
b sysctl -qw net.sctp.encap_port=$PORT
check "$AMOUNT b -> a in UDP (encap_port set on b), every message checked" \
	transfer b 198.51.100.1 5101
check "no native SCTP packet was needed: $(native_dropped a) $(native_dropped b) dropped" \
	sh -c "[ '$(native_dropped a)' = 'packets 0' ] && [ '$(native_dropped b)' = 'packets 0' ]"
check "SCTP_REMOTE_UDP_ENCAPS_PORT reads encap_port back ($PORT, network order)" \
	a python3 -c "
import ctypes, socket, struct
libc = ctypes.CDLL(None, use_errno=True)
s = socket.socket(socket.AF_INET, socket.SOCK_SEQPACKET, 132)
buf = ctypes.create_string_buffer(144)  # sctp_udpencaps: id 0, any address
n = ctypes.c_uint(144)
assert libc.getsockopt(s.fileno(), 132, 132, buf, ctypes.byref(n)) == 0, ctypes.get_errno()
assert struct.unpack_from('!H', buf.raw, 136)[0] == $PORT, buf.raw[136:138]
"
a nft delete table inet xsctp_udp
b nft delete table inet xsctp_udp
a sysctl -qw net.sctp.udp_port=0
b sysctl -qw net.sctp.udp_port=0

if [ ! -x $USRSCTP/echo_server ]; then
	fail "usrsctp interop: no $USRSCTP/echo_server (tools/setup.sh installs libusrsctp-examples)"
	ksft_exit
fi
# usrsctp's echo_server (SCTP port 7) in b, on UDP port $PORT.
b timeout 60 $USRSCTP/echo_server $PORT $PORT >/tmp/usrsctp-echo.log 2>&1 &
a sysctl -qw net.sctp.udp_port=$PORT net.sctp.encap_port=$PORT
echo_line() {
	a timeout 20 python3 -c '
import socket, time
for _ in range(40):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM, 132)
    try:
        s.connect(("198.51.100.2", 7))
        break
    except OSError:
        s.close()
        time.sleep(0.5)
s.send(b"hello usrsctp")
print(s.recv(100).decode())
'
}
out=$(echo_line 2>&1)
check "xsctp's client gets its line back from usrsctp's echo_server ($out)" \
	test "$out" = "hello usrsctp"
pkill -f "$USRSCTP/echo_server"
a sysctl -qw net.sctp.udp_port=0

b sysctl -qw net.sctp.udp_port=$PORT
rm -f /tmp/usrsctp-server.ready /tmp/usrsctp-client.log
b timeout 120 python3 -c '
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM, 132)
s.bind(("198.51.100.2", 7007))
s.listen(1)
open("/tmp/usrsctp-server.ready", "w").close()
c = s.accept()[0]
while True:
    d = c.recv(1000)
    if not d:
        break
    c.send(d)
' &
server=$!
wait_until 10 test -e /tmp/usrsctp-server.ready
# Its input ends (and the client shuts the association down) once the
# line has come back: the client writes what it reads at once.
echoed() { grep -q '^hello-from-usrsctp$' /tmp/usrsctp-client.log; }
{ echo hello-from-usrsctp; wait_until 20 echoed; } |
	a timeout 120 $USRSCTP/client 198.51.100.2 7007 0 $PORT $PORT >/tmp/usrsctp-client.log 2>&1
out=$(cat /tmp/usrsctp-client.log)
check "usrsctp's client gets its line back from an xsctp server" \
	grep -q '^hello-from-usrsctp$' <<<"$out"
check "... and its association ends with SCTP_SHUTDOWN_COMP" \
	grep -q 'SCTP_SHUTDOWN_COMP' <<<"$out"
wait $server
check "... the xsctp server saw the end of the association (EOF)" test $? -eq 0
# shellcheck disable=SC2154 # ksft_failed is lib.sh's count of failures
[ "$ksft_failed" -eq 0 ] || printf '# %s\n' "$out"
ksft_exit
