# SPDX-License-Identifier: GPL-2.0
"""When a SACK goes at once and when it waits (RFC 9260 6.2, 6.7).

The stack under test accepts an association from the peer with its
delayed-SACK time at 500 ms, the RFC's maximum, and its SACK frequency 2
(SCTP_DELAYED_SACK): a SACK that comes within AT_ONCE s was not sent by
the delayed-SACK timer, which never fires early; one that waits for the
timer comes after about 500 ms. A SACK goes where the DATA came from,
unless that address is unconfirmed (5.4).
"""
import time

import wire_codec as w
from wire_codec import SACK
from wire_peer import (PEER4, SCTP_NODELAY, SOL_SCTP, Fail, case, confirm_path, established,
                       sack_listener)

OTHER4 = "192.0.2.3"  # the peer's second address, listed in its INIT

DELAY = 0.5
AT_ONCE = 0.4



def sack_at_once(peer, a, sent_at):
    p = peer.expect(SACK, within=2 * DELAY + 1, vtag=a.my_tag)
    if p.at - sent_at > AT_ONCE:
        raise Fail("the SACK came after %.0f ms: the delayed-SACK timer's, not at once"
                   % ((p.at - sent_at) * 1000))
    return p.chunks[0]


def send_data(peer, a, *chunks):
    a.send(*chunks)
    return peer.log[-1][1]


def cum_is(s, tsn):
    if s.cum_tsn != tsn:
        raise Fail("SACK cumulative TSN ack %d, expected %d" % (s.cum_tsn, tsn))


@case("5.1", "the first DATA chunk of an association is acknowledged at once (MUST)")
def first_data(net, peer):
    a, _ = established(net, peer)
    at = send_data(peer, a, a.data(b"first"))
    cum_is(sack_at_once(peer, a, at), a.last_tsn)


@case("6.2", "a lone DATA chunk after the first waits for the delayed-SACK timer (SHOULD)")
def second_data_delayed(net, peer):
    a, _ = established(net, peer)
    sack_at_once(peer, a, send_data(peer, a, a.data(b"first")))
    at = send_data(peer, a, a.data(b"second"))
    p = peer.expect(SACK, within=2 * DELAY + 1, vtag=a.my_tag)
    if p.at - at < DELAY * 0.9:
        raise Fail("the SACK came after %.0f ms, before the delayed-SACK time (%d ms)"
                   % ((p.at - at) * 1000, DELAY * 1000))
    cum_is(p.chunks[0], a.last_tsn)


@case("6.2", "a duplicate DATA chunk is reported at once, its TSN in the SACK's duplicates (MUST)")
def duplicate(net, peer):
    a, _ = established(net, peer)
    first = a.data(b"first")
    sack_at_once(peer, a, send_data(peer, a, first))
    s = sack_at_once(peer, a, send_data(peer, a, first))
    cum_is(s, a.last_tsn)
    if s.dups != [a.last_tsn]:
        raise Fail("SACK duplicate TSNs %s, expected [%d]" % (s.dups, a.last_tsn))


@case("6.7", "a gap in the TSNs received is reported at once, with its Gap Ack Block (SHOULD)")
def gap(net, peer):
    a, _ = established(net, peer)
    sack_at_once(peer, a, send_data(peer, a, a.data(b"first")))
    a.data(b"lost")  # its TSN taken, never sent
    s = sack_at_once(peer, a, send_data(peer, a, a.data(b"after the gap")))
    cum_is(s, a.last_tsn - 2)
    if s.gaps != [(2, 2)]:
        raise Fail("Gap Ack Blocks %s, expected [(2, 2)]" % s.gaps)


@case("6.2", "a SACK goes for every second packet with DATA, and no later SACK repeats it (SHOULD)")
def every_second_packet(net, peer):
    a, _ = established(net, peer)
    sack_at_once(peer, a, send_data(peer, a, a.data(b"first")))
    a.send(a.data(b"second"))
    cum_is(sack_at_once(peer, a, send_data(peer, a, a.data(b"third"))), a.last_tsn)
    peer.expect_nothing(2 * DELAY)


@case("6.2", "DATA with the I bit is acknowledged at once (SHOULD)")
def i_bit(net, peer):
    a, _ = established(net, peer)
    sack_at_once(peer, a, send_data(peer, a, a.data(b"first")))
    flags = w.FLAG_B | w.FLAG_E | w.FLAG_I
    cum_is(sack_at_once(peer, a, send_data(peer, a, a.data(b"now", flags=flags))), a.last_tsn)


@case("6.2", "a packet with several DATA chunks, a gap and a duplicate gets one SACK (SHOULD)")
def one_sack_per_packet(net, peer):
    a, _ = established(net, peer)
    first = a.data(b"first")
    sack_at_once(peer, a, send_data(peer, a, first))
    second = a.data(b"second")
    a.data(b"lost")  # its TSN taken, never sent
    s = sack_at_once(peer, a, send_data(peer, a, first, second, a.data(b"fourth")))
    cum_is(s, a.last_tsn - 2)
    if s.gaps != [(2, 2)] or s.dups != [a.last_tsn - 3]:
        raise Fail("SACK gaps %s dups %s, expected [(2, 2)] and [%d]"
                   % (s.gaps, s.dups, a.last_tsn - 3))
    peer.expect_nothing(2 * DELAY)


@case("6.1", "a SACK due goes ahead of DATA the stack sends, in its packet (SHOULD, MUST)")
def sack_bundled_with_data(net, peer):
    a, conn = established(net, peer)
    sack_at_once(peer, a, send_data(peer, a, a.data(b"first")))
    at = send_data(peer, a, a.data(b"second"))  # its SACK waits for the timer
    conn.send(b"reply")
    p = peer.expect(w.SACK, w.DATA, within=DELAY, vtag=a.my_tag)
    if p.at - at > AT_ONCE:
        raise Fail("SACK and DATA came after %.0f ms: the timer's" % ((p.at - at) * 1000))
    cum_is(p.chunks[0], a.last_tsn)
    if p.chunks[1].payload != b"reply":
        raise Fail("the DATA carries %r, not the reply" % p.chunks[1].payload)


@case("5.4", "DATA from an address no HEARTBEAT has confirmed is acknowledged to a confirmed "
      "one (MUST NOT send there)")
def sack_not_to_unconfirmed(net, peer):
    a, _ = peer.associate(sack_listener(net), params=w.addr_param(OTHER4))
    peer.send(a.data(b"from the other address"), vtag=a.their_tag, src=OTHER4)
    deadline = time.monotonic() + 2 * DELAY
    while time.monotonic() < deadline:
        d = peer.receive(deadline - time.monotonic())
        if d is None:
            break
        if d.sctp.first(w.SACK) is None:
            continue  # the HEARTBEATs that may confirm it
        if d.dst != PEER4:
            raise Fail("the SACK went to %s, which no HEARTBEAT has confirmed" % d.dst)
        cum_is(d.sctp.first(w.SACK), a.last_tsn)
        return
    raise Fail("no SACK for the first DATA")


@case("6.4", "a pending SACK does not ride with DATA to another address than the peer's DATA "
      "came from: it goes there, alone (SHOULD NOT, 6.7: SHOULD)")
def sack_stays_with_data_source(net, peer):
    srv = sack_listener(net, freq=1000)  # only the timer and the first DATA
    a, conn = peer.associate(srv, params=w.addr_param(OTHER4))
    conn.setsockopt(SOL_SCTP, SCTP_NODELAY, 1)
    confirm_path(peer, a, OTHER4)
    peer.send(a.data(b"first"), vtag=a.their_tag, src=OTHER4)  # SACKed at once
    peer.send(a.data(b"second"), vtag=a.their_tag, src=OTHER4)  # SACK pending
    time.sleep(0.1)
    conn.send(b"reply")  # to the primary, PEER4
    deadline = time.monotonic() + 2 * DELAY
    while time.monotonic() < deadline:
        d = peer.receive(deadline - time.monotonic())
        if d is None:
            break
        s = d.sctp.first(w.SACK)
        if s is None or s.cum_tsn != a.last_tsn:
            continue  # the first DATA's SACK, HEARTBEATs, the reply alone
        if d.dst != OTHER4:
            raise Fail("the SACK of DATA from %s went to %s with %s"
                       % (OTHER4, d.dst, d.sctp.names()))
        return
    raise Fail("no SACK for the second DATA")
