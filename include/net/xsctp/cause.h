/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Error causes (RFC 9260 3.3.10), carried by ABORT and ERROR chunks: read
 * with each known cause's length checked, written with padding.
 */
#ifndef _NET_XSCTP_CAUSE_H
#define _NET_XSCTP_CAUSE_H

#include <net/xsctp/wire.h>

enum xsctp_cause_code {
	XSCTP_CAUSE_INVALID_STREAM = 1,
	XSCTP_CAUSE_MISSING_PARAM = 2,
	XSCTP_CAUSE_STALE_COOKIE = 3,
	XSCTP_CAUSE_OUT_OF_RESOURCE = 4,
	XSCTP_CAUSE_UNRESOLVABLE_ADDR = 5,
	XSCTP_CAUSE_UNRECOGNIZED_CHUNK = 6,
	XSCTP_CAUSE_INVALID_PARAM = 7,
	XSCTP_CAUSE_UNRECOGNIZED_PARAMS = 8,
	XSCTP_CAUSE_NO_USER_DATA = 9,
	XSCTP_CAUSE_COOKIE_IN_SHUTDOWN = 10,
	XSCTP_CAUSE_RESTART_NEW_ADDRS = 11,
	XSCTP_CAUSE_USER_ABORT = 12,
	XSCTP_CAUSE_PROTOCOL_VIOLATION = 13,
};

/* A cause has the parameter layout: code, length, information. */
struct xsctp_cause {
	u16 code;
	u16 len;		/* header + information, without padding */
	const u8 *info;		/* len - 4 bytes */
};

void xsctp_causes(const struct xsctp_chunk *c, struct xsctp_tlv_iter *it);
bool xsctp_causes_framed(const struct xsctp_chunk *c);
bool xsctp_cause_next(struct xsctp_tlv_iter *it, struct xsctp_cause *cause,
		      enum xsctp_wire_err *err);
u32 xsctp_cause_u32(const struct xsctp_cause *cause);

int xsctp_cause_put(u8 *buf, size_t room, u16 code, const void *info,
		    u16 info_len);
int xsctp_cause_put_u32(u8 *buf, size_t room, u16 code, u32 value);
int xsctp_cause_put_init_err(u8 *buf, size_t room, enum xsctp_wire_err err,
			     const struct xsctp_init *init);

/* The room xsctp_error_put_unrecognized() may need. */
#define XSCTP_UNRECOGNIZED_ERROR_MAX \
	(XSCTP_CHUNK_HDR_LEN + XSCTP_PARAM_HDR_LEN + XSCTP_UNRECOGNIZED_ROOM)
int xsctp_error_put_unrecognized(u8 *buf, size_t room,
				 const struct xsctp_init *init);

#endif /* _NET_XSCTP_CAUSE_H */
