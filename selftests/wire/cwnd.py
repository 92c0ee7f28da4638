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
from wire_peer import (PEER4, SCTP_NODELAY, SOL_SCTP, Fail, case, confirm_path, established,
                       peer_addr_info)

CWND = 4404  # bytes: the initial cwnd for an MTU of 1500 (RFC 9260 7.2.1)
PMDCS = 1500 - 20 - 12 - 16
SIZE = 100  # bytes a message: a dozen DATA chunks a packet
MASK = 0xFFFFFFFF
OTHER4 = "192.0.2.3"  # a second address of the peer


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


@case("6.9", "a message larger than one packet holds is cut into DATA chunks (B, middle, E) that "
      "each fit the 1500-byte MTU, a SACK bundled with them included (MUST)")
def fragment_to_pmtu(net, peer):
    a, conn = established(net, peer, freq=1000)  # SACKs at once only for cause
    conn.setsockopt(SOL_SCTP, SCTP_NODELAY, 1)
    a.send(a.data(b"first"))  # the first DATA: its SACK goes at once
    peer.expect(w.SACK, vtag=a.my_tag)
    a.send(a.data(b"second"))  # its SACK waits, and may ride with the reply
    message = bytes(range(256)) * 16  # 4096 bytes
    conn.send(message)
    chunks, deadline = [], time.monotonic() + 1.0
    while sum(len(c.payload) for c in chunks) < len(message):
        d = peer.receive(deadline - time.monotonic())
        if d is None:
            raise Fail("%d of %d bytes arrived" % (sum(len(c.payload) for c in chunks),
                                                   len(message)))
        if d.length > 1500:
            raise Fail("a packet of %d bytes (%s): more than the MTU" % (d.length, d.sctp.names()))
        chunks += [c for c in d.sctp.chunks if c.type == w.DATA]
    flags = [c.flags & (w.FLAG_B | w.FLAG_E) for c in chunks]
    if len(chunks) < 3 or flags[0] != w.FLAG_B or flags[-1] != w.FLAG_E or any(flags[1:-1]):
        raise Fail("the message came as %d chunks with B/E flags %s" % (len(chunks), flags))
    if b"".join(c.payload for c in chunks) != message:
        raise Fail("the chunks do not put the message back together")


@case("7.2", "each of the peer's addresses has a congestion window of its own: DATA acknowledged "
      "on one grows that one's alone (MUST, 7.2.1: SHOULD)")
def cwnd_per_path(net, peer):
    a, conn = peer.associate(net.listen(8000), params=w.addr_param(OTHER4))
    conn.setsockopt(SOL_SCTP, SCTP_NODELAY, 1)
    confirm_path(peer, a, OTHER4)
    before = [peer_addr_info(conn, x, peer.port).cwnd for x in (PEER4, OTHER4)]
    for _ in range(5):  # cwnd or more outstanding: slow start grows it
        conn.send(b"c" * 1000)
    tsns = []
    while len(tsns) < 5:
        d = peer.receive(1.0)
        if d is None:
            raise Fail("%d of 5 messages sent" % len(tsns))
        if d.sctp.first(w.DATA) is not None and d.dst != PEER4:
            raise Fail("DATA to %s, not the primary %s" % (d.dst, PEER4))
        tsns += [c.tsn for c in d.sctp.chunks if c.type == w.DATA]
    a.send(w.sack(max(tsns)))
    time.sleep(0.2)
    after = [peer_addr_info(conn, x, peer.port).cwnd for x in (PEER4, OTHER4)]
    if after[0] <= before[0] or after[1] != before[1]:
        raise Fail("cwnd of %s and %s: %s before, %s after DATA to the first was acknowledged"
                   % (PEER4, OTHER4, before, after))
