/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The SCTP wire format (RFC 9260 section 3): walking a received packet's
 * chunks and a chunk's parameters with every length checked, and writing
 * chunks into a bounded buffer. Pure: bytes in, typed views or a precise
 * error out. Views point into the caller's buffer and live as long as it.
 */
#ifndef _NET_XSCTP_WIRE_H
#define _NET_XSCTP_WIRE_H

#include <linux/types.h>

/* Chunk types (RFC 9260 3.2, RFC 3758 FORWARD TSN, RFC 4820 PAD). */
enum xsctp_chunk_type {
	XSCTP_CID_DATA = 0,
	XSCTP_CID_INIT = 1,
	XSCTP_CID_INIT_ACK = 2,
	XSCTP_CID_SACK = 3,
	XSCTP_CID_HEARTBEAT = 4,
	XSCTP_CID_HEARTBEAT_ACK = 5,
	XSCTP_CID_ABORT = 6,
	XSCTP_CID_SHUTDOWN = 7,
	XSCTP_CID_SHUTDOWN_ACK = 8,
	XSCTP_CID_ERROR = 9,
	XSCTP_CID_COOKIE_ECHO = 10,
	XSCTP_CID_COOKIE_ACK = 11,
	XSCTP_CID_ECNE = 12,
	XSCTP_CID_CWR = 13,
	XSCTP_CID_SHUTDOWN_COMPLETE = 14,
	XSCTP_CID_PAD = 0x84,
	XSCTP_CID_FORWARD_TSN = 0xc0,
};

/* INIT / INIT ACK parameter types (RFC 9260 3.3.2, 3.3.3; RFC 3758). */
enum xsctp_param_type {
	XSCTP_PARAM_HEARTBEAT_INFO = 1,
	XSCTP_PARAM_IPV4 = 5,
	XSCTP_PARAM_IPV6 = 6,
	XSCTP_PARAM_STATE_COOKIE = 7,
	XSCTP_PARAM_UNRECOGNIZED = 8,
	XSCTP_PARAM_COOKIE_PRESERVATIVE = 9,
	XSCTP_PARAM_HOST_NAME = 11,
	XSCTP_PARAM_SUPPORTED_ADDR_TYPES = 12,
	XSCTP_PARAM_ECN_CAPABLE = 0x8000,
	XSCTP_PARAM_FORWARD_TSN_SUPPORTED = 0xc000,
	XSCTP_PARAM_PAD = 0x8005,
};

#define XSCTP_CHUNK_HDR_LEN	4
#define XSCTP_PARAM_HDR_LEN	4
#define XSCTP_INIT_FIXED_LEN	16	/* after the chunk header */

/*
 * What a peer may make us hold from one INIT or INIT ACK. Linux accepts
 * as many addresses as fit in the packet; 32 covers every multihomed
 * deployment we know of, and more are ignored (not an error).
 */
#define XSCTP_MAX_INIT_ADDRS	32
/*
 * Unknown INIT parameters reported back in the INIT ACK (RFC 9260 3.2.1,
 * 3.3.3): at most this many, of at most this many bytes in all (padded);
 * the rest are handled as their type says, unreported.
 */
#define XSCTP_MAX_UNRECOGNIZED		4
#define XSCTP_UNRECOGNIZED_ROOM		256

/* Why a packet, chunk or parameter was refused. */
/* RFC 9260 3.3.2, 3.3.3: the least a_rwnd an INIT or INIT ACK may offer. */
#define XSCTP_MIN_RWND		1500

enum xsctp_wire_err {
	XSCTP_WIRE_OK = 0,
	XSCTP_WIRE_SHORT_PACKET,	/* no room for the common header */
	XSCTP_WIRE_NO_CHUNKS,		/* a common header and nothing else */
	XSCTP_WIRE_BAD_CHUNK_LEN,	/* < 4, past the packet, or padding cut */
	XSCTP_WIRE_CHUNK_TOO_SHORT,	/* shorter than its type requires */
	XSCTP_WIRE_NOT_ALONE,		/* INIT, INIT ACK or SHUTDOWN COMPLETE bundled */
	XSCTP_WIRE_UNKNOWN_CHUNK_STOP,	/* unknown type whose action is "stop" */
	XSCTP_WIRE_BAD_PARAM_LEN,	/* < 4 or past the chunk */
	XSCTP_WIRE_BAD_PARAM,		/* a known parameter with a wrong length */
	XSCTP_WIRE_UNKNOWN_PARAM_STOP,	/* unknown type whose action is "stop" */
	XSCTP_WIRE_HOST_NAME,		/* Host Name Address: unresolvable */
	XSCTP_WIRE_BAD_FIELD,		/* tag or streams 0, small a_rwnd */
	XSCTP_WIRE_MISSING_COOKIE,	/* INIT ACK without a State Cookie */
	XSCTP_WIRE_NO_SPACE,		/* the output buffer is too small */
	XSCTP_WIRE_NO_USER_DATA,	/* a DATA chunk without payload */
	XSCTP_WIRE_BAD_CAUSE,		/* an error cause with a wrong length */
};

struct xsctp_chunk {
	u8 type;
	u8 flags;
	u16 len;		/* header + value, without padding */
	const u8 *value;	/* len - 4 bytes */
};

struct xsctp_param {
	u16 type;
	u16 len;		/* header + value, without padding */
	const u8 *value;	/* len - 4 bytes */
};

/* Walks chunks after the common header, or parameters within a chunk. */
struct xsctp_tlv_iter {
	const u8 *pos;
	const u8 *end;
};

/* An INIT or INIT ACK: fixed fields and what its parameters said. */
struct xsctp_init {
	u32 init_tag;
	u32 a_rwnd;
	u16 num_outbound;
	u16 num_inbound;
	u32 initial_tsn;
	unsigned int num_addrs;	/* kept; further ones were ignored */
	struct xsctp_param addrs[XSCTP_MAX_INIT_ADDRS];
	struct xsctp_param cookie;	/* INIT ACK: its State Cookie */
	struct xsctp_param host_name;	/* a Host Name Address, if refused */
	u32 cookie_preservative_ms;	/* 0 if absent */
	bool ecn_capable;
	bool forward_tsn;
	unsigned int num_unrecognized;	/* asking to be reported, kept */
	struct xsctp_param unrecognized[XSCTP_MAX_UNRECOGNIZED];
};

union xsctp_addr;

/* What an INIT or INIT ACK we send says (built by init_build.c). */
struct xsctp_init_out {
	u32 init_tag;
	u32 a_rwnd;
	u16 num_outbound;
	u16 num_inbound;
	u32 initial_tsn;
	const union xsctp_addr *addrs;	/* our addresses, to list */
	unsigned int num_addrs;
	const u8 *cookie;		/* INIT ACK only */
	u16 cookie_len;
	u32 cookie_preservative_ms;	/* INIT only; 0 to omit */
	bool supports_v4;		/* Supported Address Types (INIT); */
	bool supports_v6;		/* both false: omit the parameter */
	bool ecn_capable;
	bool forward_tsn;
	/* INIT ACK only: the INIT's parameters to report, whole */
	const struct xsctp_param *unrecognized;
	unsigned int num_unrecognized;
};

enum xsctp_wire_err xsctp_wire_check_packet(const u8 *pkt, size_t len,
					    struct xsctp_tlv_iter *chunks,
					    bool *report_unknown);
bool xsctp_wire_next_chunk(struct xsctp_tlv_iter *it, struct xsctp_chunk *c);
bool xsctp_wire_chunk_reported(u8 type);
void xsctp_wire_params(const struct xsctp_chunk *c, size_t fixed,
		       struct xsctp_tlv_iter *it);
bool xsctp_wire_next_param(struct xsctp_tlv_iter *it, struct xsctp_param *p,
			   enum xsctp_wire_err *err);
enum xsctp_wire_err xsctp_wire_parse_init(const struct xsctp_chunk *c,
					  struct xsctp_init *init);

int xsctp_wire_put_chunk(u8 *buf, size_t room, u8 type, u8 flags,
			 const void *value, u16 value_len);
int xsctp_wire_put_param(u8 *buf, size_t room, u16 type,
			 const void *value, u16 value_len);
int xsctp_wire_put_init(u8 *buf, size_t room, u8 type,
			const struct xsctp_init_out *in);

#endif /* _NET_XSCTP_WIRE_H */
