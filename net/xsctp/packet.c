// SPDX-License-Identifier: GPL-2.0
/*
 * Packets of one association to one path: chunks are written in place
 * into the packet's skb, sized for the path's MTU, which leaves
 * (xsctp_output_skb()) when the next chunk would not fit, or when the
 * caller is done.
 */
#include <linux/skbuff.h>

#include <net/xsctp/chunk.h>
#include <net/xsctp/crc.h>
#include <net/xsctp/defaults.h>
#include <net/xsctp/effects.h>
#include <net/xsctp/output.h>
#include <net/xsctp/packet.h>

/*
 * Chunk bytes one packet to @path may carry: its MTU less IP and SCTP,
 * and UDP when it goes encapsulated (RFC 6951).
 */
u32 xsctp_path_payload_room(const struct xsctp_path *path)
{
	u32 ip = path->addr.sa.sa_family == AF_INET6 ? 40 : 20;

	return path->pmtu - ip - xsctp_path_encap_len(path) -
	       XSCTP_COMMON_HDR_LEN;
}

/*
 * PMDCS (RFC 9260 6.1, 7.2): the largest DATA payload one packet to @path
 * holds, the unit of its congestion window.
 */
u32 xsctp_path_pmdcs(const struct xsctp_path *path)
{
	return xsctp_path_payload_room(path) - XSCTP_CHUNK_HDR_LEN -
	       XSCTP_DATA_FIXED_LEN;
}

void xsctp_packet_init(struct xsctp_packet *pkt, struct xsctp_assoc *asoc,
		       struct xsctp_path *path)
{
	pkt->asoc = asoc;
	pkt->path = path;
	pkt->room = xsctp_path_payload_room(path);
	pkt->len = 0;
	pkt->sent = 0;
	pkt->skb = NULL;
	pkt->single = false;
}

/* Anything still held leaves. */
void xsctp_packet_free(struct xsctp_packet *pkt)
{
	xsctp_packet_send(pkt);
}

/*
 * A buffer for the packet's first chunk of @len bytes, with tailroom for
 * more up to the path's MTU, or up to a page when the MTU is larger
 * (loopback's is 64 KiB): such packets grow as chunks come.
 */
static bool packet_start(struct xsctp_packet *pkt, u32 len)
{
	u32 size = max(len, min_t(u32, pkt->room, XSCTP_PACKET_ALLOC));

	pkt->skb = xsctp_skb_alloc(size);
	return pkt->skb;
}

static bool packet_grow(struct xsctp_packet *pkt, u32 len)
{
	u32 more = max(len, min_t(u32, pkt->room - pkt->len, XSCTP_PACKET_ALLOC));

	return !pskb_expand_head(pkt->skb, 0, more, GFP_ATOMIC);
}

/**
 * xsctp_packet_reserve() - room for a chunk of @len bytes (padded)
 * @pkt: the packet
 * @len: the chunk's length, padding included
 *
 * Sends what the packet holds when the chunk would not fit with it, unless
 * the packet is ->single. A chunk larger than the path's MTU allows (cut
 * before the MTU fell) goes alone, and IP fragments its packet.
 *
 * Return: where to write the chunk, or NULL without memory or, in a
 * ->single packet, without room.
 */
u8 *xsctp_packet_reserve(struct xsctp_packet *pkt, u32 len)
{
	if (pkt->len && pkt->len + len > pkt->room) {
		if (pkt->single)
			return NULL;
		xsctp_packet_send(pkt);
	}
	if (!pkt->skb) {
		if (!packet_start(pkt, len))
			return NULL;
	} else if (skb_tailroom(pkt->skb) < len && !packet_grow(pkt, len)) {
		return NULL;
	}
	return skb_tail_pointer(pkt->skb);
}

void xsctp_packet_commit(struct xsctp_packet *pkt, u32 len)
{
	skb_put(pkt->skb, len);
	pkt->len += len;
}

void xsctp_packet_send(struct xsctp_packet *pkt)
{
	struct sk_buff *skb = pkt->skb;

	if (!skb)
		return;
	pkt->skb = NULL;
	if (!pkt->len) {
		kfree_skb(skb);
		return;
	}
	skb->ignore_df = pkt->len > pkt->room;
	xsctp_send_skb_to_path(pkt->asoc, pkt->path, pkt->asoc->peer_tag, skb);
	pkt->len = 0;
	pkt->sent++;
}
