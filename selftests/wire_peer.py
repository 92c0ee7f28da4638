# SPDX-License-Identifier: GPL-2.0
"""The conformance scripts' world: a network namespace of their own with a
tun device, the stack under test's sockets in it, and a scripted peer.

    with Net() as net:                  # unshare(CLONE_NEWNET), tun0 up
        peer = Peer(net)                # 192.0.2.2:5001, no SCTP stack
        srv = net.listen(8000)          # a socket of the stack under test
        a = peer.associate(srv)         # INIT, INIT ACK, COOKIE ECHO, ...
        peer.send(a.data(b"x"))
        sack = peer.expect(SACK, within=...)

The stack's side has the addresses 192.0.2.1/24 and 2001:db8::1/64 on
tun0; anything it sends into those subnets arrives at the peer, which
reads it from the tun device as IP datagrams, and writes its own packets
there as if they came from 192.0.2.2 (or any address of the subnets).
The peer has no SCTP stack: what it sends is what the script says, what
it expects is checked chunk by chunk (Fail when it differs).
"""
import collections
import ctypes
import errno
import fcntl
import os
import select
import socket
import struct
import time

import wire_codec as w

CLONE_NEWNET = 0x40000000
TUNSETIFF = 0x400454CA
IFF_TUN, IFF_NO_PI, IFF_UP = 0x0001, 0x1000, 0x1
SIOCGIFFLAGS, SIOCSIFFLAGS = 0x8913, 0x8914
SIOCSIFADDR, SIOCSIFNETMASK = 0x8916, 0x891C

SOL_SCTP = 132
SCTP_RTOINFO, SCTP_INITMSG, SCTP_NODELAY, SCTP_DELAYED_SACK = 0, 2, 3, 16
SCTP_EVENT = 127
SCTP_GET_PEER_ADDR_INFO = 15
SCTP_ASSOC_CHANGE = 0x8001

LOCAL4, PEER4 = "192.0.2.1", "192.0.2.2"
LOCAL6, PEER6 = "2001:db8::1", "2001:db8::2"

_libc = ctypes.CDLL(None, use_errno=True)


class Fail(AssertionError):
    """What the stack did differs from what the script expects."""


CASES = []


def case(section, what, linux=None):
    """Declares a conformance case (wire_run.py runs them): RFC 9260
    SECTION requires WHAT; LINUX says what sctp.ko does instead, if it
    does not conform."""
    def declare(fn):
        fn.section, fn.what, fn.linux = section, what, linux
        fn.script = fn.__module__
        CASES.append(fn)
        return fn
    return declare


def _ifreq(name, fmt="", *values):
    return struct.pack("16s" + fmt, name.encode(), *values).ljust(40, b"\0")


def _sysctl(path, value):
    with open("/proc/sys/" + path, "w") as f:
        f.write(str(value))


class Net:
    """A new network namespace for this process, with tun0 and lo up."""

    def __enter__(self):
        if _libc.unshare(CLONE_NEWNET) != 0:
            err = ctypes.get_errno()
            raise OSError(err, "unshare(CLONE_NEWNET): " + os.strerror(err))
        self.sockets = []
        self.tun = os.open("/dev/net/tun", os.O_RDWR | os.O_CLOEXEC)
        fcntl.ioctl(self.tun, TUNSETIFF, _ifreq("tun0", "H", IFF_TUN | IFF_NO_PI))
        # IPv6 addresses usable at once: no duplicate address detection,
        # and no router solicitations to read past.
        _sysctl("net/ipv6/conf/tun0/accept_dad", 0)
        _sysctl("net/ipv6/conf/tun0/router_solicitations", 0)
        ctl = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        try:
            for name in ("lo", "tun0"):
                fcntl.ioctl(ctl, SIOCSIFFLAGS, _ifreq(name, "H", IFF_UP))
            fcntl.ioctl(ctl, SIOCSIFADDR, _ifreq("tun0", "HH4s", socket.AF_INET, 0,
                                                 socket.inet_aton(LOCAL4)))
            fcntl.ioctl(ctl, SIOCSIFNETMASK, _ifreq("tun0", "HH4s", socket.AF_INET, 0,
                                                    socket.inet_aton("255.255.255.0")))
        finally:
            ctl.close()
        self._add_ipv6(LOCAL6, 64)
        return self

    def _add_ipv6(self, addr, prefix):
        ctl = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
        try:
            req = struct.pack("16sIi", socket.inet_pton(socket.AF_INET6, addr), prefix,
                              socket.if_nametoindex("tun0"))
            fcntl.ioctl(ctl, SIOCSIFADDR, req)
        finally:
            ctl.close()

    def __exit__(self, *exc):
        # ABORT, not SHUTDOWN: a graceful close would retransmit to the
        # silent peer for a while, and keep the namespace (and the module)
        # alive until it gave up.
        for s in self.sockets:
            try:
                s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            except OSError:
                pass
            s.close()
        os.close(self.tun)

    # -- the stack under test's sockets ------------------------------------

    def open_socket(self, family=socket.AF_INET, kind=socket.SOCK_STREAM):
        s = socket.socket(family, kind, w.IPPROTO_SCTP)
        self.sockets.append(s)
        return s

    def listen(self, port, family=socket.AF_INET, kind=socket.SOCK_STREAM, backlog=4):
        s = self.open_socket(family, kind)
        s.bind((LOCAL4 if family == socket.AF_INET else LOCAL6, port))
        s.listen(backlog)
        return s

    # -- the tun device ------------------------------------------------------

    def write(self, datagram):
        os.write(self.tun, datagram)

    def read(self, timeout):
        """The next IP datagram the stack sent, or None after TIMEOUT s."""
        if not select.select([self.tun], [], [], max(timeout, 0))[0]:
            return None
        return w.parse_ip(os.read(self.tun, 65536))


def set_delayed_sack(s, delay_ms, freq=0):
    """SCTP_DELAYED_SACK (struct sctp_sack_info) on the socket's defaults."""
    s.setsockopt(SOL_SCTP, SCTP_DELAYED_SACK, struct.pack("III", 0, delay_ms, freq))


def set_rto(s, initial, max_=0, min_=0):
    """SCTP_RTOINFO (ms) on the socket's defaults; 0 leaves one as it is."""
    s.setsockopt(SOL_SCTP, SCTP_RTOINFO, struct.pack("IIII", 0, initial, max_, min_))


def set_initmsg(s, ostreams=10, instreams=10, attempts=0, timeo=0):
    s.setsockopt(SOL_SCTP, SCTP_INITMSG, struct.pack("HHHH", ostreams, instreams,
                                                    attempts, timeo))


PeerAddrInfo = collections.namedtuple("PeerAddrInfo", "state cwnd srtt rto mtu")


def peer_addr_info(s, addr, port):
    """SCTP_GET_PEER_ADDR_INFO of the peer's IPv4 address ADDR:PORT on the
    one association of the stack's socket S."""
    sa = struct.pack("=HH4s", socket.AF_INET, socket.htons(port), socket.inet_aton(addr))
    buf = ctypes.create_string_buffer(struct.pack("=i", 0) + sa.ljust(128, b"\0"), 152)
    size = ctypes.c_uint(152)
    if _libc.getsockopt(s.fileno(), SOL_SCTP, SCTP_GET_PEER_ADDR_INFO, buf,
                        ctypes.byref(size)) < 0:
        err = ctypes.get_errno()
        raise Fail("SCTP_GET_PEER_ADDR_INFO %s: %s" % (addr, os.strerror(err)))
    return PeerAddrInfo(*struct.unpack_from("=iIIII", buf.raw, 132))


def confirm_path(peer, a, addr, within=5.0):
    """Answers the stack's first HEARTBEAT to ADDR, from ADDR, on the
    association A: that path is confirmed. Other packets are passed over."""
    deadline = time.monotonic() + within
    while True:
        d = peer.receive(deadline - time.monotonic())
        if d is None:
            raise Fail("no HEARTBEAT to %s within %.1f s" % (addr, within))
        hb = d.sctp.first(w.HEARTBEAT)
        if hb is not None and d.dst == addr:
            peer.send(w.heartbeat_ack(hb.info), vtag=a.their_tag, src=addr)
            return


def check_init(c, sent_mis=None):
    """What 3.3.2 and 3.3.3 require of an INIT or INIT ACK the stack
    sends: flags 0, an Initiate Tag other than 0, a_rwnd of at least 1500,
    stream counts other than 0 (an INIT ACK's OS no more than the MIS our
    INIT offered), no Host Name Address, not even as a Supported Address
    Type (3.3.2.1.5), no parameter twice (the address ones excepted)."""
    what = c.name
    if c.flags:
        raise Fail("%s flags %#x: reserved, sent as 0" % (what, c.flags))
    if c.tag == 0:
        raise Fail("%s with an Initiate Tag of 0" % what)
    if c.a_rwnd < 1500:
        raise Fail("%s a_rwnd %d < 1500" % (what, c.a_rwnd))
    if not c.os or not c.mis:
        raise Fail("%s OS %d MIS %d: 0 is not a stream count" % (what, c.os, c.mis))
    if sent_mis is not None and c.os > sent_mis:
        raise Fail("%s OS %d > the MIS %d our INIT offered" % (what, c.os, sent_mis))
    types = [t for t, _ in c.params if t not in (w.P_IPV4, w.P_IPV6)]
    if w.P_HOSTNAME in types:
        raise Fail("%s with a Host Name Address" % what)
    kinds = c.param(w.P_ADDR_TYPES) or b""
    if w.P_HOSTNAME in struct.unpack("!%dH" % (len(kinds) // 2), kinds[:len(kinds) // 2 * 2]):
        raise Fail("%s lists Host Name among its Supported Address Types" % what)
    twice = sorted({t for t in types if types.count(t) > 1})
    if twice:
        raise Fail("%s lists parameter(s) %s twice" % (what, twice))


class Assoc:
    """What the peer knows of one association: the tags and the TSNs."""

    def __init__(self, peer, my_tag, my_tsn, their_tag, their_tsn, init_ack=None):
        self.peer = peer
        self.my_tag, self.next_tsn = my_tag, my_tsn
        self.their_tag, self.their_tsn = their_tag, their_tsn
        self.init_ack = init_ack
        self.ssn = {}

    def data(self, payload, sid=0, ordered=True, tsn=None, flags=w.FLAG_B | w.FLAG_E):
        """A DATA chunk with the next TSN (or TSN), its stream's next SSN."""
        if tsn is None:
            tsn, self.next_tsn = self.next_tsn, (self.next_tsn + 1) & 0xFFFFFFFF
        ssn = 0
        if ordered:
            ssn = self.ssn.get(sid, 0)
            self.ssn[sid] = (ssn + 1) & 0xFFFF
        else:
            flags |= w.FLAG_U
        return w.data(tsn, payload, sid=sid, ssn=ssn, flags=flags)

    @property
    def last_tsn(self):
        return (self.next_tsn - 1) & 0xFFFFFFFF

    def send(self, *chunks, **kw):
        self.peer.send(*chunks, vtag=self.their_tag, **kw)


class Peer:
    """The scripted peer at ADDR:PORT, talking to the stack at SUT:SUT_PORT."""

    def __init__(self, net, addr=PEER4, port=5001, sut=None, sut_port=8000):
        self.net, self.addr, self.port = net, addr, port
        self.sut = sut or (LOCAL6 if ":" in addr else LOCAL4)
        self.sut_port = sut_port
        self.log = []

    def send(self, *chunks, vtag=0, src=None, dst=None, sport=None, dport=None, crc=True):
        sport = self.port if sport is None else sport
        dport = self.sut_port if dport is None else dport
        sctp = w.packet(sport, dport, vtag, *chunks, crc=crc)
        self.log.append(("sent", time.monotonic(), sctp))
        self.net.write(w.ip(src or self.addr, dst or self.sut, sctp))

    def receive(self, timeout):
        """The next SCTP packet the stack sent, as an Ip, or None."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            d = self.net.read(left)
            if d is None:
                return None
            if d.sctp is not None:
                self.log.append(("got", time.monotonic(), d.sctp))
                return d

    def expect(self, *types, within=2.0, vtag=None):
        """The next SCTP packet, which must hold exactly chunks of TYPES
        in that order, within WITHIN s; its verification tag VTAG if
        given. Returns the Packet (with .ip and .at, the monotonic time)."""
        want = [w.NAMES.get(t, str(t)) for t in types]
        d = self.receive(within)
        if d is None:
            raise Fail("expected %s within %.1f s: nothing came" % (" + ".join(want), within))
        p = d.sctp
        p.ip, p.at = d, time.monotonic()
        if not p.crc_ok:
            raise Fail("%s: bad CRC32c" % p)
        if p.names() != want:
            raise Fail("expected %s, got %s" % (" + ".join(want), p))
        if vtag is not None and p.vtag != vtag:
            raise Fail("%s: verification tag %#x, expected %#x" % (p.names(), p.vtag, vtag))
        return p

    def packets(self, seconds):
        """The stack's packets (as Ip) for SECONDS."""
        deadline = time.monotonic() + seconds
        while True:
            d = self.receive(deadline - time.monotonic())
            if d is None:
                return
            yield d

    def expect_nothing(self, seconds):
        d = self.receive(seconds)
        if d is not None:
            raise Fail("expected nothing for %.1f s, got %s" % (seconds, d.sctp))

    # -- association set-up, either way -----------------------------------

    def init_exchange(self, tag=0x5EED0001, tsn=1000, os_=10, mis=10, params=b""):
        """The peer's INIT and the stack's INIT ACK, checked: the Assoc,
        whose init_ack holds the State Cookie to echo."""
        self.send(w.init(tag, tsn, os=os_, mis=mis, params=params))
        ack = self.expect(w.INIT_ACK, vtag=tag).chunks[0]
        check_init(ack, mis)
        if ack.cookie is None:
            raise Fail("INIT ACK without a State Cookie")
        return Assoc(self, tag, tsn, ack.tag, ack.tsn, ack)

    def associate(self, listener, **init):
        """The peer sets up an association with LISTENER (INIT, INIT ACK,
        COOKIE ECHO, COOKIE ACK); returns (Assoc, accepted socket)."""
        a = self.init_exchange(**init)
        a.send(w.cookie_echo(a.init_ack.cookie))
        self.expect(w.COOKIE_ACK, vtag=a.my_tag)
        return a, accept(self.net, listener)

    def expect_init(self, within=3.0):
        """The stack's INIT (after its connect() to this peer): the INIT
        chunk; the stack's port is taken from it. The caller answers."""
        p = self.expect(w.INIT, within=within, vtag=0)
        if p.dport != self.port:
            raise Fail("INIT to port %d, not the peer's %d" % (p.dport, self.port))
        check_init(p.chunks[0])
        self.sut_port = p.sport
        return p.chunks[0]

    def answer_init(self, init_chunk, tag=0x5EED0002, tsn=2000, cookie=b"wire-peer-cookie"):
        """A regular INIT ACK, COOKIE ECHO awaited, COOKIE ACK: the Assoc."""
        self.send(w.init_ack(tag, tsn, cookie), vtag=init_chunk.tag)
        echo = self.expect(w.COOKIE_ECHO, vtag=tag)
        if echo.chunks[0].cookie != cookie:
            raise Fail("COOKIE ECHO does not echo the cookie")
        self.send(w.cookie_ack(), vtag=init_chunk.tag)
        return Assoc(self, tag, tsn, init_chunk.tag, init_chunk.tsn)


def sack_listener(net, delay_ms=500, freq=2):
    """A listener on port 8000 whose associations wait DELAY_MS for a
    delayed SACK (500 ms, the RFC's maximum: a SACK sooner was not the
    timer's) and send one every FREQ packets."""
    srv = net.listen(8000)
    set_delayed_sack(srv, delay_ms, freq)
    return srv


def established(net, peer, **sack):
    """The peer's association with a sack_listener(): (Assoc, accepted
    socket)."""
    return peer.associate(sack_listener(net, **sack))


def accept(net, listener, timeout=5):
    """The association the listener holds, on a socket of its own."""
    listener.settimeout(timeout)
    conn, _ = listener.accept()
    net.sockets.append(conn)
    return conn


def connect_nonblocking(s, addr=PEER4, port=5001):
    """connect() without waiting: EINPROGRESS is the expected answer."""
    s.setblocking(False)
    err = s.connect_ex((addr, port))
    if err not in (0, errno.EINPROGRESS):
        raise Fail("connect(): %s" % os.strerror(err))


def so_error_after(s, timeout):
    """SO_ERROR once the socket is writable or in error, within TIMEOUT s;
    None if it is neither by then."""
    p = select.poll()
    p.register(s, select.POLLOUT | select.POLLERR | select.POLLHUP)
    if not p.poll(int(timeout * 1000)):
        return None
    return s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)


def connect_fails_with(s, err, within):
    """The non-blocking connect() of S ends with ERR within WITHIN s."""
    got = so_error_after(s, within)
    if got is None:
        raise Fail("connect() still pending after %.1f s; expected %s"
                   % (within, errno.errorcode[err]))
    if got != err:
        raise Fail("connect() ended with %s, expected %s"
                   % (errno.errorcode.get(got, got) if got else "success",
                      errno.errorcode[err]))


def connected(s, within):
    got = so_error_after(s, within)
    if got != 0:
        raise Fail("connect() %s" % ("still pending" if got is None else
                                      "failed: " + errno.errorcode.get(got, str(got))))
