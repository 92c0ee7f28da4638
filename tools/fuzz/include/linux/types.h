/* SPDX-License-Identifier: GPL-2.0 */
/* User-space stand-ins for the kernel headers the pure xsctp code uses. */
#ifndef _FUZZ_LINUX_TYPES_H
#define _FUZZ_LINUX_TYPES_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <arpa/inet.h>
typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef uint32_t __le32;
typedef uint16_t __be16;
typedef uint32_t __be32;
#define cpu_to_be16(x) htons(x)
#define cpu_to_be32(x) htonl(x)
#define be32_to_cpu(x) ntohl(x)
#define U16_MAX 0xffff
#endif
