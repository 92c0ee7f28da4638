#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Install every Debian package xsctp needs to build, test and demo.
# Idempotent and fast when nothing is missing: dpkg is asked first, apt only
# runs for what is absent. Kernel package versions are resolved from the
# archive's meta-packages, never hard-coded, because they move.
#
# Usage: tools/setup.sh          install what is missing
#        tools/setup.sh --print  print the resolved kernel releases and exit
set -euo pipefail

export DEBIAN_FRONTEND=noninteractive
# The guests boot with the project's own initramfs (tools/vm/initramfs.sh),
# so the kernel packages need not build Debian's (a minute or more each,
# on a fresh machine's budget): their initramfs-tools hook skips on this.
export INITRD=No
SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo

TOOLS=(build-essential bc bison flex libelf-dev libssl-dev cpio xz-utils
       zstd kmod rsync qemu-system-x86 busybox-static iproute2 iputils-ping nftables
       python3 lksctp-tools libsctp-dev socat iperf3 sparse shellcheck
       clang libclang-rt-14-dev man-db groff-base python3-docutils tshark
       libusrsctp-examples bash-builtins
       linux-source-6.12)

apt_updated=
apt_update() {
	[ -n "$apt_updated" ] && return
	$SUDO apt-get update -qq
	apt_updated=1
}

# The release (uname -r) a kernel meta-package currently points at.
resolve_release() {
	local meta=$1 dep
	dep=$(apt-cache depends "$meta" 2>/dev/null |
	      sed -n 's/^ *Depends: linux-image-\([^ ]*\)$/\1/p' | head -n1)
	if [ -z "$dep" ]; then
		apt_update
		dep=$(apt-cache depends "$meta" |
		      sed -n 's/^ *Depends: linux-image-\([^ ]*\)$/\1/p' | head -n1)
	fi
	[ -n "$dep" ] || { echo "setup: cannot resolve $meta" >&2; exit 1; }
	echo "$dep"
}

# Those of the given packages that are not installed, in one dpkg query.
# dpkg-query fails for a package dpkg has never heard of (the usual case
# on a fresh machine): that one is simply missing.
missing_of() {
	local have
	have=$({ dpkg-query -W -f='${Package} ${Status}\n' "$@" 2>/dev/null || true; } |
	       awk '$NF == "installed" { print $1 }')
	printf '%s\n' "$@" | grep -vxF -f <(echo "$have")
}

# A kernel is usable when its image and headers are installed; an already
# installed release is kept so an offline machine still works.
kernel_pkgs() {
	local rel=$1
	echo "linux-image-$rel-unsigned linux-headers-$rel"
}

main() {
	local r612 r61 missing=()
	r612=$(resolve_release linux-image-6.12-amd64)
	r61=$(resolve_release linux-image-amd64)
	if [ "${1:-}" = --print ]; then
		echo "6.12 $r612"
		echo "6.1 $r61"
		return
	fi
	# shellcheck disable=SC2046 # kernel_pkgs prints two names
	mapfile -t missing < <(missing_of "${TOOLS[@]}" $(kernel_pkgs "$r612") $(kernel_pkgs "$r61"))
	[ ${#missing[@]} -eq 0 ] && return
	echo "setup: installing ${missing[*]}"
	apt_update
	$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

main "$@"
