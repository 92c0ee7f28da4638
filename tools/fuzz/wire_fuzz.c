// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for the wire codec (net/xsctp/wire.c, sack.c, chunk.c
 * and cause.c, built unchanged in user space): any bytes as a received packet, walked the way
 * the input path will walk them. AddressSanitizer turns any read outside the
 * input, and UBSan any undefined arithmetic, into a crash.
 */
#include <stdlib.h>
#include <string.h>

#include <net/xsctp/cause.h>
#include <net/xsctp/chunk.h>
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

/* Every cause of an ABORT or ERROR, and what a valid one quotes. */
static void read_causes(const struct xsctp_chunk *c)
{
	struct xsctp_tlv_iter it;
	struct xsctp_cause cause;
	enum xsctp_wire_err err;

	xsctp_causes(c, &it);
	while (xsctp_cause_next(&it, &cause, &err)) {
		fuzz_sink ^= xsctp_cause_u32(&cause);
		if (cause.len > 4)
			fuzz_sink ^= cause.info[cause.len - 5];
	}
}

/* The typed view of each chunk type; every byte it points at is read. */
static void read_typed(const struct xsctp_chunk *c)
{
	struct xsctp_heartbeat hb;
	struct xsctp_fwd_tsn fwd;
	struct xsctp_data d;
	const u8 *cookie;
	u16 len;
	u32 tsn;

	switch (c->type) {
	case XSCTP_CID_DATA:
		if (xsctp_data_parse(c, &d) == XSCTP_WIRE_OK)
			fuzz_sink ^= d.payload[d.payload_len - 1];
		break;
	case XSCTP_CID_HEARTBEAT:
	case XSCTP_CID_HEARTBEAT_ACK:
		if (xsctp_heartbeat_parse(c, &hb) == XSCTP_WIRE_OK && hb.info_len)
			fuzz_sink ^= hb.info[hb.info_len - 1];
		break;
	case XSCTP_CID_ABORT:
	case XSCTP_CID_ERROR:
		read_causes(c);
		break;
	case XSCTP_CID_SHUTDOWN:
	case XSCTP_CID_ECNE:
	case XSCTP_CID_CWR:
		if (xsctp_tsn_chunk_parse(c, &tsn) == XSCTP_WIRE_OK)
			fuzz_sink ^= tsn;
		break;
	case XSCTP_CID_COOKIE_ECHO:
		if (xsctp_cookie_echo_parse(c, &cookie, &len) == XSCTP_WIRE_OK)
			fuzz_sink ^= cookie[len - 1];
		break;
	case XSCTP_CID_FORWARD_TSN:
		if (xsctp_fwd_tsn_parse(c, &fwd) == XSCTP_WIRE_OK && fwd.num_streams)
			fuzz_sink ^= fwd.streams[fwd.num_streams * 4 - 1];
		break;
	}
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
			read_typed(&c);
			walk_params(&c);
		}
	}
	free(pkt);
	return 0;
}
