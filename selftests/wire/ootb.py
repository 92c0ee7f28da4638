# SPDX-License-Identifier: GPL-2.0
"""Out-of-the-blue packets (RFC 9260 8.4, 8.5.1): nothing listens on the
stack's port, so every packet here belongs to no association. Which get
an answer: an ABORT reflecting the packet's tag (T bit) for most (rule
8), a SHUTDOWN COMPLETE for a SHUTDOWN ACK (rule 5); and which get none:
a packet with an ABORT anywhere in it (rule 2, before the others), a
SHUTDOWN COMPLETE (6), a COOKIE ACK or an ERROR with a Stale Cookie (7),
a packet with tag 0 that is not an INIT (8.5.1 A), an INIT whose
Initiate Tag is 0 (3.3.2), a packet to a broadcast address (rule 1), a
packet from or to port 0 (3.1).
"""
import struct

import wire_codec as w
from wire_peer import Fail, case

TAG = 0x0BAD7A60


def answered(peer, ctype, *chunks, vtag=TAG, **kw):
    peer.send(*chunks, vtag=vtag, **kw)
    p = peer.expect(ctype, within=1.0, vtag=vtag)
    if not p.chunks[0].flags & w.FLAG_T:
        raise Fail("%s without the T bit: the tag it carries is not its own" % p.names()[0])
    peer.expect_nothing(0.3)


def ignored(peer, *chunks, vtag=TAG, **kw):
    peer.send(*chunks, vtag=vtag, **kw)
    peer.expect_nothing(0.5)


@case("8.4", "out-of-the-blue DATA is answered by an ABORT reflecting its tag, T bit set, alone (SHOULD)")
def data_aborted(net, peer):
    answered(peer, w.ABORT, w.data(7, b"stray"))


@case("8.4", "an out-of-the-blue SHUTDOWN ACK is answered by a SHUTDOWN COMPLETE, T bit set (SHOULD)")
def shutdown_ack_completed(net, peer):
    answered(peer, w.SHUTDOWN_COMPLETE, w.shutdown_ack())


@case("8.4", "an out-of-the-blue ERROR without a Stale Cookie cause is answered by an ABORT (SHOULD)")
def error_aborted(net, peer):
    answered(peer, w.ABORT, w.error(w.cause(w.C_NO_RESOURCES)))


@case("8.4", "an out-of-the-blue packet with an ABORT anywhere gets no answer, even after a "
      "SHUTDOWN ACK (MUST)")
def abort_first_rule(net, peer):
    ignored(peer, w.abort())
    ignored(peer, w.shutdown_ack(), w.abort())


@case("8.4", "an out-of-the-blue SHUTDOWN COMPLETE, COOKIE ACK or Stale Cookie ERROR gets no answer")
def silent_kinds(net, peer):
    ignored(peer, w.shutdown_complete())
    ignored(peer, w.cookie_ack())
    ignored(peer, w.error(w.cause(w.C_STALE_COOKIE, struct.pack("!I", 1000))))


@case("8.5.1", "a packet with tag 0 that holds no INIT is discarded silently (MUST)",
      linux="answers it with an ABORT to tag 0, T bit set")
def tag_zero_without_init(net, peer):
    ignored(peer, w.data(7, b"stray"), vtag=0)
    ignored(peer, w.shutdown_ack(), vtag=0)


@case("3.3.2", "an INIT with an Initiate Tag of 0 gets no answer where nothing listens either (MUST)",
      linux="answers with an ABORT to tag 0")
def init_tag_zero_no_listener(net, peer):
    ignored(peer, w.init(0, 1000), vtag=0)


@case("8.4", "a packet to a broadcast address gets no answer, from that address or any (MUST)")
def to_broadcast(net, peer):
    ignored(peer, w.data(7, b"stray"), dst="192.0.2.255")


@case("3.1", "a packet from or to port 0 gets no answer: an answer would use port 0 (MUST NOT)",
      linux="answers an INIT from port 0 with an INIT ACK to port 0")
def port_zero(net, peer):
    net.listen(8000)  # an INIT from port 0 would otherwise get an INIT ACK
    ignored(peer, w.init(TAG, 1000), vtag=0, sport=0)
    ignored(peer, w.data(7, b"stray"), dport=0)


@case("6", "an out-of-the-blue SACK is answered by an ABORT reflecting its tag")
def sack_aborted(net, peer):
    answered(peer, w.ABORT, w.sack(1))
