#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Proves: the path MTU checks of pmtu.sh hold on Linux's sctp.ko, the
# reference: the same MTU and fragmentation point after the same ICMP.
# Leaves sctp.ko loaded for good, so the runner runs it after coexist.
LINUX=1 exec bash "$(dirname "$0")/pmtu.sh"
