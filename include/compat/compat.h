/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Force-included into every xsctp source file (see Kbuild). Absorbs the
 * differences between the kernels xsctp supports so that protocol files
 * never test kernel versions. Feature macros (COMPAT_HAVE_*) come from the
 * header probes in Kbuild, not from version numbers.
 */
#ifndef _XSCTP_COMPAT_H
#define _XSCTP_COMPAT_H

/* Every log line says who wrote it. Defined here because this header is
 * included before any kernel header that would default it.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/version.h>

#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 1, 0)
#error "xsctp needs Linux 6.1 or later"
#endif

/*
 * Since 6.5 struct proto says where a protocol keeps its ipv6_pinfo; before,
 * inet6_create() assumed it ends the socket. xsctp keeps it last so both
 * work, and names the offset where the field exists.
 */
#ifdef COMPAT_HAVE_IPV6_PINFO_OFFSET
#define COMPAT_IPV6_PINFO_OFFSET(type, member) \
	.ipv6_pinfo_offset = offsetof(type, member),
#else
#define COMPAT_IPV6_PINFO_OFFSET(type, member)
#endif

/* The KUnit symbol namespace became a string in 6.13. */
#ifndef COMPAT_KUNIT_NS
#define COMPAT_KUNIT_NS EXPORTED_FOR_KUNIT_TESTING
#endif

#endif /* _XSCTP_COMPAT_H */
