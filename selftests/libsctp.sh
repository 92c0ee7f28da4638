#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Proves: an unmodified C program using sctp_connectx(), sctp_bindx(),
# sctp_getpaddrs(), sctp_getladdrs() and sctp_opt_info() gets the same,
# correct results through Debian's libsctp and through xsctp's shim
# (LD_PRELOAD): the association id, the address the peer does not serve
# dropped, EISCONN, E2BIG beyond 32 addresses, EINVAL for bad lists, EBADF,
# ENOTSOCK, ECONNREFUSED, and EINPROGRESS with the id when non-blocking.
# With LINUX=1 (libsctp_ko.sh) the same runs against sctp.ko, where only
# libsctp's 33-address list differs: Linux connects (E2BIG is xsctp's,
# Documentation/linux-differences.rst); the shim refuses it on either.
# (Topology: two_namespaces in lib.sh.)
source "$(dirname "$0")/lib.sh"
here=$(dirname "$0")
SHIM=$(cd "$here/.." && pwd)/build/lib/libxsctp.so
READY=/tmp/libsctp.ready
trap two_namespaces_cleanup EXIT
two_namespaces_cleanup

EXPECTED=(
	"connectx to the peer and an address it does not serve: 0, id >= 3: 1"
	"getpaddrs (the address it does not serve dropped): 1"
	"getladdrs: 1"
	"opt_info(SCTP_STATUS): 0, state 4"
	"connectx again: EISCONN"
	"connectx with 33 addresses: E2BIG"
	"connectx with 0 addresses: EINVAL"
	"connectx with family 9090: EINVAL"
	"bindx add 127.0.0.1: 0"
	"bindx rem the only address: EBUSY"
	"bindx with flags 0: EINVAL"
	"connectx on fd -1: EBADF"
	"connectx on a pipe: ENOTSOCK"
	"connectx where nothing listens: ECONNREFUSED"
	"connectx non-blocking: EINPROGRESS, id >= 3: 1"
)

start_module "libsctp against sctp.ko"
# LD_PRELOAD of a missing library only warns: the "shim" runs would be
# libsctp's again.
check "the shim is built ($SHIM)" test -r "$SHIM"
check "two namespaces joined by veth" two_namespaces
rm -f "$READY"
b python3 "$here/sctp_conn.py" serve 198.51.100.2 5200 --accept 4 --hold 60 \
	--ready "$READY" >/dev/null &
wait_until 10 test -e "$READY"

for lib in libsctp shim; do
	preload=()
	[ $lib = shim ] && preload=(env "LD_PRELOAD=$SHIM")
	out=$(timeout 60 ip netns exec xsctp-a "${preload[@]}" \
		"$XSCTP_BIN/connectx_lib" 198.51.100.2 5200 2>&1)
	sed 's/^/# /' <<<"$out"
	for want in "${EXPECTED[@]}"; do
		[ -n "${LINUX:-}" ] && [ $lib = libsctp ] &&
			want=${want/with 33 addresses: E2BIG/with 33 addresses: 0}
		if grep -qxF -- "$want" <<<"$out"; then
			ok "$lib: $want"
		else
			fail "$lib: $want (got: $(grep -F -- "${want%%: *}:" <<<"$out"))"
		fi
	done
done
ksft_exit
