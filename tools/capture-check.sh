#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Decode a capture of SCTP traffic with tshark and print TAP lines: every
# frame is SCTP that Wireshark's dissector decodes without a malformed-
# packet report, every CRC32c is good, and the chunk types named on the
# command line all appear (for example the four of a handshake).
#
# Usage: tools/capture-check.sh LABEL PCAP [CHUNK-TYPE...]
#   CHUNK-TYPE: a number as in RFC 9260 (1 INIT, 2 INIT ACK, 6 ABORT...)
set -uo pipefail

label=$1 pcap=$2
shift 2
n=0 failed=0
tap() {
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $n - $label: $2"
	else
		echo "not ok $n - $label: $2"
		failed=1
	fi
}

if [ ! -s "$pcap" ]; then
	tap 1 "capture $pcap exists"
	echo "1..$n"
	exit 1
fi
# One line per frame: number, checksum status (1 good), chunk types, and
# whether the dissector flagged it malformed.
fields=$(tshark -n -r "$pcap" -o 'sctp.checksum:CRC 32c' \
	-T fields -E separator=/s -E aggregator=, \
	-e frame.number -e sctp.checksum.status -e sctp.chunk_type -e _ws.malformed \
	2>/dev/null)
frames=$(grep -c . <<<"$fields")
tap "$([ "$frames" -gt 0 ]; echo $?)" "$frames frames captured"
bad_crc=$(awk '$2 != 1' <<<"$fields" | wc -l)
tap "$([ "$bad_crc" -eq 0 ]; echo $?)" "every frame is SCTP with a good CRC32c ($bad_crc not)"
malformed=$(awk 'NF > 3' <<<"$fields" | wc -l)
tap "$([ "$malformed" -eq 0 ]; echo $?)" "no frame decodes as malformed ($malformed do)"
for type in "$@"; do
	seen=$(awk -v t="$type" '{ n = split($3, c, ","); for (i = 1; i <= n; i++) if (c[i] == t) s++ } END { print s + 0 }' <<<"$fields")
	tap "$([ "$seen" -gt 0 ]; echo $?)" "chunk type $type seen ($seen)"
done
if [ $failed -ne 0 ]; then
	tshark -n -r "$pcap" -o 'sctp.checksum:CRC 32c' 2>/dev/null | sed 's/^/# /'
fi
echo "1..$n"
exit $failed
