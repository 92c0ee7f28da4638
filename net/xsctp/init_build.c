// SPDX-License-Identifier: GPL-2.0
/*
 * Writing the INIT and INIT ACK we send (RFC 9260 3.3.2, 3.3.3): the fixed
 * part, then (INIT ACK) the State Cookie, one parameter per local
 * address, the optional parameters and (INIT ACK) the INIT's unknown ones
 * that asked to be reported. Like every writer, it never passes its room.
 */
#include <kunit/visibility.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/unaligned.h>

#include <net/xsctp/addr.h>
#include <net/xsctp/wire.h>

/* Appends parameters, remembering where the last one's padding starts. */
struct param_writer {
	u8 *buf;
	size_t room;
	size_t pos;		/* padded end of what was written */
	size_t end;		/* unpadded end: the chunk length */
	int err;
};

static void add(struct param_writer *w, u16 type, const void *v, u16 len)
{
	int n;

	if (w->err)
		return;
	n = xsctp_wire_put_param(w->buf + w->pos, w->room - w->pos, type, v, len);
	if (n < 0) {
		w->err = n;
		return;
	}
	w->end = w->pos + XSCTP_PARAM_HDR_LEN + len;
	w->pos += n;
}

static void add_addr(struct param_writer *w, const union xsctp_addr *a)
{
	if (a->sa.sa_family == AF_INET)
		add(w, XSCTP_PARAM_IPV4, &a->v4.sin_addr, 4);
	else if (a->sa.sa_family == AF_INET6)
		add(w, XSCTP_PARAM_IPV6, &a->v6.sin6_addr, 16);
	else
		w->err = -EINVAL;
}

/* An Unrecognized Parameter quotes the INIT's parameter whole (3.3.3). */
static void add_unrecognized(struct param_writer *w,
			     const struct xsctp_param *p)
{
	add(w, XSCTP_PARAM_UNRECOGNIZED, p->value - XSCTP_PARAM_HDR_LEN, p->len);
}

static void add_u32(struct param_writer *w, u16 type, u32 value)
{
	__be32 v = cpu_to_be32(value);

	add(w, type, &v, sizeof(v));
}

static void add_addr_types(struct param_writer *w, bool v4, bool v6)
{
	__be16 types[2];
	int n = 0;

	if (v4)
		types[n++] = cpu_to_be16(XSCTP_PARAM_IPV4);
	if (v6)
		types[n++] = cpu_to_be16(XSCTP_PARAM_IPV6);
	if (n)
		add(w, XSCTP_PARAM_SUPPORTED_ADDR_TYPES, types, n * 2);
}

static void put_fixed(u8 *v, const struct xsctp_init_out *in)
{
	put_unaligned_be32(in->init_tag, v);
	put_unaligned_be32(in->a_rwnd, v + 4);
	put_unaligned_be16(in->num_outbound, v + 8);
	put_unaligned_be16(in->num_inbound, v + 10);
	put_unaligned_be32(in->initial_tsn, v + 12);
}

/**
 * xsctp_wire_put_init() - write an INIT or INIT ACK chunk
 * @buf: where
 * @room: bytes available at @buf
 * @type: XSCTP_CID_INIT or XSCTP_CID_INIT_ACK
 * @in: what it says
 *
 * The chunk length leaves out the last parameter's padding, as Linux
 * does; the padding is written all the same.
 *
 * Return: the bytes written (padded), -ENOSPC, or -EINVAL for an address
 * of another family or a chunk longer than 65535 bytes.
 */
int xsctp_wire_put_init(u8 *buf, size_t room, u8 type,
			const struct xsctp_init_out *in)
{
	const size_t fixed = XSCTP_CHUNK_HDR_LEN + XSCTP_INIT_FIXED_LEN;
	struct param_writer w = { .buf = buf, .room = room, .pos = fixed,
				  .end = fixed };
	unsigned int i;

	if (room < fixed)
		return -ENOSPC;
	/* The cookie first, where Linux has it (RFC 9260 sets no order). */
	if (type == XSCTP_CID_INIT_ACK)
		add(&w, XSCTP_PARAM_STATE_COOKIE, in->cookie, in->cookie_len);
	for (i = 0; i < in->num_addrs; i++)
		add_addr(&w, &in->addrs[i]);
	if (type == XSCTP_CID_INIT && in->cookie_preservative_ms)
		add_u32(&w, XSCTP_PARAM_COOKIE_PRESERVATIVE,
			in->cookie_preservative_ms);
	if (type == XSCTP_CID_INIT)
		add_addr_types(&w, in->supports_v4, in->supports_v6);
	if (in->ecn_capable)
		add(&w, XSCTP_PARAM_ECN_CAPABLE, NULL, 0);
	if (in->forward_tsn)
		add(&w, XSCTP_PARAM_FORWARD_TSN_SUPPORTED, NULL, 0);
	for (i = 0; type == XSCTP_CID_INIT_ACK && i < in->num_unrecognized; i++)
		add_unrecognized(&w, &in->unrecognized[i]);
	if (w.err)
		return w.err;
	if (w.end > U16_MAX)
		return -EINVAL;
	buf[0] = type;
	buf[1] = 0;
	put_unaligned_be16(w.end, buf + 2);
	put_fixed(buf + XSCTP_CHUNK_HDR_LEN, in);
	return w.pos;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_wire_put_init);
