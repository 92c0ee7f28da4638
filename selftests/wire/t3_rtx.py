# SPDX-License-Identifier: GPL-2.0
"""What T3-rtx's expiry sends (RFC 9260 6.3.3 E3): the earliest
outstanding DATA first, ahead of DATA never sent. The stack under test
sends three messages on an association the peer set up, with its RTO
fixed at 1 s (SCTP_RTOINFO: initial, minimum 1000, maximum 2000); the
peer acknowledges only the first, and the user then sends one more,
which may go at once (the SACK made room). T3-rtx, restarted by that
SACK (6.3.2 R3), expires about a second later: the first DATA the stack
sends after it must be the lowest TSN still unacknowledged, and no new
DATA may go between the expiry and that retransmission.
"""
import time

import wire_codec as w
from wire_peer import SCTP_NODELAY, SOL_SCTP, Fail, case, set_rto

SIZE = 1000
AT_ONCE = 0.5  # s after the SACK: sent on it, not on T3's expiry


def data_packets(peer, want, within):
    """(arrival, TSNs) of each packet with DATA, until WANT TSNs came or
    WITHIN s passed."""
    got, deadline = [], time.monotonic() + within
    while sum(len(t) for _, t in got) < want:
        d = peer.receive(deadline - time.monotonic())
        if d is None:
            break
        tsns = [c.tsn for c in d.sctp.chunks if c.type == w.DATA]
        if tsns:
            got.append((time.monotonic(), tsns))
    return got


@case("6.3.3", "T3-rtx's expiry retransmits the earliest outstanding TSN first, "
      "ahead of DATA never sent (MUST)")
def earliest_first(net, peer):
    srv = net.listen(8000)
    set_rto(srv, 1000, 2000, 1000)
    a, conn = peer.associate(srv)
    conn.setsockopt(SOL_SCTP, SCTP_NODELAY, 1)
    for i in range(3):
        conn.send(bytes([i]) * SIZE)
    sent = sorted(t for _, tsns in data_packets(peer, 3, 3) for t in tsns)
    if len(sent) != 3:
        raise Fail("the stack sent TSNs %s for three messages" % sent)
    a.send(w.sack(sent[0]))
    acked_at = time.monotonic()
    conn.send(b"n" * SIZE)
    outstanding = sent[1:]
    for at, tsns in data_packets(peer, 5, 4):
        if set(tsns) & set(outstanding):
            if tsns[0] != outstanding[0]:
                raise Fail("the retransmission %s does not start with the earliest "
                           "outstanding TSN %d" % (tsns, outstanding[0]))
            return
        if at - acked_at > AT_ONCE:
            raise Fail("new DATA %s went %.0f ms after the SACK, ahead of TSN %d's "
                       "retransmission" % (tsns, (at - acked_at) * 1000, outstanding[0]))
    raise Fail("TSNs %s not retransmitted within 4 s" % outstanding)
