// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: CRC32c against published vectors (RFC 3720 appendix B.4 and the
 * CRC catalogue check value), and the packet checksum's handling of its
 * own field.
 */
#include <kunit/test.h>
#include <linux/string.h>

#include <net/xsctp/crc.h>

static void rfc3720_vectors(struct kunit *test)
{
	u8 buf[32];
	int i;

	memset(buf, 0, sizeof(buf));
	KUNIT_EXPECT_EQ(test, xsctp_crc32c(buf, sizeof(buf)), 0x8a9136aaU);
	memset(buf, 0xff, sizeof(buf));
	KUNIT_EXPECT_EQ(test, xsctp_crc32c(buf, sizeof(buf)), 0x62a8ab43U);
	for (i = 0; i < 32; i++)
		buf[i] = i;
	KUNIT_EXPECT_EQ(test, xsctp_crc32c(buf, sizeof(buf)), 0x46dd794eU);
	for (i = 0; i < 32; i++)
		buf[i] = 31 - i;
	KUNIT_EXPECT_EQ(test, xsctp_crc32c(buf, sizeof(buf)), 0x113fdb5cU);
}

static void check_value(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, xsctp_crc32c("123456789", 9), 0xe3069283U);
}

/* An SCTP packet: common header and an INIT chunk (RFC 9260 3.3.2). */
static const u8 init_packet[] = {
	0x13, 0x88, 0x13, 0x89,		/* ports 5000 -> 5001 */
	0x00, 0x00, 0x00, 0x00,		/* verification tag 0 */
	0x00, 0x00, 0x00, 0x00,		/* checksum */
	0x01, 0x00, 0x00, 0x14,		/* INIT, flags 0, length 20 */
	0x12, 0x34, 0x56, 0x78,		/* initiate tag */
	0x00, 0x01, 0x00, 0x00,		/* a_rwnd 65536 */
	0x00, 0x0a, 0xff, 0xff,		/* 10 out, 65535 in */
	0x12, 0x34, 0x56, 0x78,		/* initial TSN */
};

static void packet_checksum(struct kunit *test)
{
	u8 pkt[sizeof(init_packet)];
	__le32 crc;

	memcpy(pkt, init_packet, sizeof(pkt));
	crc = xsctp_packet_crc(pkt, sizeof(pkt));
	/*
	 * selftests/sctp_packet.py builds this same INIT with checksum bytes
	 * 54 de d4 21, and sctp.ko accepts its packets (interop test).
	 */
	KUNIT_EXPECT_EQ(test, le32_to_cpu(crc), 0x21d4de54U);
	/* The same as the CRC of the packet with a zero field... */
	KUNIT_EXPECT_EQ(test, le32_to_cpu(crc), xsctp_crc32c(pkt, sizeof(pkt)));
	/* ... whatever the field holds. */
	memset(pkt + XSCTP_CRC_OFFSET, 0xa5, 4);
	KUNIT_EXPECT_EQ(test, le32_to_cpu(xsctp_packet_crc(pkt, sizeof(pkt))),
			le32_to_cpu(crc));
	KUNIT_EXPECT_FALSE(test, xsctp_packet_crc_ok(pkt, sizeof(pkt)));
	memcpy(pkt + XSCTP_CRC_OFFSET, &crc, 4);
	KUNIT_EXPECT_TRUE(test, xsctp_packet_crc_ok(pkt, sizeof(pkt)));
	/* Any flipped bit is caught. */
	pkt[sizeof(pkt) - 1] ^= 0x01;
	KUNIT_EXPECT_FALSE(test, xsctp_packet_crc_ok(pkt, sizeof(pkt)));
}

static void short_packet_rejected(struct kunit *test)
{
	KUNIT_EXPECT_FALSE(test, xsctp_packet_crc_ok(init_packet, 11));
	KUNIT_EXPECT_FALSE(test, xsctp_packet_crc_ok(init_packet, 0));
}

static struct kunit_case xsctp_crc_cases[] = {
	KUNIT_CASE(rfc3720_vectors),
	KUNIT_CASE(check_value),
	KUNIT_CASE(packet_checksum),
	KUNIT_CASE(short_packet_rejected),
	{}
};

static struct kunit_suite xsctp_crc_suite = {
	.name = "xsctp_crc",
	.test_cases = xsctp_crc_cases,
};

kunit_test_suite(xsctp_crc_suite);
