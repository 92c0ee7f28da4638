// SPDX-License-Identifier: GPL-2.0
/*
 * Error causes in ABORT and ERROR chunks. A cause of a known code must be
 * as long as its code says, and the TLV it quotes (an address parameter,
 * a chunk) must fit inside it, so a handler can read what a cause names
 * without checking lengths again. Unknown codes are passed through.
 */
#include <kunit/visibility.h>
#include <linux/align.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/string.h>
#include <linux/unaligned.h>

#include <net/xsctp/cause.h>

/* The quoted TLV (a parameter or a chunk) has a length that fits. */
static bool quotes_tlv(const struct xsctp_cause *cause)
{
	u16 inner;

	if (cause->len < 8)
		return false;
	inner = get_unaligned_be16(cause->info + 2);
	return inner >= 4 && inner <= cause->len - 4;
}

static bool missing_params_fit(const struct xsctp_cause *cause)
{
	u32 count;

	if (cause->len < 8)
		return false;
	count = get_unaligned_be32(cause->info);
	return !(cause->len % 2) && count == (cause->len - 8u) / 2;
}

static bool cause_len_valid(const struct xsctp_cause *cause)
{
	switch (cause->code) {
	case XSCTP_CAUSE_INVALID_STREAM:
	case XSCTP_CAUSE_STALE_COOKIE:
	case XSCTP_CAUSE_NO_USER_DATA:
		return cause->len == 8;
	case XSCTP_CAUSE_MISSING_PARAM:
		return missing_params_fit(cause);
	case XSCTP_CAUSE_UNRESOLVABLE_ADDR:
	case XSCTP_CAUSE_UNRECOGNIZED_CHUNK:
	case XSCTP_CAUSE_UNRECOGNIZED_PARAMS:
		return quotes_tlv(cause);
	default:	/* no information, or free-form information */
		return true;
	}
}

/* Walk the causes of an ABORT or ERROR chunk. */
void xsctp_causes(const struct xsctp_chunk *c, struct xsctp_tlv_iter *it)
{
	xsctp_wire_params(c, 0, it);
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_causes);

/**
 * xsctp_causes_framed() - does an ABORT's value hold whole causes?
 * @c: the chunk
 *
 * RFC 9260 3.3.7: an ABORT with a format error MUST be discarded. As in
 * Linux's sctp_err_chunk_valid(), that is the framing: every cause at
 * least a header long, inside the chunk, the last one ending with it.
 * What a known cause holds is checked where it is read.
 *
 * Return: true if the causes fill the chunk exactly.
 */
bool xsctp_causes_framed(const struct xsctp_chunk *c)
{
	enum xsctp_wire_err err;
	struct xsctp_tlv_iter it;
	struct xsctp_param p;

	xsctp_causes(c, &it);
	while (xsctp_wire_next_param(&it, &p, &err))
		;
	return err == XSCTP_WIRE_OK;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_causes_framed);

/**
 * xsctp_cause_next() - the next error cause
 * @it: from xsctp_causes()
 * @cause: the cause
 * @err: XSCTP_WIRE_OK at the normal end, else why the walk failed
 *
 * Return: true if @cause holds a cause whose length suits its code.
 */
bool xsctp_cause_next(struct xsctp_tlv_iter *it, struct xsctp_cause *cause,
		      enum xsctp_wire_err *err)
{
	struct xsctp_param p;

	if (!xsctp_wire_next_param(it, &p, err))
		return false;
	cause->code = p.type;
	cause->len = p.len;
	cause->info = p.value;
	if (!cause_len_valid(cause)) {
		*err = XSCTP_WIRE_BAD_CAUSE;
		return false;
	}
	return true;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_cause_next);

/*
 * The 32-bit field of Stale Cookie (staleness in microseconds) and No
 * User Data (the TSN); Invalid Stream Identifier's stream is the top half.
 */
u32 xsctp_cause_u32(const struct xsctp_cause *cause)
{
	return cause->len >= 8 ? get_unaligned_be32(cause->info) : 0;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_cause_u32);

int xsctp_cause_put(u8 *buf, size_t room, u16 code, const void *info,
		    u16 info_len)
{
	return xsctp_wire_put_param(buf, room, code, info, info_len);
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_cause_put);

int xsctp_cause_put_u32(u8 *buf, size_t room, u16 code, u32 value)
{
	__be32 v = cpu_to_be32(value);

	return xsctp_cause_put(buf, room, code, &v, sizeof(v));
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_cause_put_u32);

/**
 * xsctp_error_put_unrecognized() - an ERROR for an INIT ACK's unknown
 *	parameters that asked to be reported
 * @buf: where
 * @room: bytes available
 * @init: the INIT ACK, parsed (its unrecognized[])
 *
 * One Unrecognized Parameters cause (RFC 9260 3.3.10.8) quoting each one
 * whole, padded but for the last, whose padding the lengths leave out.
 *
 * Return: the bytes written (padded), or -ENOSPC.
 */
int xsctp_error_put_unrecognized(u8 *buf, size_t room,
				 const struct xsctp_init *init)
{
	size_t pos = XSCTP_CHUNK_HDR_LEN + XSCTP_PARAM_HDR_LEN, end = pos;
	const struct xsctp_param *p;
	unsigned int i;

	if (room < pos)
		return -ENOSPC;
	for (i = 0; i < init->num_unrecognized; i++) {
		p = &init->unrecognized[i];
		if (room - pos < ALIGN(p->len, 4))
			return -ENOSPC;
		memcpy(buf + pos, p->value - XSCTP_PARAM_HDR_LEN, p->len);
		memset(buf + pos + p->len, 0, ALIGN(p->len, 4) - p->len);
		end = pos + p->len;
		pos += ALIGN(p->len, 4);
	}
	buf[0] = XSCTP_CID_ERROR;
	buf[1] = 0;
	put_unaligned_be16(end, buf + 2);
	put_unaligned_be16(XSCTP_CAUSE_UNRECOGNIZED_PARAMS, buf + 4);
	put_unaligned_be16(end - XSCTP_CHUNK_HDR_LEN, buf + 6);
	return pos;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_error_put_unrecognized);

/* Missing Mandatory Parameter (3.3.10.2): one, the State Cookie. */
static int put_missing_cookie(u8 *buf, size_t room)
{
	u8 info[6];

	put_unaligned_be32(1, info);
	put_unaligned_be16(XSCTP_PARAM_STATE_COOKIE, info + 4);
	return xsctp_cause_put(buf, room, XSCTP_CAUSE_MISSING_PARAM, info,
			       sizeof(info));
}

/**
 * xsctp_cause_put_init_err() - the cause of the ABORT that refuses an
 * INIT or INIT ACK the codec could not use
 * @buf: where
 * @room: bytes available
 * @err: what xsctp_wire_parse_init() said
 * @init: what it parsed
 *
 * RFC 9260 3.3.10: the specific cause where there is one: Invalid
 * Mandatory Parameter for a stream count of 0 or an a_rwnd below 1500 (or
 * an Initiate Tag of 0, which an INIT ACK cannot have), Missing Mandatory Parameter for an INIT
 * ACK without a State Cookie, Unresolvable Address with the Host Name
 * Address parameter (5.1.2: not supported); Protocol Violation for the
 * rest (a parameter of the wrong length). A Host Name Address too long for
 * @room is not quoted: Unresolvable Address then says nothing of it.
 *
 * Return: the cause's length, or a negative errno.
 */
int xsctp_cause_put_init_err(u8 *buf, size_t room, enum xsctp_wire_err err,
			     const struct xsctp_init *init)
{
	const struct xsctp_param *h = &init->host_name;

	switch (err) {
	case XSCTP_WIRE_BAD_FIELD:
		return xsctp_cause_put(buf, room, XSCTP_CAUSE_INVALID_PARAM,
				       NULL, 0);
	case XSCTP_WIRE_MISSING_COOKIE:
		return put_missing_cookie(buf, room);
	case XSCTP_WIRE_HOST_NAME:
		if (XSCTP_PARAM_HDR_LEN + ALIGN(h->len, 4) <= room)
			return xsctp_cause_put(buf, room,
					       XSCTP_CAUSE_UNRESOLVABLE_ADDR,
					       h->value - XSCTP_PARAM_HDR_LEN,
					       h->len);
		return xsctp_cause_put(buf, room, XSCTP_CAUSE_UNRESOLVABLE_ADDR,
				       NULL, 0);
	default:
		return xsctp_cause_put(buf, room,
				       XSCTP_CAUSE_PROTOCOL_VIOLATION, NULL, 0);
	}
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_cause_put_init_err);
