# SPDX-License-Identifier: GPL-2.0
"""ICMP errors about a packet of an established association (RFC 9260
10): one is acted on only if it quotes the peer's verification tag (rule
5); a protocol unreachable is then an ABORT (rule 7: the peer has no SCTP
any more); a port unreachable is ignored (rule 2). The ICMP comes from
the peer's address and quotes the first 28 bytes of the stack's DATA
packet. One that quotes a packet of no association is ignored (SHOULD).
"""
import errno
import socket

import wire_codec as w
from wire_peer import PEER4, Fail, case, established

DEST_UNREACH, PROTO_UNREACH, PORT_UNREACH = 3, 2, 3


def sent_data(peer, a, conn):
    """The stack sends a message: the IP datagram that carried it."""
    conn.send(b"quoted")
    return peer.expect(w.DATA, vtag=a.my_tag).ip


def icmp_quoting(peer, sent, code, vtag=None, sport=None):
    head = sent.payload[:28]
    if vtag is not None:
        head = head[:4] + vtag.to_bytes(4, "big") + head[8:]
    if sport is not None:
        head = sport.to_bytes(2, "big") + head[2:]
    quoted = w.ip4(sent.src, sent.dst, head)
    peer.net.write(w.icmp4(PEER4, sent.src, DEST_UNREACH, code, quoted))


def still_up(peer, a, conn):
    if conn.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR):
        raise Fail("SO_ERROR set by an ICMP error that is to be ignored")
    a.send(a.data(b"alive"))
    sack = peer.expect(w.SACK, vtag=a.my_tag).chunks[0]
    if sack.cum_tsn != a.last_tsn:
        raise Fail("SACK cumulative TSN %d, expected %d" % (sack.cum_tsn, a.last_tsn))


@case("10", "an ICMP protocol unreachable quoting the peer's tag ends the association as an "
      "ABORT (MUST)", linux="ignores it once the association is up")
def protocol_unreachable_aborts(net, peer):
    a, conn = established(net, peer)
    icmp_quoting(peer, sent_data(peer, a, conn), PROTO_UNREACH)
    conn.settimeout(2)
    try:
        got = conn.recv(100)
    except OSError as e:
        if e.errno != errno.ECONNRESET:
            raise Fail("recv(): %s, expected ECONNRESET" % errno.errorcode.get(e.errno, e))
        peer.expect_nothing(0.3)  # no ABORT back, no retransmission
        return
    raise Fail("recv() returned %r: the association outlived the protocol unreachable" % got)


@case("10", "an ICMP error quoting another verification tag is ignored (MUST)")
def wrong_tag_ignored(net, peer):
    a, conn = established(net, peer)
    icmp_quoting(peer, sent_data(peer, a, conn), PROTO_UNREACH, vtag=a.my_tag ^ 1)
    peer.expect_nothing(0.3)
    still_up(peer, a, conn)


@case("10", "an ICMP port unreachable is ignored (SHOULD)",
      linux="makes it the socket's soft error: SO_ERROR ECONNREFUSED")
def port_unreachable_ignored(net, peer):
    a, conn = established(net, peer)
    icmp_quoting(peer, sent_data(peer, a, conn), PORT_UNREACH)
    peer.expect_nothing(0.3)
    still_up(peer, a, conn)


@case("10", "an ICMP error quoting a packet of no association (another source port) is "
      "ignored (SHOULD)")
def no_association_ignored(net, peer):
    a, conn = established(net, peer)
    icmp_quoting(peer, sent_data(peer, a, conn), PROTO_UNREACH, sport=8001)
    peer.expect_nothing(0.3)
    still_up(peer, a, conn)
