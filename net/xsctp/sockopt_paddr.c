// SPDX-License-Identifier: GPL-2.0
/*
 * A path's own settings, with Linux's lengths, rules and errors (abi.md
 * 1.2): SCTP_PEER_ADDR_PARAMS (heartbeats, Path.Max.Retrans, a fixed
 * path MTU, DSCP, IPv6 flow label, the delayed-SACK time) and
 * SCTP_PEER_ADDR_THLDS(_V2) (Path.Max.Retrans, the potentially-failed
 * and primary switch-over thresholds). A peer address names one path;
 * a wildcard names an association, and then its paths and those it will
 * add, or the socket's associations to come (xsctp_opt_target()).
 *
 * The delayed-SACK time is the association's (SCTP_DELAYED_SACK): xsctp
 * keeps no per-path one (Documentation/linux-differences.rst).
 */
#include <linux/uaccess.h>
#include <net/sock.h>

#include <net/xsctp/heartbeat.h>
#include <net/xsctp/pmtu.h>
#include <net/xsctp/sockopt.h>
#include <net/xsctp/socket.h>

/* struct sctp_paddrparams before Linux added spp_ipv6_flowlabel and spp_dscp. */
#define SPP_OLD_LEN	ALIGN(offsetof(struct sctp_paddrparams, \
				       spp_ipv6_flowlabel), 4)
#define SPP_MAX_SACKDELAY_MS	500	/* Linux's limit */
#define SPP_FLOWLABEL_MASK	0xfffff
#define SPP_DSCP_MASK		0xfc	/* the TOS byte without its ECN bits */

/* Linux: one of each pair of flags at most, and values in range. */
static int check_params(const struct sctp_paddrparams *spp,
			unsigned int optlen)
{
	u32 f = spp->spp_flags;

	if (optlen == SPP_OLD_LEN && f & (SPP_DSCP | SPP_IPV6_FLOWLABEL))
		return -EINVAL;
	if ((f & SPP_HB) == SPP_HB || (f & SPP_PMTUD) == SPP_PMTUD ||
	    (f & SPP_SACKDELAY) == SPP_SACKDELAY ||
	    spp->spp_sackdelay > SPP_MAX_SACKDELAY_MS ||
	    (spp->spp_pathmtu && spp->spp_pathmtu < XSCTP_MIN_PMTU))
		return -EINVAL;
	return 0;
}

static void set_flag(u8 *flags, u8 flag, bool on)
{
	if (on)
		*flags |= flag;
	else
		*flags &= ~flag;
}

/*
 * What @spp changes in one set of path settings. As Linux: a value of 0
 * leaves a setting as it was; the interval counts only with
 * SPP_HB_ENABLE (0 itself with SPP_HB_TIME_IS_ZERO), the MTU only with
 * SPP_PMTUD_DISABLE; a flow label only for IPv6 (@v6).
 */
static void apply_params(struct xsctp_path_params *pp,
			 const struct sctp_paddrparams *spp, bool v6)
{
	u32 f = spp->spp_flags;

	if (f & SPP_HB_TIME_IS_ZERO && f & SPP_HB_ENABLE)
		pp->hb_interval_ms = 0;
	else if (f & SPP_HB_ENABLE && spp->spp_hbinterval)
		pp->hb_interval_ms = spp->spp_hbinterval;
	if (f & SPP_HB)
		set_flag(&pp->flags, XSCTP_PP_HB_OFF, f & SPP_HB_DISABLE);
	if (f & SPP_PMTUD_DISABLE && spp->spp_pathmtu)
		pp->pmtu = spp->spp_pathmtu;
	if (f & SPP_PMTUD)
		set_flag(&pp->flags, XSCTP_PP_PMTUD_OFF, f & SPP_PMTUD_DISABLE);
	if (spp->spp_pathmaxrxt)
		pp->max_retrans = spp->spp_pathmaxrxt;
	if (f & SPP_IPV6_FLOWLABEL && v6) {
		pp->flowlabel = spp->spp_ipv6_flowlabel & SPP_FLOWLABEL_MASK;
		pp->flags |= XSCTP_PP_FLOWLABEL;
	}
	if (f & SPP_DSCP) {
		pp->dscp = spp->spp_dscp & SPP_DSCP_MASK;
		pp->flags |= XSCTP_PP_DSCP;
	}
}

/* As SCTP_DELAYED_SACK (sockopt_data.c): the time is kept while off. */
static void apply_sack(struct xsctp_assoc_cfg *cfg,
		       const struct sctp_paddrparams *spp)
{
	u32 f = spp->spp_flags;

	if (f & SPP_SACKDELAY_ENABLE && spp->spp_sackdelay)
		cfg->sack_timeout_ms = spp->spp_sackdelay;
	if (f & SPP_SACKDELAY_ENABLE)
		cfg->sack_delay_ms = cfg->sack_timeout_ms;
	else if (f & SPP_SACKDELAY_DISABLE)
		cfg->sack_delay_ms = 0;
}

/*
 * One path: a demanded heartbeat goes first, as in Linux. A path whose
 * discovery is turned back on learns its route's MTU with its next
 * packet (pmtu.c).
 */
static void apply_to_path(struct xsctp_path *p,
			  const struct sctp_paddrparams *spp)
{
	u32 f = spp->spp_flags;

	if (f & SPP_HB_DEMAND)
		xsctp_hb_demand(p->asoc, p);
	apply_params(&p->par, spp, p->addr.sa.sa_family == AF_INET6);
	if (f & SPP_PMTUD_DISABLE && spp->spp_pathmtu)
		p->pmtu = spp->spp_pathmtu;
	if (f & SPP_HB)
		xsctp_hb_params_changed(p->asoc, p);
}

static void apply_to_assoc(struct xsctp_assoc *asoc,
			   const struct sctp_paddrparams *spp)
{
	struct xsctp_path *p;

	apply_params(&asoc->cfg.path, spp, true);
	apply_sack(&asoc->cfg, spp);
	list_for_each_entry(p, &asoc->paths, node)
		apply_to_path(p, spp);
}

int xsctp_set_paddr_params(struct sock *sk, sockptr_t optval,
			   unsigned int optlen)
{
	struct xsctp_assoc_cfg *cfg = &xsctp_sk(sk)->cfg;
	struct sctp_paddrparams spp = {};
	struct xsctp_opt_target t;
	struct xsctp_assoc *by_id;
	int err;

	if (optlen != SPP_OLD_LEN && optlen != sizeof(spp))
		return -EINVAL;
	if (copy_from_sockptr(&spp, optval, optlen))
		return -EFAULT;
	err = check_params(&spp, optlen) ?:
	      xsctp_opt_target(sk, spp.spp_assoc_id, &spp.spp_address, &t) ?:
	      xsctp_opt_assoc(sk, spp.spp_assoc_id, &by_id);
	if (err)
		return err == -ENOENT ? -EINVAL : err;
	/* A heartbeat needs a path: the socket has none. */
	if (spp.spp_flags & SPP_HB_DEMAND && !t.asoc)
		return -EINVAL;
	if (t.path) {
		apply_to_path(t.path, &spp);
		apply_sack(&t.asoc->cfg, &spp);
	} else if (t.asoc) {
		apply_to_assoc(t.asoc, &spp);
	} else {
		apply_params(&cfg->path, &spp, sk->sk_family == AF_INET6);
		apply_sack(cfg, &spp);
	}
	return 0;
}

/* The smallest MTU of the association's paths: Linux's asoc->pathmtu. */
static u32 assoc_pmtu(const struct xsctp_assoc *asoc)
{
	const struct xsctp_path *p;
	u32 mtu = 0;

	list_for_each_entry(p, &asoc->paths, node)
		if (!mtu || p->pmtu < mtu)
			mtu = p->pmtu;
	return mtu;
}

static void fill_params(struct sctp_paddrparams *spp,
			const struct xsctp_path_params *pp,
			const struct xsctp_assoc_cfg *cfg, u32 pmtu)
{
	u32 f;

	f = pp->flags & XSCTP_PP_HB_OFF ? SPP_HB_DISABLE : SPP_HB_ENABLE;
	f |= pp->flags & XSCTP_PP_PMTUD_OFF ? SPP_PMTUD_DISABLE :
					      SPP_PMTUD_ENABLE;
	f |= cfg->sack_delay_ms ? SPP_SACKDELAY_ENABLE : SPP_SACKDELAY_DISABLE;
	if (pp->flags & XSCTP_PP_FLOWLABEL) {
		spp->spp_ipv6_flowlabel = pp->flowlabel;
		f |= SPP_IPV6_FLOWLABEL;
	}
	if (pp->flags & XSCTP_PP_DSCP) {
		spp->spp_dscp = pp->dscp;
		f |= SPP_DSCP;
	}
	spp->spp_flags = f;
	spp->spp_hbinterval = pp->hb_interval_ms;
	spp->spp_pathmaxrxt = pp->max_retrans;
	spp->spp_pathmtu = pmtu;
	spp->spp_sackdelay = cfg->sack_timeout_ms;
}

/* Linux: the old length is answered in kind, anything shorter refused. */
int xsctp_get_paddr_params(struct sock *sk, char __user *optval, int len,
			   int __user *optlen)
{
	struct xsctp_assoc_cfg *cfg = &xsctp_sk(sk)->cfg;
	struct sctp_paddrparams spp = {};
	struct xsctp_opt_target t;
	struct xsctp_assoc *by_id;
	int err;

	if (len >= (int)sizeof(spp))
		len = sizeof(spp);
	else if (len >= (int)SPP_OLD_LEN)
		len = SPP_OLD_LEN;
	else
		return -EINVAL;
	if (copy_from_user(&spp, optval, len))
		return -EFAULT;
	err = xsctp_opt_target(sk, spp.spp_assoc_id, &spp.spp_address, &t) ?:
	      xsctp_opt_assoc(sk, spp.spp_assoc_id, &by_id);
	if (err)
		return err == -ENOENT ? -EINVAL : err;
	if (t.path)
		fill_params(&spp, &t.path->par, &t.asoc->cfg, t.path->pmtu);
	else if (t.asoc)
		fill_params(&spp, &t.asoc->cfg.path, &t.asoc->cfg,
			    assoc_pmtu(t.asoc));
	else
		fill_params(&spp, &cfg->path, cfg, cfg->path.pmtu);
	return xsctp_put_opt(optval, optlen, &spp, len);
}

/* SCTP_PEER_ADDR_THLDS(_V2): 0 leaves Path.Max.Retrans as it was. */
static void apply_thlds(struct xsctp_path_params *pp,
			const struct sctp_paddrthlds_v2 *v, bool v2)
{
	if (v->spt_pathmaxrxt)
		pp->max_retrans = v->spt_pathmaxrxt;
	if (v2)
		pp->ps_retrans = v->spt_pathcpthld;
	pp->pf_retrans = v->spt_pathpfthld;
}

/* Linux: an address that names no path is ENOENT here, not EINVAL. */
int xsctp_set_paddr_thlds(struct sock *sk, sockptr_t optval,
			  unsigned int optlen, bool v2)
{
	unsigned int len = v2 ? sizeof(struct sctp_paddrthlds_v2) :
				sizeof(struct sctp_paddrthlds);
	struct sctp_paddrthlds_v2 v = {};
	struct xsctp_opt_target t;
	struct xsctp_path *p;
	int err;

	if (optlen < len)
		return -EINVAL;
	if (copy_from_sockptr(&v, optval, len))
		return -EFAULT;
	if (v2 && v.spt_pathpfthld > v.spt_pathcpthld)
		return -EINVAL;
	err = xsctp_opt_target(sk, v.spt_assoc_id, &v.spt_address, &t);
	if (err)
		return err;
	if (t.path) {
		apply_thlds(&t.path->par, &v, v2);
	} else if (t.asoc) {
		list_for_each_entry(p, &t.asoc->paths, node)
			apply_thlds(&p->par, &v, v2);
		apply_thlds(&t.asoc->cfg.path, &v, v2);
	} else {
		apply_thlds(&xsctp_sk(sk)->cfg.path, &v, v2);
	}
	return 0;
}

int xsctp_get_paddr_thlds(struct sock *sk, char __user *optval, int len,
			  int __user *optlen, bool v2)
{
	int size = v2 ? sizeof(struct sctp_paddrthlds_v2) :
			sizeof(struct sctp_paddrthlds);
	const struct xsctp_path_params *pp;
	struct sctp_paddrthlds_v2 v = {};
	struct xsctp_opt_target t;
	int err;

	if (len < size)
		return -EINVAL;
	if (copy_from_user(&v, optval, size))
		return -EFAULT;
	err = xsctp_opt_target(sk, v.spt_assoc_id, &v.spt_address, &t);
	if (err)
		return err;
	if (t.path)
		pp = &t.path->par;
	else if (t.asoc)
		pp = &t.asoc->cfg.path;
	else
		pp = &xsctp_sk(sk)->cfg.path;
	v.spt_pathmaxrxt = pp->max_retrans;
	v.spt_pathpfthld = pp->pf_retrans;
	v.spt_pathcpthld = pp->ps_retrans;
	return xsctp_put_opt(optval, optlen, &v, size);
}
