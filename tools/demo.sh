#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# `make demo`: build xsctp for stock Debian 6.12, boot it in a guest and
# show SCTP sockets being served by xsctp (tools/demo-guest.sh runs inside).
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
release=$(tools/kernels.sh 6.12)
make --no-print-directory -s modules TAG=6.12 KDIR="/lib/modules/$release/build"
echo "Booting Debian $release under QEMU..."
exec tools/vm/run.sh -k 6.12 -t 300 tools/demo-guest.sh build/6.12/xsctp.ko
