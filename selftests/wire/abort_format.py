# SPDX-License-Identifier: GPL-2.0
"""An ABORT with a format error (RFC 9260 3.3.7: MUST be discarded
silently): causes that do not fill the chunk leave the association up,
and no answer goes. Linux checks the same framing
(sctp_err_chunk_valid()).
"""
import struct

import wire_codec as w
from wire_peer import Fail, case, established


@case("3.3.7", "an ABORT whose cause runs past the chunk is discarded silently (MUST)")
def cause_cut_short(net, peer):
    a, conn = established(net, peer)
    # A Protocol Violation cause that says 8 bytes where the chunk has 6.
    a.send(w.chunk(w.ABORT, 0, struct.pack("!HHH", w.C_PROTOCOL_VIOLATION, 8, 0)))
    peer.expect_nothing(0.3)
    a.send(a.data(b"still up"))
    sack = peer.expect(w.SACK, vtag=a.my_tag).chunks[0]
    if sack.cum_tsn != a.last_tsn:
        raise Fail("SACK cumulative TSN %d, expected %d" % (sack.cum_tsn, a.last_tsn))
    conn.settimeout(2)
    if conn.recv(100) != b"still up":
        raise Fail("the DATA after the malformed ABORT was not delivered")
