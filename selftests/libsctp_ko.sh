#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Proves: through Debian's libsctp and through xsctp's shim, Linux's
# sctp.ko gives the C program of libsctp.sh the same results as xsctp,
# but for the one documented difference (E2BIG). Leaves sctp.ko loaded
# for good, so the runner runs it after coexist.
LINUX=1 exec bash "$(dirname "$0")/libsctp.sh"
