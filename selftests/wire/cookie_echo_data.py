# SPDX-License-Identifier: GPL-2.0
"""DATA bundled with the COOKIE ECHO that sets an association up (RFC 9260
5.1, 5.1.5).

Received: the new association takes it and acknowledges it at once
(5.1.5 step 6), and the COOKIE ACK goes first in that SACK's packet
rather than in a packet of its own. The listener's delayed-SACK time is
500 ms at frequency 2: a SACK in the COOKIE ACK's packet was not the
timer's.

Sent: a message sent to a new peer on a one-to-many socket (implicit
set-up) rides behind the COOKIE ECHO, a round trip sooner than after the
COOKIE ACK, as on Linux; T1-cookie sends both again; once the COOKIE ACK
comes, T3-rtx guards the DATA.
"""
import socket

import wire_codec as w
from wire_peer import PEER4, Fail, accept, case, sack_listener, set_rto

RTO = 300  # ms: T1 and T3's first run


@case("5.1.5", "DATA bundled with the COOKIE ECHO is acknowledged at once, the SACK "
      "bundled after the COOKIE ACK, which comes first (MAY, MUST)")
def sack_after_cookie_ack(net, peer):
    srv = sack_listener(net)
    a = peer.init_exchange()
    a.send(w.cookie_echo(a.init_ack.cookie), a.data(b"with the cookie"))
    sack = peer.expect(w.COOKIE_ACK, w.SACK, vtag=a.my_tag).chunks[1]
    if sack.cum_tsn != a.last_tsn or sack.gaps or sack.dups:
        raise Fail("SACK cum %d gaps %s dups %s, expected cum %d alone"
                   % (sack.cum_tsn, sack.gaps, sack.dups, a.last_tsn))
    conn = accept(net, srv)
    conn.settimeout(5)
    got = conn.recv(100)
    if got != b"with the cookie":
        raise Fail("the accepted socket read %r, not the DATA the COOKIE ECHO carried" % got)



def request_sent(net, peer, payload):
    """A one-to-many socket sends PAYLOAD to the peer, which answers the
    INIT: (socket, the INIT)."""
    s = net.open_socket(kind=socket.SOCK_SEQPACKET)
    set_rto(s, RTO, 1000, 100)
    s.sendto(payload, socket.MSG_DONTWAIT, (PEER4, 5001))
    init = peer.expect_init()
    peer.send(w.init_ack(0x5EED0011, 4000, b"cookie"), vtag=init.tag)
    return s, init


def cookie_echo_with(peer, init, payload, within=1.0):
    """The COOKIE ECHO and, in its packet, the DATA of PAYLOAD with the
    INIT's initial TSN, first on its stream."""
    p = peer.expect(w.COOKIE_ECHO, w.DATA, within=within, vtag=0x5EED0011)
    d = p.chunks[1]
    if (d.tsn, d.ssn, d.payload) != (init.tsn, 0, payload):
        raise Fail("DATA TSN %d SSN %d %r, expected TSN %d SSN 0 %r"
                   % (d.tsn, d.ssn, d.payload, init.tsn, payload))
    return d


def no_data_again(peer, seconds):
    """No DATA for SECONDS: the SACK acknowledged it (HEARTBEATs may
    come: sctp.ko probes the path after a T1 expiry)."""
    for d in peer.packets(seconds):
        if d.sctp.first(w.DATA) is not None:
            raise Fail("DATA sent again after its SACK: %s" % d.sctp)


@case("5.1", "a message sent during set-up rides behind the COOKIE ECHO, in its packet (MAY)")
def data_behind_cookie_echo(net, peer):
    _, init = request_sent(net, peer, b"request")
    d = cookie_echo_with(peer, init, b"request")
    peer.send(w.cookie_ack(), w.sack(d.tsn), vtag=init.tag)
    no_data_again(peer, RTO / 1000 * 3)


@case("5.1", "T1-cookie sends the COOKIE ECHO again with the same DATA behind it")
def data_again_with_cookie_echo(net, peer):
    _, init = request_sent(net, peer, b"request")
    cookie_echo_with(peer, init, b"request")
    d = cookie_echo_with(peer, init, b"request", within=RTO / 1000 * 2.5)
    peer.send(w.cookie_ack(), w.sack(d.tsn), vtag=init.tag)
    no_data_again(peer, RTO / 1000 * 3)


@case("6.3.2", "DATA that went with the COOKIE ECHO is guarded by T3-rtx once the COOKIE ACK comes")
def t3_after_cookie_ack(net, peer):
    _, init = request_sent(net, peer, b"request")
    d = cookie_echo_with(peer, init, b"request")
    peer.send(w.cookie_ack(), vtag=init.tag)
    again = peer.expect(w.DATA, within=RTO / 1000 * 2.5, vtag=0x5EED0011).chunks[0]
    if again.tsn != d.tsn or again.payload != b"request":
        raise Fail("T3-rtx sent TSN %d %r, expected TSN %d again" % (again.tsn, again.payload, d.tsn))
    peer.send(w.sack(d.tsn), vtag=init.tag)
