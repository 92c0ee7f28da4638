#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# `make oracle`: Linux's side of the comparisons. The *_ko twins run each
# scenario of the xsctp selftests against the stock kernel's sctp.ko, to
# prove that what the selftests expect of xsctp is what Linux does (or a
# difference Documentation/linux-differences.rst states); oracle compares
# the errno matrix line by line. They check Linux, not xsctp, so they are
# not in `make check`: run this whenever a test, an expected file or a
# documented difference changes, and before resolving an issue that
# touches one. Stock 6.12 and 6.1 side by side; ends like `make check`.
set -uo pipefail
# shellcheck source=tools/check-lib.sh
source "$(dirname "$0")/check-lib.sh"
check_init oracle

section "build: 6.12, 6.1, selftest programs, libxsctp (libsctp_ko preloads it)"
build() {
	local tag
	for tag in 6.12 6.1; do
		make --no-print-directory -s modules TAG=$tag \
			KDIR="/lib/modules/$(tools/kernels.sh $tag)/build" || return
	done
	make --no-print-directory -s -C selftests &&
		make --no-print-directory -s -C tools/lib/xsctp
}
build_or_stop "build for 6.12 and 6.1" build

# matrix first: oracle compares sctp.ko's answers with its results.
section "guests: stock 6.12 | stock 6.1"
guest 6.12 6.12 3000 matrix @oracle @twins &
guest 6.1 6.1 3000 matrix @oracle @twins &
wait
report 6.12 "$out/6.12/out.log"
report 6.1 "$out/6.1/out.log"

budget
summary
