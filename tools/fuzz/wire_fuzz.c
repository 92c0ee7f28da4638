// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for the wire codec (net/xsctp/wire.c and sack.c, built
 * unchanged in user space): any bytes as a received packet, walked the way
 * the input path will walk them. AddressSanitizer turns any read outside the
 * input, and UBSan any undefined arithmetic, into a crash.
 */
#include <stdlib.h>
#include <string.h>

#include <net/xsctp/sack.h>
#include <net/xsctp/wire.h>

/* Reading each value's last byte lets ASan check every length. */
u8 fuzz_sink;

static void walk_params(const struct xsctp_chunk *c)
{
	struct xsctp_tlv_iter it;
	struct xsctp_param p;
	enum xsctp_wire_err err;

	xsctp_wire_params(c, 0, &it);
	while (xsctp_wire_next_param(&it, &p, &err))
		if (p.len > 4)
			fuzz_sink ^= p.value[p.len - 5];
}

/* Every gap block and duplicate TSN a SACK announces must be readable. */
static void read_sack(const struct xsctp_chunk *c)
{
	struct xsctp_sack sack;
	unsigned int i;

	if (xsctp_sack_parse(c, &sack) != XSCTP_WIRE_OK)
		return;
	for (i = 0; i < sack.num_gaps; i++)
		fuzz_sink ^= xsctp_sack_gap(&sack, i).end;
	for (i = 0; i < sack.num_dups; i++)
		fuzz_sink ^= xsctp_sack_dup(&sack, i);
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	static struct xsctp_init init;
	struct xsctp_tlv_iter it;
	struct xsctp_chunk c;
	bool report;
	u8 *pkt;

	/* An exact-size copy, so ASan sees any read past the end. */
	pkt = malloc(size ? size : 1);
	if (!pkt)
		return 0;
	memcpy(pkt, data, size);
	if (xsctp_wire_check_packet(pkt, size, &it, &report) == XSCTP_WIRE_OK) {
		while (xsctp_wire_next_chunk(&it, &c)) {
			if (c.type == XSCTP_CID_INIT || c.type == XSCTP_CID_INIT_ACK)
				xsctp_wire_parse_init(&c, &init);
			if (c.type == XSCTP_CID_SACK)
				read_sack(&c);
			walk_params(&c);
		}
	}
	free(pkt);
	return 0;
}
