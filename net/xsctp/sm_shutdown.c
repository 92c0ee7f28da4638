// SPDX-License-Identifier: GPL-2.0
/*
 * The association state machine, graceful shutdown (RFC 9260 9.2): the
 * user's SHUTDOWN primitive, the peer's SHUTDOWN, SHUTDOWN ACK and
 * SHUTDOWN COMPLETE, T2-shutdown, T5-shutdown-guard, SCTP_AUTOCLOSE's
 * idle timer, and the moment the last outstanding DATA is acknowledged.
 * Same rules as sm.c: one function per event, a switch on the state,
 * effects called by name.
 *
 * Called with the association's socket locked; no sleeping.
 */
#include <kunit/visibility.h>
#include <linux/export.h>

#include <net/xsctp/path.h>
#include <net/xsctp/sm.h>

static u32 t2_ms(const struct xsctp_assoc *asoc)
{
	const struct xsctp_path *p = xsctp_path_for_ctrl(asoc);
	u32 rto_us = p ? p->rto.rto_us : asoc->cfg.rto.initial_us;

	return DIV_ROUND_UP(rto_us, USEC_PER_MSEC);
}

/* 9.2 and Linux: T5-shutdown-guard runs for 5 x RTO.Max. */
static u32 t5_ms(const struct xsctp_assoc *asoc)
{
	return 5 * DIV_ROUND_UP(asoc->cfg.rto.max_us, USEC_PER_MSEC);
}

/* The association leaves ESTABLISHED for good: nothing left to close. */
static void stop_autoclose(struct xsctp_assoc *asoc)
{
	if (asoc->cfg.autoclose_s)
		asoc->fx->set_autoclose(asoc, 0);
}

static void send_shutdown(struct xsctp_assoc *asoc)
{
	asoc->state = XSCTP_S_SHUTDOWN_SENT;
	asoc->fx->send_shutdown(asoc, xsctp_path_for_ctrl(asoc));
	asoc->fx->set_t1(asoc, t2_ms(asoc));
}

/* The first SHUTDOWN also starts T5, which bounds the whole sequence. */
static void start_shutdown(struct xsctp_assoc *asoc)
{
	send_shutdown(asoc);
	asoc->fx->set_t5(asoc, t5_ms(asoc));
	stop_autoclose(asoc);
}

static void send_shutdown_ack(struct xsctp_assoc *asoc)
{
	asoc->state = XSCTP_S_SHUTDOWN_ACK_SENT;
	asoc->fx->send_shutdown_ack(asoc, xsctp_path_for_ctrl(asoc));
	asoc->fx->set_t1(asoc, t2_ms(asoc));
}

/*
 * The graceful end, and the silent one of an association shut down
 * before it was up. As in xsctp_sm_fail(), CLOSED comes before the
 * effect, which may drop the last reference.
 */
static void end_closed(struct xsctp_assoc *asoc)
{
	asoc->state = XSCTP_S_CLOSED;
	asoc->fx->closed(asoc);
}

static void end_dropped(struct xsctp_assoc *asoc)
{
	asoc->state = XSCTP_S_CLOSED;
	asoc->fx->dropped(asoc);
}

/* 9.2: once everything we sent is acknowledged, the next step goes. */
static void shutdown_when_drained(struct xsctp_assoc *asoc)
{
	if (!xsctp_outq_empty(asoc))
		return;
	if (asoc->state == XSCTP_S_SHUTDOWN_PENDING) {
		start_shutdown(asoc);
	} else if (asoc->state == XSCTP_S_SHUTDOWN_RECEIVED) {
		stop_autoclose(asoc);
		send_shutdown_ack(asoc);
	}
}

/**
 * xsctp_sm_shutdown() - the user asked for a graceful end (close(),
 * shutdown(SHUT_WR), SCTP_EOF)
 * @asoc: the association
 *
 * Before the association is up there is nothing to drain: as Linux, it
 * simply ends, without telling the peer or the user.
 */
void xsctp_sm_shutdown(struct xsctp_assoc *asoc)
{
	switch (asoc->state) {
	case XSCTP_S_COOKIE_WAIT:
	case XSCTP_S_COOKIE_ECHOED:
		asoc->fx->set_t1(asoc, 0);
		end_dropped(asoc);
		break;
	case XSCTP_S_ESTABLISHED:
		asoc->state = XSCTP_S_SHUTDOWN_PENDING;
		shutdown_when_drained(asoc);
		break;
	default:
		break;
	}
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_sm_shutdown);

/*
 * A SACK arrived: a pending shutdown may go on once everything is
 * acknowledged; otherwise, with nothing left, the user hears that the
 * sender is dry, after every such SACK, as in Linux.
 */
void xsctp_sm_acked(struct xsctp_assoc *asoc)
{
	switch (asoc->state) {
	case XSCTP_S_ESTABLISHED:
		if (xsctp_outq_empty(asoc))
			asoc->fx->sender_dry(asoc);
		break;
	case XSCTP_S_SHUTDOWN_PENDING:
	case XSCTP_S_SHUTDOWN_RECEIVED:
		shutdown_when_drained(asoc);
		break;
	default:
		break;
	}
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_sm_acked);

/**
 * xsctp_sm_shutdown_rcv() - a SHUTDOWN (its Cumulative TSN Ack already
 * taken as a SACK would be)
 * @asoc: the association
 *
 * 9.2: the peer sends no new DATA; ours is delivered, then SHUTDOWN ACK.
 * Both sides shutting down at once meet in SHUTDOWN-ACK-SENT.
 */
void xsctp_sm_shutdown_rcv(struct xsctp_assoc *asoc)
{
	switch (asoc->state) {
	case XSCTP_S_ESTABLISHED:
	case XSCTP_S_SHUTDOWN_PENDING:
		asoc->state = XSCTP_S_SHUTDOWN_RECEIVED;
		asoc->fx->peer_shutdown(asoc);
		shutdown_when_drained(asoc);
		break;
	case XSCTP_S_SHUTDOWN_SENT:	/* T5 keeps running, unheeded now */
		asoc->fx->peer_shutdown(asoc);
		send_shutdown_ack(asoc);
		break;
	case XSCTP_S_SHUTDOWN_RECEIVED:	/* again: it may ack the rest */
		shutdown_when_drained(asoc);
		break;
	default:
		break;
	}
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_sm_shutdown_rcv);

/* A SHUTDOWN ACK: 9.2, the end; SHUTDOWN COMPLETE says so. */
void xsctp_sm_shutdown_ack_rcv(struct xsctp_assoc *asoc)
{
	switch (asoc->state) {
	case XSCTP_S_SHUTDOWN_SENT:
	case XSCTP_S_SHUTDOWN_ACK_SENT:
		asoc->fx->set_t1(asoc, 0);
		asoc->fx->set_t5(asoc, 0);
		asoc->fx->send_shutdown_complete(asoc, asoc->primary);
		end_closed(asoc);
		break;
	default:
		break;
	}
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_sm_shutdown_ack_rcv);

/* A SHUTDOWN COMPLETE (its T bit checked): the peer is gone too. */
void xsctp_sm_shutdown_complete_rcv(struct xsctp_assoc *asoc)
{
	switch (asoc->state) {
	case XSCTP_S_SHUTDOWN_ACK_SENT:
		asoc->fx->set_t1(asoc, 0);
		asoc->fx->set_t5(asoc, 0);
		end_closed(asoc);
		break;
	default:
		break;
	}
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_sm_shutdown_complete_rcv);

/*
 * 9.2: DATA that arrives in SHUTDOWN-SENT is acknowledged at once (the
 * receive side does it) and the SHUTDOWN goes again, T2 restarted (T5
 * not), its expiries counted afresh: the peer is alive (SHOULD; Linux
 * clears the count too). In ESTABLISHED, DATA means the association is
 * not idle.
 */
void xsctp_sm_data_rcv(struct xsctp_assoc *asoc)
{
	switch (asoc->state) {
	case XSCTP_S_ESTABLISHED:
		if (asoc->cfg.autoclose_s)
			asoc->fx->set_autoclose(asoc, asoc->cfg.autoclose_s);
		break;
	case XSCTP_S_SHUTDOWN_SENT:
		asoc->out.errors = 0;
		send_shutdown(asoc);
		break;
	default:
		break;
	}
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_sm_data_rcv);

/* A packet with DATA left: in ESTABLISHED, the idle time starts again. */
void xsctp_sm_data_sent(struct xsctp_assoc *asoc)
{
	switch (asoc->state) {
	case XSCTP_S_ESTABLISHED:
		if (asoc->cfg.autoclose_s)
			asoc->fx->set_autoclose(asoc, asoc->cfg.autoclose_s);
		break;
	default:
		break;
	}
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_sm_data_sent);

/**
 * xsctp_sm_autoclose_expired() - SCTP_AUTOCLOSE's idle time ran out
 * @asoc: the association
 *
 * As if the user had asked for the graceful end; in any later state the
 * end is already under way and Linux ignores it too.
 */
void xsctp_sm_autoclose_expired(struct xsctp_assoc *asoc)
{
	switch (asoc->state) {
	case XSCTP_S_ESTABLISHED:
		xsctp_sm_shutdown(asoc);
		break;
	default:
		break;
	}
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_sm_autoclose_expired);

/**
 * xsctp_sm_t5_expired() - T5-shutdown-guard expired (RFC 9260 9.2)
 * @asoc: the association
 *
 * The SHUTDOWN sequence took too long: ABORT it, without a cause, and
 * report it lost (ETIMEDOUT), as Linux. Once the peer's SHUTDOWN crossed
 * ours (SHUTDOWN-ACK-SENT), T2 alone bounds the rest, as in Linux.
 */
void xsctp_sm_t5_expired(struct xsctp_assoc *asoc)
{
	switch (asoc->state) {
	case XSCTP_S_SHUTDOWN_PENDING:
	case XSCTP_S_SHUTDOWN_SENT:
		asoc->fx->set_t1(asoc, 0);
		asoc->fx->send_abort(asoc, xsctp_path_for_ctrl(asoc), NULL, 0);
		xsctp_sm_fail(asoc, -ETIMEDOUT, NULL, 0);
		break;
	default:
		break;
	}
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_sm_t5_expired);

/**
 * xsctp_sm_t2_expired() - T2-shutdown expired (9.2)
 * @asoc: the association
 *
 * SHUTDOWN or SHUTDOWN ACK goes again with a doubled RTO; after
 * Association.Max.Retrans errors the peer is given up for lost.
 */
void xsctp_sm_t2_expired(struct xsctp_assoc *asoc)
{
	struct xsctp_path *p;

	switch (asoc->state) {
	case XSCTP_S_SHUTDOWN_SENT:
	case XSCTP_S_SHUTDOWN_ACK_SENT:
		if (++asoc->out.errors > asoc->cfg.assoc_max_retrans) {
			xsctp_sm_retrans_exceeded(asoc);
			break;
		}
		p = xsctp_path_for_ctrl(asoc);
		if (p) {
			xsctp_rto_backoff(&p->rto, &asoc->cfg.rto);
			xsctp_path_error(asoc, p);
		}
		if (asoc->state == XSCTP_S_SHUTDOWN_SENT)
			send_shutdown(asoc);
		else
			send_shutdown_ack(asoc);
		break;
	default:
		break;
	}
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_sm_t2_expired);

/**
 * xsctp_sm_retrans_exceeded() - Association.Max.Retrans errors in a row
 * (RFC 9260 8.1): the peer is unreachable; tell it, in case it is not
 * (an ABORT without a cause: none of RFC 9260's says "timed out").
 * @asoc: the association
 */
void xsctp_sm_retrans_exceeded(struct xsctp_assoc *asoc)
{
	switch (asoc->state) {
	case XSCTP_S_CLOSED:
	case XSCTP_S_COOKIE_WAIT:
	case XSCTP_S_COOKIE_ECHOED:
		break;
	default:
		asoc->fx->set_t1(asoc, 0);
		asoc->fx->send_abort(asoc, xsctp_path_for_ctrl(asoc), NULL, 0);
		xsctp_sm_fail(asoc, -ETIMEDOUT, NULL, 0);
		break;
	}
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_sm_retrans_exceeded);
