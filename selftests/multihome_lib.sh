#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# A multihomed topology for the tests that source this after lib.sh:
# namespaces xsctp-a (client) and xsctp-b (server) joined by three disjoint
# veth pairs, path N on veth-aN/veth-bN, IPv4 and IPv6 on each:
#
#   ns xsctp-a                               ns xsctp-b
#   veth-a1 198.51.100.1  2001:db8:1::1 --- veth-b1 198.51.100.2  2001:db8:1::2
#   veth-a2 203.0.113.1   2001:db8:2::1 --- veth-b2 203.0.113.2   2001:db8:2::2
#   veth-a3 192.0.2.1     2001:db8:3::1 --- veth-b3 192.0.2.2     2001:db8:3::2
#
# and faults on b's side of a path, by nftables in b (table inet xsctp_mh):
# path_blackhole N drops SCTP to b's addresses of path N (silently);
# path_refuse N answers it with an ICMP host unreachable (ICMPv6 address
# unreachable), as a router with no route would; path_silence N drops
# everything b receives and sends on path N; path_unroute N gives a an
# "unreachable" route to b's addresses of path N, so that nothing to them
# can leave a; paths_restore removes all of these.
# Faults outside nft, each undone by its pair: path_link_down N /
# path_link_up N (a's end of path N down, its addresses kept), and
# path_netem_loss N / path_netem_clear N (netem 100 % loss on both ends).
# two_paths is three_paths with paths 1 and 2 only.
# a() and b() run a command in either namespace (lib.sh).

# b's and a's addresses, path 1 first.
# shellcheck disable=SC2034 # read by the tests that source this
MH_B4=(198.51.100.2 203.0.113.2 192.0.2.2)
# shellcheck disable=SC2034
MH_B6=(2001:db8:1::2 2001:db8:2::2 2001:db8:3::2)
MH_A4=(198.51.100.1 203.0.113.1 192.0.2.1)
MH_A6=(2001:db8:1::1 2001:db8:2::1 2001:db8:3::1)

# three_paths [N]: the topology, with the first N paths (default 3).
# (ip in batch mode: three processes, not three dozen.)
three_paths() {
	local n root="netns add xsctp-a"$'\n'"netns add xsctp-b" in_a="link set lo up" in_b
	in_b=$in_a
	for n in $(seq "${1:-3}"); do
		root+=$'\n'"link add veth-a$n netns xsctp-a type veth peer name veth-b$n netns xsctp-b"
		in_a+=$'\n'"addr add ${MH_A4[n - 1]}/24 dev veth-a$n"
		in_a+=$'\n'"addr add ${MH_A6[n - 1]}/64 dev veth-a$n nodad"
		in_a+=$'\n'"link set veth-a$n up"
		in_b+=$'\n'"addr add ${MH_B4[n - 1]}/24 dev veth-b$n"
		in_b+=$'\n'"addr add ${MH_B6[n - 1]}/64 dev veth-b$n nodad"
		in_b+=$'\n'"link set veth-b$n up"
	done
	ip -batch - <<<"$root" && ip -n xsctp-a -batch - <<<"$in_a" &&
		ip -n xsctp-b -batch - <<<"$in_b" || return 1
	ns_anchor xsctp-a && ns_anchor xsctp-b || return 1
	b nft -f - <<'NFT'
table inet xsctp_mh {
	chain input {
		type filter hook input priority 0;
	}
	chain output {
		type filter hook output priority 0;
	}
}
NFT
}

two_paths() { three_paths 2; }

# mh_cleanup: the test's servers and clients, which are not jobs of its
# shell (check runs them in a subshell), ended by their pid files in $W;
# then the namespaces and $W.
mh_cleanup() {
	[ ! -d "$W" ] || cat "$W"/*.pid 2>/dev/null | xargs -r kill 2>/dev/null
	two_namespaces_cleanup
	rm -rf "$W"
}

three_paths_del() { two_namespaces_del; }

# path_blackhole N: SCTP to b's addresses of path N vanishes
# (blackhole_rules N: its nft commands, for a caller's own nft -f).
blackhole_rules() {
	echo "add rule inet xsctp_mh input ip daddr ${MH_B4[$1 - 1]} meta l4proto sctp drop"
	echo "add rule inet xsctp_mh input ip6 daddr ${MH_B6[$1 - 1]} meta l4proto sctp drop"
}
path_blackhole() { blackhole_rules "$1" | b nft -f -; }

# path_refuse N: SCTP to b's addresses of path N gets an ICMP destination
# unreachable back (host unreachable; ICMPv6 address unreachable;
# refuse_rules N: its nft commands).
refuse_rules() {
	echo "add rule inet xsctp_mh input ip daddr ${MH_B4[$1 - 1]} meta l4proto sctp" \
		"reject with icmp type host-unreachable"
	echo "add rule inet xsctp_mh input ip6 daddr ${MH_B6[$1 - 1]} meta l4proto sctp" \
		"reject with icmpv6 type addr-unreachable"
}
path_refuse() { refuse_rules "$1" | b nft -f -; }

# path_silence N: nothing passes path N, either way, at b's end (so a
# still counts what it sends there); both rules at once.
path_silence() {
	b nft -f - <<NFT
add rule inet xsctp_mh input iifname "veth-b$1" drop
add rule inet xsctp_mh output oifname "veth-b$1" drop
NFT
}

# path_unroute N: a has no route to b's addresses of path N.
path_unroute() {
	printf '%s\n' "route add unreachable ${MH_B4[$1 - 1]}/32" \
		"route add unreachable ${MH_B6[$1 - 1]}/128" | a ip -batch -
}

paths_restore() {
	local n
	# Most are not there: no error for those (callers may run set -e).
	# One command per namespace: each costs a few hundred ms under TCG.
	for n in 0 1 2; do
		echo "route del unreachable ${MH_B4[n]}/32"
		echo "route del unreachable ${MH_B6[n]}/128"
	done | a ip -force -batch - 2>/dev/null || true
	b nft -f - <<'NFT'
flush chain inet xsctp_mh input
flush chain inet xsctp_mh output
NFT
}

# path_link_down N: a's end of path N down; its routes go, its IPv6
# addresses stay (keep_addr_on_down), so that no address event tells
# SCTP: a silent failure. b's end loses its carrier.
path_link_down() {
	a sh -c "sysctl -qw net.ipv6.conf.veth-a$1.keep_addr_on_down=1 && ip link set veth-a$1 down"
}

path_link_up() { a ip link set "veth-a$1" up; }

# path_netem_loss N: netem drops everything either end of path N sends
# (a's end first).
path_netem_loss() {
	modprobe -q sch_netem 2>/dev/null
	a tc qdisc add dev "veth-a$1" root netem loss 100% &&
	b tc qdisc add dev "veth-b$1" root netem loss 100%
}

path_netem_clear() {
	a tc qdisc del dev "veth-a$1" root && b tc qdisc del dev "veth-b$1" root
}

# path_tx_bytes N: bytes a has sent on path N.
path_tx_bytes() {
	local dir name tx
	if dir=$(ns_proc_net xsctp-a); then
		# name: then 8 receive counters, then the bytes sent.
		while read -r name _ _ _ _ _ _ _ _ tx _; do
			[ "$name" != "veth-a$1:" ] || { echo "$tx"; return; }
		done <"$dir/dev"
		return 1
	fi
	a cat "/sys/class/net/veth-a$1/statistics/tx_bytes"
}
