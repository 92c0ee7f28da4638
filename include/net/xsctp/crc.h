/* SPDX-License-Identifier: GPL-2.0 */
/* The SCTP packet checksum: CRC32c (RFC 9260 6.8 and appendix A). */
#ifndef _NET_XSCTP_CRC_H
#define _NET_XSCTP_CRC_H

#include <linux/types.h>

/* Offset and size of the checksum in the SCTP common header. */
#define XSCTP_CRC_OFFSET	8
#define XSCTP_COMMON_HDR_LEN	12

u32 xsctp_crc32c(const void *data, size_t len);
__le32 xsctp_packet_crc(const void *pkt, size_t len);
bool xsctp_packet_crc_ok(const void *pkt, size_t len);

#endif /* _NET_XSCTP_CRC_H */
