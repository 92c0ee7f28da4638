/* SPDX-License-Identifier: GPL-2.0 */
/* User-space stand-in: the constant-time compare cookie.c uses. */
#ifndef _FUZZ_CRYPTO_ALGAPI_H
#define _FUZZ_CRYPTO_ALGAPI_H
#include <linux/types.h>

static inline bool crypto_memneq(const void *a, const void *b, size_t size)
{
	const u8 *x = a, *y = b;
	u8 neq = 0;

	while (size--)
		neq |= *x++ ^ *y++;
	return neq != 0;
}
#endif
