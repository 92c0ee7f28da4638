# SPDX-License-Identifier: GPL-2.0
"""The verification tag of packets for an association (RFC 9260 8.5,
8.5.1): a packet with another tag is discarded whole; an ABORT is taken
with the association's own tag and the T bit clear, or with the peer's
tag and the T bit set, and in no other way; a SHUTDOWN COMPLETE the same.
"""
import errno

import wire_codec as w
from wire_peer import Fail, case, established, sack_listener, set_rto

OTHER = 0x0BAD7A60


def still_up(peer, a, payload=b"still up"):
    """DATA with the right tag is acknowledged: the association lives."""
    a.send(a.data(payload))
    sack = peer.expect(w.SACK, vtag=a.my_tag).chunks[0]
    if sack.cum_tsn != a.last_tsn:
        raise Fail("SACK cumulative TSN %d, expected %d" % (sack.cum_tsn, a.last_tsn))


@case("8.5", "DATA with a wrong verification tag is discarded silently; with the right one it "
      "is taken (MUST)")
def wrong_tag_discarded(net, peer):
    a, _ = established(net, peer)
    stray = a.data(b"stray")
    peer.send(stray, vtag=a.their_tag ^ 1)
    peer.expect_nothing(0.5)
    a.send(stray)  # the same TSN, now with the right tag: the first DATA
    sack = peer.expect(w.SACK, vtag=a.my_tag).chunks[0]
    if sack.cum_tsn != a.last_tsn or sack.dups:
        raise Fail("SACK cum %d dups %s: the stray DATA was taken" % (sack.cum_tsn, sack.dups))


@case("8.5.1", "an ABORT with a wrong tag, or with the stack's own tag and the T bit set, is "
      "discarded (MUST)")
def abort_wrong_tag_discarded(net, peer):
    a, _ = established(net, peer)
    peer.send(w.abort(), vtag=OTHER)
    peer.send(w.abort(t=True), vtag=OTHER)
    peer.send(w.abort(t=True), vtag=a.their_tag)
    peer.expect_nothing(0.3)
    still_up(peer, a)


@case("8.5.1", "an ABORT with the peer's own tag and the T bit set ends the association (MUST)")
def abort_reflected_taken(net, peer):
    a, conn = established(net, peer)
    peer.send(w.abort(t=True), vtag=a.my_tag)
    peer.expect_nothing(0.3)
    conn.settimeout(2)
    try:
        got = conn.recv(100)
    except OSError as e:
        if e.errno != errno.ECONNRESET:
            raise Fail("recv() after the ABORT: %s, expected ECONNRESET"
                       % errno.errorcode.get(e.errno, e))
        return
    raise Fail("recv() after the ABORT returned %r, expected ECONNRESET" % got)


@case("8.5.1", "a SHUTDOWN COMPLETE with a wrong tag is discarded: T2 sends the SHUTDOWN ACK "
      "again (MUST)")
def shutdown_complete_wrong_tag(net, peer):
    srv = sack_listener(net)
    set_rto(srv, 300, 1000, 100)  # T2 runs for the RTO: 300 ms
    a, _ = peer.associate(srv)
    a.send(w.shutdown(a.their_tsn - 1))
    peer.expect(w.SHUTDOWN_ACK, vtag=a.my_tag)
    peer.send(w.shutdown_complete(), vtag=OTHER)
    peer.send(w.shutdown_complete(t=True), vtag=a.their_tag)
    peer.expect(w.SHUTDOWN_ACK, within=1.5, vtag=a.my_tag)


@case("9.1", "a packet with a HEARTBEAT and then an ABORT gets no HEARTBEAT ACK: nothing "
      "answers an ABORT (MUST)")
def no_answer_to_abort(net, peer):
    a, conn = established(net, peer)
    a.send(w.heartbeat(), w.abort())
    peer.expect_nothing(0.5)
    conn.settimeout(2)
    try:
        conn.recv(100)
    except OSError as e:
        if e.errno == errno.ECONNRESET:
            return
        raise Fail("recv() after the ABORT: %s, expected ECONNRESET"
                   % errno.errorcode.get(e.errno, e))
    raise Fail("the ABORT after the HEARTBEAT did not end the association")
