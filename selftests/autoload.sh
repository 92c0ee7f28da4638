#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Proves: with xsctp installed next to the kernel's own sctp.ko, socket()
# with IPPROTO_SCTP autoloads xsctp, not sctp.ko, for each family and type
# (xsctp's net-pf-F-proto-132-type-T aliases are asked for first).
source "$(dirname "$0")/lib.sh"
trap cleanup_modules EXIT
start_clean

release=$(uname -r)
if ! modules_dir_writable; then
	fail "autoload: /lib/modules made writable (an overlay or a tmpfs)"
	ksft_exit
fi
mkdir -p "/lib/modules/$release/extra"
cp "$XSCTP_KO" "/lib/modules/$release/extra/"
check "depmod with xsctp installed" depmod -a "$release"
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
