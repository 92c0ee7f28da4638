// SPDX-License-Identifier: GPL-2.0
/*
 * Reassembly and ordered delivery. Every fragment held is on one list:
 *
 *   frags     incomplete messages, sorted by TSN;
 *   ready     complete ordered messages whose SSN is not yet their stream's
 *             next; their first fragments are also in the waiting tree,
 *             keyed by (sid, ssn), so a delivery finds its stream's next
 *             message without a scan;
 *   deliver   complete messages pop can return, in the order they became
 *             deliverable;
 *   pd.frags  the partially delivered message's fragments not yet popped.
 *
 * On ready and deliver each message's fragments are adjacent, in TSN
 * order. A fragment belongs to the message of the one before it only when
 * their TSNs are consecutive and all else agrees (follows()); a message is
 * a chain of such fragments from a BEGIN to an END. Whatever never forms
 * one stays held until the caller purges it: a peer that sends nonsense
 * fills its own receive window, never the user's socket.
 */
#include <kunit/visibility.h>
#include <linux/export.h>
#include <linux/string.h>

#include <net/xsctp/chunk.h>
#include <net/xsctp/reasm.h>
#include <net/xsctp/serial.h>

static bool unordered(u8 flags)
{
	return flags & XSCTP_DATA_UNORDERED;
}

/* Can @next carry on a message whose last fragment had these values? */
static bool follows(u32 tsn, u16 sid, u16 ssn, u8 flags,
		    const struct xsctp_frag *next)
{
	if ((flags & XSCTP_DATA_END) || (next->flags & XSCTP_DATA_BEGIN))
		return false;
	if (next->tsn != tsn + 1 || next->sid != sid ||
	    unordered(flags) != unordered(next->flags))
		return false;
	/* An unordered fragment's SSN has no meaning (RFC 9260 3.3.1). */
	return unordered(flags) || next->ssn == ssn;
}

static bool adjacent(const struct xsctp_frag *f, const struct xsctp_frag *next)
{
	return follows(f->tsn, f->sid, f->ssn, f->flags, next);
}

static bool pd_follows(const struct xsctp_reasm *r,
		       const struct xsctp_frag *next)
{
	return follows(r->pd.tsn, r->pd.sid, r->pd.ssn, r->pd.flags, next);
}

/* Is @f's message the next one its stream may deliver? */
static bool in_sequence(const struct xsctp_reasm *r, const struct xsctp_frag *f)
{
	if (unordered(f->flags))
		return true;
	return f->sid < r->num_streams && f->ssn == r->next_ssn[f->sid];
}

static struct xsctp_frag *next_on(struct list_head *list, struct xsctp_frag *f)
{
	return list_is_last(&f->node, list) ? NULL : list_next_entry(f, node);
}

static struct xsctp_frag *prev_on(struct list_head *list, struct xsctp_frag *f)
{
	return list_is_first(&f->node, list) ? NULL : list_prev_entry(f, node);
}

/* The END of the message that starts at @first on @list. */
static struct xsctp_frag *msg_end(struct list_head *list,
				  struct xsctp_frag *first)
{
	struct xsctp_frag *f = first;

	while (!(f->flags & XSCTP_DATA_END) && !list_is_last(&f->node, list))
		f = list_next_entry(f, node);
	return f;
}

static u32 key(u16 sid, u16 ssn)
{
	return (u32)sid << 16 | ssn;
}

static u32 frag_key(const struct rb_node *n)
{
	const struct xsctp_frag *f = rb_entry(n, struct xsctp_frag, rb);

	return key(f->sid, f->ssn);
}

static bool key_less(struct rb_node *a, const struct rb_node *b)
{
	return frag_key(a) < frag_key(b);
}

static int key_cmp(const void *k, const struct rb_node *n)
{
	u32 a = *(const u32 *)k, b = frag_key(n);

	return a < b ? -1 : a > b;
}

/* The whole message @first .. @last, on some list, waits for its SSN. */
static void to_waiting(struct xsctp_reasm *r, struct xsctp_frag *first,
		       struct xsctp_frag *last)
{
	list_bulk_move_tail(&r->ready, &first->node, &last->node);
	rb_add(&first->rb, &r->waiting, key_less);
}

/* A whole message leaves frags: to be popped, or to wait for its SSN. */
static void place_msg(struct xsctp_reasm *r, struct xsctp_frag *first,
		      struct xsctp_frag *last)
{
	if (in_sequence(r, first))
		list_bulk_move_tail(&r->deliver, &first->node, &last->node);
	else
		to_waiting(r, first, last);
}

/*
 * Does @f, just put on frags, complete a message? Looking forward first
 * keeps in-order arrival cheap: @f is then the tail, so only an END looks
 * back, once per message.
 */
static void try_complete(struct xsctp_reasm *r, struct xsctp_frag *f)
{
	struct xsctp_frag *first = f, *last = f, *p;

	while (!(last->flags & XSCTP_DATA_END)) {
		p = next_on(&r->frags, last);
		if (!p || !adjacent(last, p))
			return;
		last = p;
	}
	while (!(first->flags & XSCTP_DATA_BEGIN)) {
		p = prev_on(&r->frags, first);
		if (!p || !adjacent(p, first))
			return;
		first = p;
	}
	place_msg(r, first, last);
}

/* Most arrivals are in order: the search starts at the tail. */
static void insert_by_tsn(struct list_head *list, struct xsctp_frag *f)
{
	struct list_head *pos = list->prev;

	while (pos != list &&
	       xsctp_tsn_lt(f->tsn, list_entry(pos, struct xsctp_frag, node)->tsn))
		pos = pos->prev;
	list_add(&f->node, pos);
}

/* Move @f, and the fragments on frags that carry on from it, into the PD. */
static void pd_take(struct xsctp_reasm *r, struct xsctp_frag *f)
{
	struct xsctp_frag *next;

	for (;;) {
		next = next_on(&r->frags, f);
		list_move_tail(&f->node, &r->pd.frags);
		r->pd.tsn = f->tsn;
		r->pd.flags = f->flags;
		if (!next || !pd_follows(r, next))
			return;
		f = next;
	}
}

/**
 * xsctp_reasm_init() - start with nothing held
 * @r: the reassembly queue
 * @next_ssn: per inbound stream, the next SSN to deliver; the caller's
 *	storage, used as it is (zeroes for a new association)
 * @num_streams: the number of inbound streams, entries in @next_ssn
 */
void xsctp_reasm_init(struct xsctp_reasm *r, u16 *next_ssn, u16 num_streams)
{
	memset(r, 0, sizeof(*r));
	INIT_LIST_HEAD(&r->frags);
	INIT_LIST_HEAD(&r->ready);
	INIT_LIST_HEAD(&r->deliver);
	INIT_LIST_HEAD(&r->pd.frags);
	r->waiting = RB_ROOT;
	r->next_ssn = next_ssn;
	r->num_streams = num_streams;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_reasm_init);

/**
 * xsctp_reasm_add() - hold a new fragment until its message can be delivered
 * @r: the reassembly queue
 * @f: the fragment, whose ownership passes to @r; its list and tree nodes
 *	need no initialisation
 *
 * The caller has checked that @f->tsn is new (a TSN map does that) and
 * that @f->sid is one of the inbound streams. Fragments that never form a
 * valid message are held, never delivered, until xsctp_reasm_purge().
 *
 * In-order arrival costs O(1) amortised; an out-of-order one, the distance
 * from the newest TSN plus the run of fragments it joins.
 */
void xsctp_reasm_add(struct xsctp_reasm *r, struct xsctp_frag *f)
{
	r->bytes += f->len;
	insert_by_tsn(&r->frags, f);
	if (r->pd.active && pd_follows(r, f))
		pd_take(r, f);
	else
		try_complete(r, f);
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_reasm_add);

/*
 * The first message on deliver still in sequence. Only a peer sending two
 * messages with the same stream and SSN makes one stale: it waits again,
 * for the SSN to come round.
 */
static struct xsctp_frag *deliver_head(struct xsctp_reasm *r)
{
	struct xsctp_frag *f;

	while (!list_empty(&r->deliver)) {
		f = list_first_entry(&r->deliver, struct xsctp_frag, node);
		if (in_sequence(r, f))
			return f;
		to_waiting(r, f, msg_end(&r->deliver, f));
	}
	return NULL;
}

/* A message of @sid was delivered: its successor may be waiting. */
static void advance(struct xsctp_reasm *r, u16 sid)
{
	u32 k = key(sid, ++r->next_ssn[sid]);
	struct xsctp_frag *f;
	struct rb_node *n;

	n = rb_find(&k, &r->waiting, key_cmp);
	if (!n)
		return;
	rb_erase(n, &r->waiting);
	f = rb_entry(n, struct xsctp_frag, rb);
	list_bulk_move_tail(&r->deliver, &f->node, &msg_end(&r->ready, f)->node);
}

static void uncount(struct xsctp_reasm *r, struct xsctp_frag *first,
		    struct xsctp_frag *last)
{
	struct xsctp_frag *f = first;

	r->bytes -= f->len;
	while (f != last) {
		f = list_next_entry(f, node);
		r->bytes -= f->len;
	}
}

static bool pd_pop(struct xsctp_reasm *r, struct list_head *msg, bool *eor)
{
	if (list_empty(&r->pd.frags))
		return false;
	uncount(r, list_first_entry(&r->pd.frags, struct xsctp_frag, node),
		list_last_entry(&r->pd.frags, struct xsctp_frag, node));
	list_splice_tail_init(&r->pd.frags, msg);
	*eor = r->pd.flags & XSCTP_DATA_END;
	if (*eor) {
		r->pd.active = false;
		if (!unordered(r->pd.flags))
			advance(r, r->pd.sid);
	}
	return true;
}

/**
 * xsctp_reasm_pop() - take the next message the user may read
 * @r: the reassembly queue
 * @msg: an initialised list; the message's fragments are added at its tail,
 *	in TSN order, and belong to the caller from then on
 * @eor: set to false when this is not the end of the message: a partial
 *	delivery hands over what has arrived, contiguously, in several pops
 *
 * Unordered messages come out once complete, ordered ones in stream
 * sequence, each stream on its own. While a partial delivery is on, only
 * its message's fragments come out.
 *
 * Return: whether anything was taken.
 */
bool xsctp_reasm_pop(struct xsctp_reasm *r, struct list_head *msg, bool *eor)
{
	struct xsctp_frag *first, *last;
	bool ordered;
	u16 sid;

	if (r->pd.active)
		return pd_pop(r, msg, eor);
	first = deliver_head(r);
	if (!first)
		return false;
	last = msg_end(&r->deliver, first);
	ordered = !unordered(first->flags);
	sid = first->sid;
	uncount(r, first, last);
	list_bulk_move_tail(msg, &first->node, &last->node);
	*eor = true;
	if (ordered)
		advance(r, sid);
	return true;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_reasm_pop);

/**
 * xsctp_reasm_start_partial() - deliver the next incomplete message in pieces
 * @r: the reassembly queue
 *
 * For a receiver whose buffer is full of fragments it cannot deliver (RFC
 * 9260 6.6). The message chosen is the one with the lowest TSN among those
 * whose BEGIN has arrived and that are next in their stream (or unordered).
 * The following pops return its fragments as they arrive, contiguously;
 * every other message waits until the pop that returns its END.
 *
 * Return: true if a partial delivery started; false when one is already
 * on, when a whole message can be popped (pop it first), or when no
 * message qualifies.
 */
bool xsctp_reasm_start_partial(struct xsctp_reasm *r)
{
	struct xsctp_frag *f;

	if (r->pd.active || deliver_head(r))
		return false;
	list_for_each_entry(f, &r->frags, node) {
		if (!(f->flags & XSCTP_DATA_BEGIN) || !in_sequence(r, f))
			continue;
		r->pd.active = true;
		r->pd.sid = f->sid;
		r->pd.ssn = f->ssn;
		pd_take(r, f);
		return true;
	}
	return false;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_reasm_start_partial);

static void free_list(struct list_head *list, void (*free)(struct xsctp_frag *))
{
	struct xsctp_frag *f, *tmp;

	list_for_each_entry_safe(f, tmp, list, node) {
		list_del(&f->node);
		free(f);
	}
}

/**
 * xsctp_reasm_purge() - drop everything held
 * @r: the reassembly queue, left empty and usable
 * @free: called once for each fragment held
 *
 * A partial delivery in progress ends without its END (the caller tells
 * the user, e.g. SCTP_PARTIAL_DELIVERY_ABORTED, before purging); the
 * next SSNs are left as they are.
 */
void xsctp_reasm_purge(struct xsctp_reasm *r, void (*free)(struct xsctp_frag *))
{
	free_list(&r->frags, free);
	free_list(&r->ready, free);
	free_list(&r->deliver, free);
	free_list(&r->pd.frags, free);
	r->waiting = RB_ROOT;
	r->bytes = 0;
	r->pd.active = false;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_reasm_purge);
