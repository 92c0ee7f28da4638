/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Force-included into every xsctp source file (see Kbuild). Absorbs the
 * differences between the kernels xsctp supports so that protocol files
 * never test kernel versions. Feature macros (COMPAT_HAVE_*) come from the
 * header probes in Kbuild, not from version numbers; Kbuild also refuses
 * kernels older than 6.1. Protocol files may test a COMPAT_HAVE_* macro at
 * the few sites where a shim would hide more than it helps.
 */
#ifndef _XSCTP_COMPAT_H
#define _XSCTP_COMPAT_H

/* Every log line says who wrote it. Defined here because this header is
 * included before any kernel header that would default it.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

/* 6.1 sizes sysctl tables by their empty terminating entry. */
#ifndef COMPAT_HAVE_REGISTER_NET_SYSCTL_SZ
#define register_net_sysctl_sz(net, path, table, size) \
	((void)(size), register_net_sysctl(net, path, table))
#endif

/* 6.5 moved the IPv6 flow-label list from ipv6_pinfo to inet_sock. */
#ifdef COMPAT_HAVE_INET_IPV6_FL_LIST
#define compat_clear_ipv6_fl_list(sk) \
	RCU_INIT_POINTER(inet_sk(sk)->ipv6_fl_list, NULL)
#else
#define compat_clear_ipv6_fl_list(sk) (inet_sk(sk)->pinet6->ipv6_fl_list = NULL)
#endif

/* 6.11 passes sysctl handlers a const table. */
#ifdef COMPAT_HAVE_CONST_CTL_TABLE
#define compat_ctl_table const struct ctl_table
#else
#define compat_ctl_table struct ctl_table
#endif

/*
 * The core finishes a CRC32c left as CHECKSUM_PARTIAL only in kernels
 * built with SCTP (skb->csum_not_inet); elsewhere xsctp computes it.
 */
#if IS_ENABLED(CONFIG_IP_SCTP)
#define compat_skb_mark_crc32c(skb) ((skb)->csum_not_inet = 1, true)
#else
#define compat_skb_mark_crc32c(skb) ((void)(skb), false)
#endif

#endif /* _XSCTP_COMPAT_H */
