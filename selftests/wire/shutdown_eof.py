# SPDX-License-Identifier: GPL-2.0
"""The peer's SHUTDOWN as a one-to-one socket's reader sees it (RFC 9260
9.2: the peer sends no more; RFC 6458 3.1.4 and Linux: read() returns 0,
end of file, once what the peer sent is consumed): DATA, then the
SHUTDOWN; read on a non-blocking socket, first while the association
waits for the SHUTDOWN COMPLETE (SHUTDOWN-ACK-SENT), then once it has
ended. EAGAIN instead of 0 would leave an application that polls waiting
forever for data that cannot come.
"""
import errno

import wire_codec as w
from wire_peer import Fail, case, established


def read_all_then_eof(conn, sent):
    """CONN reads SENT, then end of file (b""), without blocking."""
    conn.setblocking(False)
    try:
        got = conn.recv(100)
        if got != sent:
            raise Fail("read %r, expected the DATA %r" % (got, sent))
        got = conn.recv(100)
    except OSError as e:
        if e.errno != errno.EAGAIN:
            raise
        raise Fail("read() gave EAGAIN after the peer's SHUTDOWN, not end of file")
    if got != b"":
        raise Fail("read %r after the peer's SHUTDOWN, expected end of file" % got)


def data_then_shutdown(peer, a):
    """DATA (acknowledged at once: the association's first), then the
    peer's SHUTDOWN, which acknowledges nothing (the stack sent nothing),
    answered with a SHUTDOWN ACK."""
    a.send(a.data(b"last words"))
    sack = peer.expect(w.SACK, vtag=a.my_tag).chunks[0]
    if sack.cum_tsn != a.last_tsn:
        raise Fail("SACK cumulative TSN %d, expected %d" % (sack.cum_tsn, a.last_tsn))
    a.send(w.shutdown(a.their_tsn - 1))
    peer.expect(w.SHUTDOWN_ACK, vtag=a.my_tag)


@case("9.2", "after the peer's SHUTDOWN, a one-to-one socket reads the DATA, then end of file")
def eof_in_shutdown_ack_sent(net, peer):
    a, conn = established(net, peer)
    data_then_shutdown(peer, a)
    read_all_then_eof(conn, b"last words")


@case("9.2", "after the SHUTDOWN COMPLETE, a one-to-one socket reads the DATA, then end of file")
def eof_after_shutdown_complete(net, peer):
    a, conn = established(net, peer)
    data_then_shutdown(peer, a)
    a.send(w.shutdown_complete())
    peer.expect_nothing(0.2)  # taken in silence (9.2)
    read_all_then_eof(conn, b"last words")
