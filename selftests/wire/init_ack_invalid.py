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


def aborted_with(peer, vtag, code, info=None, t_bit=False):
    """The stack's ABORT after the bad INIT ACK: to VTAG, with the T bit
    as T_BIT says, cause CODE first (with INFO, if given)."""
    p = peer.expect(w.ABORT, within=1.0)
    c = p.chunks[0]
    if p.vtag != vtag or bool(c.flags & w.FLAG_T) != t_bit:
        raise Fail("ABORT vtag %#x T=%d: expected %#x, T=%d"
                   % (p.vtag, c.flags & w.FLAG_T, vtag, t_bit))
    if c.cause_codes()[:1] != [code]:
        raise Fail("ABORT with causes %s, expected %d first" % (c.cause_codes(), code))
    if info is not None and c.causes[0][1] != info:
        raise Fail("cause %d says %s, expected %s" % (code, c.causes[0][1].hex(), info.hex()))
    return p


@case("3.3.3", "an INIT ACK with an Initiate Tag of 0 ends the setup (MUST): connect() fails, "
      "no INIT again")
def initiate_tag_zero(net, peer):
    s, init = attempt(net, peer)
    peer.send(w.init_ack(0, 3000), vtag=init.tag)
    p = peer.expect(w.ABORT, within=1.0)
    if p.chunks[0].cause_codes()[:1] != [w.C_INVALID_PARAM]:
        raise Fail("ABORT with causes %s, expected %d first"
                   % (p.chunks[0].cause_codes(), w.C_INVALID_PARAM))
    connect_fails_with(s, errno.ECONNREFUSED, 1.0)
    peer.expect_nothing(RTO / 1000 * 1.5)


@case("3.3.3", "the ABORT for an INIT ACK with an Initiate Tag of 0 reflects the INIT's tag "
      "(T bit; SHOULD)", linux="sends it to tag 0, T bit clear")
def initiate_tag_zero_abort_reflects(net, peer):
    _, init = attempt(net, peer)
    peer.send(w.init_ack(0, 3000), vtag=init.tag)
    aborted_with(peer, init.tag, w.C_INVALID_PARAM, t_bit=True)


def refused(net, peer, tag, code, info=None, **init_ack):
    """The stack's INIT answered by an INIT ACK (tag TAG, INIT_ACK's
    fields): ABORT to TAG with cause CODE (INFO), connect() refused."""
    s, init = attempt(net, peer)
    peer.send(w.init_ack(tag, 3000, **init_ack), vtag=init.tag)
    aborted_with(peer, tag, code, info)
    connect_fails_with(s, errno.ECONNREFUSED, 1.0)


@case("3.3.3", "an INIT ACK with 0 outbound streams ends the setup: ABORT (Invalid Mandatory Parameter)")
def zero_outbound_streams(net, peer):
    refused(net, peer, 0x5EED0004, w.C_INVALID_PARAM, os=0)


@case("3.3.3", "an INIT ACK without a State Cookie ends the setup: ABORT (Missing Mandatory Parameter)")
def no_cookie(net, peer):
    # One parameter missing, the State Cookie (3.3.10.2).
    refused(net, peer, 0x5EED0005, w.C_MISSING_PARAM, struct.pack("!IH", 1, w.P_COOKIE),
            cookie=None)


@case("3.3.3", "an INIT ACK with a Host Name Address ends the setup: ABORT (Unresolvable Address)")
def host_name_address(net, peer):
    # The Host Name Address parameter, quoted whole (3.3.10.5).
    hostname = w.tlv(w.P_HOSTNAME, b"peer.example\0", pad=False)
    refused(net, peer, 0x5EED0006, w.C_UNRESOLVABLE_ADDR, hostname, params=w.pad4(hostname))


@case("3.3.3", "an INIT ACK with 0 inbound streams ends the setup: ABORT (Invalid Mandatory Parameter)")
def zero_inbound_streams(net, peer):
    refused(net, peer, 0x5EED0007, w.C_INVALID_PARAM, mis=0)


@case("3.3.3", "an INIT ACK with an a_rwnd below 1500 ends the setup: ABORT (Invalid Mandatory "
      "Parameter)")
def small_window(net, peer):
    refused(net, peer, 0x5EED000B, w.C_INVALID_PARAM, a_rwnd=1499)


# The RFC does not say what a receiver does with the two below; Linux
# ends the setup (sctp_sf_abort_violation()), and so does xsctp: the
# peer that sent them would send them again for every INIT.

@case("6.10", "an INIT ACK bundled with DATA ends the setup: ABORT (Protocol Violation) to its tag")
def bundled_with_data(net, peer):
    s, init = attempt(net, peer)
    peer.send(w.init_ack(0x5EED0008, 3000), w.data(3000, b"early"), vtag=init.tag)
    aborted_with(peer, 0x5EED0008, w.C_PROTOCOL_VIOLATION)
    connect_fails_with(s, errno.ECONNREFUSED, 1.0)


@case("3.3.3", "an INIT ACK shorter than its fixed fields ends the setup: ABORT (Protocol "
      "Violation), our tag reflected (T bit)")
def shorter_than_fixed_fields(net, peer):
    s, init = attempt(net, peer)
    peer.send(w.chunk(w.INIT_ACK, 0, struct.pack("!IIHH", 0x5EED0009, 65535, 10, 10)),
              vtag=init.tag)
    aborted_with(peer, init.tag, w.C_PROTOCOL_VIOLATION, t_bit=True)
    connect_fails_with(s, errno.ECONNREFUSED, 1.0)


@case("8.5", "a refused INIT ACK with a wrong verification tag is dropped: no ABORT, the INIT goes again")
def refused_with_wrong_tag_dropped(net, peer):
    _, init = attempt(net, peer)
    peer.send(w.init_ack(0x5EED000A, 3000), w.data(3000, b"early"), vtag=init.tag ^ 1)
    again = peer.expect_init(within=RTO / 1000 * 2.5)
    if again.tag != init.tag:
        raise Fail("the INIT sent again has a new Initiate Tag: the setup restarted")
