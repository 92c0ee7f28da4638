/* SPDX-License-Identifier: GPL-2.0 */
#include <string.h>
#ifndef _FUZZ_LINUX_STRING_H
#define _FUZZ_LINUX_STRING_H
/* The kernel's: a memset the compiler may not drop. */
static inline void memzero_explicit(void *s, size_t n)
{
	memset(s, 0, n);
	__asm__ __volatile__("" : : "r"(s) : "memory");
}
#endif
