// SPDX-License-Identifier: GPL-2.0
/*
 * The effects of associations that live on sockets: the chunks the state
 * machine asks for leave as packets, timers are real timers, and outcomes
 * reach the socket (its state, its error, its waiters). KUnit replaces
 * this table with fakes (tests/sm_fake.c).
 */
#include <linux/slab.h>
#include <linux/unaligned.h>
#include <net/sock.h>

#include <net/xsctp/cause.h>
#include <net/xsctp/chunk.h>
#include <net/xsctp/effects.h>
#include <net/xsctp/input.h>
#include <net/xsctp/laddr.h>
#include <net/xsctp/lookup.h>
#include <net/xsctp/netns.h>
#include <net/xsctp/notify.h>
#include <net/xsctp/outq.h>
#include <net/xsctp/output.h>
#include <net/xsctp/packet.h>
#include <net/xsctp/path.h>
#include <net/xsctp/pmtu.h>
#include <net/xsctp/sm.h>
#include <net/xsctp/socket.h>

/* An INIT: fixed part and parameters for up to XSCTP_MAX_LADDRS addresses. */
#define INIT_BUF_LEN	(XSCTP_CHUNK_HDR_LEN + XSCTP_INIT_FIXED_LEN + \
			 XSCTP_MAX_LADDRS * 20 + 64)

/* The socket's specific bound addresses of @family: how many, and the first. */
static unsigned int bound_of(const struct xsctp_sock *xs, sa_family_t family,
			     const union xsctp_addr **first)
{
	unsigned int i, n = 0;

	*first = NULL;
	for (i = 0; i < xs->num_laddrs; i++) {
		const union xsctp_addr *l = &xs->laddrs[i];

		if (l->sa.sa_family != family || xsctp_addr_is_any(l))
			continue;
		if (!n++)
			*first = l;
	}
	return n;
}

/*
 * Our address towards @dst: any (the route picks) for a socket bound to
 * the wildcard; its one address of that family; or, bound to several,
 * the one the route picks when it is among them, so that each path of a
 * multihomed association leaves from the address on its own network and
 * its answers come back that way (else the first bound one).
 *
 * Return: false when the socket is bound to no address of @dst's family
 * (a peer's IPv4 address, learned by an IPv6 socket bound to IPv6
 * addresses): nothing may go there, as from any other source the peer
 * would take it for out of the blue.
 */
bool xsctp_source_for(struct sock *sk, const union xsctp_addr *dst,
		      u16 port, union xsctp_addr *src)
{
	const struct xsctp_sock *xs = xsctp_sk(sk);
	const union xsctp_addr *first;
	union xsctp_addr routed = {};
	unsigned int n = bound_of(xs, dst->sa.sa_family, &first);

	memset(src, 0, sizeof(*src));
	src->sa.sa_family = dst->sa.sa_family;
	if (n > 1 && !xsctp_route_source(sock_net(sk), sk, dst, &routed) &&
	    xsctp_sock_owns_addr(sk, &routed))
		*src = routed;
	else if (first)
		*src = *first;
	else if (!xsctp_sock_wildcard(sk))
		return false;
	src->v4.sin_port = htons(port);	/* sin6_port is at the same offset */
	return true;
}

/**
 * xsctp_send_skb_to_path() - send a packet of an association to a path
 * @asoc: the association
 * @path: where to
 * @vtag: the verification tag (0 for an INIT)
 * @skb: from xsctp_skb_alloc(), filled with chunks
 *
 * The path learns the source the route chose and the route's MTU.
 *
 * Return: 0, or why the packet could not leave.
 */
int xsctp_send_skb_to_path(struct xsctp_assoc *asoc, struct xsctp_path *path,
			   u32 vtag, struct sk_buff *skb)
{
	struct xsctp_pkt_addrs pa = {
		.dst = path->addr, .vtag = vtag, .encap_port = path->encap_port,
		.par = &path->par,
	};
	int err;

	if (!xsctp_source_for(asoc->sk, &path->addr, asoc->local_port,
			      &pa.src)) {
		kfree_skb(skb);
		return -EADDRNOTAVAIL;
	}
	err = xsctp_output_skb(sock_net(asoc->sk), asoc->sk, &pa, skb);
	if (!err)
		path->saddr = pa.src;
	if (pa.mtu)
		xsctp_pmtu_from_route(path, pa.mtu);
	return err;
}

int xsctp_send_to_path(struct xsctp_assoc *asoc, struct xsctp_path *path,
		       u32 vtag, const u8 *chunks, size_t len)
{
	struct sk_buff *skb = xsctp_skb_alloc(len);

	if (!skb)
		return -ENOMEM;
	skb_put_data(skb, chunks, len);
	return xsctp_send_skb_to_path(asoc, path, vtag, skb);
}

u32 xsctp_local_rwnd(const struct sock *sk)
{
	return max_t(u32, READ_ONCE(sk->sk_rcvbuf) / 2, 1500);
}

static void send_init(struct xsctp_assoc *asoc, struct xsctp_path *path)
{
	struct xsctp_init_out in = {
		.init_tag = asoc->local_tag,
		.a_rwnd = xsctp_local_rwnd(asoc->sk),
		.num_outbound = asoc->cfg.num_ostreams,
		.num_inbound = asoc->cfg.max_instreams,
		.initial_tsn = asoc->next_tsn,
		.cookie_preservative_ms = asoc->cookie_preservative_ms,
		.supports_v4 = asoc->cfg.allow_v4,
		.supports_v6 = asoc->cfg.allow_v6,
	};
	union xsctp_addr host[XSCTP_MAX_LADDRS];
	u8 buf[INIT_BUF_LEN];
	int n;

	in.num_addrs = xsctp_listed_addrs(asoc->sk, &path->addr,
					  asoc->cfg.allow_v4,
					  asoc->cfg.allow_v6, host, &in.addrs);
	n = xsctp_wire_put_init(buf, sizeof(buf), XSCTP_CID_INIT, &in);
	/*
	 * An INIT that cannot leave (no route, no source address, dropped by
	 * a local firewall) holds the race up no longer than one an ICMP
	 * refuses (icmp.c): the stagger, armed already, expires at once.
	 */
	if (n > 0 && xsctp_send_to_path(asoc, path, 0, buf, n) < 0)
		xsctp_stagger_hurry(asoc);
}

/* One control chunk, alone in its packet, to a confirmed path (5.4). */
static void send_chunk(struct xsctp_assoc *asoc, struct xsctp_path *path,
		       u8 type, u8 flags, const void *value, u16 len)
{
	size_t room = XSCTP_CHUNK_HDR_LEN + ALIGN(len, 4);
	u8 *buf = kmalloc(room, GFP_ATOMIC);
	int n;

	if (!buf)
		return;
	n = xsctp_wire_put_chunk(buf, room, type, flags, value, len);
	if (n > 0)
		xsctp_send_to_path(asoc, xsctp_path_reply_to(asoc, path),
				   asoc->peer_tag, buf, n);
	kfree(buf);
}

/*
 * The COOKIE ECHO, first in its packet (RFC 9260 5.1), with the ERROR that
 * reports the INIT ACK's unknown parameters after it (3.2.2), if any, then
 * as much DATA as the packet holds: a request rides with the handshake,
 * one round trip sooner, as on Linux.
 */
static void send_cookie_echo(struct xsctp_assoc *asoc, struct xsctp_path *path)
{
	u32 len = XSCTP_CHUNK_HDR_LEN + ALIGN(asoc->cookie_len, 4) +
		  asoc->cookie_error_len;
	bool data = !xsctp_outq_cookie_echo(asoc);
	struct xsctp_packet pkt;
	u8 *at;
	int n;

	xsctp_packet_init(&pkt, asoc, path);
	pkt.single = true;
	at = xsctp_packet_reserve(&pkt, len);
	if (!at)
		return;
	n = xsctp_wire_put_chunk(at, len, XSCTP_CID_COOKIE_ECHO, 0,
				 asoc->cookie, asoc->cookie_len);
	if (n > 0) {
		memcpy(at + n, asoc->cookie + asoc->cookie_len,
		       asoc->cookie_error_len);
		xsctp_packet_commit(&pkt, n + asoc->cookie_error_len);
		if (data)
			xsctp_transmit_with_cookie(asoc, &pkt);
	}
	xsctp_packet_free(&pkt);
}

static void send_cookie_ack(struct xsctp_assoc *asoc, struct xsctp_path *path)
{
	send_chunk(asoc, path, XSCTP_CID_COOKIE_ACK, 0, NULL, 0);
}

/* SHUTDOWN says how far we received (RFC 9260 3.3.8). */
static void send_shutdown(struct xsctp_assoc *asoc, struct xsctp_path *path)
{
	u8 buf[XSCTP_CHUNK_HDR_LEN + 4];
	int n;

	if (!path)
		return;
	n = xsctp_tsn_chunk_put(buf, sizeof(buf), XSCTP_CID_SHUTDOWN,
				asoc->in.map.cum_tsn);
	if (n > 0)
		xsctp_send_to_path(asoc, path, asoc->peer_tag, buf, n);
}

static void send_shutdown_ack(struct xsctp_assoc *asoc,
			      struct xsctp_path *path)
{
	if (path)
		send_chunk(asoc, path, XSCTP_CID_SHUTDOWN_ACK, 0, NULL, 0);
}

static void send_shutdown_complete(struct xsctp_assoc *asoc,
				   struct xsctp_path *path)
{
	if (path)
		send_chunk(asoc, path, XSCTP_CID_SHUTDOWN_COMPLETE, 0, NULL, 0);
}

static void send_abort(struct xsctp_assoc *asoc, struct xsctp_path *path,
		       const u8 *causes, u16 len)
{
	if (path)
		send_chunk(asoc, path, XSCTP_CID_ABORT, 0, causes, len);
}

static void send_error(struct xsctp_assoc *asoc, struct xsctp_path *path,
		       const u8 *causes, u16 len)
{
	if (path)
		send_chunk(asoc, path, XSCTP_CID_ERROR, 0, causes, len);
}

static void reply_init_ack(struct xsctp_assoc *asoc, struct xsctp_rx *rx,
			   const struct xsctp_init *init,
			   const struct xsctp_init_ack_tags *tags)
{
	xsctp_reply_init_ack(asoc->sk, rx, init, tags);
}

static void reply_restart_abort(struct xsctp_assoc *asoc, struct xsctp_rx *rx,
				u32 vtag, const union xsctp_addr *new_addr)
{
	xsctp_reply_restart_abort(rx, vtag, new_addr);
}

static void reply_abort(struct xsctp_assoc *asoc, struct xsctp_rx *rx,
			u32 vtag, bool t_bit, const u8 *causes, u16 len)
{
	xsctp_send_abort_reply(rx, vtag, t_bit, causes, len);
}

/*
 * The cookie to echo, and after it in the same buffer the ERROR that goes
 * with the COOKIE ECHO when the INIT ACK had parameters to report.
 */
static int keep_cookie(struct xsctp_assoc *asoc, const struct xsctp_init *ia)
{
	u16 len = ia->cookie.len - XSCTP_PARAM_HDR_LEN;
	size_t room = ia->num_unrecognized ? XSCTP_UNRECOGNIZED_ERROR_MAX : 0;
	u8 *copy = kmalloc(len + room, GFP_ATOMIC);
	int elen = 0;

	if (!copy)
		return -ENOMEM;
	memcpy(copy, ia->cookie.value, len);
	if (room)
		elen = xsctp_error_put_unrecognized(copy + len, room, ia);
	kfree(asoc->cookie);
	asoc->cookie = copy;
	asoc->cookie_len = len;
	asoc->cookie_error_len = max(elen, 0);
	return 0;
}

static void add_path(struct xsctp_assoc *asoc, const union xsctp_addr *addr,
		     u16 state)
{
	struct xsctp_path *p;

	p = xsctp_assoc_add_path(asoc, addr, state, GFP_ATOMIC);
	if (p)
		xsctp_path_hash(p);
}

static void established(struct xsctp_assoc *asoc)
{
	struct sock *sk = asoc->sk;

	kfree(asoc->cookie);
	asoc->cookie = NULL;
	if (xsctp_assoc_data_start(asoc)) {
		xsctp_sm_user_abort(asoc);
		return;
	}
	XSCTP_INC_STATS(sock_net(sk), XSCTP_MIB_ACTIVE_ESTABS);
	if (!xsctp_one_to_many(sk)) {
		inet_sk_set_state(sk, TCP_ESTABLISHED);
		if (asoc->primary)
			xsctp_sock_set_peer(sk, &asoc->primary->addr);
	}
	xsctp_notify_comm_up(asoc);
	if (asoc->cfg.autoclose_s)
		xsctp_set_autoclose(asoc, asoc->cfg.autoclose_s);
	sk->sk_state_change(sk);	/* wakes connect() */
	xsctp_transmit_established(asoc);
}

/* The peer restarted (RFC 9260 5.2.4 A): SCTP_RESTART, as in Linux. */
static void restarted(struct xsctp_assoc *asoc)
{
	struct xsctp_change ch = { .state = SCTP_RESTART };

	/* What either queue held belonged to the peer's previous life. */
	xsctp_outq_stop(asoc);
	if (xsctp_assoc_data_start(asoc)) {
		xsctp_sm_user_abort(asoc);
		return;
	}
	xsctp_notify_assoc_change(asoc, &ch);
	asoc->sk->sk_state_change(asoc->sk);
}

/*
 * SCTP_ASSOC_CHANGE for an association that ends: CANT_STR_ASSOC if it
 * never came up, else COMM_LOST (the state machine says which: the state
 * is CLOSED by now). As Linux, sac_error is the first cause of the
 * peer's ABORT (whose causes go in sac_info), User-Initiated Abort when
 * our user ended it, and 0 otherwise (T1 expired, ICMP).
 */
static void end_change(int err, bool was_up, const u8 *causes,
		       u16 causes_len, struct xsctp_change *ch)
{
	*ch = (struct xsctp_change) {
		.state = was_up ? SCTP_COMM_LOST : SCTP_CANT_STR_ASSOC,
		.info = causes,
		.info_len = causes_len,
	};
	if (causes_len >= XSCTP_PARAM_HDR_LEN)
		ch->error = get_unaligned((const __be16 *)causes);
	else if (err == -ECONNABORTED)
		ch->error = htons(XSCTP_CAUSE_USER_ABORT);
}

/*
 * The association leaves its socket, saying @ch. One that waited for
 * accept() no longer takes a place in the queue, and its news goes with
 * it: nobody will ever read about it.
 *
 * Return: whether it was waiting for accept().
 */
static bool leave_socket(struct xsctp_assoc *asoc,
			 const struct xsctp_change *ch)
{
	struct sock *sk = asoc->sk;
	bool waited_for_accept = !xsctp_one_to_many(sk) &&
				 sk->sk_state == TCP_LISTEN;

	if (waited_for_accept)
		xsctp_notify_purge(sk, asoc->id);
	else
		xsctp_notify_assoc_change(asoc, ch);
	xsctp_assoc_unlink(asoc);
	if (waited_for_accept)
		sk_acceptq_removed(sk);
	return waited_for_accept;
}

/*
 * The association is over: a one-to-one socket reports why (sk_err, as
 * SO_ERROR and poll() see it; Linux sets none on one-to-many sockets),
 * the connect() waiter reads asoc->error, and the association goes.
 */
static void failed(struct xsctp_assoc *asoc, int err, bool was_up,
		   const u8 *causes, u16 causes_len)
{
	struct sock *sk = asoc->sk;
	struct xsctp_change ch;

	asoc->error = err;
	end_change(err, was_up, causes, causes_len, &ch);
	asoc->out.error = ch.error;	/* SCTP_SEND_FAILED's, as Linux */
	if (!leave_socket(asoc, &ch) && !xsctp_one_to_many(sk)) {
		WRITE_ONCE(sk->sk_err, -err);
		sk_error_report(sk);
	}
	sk->sk_state_change(sk);
}

/*
 * The peer sends no more (RFC 9260 9.2): SCTP_SHUTDOWN_EVENT, and a
 * one-to-one socket (not a peeled-off one) reads end of file once its
 * queue is empty, as Linux.
 */
static void peer_shutdown(struct xsctp_assoc *asoc)
{
	struct sock *sk = asoc->sk;

	xsctp_notify_shutdown_event(asoc);
	if (sk->sk_type == SOCK_STREAM && sk->sk_state == TCP_ESTABLISHED) {
		inet_sk_set_state(sk, TCP_CLOSE_WAIT);
		WRITE_ONCE(sk->sk_shutdown, sk->sk_shutdown | RCV_SHUTDOWN);
	}
	sk->sk_state_change(sk);
}

/*
 * The graceful end: SHUTDOWN_COMP, and the association goes. As in Linux,
 * a one-to-one socket stays as it was (CLOSE_WAIT, Linux's SCTP_SS_CLOSING,
 * since one side or the other shut down): connected, writable, and, if
 * only its own side shut down, without end of file (recv() says
 * ENOTCONN once its queue is empty).
 */
static void closed(struct xsctp_assoc *asoc)
{
	struct xsctp_change ch = { .state = SCTP_SHUTDOWN_COMP };

	leave_socket(asoc, &ch);
	asoc->sk->sk_state_change(asoc->sk);
}

/*
 * Shut down before it was up: it goes without a word, as in Linux (no
 * notification, no socket error); a connect() waiting on it says
 * ECONNREFUSED.
 */
static void dropped(struct xsctp_assoc *asoc)
{
	struct sock *sk = asoc->sk;

	asoc->error = -ECONNREFUSED;
	xsctp_assoc_unlink(asoc);
	sk->sk_state_change(sk);
}

const struct xsctp_effects xsctp_real_effects = {
	.send_init = send_init,
	.send_cookie_echo = send_cookie_echo,
	.send_cookie_ack = send_cookie_ack,
	.send_abort = send_abort,
	.reply_init_ack = reply_init_ack,
	.reply_restart_abort = reply_restart_abort,
	.reply_abort = reply_abort,
	.keep_cookie = keep_cookie,
	.add_path = add_path,
	.remove_path = xsctp_assoc_remove_path,
	.set_t1 = xsctp_set_t1,
	.set_t5 = xsctp_set_t5,
	.set_stagger = xsctp_set_stagger,
	.set_autoclose = xsctp_set_autoclose,
	.established = established,
	.restarted = restarted,
	.send_shutdown = send_shutdown,
	.send_shutdown_ack = send_shutdown_ack,
	.send_error = send_error,
	.send_shutdown_complete = send_shutdown_complete,
	.peer_shutdown = peer_shutdown,
	.sender_dry = xsctp_notify_sender_dry,
	.closed = closed,
	.dropped = dropped,
	.failed = failed,
};
