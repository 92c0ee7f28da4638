#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Proves: xsctp provides net.sctp.* with Linux's names and limits: every
# setting appears with its documented default, each namespace has its own
# copy (a new namespace starts from the defaults, not from its parent's
# values), out-of-range writes fail as they do with sctp.ko, and the
# entries disappear on unload. coexist.sh checks the same names and limits
# against sctp.ko itself. xsctp's own settings, init_stagger and
# fast_failover, have their defaults and limits checked here.
source "$(dirname "$0")/lib.sh"
D=/proc/sys/net/sctp
cleanup() {
	ip netns del xsctp-sysctl 2>/dev/null
	cleanup_modules
}
trap cleanup EXIT
cleanup
start_clean

defaults_everywhere() {
	local name in=("$@")
	for name in "${!XSCTP_SYSCTL_DEFAULTS[@]}"; do
		[ "$("${in[@]}" cat "$D/$name")" = "${XSCTP_SYSCTL_DEFAULTS[$name]}" ] ||
			{ echo "$name: $("${in[@]}" cat "$D/$name")"; return 1; }
	done
}

# fast_failover: 300 ms by default, 0 (the RTO, as Linux) to a day.
fast_failover_limits_hold() {
	[ "$(cat $D/fast_failover)" = 300 ] || { echo "default $(cat $D/fast_failover)"; return 1; }
	! echo -1 >$D/fast_failover 2>/dev/null || { echo "accepted -1"; return 1; }
	! echo 86400001 >$D/fast_failover 2>/dev/null || { echo "accepted more than a day"; return 1; }
	echo 0 >$D/fast_failover && [ "$(cat $D/fast_failover)" = 0 ] || return 1
	echo 300 >$D/fast_failover
}

check "insmod xsctp.ko" xsctp_load
check "every setting has its documented default" defaults_everywhere
check "Linux's limits hold" sysctl_limits_hold
# init_stagger: 250 ms by default, 0 (no racing) to a day, as rto_initial.
stagger_limits_hold() {
	[ "$(cat $D/init_stagger)" = 250 ] || { echo "default $(cat $D/init_stagger)"; return 1; }
	! echo -1 >$D/init_stagger 2>/dev/null || { echo "accepted -1"; return 1; }
	! echo 86400001 >$D/init_stagger 2>/dev/null || { echo "accepted more than a day"; return 1; }
	echo 0 >$D/init_stagger && [ "$(cat $D/init_stagger)" = 0 ] || return 1
	echo 250 >$D/init_stagger
}
check "init_stagger: its default and limits" stagger_limits_hold
check "fast_failover: its default and limits" fast_failover_limits_hold
check "a setting can be changed" sh -c "echo 250 >$D/rto_min && test \$(cat $D/rto_min) = 250"
ip netns add xsctp-sysctl
check "a new namespace starts from the defaults" defaults_everywhere ip netns exec xsctp-sysctl
check "... and changing it leaves the first alone" \
	sh -c "ip netns exec xsctp-sysctl sh -c 'echo 4 >$D/max_init_retransmits' &&
	       test \$(cat $D/max_init_retransmits) = 8 && test \$(cat $D/rto_min) = 250"
check "rmmod xsctp" xsctp_unload
check "unload removes net.sctp" test ! -e "$D/rto_min"
check "reload" xsctp_load
check "reload gives the defaults back" defaults_everywhere
check "... in the existing namespace too" defaults_everywhere ip netns exec xsctp-sysctl
ksft_exit
