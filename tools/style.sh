#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Style and static checks, each printed as one TAP line:
# checkpatch --strict, sparse (C=2) on 6.12 and the debug kernel (which
# also builds the KUnit files), shellcheck, and the uapi
# header compiling alone (C90, included twice), the documentation
# rendering, the conformance table up to date. Exits 1 if any fails.
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1
n=0 failed=0
result() {
	local what=$1 log=$2 status=$3
	n=$((n + 1))
	if [ "$status" -eq 0 ]; then
		echo "ok $n - style: $what"
	else
		failed=$((failed + 1))
		echo "not ok $n - style: $what"
		sed 's/^/#   /' "$log" | head -n 30
	fi
}

log=$(mktemp)
trap 'rm -f "$log"' EXIT

src=$(dirname "$(tools/vm/debug-kernel.sh)")/linux-source-6.12
# tools/fuzz/include stands in for kernel headers in user space, and
# libFuzzer fixes the name of the fuzz entry point.
checkpatch() { "$src/scripts/checkpatch.pl" --no-tree -f --strict --terse "$@"; }
mapfile -t c_files < <(git ls-files '*.c' '*.h' ':!tools/fuzz' ':!uapi')
mapfile -t fuzz_files < <(git ls-files 'tools/fuzz/*.c')
mapfile -t uapi_files < <(git ls-files 'uapi/*.h')
# checkpatch exempts only include/uapi/ from its attribute rule, and the
# uapi header's typedefs are Linux's own names.
{ checkpatch "${c_files[@]}" && checkpatch --ignore CAMELCASE "${fuzz_files[@]}" &&
  checkpatch --ignore PREFER_DEFINED_ATTRIBUTE_MACRO,NEW_TYPEDEFS "${uapi_files[@]}"; } >"$log" 2>&1
result "checkpatch --strict clean" "$log" $?

# C=2 reaches Kbuild through MAKEFLAGS and checks every file, built or not,
# so in the trees tools/build-all.sh left (make check builds first) sparse
# runs alone, with no second compile. The debug kernel has KUnit, so only
# there are the test files checked.
sparse_on() {
	local tag=$1 kdir=$2 status
	make --no-print-directory -s modules TAG="$tag" KDIR="$kdir" C=2 >"$log" 2>&1
	status=$?
	grep -E 'warning:|error:' "$log" >"$log.w" && status=1
	cp "$log.w" "$log"; rm -f "$log.w"
	result "sparse clean (C=2, $tag)" "$log" $status
}
sparse_on 6.12 "/lib/modules/$(tools/kernels.sh 6.12)/build"
sparse_on debug "$(tools/vm/debug-kernel.sh)"

mapfile -t scripts < <(git ls-files '*.sh' tools/vm/initramfs-init .ci/run)
shellcheck -x -S warning -e SC1091 "${scripts[@]}" >"$log" 2>&1
result "shellcheck clean" "$log" $?

printf '#include <linux/xsctp.h>\n#include <linux/xsctp.h>\n' |
	gcc -std=c90 -pedantic -Wall -Werror -fsyntax-only -I uapi -x c - >"$log" 2>&1
result "uapi/linux/xsctp.h compiles alone, twice, as C90" "$log" $?

: >"$log"
for page in $(git ls-files 'Documentation/man/*.[0-9]'); do
	MANWIDTH=80 man --warnings -l "$page" 2>>"$log" >/dev/null
done
[ ! -s "$log" ]
result "man pages render without warnings" "$log" $?


: >"$log"
for page in $(git ls-files 'Documentation/*.rst'); do
	python3 - "$page" >>"$log" 2>&1 <<'PY' || echo "$page" >>"$log"
import sys, docutils.core
docutils.core.publish_string(open(sys.argv[1]).read(), writer_name="null",
                             settings_overrides={"halt_level": 2, "report_level": 2})
PY
done
[ ! -s "$log" ]
result "Documentation/*.rst renders without warnings" "$log" $?

python3 tools/conformance.py --check >"$log" 2>&1
result "Documentation/conformance.rst is what its status file says, every test it names exists" "$log" $?

echo "1..$n"
[ $failed -eq 0 ]
