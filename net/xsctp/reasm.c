// SPDX-License-Identifier: GPL-2.0
/* Placeholder until the reasm branch lands: single-chunk messages only. */
#include <linux/slab.h>

#include <net/xsctp/chunk.h>
#include <net/xsctp/reasm.h>

void xsctp_reasm_init(struct xsctp_reasm *r, u16 *next_ssn, u16 num_streams)
{
	INIT_LIST_HEAD(&r->frags);
	INIT_LIST_HEAD(&r->ready);
	r->next_ssn = next_ssn;
	r->num_streams = num_streams;
	r->bytes = 0;
}

void xsctp_reasm_add(struct xsctp_reasm *r, struct xsctp_frag *f)
{
	list_add_tail(&f->node, &r->frags);
	r->bytes += f->len;
}

bool xsctp_reasm_pop(struct xsctp_reasm *r, struct list_head *msg, bool *eor)
{
	struct xsctp_frag *f = list_first_entry_or_null(&r->frags,
							struct xsctp_frag, node);

	if (!f)
		return false;
	list_move_tail(&f->node, msg);
	r->bytes -= f->len;
	*eor = true;
	return true;
}

bool xsctp_reasm_start_partial(struct xsctp_reasm *r)
{
	return false;
}

void xsctp_reasm_purge(struct xsctp_reasm *r, void (*free)(struct xsctp_frag *))
{
	struct xsctp_frag *f, *tmp;

	list_for_each_entry_safe(f, tmp, &r->frags, node) {
		list_del(&f->node);
		free(f);
	}
	r->bytes = 0;
}
