#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build (once) the xsctp debug kernel from Debian's linux-source-6.12 with
# allnoconfig + debug.config, and print the path of its build tree.
#
# The tree is cached under $XSCTP_CACHE (default ~/.cache/xsctp), keyed by the
# linux-source package version and the contents of debug.config: it is
# rebuilt only when one of them changes.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
cache=${XSCTP_CACHE:-$HOME/.cache/xsctp}
tarball=/usr/src/linux-source-6.12.tar.xz

srcver=$(dpkg-query -W -f='${Version}' linux-source-6.12)
key=$( { echo "$srcver"; cat "$here/debug.config"; } | sha256sum | cut -c1-16)
out=$cache/debug-kernel/$key
log=$out.log

if [ -f "$out/.done" ]; then
	echo "$out/build"
	exit 0
fi

# Every fragment line must survive Kconfig: a silently dropped option would
# quietly turn a sanitizer off.
check_config() {
	local line
	grep '^CONFIG_' "$here/debug.config" | while IFS= read -r line; do
		case $line in
		*=n) grep -qx "# ${line%=n} is not set" "$1" ;;
		*) grep -qxF "$line" "$1" ;;
		esac || { echo "debug-kernel: Kconfig dropped $line"; return 1; }
	done
}

build() {
	local src=$out/linux-source-6.12
	tar -C "$out" -xf "$tarball"
	make -C "$src" O="$out/build" ARCH=x86_64 \
		KCONFIG_ALLCONFIG="$here/debug.config" allnoconfig
	check_config "$out/build/.config"
	make -C "$src" O="$out/build" ARCH=x86_64 -j"$(nproc)" bzImage modules
}

failed() {
	echo "debug-kernel: build failed, see $log" >&2
	tail -n 20 "$log" >&2
}

mkdir -p "$cache/debug-kernel"
# Two checkouts may ask at once (worktrees, make check beside make demo):
# the second waits for the first's build instead of deleting it mid-way.
exec 9>"$out.lock"
flock 9
if [ -f "$out/.done" ]; then
	echo "$out/build"
	exit 0
fi
echo "debug-kernel: building $srcver ($key), log in $log" >&2
rm -rf "$out"
mkdir -p "$out/build"
trap failed EXIT
build >"$log" 2>&1
trap - EXIT
touch "$out/.done"
echo "$out/build"
