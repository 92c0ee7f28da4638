// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: SCTP_ASSOC_CHANGE written byte for byte as Linux lays it out
 * (abi.md 1.3 and 3.5), SCTP_SEND_FAILED and SCTP_SEND_FAILED_EVENT
 * likewise, and the subscription bits of SCTP_EVENTS and SCTP_EVENT.
 */
#include <kunit/test.h>

#include <net/xsctp/notify.h>
#include <net/xsctp/outq.h>

static void fake_assoc(struct xsctp_assoc *asoc)
{
	memset(asoc, 0, sizeof(*asoc));
	asoc->id = 0x01020304;
	asoc->num_out = 10;
	asoc->num_in = 7;
}

/* COMM_UP: 20 bytes, no info, the negotiated stream counts. */
static void comm_up_layout(struct kunit *test)
{
	static const u8 want[20] = {
		0x01, 0x80, 0, 0, 20, 0, 0, 0,	/* type, flags, length (LE) */
		0, 0, 0, 0, 10, 0, 7, 0,	/* state, error, out, in */
		0x04, 0x03, 0x02, 0x01,		/* assoc id */
	};
	struct xsctp_change ch = { .state = SCTP_COMM_UP };
	struct xsctp_assoc asoc;
	u8 buf[32];

	fake_assoc(&asoc);
	KUNIT_ASSERT_EQ(test, xsctp_put_assoc_change(buf, sizeof(buf), &asoc, &ch), 20);
	KUNIT_EXPECT_MEMEQ(test, buf, want, sizeof(want));
}

/* After an ABORT: its causes in sac_info, no streams, the raw cause. */
static void abort_causes_in_info(struct kunit *test)
{
	static const u8 causes[] = { 0, 12, 0, 6, 'h', 'i', 0, 0 };
	struct xsctp_change ch = {
		.state = SCTP_COMM_LOST, .error = htons(12),
		.info = causes, .info_len = 6,
	};
	struct sctp_assoc_change *sac;
	struct xsctp_assoc asoc;
	u8 buf[64];

	fake_assoc(&asoc);
	KUNIT_ASSERT_EQ(test, xsctp_put_assoc_change(buf, sizeof(buf), &asoc, &ch), 26);
	sac = (struct sctp_assoc_change *)buf;
	KUNIT_EXPECT_EQ(test, sac->sac_type, SCTP_ASSOC_CHANGE);
	KUNIT_EXPECT_EQ(test, sac->sac_length, 26U);
	KUNIT_EXPECT_EQ(test, sac->sac_state, SCTP_COMM_LOST);
	KUNIT_EXPECT_EQ(test, sac->sac_error, (__force u16)htons(12));
	KUNIT_EXPECT_EQ(test, sac->sac_outbound_streams, 0);
	KUNIT_EXPECT_EQ(test, sac->sac_inbound_streams, 0);
	KUNIT_EXPECT_MEMEQ(test, sac->sac_info, causes, 6);
}

static void too_small_a_buffer(struct kunit *test)
{
	struct xsctp_change ch = { .state = SCTP_CANT_STR_ASSOC, .info_len = 4,
				   .info = (const u8 *)"\0\0\0\4" };
	struct xsctp_assoc asoc;
	u8 buf[23];

	fake_assoc(&asoc);
	KUNIT_EXPECT_EQ(test, xsctp_put_assoc_change(buf, sizeof(buf), &asoc, &ch),
			-ENOSPC);
}

/* A 5-byte middle fragment on stream 3, sent with context 7, TTL 9. */
static struct xsctp_tx_chunk *failed_chunk(struct kunit *test)
{
	struct xsctp_tx_chunk *ch;

	ch = kunit_kzalloc(test, struct_size(ch, data, 5), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, ch);
	ch->sid = 3;
	ch->ppid = htonl(0x11223344);
	ch->flags = 0x04;		/* U, neither B nor E */
	ch->context = 7;
	ch->ttl = 9;
	ch->info_id = 0x0a0b0c0d;
	ch->len = 5;
	memcpy(ch->data, "hello", 5);
	return ch;
}

/*
 * SCTP_SEND_FAILED: 48 bytes, the whole sndrcvinfo at 12 with the chunk's
 * flags, the association id at 44, then the unpadded payload.
 */
static void send_failed_layout(struct kunit *test)
{
	static const u8 want[53] = {
		0x03, 0x80, 1, 0, 53, 0, 0, 0,	/* type, SENT, length */
		0, 0x0c, 0, 0,			/* error: the raw cause */
		3, 0, 0, 0, 4, 0, 0, 0,		/* sid, ssn, flags, pad */
		0x11, 0x22, 0x33, 0x44,		/* ppid as sent */
		7, 0, 0, 0, 9, 0, 0, 0,		/* context, timetolive */
		0, 0, 0, 0, 0, 0, 0, 0,		/* tsn, cumtsn */
		0x0d, 0x0c, 0x0b, 0x0a,		/* sinfo_assoc_id */
		0x04, 0x03, 0x02, 0x01,		/* ssf_assoc_id */
		'h', 'e', 'l', 'l', 'o',
	};
	struct xsctp_tx_chunk *ch = failed_chunk(test);
	u8 buf[64];

	KUNIT_ASSERT_EQ(test, xsctp_put_send_failed(buf, sizeof(buf),
						    SCTP_SEND_FAILED, 0x01020304,
						    ch, SCTP_DATA_SENT,
						    htons(12)), 53);
	KUNIT_EXPECT_MEMEQ(test, buf, want, sizeof(want));
}

/* SCTP_SEND_FAILED_EVENT: 32 bytes, an sctp_sndinfo at 12, id at 28. */
static void send_failed_event_layout(struct kunit *test)
{
	static const u8 want[37] = {
		0x0d, 0x80, 0, 0, 37, 0, 0, 0,	/* type, UNSENT, length */
		0, 0, 0, 0,			/* error */
		3, 0, 4, 0,			/* sid, flags */
		0x11, 0x22, 0x33, 0x44,		/* ppid */
		7, 0, 0, 0,			/* context */
		0x0d, 0x0c, 0x0b, 0x0a,		/* snd_assoc_id */
		0x04, 0x03, 0x02, 0x01,		/* ssf_assoc_id */
		'h', 'e', 'l', 'l', 'o',
	};
	struct xsctp_tx_chunk *ch = failed_chunk(test);
	u8 buf[64];

	KUNIT_ASSERT_EQ(test, xsctp_put_send_failed(buf, sizeof(buf),
						    SCTP_SEND_FAILED_EVENT,
						    0x01020304, ch,
						    SCTP_DATA_UNSENT, 0), 37);
	KUNIT_EXPECT_MEMEQ(test, buf, want, sizeof(want));
}

/* The payload must fit too, whole: no truncated notification. */
static void send_failed_too_small(struct kunit *test)
{
	struct xsctp_tx_chunk *ch = failed_chunk(test);
	u8 buf[52];

	KUNIT_EXPECT_EQ(test, xsctp_put_send_failed(buf, sizeof(buf),
						    SCTP_SEND_FAILED, 1, ch,
						    SCTP_DATA_SENT, 0), -ENOSPC);
	KUNIT_EXPECT_EQ(test, xsctp_put_send_failed(buf, 36,
						    SCTP_SEND_FAILED_EVENT, 1,
						    ch, SCTP_DATA_SENT, 0),
			-ENOSPC);
}

/* Byte i of sctp_event_subscribe, type 0x8000 + i, bit i: one mapping. */
static void subscription_bits(struct kunit *test)
{
	u16 sub = 0;
	u16 t;

	KUNIT_EXPECT_FALSE(test, xsctp_event_valid(SCTP_SN_TYPE_BASE - 1));
	KUNIT_EXPECT_FALSE(test, xsctp_event_valid(SCTP_SN_TYPE_MAX + 1));
	for (t = SCTP_SN_TYPE_BASE; t <= SCTP_SN_TYPE_MAX; t++) {
		KUNIT_EXPECT_TRUE(test, xsctp_event_valid(t));
		xsctp_event_set(&sub, t, true);
		KUNIT_EXPECT_TRUE(test, xsctp_event_on(sub, t));
	}
	KUNIT_EXPECT_EQ(test, sub, 0x3fff);
	xsctp_event_set(&sub, SCTP_ASSOC_CHANGE, false);
	KUNIT_EXPECT_FALSE(test, xsctp_event_on(sub, SCTP_ASSOC_CHANGE));
	KUNIT_EXPECT_EQ(test, sub, 0x3ffd);
}

static struct kunit_case xsctp_notify_cases[] = {
	KUNIT_CASE(comm_up_layout),
	KUNIT_CASE(abort_causes_in_info),
	KUNIT_CASE(too_small_a_buffer),
	KUNIT_CASE(send_failed_layout),
	KUNIT_CASE(send_failed_event_layout),
	KUNIT_CASE(send_failed_too_small),
	KUNIT_CASE(subscription_bits),
	{}
};

static struct kunit_suite xsctp_notify_suite = {
	.name = "xsctp_notify",
	.test_cases = xsctp_notify_cases,
};

kunit_test_suite(xsctp_notify_suite);
