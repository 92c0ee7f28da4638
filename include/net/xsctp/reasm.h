/* SPDX-License-Identifier: GPL-2.0 */
/* Placeholder of the reasm branch's header (same API), replaced at merge. */
#ifndef _NET_XSCTP_REASM_H
#define _NET_XSCTP_REASM_H

#include <linux/list.h>
#include <linux/types.h>

struct xsctp_frag {
	struct list_head node;
	u32 tsn;
	u16 sid;
	u16 ssn;
	__be32 ppid;
	u8 flags;
	u32 len;
	u8 data[];
};

struct xsctp_reasm {
	struct list_head frags;
	struct list_head ready;
	u16 *next_ssn;
	u16 num_streams;
	u32 bytes;
};

void xsctp_reasm_init(struct xsctp_reasm *r, u16 *next_ssn, u16 num_streams);
void xsctp_reasm_add(struct xsctp_reasm *r, struct xsctp_frag *f);
bool xsctp_reasm_pop(struct xsctp_reasm *r, struct list_head *msg, bool *eor);
bool xsctp_reasm_start_partial(struct xsctp_reasm *r);
void xsctp_reasm_purge(struct xsctp_reasm *r, void (*free)(struct xsctp_frag *));

#endif /* _NET_XSCTP_REASM_H */
