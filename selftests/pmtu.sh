#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Proves: path MTU discovery (RFC 9260 7.3). Behind a router whose far
# link has an MTU of 1280, the first packets of 1500 bytes are dropped
# there with an ICMP "fragmentation needed" (IPv4) or "packet too big"
# (IPv6); the sender lowers its path MTU, sends again what was lost, cuts
# new messages smaller, and every message arrives. Without it, the
# transfer could never end: every retransmission would be as big. The
# association then reports the new MTU and fragmentation point
# (SCTP_STATUS), as sctp.ko does. A path whose own link is small starts
# at that MTU, from its route, with no ICMP at all. 2 MB each way through
# the router and 1 MB over the small link; a quarter of that on the
# sanitizer kernel (lib.sh, sanitizer_kernel).
# With LINUX=1 (pmtu_ko.sh) the same runs against sctp.ko.
#
#   ns xsctp-a               ns xsctp-r                      ns xsctp-b
#   veth-a 198.51.100.1 -- veth-ra .254  veth-rb .254 -- veth-b 203.0.113.2
#          2001:db8::1         2001:db8::fe  2001:db8:1::fe    2001:db8:1::2
#   MTU 1500                              MTU 1280 on this link
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/xfer_lib.sh"
# shellcheck disable=SC2034 # read by xfer_lib.sh
XFER_TIMEOUT=60
W=/tmp/xsctp-pmtu
V4=203.0.113.2 V6=2001:db8:1::2
r() { ip netns exec xsctp-r "$@"; }
cleanup() {
	ip netns del xsctp-r 2>/dev/null
	two_namespaces_cleanup
	rm -rf "$W"
}
trap cleanup EXIT
cleanup
mkdir -p "$W"
start_module "path MTU discovery against sctp.ko"

routed() {
	ip netns add xsctp-a && ip netns add xsctp-r && ip netns add xsctp-b &&
	ip link add veth-a netns xsctp-a type veth peer name veth-ra netns xsctp-r &&
	ip link add veth-b netns xsctp-b type veth peer name veth-rb netns xsctp-r &&
	a ip addr add 198.51.100.1/24 dev veth-a &&
	a ip addr add 2001:db8::1/64 dev veth-a nodad &&
	r ip addr add 198.51.100.254/24 dev veth-ra &&
	r ip addr add 2001:db8::fe/64 dev veth-ra nodad &&
	r ip addr add 203.0.113.254/24 dev veth-rb &&
	r ip addr add 2001:db8:1::fe/64 dev veth-rb nodad &&
	b ip addr add 203.0.113.2/24 dev veth-b &&
	b ip addr add 2001:db8:1::2/64 dev veth-b nodad &&
	r ip link set veth-rb mtu 1280 && b ip link set veth-b mtu 1280 &&
	r sysctl -q -w net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1 &&
	for ns in a r b; do
		$ns ip link set lo up || return 1
	done &&
	a ip link set veth-a up && b ip link set veth-b up &&
	r ip link set veth-ra up && r ip link set veth-rb up &&
	a ip route add default via 198.51.100.254 &&
	a ip -6 route add default via 2001:db8::fe &&
	b ip route add default via 203.0.113.254 &&
	b ip -6 route add default via 2001:db8:1::fe
}
check "three namespaces, the far link's MTU 1280" routed

# reported NAME WHAT: the sender's SCTP_STATUS line says WHAT.
reported() {
	grep -q ", $2, " "$W/$1.send" || {
		echo "expected \"$2\" in: $(cat "$W/$1.send")"
		return 1
	}
}

lowered() { [ "$(xsctp_counter XsctpInIcmpTooBig xsctp-a)" -ge 1 ]; }

BYTES=$(by_kernel 2000000 500000)
AMOUNT=$(by_kernel "2 MB" "500 kB")
MSGS=(--bytes "$BYTES" --size 28-6000 --streams 4 --report-mtu)
xcheck "IPv4 through a 1280-byte link: $AMOUNT of 28-6000 byte messages all arrive (ICMP fragmentation needed lowers the path)" \
	v4 $V4 6101 stream "" "${MSGS[@]}"
check "IPv4: SCTP_STATUS reports path MTU 1280 and fragmentation point 1232" \
	reported v4 "pmtu 1280 frag 1232"
[ -n "${LINUX:-}" ] ||
	check "the path MTU was lowered by ICMP (XsctpInIcmpTooBig)" lowered
xcheck "IPv6 through a 1280-byte link: $AMOUNT all arrive (ICMPv6 packet too big)" \
	v6 $V6 6102 stream "" "${MSGS[@]}"
check "IPv6: SCTP_STATUS reports path MTU 1280 and fragmentation point 1212" \
	reported v6 "pmtu 1280 frag 1212"

check "the near link's MTU set to 1200" \
	eval 'a ip link set veth-a mtu 1200 && r ip link set veth-ra mtu 1200'
if [ -z "${LINUX:-}" ]; then
	# shellcheck disable=SC2034 # read by the eval below
	before=$(xsctp_counter XsctpInIcmpTooBig xsctp-a)
fi
xcheck "a path over a 1200-byte link: $(by_kernel "1 MB" "250 kB") all arrive" \
	near $V4 6103 stream "" --bytes $((BYTES / 2)) --size 28-6000 --report-mtu
check "SCTP_STATUS reports the link's MTU (1200) and fragmentation point 1152" \
	reported near "pmtu 1200 frag 1152"
[ -n "${LINUX:-}" ] ||
	check "... learnt from the route: no ICMP needed (XsctpInIcmpTooBig unchanged)" \
		eval '[ "$(xsctp_counter XsctpInIcmpTooBig xsctp-a)" = "$before" ]'
ksft_exit
