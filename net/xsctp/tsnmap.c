// SPDX-License-Identifier: GPL-2.0
/*
 * The received-TSN map. Out-of-order arrivals live in a ring bitmap: the
 * bit of TSN t is t modulo the ring size, and it is meaningful only for
 * cum_tsn < t <= cum_tsn + nbits. Bits are cleared as the cumulative point
 * passes them, so the ring never needs shifting or clearing in bulk.
 */
#include <kunit/visibility.h>
#include <linux/bitops.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/log2.h>
#include <linux/minmax.h>
#include <linux/string.h>

#include <net/xsctp/serial.h>
#include <net/xsctp/tsnmap.h>

static u32 slot(const struct xsctp_tsn_map *map, u32 tsn)
{
	return tsn & (map->nbits - 1);
}

/* Offsets count from the cumulative TSN: offset 1 is cum_tsn + 1. */
static bool offset_received(const struct xsctp_tsn_map *map, u32 offset)
{
	return test_bit(slot(map, map->cum_tsn + offset), map->bits);
}

/**
 * xsctp_tsn_map_init() - start tracking at the peer's initial TSN
 * @map: the map
 * @bits: zeroed storage for @nbits bits
 * @nbits: how far past the cumulative TSN arrivals are tracked; a power of
 *	two no larger than 65536, so gap offsets fit the SACK's 16 bits
 * @initial_tsn: the peer's Initial TSN (from its INIT or INIT ACK)
 *
 * Return: 0, or -EINVAL for a window size that is not allowed.
 */
int xsctp_tsn_map_init(struct xsctp_tsn_map *map, unsigned long *bits,
		       u32 nbits, u32 initial_tsn)
{
	if (!is_power_of_2(nbits) || nbits > 65536)
		return -EINVAL;
	memset(map, 0, sizeof(*map));
	map->bits = bits;
	map->nbits = nbits;
	map->cum_tsn = initial_tsn - 1;
	map->highest_tsn = map->cum_tsn;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_tsn_map_init);

static void note_duplicate(struct xsctp_tsn_map *map, u32 tsn)
{
	if (map->num_dups < XSCTP_TSN_MAP_MAX_DUPS)
		map->dups[map->num_dups++] = tsn;
	else
		map->dups_dropped++;
}

/* Move the cumulative point over every TSN that has arrived in order. */
static void advance(struct xsctp_tsn_map *map)
{
	while (offset_received(map, 1)) {
		clear_bit(slot(map, map->cum_tsn + 1), map->bits);
		map->cum_tsn++;
	}
	if (xsctp_tsn_lt(map->highest_tsn, map->cum_tsn))
		map->highest_tsn = map->cum_tsn;
}

/**
 * xsctp_tsn_map_check() - what xsctp_tsn_map_mark() would say, marking nothing
 * @map: the map
 * @tsn: the TSN
 *
 * TSNs at or before the cumulative point, and TSNs already seen, are
 * duplicates. A TSN that is not after the cumulative point in serial
 * arithmetic, or is more than the window past it, cannot be tracked.
 * The receiver asks first, so that only a new TSN costs it memory.
 */
enum xsctp_tsn_verdict xsctp_tsn_map_check(const struct xsctp_tsn_map *map,
					   u32 tsn)
{
	u32 offset = tsn - map->cum_tsn;

	if (!xsctp_tsn_lt(map->cum_tsn, tsn))
		/* Half the sequence space behind is "old", not "ahead". */
		return offset == 1U << 31 ? XSCTP_TSN_BEYOND_WINDOW :
					    XSCTP_TSN_DUPLICATE;
	if (offset > map->nbits)
		return XSCTP_TSN_BEYOND_WINDOW;
	return offset_received(map, offset) ? XSCTP_TSN_DUPLICATE :
					      XSCTP_TSN_NEW;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_tsn_map_check);

/**
 * xsctp_tsn_map_mark() - record the arrival of a DATA chunk's TSN
 * @map: the map
 * @tsn: the TSN
 *
 * As xsctp_tsn_map_check() says: a new TSN is recorded, a duplicate
 * remembered for the next SACK, one beyond the window must be dropped.
 */
enum xsctp_tsn_verdict xsctp_tsn_map_mark(struct xsctp_tsn_map *map, u32 tsn)
{
	enum xsctp_tsn_verdict v = xsctp_tsn_map_check(map, tsn);

	if (v == XSCTP_TSN_DUPLICATE)
		note_duplicate(map, tsn);
	if (v != XSCTP_TSN_NEW)
		return v;
	set_bit(slot(map, tsn), map->bits);
	if (xsctp_tsn_lt(map->highest_tsn, tsn))
		map->highest_tsn = tsn;
	advance(map);
	return XSCTP_TSN_NEW;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_tsn_map_mark);

/**
 * xsctp_tsn_map_gaps() - the gap ack blocks for a SACK
 * @map: the map
 * @blocks: where to write them, in increasing order
 * @max_blocks: room in @blocks
 * @from: NULL for the first blocks; else the offset to go on from, 0 at
 *	first, and left where the next call goes on
 *
 * Return: the number of blocks written. When more exist than fit, the
 * first ones are reported: they are the ones the sender most needs.
 */
unsigned int xsctp_tsn_map_gaps(const struct xsctp_tsn_map *map,
				struct xsctp_gap_block *blocks,
				unsigned int max_blocks, u32 *from)
{
	u32 last = map->highest_tsn - map->cum_tsn;
	unsigned int n = 0;
	/* Offset 1 is missing, or cum_tsn would be past it. */
	u32 off = from && *from > 2 ? *from : 2;

	while (off <= last && n < max_blocks) {
		while (off <= last && !offset_received(map, off))
			off++;
		if (off > last)
			break;
		blocks[n].start = off;
		while (off <= last && offset_received(map, off))
			off++;
		blocks[n++].end = off - 1;
	}
	if (from)
		*from = off;
	return n;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_tsn_map_gaps);

/* The duplicates since the last SACK, which this call starts afresh. */
unsigned int xsctp_tsn_map_take_dups(struct xsctp_tsn_map *map, u32 *dups,
				     unsigned int max_dups)
{
	unsigned int n = min_t(unsigned int, map->num_dups, max_dups);

	memcpy(dups, map->dups, n * sizeof(*dups));
	map->num_dups = 0;
	map->dups_dropped = 0;
	return n;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_tsn_map_take_dups);
