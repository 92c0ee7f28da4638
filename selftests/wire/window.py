# SPDX-License-Identifier: GPL-2.0
"""What the peer's receive window and Nagle let the stack send (RFC 9260
6.1): no new DATA beyond the window the peer advertised (rule A), but
one chunk when the window is 0 and nothing is outstanding (the zero
window probe, rule A); the rest waits queued. Small messages wait while
DATA is outstanding (Nagle, as Linux: 6.1 D allows it) and then leave
together, in TSN order (6.10).
"""
import errno

import wire_codec as w
from wire_peer import SCTP_NODELAY, SOL_SCTP, Fail, case, established

SIZE = 1000


def data_tsns(peer, a, want):
    """The next packet: DATA chunks only, WANT of them; their TSNs."""
    p = peer.expect(*([w.DATA] * want), vtag=a.my_tag)
    return [c.tsn for c in p.chunks]


@case("6.1", "no new DATA beyond the peer's window; at a window of 0, one probe once nothing "
      "is outstanding (MUST)")
def window_holds_new_data(net, peer):
    a, conn = established(net, peer)
    conn.setsockopt(SOL_SCTP, SCTP_NODELAY, 1)
    t = a.their_tsn
    conn.send(b"a" * SIZE)
    if data_tsns(peer, a, 1) != [t]:
        raise Fail("the first DATA does not carry the Initial TSN %d" % t)
    a.send(w.sack(t, a_rwnd=1500))
    conn.send(b"b" * SIZE)
    if data_tsns(peer, a, 1) != [t + 1]:
        raise Fail("1000 bytes in a window of 1500 were not sent")
    conn.send(b"c" * SIZE)
    peer.expect_nothing(0.5)  # 500 bytes of window left
    a.send(w.sack(t + 1, a_rwnd=0))
    if data_tsns(peer, a, 1) != [t + 2]:
        raise Fail("no single probe at a window of 0 with nothing outstanding")
    conn.send(b"d" * SIZE)
    peer.expect_nothing(0.5)  # the probe is outstanding
    a.send(w.sack(t + 2))
    if data_tsns(peer, a, 1) != [t + 3]:
        raise Fail("the queued DATA did not go when the window opened")


@case("6.1", "small messages wait while DATA is outstanding, then go in one packet, TSNs in "
      "order (Nagle; MUST for the order)")
def nagle(net, peer):
    a, conn = established(net, peer)
    t = a.their_tsn
    conn.send(b"one")
    if data_tsns(peer, a, 1) != [t]:
        raise Fail("the first small message did not go at once")
    conn.send(b"two")
    conn.send(b"three")
    peer.expect_nothing(0.3)
    a.send(w.sack(t))
    if data_tsns(peer, a, 2) != [t + 1, t + 2]:
        raise Fail("the two held messages did not go together in TSN order")


@case("6.2", "a message of no bytes is refused (EINVAL) and sends nothing: no DATA chunk goes "
      "without user data (SHOULD NOT, 3.3.1: MUST)")
def no_empty_data(net, peer):
    a, conn = established(net, peer)
    try:
        conn.send(b"")
    except OSError as e:
        if e.errno != errno.EINVAL:
            raise Fail("send() of 0 bytes: %s, expected EINVAL" % errno.errorcode.get(e.errno))
    else:
        raise Fail("send() of 0 bytes was accepted")
    peer.expect_nothing(0.3)
    conn.send(b"x")
    d = peer.expect(w.DATA, vtag=a.my_tag).chunks[0]
    if d.payload != b"x":
        raise Fail("DATA payload %r, expected b'x'" % d.payload)
