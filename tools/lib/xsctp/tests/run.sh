#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Host tests of libxsctp and uapi/linux/xsctp.h, as one TAP stream: the
# compile-time checks first, then the test programs (built by the
# Makefile into $OUT/tests). Run through `make -C tools/lib/xsctp test`,
# which sets CC, TOP and OUT. Exits 1 if any test fails.
set -uo pipefail

: "${CC:=cc}" "${TOP:?}" "${OUT:?}"
src=$TOP/tools/lib/xsctp/tests
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0 failed=0

emit() {
	local status=$1; shift
	n=$((n + 1))
	if [ "$status" = ok ]; then
		echo "ok $n - $*"
	else
		failed=$((failed + 1))
		echo "not ok $n - $*"
	fi
}

# compiles WHAT ARGS...: one TAP line, ok when $CC accepts ARGS.
compiles() {
	local what=$1; shift
	if "$CC" -fsyntax-only -Wall -Wextra -Werror "$@" >"$tmp/log" 2>&1; then
		emit ok "$what"
	else
		emit fail "$what"
		sed 's/^/#   /' "$tmp/log" | head -n 20
	fi
}

compiles "layout: uapi/linux/xsctp.h has every number, size and offset of the ABI reference" \
	-std=c11 -I "$TOP/uapi" "$src/layout.c"
compiles "layout: Linux's own <linux/sctp.h> meets the same assertions (same names, same layout)" \
	-std=c11 -DAGAINST_LINUX "$src/layout.c"

# Mutation: without packed, sctp_paddrinfo and sctp_paddr_change grow; the
# layout check must then refuse to compile.
mkdir -p "$tmp/mut/linux"
sed 's/__attribute__((packed, aligned(4)))/__attribute__((aligned(4)))/' \
	"$TOP/uapi/linux/xsctp.h" >"$tmp/mut/linux/xsctp.h"
if cmp -s "$TOP/uapi/linux/xsctp.h" "$tmp/mut/linux/xsctp.h"; then
	emit fail "layout: the mutation (packed removed) changed nothing"
elif "$CC" -fsyntax-only -std=c11 -I "$tmp/mut" "$src/layout.c" >/dev/null 2>&1; then
	emit fail "layout: a header without packed still compiles: the checks do not bite"
else
	emit ok "layout: a header whose packed structs lost packed fails to compile"
fi

# Both include orders, with lksctp's and with Linux's header.
for order in XSCTP_FIRST LKSCTP_FIRST; do
	for other in NETINET LINUX; do
		compiles "clash: <linux/xsctp.h> and the $other header, $order" \
			-std=c11 -pedantic -D"$order" -DWITH_"$other" \
			-I "$TOP/uapi" -I "$TOP/tools/lib/xsctp" "$src/clash.c"
	done
done
compiles "clash: C90 program including <linux/xsctp.h> then <linux/sctp.h>" \
	-std=gnu89 -DXSCTP_FIRST -DWITH_LINUX -I "$TOP/uapi" \
	-I "$TOP/tools/lib/xsctp" "$src/clash.c"

# run PROGRAM [ENV...]: its "ok - ..." lines, numbered.
run() {
	local prog=$1 line status; shift
	if [ ! -x "$prog" ]; then
		emit fail "$(basename "$prog") was not built"
		return
	fi
	env "$@" "$prog" >"$tmp/out" 2>&1
	status=$?
	while IFS= read -r line; do
		case $line in
		"ok - "*) emit ok "${line#ok - }" ;;
		"not ok - "*) emit fail "${line#not ok - }" ;;
		*) echo "# $line" ;;
		esac
	done <"$tmp/out"
	if [ $status -ne 0 ] && ! grep -q '^not ok' "$tmp/out"; then
		emit fail "$(basename "$prog") exited $status"
	fi
}

run "$OUT/tests/shim_test"
if [ -e /usr/include/netinet/sctp.h ]; then
	run "$OUT/tests/preload_test" LD_PRELOAD="$OUT/libxsctp.so.1"
else
	n=$((n + 1))
	echo "ok $n - LD_PRELOAD over libsctp # SKIP libsctp-dev is not installed"
fi

echo "1..$n"
[ $failed -eq 0 ]
