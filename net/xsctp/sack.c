// SPDX-License-Identifier: GPL-2.0
/*
 * Building and reading SACK chunks. The builder fills what fits in the
 * room it is given (a packet's worth): the fixed part always, then as many
 * gap blocks as fit, earliest first (RFC 9260 6.2: MUST), then duplicate
 * TSNs.
 */
#include <kunit/visibility.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/limits.h>
#include <linux/minmax.h>
#include <linux/unaligned.h>

#include <net/xsctp/sack.h>

#define GAP_LEN	4
#define DUP_LEN	4
/* Gap blocks are read from the map this many at a time, on the stack. */
#define GAP_BATCH	16

/* As many gap blocks as @max allows, at @p; their number. */
static unsigned int put_gaps(u8 *p, const struct xsctp_tsn_map *map,
			     unsigned int max)
{
	struct xsctp_gap_block gaps[GAP_BATCH];
	unsigned int n = 0, got, i;
	u32 from = 0;

	do {
		got = min_t(unsigned int, GAP_BATCH, max - n);
		got = xsctp_tsn_map_gaps(map, gaps, got, &from);
		for (i = 0; i < got; i++, p += GAP_LEN) {
			put_unaligned_be16(gaps[i].start, p);
			put_unaligned_be16(gaps[i].end, p + 2);
		}
		n += got;
	} while (got == GAP_BATCH && n < max);
	return n;
}

/**
 * xsctp_sack_build() - write a SACK for the current state of a TSN map
 * @buf: where to write the chunk
 * @room: bytes available at @buf
 * @map: the receiver's TSN map; its duplicate list is reported and reset
 * @a_rwnd: the advertised receiver window
 *
 * Return: the chunk's length (a multiple of 4), or -ENOSPC when not even
 * the fixed part fits.
 */
int xsctp_sack_build(u8 *buf, size_t room, struct xsctp_tsn_map *map,
		     u32 a_rwnd)
{
	static const size_t fixed = XSCTP_CHUNK_HDR_LEN + XSCTP_SACK_FIXED_LEN;
	u32 dups[XSCTP_TSN_MAP_MAX_DUPS];
	unsigned int ngaps, ndups, i;
	size_t len;
	u8 *p;

	if (room < fixed)
		return -ENOSPC;
	room = min_t(size_t, room, U16_MAX & ~3);
	ngaps = put_gaps(buf + fixed, map, (room - fixed) / GAP_LEN);
	ndups = xsctp_tsn_map_take_dups(map, dups,
					(room - fixed - ngaps * GAP_LEN) / DUP_LEN);
	len = fixed + ngaps * GAP_LEN + ndups * DUP_LEN;

	buf[0] = XSCTP_CID_SACK;
	buf[1] = 0;
	put_unaligned_be16(len, buf + 2);
	put_unaligned_be32(map->cum_tsn, buf + 4);
	put_unaligned_be32(a_rwnd, buf + 8);
	put_unaligned_be16(ngaps, buf + 12);
	put_unaligned_be16(ndups, buf + 14);
	p = buf + fixed + ngaps * GAP_LEN;
	for (i = 0; i < ndups; i++, p += DUP_LEN)
		put_unaligned_be32(dups[i], p);
	return len;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_sack_build);

/*
 * Read a SACK. Its length must be exactly what its two counts announce:
 * a peer cannot make us read blocks that are not there.
 */
enum xsctp_wire_err xsctp_sack_parse(const struct xsctp_chunk *c,
				     struct xsctp_sack *sack)
{
	const u8 *v = c->value;

	if (c->len < XSCTP_CHUNK_HDR_LEN + XSCTP_SACK_FIXED_LEN)
		return XSCTP_WIRE_CHUNK_TOO_SHORT;
	sack->cum_tsn = get_unaligned_be32(v);
	sack->a_rwnd = get_unaligned_be32(v + 4);
	sack->num_gaps = get_unaligned_be16(v + 8);
	sack->num_dups = get_unaligned_be16(v + 10);
	if (c->len != XSCTP_CHUNK_HDR_LEN + XSCTP_SACK_FIXED_LEN +
		      sack->num_gaps * GAP_LEN + sack->num_dups * DUP_LEN)
		return XSCTP_WIRE_BAD_CHUNK_LEN;
	sack->gaps = v + XSCTP_SACK_FIXED_LEN;
	sack->dups = sack->gaps + sack->num_gaps * GAP_LEN;
	return XSCTP_WIRE_OK;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_sack_parse);

/* Block @i < num_gaps of a parsed SACK. */
struct xsctp_gap_block xsctp_sack_gap(const struct xsctp_sack *sack,
				      unsigned int i)
{
	const u8 *p = sack->gaps + i * GAP_LEN;

	return (struct xsctp_gap_block) {
		.start = get_unaligned_be16(p),
		.end = get_unaligned_be16(p + 2),
	};
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_sack_gap);

/* Duplicate TSN @i < num_dups of a parsed SACK. */
u32 xsctp_sack_dup(const struct xsctp_sack *sack, unsigned int i)
{
	return get_unaligned_be32(sack->dups + i * DUP_LEN);
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_sack_dup);
