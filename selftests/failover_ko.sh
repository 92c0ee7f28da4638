#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Proves: failover.sh's checks hold on Linux's sctp.ko, the reference:
# with pf_expose 2, path_max_retrans 2, rto_max 1000 ms and hb_interval
# 1000 ms, a silent primary path mid-transfer gives ADDR_POTENTIALLY_FAILED
# then ADDR_UNREACHABLE, the data moves to the second path and all of it
# arrives; the path back gives ADDR_AVAILABLE and the data returns to the
# primary. Its outage and notification times are printed for comparison.
# Leaves sctp.ko loaded for good, so the runner runs it after coexist.
LINUX=1 exec bash "$(dirname "$0")/failover.sh"
