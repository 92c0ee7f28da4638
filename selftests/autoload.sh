#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Proves: with xsctp installed next to the kernel's own sctp.ko, socket()
# with IPPROTO_SCTP autoloads xsctp, not sctp.ko, for each family and type
# (xsctp's net-pf-F-proto-132-type-T aliases are asked for first).
#
# /lib/modules is the host's, read-only: xsctp is installed in an overlay
# that goes with the test. depmod indexes xsctp.ko, the modules both SCTP
# stacks need and the crypto modules (xsctp's HMAC-SHA-256 is one on the
# stock kernels), not all 4,000 of the kernel: `depmod -a` reads every one
# over 9p, minutes under TCG, and which module an alias names depends
# only on the modules that claim it.
source "$(dirname "$0")/lib.sh"
release=$(uname -r)
dir=/lib/modules/$release
cleanup() {
	cleanup_modules
	umount /lib/modules 2>/dev/null
	rm -rf /tmp/modules.upper /tmp/modules.work
}
trap cleanup EXIT
start_clean

# The files depmod indexes: xsctp.ko, and where there is one, sctp.ko, what
# either needs and the crypto modules.
indexed() {
	echo "$dir/extra/xsctp.ko"
	have_sctp_ko || return 0
	# shellcheck disable=SC2046 # one word per module
	modinfo -n sctp $(modinfo -F depends sctp "$XSCTP_KO" | tr ',' '\n' | sort -u)
	find "$dir/kernel/crypto" "$dir/kernel/arch/x86/crypto" -name '*.ko*' 2>/dev/null
}

check "/lib/modules made writable (a layer of its own)" modules_dir_writable
mkdir -p "$dir/extra"
cp "$XSCTP_KO" "$dir/extra/"
# shellcheck disable=SC2046 # one word per file
check "depmod with xsctp installed" depmod "$release" $(indexed | sort -u)
check "modinfo shows the type-specific aliases" sh -c \
	"modinfo -F alias xsctp | sort | tr '\n' ' ' | grep -qx 'net-pf-10-proto-132-type-1 net-pf-10-proto-132-type-5 net-pf-2-proto-132-type-1 net-pf-2-proto-132-type-5 '"

for family in AF_INET AF_INET6; do
	for type in SOCK_STREAM SOCK_SEQPACKET; do
		cleanup_modules
		python3 -c "import socket; socket.socket(socket.$family, socket.$type, 132)" 2>/dev/null
		if xsctp_loaded && ! sctp_loaded; then
			ok "socket($family, $type, 132) autoloads xsctp"
		else
			fail "socket($family, $type, 132) autoloads xsctp ($(lsmod | grep -w -e sctp -e xsctp | tr '\n' ' '))"
		fi
	done
done
ksft_exit
