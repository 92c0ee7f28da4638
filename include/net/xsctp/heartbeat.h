/* SPDX-License-Identifier: GPL-2.0 */
/*
 * HEARTBEATs of our own (RFC 9260 8.3, 5.4; RFC 7829): they confirm the
 * peer's addresses we did not give ourselves, probe idle and potentially
 * failed paths, and measure their round trips. Each path keeps its next
 * heartbeat's time; one association timer runs to the earliest. Called
 * with the association's socket locked.
 */
#ifndef _NET_XSCTP_HEARTBEAT_H
#define _NET_XSCTP_HEARTBEAT_H

#include <net/xsctp/assoc.h>

struct xsctp_chunk;
struct xsctp_rx;

void xsctp_hb_start(struct xsctp_assoc *asoc);
void xsctp_hb_stop(struct xsctp_assoc *asoc);
void xsctp_hb_params_changed(struct xsctp_assoc *asoc, struct xsctp_path *p);
void xsctp_hb_demand(struct xsctp_assoc *asoc, struct xsctp_path *p);
void xsctp_hb_ack_rcv(struct xsctp_assoc *asoc, const struct xsctp_chunk *c);
void xsctp_hb_fired(struct timer_list *t);

#endif /* _NET_XSCTP_HEARTBEAT_H */
