// SPDX-License-Identifier: GPL-2.0
/*
 * CRC32c of SCTP packets. The checksum covers the whole packet with its own
 * field taken as zero; computing it around the field, rather than zeroing
 * it, lets received packets be checked without writing to them.
 */
#include <kunit/visibility.h>
#include <linux/export.h>
#include <linux/crc32c.h>
#include <linux/string.h>

#include <net/xsctp/crc.h>

/* The standard CRC-32C of a buffer (as in RFC 3720 appendix B.4). */
u32 xsctp_crc32c(const void *data, size_t len)
{
	return ~crc32c(~0U, data, len);
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_crc32c);

/*
 * The value for the checksum field of a packet of len bytes (at least the
 * common header). It is stored least significant byte first, as the
 * reflected CRC algorithm of RFC 9260 appendix A produces it.
 */
__le32 xsctp_packet_crc(const void *pkt, size_t len)
{
	static const u8 zero[4];
	u32 crc;

	crc = crc32c(~0U, pkt, XSCTP_CRC_OFFSET);
	crc = crc32c(crc, zero, sizeof(zero));
	crc = crc32c(crc, pkt + XSCTP_COMMON_HDR_LEN, len - XSCTP_COMMON_HDR_LEN);
	return cpu_to_le32(~crc);
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_packet_crc);

bool xsctp_packet_crc_ok(const void *pkt, size_t len)
{
	__le32 stored;

	if (len < XSCTP_COMMON_HDR_LEN)
		return false;
	memcpy(&stored, pkt + XSCTP_CRC_OFFSET, sizeof(stored));
	return stored == xsctp_packet_crc(pkt, len);
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_packet_crc_ok);
