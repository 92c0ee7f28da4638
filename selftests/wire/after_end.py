# SPDX-License-Identifier: GPL-2.0
"""Packets for an association that has ended (RFC 9260 8.4): once the
SHUTDOWN COMPLETE has gone either way the association is gone, so DATA
the peer still sends with its old tag is out of the blue; item 8 answers
it with an ABORT that reflects the packet's tag (T bit) and carries no
association. Silence would leave the peer retransmitting into nothing
until its own T3-rtx gives up. Linux answers the same way.
"""
import socket

import wire_codec as w
from wire_peer import Fail, case, established


def abort_reflected(peer, vtag):
    p = peer.expect(w.ABORT, within=1.0, vtag=vtag)
    if not p.chunks[0].flags & w.FLAG_T:
        raise Fail("ABORT without the T bit: the tag it carries is not its own")


@case("8.4", "DATA after the stack received the SHUTDOWN COMPLETE is out of the blue: ABORT, T bit")
def data_after_shutdown_complete_received(net, peer):
    a, _ = established(net, peer)
    a.send(w.shutdown(a.their_tsn - 1))
    peer.expect(w.SHUTDOWN_ACK, vtag=a.my_tag)
    a.send(w.shutdown_complete())
    peer.expect_nothing(0.2)
    a.send(a.data(b"too late"))
    abort_reflected(peer, a.their_tag)


@case("8.4", "DATA after the stack sent the SHUTDOWN COMPLETE is out of the blue: ABORT, T bit")
def data_after_shutdown_complete_sent(net, peer):
    a, conn = established(net, peer)
    conn.shutdown(socket.SHUT_WR)
    peer.expect(w.SHUTDOWN, vtag=a.my_tag)
    a.send(w.shutdown_ack())
    p = peer.expect(w.SHUTDOWN_COMPLETE, vtag=a.my_tag)
    if p.chunks[0].flags & w.FLAG_T:
        raise Fail("SHUTDOWN COMPLETE with the T bit: the stack knows the peer's tag (8.5.1)")
    a.send(a.data(b"too late"))
    abort_reflected(peer, a.their_tag)
