# SPDX-License-Identifier: GPL-2.0
"""A SACK or SHUTDOWN that acknowledges a TSN the stack never sent (RFC
9260 12.4: the association MUST be aborted): an ABORT with a Protocol
Violation cause goes to the peer's tag, and the association is gone, as
with Linux's sctp_sf_violation_ctsn(). The stack has sent no DATA, so
its Initial TSN is the first TSN it has not sent.
"""
import wire_codec as w
from wire_peer import Fail, case, established


def aborted(peer, a):
    p = peer.expect(w.ABORT, within=1.0, vtag=a.my_tag)
    c = p.chunks[0]
    if c.flags & w.FLAG_T:
        raise Fail("ABORT with the T bit: the association knows the peer's tag")
    if c.cause_codes()[:1] != [w.C_PROTOCOL_VIOLATION]:
        raise Fail("ABORT with causes %s, expected Protocol Violation" % c.cause_codes())
    a.send(a.data(b"after the abort"))
    peer.expect(w.ABORT, within=1.0, vtag=a.their_tag)  # out of the blue now


@case("12.4", "a SACK acknowledging a TSN never sent aborts the association (MUST); the "
      "Initial TSN minus one is acknowledged from the start (5.1: MUST)")
def sack_ahead(net, peer):
    a, _ = established(net, peer)
    a.send(w.sack((a.their_tsn - 1) & 0xFFFFFFFF))
    peer.expect_nothing(0.3)
    a.send(w.sack(a.their_tsn))
    aborted(peer, a)


@case("12.4", "a SHUTDOWN acknowledging a TSN never sent aborts the association (MUST)")
def shutdown_ahead(net, peer):
    a, _ = established(net, peer)
    a.send(w.shutdown(a.their_tsn + 3))
    aborted(peer, a)
