#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build (once) the guest initramfs for a kernel release and print its path.
# It holds busybox, initramfs-init and, for a stock Debian kernel, the
# modules needed to reach the host root over 9p (decompressed, since busybox
# insmod cannot read .ko.xz). Cached under $XSCTP_CACHE, keyed by the release
# and the contents of this script and initramfs-init.
#
# Usage: initramfs.sh RELEASE      (RELEASE "none" = no modules, for the debug kernel)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
release=$1
cache=${XSCTP_CACHE:-$HOME/.cache/xsctp}
key=$( { echo "$release"; cat "$0" "$here/initramfs-init" /bin/busybox; } | sha256sum | cut -c1-16)
out=$cache/initramfs/$release-$key.cpio.gz
if [ -f "$out" ]; then
	echo "$out"
	exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp"/{bin,proc,sys,dev,newroot,modules}
cp /bin/busybox "$tmp/bin/busybox"
for app in sh mount insmod switch_root poweroff mkdir cat echo; do
	ln -s busybox "$tmp/bin/$app"
done
install -m 0755 "$here/initramfs-init" "$tmp/init"

# The modules 9p root needs, in dependency order, without duplicates.
if [ "$release" != none ]; then
	modprobe -S "$release" --show-depends -a virtio_pci 9pnet_virtio 9p |
		awk '$1 == "insmod" && !seen[$2]++ { print $2 }' |
		while read -r ko; do
			name=$(basename "$ko")
			name=${name%.xz}
			case $ko in
			*.xz) xz -dc "$ko" >"$tmp/modules/$name" ;;
			*) cp "$ko" "$tmp/modules/$name" ;;
			esac
			echo "$name" >>"$tmp/modules/order"
		done
fi

mkdir -p "$(dirname "$out")"
(cd "$tmp" && find . | cpio -o -H newc --quiet | gzip -1) >"$out.tmp"
mv "$out.tmp" "$out"
echo "$out"
