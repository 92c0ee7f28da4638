/* SPDX-License-Identifier: GPL-2.0 */
/* Not <errno.h>: glibc's would include this file again as <linux/errno.h>. */
#ifndef _FUZZ_LINUX_ERRNO_H
#define _FUZZ_LINUX_ERRNO_H
#define EINVAL 22
#define ENOSPC 28
#endif
