// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: reassembly and ordered delivery. Directed cases for ordering,
 * streams, unordered messages, wrap of TSNs and SSNs, partial delivery and
 * hostile input; then random messages, fragmented and shuffled, against a
 * naive model that knows which messages are deliverable at every step.
 *
 * Every fragment's length and payload follow from its TSN (frag_len(),
 * its low byte repeated), so whatever comes out is checked for being what
 * went in.
 */
#include <kunit/test.h>
#include <linux/prandom.h>
#include <linux/slab.h>

#include <net/xsctp/chunk.h>
#include <net/xsctp/reasm.h>

#define B	XSCTP_DATA_BEGIN
#define E	XSCTP_DATA_END
#define U	XSCTP_DATA_UNORDERED
#define STREAMS	8

struct fixture {
	struct xsctp_reasm r;
	u16 next_ssn[STREAMS];
};

/* Fragments the queue gave back to xsctp_reasm_purge()'s callback. */
static unsigned int freed;

static void free_frag(struct xsctp_frag *f)
{
	freed++;
	kfree(f);
}

static void purge_action(void *r)
{
	xsctp_reasm_purge(r, free_frag);
}

/* A queue that is purged at the end of the test, whatever happens. */
static struct xsctp_reasm *setup(struct kunit *test, u16 num_streams)
{
	struct fixture *fx = kunit_kzalloc(test, sizeof(*fx), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, fx);
	xsctp_reasm_init(&fx->r, fx->next_ssn, num_streams);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, purge_action,
							&fx->r), 0);
	freed = 0;
	return &fx->r;
}

/* Zero now and then: empty DATA chunks are the caller's business. */
static u32 frag_len(u32 tsn)
{
	return (tsn * 5) % 11;
}

static void add(struct kunit *test, struct xsctp_reasm *r, u32 tsn, u16 sid,
		u16 ssn, u8 flags)
{
	struct xsctp_frag *f;
	u32 len = frag_len(tsn);

	f = kmalloc(struct_size(f, data, len), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, f);
	f->tsn = tsn;
	f->sid = sid;
	f->ssn = ssn;
	f->ppid = cpu_to_be32(tsn);
	f->flags = flags;
	f->len = len;
	memset(f->data, (u8)tsn, len);
	xsctp_reasm_add(r, f);
}

/* What one pop gave, after checking that its fragments hang together. */
struct got {
	bool ok;
	bool eor;
	bool begin;		/* the first fragment is a BEGIN */
	u32 tsn;		/* of the first fragment */
	u16 sid;
	u16 ssn;
	u8 flags;
	unsigned int nfrags;
	u32 len;
};

static void check_frag(struct kunit *test, const struct got *g,
		       const struct xsctp_frag *f, bool last)
{
	KUNIT_EXPECT_EQ(test, f->tsn, g->tsn + g->nfrags);
	KUNIT_EXPECT_EQ(test, f->sid, g->sid);
	KUNIT_EXPECT_EQ(test, f->flags & U, g->flags & U);
	if (!(g->flags & U))
		KUNIT_EXPECT_EQ(test, f->ssn, g->ssn);
	if (g->nfrags)
		KUNIT_EXPECT_FALSE(test, f->flags & B);
	KUNIT_EXPECT_EQ(test, !!(f->flags & E), last && g->eor);
	KUNIT_EXPECT_EQ(test, f->len, frag_len(f->tsn));
	KUNIT_EXPECT_EQ(test, be32_to_cpu(f->ppid), f->tsn);
	KUNIT_EXPECT_NULL(test, memchr_inv(f->data, (u8)f->tsn, f->len));
}

static struct got pop(struct kunit *test, struct xsctp_reasm *r)
{
	struct xsctp_frag *f, *tmp;
	struct got g = {};
	LIST_HEAD(msg);

	g.ok = xsctp_reasm_pop(r, &msg, &g.eor);
	if (!g.ok) {
		KUNIT_EXPECT_TRUE(test, list_empty(&msg));
		return g;
	}
	KUNIT_ASSERT_FALSE(test, list_empty(&msg));
	f = list_first_entry(&msg, struct xsctp_frag, node);
	g.tsn = f->tsn;
	g.sid = f->sid;
	g.ssn = f->ssn;
	g.flags = f->flags;
	g.begin = f->flags & B;
	list_for_each_entry_safe(f, tmp, &msg, node) {
		check_frag(test, &g, f, list_is_last(&f->node, &msg));
		g.nfrags++;
		g.len += f->len;
		list_del(&f->node);
		kfree(f);
	}
	return g;
}

/* The next pop gives the whole message at @tsn, of @nfrags fragments. */
static void expect_msg(struct kunit *test, struct xsctp_reasm *r, u32 tsn,
		       unsigned int nfrags)
{
	struct got g = pop(test, r);

	KUNIT_ASSERT_TRUE(test, g.ok);
	KUNIT_EXPECT_EQ(test, g.tsn, tsn);
	KUNIT_EXPECT_EQ(test, g.nfrags, nfrags);
	KUNIT_EXPECT_TRUE(test, g.begin);
	KUNIT_EXPECT_TRUE(test, g.eor);
}

static void expect_nothing(struct kunit *test, struct xsctp_reasm *r)
{
	KUNIT_EXPECT_FALSE(test, pop(test, r).ok);
}

static void single_fragments_in_order(struct kunit *test)
{
	struct xsctp_reasm *r = setup(test, 1);
	u16 i;

	for (i = 0; i < 5; i++) {
		add(test, r, 100 + i, 0, i, B | E);
		KUNIT_EXPECT_EQ(test, r->bytes, frag_len(100 + i));
		expect_msg(test, r, 100 + i, 1);
		KUNIT_EXPECT_EQ(test, r->next_ssn[0], i + 1);
		expect_nothing(test, r);
	}
	KUNIT_EXPECT_EQ(test, r->bytes, 0U);
}

static void ssn_out_of_order(struct kunit *test)
{
	struct xsctp_reasm *r = setup(test, 1);

	/* SSNs 0, 1, 2 in TSNs 10, 11, 12, arriving backwards. */
	add(test, r, 12, 0, 2, B | E);
	expect_nothing(test, r);
	add(test, r, 11, 0, 1, B | E);
	expect_nothing(test, r);
	KUNIT_EXPECT_EQ(test, r->bytes, frag_len(11) + frag_len(12));
	add(test, r, 10, 0, 0, B | E);
	expect_msg(test, r, 10, 1);
	expect_msg(test, r, 11, 1);
	expect_msg(test, r, 12, 1);
	expect_nothing(test, r);
	KUNIT_EXPECT_EQ(test, r->next_ssn[0], 3);
	/* In order but not popped in between: they queue up. */
	add(test, r, 13, 0, 3, B | E);
	add(test, r, 14, 0, 4, B | E);
	add(test, r, 15, 0, 5, B | E);
	expect_msg(test, r, 13, 1);
	expect_msg(test, r, 14, 1);
	expect_msg(test, r, 15, 1);
	expect_nothing(test, r);
	KUNIT_EXPECT_EQ(test, r->bytes, 0U);
}

static void streams_independent(struct kunit *test)
{
	struct xsctp_reasm *r = setup(test, 2);

	/* Stream 0's SSN 0 (TSN 1) is late; stream 1 is not held up. */
	add(test, r, 2, 0, 1, B | E);
	add(test, r, 3, 1, 0, B | E);
	expect_msg(test, r, 3, 1);
	add(test, r, 4, 1, 1, B | E);
	expect_msg(test, r, 4, 1);
	expect_nothing(test, r);
	KUNIT_EXPECT_EQ(test, r->next_ssn[0], 0);
	KUNIT_EXPECT_EQ(test, r->next_ssn[1], 2);
	add(test, r, 1, 0, 0, B | E);
	expect_msg(test, r, 1, 1);
	expect_msg(test, r, 2, 1);
	expect_nothing(test, r);
	KUNIT_EXPECT_EQ(test, r->next_ssn[0], 2);
}

static void unordered_at_once(struct kunit *test)
{
	struct xsctp_reasm *r = setup(test, 1);

	/* SSN 0 is missing; unordered messages pass it, whatever their SSN. */
	add(test, r, 2, 0, 1, B | E);
	add(test, r, 3, 0, 77, U | B | E);
	expect_msg(test, r, 3, 1);
	/* An unordered message's fragments need not agree on the SSN. */
	add(test, r, 5, 0, 9, U | E);
	add(test, r, 4, 0, 8, U | B);
	expect_msg(test, r, 4, 2);
	expect_nothing(test, r);
	KUNIT_EXPECT_EQ(test, r->next_ssn[0], 0);
}

static bool next_permutation(u32 *a, int n)
{
	int i = n - 2, j = n - 1;

	while (i >= 0 && a[i] >= a[i + 1])
		i--;
	if (i < 0)
		return false;
	while (a[j] <= a[i])
		j--;
	swap(a[i], a[j]);
	for (i++, j = n - 1; i < j; i++, j--)
		swap(a[i], a[j]);
	return true;
}

static void fragments_in_any_order(struct kunit *test)
{
	struct xsctp_reasm *r = setup(test, 2);
	u32 order[5] = { 0, 1, 2, 3, 4 };
	unsigned int perms = 0;
	int i;

	/* Every one of the 120 arrival orders of a five-fragment message. */
	do {
		for (i = 0; i < 5; i++) {
			u8 flags = (order[i] == 0 ? B : 0) | (order[i] == 4 ? E : 0);

			expect_nothing(test, r);
			add(test, r, 1000 + order[i], 1, 0, flags);
		}
		expect_msg(test, r, 1000, 5);
		expect_nothing(test, r);
		KUNIT_ASSERT_EQ(test, r->bytes, 0U);
		r->next_ssn[1] = 0;
		perms++;
	} while (next_permutation(order, 5));
	KUNIT_EXPECT_EQ(test, perms, 120U);
}

static void tsn_wrap(struct kunit *test)
{
	struct xsctp_reasm *r = setup(test, 2);

	add(test, r, 1, 0, 0, E);
	add(test, r, 0xffffffff, 0, 0, 0);
	add(test, r, 0, 0, 0, 0);
	expect_nothing(test, r);
	add(test, r, 0xfffffffe, 0, 0, B);
	expect_msg(test, r, 0xfffffffe, 4);
	/* Single fragments across the wrap, the later ones first. */
	add(test, r, 0xfffffff0, 1, 1, B | E);
	add(test, r, 5, 1, 2, B | E);
	add(test, r, 0xffffffef, 1, 0, B | E);
	expect_msg(test, r, 0xffffffef, 1);
	expect_msg(test, r, 0xfffffff0, 1);
	expect_msg(test, r, 5, 1);
	expect_nothing(test, r);
	KUNIT_EXPECT_EQ(test, r->bytes, 0U);
}

static void ssn_wrap(struct kunit *test)
{
	struct xsctp_reasm *r = setup(test, 1);

	r->next_ssn[0] = 0xfffe;
	add(test, r, 4, 0, 1, B | E);
	add(test, r, 3, 0, 0, B | E);
	add(test, r, 2, 0, 0xffff, B | E);
	expect_nothing(test, r);
	add(test, r, 1, 0, 0xfffe, B | E);
	expect_msg(test, r, 1, 1);
	KUNIT_EXPECT_EQ(test, r->next_ssn[0], 0xffff);
	expect_msg(test, r, 2, 1);
	KUNIT_EXPECT_EQ(test, r->next_ssn[0], 0);
	expect_msg(test, r, 3, 1);
	expect_msg(test, r, 4, 1);
	expect_nothing(test, r);
	KUNIT_EXPECT_EQ(test, r->next_ssn[0], 2);
}

static void partial_delivery(struct kunit *test)
{
	struct xsctp_reasm *r = setup(test, 3);
	struct got g;

	/* Stream 0, SSN 0 in TSNs 1-5; its successor SSN 1 is TSN 6. */
	KUNIT_EXPECT_FALSE(test, xsctp_reasm_start_partial(r));
	add(test, r, 2, 0, 0, 0);
	KUNIT_EXPECT_FALSE(test, xsctp_reasm_start_partial(r));	/* no BEGIN */
	add(test, r, 1, 0, 0, B);
	add(test, r, 4, 0, 0, 0);
	add(test, r, 6, 0, 1, B | E);
	expect_nothing(test, r);
	KUNIT_ASSERT_TRUE(test, xsctp_reasm_start_partial(r));
	KUNIT_EXPECT_TRUE(test, xsctp_reasm_in_partial(r));
	KUNIT_EXPECT_FALSE(test, xsctp_reasm_start_partial(r));	/* already */
	g = pop(test, r);
	KUNIT_ASSERT_TRUE(test, g.ok);
	KUNIT_EXPECT_EQ(test, g.tsn, 1U);
	KUNIT_EXPECT_EQ(test, g.nfrags, 2U);
	KUNIT_EXPECT_TRUE(test, g.begin);
	KUNIT_EXPECT_FALSE(test, g.eor);
	KUNIT_EXPECT_EQ(test, r->bytes, frag_len(4) + frag_len(6));
	/* A whole message of another stream waits for the PD to end. */
	add(test, r, 7, 1, 0, B | E);
	expect_nothing(test, r);
	/* Right TSN, wrong stream: not part of it. */
	add(test, r, 3, 2, 0, 0);
	expect_nothing(test, r);
	KUNIT_EXPECT_EQ(test, r->next_ssn[0], 0);
	xsctp_reasm_purge(r, free_frag);
	KUNIT_EXPECT_EQ(test, freed, 4U);
	KUNIT_EXPECT_FALSE(test, xsctp_reasm_in_partial(r));

	/* Again, with TSN 3 right this time: 3-4, then the END alone. */
	add(test, r, 1, 0, 0, B);
	add(test, r, 2, 0, 0, 0);
	KUNIT_ASSERT_TRUE(test, xsctp_reasm_start_partial(r));
	g = pop(test, r);
	KUNIT_EXPECT_EQ(test, g.nfrags, 2U);
	add(test, r, 6, 0, 1, B | E);
	add(test, r, 7, 1, 0, B | E);
	add(test, r, 4, 0, 0, 0);
	expect_nothing(test, r);
	add(test, r, 3, 0, 0, 0);
	g = pop(test, r);
	KUNIT_EXPECT_EQ(test, g.tsn, 3U);
	KUNIT_EXPECT_EQ(test, g.nfrags, 2U);
	KUNIT_EXPECT_FALSE(test, g.begin);
	KUNIT_EXPECT_FALSE(test, g.eor);
	add(test, r, 5, 0, 0, E);
	g = pop(test, r);
	KUNIT_EXPECT_EQ(test, g.tsn, 5U);
	KUNIT_EXPECT_EQ(test, g.nfrags, 1U);
	KUNIT_EXPECT_TRUE(test, g.eor);
	KUNIT_EXPECT_FALSE(test, xsctp_reasm_in_partial(r));
	KUNIT_EXPECT_EQ(test, r->next_ssn[0], 1);
	/* Then what waited: stream 1's message and stream 0's SSN 1. */
	g = pop(test, r);
	KUNIT_EXPECT_TRUE(test, g.ok && g.eor && g.nfrags == 1);
	g = pop(test, r);
	KUNIT_EXPECT_TRUE(test, g.ok && g.eor && g.nfrags == 1);
	expect_nothing(test, r);
	KUNIT_EXPECT_EQ(test, r->next_ssn[0], 2);
	KUNIT_EXPECT_EQ(test, r->bytes, 0U);
}

static void partial_delivery_choice(struct kunit *test)
{
	struct xsctp_reasm *r = setup(test, 3);
	struct got g;

	add(test, r, 5, 0, 1, B);		/* not next in its stream */
	add(test, r, 8, 0, 0, U | B);		/* unordered */
	add(test, r, 10, 1, 0, B);		/* next in stream 1 */
	add(test, r, 12, 2, 0, B | E);		/* whole: pop it first */
	KUNIT_EXPECT_FALSE(test, xsctp_reasm_start_partial(r));
	expect_msg(test, r, 12, 1);
	/* The lowest TSN that qualifies. */
	KUNIT_ASSERT_TRUE(test, xsctp_reasm_start_partial(r));
	g = pop(test, r);
	KUNIT_EXPECT_EQ(test, g.tsn, 8U);
	KUNIT_EXPECT_FALSE(test, g.eor);
	add(test, r, 9, 0, 3, U | E);
	g = pop(test, r);
	KUNIT_EXPECT_EQ(test, g.tsn, 9U);
	KUNIT_EXPECT_TRUE(test, g.eor);
	/* An unordered PD leaves the SSNs alone. */
	KUNIT_EXPECT_EQ(test, r->next_ssn[0], 0);
	KUNIT_ASSERT_TRUE(test, xsctp_reasm_start_partial(r));
	g = pop(test, r);
	KUNIT_EXPECT_EQ(test, g.tsn, 10U);
	KUNIT_EXPECT_EQ(test, g.sid, 1);
	expect_nothing(test, r);
}

static void hostile_input(struct kunit *test)
{
	struct xsctp_reasm *r = setup(test, STREAMS);
	u32 held = 0;
	int i;

	/* A BEGIN in the middle starts a message of its own: 3-4. */
	add(test, r, 1, 0, 0, B);
	add(test, r, 2, 0, 0, 0);
	add(test, r, 3, 0, 0, B);
	add(test, r, 4, 0, 0, E);
	expect_msg(test, r, 3, 2);
	held += frag_len(1) + frag_len(2);
	/* Fragments that disagree never join. */
	add(test, r, 10, 1, 0, B);		/* stream changes */
	add(test, r, 11, 2, 0, E);
	add(test, r, 20, 3, 0, B);		/* SSN changes */
	add(test, r, 21, 3, 1, E);
	add(test, r, 30, 4, 0, U | B);		/* U flag changes */
	add(test, r, 31, 4, 0, E);
	add(test, r, 40, 5, 0, E);		/* END without BEGIN */
	add(test, r, 41, 5, 0, 0);
	add(test, r, 42, 5, 0, E);
	add(test, r, 50, 5, 0, B | E);		/* E then B: two messages */
	expect_msg(test, r, 50, 1);
	for (i = 10; i <= 42; i++)
		if (i % 10 <= 2 && i != 12 && i != 22 && i != 32)
			held += frag_len(i);
	expect_nothing(test, r);
	KUNIT_EXPECT_EQ(test, r->bytes, held);
	/* A TSN the caller should have filtered: delivered once only. */
	add(test, r, 60, 6, 0, B | E);
	add(test, r, 60, 6, 0, B | E);
	expect_msg(test, r, 60, 1);
	expect_nothing(test, r);
	held += frag_len(60);
	/* A thousand fragments with no message in them. */
	for (i = 0; i < 1000; i++) {
		add(test, r, 1000 + 2 * i, i % STREAMS, i, i % 3 ? 0 : E);
		held += frag_len(1000 + 2 * i);
	}
	expect_nothing(test, r);
	KUNIT_EXPECT_EQ(test, r->bytes, held);
	/* Stream 1's BEGIN at TSN 10 is next in line, alone. */
	KUNIT_ASSERT_TRUE(test, xsctp_reasm_start_partial(r));
	KUNIT_EXPECT_EQ(test, pop(test, r).tsn, 10U);
	expect_nothing(test, r);
	held -= frag_len(10);
	KUNIT_EXPECT_EQ(test, r->bytes, held);
	xsctp_reasm_purge(r, free_frag);
	KUNIT_EXPECT_EQ(test, freed, 2U + 8 + 1 + 1000);
	KUNIT_EXPECT_EQ(test, r->bytes, 0U);
}

static void bytes_accounting(struct kunit *test)
{
	struct xsctp_reasm *r = setup(test, 2);
	u32 tsn;

	/* Three messages of 3 fragments; the middle one's arrives first. */
	for (tsn = 4; tsn <= 6; tsn++)
		add(test, r, tsn, 0, 1, tsn == 4 ? B : tsn == 6 ? E : 0);
	KUNIT_EXPECT_EQ(test, r->bytes, frag_len(4) + frag_len(5) + frag_len(6));
	add(test, r, 1, 0, 0, B);
	add(test, r, 3, 0, 0, E);
	add(test, r, 7, 1, 0, B);
	KUNIT_EXPECT_EQ(test, r->bytes,
			frag_len(1) + frag_len(3) + frag_len(4) + frag_len(5) +
			frag_len(6) + frag_len(7));
	add(test, r, 2, 0, 0, 0);
	expect_msg(test, r, 1, 3);
	KUNIT_EXPECT_EQ(test, r->bytes,
			frag_len(4) + frag_len(5) + frag_len(6) + frag_len(7));
	expect_msg(test, r, 4, 3);
	KUNIT_EXPECT_EQ(test, r->bytes, frag_len(7));
	KUNIT_ASSERT_TRUE(test, xsctp_reasm_start_partial(r));
	KUNIT_EXPECT_EQ(test, r->bytes, frag_len(7));
	KUNIT_EXPECT_EQ(test, pop(test, r).len, frag_len(7));
	KUNIT_EXPECT_EQ(test, r->bytes, 0U);
	add(test, r, 8, 1, 0, E);
	KUNIT_EXPECT_EQ(test, r->bytes, frag_len(8));
	KUNIT_EXPECT_TRUE(test, pop(test, r).eor);
	KUNIT_EXPECT_EQ(test, r->bytes, 0U);
}

static void purge_frees_everything(struct kunit *test)
{
	struct xsctp_reasm *r = setup(test, 4);

	/* One fragment on each list: PD, incomplete, waiting, deliverable. */
	add(test, r, 1, 1, 0, B);
	KUNIT_ASSERT_TRUE(test, xsctp_reasm_start_partial(r));
	add(test, r, 10, 3, 5, B);
	add(test, r, 3, 0, 1, B | E);
	add(test, r, 4, 2, 0, B | E);
	add(test, r, 6, 2, 1, B | E);
	add(test, r, 5, 0, 0, 0);
	KUNIT_EXPECT_EQ(test, r->bytes, frag_len(1) + frag_len(3) + frag_len(4) +
			frag_len(5) + frag_len(6) + frag_len(10));
	xsctp_reasm_purge(r, free_frag);
	KUNIT_EXPECT_EQ(test, freed, 6U);
	KUNIT_EXPECT_EQ(test, r->bytes, 0U);
	KUNIT_EXPECT_FALSE(test, xsctp_reasm_in_partial(r));
	expect_nothing(test, r);
	/* Still usable; the SSNs are the caller's and stay. */
	add(test, r, 20, 0, 0, B | E);
	expect_msg(test, r, 20, 1);
	xsctp_reasm_purge(r, free_frag);
	KUNIT_EXPECT_EQ(test, freed, 6U);
}

/*
 * The reference model: messages on a few streams, each a run of TSNs from
 * @base, and what has arrived and been popped of each. Deliverable is
 * worked out from scratch: a message whose fragments have all arrived and
 * which is unordered or next in its stream.
 */
#define RAND_STREAMS	4
#define MAX_MSGS	24
#define MAX_FRAGS	4
#define MAX_TSNS	(MAX_MSGS * MAX_FRAGS)

struct model_msg {
	u16 sid;
	u16 ssn;
	bool unordered;
	u8 nfrags;
	u32 first;		/* offset of its first TSN from base */
	u8 arrived;		/* fragments added */
	bool has[MAX_FRAGS];
	u8 popped;		/* fragments handed over */
};

struct model {
	u32 base;
	unsigned int nmsgs;
	unsigned int ntsns;
	struct model_msg msg[MAX_MSGS];
	u8 msg_of[MAX_TSNS];	/* by TSN offset */
	u32 order[MAX_TSNS];	/* TSN offsets, in arrival order */
	u16 next_ssn[RAND_STREAMS];
	int pd;			/* the message partially delivered, or -1 */
	u32 bytes;
};

static u32 rnd(struct rnd_state *s, u32 n)
{
	return prandom_u32_state(s) % n;
}

static void model_messages(struct model *m, struct rnd_state *s)
{
	u16 ssn[RAND_STREAMS];
	unsigned int i, j;

	for (i = 0; i < RAND_STREAMS; i++) {
		ssn[i] = rnd(s, 4) ? rnd(s, 16) : 0xffff - rnd(s, 4);
		m->next_ssn[i] = ssn[i];
	}
	m->nmsgs = 1 + rnd(s, MAX_MSGS);
	m->ntsns = 0;
	for (i = 0; i < m->nmsgs; i++) {
		struct model_msg *mm = &m->msg[i];

		memset(mm, 0, sizeof(*mm));
		mm->sid = rnd(s, RAND_STREAMS);
		mm->unordered = !rnd(s, 5);
		mm->ssn = mm->unordered ? prandom_u32_state(s) : ssn[mm->sid]++;
		mm->nfrags = 1 + rnd(s, MAX_FRAGS);
		mm->first = m->ntsns;
		for (j = 0; j < mm->nfrags; j++)
			m->msg_of[m->ntsns++] = i;
	}
}

/* Half the time any order; else in order but for a few near neighbours. */
static void model_arrival(struct model *m, struct rnd_state *s)
{
	bool shuffle = rnd(s, 2);
	unsigned int i, j;

	for (i = 0; i < m->ntsns; i++)
		m->order[i] = i;
	for (i = m->ntsns; i > 1; i--) {
		j = shuffle ? rnd(s, i) : i - 1 - min(rnd(s, 3), i - 1);
		if (!shuffle && rnd(s, 4))
			continue;
		swap(m->order[i - 1], m->order[j]);
	}
}

static void model_init(struct model *m, struct rnd_state *s)
{
	m->base = rnd(s, 4) ? prandom_u32_state(s) : U32_MAX - rnd(s, 64);
	m->pd = -1;
	m->bytes = 0;
	model_messages(m, s);
	model_arrival(m, s);
}

static void model_add(struct kunit *test, struct model *m,
		      struct xsctp_reasm *r, u32 off)
{
	struct model_msg *mm = &m->msg[m->msg_of[off]];
	u32 j = off - mm->first;
	u8 flags = (j == 0 ? B : 0) | (j == mm->nfrags - 1 ? E : 0) |
		   (mm->unordered ? U : 0);

	add(test, r, m->base + off, mm->sid, mm->ssn, flags);
	mm->has[j] = true;
	mm->arrived++;
	m->bytes += frag_len(m->base + off);
}

static void model_delivered(struct model *m, struct model_msg *mm)
{
	if (!mm->unordered)
		m->next_ssn[mm->sid]++;
}

/* A pop gave @g: it must be what the model allows, and the next piece. */
static void model_check(struct kunit *test, struct model *m, struct got *g)
{
	u32 off = g->tsn - m->base, j;
	struct model_msg *mm;

	KUNIT_ASSERT_LT(test, off, m->ntsns);
	mm = &m->msg[m->msg_of[off]];
	j = off - mm->first;
	if (m->pd < 0) {
		/* A whole message, next in its stream. */
		KUNIT_ASSERT_EQ(test, j, 0U);
		KUNIT_ASSERT_EQ(test, g->nfrags, mm->nfrags);
		KUNIT_ASSERT_TRUE(test, g->eor);
		KUNIT_ASSERT_EQ(test, mm->popped, 0);
		if (!mm->unordered)
			KUNIT_ASSERT_EQ(test, mm->ssn, m->next_ssn[mm->sid]);
	} else {
		/* The PD's message, carrying on where it left off. */
		KUNIT_ASSERT_PTR_EQ(test, mm, &m->msg[m->pd]);
		KUNIT_ASSERT_EQ(test, j, mm->popped);
		KUNIT_ASSERT_LE(test, j + g->nfrags, mm->nfrags);
		KUNIT_ASSERT_EQ(test, g->eor, j + g->nfrags == mm->nfrags);
	}
	for (; j < mm->popped + g->nfrags; j++)
		KUNIT_ASSERT_TRUE(test, mm->has[j]);
	mm->popped += g->nfrags;
	m->bytes -= g->len;
	if (g->eor) {
		model_delivered(m, mm);
		m->pd = -1;
	}
}

static bool model_deliverable(const struct model *m,
			      const struct model_msg *mm)
{
	if (mm->popped || mm->arrived < mm->nfrags)
		return false;
	return mm->unordered || mm->ssn == m->next_ssn[mm->sid];
}

/* Pop all there is; then the model must agree nothing more can come. */
static void drain(struct kunit *test, struct model *m, struct xsctp_reasm *r)
{
	struct got g;
	unsigned int i;

	while ((g = pop(test, r)).ok) {
		model_check(test, m, &g);
		for (i = 0; i < RAND_STREAMS; i++)
			KUNIT_ASSERT_EQ(test, r->next_ssn[i], m->next_ssn[i]);
		KUNIT_ASSERT_EQ(test, r->bytes, m->bytes);
	}
	if (m->pd >= 0) {
		const struct model_msg *mm = &m->msg[m->pd];

		KUNIT_ASSERT_FALSE(test, mm->has[mm->popped]);
		return;
	}
	for (i = 0; i < m->nmsgs; i++)
		KUNIT_ASSERT_FALSE(test, model_deliverable(m, &m->msg[i]));
}

/* The message a partial delivery should start on, or -1. */
static int model_pd_choice(const struct model *m)
{
	const struct model_msg *mm;
	unsigned int i;

	/* Messages are numbered in TSN order. */
	for (i = 0; i < m->nmsgs; i++) {
		mm = &m->msg[i];
		if (!mm->popped && mm->has[0] &&
		    (mm->unordered || mm->ssn == m->next_ssn[mm->sid]))
			return i;
	}
	return -1;
}

static void try_partial(struct kunit *test, struct model *m,
			struct xsctp_reasm *r)
{
	int want = model_pd_choice(m);

	KUNIT_ASSERT_EQ(test, xsctp_reasm_start_partial(r), want >= 0);
	if (want < 0)
		return;
	m->pd = want;
	drain(test, m, r);
}

/*
 * @every_add: drain after every add, else after one in four on average
 * @partial: out of two, how often a partial delivery is tried after a drain
 */
static void random_run(struct kunit *test, u64 seed, bool every_add,
		       unsigned int partial)
{
	struct xsctp_reasm *r = setup(test, RAND_STREAMS);
	unsigned int iter, i, drains = 0, pds = 0;
	struct rnd_state s;
	struct model *m;

	m = kunit_kzalloc(test, sizeof(*m), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, m);
	prandom_seed_state(&s, seed);
	for (iter = 0; iter < 200; iter++) {
		model_init(m, &s);
		xsctp_reasm_init(r, r->next_ssn, RAND_STREAMS);
		memcpy(r->next_ssn, m->next_ssn, sizeof(m->next_ssn));
		for (i = 0; i < m->ntsns; i++) {
			model_add(test, m, r, m->order[i]);
			KUNIT_ASSERT_EQ(test, r->bytes, m->bytes);
			if (!every_add && rnd(&s, 4))
				continue;
			drain(test, m, r);
			if (m->pd < 0 && rnd(&s, 2) < partial) {
				try_partial(test, m, r);
				pds += m->pd >= 0;
			}
			drains++;
		}
		drain(test, m, r);
		/* Everything arrived: everything came out. */
		for (i = 0; i < m->nmsgs; i++)
			KUNIT_ASSERT_EQ(test, m->msg[i].popped, m->msg[i].nfrags);
		KUNIT_ASSERT_EQ(test, r->bytes, 0U);
		KUNIT_ASSERT_TRUE(test, list_empty(&r->frags));
		KUNIT_ASSERT_TRUE(test, list_empty(&r->ready));
		KUNIT_ASSERT_TRUE(test, list_empty(&r->deliver));
		KUNIT_ASSERT_FALSE(test, xsctp_reasm_in_partial(r));
		KUNIT_ASSERT_TRUE(test, RB_EMPTY_ROOT(&r->waiting));
	}
	KUNIT_EXPECT_GT(test, drains, 1000U);
	if (partial)
		KUNIT_EXPECT_GT(test, pds, 100U);
}

static void random_vs_model(struct kunit *test)
{
	random_run(test, 1, true, 0);
}

static void random_vs_model_deferred_partial(struct kunit *test)
{
	random_run(test, 2, false, 1);
}

static void random_vs_model_always_partial(struct kunit *test)
{
	random_run(test, 3, true, 2);
}

static struct kunit_case xsctp_reasm_cases[] = {
	KUNIT_CASE(single_fragments_in_order),
	KUNIT_CASE(ssn_out_of_order),
	KUNIT_CASE(streams_independent),
	KUNIT_CASE(unordered_at_once),
	KUNIT_CASE(fragments_in_any_order),
	KUNIT_CASE(tsn_wrap),
	KUNIT_CASE(ssn_wrap),
	KUNIT_CASE(partial_delivery),
	KUNIT_CASE(partial_delivery_choice),
	KUNIT_CASE(hostile_input),
	KUNIT_CASE(bytes_accounting),
	KUNIT_CASE(purge_frees_everything),
	KUNIT_CASE(random_vs_model),
	KUNIT_CASE(random_vs_model_deferred_partial),
	KUNIT_CASE(random_vs_model_always_partial),
	{}
};

static struct kunit_suite xsctp_reasm_suite = {
	.name = "xsctp_reasm",
	.test_cases = xsctp_reasm_cases,
};

kunit_test_suite(xsctp_reasm_suite);
