// SPDX-License-Identifier: GPL-2.0
/*
 * Notifications for the socket's user (see notify.h). Each is one skb on
 * sk_receive_queue, read whole by recvmsg() (recvmsg.c) with
 * MSG_NOTIFICATION. They are queued with the socket locked (owned by a
 * user, or bh-locked and not owned), like everything associations do.
 */
#include <kunit/visibility.h>
#include <linux/export.h>

#include <net/xsctp/netns.h>
#include <net/xsctp/notify.h>
#include <net/xsctp/outq.h>
#include <net/xsctp/socket.h>

/**
 * xsctp_put_assoc_change() - write an SCTP_ASSOC_CHANGE notification
 * @buf: where to write it
 * @room: bytes at @buf
 * @asoc: the association it is about
 * @ch: what changed
 *
 * Linux's layout (abi.md 1.3, 3.5): the stream counts only when the
 * association comes up or restarts, and an ABORT's causes in sac_info.
 *
 * Return: the length written, or -ENOSPC.
 */
int xsctp_put_assoc_change(void *buf, size_t room,
			   const struct xsctp_assoc *asoc,
			   const struct xsctp_change *ch)
{
	struct sctp_assoc_change *sac = buf;
	size_t len = sizeof(*sac) + ch->info_len;
	bool up = ch->state == SCTP_COMM_UP || ch->state == SCTP_RESTART;

	if (len > room)
		return -ENOSPC;
	memset(sac, 0, sizeof(*sac));
	sac->sac_type = SCTP_ASSOC_CHANGE;
	sac->sac_length = len;
	sac->sac_state = ch->state;
	sac->sac_error = (__force u16)ch->error;
	sac->sac_outbound_streams = up ? asoc->num_out : 0;
	sac->sac_inbound_streams = up ? asoc->num_in : 0;
	sac->sac_assoc_id = asoc->id;
	if (ch->info_len)
		memcpy(sac->sac_info, ch->info, ch->info_len);
	return len;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_put_assoc_change);

/*
 * Queue @skb for the user. Linux bounds no notification; xsctp bounds
 * them by the receive buffer, so that a peer cannot grow the queue of a
 * socket whose user does not read, and counts what it drops.
 */
static void queue_for_user(struct xsctp_assoc *asoc, struct sk_buff *skb)
{
	struct sock *sk = asoc->sk;
	struct xsctp_rcv_cb *cb = xsctp_rcv_cb(skb);

	if (atomic_read(&sk->sk_rmem_alloc) + skb->truesize >
	    READ_ONCE(sk->sk_rcvbuf)) {
		XSCTP_INC_STATS(sock_net(sk), XSCTP_MIB_NOTIFY_DROPPED);
		kfree_skb(skb);
		return;
	}
	memset(cb, 0, sizeof(*cb));
	if (asoc->primary)
		cb->peer = asoc->primary->addr;
	cb->assoc_id = asoc->id;
	cb->notification = true;
	cb->eor = true;
	skb_set_owner_r(skb, sk);
	skb_queue_tail(&sk->sk_receive_queue, skb);
	sk->sk_data_ready(sk);
}

/* Room for a notification of @len bytes; a failure is counted. */
static struct sk_buff *notification_skb(struct xsctp_assoc *asoc,
					unsigned int len)
{
	struct sk_buff *skb = alloc_skb(len, GFP_ATOMIC);

	if (!skb)
		XSCTP_INC_STATS(sock_net(asoc->sk), XSCTP_MIB_NOTIFY_DROPPED);
	return skb;
}

/*
 * Nobody will read the queue of a socket being closed (both directions
 * shut); one whose peer shut down still reads its news, as in Linux's
 * sctp_ulpq_tail_event().
 */
static bool user_can_read(const struct sock *sk)
{
	return READ_ONCE(sk->sk_shutdown) != SHUTDOWN_MASK;
}

/**
 * xsctp_notify_assoc_change() - tell the user an association changed
 * @asoc: the association, still on its socket
 * @ch: what changed
 *
 * Nothing happens unless the association's subscriptions ask for it.
 */
void xsctp_notify_assoc_change(struct xsctp_assoc *asoc,
			       const struct xsctp_change *ch)
{
	struct sk_buff *skb;
	int len;

	if (!xsctp_event_on(asoc->cfg.subscribe, SCTP_ASSOC_CHANGE) ||
	    !user_can_read(asoc->sk))
		return;
	len = sizeof(struct sctp_assoc_change) + ch->info_len;
	skb = notification_skb(asoc, len);
	if (!skb)
		return;
	xsctp_put_assoc_change(skb_put(skb, len), len, asoc, ch);
	queue_for_user(asoc, skb);
}

/*
 * A notification that is only its header and the association's id:
 * SCTP_SHUTDOWN_EVENT and SCTP_SENDER_DRY_EVENT share that layout.
 */
static void notify_bare(struct xsctp_assoc *asoc, u16 type)
{
	struct sctp_sender_dry_event *ev;
	struct sk_buff *skb;

	BUILD_BUG_ON(sizeof(*ev) != sizeof(struct sctp_shutdown_event));
	if (!xsctp_event_on(asoc->cfg.subscribe, type) ||
	    !user_can_read(asoc->sk))
		return;
	skb = notification_skb(asoc, sizeof(*ev));
	if (!skb)
		return;
	ev = skb_put_zero(skb, sizeof(*ev));
	ev->sender_dry_type = type;
	ev->sender_dry_length = sizeof(*ev);
	ev->sender_dry_assoc_id = asoc->id;
	queue_for_user(asoc, skb);
}

/* The peer sent SHUTDOWN: it sends no more (SCTP_SHUTDOWN_EVENT). */
void xsctp_notify_shutdown_event(struct xsctp_assoc *asoc)
{
	notify_bare(asoc, SCTP_SHUTDOWN_EVENT);
}

/* Nothing of ours is left to send or acknowledge (SCTP_SENDER_DRY_EVENT). */
void xsctp_notify_sender_dry(struct xsctp_assoc *asoc)
{
	notify_bare(asoc, SCTP_SENDER_DRY_EVENT);
}

/**
 * xsctp_notify_paddr_change() - tell the user a peer address changed
 * @asoc: the association
 * @p: the path to that address
 * @state: what happened: SCTP_ADDR_AVAILABLE, SCTP_ADDR_UNREACHABLE...
 * @error: why, as Linux: SCTP_FAILED_THRESHOLD, SCTP_RECEIVED_SACK,
 *	SCTP_HEARTBEAT_SUCCESS, or 0
 *
 * SCTP_PEER_ADDR_CHANGE with Linux's layout; as Linux, nothing is said
 * before the association is established.
 */
void xsctp_notify_paddr_change(struct xsctp_assoc *asoc,
			       const struct xsctp_path *p, int state, int error)
{
	struct sctp_paddr_change *spc;
	struct sk_buff *skb;

	if (!xsctp_event_on(asoc->cfg.subscribe, SCTP_PEER_ADDR_CHANGE) ||
	    asoc->state < XSCTP_S_ESTABLISHED || !user_can_read(asoc->sk))
		return;
	skb = notification_skb(asoc, sizeof(*spc));
	if (!skb)
		return;
	spc = skb_put_zero(skb, sizeof(*spc));
	spc->spc_type = SCTP_PEER_ADDR_CHANGE;
	spc->spc_length = sizeof(*spc);
	xsctp_sock_addr_out(asoc->sk, &p->addr, &spc->spc_aaddr);
	spc->spc_state = state;
	spc->spc_error = error;
	spc->spc_assoc_id = asoc->id;
	queue_for_user(asoc, skb);
}

/**
 * xsctp_put_send_failed() - write SCTP_SEND_FAILED or SCTP_SEND_FAILED_EVENT
 * @buf: where to write it
 * @room: bytes at @buf
 * @type: which of the two
 * @id: the association's id
 * @ch: the DATA chunk that was not delivered; its payload follows
 * @state: SCTP_DATA_SENT if it had a TSN, else SCTP_DATA_UNSENT
 * @error: why: the cause the association ended with, as on the wire
 *
 * As Linux's: one per DATA chunk, not per message, so a fragmented
 * message comes back in pieces whose flags are the chunk's (B, E, U, I)
 * for the user to put together; the info is what the message was sent
 * with, SCTP_SEND_FAILED's a whole struct sctp_sndrcvinfo.
 *
 * Return: the length written, or -ENOSPC.
 */
int xsctp_put_send_failed(void *buf, size_t room, u16 type, sctp_assoc_t id,
			  const struct xsctp_tx_chunk *ch, u16 state,
			  __be16 error)
{
	struct sctp_send_failed_event *ev = buf;
	struct sctp_send_failed *sf = buf;
	size_t hdr = type == SCTP_SEND_FAILED ? sizeof(*sf) : sizeof(*ev);

	if (hdr + ch->len > room)
		return -ENOSPC;
	memset(buf, 0, hdr);
	/* The two share their first 12 bytes. */
	sf->ssf_type = type;
	sf->ssf_flags = state;
	sf->ssf_length = hdr + ch->len;
	sf->ssf_error = (__force u16)error;
	if (type == SCTP_SEND_FAILED) {
		sf->ssf_info.sinfo_stream = ch->sid;
		sf->ssf_info.sinfo_flags = ch->flags;
		sf->ssf_info.sinfo_ppid = (__force u32)ch->ppid;
		sf->ssf_info.sinfo_context = ch->context;
		sf->ssf_info.sinfo_timetolive = ch->ttl;
		sf->ssf_info.sinfo_assoc_id = ch->info_id;
		sf->ssf_assoc_id = id;
	} else {
		ev->ssfe_info.snd_sid = ch->sid;
		ev->ssfe_info.snd_flags = ch->flags;
		ev->ssfe_info.snd_ppid = (__force u32)ch->ppid;
		ev->ssfe_info.snd_context = ch->context;
		ev->ssfe_info.snd_assoc_id = ch->info_id;
		ev->ssf_assoc_id = id;
	}
	memcpy(buf + hdr, ch->data, ch->len);
	return hdr + ch->len;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_put_send_failed);

static void send_failed(struct xsctp_assoc *asoc, u16 type,
			const struct xsctp_tx_chunk *ch, u16 state,
			__be16 error)
{
	size_t len = (type == SCTP_SEND_FAILED ?
		      sizeof(struct sctp_send_failed) :
		      sizeof(struct sctp_send_failed_event)) + ch->len;
	struct sk_buff *skb;

	skb = notification_skb(asoc, len);
	if (!skb)
		return;
	xsctp_put_send_failed(skb_put(skb, len), len, type, asoc->id, ch,
			      state, error);
	queue_for_user(asoc, skb);
}

/**
 * xsctp_notify_send_failed() - tell the user a DATA chunk was not delivered
 * @asoc: the association, ending (or restarting: the queue is emptied)
 * @ch: the chunk, about to be freed
 * @state: SCTP_DATA_SENT or SCTP_DATA_UNSENT
 * @error: the cause the association ended with, as on the wire; or
 *	Invalid Stream Identifier for a stream the peer did not grant
 *
 * Linux tells both SCTP_SEND_FAILED and SCTP_SEND_FAILED_EVENT, in that
 * order, when both are subscribed to. A socket being closed hears
 * nothing, nor a one-to-one listener (whose associations have sent no
 * user data).
 */
void xsctp_notify_send_failed(struct xsctp_assoc *asoc,
			      const struct xsctp_tx_chunk *ch, u16 state,
			      __be16 error)
{
	u16 sub = asoc->cfg.subscribe;

	if (!user_can_read(asoc->sk) ||
	    (!xsctp_one_to_many(asoc->sk) && asoc->sk->sk_state == TCP_LISTEN))
		return;
	if (xsctp_event_on(sub, SCTP_SEND_FAILED))
		send_failed(asoc, SCTP_SEND_FAILED, ch, state, error);
	if (xsctp_event_on(sub, SCTP_SEND_FAILED_EVENT))
		send_failed(asoc, SCTP_SEND_FAILED_EVENT, ch, state,
			    error);
}

/* Move or drop the skbs of association @id on @from's queue. */
static void take_assoc_skbs(struct sock *from, sctp_assoc_t id,
			    struct sk_buff_head *into)
{
	struct sk_buff_head *q = &from->sk_receive_queue;
	struct sk_buff *skb, *tmp;

	spin_lock_bh(&q->lock);
	skb_queue_walk_safe(q, skb, tmp) {
		if (xsctp_rcv_cb(skb)->assoc_id != id)
			continue;
		__skb_unlink(skb, q);
		__skb_queue_tail(into, skb);
	}
	spin_unlock_bh(&q->lock);
}

/**
 * xsctp_notify_migrate() - an association moved (accept): its news too
 * @from: the socket it was on, locked
 * @to: the socket it is on now, locked
 * @id: the association's id
 */
void xsctp_notify_migrate(struct sock *from, struct sock *to, sctp_assoc_t id)
{
	struct sk_buff_head moved;
	struct sk_buff *skb;

	__skb_queue_head_init(&moved);
	take_assoc_skbs(from, id, &moved);
	while ((skb = __skb_dequeue(&moved))) {
		skb_orphan(skb);
		skb_set_owner_r(skb, to);
		skb_queue_tail(&to->sk_receive_queue, skb);
	}
}

/**
 * xsctp_notify_purge() - forget what association @id had queued on @sk
 * @sk: the socket, locked
 * @id: the association, which will never be read about there
 */
void xsctp_notify_purge(struct sock *sk, sctp_assoc_t id)
{
	struct sk_buff_head dropped;

	__skb_queue_head_init(&dropped);
	take_assoc_skbs(sk, id, &dropped);
	__skb_queue_purge(&dropped);
}
