# SPDX-License-Identifier: GPL-2.0
"""Where the stack answers an INIT, and whom it takes for the peer (RFC
9260 5.1, 5.1.2, 3.3.2.1.2, 3.3.3): the INIT ACK goes to the source
address of the INIT, whatever addresses the INIT lists; an INIT or INIT
ACK without address parameters makes its source address the
association's only destination address, whatever else the stack knew.
The peer also speaks from 192.0.2.3, a second address of its subnet.
"""
import ipaddress
import socket
import struct
import time

import wire_codec as w
from wire_peer import LOCAL4, PEER4, PEER6, Fail, accept, case, connect_nonblocking, connected

OTHER = "192.0.2.3"
TAG = 0x5EED0001
SCTP_GET_PEER_ADDRS, SCTP_SOCKOPT_CONNECTX = 108, 110


def peer_addrs(s):
    """The association's peer addresses (SCTP_GET_PEER_ADDRS), sorted; an
    IPv4-mapped one as the IPv4 address."""
    buf = s.getsockopt(w.IPPROTO_SCTP, SCTP_GET_PEER_ADDRS, 1024)
    count, at, addrs = struct.unpack_from("=I", buf, 4)[0], 8, []
    for _ in range(count):  # each a sockaddr_in or a sockaddr_in6
        family = struct.unpack_from("=H", buf, at)[0]
        if family == socket.AF_INET:
            addrs.append(socket.inet_ntoa(buf[at + 4:at + 8]))
            at += 16
            continue
        ip = ipaddress.IPv6Address(buf[at + 8:at + 24])
        addrs.append(str(ip.ipv4_mapped or ip))
        at += 28
    return sorted(addrs)


def sockaddr_in(addr, port):
    return struct.pack("=HH4s8x", socket.AF_INET, socket.htons(port), socket.inet_aton(addr))


def answered_at_source(net, peer, ctype, params):
    """An INIT from OTHER with PARAMS, to a listener, is answered by a
    packet of CTYPE to OTHER."""
    net.listen(8000)
    peer.send(w.init(TAG, 1000, params=params), src=OTHER)
    p = peer.expect(ctype, vtag=TAG)
    if p.ip.dst != OTHER:
        raise Fail("%s sent to %s; the INIT came from %s" % (w.NAMES[ctype], p.ip.dst, OTHER))


@case("5.1", "the INIT ACK goes to the source address of the INIT, not to another address the "
      "INIT lists (MUST)")
def init_ack_to_source(net, peer):
    answered_at_source(net, peer, w.INIT_ACK, w.addr_param(PEER4))


@case("3.3.2.1.2", "an INIT without address parameters makes its source address the "
      "association's only destination address (MUST)")
def init_without_addrs(net, peer):
    srv = net.listen(8000)
    peer.send(w.init(TAG, 1000), src=OTHER)
    ack = peer.expect(w.INIT_ACK, vtag=TAG).chunks[0]
    peer.send(w.cookie_echo(ack.cookie), vtag=ack.tag, src=OTHER)
    p = peer.expect(w.COOKIE_ACK, vtag=TAG)
    if p.ip.dst != OTHER:
        raise Fail("COOKIE ACK sent to %s; the peer is %s" % (p.ip.dst, OTHER))
    conn = accept(net, srv)
    if peer_addrs(conn) != [OTHER]:
        raise Fail("peer addresses %s, expected [%s] alone" % (peer_addrs(conn), OTHER))


def inits_to(peer, addr, within=1.0):
    """The stack's INITs for WITHIN s: the last one sent to ADDR."""
    found = None
    while True:
        d = peer.receive(within)
        if d is None:
            break
        if d.sctp.names() != ["INIT"]:
            raise Fail("expected INITs only, got %s" % d.sctp)
        if d.dst == addr:
            found = d.sctp
        within = 0.2
    if found is None:
        raise Fail("no INIT sent to %s" % addr)
    return found


@case("3.3.3", "an INIT ACK without address parameters makes its source address the "
      "association's only destination address: another address given to sctp_connectx() "
      "is dropped (MUST)")
def init_ack_without_addrs(net, peer):
    s = net.open_socket()
    s.setblocking(False)
    addrs = sockaddr_in(PEER4, peer.port) + sockaddr_in(OTHER, peer.port)
    try:
        s.setsockopt(w.IPPROTO_SCTP, SCTP_SOCKOPT_CONNECTX, addrs)
    except BlockingIOError:
        pass
    p = inits_to(peer, PEER4)
    init = p.chunks[0]
    peer.sut_port = p.sport
    peer.send(w.init_ack(0x5EED0002, 2000), vtag=init.tag)
    while True:
        d = peer.receive(2.0)
        if d is None:
            raise Fail("no COOKIE ECHO after the INIT ACK")
        if d.sctp.names() != ["INIT"]:
            break
    if d.sctp.names() != ["COOKIE ECHO"] or d.dst != PEER4:
        raise Fail("expected a COOKIE ECHO to %s, got %s" % (PEER4, d))
    peer.send(w.cookie_ack(), vtag=init.tag)
    connected(s, 2.0)
    if peer_addrs(s) != [PEER4]:
        raise Fail("peer addresses %s, expected [%s] alone" % (peer_addrs(s), PEER4))


@case("5.1.2", "the ABORT refusing an INIT with a Host Name Address goes to the INIT's source "
      "address, not to an address it lists (SHOULD)")
def host_name_abort_to_source(net, peer):
    hostname = w.pad4(w.tlv(w.P_HOSTNAME, b"peer.example\0", pad=False))
    answered_at_source(net, peer, w.ABORT, w.addr_param(PEER4) + hostname)


@case("3.3.2.1.5", "Host Name among an INIT's Supported Address Types is ignored: the INIT is "
      "answered as any other (MUST)")
def addr_types_host_name_ignored(net, peer):
    srv = net.listen(8000)
    kinds = w.param(w.P_ADDR_TYPES, struct.pack("!HH", w.P_IPV4, w.P_HOSTNAME))
    peer.associate(srv, params=kinds)


@case("5.1.2", "an INIT from an IPv4 address that lists an IPv6 one, with IPv6 alone among its "
      "Supported Address Types, gets an INIT ACK listing the stack's IPv4 address, no error, "
      "and both peer addresses are kept (SHOULD, SHOULD NOT)")
def other_family_than_listed(net, peer):
    srv = net.open_socket(socket.AF_INET6)
    srv.bind(("::", 8000))
    srv.listen(4)
    kinds = w.param(w.P_ADDR_TYPES, struct.pack("!H", w.P_IPV6))
    a = peer.init_exchange(params=kinds + w.addr_param(PEER6))
    ack = a.init_ack
    if w.P_UNRECOGNIZED in [t for t, _ in ack.params]:
        raise Fail("the INIT ACK reports an unrecognized parameter")
    if "192.0.2.1" not in ack.addrs:
        raise Fail("the INIT ACK lists %s, not the stack's IPv4 address 192.0.2.1" % ack.addrs)
    a.send(w.cookie_echo(ack.cookie))
    peer.expect(w.COOKIE_ACK, vtag=a.my_tag)
    conn = accept(net, srv)
    if peer_addrs(conn) != sorted([PEER4, PEER6]):
        raise Fail("peer addresses %s, expected %s and %s" % (peer_addrs(conn), PEER4, PEER6))
    deadline = time.monotonic() + 0.5
    while True:  # HEARTBEATs may go to the new address; no complaint may come
        d = peer.receive(deadline - time.monotonic())
        if d is None:
            return
        if {w.ERROR, w.ABORT} & {c.type for c in d.sctp.chunks}:
            raise Fail("%s after the setup: the INIT was in error" % d.sctp)


def answer_to(peer, ctype, within=1.0):
    """The first packet holding a chunk of CTYPE within WITHIN s, passing
    over HEARTBEATs (which may go to an address not yet confirmed)."""
    deadline = time.monotonic() + within
    while True:
        d = peer.receive(deadline - time.monotonic())
        if d is None:
            raise Fail("no %s within %.1f s" % (w.NAMES[ctype], within))
        if ctype in [c.type for c in d.sctp.chunks]:
            return d
        if d.sctp.names() != ["HEARTBEAT"]:
            raise Fail("expected %s or HEARTBEATs, got %s" % (w.NAMES[ctype], d))


def listing_other(net, peer):
    """An association whose peer listed OTHER in its INIT, which no
    HEARTBEAT has confirmed yet: (Assoc, the COOKIE ECHO)."""
    a, _ = peer.associate(net.listen(8000), params=w.addr_param(OTHER))
    return a, w.cookie_echo(a.init_ack.cookie)


@case("5.4", "the COOKIE ACK answering a COOKIE ECHO from an address not yet confirmed goes to a "
      "confirmed one (MUST NOT, MUST)")
def cookie_ack_not_to_unconfirmed(net, peer):
    a, echo = listing_other(net, peer)
    a.send(echo, src=OTHER)  # the same cookie again: case D
    d = answer_to(peer, w.COOKIE_ACK)
    if d.dst == OTHER and "HEARTBEAT" not in d.sctp.names():
        raise Fail("COOKIE ACK sent alone to %s, which is not confirmed" % OTHER)


@case("5.4", "the ERROR reporting an unrecognized chunk from an address not yet confirmed goes "
      "to a confirmed one (MUST NOT)")
def report_not_to_unconfirmed(net, peer):
    a, _ = listing_other(net, peer)
    a.send(w.chunk(0xC5, 0, b"unknown!"), src=OTHER)  # 11: skip and report
    d = answer_to(peer, w.ERROR)
    if d.dst == OTHER:
        raise Fail("ERROR sent to %s, which is not confirmed" % OTHER)


@case("5.2.1", "an INIT crossing the stack's own in COOKIE-WAIT is answered, with the tag of the "
      "stack's INIT, at the address it came from, which it lists (MUST, SHOULD)")
def collision_init_ack_to_source(net, peer):
    connect_nonblocking(net.open_socket())
    init = peer.expect_init()
    peer.send(w.init(TAG, 1000, params=w.addr_param(PEER4)))
    p = peer.expect(w.INIT_ACK, vtag=TAG)
    if p.chunks[0].tag != init.tag:
        raise Fail("INIT ACK with Initiate Tag %#x, not the stack's own INIT's %#x"
                   % (p.chunks[0].tag, init.tag))
    if p.ip.dst != PEER4:
        raise Fail("INIT ACK sent to %s; the INIT came from %s" % (p.ip.dst, PEER4))


@case("3.3.3", "an INIT ACK of more than 1500 bytes, in IP fragments, completes the setup: its "
      "State Cookie of a kilobyte is echoed whole (MUST)")
def init_ack_large(net, peer):
    s = net.open_socket()
    connect_nonblocking(s)
    init = peer.expect_init()
    cookie = bytes(range(250)) * 4
    ack = w.init_ack(0x5EED0002, 2000, cookie=cookie, params=w.param(0x8123, bytes(1200)))
    sctp = w.packet(peer.port, peer.sut_port, init.tag, ack)
    for fragment in w.ip4_fragments(PEER4, LOCAL4, sctp):
        net.write(fragment)
    echo = peer.expect(w.COOKIE_ECHO, vtag=0x5EED0002).chunks[0]
    if echo.cookie != cookie:
        raise Fail("the COOKIE ECHO carries %d bytes, not the %d-byte cookie"
                   % (len(echo.cookie or b""), len(cookie)))
    peer.send(w.cookie_ack(), vtag=init.tag)
    connected(s, 2.0)
