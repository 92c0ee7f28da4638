#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Proves: unmodified sctp_darn -c and sctp_test set associations up and
# read their notifications on Linux's sctp.ko as lksctp_tools.sh shows
# they do on xsctp. Leaves sctp.ko loaded for good, so the runner runs it
# after coexist.
LINUX=1 exec bash "$(dirname "$0")/lksctp_tools.sh"
