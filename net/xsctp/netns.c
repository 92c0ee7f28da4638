// SPDX-License-Identifier: GPL-2.0
/*
 * Per-network-namespace state. Each namespace gets its own counters and
 * /proc/net/xsctp directory when it is created (or when xsctp loads), and
 * loses them when it is destroyed (or when xsctp unloads).
 */
#include <linux/percpu.h>
#include <net/netns/generic.h>

#include <net/xsctp/defaults.h>
#include <net/xsctp/netns.h>
#include <net/xsctp/udp.h>

static unsigned int xsctp_net_id __read_mostly;

struct xsctp_net *xsctp_net(const struct net *net)
{
	return net_generic(net, xsctp_net_id);
}

static void params_init(struct xsctp_params *p)
{
	p->rto_initial = XSCTP_DEF_RTO_INITIAL_MS;
	p->rto_min = XSCTP_DEF_RTO_MIN_MS;
	p->rto_max = XSCTP_DEF_RTO_MAX_MS;
	p->max_init_retransmits = XSCTP_DEF_MAX_INIT_RETRANSMITS;
	p->association_max_retrans = XSCTP_DEF_ASSOC_MAX_RETRANS;
	p->path_max_retrans = XSCTP_DEF_PATH_MAX_RETRANS;
	p->pf_retrans = XSCTP_DEF_PF_RETRANS;
	p->ps_retrans = XSCTP_PS_RETRANS_MAX;
	p->pf_enable = XSCTP_DEF_PF_ENABLE;
	p->pf_expose = XSCTP_PF_EXPOSE_UNSET;
	p->fast_failover = XSCTP_DEF_FAST_FAILOVER_MS;
	p->hb_interval = XSCTP_DEF_HB_INTERVAL_MS;
	p->valid_cookie_life = XSCTP_DEF_VALID_COOKIE_LIFE_MS;
	p->init_stagger = XSCTP_DEF_INIT_STAGGER_MS;
}

static int __net_init xsctp_net_init(struct net *net)
{
	struct xsctp_net *xn = xsctp_net(net);
	int err;

	xn->net = net;
	params_init(&xn->params);
	xsctp_cookie_keys_net_init(xn);

	xn->mib = alloc_percpu(struct xsctp_mib);
	if (!xn->mib)
		return -ENOMEM;

	err = xsctp_proc_net_init(net, xn);
	if (err)
		goto err_free_mib;

	pr_debug("netns %u created\n", net->ns.inum);
	return 0;

err_free_mib:
	free_percpu(xn->mib);
	return err;
}

static void __net_exit xsctp_net_exit(struct net *net)
{
	struct xsctp_net *xn = xsctp_net(net);

	xsctp_udp_net_exit(net);
	xsctp_proc_net_exit(net, xn);
	free_percpu(xn->mib);
	memzero_explicit(&xn->cookie_keys, sizeof(xn->cookie_keys));
	pr_debug("netns %u destroyed\n", net->ns.inum);
}

static struct pernet_operations xsctp_net_ops = {
	.init = xsctp_net_init,
	.exit = xsctp_net_exit,
	.id = &xsctp_net_id,
	.size = sizeof(struct xsctp_net),
};

int xsctp_netns_init(void)
{
	return register_pernet_subsys(&xsctp_net_ops);
}

void xsctp_netns_exit(void)
{
	unregister_pernet_subsys(&xsctp_net_ops);
}
