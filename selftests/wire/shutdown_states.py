# SPDX-License-Identifier: GPL-2.0
"""DATA, SACKs and the user's sends in the states around the
association's life (RFC 9260 6, 9.1, 9.2). DATA is taken in
ESTABLISHED, SHUTDOWN-PENDING and SHUTDOWN-SENT (6: MUST), and discarded
in COOKIE-WAIT, SHUTDOWN-RECEIVED and SHUTDOWN-ACK-SENT (SHOULD). A SACK
is processed in SHUTDOWN-PENDING and SHUTDOWN-RECEIVED (MUST), and
discarded in COOKIE-WAIT (SHOULD). In SHUTDOWN-SENT every packet with
DATA is answered at once by a SHUTDOWN, and by a SACK as well when the
SHUTDOWN cannot say everything: a gap or a duplicate (9.2, 6.2: MUST,
SHOULD). T2-shutdown resends the SHUTDOWN with what was received since
(9.2: MUST); the SHUTDOWN COMPLETE carries the peer's tag, T bit clear
(8.5.1: MUST). The SHUTDOWN receiver retransmits its outstanding DATA
as usual until it is acknowledged, and only then sends its SHUTDOWN ACK
(9.2: MUST). Once a shutdown has begun, the user's new sends are refused
(9.2: SHOULD): Linux's sctp.ko answers ESHUTDOWN, or EPIPE. An ABORT goes
alone, with the peer's tag (9.1: MUST).

In SHUTDOWN-SENT, sctp.ko bundles a SACK with each SHUTDOWN it sends for
DATA; xsctp sends the SACK in a packet of its own, and only when one is
due: the cases take either.
"""
import errno
import socket
import struct
import time

import wire_codec as w
from wire_peer import (SCTP_NODELAY, SOL_SCTP, Fail, Peer, case, connect_nonblocking,
                       connected, established, sack_listener, set_rto)

AT_ONCE = 0.4  # s: sooner than the 500 ms delayed-SACK timer (sack_listener())
RTO = 400  # ms: T2-shutdown's first run, where it must expire
MASK = 0xFFFFFFFF
SIZE = 1000


def has(chunks, ctype):
    return any(c.type == ctype for c in chunks)


def replies(peer, a, done, what, within=AT_ONCE):
    """The chunks of the packets the stack sends, SACKs and SHUTDOWNs only,
    with the peer's tag, until DONE(chunks) holds, within WITHIN s; WHAT
    names what is awaited."""
    chunks, deadline = [], time.monotonic() + within
    while not done(chunks):
        d = peer.receive(deadline - time.monotonic())
        if d is None:
            raise Fail("expected %s within %.1f s; got %s"
                       % (what, within, chunks or "nothing"))
        p = d.sctp
        if not p.crc_ok or p.vtag != a.my_tag:
            raise Fail("%s: bad CRC32c or verification tag, expected %#x" % (p, a.my_tag))
        if not all(c.type in (w.SACK, w.SHUTDOWN) for c in p.chunks):
            raise Fail("expected %s, got %s" % (what, p))
        chunks += p.chunks
    return chunks


def check_acks(chunks, cum, gaps=()):
    """Each SHUTDOWN and SACK acknowledges up to CUM; the SACKs report GAPS."""
    for c in chunks:
        if c.cum_tsn != cum:
            raise Fail("%s cumulative TSN ack %d, expected %d" % (c.name, c.cum_tsn, cum))
        if c.type == w.SACK and c.gaps != list(gaps):
            raise Fail("SACK Gap Ack Blocks %s, expected %s" % (c.gaps, list(gaps)))


def send_refused(conn, state):
    """9.2: a new send in STATE is refused (ESHUTDOWN, as sctp.ko; or EPIPE)."""
    try:
        conn.send(b"refused", socket.MSG_NOSIGNAL)
    except OSError as e:
        if e.errno in (errno.ESHUTDOWN, errno.EPIPE):
            return
        raise Fail("send() in %s: %s, expected ESHUTDOWN or EPIPE"
                   % (state, errno.errorcode.get(e.errno, e.errno)))
    raise Fail("send() in %s was accepted: new data after the shutdown began" % state)


def read_messages(conn, want):
    conn.settimeout(1.0)
    for m in want:
        try:
            got = conn.recv(100)
        except socket.timeout:
            raise Fail("nothing to read; expected %r" % m)
        if got != m:
            raise Fail("read %r, expected %r" % (got, m))


@case("9.2", "in SHUTDOWN-SENT, DATA is taken and answered at once by a SHUTDOWN, plus a SACK for "
      "a gap or a duplicate; T2 resends the SHUTDOWN with the TSN received since; SHUTDOWN "
      "COMPLETE with the peer's tag, T bit clear (MUST, SHOULD)")
def shutdown_sent(net, peer):
    srv = sack_listener(net)
    set_rto(srv, RTO, 2 * RTO, 100)  # T2 runs for the RTO
    a, conn = peer.associate(srv)
    a.send(a.data(b"before"))  # the first DATA: its SACK goes at once
    check_acks(peer.expect(w.SACK, vtag=a.my_tag).chunks, a.last_tsn)
    conn.shutdown(socket.SHUT_WR)
    c = a.last_tsn
    check_acks(peer.expect(w.SHUTDOWN, vtag=a.my_tag).chunks, c)
    send_refused(conn, "SHUTDOWN-SENT")
    lost = a.data(b"lost")  # TSN c + 1, held back
    after = a.data(b"after the gap")
    top = a.last_tsn
    a.send(after)
    check_acks(replies(peer, a, lambda g: has(g, w.SACK) and has(g, w.SHUTDOWN),
                       "a SACK with the gap and a SHUTDOWN"), c, gaps=[(2, 2)])
    a.send(lost)
    check_acks(replies(peer, a, lambda g: has(g, w.SHUTDOWN), "a SHUTDOWN"), top)
    a.send(after)  # a duplicate
    got = replies(peer, a, lambda g: has(g, w.SHUTDOWN) and any(
        x.type == w.SACK and x.dups for x in g), "a SACK with the duplicate and a SHUTDOWN")
    check_acks(got, top)
    for x in got:
        if x.type == w.SACK and x.dups not in ([], [top]):
            raise Fail("SACK duplicate TSNs %s, expected [%d]" % (x.dups, top))
    check_acks(replies(peer, a, lambda g: has(g, w.SHUTDOWN), "T2-shutdown's SHUTDOWN",
                       within=3 * RTO / 1000), top)
    a.send(w.shutdown_ack())
    p = peer.expect(w.SHUTDOWN_COMPLETE, within=1.0, vtag=a.my_tag)
    if p.chunks[0].flags & w.FLAG_T:
        raise Fail("SHUTDOWN COMPLETE with the T bit: the stack has a TCB, so the peer's tag "
                   "and T clear")
    read_messages(conn, [b"before", b"lost", b"after the gap"])


@case("6", "in SHUTDOWN-PENDING, DATA is still taken and SACKs still processed: the SACK of "
      "the last outstanding DATA brings the SHUTDOWN (MUST)")
def shutdown_pending(net, peer):
    a, conn = established(net, peer)
    conn.setsockopt(SOL_SCTP, SCTP_NODELAY, 1)
    conn.send(b"pending")
    t = peer.expect(w.DATA, vtag=a.my_tag).chunks[0].tsn
    conn.shutdown(socket.SHUT_WR)
    send_refused(conn, "SHUTDOWN-PENDING")
    a.send(a.data(b"still taken"))
    check_acks(peer.expect(w.SACK, vtag=a.my_tag).chunks, a.last_tsn)
    a.send(w.sack(t))
    check_acks(peer.expect(w.SHUTDOWN, within=1.0, vtag=a.my_tag).chunks, a.last_tsn)
    read_messages(conn, [b"still taken"])


@case("9.2", "in SHUTDOWN-RECEIVED and SHUTDOWN-ACK-SENT, DATA is discarded and new sends "
      "refused; T3 resends the outstanding DATA, whose SACK brings the SHUTDOWN ACK "
      "(MUST, SHOULD)")
def shutdown_received(net, peer):
    srv = sack_listener(net)
    set_rto(srv, 800, 1600, 800)  # T3 expires 800 ms after the DATA, T2 1.6 s after
    a, conn = peer.associate(srv)
    conn.setsockopt(SOL_SCTP, SCTP_NODELAY, 1)
    conn.send(b"outstanding")
    t = peer.expect(w.DATA, vtag=a.my_tag).chunks[0].tsn
    a.send(w.shutdown((t - 1) & MASK))
    send_refused(conn, "SHUTDOWN-RECEIVED")
    a.send(a.data(b"discarded"))
    peer.expect_nothing(0.4)  # no SACK for it; no SHUTDOWN ACK: DATA is outstanding
    p = peer.expect(w.DATA, within=2.0, vtag=a.my_tag)
    if p.chunks[0].tsn != t:
        raise Fail("T3 sent TSN %d, expected the outstanding %d again" % (p.chunks[0].tsn, t))
    a.send(w.sack(t))
    peer.expect(w.SHUTDOWN_ACK, within=1.0, vtag=a.my_tag)
    a.send(a.data(b"too late"))
    peer.expect_nothing(0.4)  # no SACK for it
    send_refused(conn, "SHUTDOWN-ACK-SENT")
    conn.setblocking(False)
    try:
        got = conn.recv(100)
    except BlockingIOError:
        return
    if got:
        raise Fail("read %r: DATA sent after the peer's SHUTDOWN was delivered" % got)


@case("6", "a SACK or DATA chunk in COOKIE-WAIT is discarded, and the setup goes on (SHOULD)")
def cookie_wait(net, peer):
    s = net.open_socket()
    connect_nonblocking(s)
    init = peer.expect_init()
    # Were it processed, a SACK of the Initial TSN, which the stack has not
    # sent, would abort the association (12.4).
    peer.send(w.sack(init.tsn), vtag=init.tag)
    peer.send(w.data(2000, b"early"), vtag=init.tag)
    peer.expect_nothing(0.5)
    a = peer.answer_init(init, tsn=2000)
    connected(s, 2.0)
    a.send(a.data(b"after"))  # TSN 2000 again
    sack = peer.expect(w.SACK, vtag=a.my_tag).chunks[0]
    if sack.cum_tsn != a.last_tsn or sack.dups:
        raise Fail("SACK cum %d dups %s, expected %d and none: the DATA sent in COOKIE-WAIT "
                   "was kept" % (sack.cum_tsn, sack.dups, a.last_tsn))
    read_messages(s, [b"after"])


@case("9.1", "an ABORT goes alone, with the peer's tag and the T bit clear, though DATA waits "
      "to be sent (MUST, MUST NOT)")
def abort_alone(net, peer):
    a, conn = established(net, peer)
    conn.setsockopt(SOL_SCTP, SCTP_NODELAY, 1)
    conn.send(b"a" * SIZE)
    t = peer.expect(w.DATA, vtag=a.my_tag).chunks[0].tsn
    a.send(w.sack((t - 1) & MASK, a_rwnd=0))
    conn.send(b"b" * SIZE)
    peer.expect_nothing(0.3)  # held: a window of 0, DATA outstanding (6.1 A)
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    conn.close()
    p = peer.expect(w.ABORT, within=1.0, vtag=a.my_tag)
    if p.chunks[0].flags & w.FLAG_T:
        raise Fail("ABORT with the T bit: the stack knows the peer's tag")


def chunks_until(peer, a, done, what, within=1.0):
    """The chunks of the packets the stack sends with the peer's tag A.my_tag
    until DONE(chunks) holds, within WITHIN s; WHAT names what is awaited."""
    chunks, deadline = [], time.monotonic() + within
    while not done(chunks):
        d = peer.receive(deadline - time.monotonic())
        if d is None:
            raise Fail("expected %s within %.1f s; got %s" % (what, within, chunks or "nothing"))
        if d.sctp.vtag != a.my_tag:
            raise Fail("%s: verification tag %#x, expected %#x" % (d.sctp, d.sctp.vtag, a.my_tag))
        chunks += d.sctp.chunks
    return chunks


@case("5.2.4", "a peer that restarts in SHUTDOWN-ACK-SENT gets the SHUTDOWN ACK again and an "
      "ERROR with a Cookie Received While Shutting Down cause, not a new association "
      "(MUST NOT, MUST)")
def restart_in_shutdown_ack_sent(net, peer):
    a, conn = established(net, peer)
    new_tag = a.my_tag + 1
    peer.send(w.init(new_tag, 5000))  # the peer restarts
    ack = peer.expect(w.INIT_ACK, vtag=new_tag).chunks[0]
    a.send(w.shutdown((a.their_tsn - 1) & MASK))
    peer.expect(w.SHUTDOWN_ACK, vtag=a.my_tag)
    peer.send(w.cookie_echo(ack.cookie), vtag=ack.tag)
    got = chunks_until(peer, a, lambda g: has(g, w.SHUTDOWN_ACK) and has(g, w.ERROR),
                       "a SHUTDOWN ACK and an ERROR")
    for c in got:
        if c.type not in (w.SHUTDOWN_ACK, w.ERROR):
            raise Fail("%s after a COOKIE ECHO in SHUTDOWN-ACK-SENT: a new association"
                       % c.name)
        if c.type == w.ERROR and c.cause_codes() != [w.C_COOKIE_IN_SHUTDOWN]:
            raise Fail("ERROR with causes %s, expected Cookie Received While Shutting Down (%d)"
                       % (c.cause_codes(), w.C_COOKIE_IN_SHUTDOWN))
    a.send(w.shutdown_complete())
    peer.expect_nothing(0.3)


@case("6", "a SACK in SHUTDOWN-SENT or SHUTDOWN-ACK-SENT is discarded: even one acknowledging "
      "a TSN never sent ends nothing (SHOULD)")
def sack_after_shutdown_discarded(net, peer):
    srv = sack_listener(net)
    a, conn = peer.associate(srv)
    conn.shutdown(socket.SHUT_WR)
    peer.expect(w.SHUTDOWN, vtag=a.my_tag)
    a.send(w.sack((a.their_tsn + 5) & MASK))
    peer.expect_nothing(0.3)
    a.send(w.shutdown_ack())
    peer.expect(w.SHUTDOWN_COMPLETE, vtag=a.my_tag)
    b, _ = Peer(net, port=peer.port + 1).associate(srv)
    b.send(w.shutdown((b.their_tsn - 1) & MASK))
    b.peer.expect(w.SHUTDOWN_ACK, vtag=b.my_tag)
    b.send(w.sack((b.their_tsn + 5) & MASK))
    b.peer.expect_nothing(0.3)
    b.send(w.shutdown_complete())
    b.peer.expect_nothing(0.3)
