# SPDX-License-Identifier: GPL-2.0
"""DATA bundled with the COOKIE ECHO that sets an association up (RFC 9260
5.1, 5.1.5): the new association takes it and acknowledges it at once
(5.1.5 step 6), and the COOKIE ACK goes first in that SACK's packet
rather than in a packet of its own. The listener's delayed-SACK time is
500 ms at frequency 2: a SACK in the COOKIE ACK's packet was not the
timer's.
"""
import wire_codec as w
from wire_peer import Fail, accept, case, sack_listener


@case("5.1.5", "DATA bundled with the COOKIE ECHO is acknowledged at once, the SACK "
      "bundled after the COOKIE ACK, which comes first (MAY, MUST)")
def sack_after_cookie_ack(net, peer):
    srv = sack_listener(net)
    a = peer.init_exchange()
    a.send(w.cookie_echo(a.init_ack.cookie), a.data(b"with the cookie"))
    sack = peer.expect(w.COOKIE_ACK, w.SACK, vtag=a.my_tag).chunks[1]
    if sack.cum_tsn != a.last_tsn or sack.gaps or sack.dups:
        raise Fail("SACK cum %d gaps %s dups %s, expected cum %d alone"
                   % (sack.cum_tsn, sack.gaps, sack.dups, a.last_tsn))
    conn = accept(net, srv)
    conn.settimeout(5)
    got = conn.recv(100)
    if got != b"with the cookie":
        raise Fail("the accepted socket read %r, not the DATA the COOKIE ECHO carried" % got)

