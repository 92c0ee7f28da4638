# SPDX-License-Identifier: GPL-2.0
"""When a SACK goes at once and when it waits (RFC 9260 6.2, 6.7).

The stack under test accepts an association from the peer with its
delayed-SACK time at 500 ms, the RFC's maximum, and its SACK frequency 2
(SCTP_DELAYED_SACK): a SACK that comes within AT_ONCE s was not sent by
the delayed-SACK timer, which never fires early; one that waits for the
timer comes after about 500 ms.
"""
from wire_codec import SACK
from wire_peer import Fail, case, established

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
