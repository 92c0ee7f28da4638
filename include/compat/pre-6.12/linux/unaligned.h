/* SPDX-License-Identifier: GPL-2.0 */
/*
 * 6.12 moved <asm/unaligned.h> to <linux/unaligned.h>. Kbuild puts this
 * directory on the include path only for kernels without the new header.
 */
#ifndef _XSCTP_COMPAT_LINUX_UNALIGNED_H
#define _XSCTP_COMPAT_LINUX_UNALIGNED_H
#include <asm/unaligned.h>
#endif
