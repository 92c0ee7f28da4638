#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Proves: Linux's sctp.ko, the reference, answers collision.sh's exchanges
# (simultaneous open, INITs for an established association, a restart, a
# stale cookie) as xsctp does. Leaves sctp.ko loaded for good, so the
# runner runs it after coexist and oracle.
LINUX=1 exec bash "$(dirname "$0")/collision.sh"
