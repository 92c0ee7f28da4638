// SPDX-License-Identifier: GPL-2.0
/*
 * The socket options association setup needs, with Linux's lengths and
 * errors (abi.md 1.2): SCTP_INITMSG, SCTP_RTOINFO, SCTP_STATUS,
 * SCTP_GET_PEER_ADDR_INFO, SCTP_GET_PEER_ADDRS and SCTP_GET_LOCAL_ADDRS;
 * and how every option with an association id finds the settings it
 * acts on. All run with the socket locked.
 */
#include <linux/jiffies.h>
#include <linux/uaccess.h>
#include <net/ipv6.h>
#include <net/sock.h>

#include <net/xsctp/defaults.h>
#include <net/xsctp/effects.h>
#include <net/xsctp/outq.h>
#include <net/xsctp/sockopt.h>
#include <net/xsctp/socket.h>

#define RTO_LIMIT_MS	86400000U	/* Linux's limit: one day */

/* Copy @len bytes of @val out, and set *optlen to @len. */
int xsctp_put_opt(char __user *optval, int __user *optlen, const void *val,
		  int len)
{
	if (put_user(len, optlen) || copy_to_user(optval, val, len))
		return -EFAULT;
	return 0;
}

/*
 * Read the structure a getsockopt() caller passed in, for the id it
 * names: Linux wants at least its size.
 */
int xsctp_get_opt(const char __user *optval, int len, void *val, int size)
{
	if (len < size)
		return -EINVAL;
	return copy_from_user(val, optval, size) ? -EFAULT : 0;
}

/* SCTP_INITMSG, or sendmsg's SCTP_INIT: a zero field keeps the old value. */
void xsctp_cfg_apply_initmsg(struct xsctp_assoc_cfg *cfg,
			     const struct sctp_initmsg *m)
{
	if (m->sinit_num_ostreams)
		cfg->num_ostreams = m->sinit_num_ostreams;
	if (m->sinit_max_instreams)
		cfg->max_instreams = m->sinit_max_instreams;
	if (m->sinit_max_attempts)
		cfg->max_init_attempts = m->sinit_max_attempts;
	if (m->sinit_max_init_timeo)
		cfg->max_init_timeo_ms = m->sinit_max_init_timeo;
}

int xsctp_set_initmsg(struct sock *sk, sockptr_t optval, unsigned int optlen)
{
	struct sctp_initmsg m;

	if (optlen != sizeof(m))
		return -EINVAL;
	if (copy_from_sockptr(&m, optval, sizeof(m)))
		return -EFAULT;
	xsctp_cfg_apply_initmsg(&xsctp_sk(sk)->cfg, &m);
	return 0;
}

int xsctp_get_initmsg(struct sock *sk, char __user *optval, int len,
		      int __user *optlen)
{
	const struct xsctp_assoc_cfg *cfg = &xsctp_sk(sk)->cfg;
	struct sctp_initmsg m = {
		.sinit_num_ostreams = cfg->num_ostreams,
		.sinit_max_instreams = cfg->max_instreams,
		.sinit_max_attempts = cfg->max_init_attempts,
		.sinit_max_init_timeo = min_t(u32, cfg->max_init_timeo_ms, U16_MAX),
	};

	if (len < (int)sizeof(m))
		return -EINVAL;
	return xsctp_put_opt(optval, optlen, &m, sizeof(m));
}

/**
 * xsctp_opt_assoc() - the association an option's id names
 * @sk: the socket, locked
 * @id: the id the option carries
 * @asoc: the association, or NULL for the socket itself
 *
 * A one-to-one socket ignores @id: its association once connected, else
 * the socket. A one-to-many socket's SCTP_FUTURE_ASSOC is the socket, as
 * Linux's options that know no SCTP_CURRENT_ASSOC or SCTP_ALL_ASSOC have it.
 *
 * Return: 0, or -EINVAL for an id that names nothing there.
 */
int xsctp_opt_assoc(struct sock *sk, sctp_assoc_t id, struct xsctp_assoc **asoc)
{
	*asoc = xsctp_sock_assoc(sk, id);
	if (!*asoc && id != SCTP_FUTURE_ASSOC && xsctp_one_to_many(sk))
		return -EINVAL;
	return 0;
}

/* The same, as the settings an option acts on. */
int xsctp_opt_cfg(struct sock *sk, sctp_assoc_t id, struct xsctp_assoc_cfg **cfg)
{
	struct xsctp_assoc *asoc;
	int err = xsctp_opt_assoc(sk, id, &asoc);

	*cfg = asoc ? &asoc->cfg : &xsctp_sk(sk)->cfg;
	return err;
}

/**
 * xsctp_opt_set() - change the settings an option's id names
 * @sk: the socket, locked
 * @id: an association's id; SCTP_FUTURE_ASSOC, the socket's settings (for
 *	associations to come); SCTP_CURRENT_ASSOC, every association's;
 *	SCTP_ALL_ASSOC, both (RFC 6458 7.2)
 * @set: copies what the option changes from @val into a cfg
 * @val: the new values
 *
 * A one-to-one socket ignores @id, as in xsctp_opt_assoc(). A one-to-many
 * socket refuses an id above SCTP_ALL_ASSOC that names no association,
 * and, as Linux, takes a negative one and changes nothing.
 *
 * Return: 0, or -EINVAL.
 */
int xsctp_opt_set(struct sock *sk, sctp_assoc_t id, xsctp_cfg_setter set,
		  const struct xsctp_assoc_cfg *val)
{
	struct xsctp_sock *xs = xsctp_sk(sk);
	struct xsctp_assoc *asoc = xsctp_sock_assoc(sk, id);

	if (asoc) {
		set(&asoc->cfg, val);
		return 0;
	}
	if (!xsctp_one_to_many(sk))
		id = SCTP_FUTURE_ASSOC;
	else if (id > SCTP_ALL_ASSOC)
		return -EINVAL;
	if (id == SCTP_FUTURE_ASSOC || id == SCTP_ALL_ASSOC)
		set(&xs->cfg, val);
	if (id == SCTP_CURRENT_ASSOC || id == SCTP_ALL_ASSOC)
		list_for_each_entry(asoc, &xs->assocs, node)
			set(&asoc->cfg, val);
	return 0;
}

/* Linux's sctp_is_any(): a wildcard of the address's family, or the socket's. */
static bool addr_is_any(const struct sock *sk,
			const struct sockaddr_storage *ss)
{
	sa_family_t family = ss->ss_family ?: sk->sk_family;
	const struct sockaddr_in6 *s6 = (const void *)ss;
	const struct sockaddr_in *s4 = (const void *)ss;

	if (family == AF_INET)
		return s4->sin_addr.s_addr == htonl(INADDR_ANY);
	return family == AF_INET6 && ipv6_addr_any(&s6->sin6_addr);
}

/**
 * xsctp_opt_target() - what an option's peer address and id name
 * @sk: the socket, locked
 * @id: the option's association id
 * @ss: the option's peer address
 * @t: out: a path and its association; or no path and an association,
 *	or neither (the socket's associations to come)
 *
 * As Linux (sctp_addr_id2transport()): an address that is not a wildcard
 * names a path, by address and port, of an association of this socket,
 * which the id, if it names one, must be. Otherwise the id names an
 * association as in xsctp_opt_assoc().
 *
 * Return: 0; -ENOENT if the address names no path; or -EINVAL.
 */
int xsctp_opt_target(struct sock *sk, sctp_assoc_t id,
		     const struct sockaddr_storage *ss,
		     struct xsctp_opt_target *t)
{
	struct xsctp_assoc *by_id = xsctp_sock_assoc(sk, id);
	union xsctp_addr a;

	t->path = NULL;
	if (addr_is_any(sk, ss))
		return xsctp_opt_assoc(sk, id, &t->asoc);
	if (xsctp_sock_addr_in(sk, ss, &a))
		return -ENOENT;
	t->asoc = xsctp_sock_assoc_by_peer(sk, &a);
	if (!t->asoc || (by_id && by_id != t->asoc))
		return -ENOENT;
	t->path = xsctp_assoc_find_path(t->asoc, &a);
	return t->path ? 0 : -ENOENT;
}

int xsctp_set_rtoinfo(struct sock *sk, sockptr_t optval, unsigned int optlen)
{
	struct xsctp_assoc_cfg *cfg;
	struct sctp_rtoinfo r;
	u32 initial, min, max;
	int err;

	if (optlen != sizeof(r))
		return -EINVAL;
	if (copy_from_sockptr(&r, optval, sizeof(r)))
		return -EFAULT;
	err = xsctp_opt_cfg(sk, r.srto_assoc_id, &cfg);
	if (err)
		return err;
	/* Zero keeps the current value; the result must be ordered. */
	initial = r.srto_initial ?: cfg->rto.initial_us / USEC_PER_MSEC;
	min = r.srto_min ?: cfg->rto.min_us / USEC_PER_MSEC;
	max = r.srto_max ?: cfg->rto.max_us / USEC_PER_MSEC;
	if (min > max || max > RTO_LIMIT_MS || initial > RTO_LIMIT_MS)
		return -EINVAL;
	cfg->rto.initial_us = initial * USEC_PER_MSEC;
	cfg->rto.min_us = min * USEC_PER_MSEC;
	cfg->rto.max_us = max * USEC_PER_MSEC;
	return 0;
}

int xsctp_get_rtoinfo(struct sock *sk, char __user *optval, int len,
		      int __user *optlen)
{
	struct xsctp_assoc_cfg *cfg;
	struct sctp_rtoinfo r;
	int err;

	err = xsctp_get_opt(optval, len, &r, sizeof(r)) ?:
	      xsctp_opt_cfg(sk, r.srto_assoc_id, &cfg);
	if (err)
		return err;
	r.srto_initial = cfg->rto.initial_us / USEC_PER_MSEC;
	r.srto_min = cfg->rto.min_us / USEC_PER_MSEC;
	r.srto_max = cfg->rto.max_us / USEC_PER_MSEC;
	return xsctp_put_opt(optval, optlen, &r, sizeof(r));
}

/* SCTP_ASSOCINFO: zero fields keep their value, as in Linux. */
int xsctp_set_associnfo(struct sock *sk, sockptr_t optval, unsigned int optlen)
{
	struct xsctp_assoc_cfg *cfg;
	struct sctp_assocparams ap;
	int err;

	if (optlen != sizeof(ap))
		return -EINVAL;
	if (copy_from_sockptr(&ap, optval, sizeof(ap)))
		return -EFAULT;
	err = xsctp_opt_cfg(sk, ap.sasoc_assoc_id, &cfg);
	if (err)
		return err;
	if (ap.sasoc_asocmaxrxt)
		cfg->assoc_max_retrans = ap.sasoc_asocmaxrxt;
	if (ap.sasoc_cookie_life)
		cfg->cookie_life_ms = ap.sasoc_cookie_life;
	return 0;
}

int xsctp_get_associnfo(struct sock *sk, char __user *optval, int len,
			int __user *optlen)
{
	struct sctp_assocparams ap;
	struct xsctp_assoc *asoc;
	struct xsctp_assoc_cfg *cfg;
	int err;

	err = xsctp_get_opt(optval, len, &ap, sizeof(ap)) ?:
	      xsctp_opt_assoc(sk, ap.sasoc_assoc_id, &asoc);
	if (err)
		return err;
	cfg = asoc ? &asoc->cfg : &xsctp_sk(sk)->cfg;
	memset(&ap, 0, sizeof(ap));
	ap.sasoc_assoc_id = asoc ? asoc->id : 0;
	ap.sasoc_asocmaxrxt = cfg->assoc_max_retrans;
	ap.sasoc_cookie_life = cfg->cookie_life_ms;
	if (asoc) {	/* Linux reports these for an association only */
		ap.sasoc_number_peer_destinations = asoc->num_paths;
		ap.sasoc_peer_rwnd = asoc->peer_rwnd;
		ap.sasoc_local_rwnd = xsctp_local_rwnd(sk);
	}
	return xsctp_put_opt(optval, optlen, &ap, sizeof(ap));
}

/* RFC 9260 path states as Linux's spinfo_state reports them. */
static void fill_paddrinfo(struct sock *sk, const struct xsctp_assoc *asoc,
			   const struct xsctp_path *p, struct sctp_paddrinfo *pi)
{
	memset(pi, 0, sizeof(*pi));
	pi->spinfo_assoc_id = asoc->id;
	xsctp_sock_addr_out(sk, &p->addr, &pi->spinfo_address);
	/* As Linux: a user-given address not yet heard from is ACTIVE. */
	pi->spinfo_state = p->state == XSCTP_PATH_UNKNOWN ? XSCTP_PATH_ACTIVE :
			   p->state;
	pi->spinfo_srtt = p->rto.measured ? p->rto.srtt_us / USEC_PER_MSEC : 0;
	pi->spinfo_rto = p->rto.rto_us / USEC_PER_MSEC;
	pi->spinfo_mtu = p->pmtu;
	pi->spinfo_cwnd = p->cc.cwnd;
}

int xsctp_get_status(struct sock *sk, char __user *optval, int len,
		     int __user *optlen)
{
	struct xsctp_assoc *asoc;
	struct sctp_status st;
	int err;

	err = xsctp_get_opt(optval, len, &st, sizeof(st));
	if (err)
		return err;
	asoc = xsctp_sock_assoc(sk, st.sstat_assoc_id);
	if (!asoc)
		return -EINVAL;
	memset(&st, 0, sizeof(st));
	st.sstat_assoc_id = asoc->id;
	st.sstat_state = asoc->state;
	st.sstat_rwnd = asoc->peer_rwnd;
	st.sstat_instrms = asoc->num_in;
	st.sstat_outstrms = asoc->num_out;
	st.sstat_fragmentation_point = xsctp_frag_point(asoc);
	if (asoc->primary)
		fill_paddrinfo(sk, asoc, asoc->primary, &st.sstat_primary);
	return xsctp_put_opt(optval, optlen, &st, sizeof(st));
}

int xsctp_get_paddrinfo(struct sock *sk, char __user *optval, int len,
			int __user *optlen)
{
	struct sctp_paddrinfo pi;
	struct xsctp_assoc *asoc;
	struct xsctp_path *p;
	union xsctp_addr a;
	int err;

	err = xsctp_get_opt(optval, len, &pi, sizeof(pi));
	if (err)
		return err;
	asoc = xsctp_sock_assoc(sk, pi.spinfo_assoc_id);
	if (!asoc || xsctp_sock_addr_in(sk, &pi.spinfo_address, &a))
		return -EINVAL;
	a.v4.sin_port = htons(asoc->peer_port);
	p = xsctp_assoc_find_path(asoc, &a);
	if (!p)
		return -EINVAL;
	if (p->state == XSCTP_PATH_PF &&
	    asoc->cfg.pf_expose == XSCTP_PF_EXPOSE_DISABLE)
		return -EACCES;
	fill_paddrinfo(sk, asoc, p, &pi);
	return xsctp_put_opt(optval, optlen, &pi, sizeof(pi));
}

/* Pack addresses after the sctp_getaddrs header; -ENOMEM if they do not fit. */
static int put_addrs(struct sock *sk, char __user *to, int room,
		     const union xsctp_addr *addrs, int n, u16 port)
{
	union xsctp_addr out;
	int i, used = 0, alen;

	for (i = 0; i < n; i++) {
		out = addrs[i];
		out.v4.sin_port = htons(port);
		alen = xsctp_sock_addr_out(sk, &out, &out);
		if (used + alen > room)
			return -ENOMEM;
		if (copy_to_user(to + used, &out, alen))
			return -EFAULT;
		used += alen;
	}
	return used;
}

/* SCTP_GET_PEER_ADDRS (108) and SCTP_GET_LOCAL_ADDRS (109). */
int xsctp_get_addrs(struct sock *sk, bool peer, char __user *optval, int len,
		    int __user *optlen)
{
	union xsctp_addr peers[XSCTP_MAX_PATHS];
	const struct xsctp_sock *xs = xsctp_sk(sk);
	struct sctp_getaddrs ga;
	struct xsctp_assoc *asoc;
	struct xsctp_path *p;
	int n = 0, used, err;

	err = xsctp_get_opt(optval, len, &ga, sizeof(ga));
	if (err)
		return err;
	asoc = xsctp_sock_assoc(sk, ga.assoc_id);
	if (peer && !asoc)
		return -EINVAL;
	if (peer) {
		list_for_each_entry(p, &asoc->paths, node)
			peers[n++] = p->addr;
		used = put_addrs(sk, optval + sizeof(ga), len - sizeof(ga), peers,
				 n, asoc->peer_port);
	} else {
		n = xs->num_laddrs;
		used = put_addrs(sk, optval + sizeof(ga), len - sizeof(ga),
				 xs->laddrs, n, xs->port);
	}
	if (used < 0)
		return used;
	ga.addr_num = n;
	if (copy_to_user(optval, &ga, sizeof(ga)))
		return -EFAULT;
	/* Linux: 109's optlen leaves the header out, 108's does not. */
	return put_user(peer ? used + (int)sizeof(ga) : used, optlen) ? -EFAULT : 0;
}
