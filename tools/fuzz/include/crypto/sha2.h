/* SPDX-License-Identifier: GPL-2.0 */
/* User-space stand-in for the kernel's SHA-256 library (sha256.c here). */
#ifndef _FUZZ_CRYPTO_SHA2_H
#define _FUZZ_CRYPTO_SHA2_H
#include <linux/types.h>

#define SHA256_DIGEST_SIZE	32
#define SHA256_BLOCK_SIZE	64

struct sha256_state {
	u32 state[8];
	u64 count;
	u8 buf[SHA256_BLOCK_SIZE];
};

void sha256_init(struct sha256_state *s);
void sha256_update(struct sha256_state *s, const u8 *data, unsigned int len);
void sha256_final(struct sha256_state *s, u8 *out);
#endif
