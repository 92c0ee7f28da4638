/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Notifications (RFC 6458 6.1, Linux's layouts): what an association tells
 * its socket's user through recvmsg() with MSG_NOTIFICATION, if the user
 * subscribed (SCTP_EVENTS, SCTP_EVENT). They wait on sk_receive_queue,
 * charged to the receive buffer, tagged with their association.
 */
#ifndef _NET_XSCTP_NOTIFY_H
#define _NET_XSCTP_NOTIFY_H

#include <linux/skbuff.h>
#include <net/sock.h>
#include <uapi/linux/sctp.h>

#include <net/xsctp/assoc.h>

/* What recvmsg() needs of a queued skb beyond its bytes. */
struct xsctp_rcv_cb {
	union xsctp_addr peer;		/* msg_name */
	sctp_assoc_t assoc_id;
	u32 tsn;			/* DATA: its first chunk's */
	__be32 ppid;
	u16 sid;
	u16 ssn;
	bool notification;
	bool unordered;
	bool eor;			/* the end of its message */
};

static inline struct xsctp_rcv_cb *xsctp_rcv_cb(struct sk_buff *skb)
{
	BUILD_BUG_ON(sizeof(struct xsctp_rcv_cb) > sizeof(skb->cb));
	return (struct xsctp_rcv_cb *)skb->cb;
}

/* Subscriptions: bit i enables notification type SCTP_SN_TYPE_BASE + i. */
static inline bool xsctp_event_valid(u16 type)
{
	return type >= SCTP_SN_TYPE_BASE && type <= SCTP_SN_TYPE_MAX;
}

static inline bool xsctp_event_on(u16 subscribe, u16 type)
{
	return subscribe & BIT(type - SCTP_SN_TYPE_BASE);
}

static inline void xsctp_event_set(u16 *subscribe, u16 type, bool on)
{
	if (on)
		*subscribe |= BIT(type - SCTP_SN_TYPE_BASE);
	else
		*subscribe &= ~BIT(type - SCTP_SN_TYPE_BASE);
}

/* Why an association changed, as SCTP_ASSOC_CHANGE tells it. */
struct xsctp_change {
	u16 state;			/* SCTP_COMM_UP, SCTP_COMM_LOST... */
	__be16 error;			/* a cause code, as on the wire */
	const u8 *info;			/* an ABORT's causes, or NULL */
	u16 info_len;
};

int xsctp_put_assoc_change(void *buf, size_t room,
			   const struct xsctp_assoc *asoc,
			   const struct xsctp_change *ch);
void xsctp_notify_assoc_change(struct xsctp_assoc *asoc,
			       const struct xsctp_change *ch);

/* The association is up: SCTP_COMM_UP. */
static inline void xsctp_notify_comm_up(struct xsctp_assoc *asoc)
{
	struct xsctp_change ch = { .state = SCTP_COMM_UP };

	xsctp_notify_assoc_change(asoc, &ch);
}

struct xsctp_tx_chunk;
int xsctp_put_send_failed(void *buf, size_t room, u16 type, sctp_assoc_t id,
			  const struct xsctp_tx_chunk *ch, u16 state,
			  __be16 error);
void xsctp_notify_send_failed(struct xsctp_assoc *asoc,
			      const struct xsctp_tx_chunk *ch, u16 state,
			      __be16 error);

void xsctp_notify_shutdown_event(struct xsctp_assoc *asoc);
void xsctp_notify_paddr_change(struct xsctp_assoc *asoc,
			       const struct xsctp_path *p, int state, int error);
void xsctp_notify_sender_dry(struct xsctp_assoc *asoc);
void xsctp_notify_migrate(struct sock *from, struct sock *to, sctp_assoc_t id);
void xsctp_notify_purge(struct sock *sk, sctp_assoc_t id);

#endif /* _NET_XSCTP_NOTIFY_H */
