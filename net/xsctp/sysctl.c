// SPDX-License-Identifier: GPL-2.0
/*
 * net.sctp.* per network namespace, with Linux's names, types and limits,
 * so tools and tests that read /proc/sys/net/sctp work unchanged. The
 * values live in struct xsctp_net (netns.c gives them their defaults);
 * this file shows them, and opens or closes the UDP tunnel when udp_port
 * changes. See Documentation/sysctl.rst.
 *
 * The table is registered after IP protocol 132 is claimed: while sctp.ko
 * is loaded its own net/sctp entries exist, and xsctp must be refused by
 * the protocol check with its clear message, not by a duplicate sysctl.
 */
#include <linux/slab.h>
#include <linux/sysctl.h>
#include <net/net_namespace.h>

#include <net/xsctp/defaults.h>
#include <net/xsctp/netns.h>
#include <net/xsctp/udp.h>

static int timer_max = 86400000;	/* Linux's limit: one day in ms */
static int port_max = 65535;
static int ps_retrans_max = XSCTP_PS_RETRANS_MAX;
static int pf_expose_max = XSCTP_PF_EXPOSE_ENABLE;

/*
 * net.sctp.udp_port, as Linux's proc_sctp_do_udp_port(): a write opens
 * the tunnel sockets on the new port (udp.c), or closes them for 0.
 */
static int udp_port_sysctl(compat_ctl_table *ctl, int write, void *buffer,
			   size_t *lenp, loff_t *ppos)
{
	struct xsctp_net *xn = container_of(ctl->data, struct xsctp_net,
					    params.udp_port);
	int port = READ_ONCE(xn->params.udp_port);
	struct ctl_table tbl = *ctl;
	int err;

	tbl.data = &port;
	err = proc_dointvec_minmax(&tbl, write, buffer, lenp, ppos);
	if (err || !write)
		return err;
	return xsctp_udp_set_port(xn->net, port);
}

/*
 * The template points at this struct; each namespace's copy is rebased
 * onto that namespace's params, extra1/extra2 included, so rto_min and
 * rto_max bound each other within the namespace, as in Linux.
 */
static struct xsctp_params template_base;

#define PARAM(name, field, min, max) {				\
	.procname	= name,					\
	.data		= &template_base.field,			\
	.maxlen		= sizeof(int),				\
	.mode		= 0644,					\
	.proc_handler	= proc_dointvec_minmax,			\
	.extra1		= (void *)(min),			\
	.extra2		= (void *)(max),			\
}

static struct ctl_table xsctp_sysctl_template[] = {
	PARAM("rto_initial", rto_initial, SYSCTL_ONE, &timer_max),
	PARAM("rto_min", rto_min, SYSCTL_ONE, &template_base.rto_max),
	PARAM("rto_max", rto_max, &template_base.rto_min, &timer_max),
	PARAM("max_init_retransmits", max_init_retransmits, SYSCTL_ONE,
	      SYSCTL_INT_MAX),
	PARAM("association_max_retrans", association_max_retrans, SYSCTL_ONE,
	      SYSCTL_INT_MAX),
	PARAM("path_max_retrans", path_max_retrans, SYSCTL_ONE, SYSCTL_INT_MAX),
	PARAM("pf_retrans", pf_retrans, SYSCTL_ZERO, &template_base.ps_retrans),
	PARAM("ps_retrans", ps_retrans, &template_base.pf_retrans,
	      &ps_retrans_max),
	{	/* Linux takes any int here: non-zero is on */
		.procname	= "pf_enable",
		.data		= &template_base.pf_enable,
		.maxlen		= sizeof(int),
		.mode		= 0644,
		.proc_handler	= proc_dointvec,
	},
	PARAM("pf_expose", pf_expose, SYSCTL_ZERO, &pf_expose_max),
	PARAM("fast_failover", fast_failover, SYSCTL_ZERO, &timer_max),
	PARAM("hb_interval", hb_interval, SYSCTL_ONE, &timer_max),
	PARAM("valid_cookie_life", valid_cookie_life, SYSCTL_ONE, &timer_max),
	{
		.procname	= "udp_port",
		.data		= &template_base.udp_port,
		.maxlen		= sizeof(int),
		.mode		= 0644,
		.proc_handler	= udp_port_sysctl,
		.extra1		= SYSCTL_ZERO,
		.extra2		= &port_max,
	},
	PARAM("encap_port", encap_port, SYSCTL_ZERO, &port_max),
	PARAM("init_stagger", init_stagger, SYSCTL_ZERO, &timer_max),
	{ }	/* 6.1 needs the terminator; 6.12 is given the size */
};

/* A pointer into template_base, moved to the same field of @params. */
static void *rebase(void *ptr, struct xsctp_params *params)
{
	char *base = (char *)&template_base;
	char *p = ptr;

	if (p < base || p >= base + sizeof(template_base))
		return ptr;
	return (char *)params + (p - base);
}

static int __net_init xsctp_sysctl_net_init(struct net *net)
{
	struct xsctp_net *xn = xsctp_net(net);
	struct ctl_table *table;
	int i;

	table = kmemdup(xsctp_sysctl_template, sizeof(xsctp_sysctl_template),
			GFP_KERNEL);
	if (!table)
		return -ENOMEM;
	for (i = 0; i < ARRAY_SIZE(xsctp_sysctl_template) - 1; i++) {
		table[i].data = rebase(table[i].data, &xn->params);
		table[i].extra1 = rebase(table[i].extra1, &xn->params);
		table[i].extra2 = rebase(table[i].extra2, &xn->params);
	}
	xn->sysctl_header = register_net_sysctl_sz(net, "net/sctp", table,
						   ARRAY_SIZE(xsctp_sysctl_template) - 1);
	if (!xn->sysctl_header) {
		kfree(table);
		return -ENOMEM;
	}
	return 0;
}

static void __net_exit xsctp_sysctl_net_exit(struct net *net)
{
	struct xsctp_net *xn = xsctp_net(net);
	const struct ctl_table *table = xn->sysctl_header->ctl_table_arg;

	unregister_net_sysctl_table(xn->sysctl_header);
	xn->sysctl_header = NULL;
	kfree(table);
}

static struct pernet_operations xsctp_sysctl_ops = {
	.init = xsctp_sysctl_net_init,
	.exit = xsctp_sysctl_net_exit,
};

int xsctp_sysctl_init(void)
{
	return register_pernet_subsys(&xsctp_sysctl_ops);
}

void xsctp_sysctl_exit(void)
{
	unregister_pernet_subsys(&xsctp_sysctl_ops);
}
