# SPDX-License-Identifier: GPL-2.0
"""Fast retransmission (RFC 9260 7.2.4): a TSN reported missing by the
Gap Ack Blocks of three SACKs, each of which newly acknowledges a TSN
above it (the Highest TSN Newly Acknowledged rule), is sent again at
once, long before T3-rtx (1 s here) would; a SACK that acknowledges
nothing new is no miss indication. The stack sends five small messages;
the peer never acknowledges the first.
"""
import wire_codec as w
from wire_peer import SCTP_NODELAY, SOL_SCTP, Fail, case, set_rto

MESSAGES = 5
AT_ONCE = 0.3  # s: well before T3-rtx, which runs for a second


def five_sent(net, peer):
    """An association whose stack sent five messages: (Assoc, TSNs)."""
    srv = net.listen(8000)
    set_rto(srv, 1000, 2000, 1000)
    a, conn = peer.associate(srv)
    conn.setsockopt(SOL_SCTP, SCTP_NODELAY, 1)
    for i in range(MESSAGES):
        conn.send(bytes([i]) * 100)
    tsns = []
    while len(tsns) < MESSAGES:
        d = peer.receive(1.0)
        if d is None:
            raise Fail("%d DATA chunks for %d messages" % (len(tsns), MESSAGES))
        tsns += [c.tsn for c in d.sctp.chunks if c.type == w.DATA]
    return a, sorted(tsns)


def gap_sack(a, first, upto):
    """A SACK missing FIRST, acknowledging the TSNs after it up to UPTO."""
    return w.sack((first - 1) & 0xFFFFFFFF, gaps=[(2, (upto - first + 1) & 0xFFFF)])


@case("7.2.4", "the third SACK that reports a TSN missing and newly acknowledges one above it "
      "makes it go again at once; SACKs that acknowledge nothing new do not count (SHOULD)")
def third_miss(net, peer):
    a, tsns = five_sent(net, peer)
    first = tsns[0]
    for _ in range(3):  # one miss indication: the same blocks again are none
        a.send(gap_sack(a, first, tsns[1]))
    a.send(gap_sack(a, first, tsns[2]))  # the second
    peer.expect_nothing(AT_ONCE)
    a.send(gap_sack(a, first, tsns[3]))  # the third
    p = peer.expect(w.DATA, within=AT_ONCE, vtag=a.my_tag)
    if [c.tsn for c in p.chunks] != [first]:
        raise Fail("fast retransmission of %s, expected TSN %d alone"
                   % ([c.tsn for c in p.chunks], first))
