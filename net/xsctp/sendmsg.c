// SPDX-License-Identifier: GPL-2.0
/*
 * sendmsg() as Linux's sctp_sendmsg(): one call, one message, to the
 * association the ancillary data or the destination names, set up on the
 * way when a one-to-many socket sends to a new peer. The send buffer is
 * shared by the socket's associations (Linux's sndbuf_policy 0).
 */
#include <linux/sched/signal.h>
#include <net/sock.h>

#include <net/xsctp/connect.h>
#include <net/xsctp/outq.h>
#include <net/xsctp/sendmsg.h>
#include <net/xsctp/sm.h>
#include <net/xsctp/socket.h>

/* The flags SCTP_SNDRCV and SCTP_SNDINFO may carry (Linux's mask). */
#define XSCTP_SEND_FLAGS	(SCTP_UNORDERED | SCTP_ADDR_OVER | \
				 SCTP_SACK_IMMEDIATELY | SCTP_SENDALL | \
				 SCTP_PR_SCTP_MASK | SCTP_ABORT | SCTP_EOF)

/* What the ancillary data of one sendmsg() said. */
struct send_cmsgs {
	struct sctp_sndrcvinfo info;	/* SNDRCV, or SNDINFO's fields */
	const struct sctp_initmsg *init;
	bool has_info;
	bool has_sndrcv;
	bool has_pr;
};

int xsctp_wspace(const struct sock *sk)
{
	return READ_ONCE(sk->sk_sndbuf) - READ_ONCE(sk->sk_wmem_queued);
}

/* sk_write_space: writers and poll() wake once there is room again. */
void xsctp_write_space(struct sock *sk)
{
	struct socket_wq *wq;

	if (xsctp_wspace(sk) <= 0)
		return;
	rcu_read_lock();
	wq = rcu_dereference(sk->sk_wq);
	if (skwq_has_sleeper(wq))
		wake_up_interruptible_sync_poll(&wq->wait, EPOLLOUT |
						EPOLLWRNORM | EPOLLWRBAND);
	if (wq && wq->fasync_list && !(sk->sk_shutdown & SEND_SHUTDOWN))
		sock_wake_async(wq, SOCK_WAKE_SPACE, POLL_OUT);
	rcu_read_unlock();
}

static void take_sndrcv(struct send_cmsgs *c, const struct sctp_sndrcvinfo *s)
{
	c->info.sinfo_stream = s->sinfo_stream;
	c->info.sinfo_flags = s->sinfo_flags;
	c->info.sinfo_ppid = s->sinfo_ppid;
	c->info.sinfo_context = s->sinfo_context;
	c->info.sinfo_assoc_id = s->sinfo_assoc_id;
	c->info.sinfo_timetolive = s->sinfo_timetolive;
	c->has_info = true;
	c->has_sndrcv = true;
}

static void take_sndinfo(struct send_cmsgs *c, const struct sctp_sndinfo *s)
{
	c->info.sinfo_stream = s->snd_sid;
	c->info.sinfo_flags = s->snd_flags;
	c->info.sinfo_ppid = s->snd_ppid;
	c->info.sinfo_context = s->snd_context;
	c->info.sinfo_assoc_id = s->snd_assoc_id;
	c->has_info = true;
}

/* One IPPROTO_SCTP cmsg, with Linux's exact-length rules. */
static int parse_cmsg(struct cmsghdr *cmsg, struct send_cmsgs *c,
		      struct sctp_prinfo *pr, bool *has_pr)
{
	void *data = CMSG_DATA(cmsg);

	switch (cmsg->cmsg_type) {
	case SCTP_INIT:
		if (cmsg->cmsg_len != CMSG_LEN(sizeof(struct sctp_initmsg)))
			return -EINVAL;
		c->init = data;
		return 0;
	case SCTP_SNDRCV:
		if (cmsg->cmsg_len != CMSG_LEN(sizeof(struct sctp_sndrcvinfo)) ||
		    ((struct sctp_sndrcvinfo *)data)->sinfo_flags & ~XSCTP_SEND_FLAGS)
			return -EINVAL;
		take_sndrcv(c, data);
		return 0;
	case SCTP_SNDINFO:
		if (cmsg->cmsg_len != CMSG_LEN(sizeof(struct sctp_sndinfo)) ||
		    ((struct sctp_sndinfo *)data)->snd_flags & ~XSCTP_SEND_FLAGS)
			return -EINVAL;
		take_sndinfo(c, data);
		return 0;
	case SCTP_PRINFO:
		if (cmsg->cmsg_len != CMSG_LEN(sizeof(struct sctp_prinfo)))
			return -EINVAL;
		memcpy(pr, data, sizeof(*pr));
		if (pr->pr_policy & ~SCTP_PR_SCTP_MASK)
			return -EINVAL;
		*has_pr = true;
		return 0;
	case SCTP_AUTHINFO:
		return cmsg->cmsg_len == CMSG_LEN(sizeof(struct sctp_authinfo)) ?
		       0 : -EINVAL;
	case SCTP_DSTADDRV4:
	case SCTP_DSTADDRV6:
		return 0;	/* for a new association: see extra_addrs() */
	default:
		return -EINVAL;
	}
}

/* Linux's sctp_msghdr_parse(), then the SNDRCV/SNDINFO/PRINFO merge. */
static int parse_cmsgs(struct msghdr *msg, struct send_cmsgs *c)
{
	struct sctp_prinfo pr = {};
	struct cmsghdr *cmsg;
	int err;

	memset(c, 0, sizeof(*c));
	for_each_cmsghdr(cmsg, msg) {
		if (!CMSG_OK(msg, cmsg))
			return -EINVAL;
		if (cmsg->cmsg_level != IPPROTO_SCTP)
			continue;
		err = parse_cmsg(cmsg, c, &pr, &c->has_pr);
		if (err)
			return err;
	}
	if (c->has_pr) {
		c->info.sinfo_timetolive = pr.pr_policy ? pr.pr_value : 0;
		c->info.sinfo_flags = (c->info.sinfo_flags & ~SCTP_PR_SCTP_MASK) |
				      pr.pr_policy;
	}
	return 0;
}

/* The checks of Linux's sctp_sendmsg_parse(), in its order. */
static int check_msg(struct sock *sk, struct msghdr *msg, size_t len,
		     struct send_cmsgs *c)
{
	u16 flags;
	int err;

	if (!xsctp_one_to_many(sk) && sk->sk_state == TCP_LISTEN)
		return -EPIPE;
	if (len > READ_ONCE(sk->sk_sndbuf))
		return -EMSGSIZE;
	err = parse_cmsgs(msg, c);
	if (err)
		return err;
	flags = c->info.sinfo_flags;
	if (!flags && len)
		return 0;
	if (!xsctp_one_to_many(sk) && (flags & (SCTP_EOF | SCTP_ABORT)))
		return -EINVAL;
	if (((flags & SCTP_EOF) && len) ||
	    (!(flags & (SCTP_EOF | SCTP_ABORT)) && !len))
		return -EINVAL;
	if ((flags & SCTP_ADDR_OVER) && !msg->msg_name)
		return -EINVAL;
	return 0;
}

/*
 * SCTP_EOF and SCTP_ABORT end an association instead of sending; as
 * Linux, the ABORT carries the message as its User-Initiated Abort
 * reason... once causes with data exist; for now, an empty one.
 */
static int end_assoc(struct xsctp_assoc *asoc, u16 flags)
{
	if (flags & SCTP_EOF)
		xsctp_sm_shutdown(asoc);
	else
		xsctp_sm_user_abort(asoc);
	return 0;
}

static int wait_for_sndbuf(struct sock *sk, struct xsctp_assoc *asoc,
			   size_t len, long *timeo)
{
	DEFINE_WAIT_FUNC(wait, woken_wake_function);
	int err = 0;

	asoc->waiters++;
	add_wait_queue(sk_sleep(sk), &wait);
	for (;;) {
		if (asoc->dead || (sk->sk_shutdown & SEND_SHUTDOWN)) {
			err = -EPIPE;
			break;
		}
		if (sk->sk_err) {
			err = -sk->sk_err;
			break;
		}
		if ((int)len <= xsctp_wspace(sk))
			break;
		if (!*timeo) {
			err = -EAGAIN;
			break;
		}
		if (signal_pending(current)) {
			err = sock_intr_errno(*timeo);
			break;
		}
		set_bit(SOCK_NOSPACE, &sk->sk_socket->flags);
		release_sock(sk);
		*timeo = wait_woken(&wait, TASK_INTERRUPTIBLE, *timeo);
		lock_sock(sk);
	}
	remove_wait_queue(sk_sleep(sk), &wait);
	asoc->waiters--;
	return err;
}

/*
 * Linux's sctp_sendmsg_update_sinfo(): without SCTP_SNDRCV or SCTP_SNDINFO
 * a message takes the association's SCTP_DEFAULT_SEND_PARAM.
 */
static void apply_defaults(const struct xsctp_assoc *asoc,
			   struct send_cmsgs *c)
{
	const struct xsctp_send_defaults *d = &asoc->cfg.send;

	if (!c->has_sndrcv && !c->has_pr)
		c->info.sinfo_timetolive = d->timetolive;
	if (c->has_info)
		return;
	c->info.sinfo_stream = d->sid;
	c->info.sinfo_ppid = d->ppid;
	c->info.sinfo_context = d->context;
	c->info.sinfo_assoc_id = asoc->id;
	if (!c->has_pr)
		c->info.sinfo_flags = d->flags;
}

/*
 * Linux answers ESHUTDOWN to a send once shutdown has begun. The streams
 * are those asked for until the queue starts (COOKIE ECHO or COOKIE ACK),
 * then those the peer granted.
 */
static int check_assoc(struct xsctp_assoc *asoc, u16 sid)
{
	u16 streams = asoc->out.next_ssn ? asoc->out.num_streams :
		      asoc->cfg.num_ostreams;

	if (asoc->dead)
		return -EPIPE;
	if (asoc->state > XSCTP_S_ESTABLISHED)
		return -ESHUTDOWN;
	if (sid >= streams)
		return -EINVAL;
	return 0;
}

static int send_to_assoc(struct sock *sk, struct xsctp_assoc *asoc,
			 struct msghdr *msg, size_t len,
			 const struct send_cmsgs *c)
{
	struct xsctp_send_info si = {
		.sid = c->info.sinfo_stream,
		.flags = c->info.sinfo_flags,
		.ppid = (__force __be32)c->info.sinfo_ppid,
		.context = c->info.sinfo_context,
		.ttl = c->info.sinfo_timetolive,
		.assoc_id = c->info.sinfo_assoc_id,
	};
	long timeo = sock_sndtimeo(sk, msg->msg_flags & MSG_DONTWAIT);
	int err;

	err = check_assoc(asoc, si.sid);
	if (err)
		return err;
	if (xsctp_sk(sk)->disable_frags && len > xsctp_frag_point(asoc))
		return -EMSGSIZE;
	if (xsctp_wspace(sk) <= 0) {
		err = wait_for_sndbuf(sk, asoc, len, &timeo) ?:
		      check_assoc(asoc, si.sid);
		if (err)
			return err;
	}
	err = xsctp_outq_add_msg(asoc, &si, &msg->msg_iter, len);
	if (err)
		return err;
	xsctp_outq_flush(asoc);
	return len;
}

/*
 * The association a message goes to: by destination address when one
 * is given (a new one is set up for an unknown peer), else by id.
 */
static struct xsctp_assoc *find_assoc(struct sock *sk, struct msghdr *msg,
				      const struct send_cmsgs *c, bool *new,
				      int *err)
{
	struct xsctp_assoc *asoc;
	union xsctp_addr peer;

	*new = false;
	*err = -EPIPE;
	if (!msg->msg_name)
		return xsctp_sock_assoc(sk, c->info.sinfo_assoc_id);
	*err = xsctp_sock_addr_in(sk, msg->msg_name, &peer);
	if (*err || msg->msg_namelen < xsctp_addr_len(peer.sa.sa_family)) {
		*err = -EINVAL;
		return NULL;
	}
	asoc = xsctp_sock_assoc_by_peer(sk, &peer);
	if (asoc)
		return asoc;
	if (c->info.sinfo_flags & (SCTP_EOF | SCTP_ABORT)) {
		*err = -EINVAL;
		return NULL;
	}
	if (!xsctp_one_to_many(sk) && (sk->sk_state == TCP_ESTABLISHED ||
				       sk->sk_state == TCP_CLOSE_WAIT)) {
		*err = -EADDRNOTAVAIL;
		return NULL;
	}
	/*
	 * As Linux's sctp_sendmsg_new_asoc(), no id yet: it comes with the
	 * INIT ACK, and a CANT_STR_ASSOC or SEND_FAILED before says 0.
	 */
	*err = xsctp_connect_locked(sk, msg->msg_name,
				    xsctp_addr_len(peer.sa.sa_family), true,
				    NULL, c->init);
	if (*err != -EINPROGRESS)
		return NULL;
	*new = true;
	asoc = xsctp_sock_assoc_by_peer(sk, &peer);
	*err = asoc ? 0 : -EPIPE;
	return asoc;
}

/**
 * xsctp_sendmsg() - struct proto's sendmsg
 * @sk: the socket
 * @msg: one message, its destination and its ancillary data
 * @len: its length
 *
 * Return: @len once queued, or a negative errno as Linux's; EPIPE also
 * raises SIGPIPE unless MSG_NOSIGNAL.
 */
int xsctp_sendmsg(struct sock *sk, struct msghdr *msg, size_t len)
{
	struct xsctp_assoc *asoc;
	struct send_cmsgs c;
	bool new;
	u16 end;
	int err;

	err = check_msg(sk, msg, len, &c);
	if (err)
		goto out;
	lock_sock(sk);
	asoc = find_assoc(sk, msg, &c, &new, &err);
	if (!asoc)
		goto unlock;
	xsctp_assoc_hold(asoc);		/* waits release the socket */
	end = c.info.sinfo_flags & (SCTP_EOF | SCTP_ABORT);
	apply_defaults(asoc, &c);
	if (end)
		err = end_assoc(asoc, end);
	else
		err = send_to_assoc(sk, asoc, msg, len, &c);
	if (new && err < 0)
		xsctp_sm_user_abort(asoc);
	else if (new && !(msg->msg_flags & MSG_DONTWAIT))
		xsctp_wait_for_connect(sk, asoc, sock_sndtimeo(sk, false));
	xsctp_assoc_put(asoc);
unlock:
	release_sock(sk);
out:
	if (err == -EPIPE) {
		err = sock_error(sk) ?: -EPIPE;
		if (err == -EPIPE && !(msg->msg_flags & MSG_NOSIGNAL))
			send_sig(SIGPIPE, current, 0);
	}
	return err;
}
