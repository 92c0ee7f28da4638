/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _FUZZ_LINUX_LIMITS_H
#define _FUZZ_LINUX_LIMITS_H
#include <limits.h>
#include <linux/types.h>
#define U32_MAX	UINT32_MAX
#define U64_MAX	UINT64_MAX
#endif
