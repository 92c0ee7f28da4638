# SPDX-License-Identifier: GPL-2.0
"""An INIT a listener cannot accept (RFC 9260 3.3.2, 5.1, 3.3.10): an
Initiate Tag of 0 is discarded silently; a stream count of 0, an a_rwnd
below 1500 or a Host Name Address is refused with an ABORT to the INIT's tag naming why
(Invalid Mandatory Parameter; Unresolvable Address, quoting the
parameter), and no state is kept.
"""
import wire_codec as w
from wire_peer import Fail, case


def refused_with(peer, tag, code, info=None):
    p = peer.expect(w.ABORT, within=1.0, vtag=tag)
    c = p.chunks[0]
    if c.flags & w.FLAG_T:
        raise Fail("ABORT with the T bit: the INIT's tag is the peer's own")
    if c.cause_codes()[:1] != [code]:
        raise Fail("ABORT with causes %s, expected %d first" % (c.cause_codes(), code))
    if info is not None and c.causes[0][1] != info:
        raise Fail("cause %d says %s, expected %s" % (code, c.causes[0][1].hex(), info.hex()))


@case("3.3.2", "an INIT with an Initiate Tag of 0 is discarded silently (MUST)",
      linux="answers with an ABORT")
def initiate_tag_zero(net, peer):
    net.listen(8000)
    peer.send(w.init(0, 1000))
    peer.expect_nothing(1.0)


@case("3.3.2", "an INIT with 0 inbound streams is refused: ABORT (Invalid Mandatory Parameter)")
def zero_inbound_streams(net, peer):
    net.listen(8000)
    peer.send(w.init(0x5EED0010, 1000, mis=0))
    refused_with(peer, 0x5EED0010, w.C_INVALID_PARAM)


@case("5.1.2", "an INIT with a Host Name Address is refused: ABORT (Unresolvable Address)")
def host_name_address(net, peer):
    net.listen(8000)
    hostname = w.tlv(w.P_HOSTNAME, b"peer.example\0", pad=False)
    peer.send(w.init(0x5EED0011, 1000, params=w.pad4(hostname)))
    refused_with(peer, 0x5EED0011, w.C_UNRESOLVABLE_ADDR, hostname)


@case("3.3.2", "an INIT with an a_rwnd below 1500 is refused: ABORT (Invalid Mandatory Parameter)")
def small_window(net, peer):
    net.listen(8000)
    peer.send(w.init(0x5EED0012, 1000, a_rwnd=1499))
    refused_with(peer, 0x5EED0012, w.C_INVALID_PARAM)


@case("3.3.2", "an INIT with 0 outbound streams is refused: ABORT (Invalid Mandatory Parameter)")
def zero_outbound_streams(net, peer):
    net.listen(8000)
    peer.send(w.init(0x5EED0013, 1000, os=0))
    refused_with(peer, 0x5EED0013, w.C_INVALID_PARAM)


@case("12.3", "an INIT bundled with another chunk, or with a verification tag other than 0, is "
      "discarded silently (MUST)", linux="answers an INIT whose packet has a tag other than 0 "
      "with an ABORT")
def not_alone_or_tagged(net, peer):
    net.listen(8000)
    peer.send(w.init(0x5EED0014, 1000), vtag=1)
    peer.expect_nothing(0.5)
    peer.send(w.init(0x5EED0015, 1000), w.cookie_ack())
    peer.expect_nothing(0.5)
