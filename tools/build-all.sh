#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build xsctp.ko for every kernel the tests boot (stock 6.12, stock 6.1 and
# the debug kernel, which also gets xsctp_kunit.ko), the selftest
# programs and the libc shim. Prints one line per kernel: TAG DIR.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
build_one() {
	local tag=$1 kdir=$2
	make --no-print-directory -s modules KDIR="$kdir" TAG="$tag" >&2
	echo "$tag $top/build/$tag"
}
build_one 6.12 "/lib/modules/$(tools/kernels.sh 6.12)/build"
build_one 6.1 "/lib/modules/$(tools/kernels.sh 6.1)/build"
build_one debug "$(tools/vm/debug-kernel.sh)"
make --no-print-directory -s -C selftests >&2
make --no-print-directory -s -C tools/lib/xsctp >&2
