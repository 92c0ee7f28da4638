# SPDX-License-Identifier: GPL-2.0
"""How much new DATA the congestion window lets the stack send on a path
(RFC 9260 6.1 B, 7.2.1). The initial cwnd is min(4 * PMDCS, max(2 *
PMDCS, 4404)): 4404 bytes on the peer's 1500-byte link (sctp.ko, after
RFC 4960, starts at 4380, which these bounds allow). New DATA may go while
less than cwnd is outstanding, and by at most PMDCS - 1 bytes beyond it
(1452 here: the MTU less the IPv4, SCTP and DATA headers); the chunk that
breaches cwnd is in the last packet, never spread over two (MUST NOT,
MUST). Small messages show it: the user queues them while the peer's
window is shut, and the window then opens all at once.
"""
import time

import wire_codec as w
from wire_peer import SCTP_NODELAY, SOL_SCTP, Fail, case, established

CWND = 4404  # bytes: the initial cwnd for an MTU of 1500 (RFC 9260 7.2.1)
PMDCS = 1500 - 20 - 12 - 16
SIZE = 100  # bytes a message: a dozen DATA chunks a packet
MASK = 0xFFFFFFFF


def data_packets(peer, a, within):
    """The payload bytes of each packet with DATA, until none comes for
    WITHIN s."""
    got = []
    while True:
        d = peer.receive(within)
        if d is None:
            return got
        if d.sctp.vtag != a.my_tag:
            raise Fail("%s: verification tag %#x, expected %#x" % (d.sctp, d.sctp.vtag, a.my_tag))
        sizes = [len(c.payload) for c in d.sctp.chunks if c.type == w.DATA]
        if sizes:
            got.append(sum(sizes))


@case("6.1", "new DATA goes while less than cwnd is outstanding, by at most PMDCS - 1 bytes "
      "beyond it, the breach in one packet only (MUST NOT, MUST)")
def initial_window(net, peer):
    a, conn = established(net, peer)
    conn.setsockopt(SOL_SCTP, SCTP_NODELAY, 1)
    conn.send(b"w" * SIZE)
    t = peer.expect(w.DATA, vtag=a.my_tag).chunks[0].tsn
    a.send(w.sack((t - 1) & MASK, a_rwnd=0))  # TSN t stays outstanding
    for _ in range(80):  # 8000 bytes, far more than cwnd
        conn.send(b"q" * SIZE)
    time.sleep(0.1)
    a.send(w.sack(t, a_rwnd=65535))  # nothing outstanding, the window open
    sizes = data_packets(peer, a, 0.5)
    total = sum(sizes)
    if not sizes:
        raise Fail("no DATA once the window opened")
    if total > CWND + PMDCS - 1:
        raise Fail("%d bytes of new DATA in packets of %s: more than cwnd + PMDCS - 1 = %d"
                   % (total, sizes, CWND + PMDCS - 1))
    if total - sizes[-1] >= CWND:
        raise Fail("packets of %s bytes: %d before the last, so cwnd (%d) was breached by "
                   "more than one packet" % (sizes, total - sizes[-1], CWND))
