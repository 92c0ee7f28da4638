#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Proves: Linux's sctp.ko gives the teardown results teardown.sh checks
# xsctp against. Leaves sctp.ko loaded, so the runner runs it after
# coexist.
LINUX=1 exec bash "$(dirname "$0")/teardown.sh"
