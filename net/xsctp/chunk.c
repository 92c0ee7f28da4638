// SPDX-License-Identifier: GPL-2.0
/*
 * Typed views of single chunks, and their writers. Each parser checks the
 * chunk's own length before reading a field, so it is safe on any chunk a
 * walk produced, whatever the packet said.
 */
#include <kunit/visibility.h>
#include <linux/align.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/limits.h>
#include <linux/string.h>
#include <linux/unaligned.h>

#include <net/xsctp/chunk.h>

static u16 value_len(const struct xsctp_chunk *c)
{
	return c->len - XSCTP_CHUNK_HDR_LEN;
}

/**
 * xsctp_data_parse() - read a DATA chunk
 * @c: a chunk of type DATA
 * @d: its fields; the payload points into the packet
 *
 * Return: XSCTP_WIRE_OK, XSCTP_WIRE_CHUNK_TOO_SHORT, or
 * XSCTP_WIRE_NO_USER_DATA, which RFC 9260 6.2 answers with an ABORT.
 */
enum xsctp_wire_err xsctp_data_parse(const struct xsctp_chunk *c,
				     struct xsctp_data *d)
{
	if (c->len < XSCTP_CHUNK_HDR_LEN + XSCTP_DATA_FIXED_LEN)
		return XSCTP_WIRE_CHUNK_TOO_SHORT;
	d->flags = c->flags;
	d->tsn = get_unaligned_be32(c->value);
	d->sid = get_unaligned_be16(c->value + 4);
	d->ssn = get_unaligned_be16(c->value + 6);
	memcpy(&d->ppid, c->value + 8, sizeof(d->ppid));
	d->payload = c->value + XSCTP_DATA_FIXED_LEN;
	d->payload_len = value_len(c) - XSCTP_DATA_FIXED_LEN;
	if (!d->payload_len)
		return XSCTP_WIRE_NO_USER_DATA;
	return XSCTP_WIRE_OK;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_data_parse);

/* Write a DATA chunk; the bytes written (padded), -ENOSPC or -EINVAL. */
int xsctp_data_put(u8 *buf, size_t room, const struct xsctp_data *d)
{
	size_t len = XSCTP_CHUNK_HDR_LEN + XSCTP_DATA_FIXED_LEN + d->payload_len;
	u8 *v = buf + XSCTP_CHUNK_HDR_LEN;

	if (len > U16_MAX)
		return -EINVAL;
	if (ALIGN(len, 4) > room)
		return -ENOSPC;
	buf[0] = XSCTP_CID_DATA;
	buf[1] = d->flags;
	put_unaligned_be16(len, buf + 2);
	put_unaligned_be32(d->tsn, v);
	put_unaligned_be16(d->sid, v + 4);
	put_unaligned_be16(d->ssn, v + 6);
	memcpy(v + 8, &d->ppid, sizeof(d->ppid));
	memcpy(v + XSCTP_DATA_FIXED_LEN, d->payload, d->payload_len);
	memset(buf + len, 0, ALIGN(len, 4) - len);
	return ALIGN(len, 4);
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_data_put);

/*
 * HEARTBEAT or HEARTBEAT ACK: a Heartbeat Info parameter, which must fit.
 * What follows it is ignored, as a sender may pad or extend it.
 */
enum xsctp_wire_err xsctp_heartbeat_parse(const struct xsctp_chunk *c,
					  struct xsctp_heartbeat *hb)
{
	struct xsctp_tlv_iter it;
	struct xsctp_param p;
	enum xsctp_wire_err err;

	xsctp_wire_params(c, 0, &it);
	if (!xsctp_wire_next_param(&it, &p, &err))
		return err ? err : XSCTP_WIRE_CHUNK_TOO_SHORT;
	if (p.type != XSCTP_PARAM_HEARTBEAT_INFO)
		return XSCTP_WIRE_BAD_PARAM;
	hb->info = p.value;
	hb->info_len = p.len - XSCTP_PARAM_HDR_LEN;
	return XSCTP_WIRE_OK;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_heartbeat_parse);

/* A HEARTBEAT (or, echoing @info, a HEARTBEAT ACK) into @buf. */
int xsctp_heartbeat_put(u8 *buf, size_t room, u8 type,
			const void *info, u16 info_len)
{
	size_t plen = XSCTP_PARAM_HDR_LEN + (size_t)info_len;
	int n;

	if (plen + XSCTP_CHUNK_HDR_LEN > U16_MAX)
		return -EINVAL;
	if (ALIGN(plen, 4) + XSCTP_CHUNK_HDR_LEN > room)
		return -ENOSPC;
	n = xsctp_wire_put_param(buf + XSCTP_CHUNK_HDR_LEN,
				 room - XSCTP_CHUNK_HDR_LEN,
				 XSCTP_PARAM_HEARTBEAT_INFO, info, info_len);
	if (n < 0)
		return n;
	buf[0] = type;
	buf[1] = 0;
	put_unaligned_be16(XSCTP_CHUNK_HDR_LEN + plen, buf + 2);
	return XSCTP_CHUNK_HDR_LEN + n;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_heartbeat_put);

/* SHUTDOWN (Cumulative TSN Ack), ECNE and CWR (Lowest TSN): one TSN. */
enum xsctp_wire_err xsctp_tsn_chunk_parse(const struct xsctp_chunk *c,
					  u32 *tsn)
{
	if (c->len < XSCTP_CHUNK_HDR_LEN + 4)
		return XSCTP_WIRE_CHUNK_TOO_SHORT;
	*tsn = get_unaligned_be32(c->value);
	return XSCTP_WIRE_OK;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_tsn_chunk_parse);

int xsctp_tsn_chunk_put(u8 *buf, size_t room, u8 type, u32 tsn)
{
	__be32 value = cpu_to_be32(tsn);

	return xsctp_wire_put_chunk(buf, room, type, 0, &value, sizeof(value));
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_tsn_chunk_put);

/* COOKIE ECHO: the cookie is the whole value, and it cannot be empty. */
enum xsctp_wire_err xsctp_cookie_echo_parse(const struct xsctp_chunk *c,
					    const u8 **cookie, u16 *len)
{
	if (c->len <= XSCTP_CHUNK_HDR_LEN)
		return XSCTP_WIRE_CHUNK_TOO_SHORT;
	*cookie = c->value;
	*len = value_len(c);
	return XSCTP_WIRE_OK;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_cookie_echo_parse);

/* FORWARD TSN: a new cumulative TSN and whole (stream, ssn) pairs. */
enum xsctp_wire_err xsctp_fwd_tsn_parse(const struct xsctp_chunk *c,
					struct xsctp_fwd_tsn *f)
{
	if (c->len < XSCTP_CHUNK_HDR_LEN + 4)
		return XSCTP_WIRE_CHUNK_TOO_SHORT;
	if ((value_len(c) - 4) % 4)
		return XSCTP_WIRE_BAD_CHUNK_LEN;
	f->new_cum_tsn = get_unaligned_be32(c->value);
	f->num_streams = (value_len(c) - 4) / 4;
	f->streams = c->value + 4;
	return XSCTP_WIRE_OK;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_fwd_tsn_parse);
