#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Proves: Linux's sctp.ko does SCTP over UDP as udp_encaps.sh shows xsctp
# doing, with the same programs. Leaves sctp.ko loaded, so the runner runs
# it after coexist.
LINUX=1 exec bash "$(dirname "$0")/udp_encaps.sh"
