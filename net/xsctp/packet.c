// SPDX-License-Identifier: GPL-2.0
/*
 * Packets of one association to one path: chunks are written in place
 * into a buffer of the path's MTU, which leaves (xsctp_output()) when the
 * next chunk would not fit, or when the caller is done.
 */
#include <linux/slab.h>

#include <net/xsctp/crc.h>
#include <net/xsctp/defaults.h>
#include <net/xsctp/effects.h>
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

int xsctp_packet_init(struct xsctp_packet *pkt, struct xsctp_assoc *asoc,
		      struct xsctp_path *path)
{
	pkt->asoc = asoc;
	pkt->path = path;
	pkt->room = xsctp_path_payload_room(path);
	pkt->len = 0;
	pkt->sent = 0;
	pkt->buf = kmalloc(pkt->room, GFP_ATOMIC);
	return pkt->buf ? 0 : -ENOMEM;
}

/* Anything still held leaves first. */
void xsctp_packet_free(struct xsctp_packet *pkt)
{
	xsctp_packet_send(pkt);
	kfree(pkt->buf);
	pkt->buf = NULL;
}

/**
 * xsctp_packet_reserve() - room for a chunk of @len bytes (padded)
 * @pkt: the packet
 * @len: the chunk's length, padding included
 *
 * Sends what the packet holds when the chunk would not fit with it.
 *
 * Return: where to write the chunk, or NULL if it cannot fit in any
 * packet to this path.
 */
u8 *xsctp_packet_reserve(struct xsctp_packet *pkt, u32 len)
{
	if (len > pkt->room)
		return NULL;
	if (pkt->len + len > pkt->room)
		xsctp_packet_send(pkt);
	return pkt->buf + pkt->len;
}

void xsctp_packet_commit(struct xsctp_packet *pkt, u32 len)
{
	pkt->len += len;
}

void xsctp_packet_send(struct xsctp_packet *pkt)
{
	if (!pkt->len)
		return;
	xsctp_send_to_path(pkt->asoc, pkt->path, pkt->asoc->peer_tag,
			   pkt->buf, pkt->len);
	pkt->len = 0;
	pkt->sent++;
}
