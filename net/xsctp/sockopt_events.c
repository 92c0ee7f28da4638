// SPDX-License-Identifier: GPL-2.0
/*
 * Notification subscriptions, as Linux keeps them: one bit per type on
 * the socket (for associations to come) and on each association (copied
 * at creation). SCTP_EVENTS sets the socket's bits and every existing
 * association's; SCTP_EVENT sets one type for one association, for future
 * ones, for current ones or for all (RFC 6458 6.2.1).
 */
#include <linux/uaccess.h>
#include <net/sock.h>

#include <net/xsctp/notify.h>
#include <net/xsctp/outq.h>
#include <net/xsctp/sockopt.h>
#include <net/xsctp/socket.h>

/*
 * Linux: subscribing to SCTP_SENDER_DRY_EVENT tells at once about the
 * associations it names that have nothing to send: @id's, or with
 * SCTP_CURRENT_ASSOC or SCTP_ALL_ASSOC every one (a one-to-one socket's
 * association whatever the id).
 */
static void dry_now(struct sock *sk, sctp_assoc_t id)
{
	struct xsctp_assoc *asoc = xsctp_sock_assoc(sk, id);

	if (asoc) {
		if (xsctp_outq_empty(asoc))
			xsctp_notify_sender_dry(asoc);
		return;
	}
	if (id != SCTP_CURRENT_ASSOC && id != SCTP_ALL_ASSOC)
		return;
	list_for_each_entry(asoc, &xsctp_sk(sk)->assocs, node)
		if (xsctp_outq_empty(asoc))
			xsctp_notify_sender_dry(asoc);
}

/* Byte i of struct sctp_event_subscribe is type SCTP_SN_TYPE_BASE + i. */
int xsctp_set_events(struct sock *sk, sockptr_t optval, unsigned int optlen)
{
	struct xsctp_sock *xs = xsctp_sk(sk);
	u8 on[sizeof(struct sctp_event_subscribe)];
	struct xsctp_assoc *asoc;
	unsigned int i;

	if (optlen > sizeof(on))
		return -EINVAL;
	if (copy_from_sockptr(on, optval, optlen))
		return -EFAULT;
	for (i = 0; i < optlen; i++)
		xsctp_event_set(&xs->cfg.subscribe, SCTP_SN_TYPE_BASE + i, on[i]);
	list_for_each_entry(asoc, &xs->assocs, node)
		asoc->cfg.subscribe = xs->cfg.subscribe;
	/* Linux's sctp_id2assoc(sk, 0): a one-to-one socket's association. */
	if (xsctp_event_on(xs->cfg.subscribe, SCTP_SENDER_DRY_EVENT) &&
	    !xsctp_one_to_many(sk))
		dry_now(sk, 0);
	return 0;
}

/* Linux: a length of 0 is refused, a longer one cut to the structure's. */
int xsctp_get_events(struct sock *sk, char __user *optval, int len,
		     int __user *optlen)
{
	u8 on[sizeof(struct sctp_event_subscribe)];
	int i;

	if (len == 0)
		return -EINVAL;
	len = min_t(int, len, sizeof(on));
	for (i = 0; i < len; i++)
		on[i] = xsctp_event_on(xsctp_sk(sk)->cfg.subscribe,
				       SCTP_SN_TYPE_BASE + i);
	return xsctp_put_opt(optval, optlen, on, len);
}

static void subscribe(struct xsctp_assoc_cfg *cfg,
		      const struct xsctp_assoc_cfg *val)
{
	cfg->subscribe |= val->subscribe;
}

static void unsubscribe(struct xsctp_assoc_cfg *cfg,
			const struct xsctp_assoc_cfg *val)
{
	cfg->subscribe &= ~val->subscribe;
}

int xsctp_set_event(struct sock *sk, sockptr_t optval, unsigned int optlen)
{
	struct xsctp_assoc_cfg val = {};
	struct sctp_event ev;
	int err;

	if (optlen < sizeof(ev))
		return -EINVAL;
	if (copy_from_sockptr(&ev, optval, sizeof(ev)))
		return -EFAULT;
	if (!xsctp_event_valid(ev.se_type))
		return -EINVAL;
	xsctp_event_set(&val.subscribe, ev.se_type, true);
	err = xsctp_opt_set(sk, ev.se_assoc_id,
			    ev.se_on ? subscribe : unsubscribe, &val);
	if (!err && ev.se_on && ev.se_type == SCTP_SENDER_DRY_EVENT)
		dry_now(sk, ev.se_assoc_id);
	return err;
}

int xsctp_get_event(struct sock *sk, char __user *optval, int len,
		    int __user *optlen)
{
	struct xsctp_assoc_cfg *cfg;
	struct sctp_event ev;
	int err;

	err = xsctp_get_opt(optval, len, &ev, sizeof(ev));
	if (err)
		return err;
	if (!xsctp_event_valid(ev.se_type))
		return -EINVAL;
	err = xsctp_opt_cfg(sk, ev.se_assoc_id, &cfg);
	if (err)
		return err;
	ev.se_on = xsctp_event_on(cfg->subscribe, ev.se_type);
	return xsctp_put_opt(optval, optlen, &ev, sizeof(ev));
}
