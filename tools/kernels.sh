#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Print the newest installed Debian kernel release of a series.
# Usage: kernels.sh 6.12|6.1
set -euo pipefail

case ${1:-} in
6.12) pattern='6.12.*-amd64' ;;
6.1) pattern='6.1.0-*-amd64' ;;
*) echo "usage: $0 6.12|6.1" >&2; exit 2 ;;
esac
release=$(cd /lib/modules && ls -d $pattern 2>/dev/null |
	  while read -r r; do [ -e "$r/build/Makefile" ] && [ -e "/boot/vmlinuz-$r" ] && echo "$r"; done |
	  sort -V | tail -n1)
[ -n "$release" ] || { echo "kernels: no $1 kernel with headers installed (run tools/setup.sh)" >&2; exit 1; }
echo "$release"
