/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Reassembly and ordered delivery of received DATA (RFC 9260 6.5, 6.6 and
 * 6.9): fragments go in as they arrive, whole messages come out in stream
 * sequence, and a message too large for the receive buffer can be handed
 * over in pieces (partial delivery). Pure: no skbs, no locks, no memory of
 * its own; the caller allocates fragments and frees what it is given back.
 */
#ifndef _NET_XSCTP_REASM_H
#define _NET_XSCTP_REASM_H

#include <linux/list.h>
#include <linux/rbtree.h>
#include <linux/types.h>

/* A received DATA chunk's payload, owned by the reassembly queue once added. */
struct xsctp_frag {
	struct list_head node;
	struct rb_node rb;	/* private: indexes a waiting message's head */
	u32 tsn;
	u16 sid;
	u16 ssn;
	__be32 ppid;
	u8 flags;		/* XSCTP_DATA_BEGIN | _END | _UNORDERED (net/xsctp/chunk.h) */
	u32 len;		/* payload bytes in data[] */
	u8 data[];
};

struct xsctp_reasm {
	struct list_head frags;	/* fragments of incomplete messages, by TSN (serial arithmetic) */
	struct list_head ready;	/* complete ordered messages waiting for their SSN */
	u16 *next_ssn;		/* per inbound stream: the next SSN to deliver; caller's storage */
	u16 num_streams;
	u32 bytes;		/* payload bytes held, on every list: not yet popped */
	struct list_head deliver; /* complete messages pop can return now */
	struct rb_root waiting;	/* the first fragments on ready, by (sid, ssn) */
	/* The message being partially delivered, while @pd.active. */
	struct {
		bool active;
		u16 sid;
		u16 ssn;
		u8 flags;	/* of the last fragment taken: U, and E at the end */
		u32 tsn;	/* of the last fragment taken */
		struct list_head frags;	/* taken, not yet popped */
	} pd;
};

void xsctp_reasm_init(struct xsctp_reasm *r, u16 *next_ssn, u16 num_streams);
void xsctp_reasm_add(struct xsctp_reasm *r, struct xsctp_frag *f);
bool xsctp_reasm_pop(struct xsctp_reasm *r, struct list_head *msg, bool *eor);
bool xsctp_reasm_start_partial(struct xsctp_reasm *r);
void xsctp_reasm_purge(struct xsctp_reasm *r,
		       void (*free)(struct xsctp_frag *));

/* A partial delivery has started and not yet handed over its END. */
static inline bool xsctp_reasm_in_partial(const struct xsctp_reasm *r)
{
	return r->pd.active;
}

#endif /* _NET_XSCTP_REASM_H */
