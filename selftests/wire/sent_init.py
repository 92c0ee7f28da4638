# SPDX-License-Identifier: GPL-2.0
"""What the stack's own INIT and INIT ACK must be (RFC 9260 3.3.2,
3.3.3): reserved flags 0, an Initiate Tag other than 0, a_rwnd of at
least 1500, stream counts other than 0 and, in the INIT ACK, no more
outbound streams than the INIT offered inbound, no Host Name Address, no
parameter twice (wire_peer.check_init, which every case's handshake also
applies).
"""
import socket

import wire_codec as w
from wire_peer import PEER6, Fail, Peer, case, check_init, connect_nonblocking


@case("3.3.2", "the INIT the stack sends is well formed (MUST, MUST NOT, SHOULD)")
def init_well_formed(net, peer):
    connect_nonblocking(net.open_socket())
    check_init(peer.expect_init())


@case("3.3.3", "the INIT ACK the stack sends is well formed, its OS within the INIT's MIS "
      "(MUST, MUST NOT, SHOULD)")
def init_ack_well_formed(net, peer):
    srv = net.listen(8000)
    peer.associate(srv, os_=64, mis=3)


@case("3.3.3", "the State Cookie is the INIT ACK's first parameter (no RFC order: Linux's, "
      "which strict peers expect)")
def init_ack_cookie_first(net, peer):
    net.listen(8000)
    a = peer.init_exchange()
    first = a.init_ack.params[0][0]
    if first != w.P_COOKIE:
        raise Fail("the INIT ACK's first parameter is of type %#x, not the State Cookie" % first)


@case("3.3.2.1.2", "an IPv4-mapped IPv6 address on an interface is never listed in an INIT (MUST "
      "NOT)", linux="lists it as an IPv6 Address parameter")
def no_v4_mapped_address(net, peer):
    net._add_ipv6("::ffff:192.0.2.77", 128)
    s = net.open_socket(socket.AF_INET6)
    peer6 = Peer(net, PEER6)
    connect_nonblocking(s, PEER6)
    init = peer6.expect_init()
    mapped = [socket.inet_ntop(socket.AF_INET6, v) for t, v in init.params
              if t == w.P_IPV6 and v[:12] == b"\0" * 10 + b"\xff\xff"]
    if mapped:
        raise Fail("the INIT lists IPv4-mapped IPv6 addresses %s" % mapped)


@case("12.4", "the INIT ACK does not grow with the INIT: the State Cookie holds no copy of it, so "
      "an INIT padded with a kilobyte of skipped parameter gets no bigger answer (SHOULD)",
      linux="copies the whole INIT into its State Cookie")
def init_ack_small(net, peer):
    net.listen(8000)
    sizes = []
    for tag, params in ((0x5EED0021, b""), (0x5EED0022, w.param(0x8123, bytes(1000)))):
        peer.send(w.init(tag, 1000, params=params))
        sizes.append(peer.expect(w.INIT_ACK, vtag=tag).ip.length)
    if sizes[1] - sizes[0] >= 100:
        raise Fail("INIT ACKs of %d and %d bytes: 1000 bytes more in the INIT made the answer "
                   "%d bytes bigger" % (sizes[0], sizes[1], sizes[1] - sizes[0]))
