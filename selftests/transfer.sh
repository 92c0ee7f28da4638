#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Proves: data crosses an association whole, once, in order where asked,
# on its stream, with its PPID, and the association then ends gracefully;
# over one-to-one and one-to-many sockets, IPv4 and IPv6, messages from 28
# bytes to 200 KiB (fragmented and reassembled; partially delivered when
# they outgrow the receive window), ten streams mixed ordered and
# unordered, and through tc netem loss, reordering and duplication on both
# veths, up to a bulk transfer under 5 % loss. sctp_xfer.py sends and
# checks: each message carries its stream, sequence number and length,
# which the receiver compares with the message and its SCTP_SNDRCV cmsg,
# and a SHA-256 of all messages must equal the sender's. Then unmodified
# programs over SCTP: socat copies a file (SHA-256 compared), iperf3
# --sctp measures a throughput, sctp_test sends its message-size patterns.
# With LINUX=1 (transfer_ko.sh) the same runs against sctp.ko.
#
# BULK_MB sets the size of the transfer under 5 % loss: by default 100.
# On the sanitizer kernel (lib.sh, sanitizer_kernel), where everything is
# about ten times slower, every case runs on less data, about 6 MB in all
# instead of about 150: BULK_MB 1, a few hundred messages or kilobytes
# per case, iperf3 500 KiB instead of 3 s (about 40 MB), and it leaves out
# the cases whose every value another case takes (one_of_each, below).
# With the RTO between 100 ms and 1 s (set for
# that transfer only: with Linux's defaults, a 1 s minimum doubled at each
# expiry, 8 MB took 6 to 24 s), sctp.ko moves 100 MB in 15 to 20 s in a
# stock 6.12 guest under TCG, and the whole script takes under 2 minutes.
# (Topology: two_namespaces in lib.sh.)
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/xfer_lib.sh"
BULK_MB=${BULK_MB:-$(by_kernel 100 1)}
# Messages per case, stock / sanitizer kernel.
N_SMALL=$(by_kernel 1000 300) N_V6=$(by_kernel 500 150) N_64K=$(by_kernel 64 8)
N_200K=$(by_kernel 20 3) N_PD=$(by_kernel 5 3) N_STREAMS=$(by_kernel 2000 400)
# Bytes of each impaired transfer, of the file socat copies.
LOSSY_BYTES=$(by_kernel 2000000 250000) FILE_BYTES=$(by_kernel 4000000 500000)
# iperf3 measures for 3 s; on the sanitizer kernel it moves 500 KiB.
read -r -a IPERF <<<"$(by_kernel "-t 3" "-n 500K")"
# amount BYTES: "N MB" or "N kB"; amount_kib KIB: "N MiB" or "N KiB".
amount() { if [ "$1" -ge 1000000 ]; then echo "$(($1 / 1000000)) MB"; else echo "$(($1 / 1000)) kB"; fi; }
amount_kib() { if [ "$1" -ge 1024 ]; then echo "$((($1 + 512) / 1024)) MiB"; else echo "$1 KiB"; fi; }
W=/tmp/xsctp-transfer
V4=198.51.100.2 V6=2001:db8::2
cleanup() {
	two_namespaces_cleanup
	rm -rf "$W"
}
trap cleanup EXIT
two_namespaces_cleanup
rm -rf "$W"
mkdir -p "$W"
start_module "transfers against sctp.ko"
check "two namespaces joined by veth" two_namespaces

# netem ARGS...: the same netem qdisc on both veths.
netem() {
	a tc qdisc replace dev veth-a root netem "$@" &&
		b tc qdisc replace dev veth-b root netem "$@"
}
netem_off() {
	a tc qdisc del dev veth-a root && b tc qdisc del dev veth-b root
}

# also: with one_of_each (the sanitizer kernel, the smoke run), the cases
# marked so are left out, each of their values being taken by another:
# IPv6 one-to-one and one-to-many by the mixed impairments' IPv6
# one-to-many transfer, loss, reordering and duplication alone by their
# mix and the bulk transfer under loss, three sctp_test clients by one.
also() { one_of_each || "$@"; }

# rto MIN MAX: the RTO bounds (ms) of new associations in both namespaces.
rto() {
	a sysctl -q -w net.sctp.rto_min="$1" net.sctp.rto_max="$2" &&
		b sysctl -q -w net.sctp.rto_min="$1" net.sctp.rto_max="$2"
}

xcheck "one-to-one, IPv4: $N_SMALL messages of 100 bytes arrive once, whole, in order, with their PPID; EOF after the sender's close(); SHA-256 equal" \
	small $V4 6001 stream "" --count "$N_SMALL" --size 100 --ppid 51
also xcheck "one-to-one, IPv4: 66000 messages of 28 bytes on one stream: the SSN wraps from 65535 to 0 and the order holds (RFC 9260 6.5)" \
	ssnwrap $V4 6009 stream "" --count 66000 --size 28
xcheck "one-to-many, IPv4: $N_SMALL messages of 28-2000 bytes; the sender's SCTP_EOF ends the association (SHUTDOWN_COMP on both sides)" \
	many $V4 6002 seqpacket "" --count "$N_SMALL" --size 28-2000 --ppid 52
also xcheck "one-to-one, IPv6: $N_V6 messages of 28-4000 bytes" \
	v6 $V6 6003 stream "" --count "$N_V6" --size 28-4000 --ppid 53
also xcheck "one-to-many, IPv6: $N_V6 messages of 28-4000 bytes" \
	v6many $V6 6004 seqpacket "" --count "$N_V6" --size 28-4000 --ppid 54
xcheck "64 KiB messages (46 DATA chunks each) reassembled, $(amount_kib $((N_64K * 64)))" \
	frag64 $V4 6005 stream "" --count "$N_64K" --size 65536
xcheck "200 KiB messages reassembled, each read whole (16 MiB receive buffer: no partial delivery), $(amount_kib $((N_200K * 200)))" \
	frag200 $V4 6006 seqpacket "--rcvbuf 16777216 --whole" --count "$N_200K" --size 204800
xcheck "200 KiB messages beyond the default receive window: partially delivered, the pieces in order and complete" \
	pd200 $V4 6007 stream "--expect-partial" --count "$N_PD" --size 204800
xcheck "10 streams, half the messages unordered: each on its stream with its flags, ordered ones in order (SSN) per stream" \
	streams $V4 6008 seqpacket "" --count "$N_STREAMS" --size 28-3000 --streams 10 --unordered 0.5

# Impairments on both veths, one at a time, then together.
LOSSY=(--bytes "$LOSSY_BYTES" --size 28-6000 --streams 10 --unordered 0.3)
LOSSY_AMOUNT=$(amount "$LOSSY_BYTES")
also check "netem: 5% loss on both veths" netem loss 5%
also xcheck "5% loss each way: $LOSSY_AMOUNT over 10 streams (30% unordered), every message once and whole" \
	loss $V4 6010 stream "" "${LOSSY[@]}" --seed 10
also check "netem: 25% of packets overtake others (the rest delayed 5 ms)" \
	netem delay 5ms reorder 25% 50%
also xcheck "reordered packets: $LOSSY_AMOUNT over 10 streams, ordered messages still in order" \
	reorder $V4 6011 seqpacket "" "${LOSSY[@]}" --seed 11
also check "netem: 10% of packets duplicated" netem duplicate 10%
also xcheck "duplicated packets: $LOSSY_AMOUNT over 10 streams, no message delivered twice" \
	dup $V4 6012 stream "" "${LOSSY[@]}" --seed 12
check "netem: 3% loss, 3% duplicates, 10% reordered" \
	netem loss 3% duplicate 3% delay 5ms reorder 10% 50%
xcheck "loss, duplication and reordering together, IPv6 one-to-many: $LOSSY_AMOUNT over 10 streams" \
	mixed $V6 6013 seqpacket "" "${LOSSY[@]}" --seed 13
lossy_bulk() { netem loss 5% && rto 100 1000; }
check "netem: 5% loss on both veths; RTO between 100 ms and 1 s" lossy_bulk
SECONDS=0
xcheck "bulk under 5% loss each way: $BULK_MB MB in 64 KiB messages, SHA-256 equal" \
	bulk $V4 6014 stream "--rcvbuf 4194304" --bytes $((BULK_MB * 1000000)) \
	--size 65536 --sndbuf 4194304
echo "# bulk: $BULK_MB MB under 5% loss in $SECONDS s"
check "netem removed" netem_off

# Unmodified programs.
head -c "$FILE_BYTES" /dev/urandom >"$W/file"
socat_copy() {
	local server
	ip netns exec xsctp-b timeout 120 socat -u SCTP-LISTEN:6020,bind=$V4,reuseaddr \
		"OPEN:$W/copy,creat,trunc" >"$W/socat.server" 2>&1 &
	server=$!
	# Until the server listens: refused attempts are tried again.
	a timeout 120 socat -u "OPEN:$W/file" "SCTP-CONNECT:$V4:6020,retry=100,interval=0.2" ||
		{ reap $server 0; return 1; }
	reap $server 30 || { cat "$W/socat.server"; return 1; }
	[ "$(sha256sum <"$W/file")" = "$(sha256sum <"$W/copy")" ]
}
check "socat SCTP-LISTEN / SCTP-CONNECT (one-to-one) copy a $(amount "$FILE_BYTES") file whole: SHA-256 equal" socat_copy

iperf_sctp() {
	local server
	ip netns exec xsctp-b timeout 60 iperf3 -s -1 -B $V4 -p 6021 >"$W/iperf.server" 2>&1 &
	server=$!
	# Its control connection is TCP: until that port listens.
	wait_until 10 eval "b ss -Hltn 'sport = :6021' | grep -q ."
	a timeout 60 iperf3 --sctp -c $V4 -p 6021 "${IPERF[@]}" -J >"$W/iperf.json" || { reap $server 0; return 1; }
	reap $server 10
	python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))["end"]["sum_received"]["bits_per_second"]
print("iperf3 --sctp: %.1f Mbit/s received" % (r / 1e6))
sys.exit(0 if r > 0 else 1)' "$W/iperf.json" >"$W/iperf.out"
}
check "iperf3 --sctp ${IPERF[*]}: a non-zero throughput received" iperf_sctp
sed 's/^/# /' "$W/iperf.out" 2>/dev/null

ip netns exec xsctp-b timeout 120 sctp_test -H $V4 -P 6022 -l >"$W/sctp_test.server" 2>&1 &
sctp_test_server=$!
check "sctp_test listens (one-to-many)" \
	wait_until 5 grep -q "Receiving packets" "$W/sctp_test.server"
# sctp_test_client CASE REPEAT: one client; its log appended to sctp_test.client.
sctp_test_client() {
	a timeout 60 sctp_test -H 198.51.100.1 -P 0 -h $V4 -p 6022 -s -c "$1" -x "$2" \
		>>"$W/sctp_test.client" 2>&1
}
clients=1
also check "sctp_test -c 1 -x 2 (multiples of 1452 bytes) exits 0" sctp_test_client 1 2
check "sctp_test -c 3 -x 3 (1, 1453, 32768 bytes) exits 0" sctp_test_client 3 3
also check "sctp_test -c 4 -x 2 (1 to 32768 bytes) exits 0" sctp_test_client 4 2
one_of_each || clients=3
# The server logs "Data N bytes" per read, the clients "N bytes." per send.
sctp_test_received() {
	local sent got
	ended() {
		[ "$(grep -cE 'SCTP_ASSOC_CHANGE\((SHUTDOWN_COMPLETE|COMMUNICATION_LOST)\)' \
			"$W/sctp_test.server")" -ge "$clients" ]
	}
	wait_until 10 ended
	sent=$(grep -o '[0-9]* bytes\.$' "$W/sctp_test.client" | awk '{ s += $1 } END { print s + 0 }')
	got=$(grep -o 'Data [0-9]* bytes' "$W/sctp_test.server" | awk '{ s += $2 } END { print s + 0 }')
	echo "sent $sent bytes, the server read $got"
	[ "$sent" -gt 0 ] && [ "$sent" -eq "$got" ]
}
check "sctp_test's server read every byte the $clients client(s) sent" sctp_test_received
kill $sctp_test_server 2>/dev/null
wait
ksft_exit
