// SPDX-License-Identifier: GPL-2.0
/*
 * Reading and writing the SCTP wire format. Every length a peer sends is
 * checked against the bytes actually present before anything is read, so
 * no input can make these functions read outside the buffer they were
 * given, and the writers never write past the room they were given.
 */
#include <kunit/visibility.h>
#include <linux/align.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/limits.h>
#include <linux/minmax.h>
#include <linux/string.h>
#include <linux/unaligned.h>

#include <net/xsctp/crc.h>
#include <net/xsctp/wire.h>

/* The shortest valid chunk of each known type, header included. */
static unsigned int min_chunk_len(u8 type)
{
	switch (type) {
	case XSCTP_CID_DATA:
	case XSCTP_CID_SACK:
		return 16;
	case XSCTP_CID_INIT:
	case XSCTP_CID_INIT_ACK:
		return XSCTP_CHUNK_HDR_LEN + XSCTP_INIT_FIXED_LEN;
	case XSCTP_CID_HEARTBEAT:
	case XSCTP_CID_HEARTBEAT_ACK:	/* + a Heartbeat Info header */
	case XSCTP_CID_SHUTDOWN:
	case XSCTP_CID_ECNE:
	case XSCTP_CID_CWR:
	case XSCTP_CID_FORWARD_TSN:
		return 8;
	default:
		return XSCTP_CHUNK_HDR_LEN;
	}
}

static bool known_chunk(u8 type)
{
	return type <= XSCTP_CID_SHUTDOWN_COMPLETE || type == XSCTP_CID_PAD ||
	       type == XSCTP_CID_FORWARD_TSN;
}

/* RFC 9260 6.10: these must be the only chunk in their packet. */
static bool must_be_alone(u8 type)
{
	return type == XSCTP_CID_INIT || type == XSCTP_CID_INIT_ACK ||
	       type == XSCTP_CID_SHUTDOWN_COMPLETE;
}

/* The upper two bits of an unknown type say what to do (RFC 9260 3.2). */
static bool unknown_says_stop(unsigned int type_bits)
{
	return !(type_bits & 2);
}

static bool unknown_says_report(unsigned int type_bits)
{
	return type_bits & 1;
}

/* An unknown chunk whose type's upper bits say "report" (01, 11). */
bool xsctp_wire_chunk_reported(u8 type)
{
	return !known_chunk(type) && unknown_says_report(type >> 6);
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_wire_chunk_reported);

/* Reads one TLV header at it->pos; 0 or a length error. */
static enum xsctp_wire_err tlv_header(const struct xsctp_tlv_iter *it,
				      u16 *type, u16 *len, bool is_chunk,
				      enum xsctp_wire_err bad)
{
	size_t left = it->end - it->pos;

	if (left < 4)
		return bad;
	if (is_chunk)
		*type = it->pos[0];
	else
		*type = get_unaligned_be16(it->pos);
	*len = get_unaligned_be16(it->pos + 2);
	if (*len < 4 || *len > left)
		return bad;
	return XSCTP_WIRE_OK;
}

/**
 * xsctp_wire_check_packet() - validate a received packet's chunk structure
 * @pkt: the packet from the common header on
 * @len: its length
 * @chunks: set to walk the chunks to process with xsctp_wire_next_chunk();
 *	it ends early at an unknown chunk whose type says "stop" (after it,
 *	if it says "report" too)
 * @report_unknown: set when an unknown chunk asks to be reported
 *
 * Return: XSCTP_WIRE_OK, or why the whole packet must be discarded.
 */
enum xsctp_wire_err xsctp_wire_check_packet(const u8 *pkt, size_t len,
					    struct xsctp_tlv_iter *chunks,
					    bool *report_unknown)
{
	struct xsctp_tlv_iter it;
	unsigned int count = 0;
	bool lonely = false;
	u16 type, clen;

	*report_unknown = false;
	if (len < XSCTP_COMMON_HDR_LEN)
		return XSCTP_WIRE_SHORT_PACKET;
	if (len == XSCTP_COMMON_HDR_LEN)
		return XSCTP_WIRE_NO_CHUNKS;
	it.pos = pkt + XSCTP_COMMON_HDR_LEN;
	it.end = pkt + len;
	*chunks = it;

	while (it.pos < it.end) {
		enum xsctp_wire_err err;

		err = tlv_header(&it, &type, &clen, true, XSCTP_WIRE_BAD_CHUNK_LEN);
		if (err)
			return err;
		/* Padding is not in the length, but it must be in the packet. */
		if (ALIGN(clen, 4) > it.end - it.pos)
			return XSCTP_WIRE_BAD_CHUNK_LEN;
		if (!known_chunk(type)) {
			*report_unknown |= unknown_says_report(type >> 6);
			if (unknown_says_stop(type >> 6)) {
				/* The last to process: it may ask to be reported. */
				chunks->end = it.pos;
				if (unknown_says_report(type >> 6))
					chunks->end += ALIGN(clen, 4);
				break;
			}
		} else if (clen < min_chunk_len(type)) {
			return XSCTP_WIRE_CHUNK_TOO_SHORT;
		}
		lonely |= must_be_alone(type);
		count++;
		it.pos += ALIGN(clen, 4);
	}
	if (lonely && (count > 1 || it.pos < it.end))
		return XSCTP_WIRE_NOT_ALONE;
	return XSCTP_WIRE_OK;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_wire_check_packet);

/* The next chunk of a checked packet; false at the end. */
bool xsctp_wire_next_chunk(struct xsctp_tlv_iter *it, struct xsctp_chunk *c)
{
	u16 type, len;

	if (tlv_header(it, &type, &len, true, XSCTP_WIRE_BAD_CHUNK_LEN))
		return false;
	c->type = type;
	c->flags = it->pos[1];
	c->len = len;
	c->value = it->pos + XSCTP_CHUNK_HDR_LEN;
	it->pos += min_t(size_t, ALIGN(len, 4), it->end - it->pos);
	return true;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_wire_next_chunk);

/* Walk the parameters that follow @fixed bytes of a chunk's value. */
void xsctp_wire_params(const struct xsctp_chunk *c, size_t fixed,
		       struct xsctp_tlv_iter *it)
{
	size_t vlen = c->len - XSCTP_CHUNK_HDR_LEN;

	it->end = c->value + vlen;
	it->pos = c->value + min(fixed, vlen);
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_wire_params);

/**
 * xsctp_wire_next_param() - the next parameter of a chunk
 * @it: from xsctp_wire_params()
 * @p: the parameter
 * @err: XSCTP_WIRE_OK at the normal end, else why the walk failed
 *
 * The chunk length covers the padding of every parameter but the last, so
 * only the last one may end unpadded.
 *
 * Return: true if @p holds a parameter.
 */
bool xsctp_wire_next_param(struct xsctp_tlv_iter *it, struct xsctp_param *p,
			   enum xsctp_wire_err *err)
{
	*err = XSCTP_WIRE_OK;
	if (it->pos >= it->end)
		return false;
	*err = tlv_header(it, &p->type, &p->len, false, XSCTP_WIRE_BAD_PARAM_LEN);
	if (*err)
		return false;
	p->value = it->pos + XSCTP_PARAM_HDR_LEN;
	it->pos += min_t(size_t, ALIGN(p->len, 4), it->end - it->pos);
	return true;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_wire_next_param);

static bool param_len_is(const struct xsctp_param *p, u16 len)
{
	return p->len == len;
}

static void keep_addr(struct xsctp_init *init, const struct xsctp_param *p)
{
	if (init->num_addrs < XSCTP_MAX_INIT_ADDRS)
		init->addrs[init->num_addrs++] = *p;
}

/* An unknown parameter to report, while the bounds allow. */
static void keep_unrecognized(struct xsctp_init *init,
			      const struct xsctp_param *p)
{
	unsigned int i, used = ALIGN(p->len, 4);

	if (init->num_unrecognized == XSCTP_MAX_UNRECOGNIZED)
		return;
	for (i = 0; i < init->num_unrecognized; i++)
		used += ALIGN(init->unrecognized[i].len, 4);
	if (used <= XSCTP_UNRECOGNIZED_ROOM)
		init->unrecognized[init->num_unrecognized++] = *p;
}

/*
 * One INIT or INIT ACK parameter. Returns an error, or OK with *stop set
 * when an unknown parameter ends the walk.
 */
static enum xsctp_wire_err init_param(struct xsctp_init *init, bool is_ack,
				      const struct xsctp_param *p, bool *stop)
{
	switch (p->type) {
	case XSCTP_PARAM_IPV4:
	case XSCTP_PARAM_IPV6:
		if (!param_len_is(p, p->type == XSCTP_PARAM_IPV4 ? 8 : 20))
			return XSCTP_WIRE_BAD_PARAM;
		keep_addr(init, p);
		return XSCTP_WIRE_OK;
	case XSCTP_PARAM_STATE_COOKIE:
		if (is_ack)
			init->cookie = *p;
		return XSCTP_WIRE_OK;
	case XSCTP_PARAM_COOKIE_PRESERVATIVE:
		if (!param_len_is(p, 8))
			return XSCTP_WIRE_BAD_PARAM;
		init->cookie_preservative_ms = get_unaligned_be32(p->value);
		return XSCTP_WIRE_OK;
	case XSCTP_PARAM_HOST_NAME:
		init->host_name = *p;
		return XSCTP_WIRE_HOST_NAME;
	case XSCTP_PARAM_SUPPORTED_ADDR_TYPES:
		if (p->len < 6 || p->len % 2)
			return XSCTP_WIRE_BAD_PARAM;
		return XSCTP_WIRE_OK;
	case XSCTP_PARAM_ECN_CAPABLE:
	case XSCTP_PARAM_FORWARD_TSN_SUPPORTED:
		if (!param_len_is(p, 4))
			return XSCTP_WIRE_BAD_PARAM;
		if (p->type == XSCTP_PARAM_ECN_CAPABLE)
			init->ecn_capable = true;
		else
			init->forward_tsn = true;
		return XSCTP_WIRE_OK;
	case XSCTP_PARAM_UNRECOGNIZED:
	case XSCTP_PARAM_PAD:
		return XSCTP_WIRE_OK;
	default:
		if (unknown_says_report(p->type >> 14))
			keep_unrecognized(init, p);
		*stop = unknown_says_stop(p->type >> 14);
		return XSCTP_WIRE_OK;
	}
}

/**
 * xsctp_wire_parse_init() - read an INIT or INIT ACK chunk
 * @c: the chunk, from a packet xsctp_wire_check_packet() accepted
 * @init: its fields and parameters
 *
 * Addresses past XSCTP_MAX_INIT_ADDRS are ignored. An unknown parameter
 * whose type says "stop" ends the walk (RFC 9260 3.2.1); the parameters
 * before it still count.
 *
 * Return: XSCTP_WIRE_OK or why the chunk cannot be used.
 */
enum xsctp_wire_err xsctp_wire_parse_init(const struct xsctp_chunk *c,
					  struct xsctp_init *init)
{
	bool is_ack = c->type == XSCTP_CID_INIT_ACK;
	struct xsctp_tlv_iter it;
	struct xsctp_param p;
	enum xsctp_wire_err err;
	bool stop = false;

	memset(init, 0, sizeof(*init));
	if (c->len < XSCTP_CHUNK_HDR_LEN + XSCTP_INIT_FIXED_LEN)
		return XSCTP_WIRE_CHUNK_TOO_SHORT;
	init->init_tag = get_unaligned_be32(c->value);
	init->a_rwnd = get_unaligned_be32(c->value + 4);
	init->num_outbound = get_unaligned_be16(c->value + 8);
	init->num_inbound = get_unaligned_be16(c->value + 10);
	init->initial_tsn = get_unaligned_be32(c->value + 12);
	if (!init->init_tag || !init->num_outbound || !init->num_inbound ||
	    init->a_rwnd < XSCTP_MIN_RWND)
		return XSCTP_WIRE_BAD_FIELD;

	xsctp_wire_params(c, XSCTP_INIT_FIXED_LEN, &it);
	while (!stop && xsctp_wire_next_param(&it, &p, &err)) {
		err = init_param(init, is_ack, &p, &stop);
		if (err)
			return err;
	}
	if (err)
		return err;
	if (is_ack && !init->cookie.value)
		return XSCTP_WIRE_MISSING_COOKIE;
	return XSCTP_WIRE_OK;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_wire_parse_init);

/* A TLV with zero padding; the bytes written, or -ENOSPC. */
static int put_tlv(u8 *buf, size_t room, u8 hdr[4], const void *value,
		   u16 value_len)
{
	size_t len = 4 + (size_t)value_len;

	if (len > U16_MAX)
		return -EINVAL;
	if (ALIGN(len, 4) > room)
		return -ENOSPC;
	put_unaligned_be16(len, hdr + 2);
	memcpy(buf, hdr, 4);
	if (value_len)
		memcpy(buf + 4, value, value_len);
	memset(buf + len, 0, ALIGN(len, 4) - len);
	return ALIGN(len, 4);
}

/* Write a chunk (header, value, padding) at @buf, which has @room bytes. */
int xsctp_wire_put_chunk(u8 *buf, size_t room, u8 type, u8 flags,
			 const void *value, u16 value_len)
{
	u8 hdr[4] = { type, flags };

	return put_tlv(buf, room, hdr, value, value_len);
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_wire_put_chunk);

int xsctp_wire_put_param(u8 *buf, size_t room, u16 type, const void *value,
			 u16 value_len)
{
	u8 hdr[4];

	put_unaligned_be16(type, hdr);
	return put_tlv(buf, room, hdr, value, value_len);
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_wire_put_param);
