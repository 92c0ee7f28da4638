// SPDX-License-Identifier: GPL-2.0
/*
 * Path MTU discovery (RFC 9260 7.3, with RFC 1191 and RFC 8201): the IP
 * layer keeps what is learnt per destination in its routes, and each
 * packet a path sends is routed, so a path's MTU is simply the MTU of
 * the route its last packet took. An ICMP "fragmentation needed" or
 * "packet too big" quoting one of our packets (icmp.c checked its tag)
 * updates that route, and lowers the path at once: what was in flight
 * to it is sent again at the new size, without a congestion penalty (the
 * packets were too big, not lost to congestion), as Linux does.
 *
 * Chunks cut before the MTU fell still go whole: IP fragments their
 * packets (packet.c). New messages are cut to the new size (outq.c).
 */
#include <net/ip.h>
#include <net/ipv6.h>
#include <net/ip6_route.h>
#include <net/route.h>

#include <net/xsctp/input.h>
#include <net/xsctp/netns.h>
#include <net/xsctp/outq.h>
#include <net/xsctp/pmtu.h>

static u32 clamp_mtu(u32 mtu)
{
	return max(ALIGN_DOWN(mtu, 4), XSCTP_MIN_PMTU);
}

/* SPP_PMTUD_DISABLE: the user fixed the path's MTU; nothing changes it. */
static bool discovering(const struct xsctp_path *path)
{
	return !(path->par.flags & XSCTP_PP_PMTUD_OFF);
}

/**
 * xsctp_pmtu_from_route() - a packet to @path took a route of @mtu
 * @path: the path
 * @mtu: dst_mtu() of the route
 *
 * The route's MTU may also have grown back, when the IP layer's learnt
 * value expired (net.ipv4.route.mtu_expires, ten minutes by default).
 */
void xsctp_pmtu_from_route(struct xsctp_path *path, u32 mtu)
{
	if (discovering(path))
		path->pmtu = clamp_mtu(mtu);
}

/* The IP layer learns it for every socket to that destination. */
static void update_route(const struct xsctp_icmp *ic)
{
	if (ic->peer.sa.sa_family == AF_INET6)
		ip6_update_pmtu(ic->skb, ic->net, htonl(ic->mtu), 0, 0,
				sock_net_uid(ic->net, NULL));
	else
		ipv4_update_pmtu(ic->skb, ic->net, ic->mtu, 0, IPPROTO_SCTP);
}

/**
 * xsctp_pmtu_icmp() - the peer's address @ic->peer is behind a smaller MTU
 * @asoc: the association the quoted packet belonged to, its tag checked
 * @ic: the ICMP error, with the MTU it reports
 *
 * A path whose MTU the user fixed keeps it. Called under the socket's
 * spinlock. While the user owns the socket the route alone learns it;
 * the path follows with its next packet, and what was lost waits for
 * T3-rtx or fast retransmit, as in sctp.ko.
 */
void xsctp_pmtu_icmp(struct xsctp_assoc *asoc, const struct xsctp_icmp *ic)
{
	struct xsctp_path *path;
	u32 mtu;

	if (!ic->mtu)
		return;		/* an RFC 792 router: no MTU to learn */
	XSCTP_INC_STATS(ic->net, XSCTP_MIB_IN_ICMP_TOO_BIG);
	update_route(ic);
	if (sock_owned_by_user(asoc->sk))
		return;
	path = xsctp_assoc_find_path(asoc, &ic->peer);
	mtu = clamp_mtu(ic->mtu);
	if (!path || !discovering(path) || mtu >= path->pmtu)
		return;
	path->pmtu = mtu;
	xsctp_outq_retransmit_path(asoc, path);
}
