/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Serial number arithmetic (RFC 1982) for 32-bit TSNs and 16-bit stream
 * sequence numbers: a is "before" b when b - a, taken modulo 2^n, is in
 * (0, 2^(n-1)). The comparison is not a total order: values exactly
 * 2^(n-1) apart are neither before nor after each other.
 */
#ifndef _NET_XSCTP_SERIAL_H
#define _NET_XSCTP_SERIAL_H

#include <linux/types.h>

static inline bool xsctp_tsn_lt(u32 a, u32 b)
{
	return a != b && (u32)(b - a) < (1U << 31);
}

static inline bool xsctp_tsn_lte(u32 a, u32 b)
{
	return a == b || xsctp_tsn_lt(a, b);
}

static inline bool xsctp_ssn_lt(u16 a, u16 b)
{
	return a != b && ((b - a) & 0xffff) < (1U << 15);
}

#endif /* _NET_XSCTP_SERIAL_H */
