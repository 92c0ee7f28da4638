/* SPDX-License-Identifier: GPL-2.0 */
/* Path MTU: from the route of each packet, lowered by ICMP (pmtu.c). */
#ifndef _NET_XSCTP_PMTU_H
#define _NET_XSCTP_PMTU_H

#include <net/xsctp/assoc.h>

struct xsctp_icmp;

/*
 * Linux's SCTP_DEFAULT_MINSEGMENT: no path is given less, whatever an
 * ICMP message claims; what does not fit is fragmented by IP.
 */
#define XSCTP_MIN_PMTU	512U

void xsctp_pmtu_from_route(struct xsctp_path *path, u32 mtu);
void xsctp_pmtu_icmp(struct xsctp_assoc *asoc, const struct xsctp_icmp *ic);

#endif /* _NET_XSCTP_PMTU_H */
