/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Path selection (design.md rule 4): which of an association's paths
 * carries new DATA, and which a retransmission. A policy is a pair of
 * functions over the association's paths; xsctp_path_default is RFC 9260
 * 6.4 with RFC 7829's potentially-failed state. Pure: they read path
 * states, error counts and RTTs, and change nothing. Called with the
 * association's socket locked.
 */
#ifndef _NET_XSCTP_PATH_H
#define _NET_XSCTP_PATH_H

#include <net/xsctp/assoc.h>

struct xsctp_path_policy {
	const char *name;
	/* The path for new DATA; NULL only without any path. */
	struct xsctp_path *(*for_data)(const struct xsctp_assoc *asoc);
	/* The path to send again what last went to @last. */
	struct xsctp_path *(*for_rtx)(const struct xsctp_assoc *asoc,
				      const struct xsctp_path *last);
};

extern const struct xsctp_path_policy xsctp_path_default;

struct xsctp_path *xsctp_path_reply_to(const struct xsctp_assoc *asoc,
				       struct xsctp_path *p);
void xsctp_path_cc_init(const struct xsctp_assoc *asoc, struct xsctp_path *p);
void xsctp_path_error(struct xsctp_assoc *asoc, struct xsctp_path *p);
void xsctp_path_up(struct xsctp_assoc *asoc, struct xsctp_path *p, int why);
u32 xsctp_path_t3_us(const struct xsctp_assoc *asoc,
		     const struct xsctp_path *p);
void xsctp_path_set_primary(struct xsctp_assoc *asoc, struct xsctp_path *p);

/* Where chunks that are not replies go: the path for new DATA. */
static inline struct xsctp_path *xsctp_path_for_ctrl(const struct xsctp_assoc *asoc)
{
	return asoc->policy->for_data(asoc);
}

#endif /* _NET_XSCTP_PATH_H */
