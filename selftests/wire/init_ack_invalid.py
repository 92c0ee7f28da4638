# SPDX-License-Identifier: GPL-2.0
"""An INIT ACK the stack must not accept ends the setup at once (RFC 9260
5.1, 3.3.3, 3.3.10): the association is destroyed, an ABORT with the
specific cause goes to the peer, and connect() fails (ECONNREFUSED, as
on Linux) instead of waiting for T1-init to send the INIT again.
"""
import errno
import struct

import wire_codec as w
from wire_peer import Fail, case, connect_fails_with, connect_nonblocking, set_rto

RTO = 1000  # ms: an INIT sent again would come after this


def attempt(net, peer):
    s = net.open_socket()
    set_rto(s, RTO, 2000, 100)
    connect_nonblocking(s)
    return s, peer.expect_init()


def aborted_with(peer, vtag, code, info=None):
    """The stack's ABORT after the bad INIT ACK: to VTAG, the T bit clear,
    cause CODE first (with INFO, if given)."""
    p = peer.expect(w.ABORT, within=1.0)
    c = p.chunks[0]
    if p.vtag != vtag or c.flags & w.FLAG_T:
        raise Fail("ABORT vtag %#x T=%d: expected %#x, T bit clear"
                   % (p.vtag, c.flags & w.FLAG_T, vtag))
    if c.cause_codes()[:1] != [code]:
        raise Fail("ABORT with causes %s, expected %d first" % (c.cause_codes(), code))
    if info is not None and c.causes[0][1] != info:
        raise Fail("cause %d says %s, expected %s" % (code, c.causes[0][1].hex(), info.hex()))
    return p


@case("3.3.3", "an INIT ACK with an Initiate Tag of 0 ends the setup (MUST): ABORT, connect() fails")
def initiate_tag_zero(net, peer):
    s, init = attempt(net, peer)
    peer.send(w.init_ack(0, 3000), vtag=init.tag)
    # The tag the peer said it owns, 0 (8.5.1 B): what Linux sends.
    aborted_with(peer, 0, w.C_INVALID_PARAM)
    connect_fails_with(s, errno.ECONNREFUSED, 1.0)
    peer.expect_nothing(RTO / 1000 * 1.5)


@case("3.3.3", "an INIT ACK with 0 outbound streams ends the setup: ABORT (Invalid Mandatory Parameter)")
def zero_outbound_streams(net, peer):
    s, init = attempt(net, peer)
    peer.send(w.init_ack(0x5EED0004, 3000, os=0), vtag=init.tag)
    aborted_with(peer, 0x5EED0004, w.C_INVALID_PARAM)
    connect_fails_with(s, errno.ECONNREFUSED, 1.0)


@case("3.3.3", "an INIT ACK without a State Cookie ends the setup: ABORT (Missing Mandatory Parameter)")
def no_cookie(net, peer):
    s, init = attempt(net, peer)
    peer.send(w.init_ack(0x5EED0005, 3000, cookie=None), vtag=init.tag)
    # One parameter missing, the State Cookie (3.3.10.2).
    aborted_with(peer, 0x5EED0005, w.C_MISSING_PARAM, struct.pack("!IH", 1, w.P_COOKIE))
    connect_fails_with(s, errno.ECONNREFUSED, 1.0)


@case("3.3.3", "an INIT ACK with a Host Name Address ends the setup: ABORT (Unresolvable Address)")
def host_name_address(net, peer):
    s, init = attempt(net, peer)
    hostname = w.tlv(w.P_HOSTNAME, b"peer.example\0", pad=False)
    peer.send(w.init_ack(0x5EED0006, 3000, params=w.pad4(hostname)), vtag=init.tag)
    # The Host Name Address parameter, quoted whole (3.3.10.5).
    aborted_with(peer, 0x5EED0006, w.C_UNRESOLVABLE_ADDR, hostname)
    connect_fails_with(s, errno.ECONNREFUSED, 1.0)
