// SPDX-License-Identifier: GPL-2.0
/*
 * Association objects: allocation, references, ids, paths, and unlinking.
 * The protocol behaviour is in sm.c; this file only keeps the objects
 * consistent (see the lifetime rules in assoc.h).
 */
#include <kunit/visibility.h>
#include <linux/export.h>
#include <linux/idr.h>
#include <linux/random.h>
#include <linux/slab.h>

#include <net/xsctp/assoc.h>
#include <net/xsctp/defaults.h>
#include <net/xsctp/heartbeat.h>
#include <net/xsctp/lookup.h>
#include <net/xsctp/path.h>

/* Linux's ids are module-wide, cyclic, from 3: xsctp's are the same. */
static DEFINE_IDR(assoc_ids);
static DEFINE_SPINLOCK(assoc_ids_lock);

/* From connect() (@gfp may sleep) or from the receive path (atomic). */
int xsctp_assoc_set_id(struct xsctp_assoc *asoc, gfp_t gfp)
{
	bool preload = gfpflags_allow_blocking(gfp);
	int id;

	if (preload)
		idr_preload(gfp);
	spin_lock_bh(&assoc_ids_lock);
	id = idr_alloc_cyclic(&assoc_ids, asoc, 3, 0, preload ? GFP_NOWAIT : gfp);
	spin_unlock_bh(&assoc_ids_lock);
	if (preload)
		idr_preload_end();
	if (id < 0)
		return id;
	asoc->id = id;
	return 0;
}

/*
 * The live association @id of @sk, whose lock the caller holds. Checked
 * under the id lock: an association leaves the IDR before it is freed,
 * and one on @sk's list stays alive while @sk is locked.
 */
struct xsctp_assoc *xsctp_assoc_by_id(struct sock *sk, sctp_assoc_t id)
{
	struct xsctp_assoc *asoc;

	sock_owned_by_me(sk);
	spin_lock_bh(&assoc_ids_lock);
	asoc = idr_find(&assoc_ids, id);
	if (asoc && (asoc->sk != sk || asoc->dead))
		asoc = NULL;
	spin_unlock_bh(&assoc_ids_lock);
	return asoc;
}

static void release_id(struct xsctp_assoc *asoc)
{
	if (!asoc->id)
		return;
	spin_lock_bh(&assoc_ids_lock);
	idr_remove(&assoc_ids, asoc->id);
	spin_unlock_bh(&assoc_ids_lock);
}

/* A verification tag: random, and never 0 (RFC 9260 5.3.1). */
u32 xsctp_random_tag(void)
{
	u32 tag;

	do {
		tag = get_random_u32();
	} while (!tag);
	return tag;
}

struct xsctp_assoc *xsctp_assoc_alloc(struct sock *sk,
				      const struct xsctp_assoc_cfg *cfg,
				      gfp_t gfp)
{
	struct xsctp_assoc *asoc = kzalloc(sizeof(*asoc), gfp);

	if (!asoc)
		return NULL;
	refcount_set(&asoc->refs, 1);	/* the owner's list */
	sock_hold(sk);
	asoc->sk = sk;
	asoc->state = XSCTP_S_CLOSED;
	asoc->cfg = *cfg;
	asoc->policy = &xsctp_path_default;
	INIT_LIST_HEAD(&asoc->paths);
	INIT_LIST_HEAD(&asoc->node);
	timer_setup(&asoc->t1, xsctp_t1_fired, 0);
	timer_setup(&asoc->t5, xsctp_t5_fired, 0);
	timer_setup(&asoc->stagger, xsctp_stagger_fired, 0);
	timer_setup(&asoc->autoclose, xsctp_autoclose_fired, 0);
	timer_setup(&asoc->hb_timer, xsctp_hb_fired, 0);
	INIT_LIST_HEAD(&asoc->out.unsent);
	INIT_LIST_HEAD(&asoc->out.sent);
	timer_setup(&asoc->out.t3, xsctp_t3_fired, 0);
	INIT_LIST_HEAD(&asoc->in.stalled);
	timer_setup(&asoc->in.sack_timer, xsctp_sack_timer_fired, 0);
	return asoc;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_assoc_alloc);

void xsctp_assoc_hold(struct xsctp_assoc *asoc)
{
	refcount_inc(&asoc->refs);
}

static void free_paths(struct xsctp_assoc *asoc)
{
	struct xsctp_path *p, *tmp;

	list_for_each_entry_safe(p, tmp, &asoc->paths, node) {
		list_del(&p->node);
		kfree_rcu(p, rcu);
	}
}

void xsctp_assoc_put(struct xsctp_assoc *asoc)
{
	if (!refcount_dec_and_test(&asoc->refs))
		return;
	release_id(asoc);
	free_paths(asoc);
	kfree(asoc->cookie);
	kfree(asoc->out.next_ssn);
	kfree(asoc->in.next_ssn);
	bitmap_free(asoc->in.map_bits);
	sock_put(asoc->sk);
	kfree_rcu(asoc, rcu);
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_assoc_put);

struct xsctp_path *xsctp_assoc_find_path(struct xsctp_assoc *asoc,
					 const union xsctp_addr *addr)
{
	struct xsctp_path *p;

	list_for_each_entry(p, &asoc->paths, node)
		if (xsctp_addr_equal(&p->addr, addr))
			return p;
	return NULL;
}

/*
 * A path starts with its association's settings; a flow label is only
 * for IPv6 ones, and a fixed MTU only while discovery is off (Linux's
 * sctp_assoc_add_peer()).
 */
static void init_params(struct xsctp_path *p,
			const struct xsctp_path_params *par)
{
	p->par = *par;
	if (p->addr.sa.sa_family != AF_INET6)
		p->par.flags &= ~XSCTP_PP_FLOWLABEL;
	p->pmtu = XSCTP_PATH_MTU;
	if ((par->flags & XSCTP_PP_PMTUD_OFF) && par->pmtu)
		p->pmtu = par->pmtu;
}

/* A new path, last in the list; the first one becomes primary. */
struct xsctp_path *xsctp_assoc_add_path(struct xsctp_assoc *asoc,
					const union xsctp_addr *addr,
					u16 state, gfp_t gfp)
{
	struct xsctp_path *p;

	if (asoc->num_paths >= XSCTP_MAX_PATHS)
		return NULL;
	p = kzalloc(sizeof(*p), gfp);
	if (!p)
		return NULL;
	p->asoc = asoc;
	p->addr = *addr;
	p->state = state;
	INIT_HLIST_NODE(&p->hnode);
	xsctp_rto_init(&p->rto, &asoc->cfg.rto);
	init_params(p, &asoc->cfg.path);
	p->encap_port = asoc->cfg.encap_port;
	xsctp_path_cc_init(asoc, p);
	list_add_tail(&p->node, &asoc->paths);
	asoc->num_paths++;
	if (!asoc->primary)
		asoc->primary = p;
	return p;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_assoc_add_path);

/* Unhash (if hashed) and free a path, moving pointers that named it. */
void xsctp_assoc_remove_path(struct xsctp_assoc *asoc, struct xsctp_path *path)
{
	if (!hlist_unhashed(&path->hnode))
		xsctp_path_unhash(path);
	list_del(&path->node);
	asoc->num_paths--;
	if (asoc->init_path == path)
		asoc->init_path = NULL;
	if (asoc->in.last_from == path)
		asoc->in.last_from = NULL;
	if (asoc->out.probe_path == path) {
		asoc->out.probe_path = NULL;
		asoc->out.probe.active = false;
	}
	if (path->t3_on)
		xsctp_t3_stop(asoc, path);
	if (asoc->primary == path)
		asoc->primary = list_first_entry_or_null(&asoc->paths,
							 struct xsctp_path, node);
	kfree_rcu(path, rcu);
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_assoc_remove_path);

/*
 * Take the association out of every table and its owner's list, and drop
 * the list's reference. Receivers that still hold one see ->dead.
 */
void xsctp_assoc_unlink(struct xsctp_assoc *asoc)
{
	struct xsctp_path *p;

	if (asoc->dead)
		return;
	WRITE_ONCE(asoc->dead, true);
	list_for_each_entry(p, &asoc->paths, node)
		if (!hlist_unhashed(&p->hnode))
			xsctp_path_unhash(p);
	list_del_init(&asoc->node);
	xsctp_assoc_stop_timers(asoc);
	xsctp_outq_stop(asoc);
	xsctp_inq_stop(asoc);
	xsctp_assoc_put(asoc);
}

/**
 * xsctp_assoc_data_start() - ready the association for DATA both ways
 * @asoc: an association entering ESTABLISHED (messages the user queued
 *	during setup stay queued), or restarting in place (emptied first)
 *
 * Return: 0 or -ENOMEM.
 */
int xsctp_assoc_data_start(struct xsctp_assoc *asoc)
{
	int err = xsctp_outq_start(asoc, GFP_ATOMIC) ?:
		  xsctp_inq_start(asoc, GFP_ATOMIC);

	if (!err)
		xsctp_hb_start(asoc);
	return err;
}

void xsctp_assoc_ids_exit(void)
{
	idr_destroy(&assoc_ids);
}
