#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Proves: Linux's sctp.ko gives the same peel-off results as peeloff.sh
# shows for xsctp. Leaves sctp.ko loaded, so the runner runs it after
# coexist.
LINUX=1 exec bash "$(dirname "$0")/peeloff.sh"
