#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Proves: the checked transfers, impairments and unmodified programs of
# transfer.sh behave on Linux's sctp.ko, the reference, as they must on
# xsctp. Leaves sctp.ko loaded for good, so the runner runs it after
# coexist.
LINUX=1 exec bash "$(dirname "$0")/transfer.sh"
