# SPDX-License-Identifier: GPL-2.0
"""What the stack answers to the peer's HEARTBEATs (RFC 9260 8.3): a
HEARTBEAT ACK that carries the HEARTBEAT's parameters back unchanged,
the Heartbeat Info and any parameter after it (SHOULD), as Linux's
sctp.ko does.
"""
import wire_codec as w
from wire_peer import Fail, case, established


@case("8.3", "a HEARTBEAT ACK echoes every parameter of the HEARTBEAT, unchanged (SHOULD)")
def echoes_all_tlvs(net, peer):
    a, _ = established(net, peer)
    value = w.param(w.P_HEARTBEAT_INFO, b"wire-peer info") + w.param(0x8123, b"more")
    a.send(w.chunk(w.HEARTBEAT, 0, value))
    ack = peer.expect(w.HEARTBEAT_ACK, vtag=a.my_tag).chunks[0]
    if ack.value != value:
        raise Fail("HEARTBEAT ACK value %r, expected the HEARTBEAT's %r" % (ack.value, value))
