# SPDX-License-Identifier: GPL-2.0
"""A SHUTDOWN ACK while the stack sets an association up (RFC 9260 8.5.1
rule E, 9.2): it is out of the blue (8.4 item 5): the answer is a SHUTDOWN
COMPLETE alone, with the SHUTDOWN ACK's verification tag reflected (T
bit); T1-init keeps running and the INIT or COOKIE ECHO goes again, so
the association still comes up.
"""
import wire_codec as w
from wire_peer import Fail, case, connect_nonblocking, connected, set_rto

RTO = 300  # ms: T1-init's first run, for a quick retransmission
STRAY_TAG = 0x0BAD7A60


def client(net):
    s = net.open_socket()
    set_rto(s, RTO, 1000, 100)
    connect_nonblocking(s)
    return s


def shutdown_complete_reflected(peer):
    p = peer.expect(w.SHUTDOWN_COMPLETE, within=1.0, vtag=STRAY_TAG)
    if not p.chunks[0].flags & w.FLAG_T:
        raise Fail("SHUTDOWN COMPLETE without the T bit: the tag it carries is not its own")


@case("9.2", "a SHUTDOWN ACK in COOKIE-WAIT is answered by a SHUTDOWN COMPLETE, T bit set (SHOULD)")
def in_cookie_wait(net, peer):
    s = client(net)
    init = peer.expect_init()
    peer.send(w.shutdown_ack(), vtag=STRAY_TAG)
    shutdown_complete_reflected(peer)
    again = peer.expect_init(within=3.0)
    if again.tag != init.tag:
        raise Fail("the retransmitted INIT has a new Initiate Tag: the setup restarted")
    peer.answer_init(again)
    connected(s, 2.0)


@case("9.2", "a SHUTDOWN ACK in COOKIE-ECHOED is answered by a SHUTDOWN COMPLETE, T bit set (SHOULD)")
def in_cookie_echoed(net, peer):
    s = client(net)
    init = peer.expect_init()
    peer.send(w.init_ack(0x5EED0003, 3000, b"cookie"), vtag=init.tag)
    peer.expect(w.COOKIE_ECHO, vtag=0x5EED0003)
    peer.send(w.shutdown_ack(), vtag=STRAY_TAG)
    shutdown_complete_reflected(peer)
    peer.expect(w.COOKIE_ECHO, within=3.0, vtag=0x5EED0003)
    peer.send(w.cookie_ack(), vtag=init.tag)
    connected(s, 2.0)
