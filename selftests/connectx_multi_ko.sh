#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Proves: connectx_multi.sh's checks hold on Linux's sctp.ko, the
# reference: the same setup through a later address, the same peer
# addresses, pruning and UNCONFIRMED state, the heartbeat that confirms
# that address (and none counted against the association while it goes
# unanswered), and ETIMEDOUT on the same T1 schedule; its times follow its own rto_initial (3 s) and it has no
# init_stagger. Leaves sctp.ko loaded for good, so the runner runs it
# after coexist.
LINUX=1 exec bash "$(dirname "$0")/connectx_multi.sh"
