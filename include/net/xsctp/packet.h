/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Bundling chunks of one association into packets for one path, each no
 * larger than the path's MTU (RFC 9260 6.10): control chunks first, then
 * DATA.
 */
#ifndef _NET_XSCTP_PACKET_H
#define _NET_XSCTP_PACKET_H

#include <net/xsctp/assoc.h>

struct xsctp_packet {
	struct xsctp_assoc *asoc;
	struct xsctp_path *path;
	struct sk_buff *skb;	/* being filled, or NULL */
	u32 room;		/* chunk bytes a packet may hold */
	u32 len;		/* chunk bytes held now */
	unsigned int sent;	/* packets sent so far */
	bool single;		/* one packet: no room beyond it */
};

/* The most chunk bytes a packet is first given room for. */
#define XSCTP_PACKET_ALLOC	(PAGE_SIZE - 256)

void xsctp_packet_init(struct xsctp_packet *pkt, struct xsctp_assoc *asoc,
		       struct xsctp_path *path);
void xsctp_packet_free(struct xsctp_packet *pkt);
u8 *xsctp_packet_reserve(struct xsctp_packet *pkt, u32 len);
void xsctp_packet_commit(struct xsctp_packet *pkt, u32 len);
void xsctp_packet_send(struct xsctp_packet *pkt);
u32 xsctp_path_payload_room(const struct xsctp_path *path);
u32 xsctp_path_pmdcs(const struct xsctp_path *path);

/* The UDP header a path's packets carry when encapsulated (RFC 6951). */
static inline u32 xsctp_path_encap_len(const struct xsctp_path *path)
{
	return path->encap_port ? 8 : 0;
}

#endif /* _NET_XSCTP_PACKET_H */
