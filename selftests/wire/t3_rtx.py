# SPDX-License-Identifier: GPL-2.0
"""What T3-rtx's expiry sends (RFC 9260 6.3.3 E3): the earliest
outstanding DATA first, ahead of DATA never sent. The stack under test
sends three messages on an association the peer set up, with its RTO
fixed at 1 s (SCTP_RTOINFO: initial, minimum 1000, maximum 2000); the
peer acknowledges only the first, and the user then sends one more,
which may go at once (the SACK made room). T3-rtx, restarted by that
SACK (6.3.2 R3), expires about a second later: the first DATA the stack
sends after it must be the lowest TSN still unacknowledged, and no new
DATA may go between the expiry and that retransmission. With small
messages more chunks are outstanding than one packet holds: the expiry
sends one packet of them, and nothing more goes until the peer
acknowledges some (7.2.1).
"""
import struct
import time

import wire_codec as w
from wire_peer import SCTP_NODELAY, SOL_SCTP, Fail, case, set_rto

SIZE = 1000
SCTP_ASSOCINFO = 1
SMALL, MESSAGES = 100, 30  # a dozen DATA chunks fit a packet
AT_ONCE = 0.5  # s after the SACK: sent on it, not on T3's expiry


def data_packets(peer, want, within):
    """(arrival, TSNs) of each packet with DATA, until WANT TSNs came or
    WITHIN s passed."""
    got, deadline = [], time.monotonic() + within
    while sum(len(t) for _, t in got) < want:
        d = peer.receive(deadline - time.monotonic())
        if d is None:
            break
        tsns = [c.tsn for c in d.sctp.chunks if c.type == w.DATA]
        if tsns:
            got.append((time.monotonic(), tsns))
    return got


def messages_sent(net, peer, count, size):
    """An association the peer set up, the stack's RTO fixed at 1 s, whose
    stack sent COUNT messages of SIZE bytes: (Assoc, socket, their TSNs
    in order)."""
    srv = net.listen(8000)
    set_rto(srv, 1000, 2000, 1000)
    a, conn = peer.associate(srv)
    conn.setsockopt(SOL_SCTP, SCTP_NODELAY, 1)
    for i in range(count):
        conn.send(bytes([i]) * size)
    sent = sorted(t for _, tsns in data_packets(peer, count, 3) for t in tsns)
    if len(sent) != count:
        raise Fail("the stack sent TSNs %s for %d messages" % (sent, count))
    return a, conn, sent


@case("6.3.3", "T3-rtx's expiry retransmits the earliest outstanding TSN first, "
      "ahead of DATA never sent (MUST)")
def earliest_first(net, peer):
    a, conn, sent = messages_sent(net, peer, 3, SIZE)
    a.send(w.sack(sent[0]))
    acked_at = time.monotonic()
    conn.send(b"n" * SIZE)
    outstanding = sent[1:]
    for at, tsns in data_packets(peer, 5, 4):
        if set(tsns) & set(outstanding):
            if tsns[0] != outstanding[0]:
                raise Fail("the retransmission %s does not start with the earliest "
                           "outstanding TSN %d" % (tsns, outstanding[0]))
            return
        if at - acked_at > AT_ONCE:
            raise Fail("new DATA %s went %.0f ms after the SACK, ahead of TSN %d's "
                       "retransmission" % (tsns, (at - acked_at) * 1000, outstanding[0]))
    raise Fail("TSNs %s not retransmitted within 4 s" % outstanding)


@case("7.2.1", "after T3-rtx expires, one packet is in flight until the peer acknowledges "
      "something; the earliest outstanding TSN leads it (MUST)")
def one_packet_after_timeout(net, peer):
    a, _, sent = messages_sent(net, peer, MESSAGES, SMALL)  # 3000 bytes: within cwnd
    rtx = data_packets(peer, 1, 2.5)  # T3-rtx expires a second after
    if not rtx:
        raise Fail("nothing retransmitted within 2.5 s")
    tsns = rtx[0][1]
    if tsns[0] != sent[0]:
        raise Fail("the retransmission %s does not start with the earliest TSN %d"
                   % (tsns, sent[0]))
    more = data_packets(peer, MESSAGES, 0.7)  # the next expiry is 2 s away
    if more:
        raise Fail("%d more packets with DATA (TSNs %s) before any acknowledgement: after "
                   "T3-rtx only one may be in flight" % (len(more), [t for _, t in more]))
    a.send(w.sack(tsns[-1]))
    if not data_packets(peer, 1, 0.5):
        raise Fail("nothing sent once the retransmission was acknowledged")


@case("3.3.8", "a SHUTDOWN's lack of Gap Ack Blocks is no renege: T3-rtx then retransmits "
      "only the DATA never acknowledged (MUST NOT)",
      linux="takes the SHUTDOWN for a renege and retransmits the gap-acknowledged DATA too")
def shutdown_keeps_gap_acks(net, peer):
    a, _, sent = messages_sent(net, peer, 3, SMALL)  # one packet holds all three
    cum = (sent[0] - 1) & 0xFFFFFFFF
    a.send(w.sack(cum, gaps=[(2, 3)]))  # the last two, gap-acknowledged
    a.send(w.shutdown(cum))
    rtx = data_packets(peer, 1, 2.5)
    if not rtx:
        raise Fail("TSN %d not retransmitted within 2.5 s" % sent[0])
    if rtx[0][1] != [sent[0]]:
        raise Fail("T3-rtx retransmitted TSNs %s; only %d was never acknowledged"
                   % (rtx[0][1], sent[0]))


def first_data(peer, within):
    """(arrival, TSNs) of the next packet with DATA within WITHIN s, or None."""
    got = data_packets(peer, 1, within)
    return got[0] if got else None


@case("6.1", "new DATA sent while T3-rtx runs does not restart it: the first DATA goes again a "
      "RTO after it was sent (MUST NOT)")
def no_restart_on_new_data(net, peer):
    srv = net.listen(8000)
    set_rto(srv, 1000, 2000, 1000)
    a, conn = peer.associate(srv)
    conn.setsockopt(SOL_SCTP, SCTP_NODELAY, 1)
    conn.send(b"a" * SMALL)
    sent_at, (t,) = first_data(peer, 1.0)
    time.sleep(0.5)
    conn.send(b"b" * SMALL)
    rtx = first_data(peer, 1.0)  # the new DATA
    while rtx and t not in rtx[1]:
        rtx = first_data(peer, 2.0)
    if not rtx:
        raise Fail("TSN %d not retransmitted within 2.5 s" % t)
    late = rtx[0] - sent_at
    if late > 1.3:
        raise Fail("TSN %d went again %.0f ms after it was sent: T3-rtx was restarted by "
                   "the new DATA" % (t, late * 1000))


@case("6.1", "a fast retransmission of the earliest outstanding TSN restarts the running "
      "T3-rtx (MUST)", linux="never restarts a running T3-rtx when it retransmits")
def restart_on_earliest_rtx(net, peer):
    a, _, sent = messages_sent(net, peer, 5, SMALL)
    time.sleep(0.5)  # T3-rtx, started with the first, is half way
    cum = (sent[0] - 1) & 0xFFFFFFFF
    for n in (2, 3, 4):  # three miss indications for the first TSN
        a.send(w.sack(cum, gaps=[(2, n)]))
    fast = first_data(peer, 0.3)
    if not fast or fast[1] != [sent[0]]:
        raise Fail("no fast retransmission of TSN %d alone, got %s" % (sent[0], fast))
    again = first_data(peer, 2.0)
    if again and again[0] - fast[0] < 0.8:
        raise Fail("TSN %d went again %.0f ms after its fast retransmission: T3-rtx was not "
                   "restarted" % (sent[0], (again[0] - fast[0]) * 1000))


@case("8.1", "a SACK acknowledging DATA resets the association's error count: with "
      "Association.Max.Retrans 1, T3-rtx expiring once before the SACK and once after it "
      "ends nothing (MUST)")
def errors_reset_by_sack(net, peer):
    srv = net.listen(8000)
    set_rto(srv, 1000, 4000, 1000)
    srv.setsockopt(SOL_SCTP, SCTP_ASSOCINFO, struct.pack("=iHHIII", 0, 1, 0, 0, 0, 0))
    a, conn = peer.associate(srv)
    conn.setsockopt(SOL_SCTP, SCTP_NODELAY, 1)
    for i in range(2):
        conn.send(bytes([i]) * SMALL)
    sent = sorted(t for _, tsns in data_packets(peer, 2, 1.0) for t in tsns)
    if not first_data(peer, 2.0):  # T3-rtx expires: one error of one allowed
        raise Fail("nothing retransmitted within 2 s")
    a.send(w.sack(sent[0]))  # the first acknowledged: the count starts again
    d = peer.receive(3.5)  # T3-rtx, restarted by the SACK, expires again
    while d is not None and d.sctp.first(w.DATA) is None and d.sctp.first(w.ABORT) is None:
        d = peer.receive(3.5)
    if d is None or d.sctp.first(w.ABORT) is not None:
        raise Fail("%s after the second expiry: the SACK did not reset the error count"
                   % (d.sctp if d else "nothing"))
