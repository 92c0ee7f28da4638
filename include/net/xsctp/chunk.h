/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Typed views and writers for the chunks other than INIT, INIT ACK (wire.h)
 * and SACK (sack.h): DATA, HEARTBEAT and HEARTBEAT ACK, ABORT, SHUTDOWN,
 * SHUTDOWN ACK, ERROR, COOKIE ECHO, COOKIE ACK, SHUTDOWN COMPLETE, and the
 * recognised extensions ECNE, CWR and FORWARD TSN. A view is only filled
 * from a chunk of the right type whose length was checked against the
 * bytes present; it points into the packet and lives as long as it.
 */
#ifndef _NET_XSCTP_CHUNK_H
#define _NET_XSCTP_CHUNK_H

#include <net/xsctp/wire.h>

/* DATA chunk flags (RFC 9260 3.3.1, RFC 7053 I bit). */
#define XSCTP_DATA_END		0x01	/* E: last fragment */
#define XSCTP_DATA_BEGIN	0x02	/* B: first fragment */
#define XSCTP_DATA_UNORDERED	0x04	/* U */
#define XSCTP_DATA_IMMEDIATE	0x08	/* I: SACK this at once */
#define XSCTP_DATA_FIXED_LEN	12	/* after the chunk header */

/* ABORT and SHUTDOWN COMPLETE: the T bit (the sender had no TCB). */
#define XSCTP_CHUNK_FLAG_T	0x01

struct xsctp_data {
	u32 tsn;
	u16 sid;
	u16 ssn;
	__be32 ppid;		/* opaque to SCTP: kept in network order */
	u8 flags;		/* XSCTP_DATA_* */
	u16 payload_len;
	const u8 *payload;
};

/* HEARTBEAT and HEARTBEAT ACK carry one Heartbeat Info parameter. */
struct xsctp_heartbeat {
	u16 info_len;		/* the parameter's value, opaque to the peer */
	const u8 *info;
};

/* FORWARD TSN (RFC 3758): recognised so it can be answered, not acted on. */
struct xsctp_fwd_tsn {
	u32 new_cum_tsn;
	u16 num_streams;	/* (stream, ssn) pairs that follow */
	const u8 *streams;
};

enum xsctp_wire_err xsctp_data_parse(const struct xsctp_chunk *c,
				     struct xsctp_data *d);
int xsctp_data_put(u8 *buf, size_t room, const struct xsctp_data *d);

enum xsctp_wire_err xsctp_heartbeat_parse(const struct xsctp_chunk *c,
					  struct xsctp_heartbeat *hb);
int xsctp_heartbeat_put(u8 *buf, size_t room, u8 type,
			const void *info, u16 info_len);

enum xsctp_wire_err xsctp_tsn_chunk_parse(const struct xsctp_chunk *c,
					  u32 *tsn);
int xsctp_tsn_chunk_put(u8 *buf, size_t room, u8 type, u32 tsn);

enum xsctp_wire_err xsctp_cookie_echo_parse(const struct xsctp_chunk *c,
					    const u8 **cookie, u16 *len);

enum xsctp_wire_err xsctp_fwd_tsn_parse(const struct xsctp_chunk *c,
					struct xsctp_fwd_tsn *f);

#endif /* _NET_XSCTP_CHUNK_H */
