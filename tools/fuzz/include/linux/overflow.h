/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _FUZZ_LINUX_OVERFLOW_H
#define _FUZZ_LINUX_OVERFLOW_H
#define check_add_overflow(a, b, d) __builtin_add_overflow(a, b, d)
#endif
