/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _FUZZ_LINUX_LOG2_H
#define _FUZZ_LINUX_LOG2_H
#include <linux/types.h>
static inline bool is_power_of_2(unsigned long n)
{
	return n && !(n & (n - 1));
}
#endif
