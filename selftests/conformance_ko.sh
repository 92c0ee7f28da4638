#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Proves: the conformance cases' expectations are RFC 9260's as Linux's
# sctp.ko reads it, or a documented non-conformance of sctp.ko (a case's
# linux note, which must still hold). Leaves sctp.ko loaded for good, so
# the runner runs it after coexist.
LINUX=1 exec bash "$(dirname "$0")/conformance.sh"
