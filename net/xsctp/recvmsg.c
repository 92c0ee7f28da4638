// SPDX-License-Identifier: GPL-2.0
/*
 * recvmsg(), read() and recv() as Linux's sctp_recvmsg(): one queued skb
 * per call, with MSG_EOR when it was read whole; what does not fit stays
 * at the head of the queue for the next call. The queue holds
 * notifications (notify.c) and DATA messages (inq.c), or pieces of one
 * in partial delivery, which end without MSG_EOR.
 */
#include <linux/sched/signal.h>
#include <net/inet_common.h>
#include <net/sock.h>

#include <net/xsctp/inq.h>
#include <net/xsctp/notify.h>
#include <net/xsctp/recvmsg.h>
#include <net/xsctp/socket.h>

/* Linux's sctp_wait_for_packet(): is anything ever going to arrive? */
static int nothing_to_wait_for(struct sock *sk)
{
	if (list_empty(&xsctp_sk(sk)->assocs) && sk->sk_state != TCP_LISTEN)
		return -ENOTCONN;
	return 0;
}

static struct sk_buff *take_skb(struct sock *sk, int flags)
{
	struct sk_buff *skb;

	if (!(flags & MSG_PEEK))
		return skb_dequeue(&sk->sk_receive_queue);
	skb = skb_peek(&sk->sk_receive_queue);
	return skb ? skb_get(skb) : NULL;
}

/* The next skb, waiting up to @timeo for one; *err says why there is none. */
static struct sk_buff *next_skb(struct sock *sk, int flags, long timeo,
				int *err)
{
	DEFINE_WAIT_FUNC(wait, woken_wake_function);
	struct sk_buff *skb;

	add_wait_queue(sk_sleep(sk), &wait);
	for (;;) {
		*err = 0;
		skb = take_skb(sk, flags);
		if (skb)
			break;
		*err = sock_error(sk);
		if (*err || (sk->sk_shutdown & RCV_SHUTDOWN))
			break;
		*err = -EAGAIN;
		if (!timeo)
			break;
		*err = nothing_to_wait_for(sk);
		if (*err)
			break;
		*err = sock_intr_errno(timeo);
		if (signal_pending(current))
			break;
		release_sock(sk);
		timeo = wait_woken(&wait, TASK_INTERRUPTIBLE, timeo);
		lock_sock(sk);
	}
	remove_wait_queue(sk_sleep(sk), &wait);
	return skb;
}

static void set_msg_name(struct sock *sk, struct msghdr *msg,
			 struct sk_buff *skb, int *addr_len)
{
	const struct xsctp_rcv_cb *cb = xsctp_rcv_cb(skb);

	if (msg->msg_name && cb->peer.sa.sa_family)
		*addr_len = xsctp_sock_addr_out(sk, &cb->peer, msg->msg_name);
}

/* What was not read goes back to the head of the queue, without MSG_EOR. */
static void keep_rest(struct sock *sk, struct sk_buff *skb, int copied)
{
	skb_pull(skb, copied);
	skb_queue_head(&sk->sk_receive_queue, skb);
}

/* The association an skb came from, if it is still on this socket. */
static struct xsctp_assoc *skb_assoc(struct sock *sk, sctp_assoc_t id)
{
	struct xsctp_assoc *asoc;

	if (xsctp_one_to_many(sk))
		return xsctp_assoc_by_id(sk, id);
	asoc = list_first_entry_or_null(&xsctp_sk(sk)->assocs,
					struct xsctp_assoc, node);
	return asoc && !asoc->dead && asoc->id == id ? asoc : NULL;
}

/* The association whose DATA the user just took may open its window. */
static void data_read(struct sock *sk, sctp_assoc_t id)
{
	struct xsctp_assoc *asoc = skb_assoc(sk, id);

	if (asoc)
		xsctp_inq_read(asoc);
}

/* SCTP_NXTINFO: what the next recvmsg() would return, if anything. */
static void put_nxtinfo(struct sock *sk, struct msghdr *msg)
{
	struct sctp_nxtinfo n = {};
	const struct xsctp_rcv_cb *cb;
	struct sk_buff *skb;

	spin_lock_bh(&sk->sk_receive_queue.lock);
	skb = skb_peek(&sk->sk_receive_queue);
	if (skb) {
		cb = xsctp_rcv_cb(skb);
		n.nxt_sid = cb->sid;
		n.nxt_flags = (cb->unordered ? SCTP_UNORDERED : 0) |
			      (cb->notification ? SCTP_NOTIFICATION : 0);
		n.nxt_ppid = (__force u32)cb->ppid;
		n.nxt_length = skb->len;
		n.nxt_assoc_id = cb->assoc_id;
	}
	spin_unlock_bh(&sk->sk_receive_queue.lock);
	if (skb)
		put_cmsg(msg, IPPROTO_SCTP, SCTP_NXTINFO, sizeof(n), &n);
}

/*
 * The ancillary data Linux's sctp_recvmsg() gives, in its order:
 * SCTP_NXTINFO and SCTP_RCVINFO when asked for (SCTP_RECVNXTINFO,
 * SCTP_RECVRCVINFO), SCTP_SNDRCV when data_io is subscribed; the last
 * two for DATA only.
 */
static void put_cmsgs(struct sock *sk, struct msghdr *msg,
		      const struct xsctp_rcv_cb *cb)
{
	const struct xsctp_sock *xs = xsctp_sk(sk);
	struct xsctp_assoc *asoc = skb_assoc(sk, cb->assoc_id);
	u32 context = asoc ? asoc->cfg.rcv_context : 0;	/* SCTP_CONTEXT */
	struct sctp_rcvinfo r = {
		.rcv_sid = cb->sid, .rcv_ssn = cb->ssn,
		.rcv_flags = cb->unordered ? SCTP_UNORDERED : 0,
		.rcv_ppid = (__force u32)cb->ppid, .rcv_tsn = cb->tsn,
		.rcv_context = context, .rcv_assoc_id = cb->assoc_id,
	};
	struct sctp_sndrcvinfo s = {
		.sinfo_stream = cb->sid, .sinfo_ssn = cb->ssn,
		.sinfo_flags = r.rcv_flags, .sinfo_ppid = r.rcv_ppid,
		.sinfo_context = context, .sinfo_tsn = cb->tsn,
		.sinfo_assoc_id = cb->assoc_id,
	};

	if (xs->recvnxtinfo)
		put_nxtinfo(sk, msg);
	if (cb->notification)
		return;
	if (xs->recvrcvinfo)
		put_cmsg(msg, IPPROTO_SCTP, SCTP_RCVINFO, sizeof(r), &r);
	if (xsctp_event_on(xs->cfg.subscribe, SCTP_DATA_IO_EVENT))
		put_cmsg(msg, IPPROTO_SCTP, SCTP_SNDRCV, sizeof(s), &s);
}

static int copy_out(struct sock *sk, struct msghdr *msg, size_t len,
		    int flags, int *addr_len, struct sk_buff *skb)
{
	const struct xsctp_rcv_cb *cb = xsctp_rcv_cb(skb);
	int copied = min_t(size_t, len, skb->len);
	bool whole = copied == skb->len;
	bool data = !cb->notification;
	sctp_assoc_t id = cb->assoc_id;
	int err;

	err = skb_copy_datagram_msg(skb, 0, msg, copied);
	if (err) {
		kfree_skb(skb);
		return err;
	}
	sock_recv_cmsgs(msg, sk, skb);
	set_msg_name(sk, msg, skb, addr_len);
	put_cmsgs(sk, msg, cb);
	if (!data)
		msg->msg_flags |= MSG_NOTIFICATION;
	if (whole && cb->eor)
		msg->msg_flags |= MSG_EOR;
	else
		msg->msg_flags &= ~MSG_EOR;
	if (whole || (flags & MSG_PEEK))
		consume_skb(skb);
	else
		keep_rest(sk, skb, copied);
	if (data && !(flags & MSG_PEEK))
		data_read(sk, id);
	return copied;
}

/**
 * xsctp_recvmsg() - struct proto's recvmsg
 * @sk: the socket
 * @msg: where the bytes, the peer's address and the flags go
 * @len: room for the bytes
 * @flags: MSG_PEEK, MSG_DONTWAIT, MSG_ERRQUEUE
 * @addr_len: the length of the address written to msg_name
 *
 * Return: bytes copied, 0 at end of file, or a negative errno: Linux's
 * (ENOTCONN on a one-to-one listener or on a socket with no association,
 * the socket's pending error, EAGAIN, a signal's).
 */
int xsctp_recvmsg(struct sock *sk, struct msghdr *msg, size_t len, int flags,
		  int *addr_len)
{
	struct sk_buff *skb;
	int err;

	if (flags & MSG_ERRQUEUE)
		return inet_recv_error(sk, msg, len, addr_len);
	lock_sock(sk);
	err = -ENOTCONN;
	if (!xsctp_one_to_many(sk) && sk->sk_state == TCP_LISTEN)
		goto out;
	skb = next_skb(sk, flags, sock_rcvtimeo(sk, flags & MSG_DONTWAIT), &err);
	if (skb)
		err = copy_out(sk, msg, len, flags, addr_len, skb);
out:
	release_sock(sk);
	return err;
}
