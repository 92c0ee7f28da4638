// SPDX-License-Identifier: GPL-2.0
/*
 * Out-of-the-blue packets (RFC 9260 8.4): packets for which no association
 * or listener exists. Some deserve an ABORT or a SHUTDOWN COMPLETE, which
 * are sent through the namespace's control socket, no more than
 * XSCTP_OOTB_REPLIES_PER_SEC per second per namespace so that xsctp cannot
 * be used to reflect a flood; the rest are dropped. All are counted.
 */
#include <linux/jiffies.h>
#include <linux/unaligned.h>

#include <net/xsctp/cause.h>
#include <net/xsctp/chunk.h>
#include <net/xsctp/input.h>
#include <net/xsctp/netns.h>
#include <net/xsctp/output.h>

#define XSCTP_OOTB_REPLIES_PER_SEC	100

/* A fixed window per second; the unlocked update only blurs the count. */
static bool reply_allowed(struct net *net)
{
	struct xsctp_net *xn = xsctp_net(net);
	unsigned long now = jiffies;

	if (time_after(now, READ_ONCE(xn->ootb_window) + HZ)) {
		WRITE_ONCE(xn->ootb_window, now);
		WRITE_ONCE(xn->ootb_sent, 0);
	}
	if (READ_ONCE(xn->ootb_sent) >= XSCTP_OOTB_REPLIES_PER_SEC) {
		XSCTP_INC_STATS(net, XSCTP_MIB_OOTB_RATE_LIMITED);
		return false;
	}
	WRITE_ONCE(xn->ootb_sent, READ_ONCE(xn->ootb_sent) + 1);
	return true;
}

/* A one-chunk answer from where @rx arrived to where it came from. */
static void reply(struct xsctp_rx *rx, u32 vtag, u8 type, bool t_bit,
		  const u8 *value, u16 len)
{
	struct xsctp_pkt_addrs pa = xsctp_reply_addrs(rx, vtag);
	u8 buf[XSCTP_CHUNK_HDR_LEN + XSCTP_ABORT_REPLY_CAUSES];
	int n;

	if (!reply_allowed(rx->net))
		return;
	n = xsctp_wire_put_chunk(buf, sizeof(buf), type,
				 t_bit ? XSCTP_CHUNK_FLAG_T : 0, value, len);
	if (n < 0)
		return;
	if (!xsctp_output(rx->net, xsctp_ctl_sock(rx->net, rx->dst.sa.sa_family),
			  &pa, buf, n))
		XSCTP_INC_STATS(rx->net, XSCTP_MIB_OUT_OOTB_REPLIES);
}

/* An ABORT (at most XSCTP_ABORT_REPLY_CAUSES bytes of causes) answering @rx. */
void xsctp_send_abort_reply(struct xsctp_rx *rx, u32 vtag, bool t_bit,
			    const u8 *causes, u16 len)
{
	reply(rx, vtag, XSCTP_CID_ABORT, t_bit, causes, len);
}

/* Rule 7: of the ERRORs, only one with a Stale Cookie cause is let be. */
static bool stale_cookie_error(const struct xsctp_chunk *c)
{
	struct xsctp_cause cause;
	enum xsctp_wire_err err;
	struct xsctp_tlv_iter it;

	xsctp_causes(c, &it);
	while (xsctp_cause_next(&it, &cause, &err))
		if (cause.code == XSCTP_CAUSE_STALE_COOKIE)
			return true;
	return false;
}

/*
 * Which answer RFC 9260 8.4 asks for: none from a source that is not
 * unicast (rule 1) or for a packet with an ABORT (rule 2); otherwise the
 * first chunk that decides does. A packet with tag 0 that is not an INIT
 * is discarded (8.5.1 A), and so is an INIT whose Initiate Tag is 0
 * (3.3.2), as when a listener gets it.
 */
void xsctp_ootb_rcv(struct xsctp_rx *rx)
{
	struct xsctp_tlv_iter it = rx->chunks;
	struct xsctp_chunk c;

	XSCTP_INC_STATS(rx->net, XSCTP_MIB_IN_OOTB);
	if (rx->src.sa.sa_family == AF_INET ?
	    !xsctp_addr_v4_usable(rx->src.v4.sin_addr.s_addr) :
	    !xsctp_addr_v6_usable(&rx->src.v6.sin6_addr))
		return;
	if (xsctp_rx_has_abort(rx))	/* rule 2, before the others */
		return;
	while (xsctp_wire_next_chunk(&it, &c)) {
		switch (c.type) {
		case XSCTP_CID_SHUTDOWN_COMPLETE:	/* rule 6 */
		case XSCTP_CID_COOKIE_ACK:	/* rule 7 */
			return;
		case XSCTP_CID_ERROR:
			if (stale_cookie_error(&c))
				return;
			break;
		case XSCTP_CID_INIT:		/* rule 3: ABORT, their tag, T=0 */
			if (rx->vtag == 0 && get_unaligned_be32(c.value))
				reply(rx, get_unaligned_be32(c.value),
				      XSCTP_CID_ABORT, false, NULL, 0);
			return;
		case XSCTP_CID_SHUTDOWN_ACK:	/* rule 5 */
			if (rx->vtag)
				reply(rx, rx->vtag, XSCTP_CID_SHUTDOWN_COMPLETE,
				      true, NULL, 0);
			return;
		}
	}
	if (rx->vtag)
		reply(rx, rx->vtag, XSCTP_CID_ABORT, true, NULL, 0);	/* rule 8 */
}
