# SPDX-License-Identifier: GPL-2.0
"""The receive window as the stack advertises it (RFC 9260 6.2). The
stack's listener has a small SO_RCVBUF (Linux doubles it, and the window
the stack advertises is half the buffer: 8 or 32 KB here), and its
delayed-SACK time at 500 ms with a frequency no case reaches
(SCTP_DELAYED_SACK), so a SACK comes from the timer, or at once for an
event. The peer sends 1000-byte messages, one DATA chunk a packet, and
the socket reads only when a case says so.

DATA dropped for want of room is answered at once by a SACK that
acknowledges only what was taken (MUST, MUST NOT), and once the window
advertised is 0, new DATA beyond the highest TSN is dropped (MUST). The window never
rises while the reader frees nothing, and falls for a
fragment held for reassembly too (SHOULD NOT). When the reader frees
room the window is advertised again at once, but in updates worth
sending, not one per read (SHOULD, MUST: receiver silly window syndrome
avoidance, as in sctp.ko, which follows RFC 1122 4.2.3.3).
"""
import socket
import time

import wire_codec as w
from wire_peer import Fail, case, set_delayed_sack

SIZE = 1000
PAYLOAD = b"r" * SIZE
DELAY = 0.5  # s: the delayed-SACK time
AT_ONCE = 0.4  # s: a SACK sooner was not the delayed-SACK timer's
NOW = w.FLAG_B | w.FLAG_E | w.FLAG_I  # a whole message, acknowledged at once
MASK = 0xFFFFFFFF


def listener(net, rcvbuf):
    """A listener on port 8000 whose associations advertise RCVBUF bytes."""
    srv = net.listen(8000)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    set_delayed_sack(srv, int(DELAY * 1000), 1000)
    return srv


def sacks_until(peer, a, deadline):
    """The SACKs the stack sends, each alone, with the peer's tag, until
    DEADLINE (time.monotonic())."""
    got = []
    while True:
        left = deadline - time.monotonic()
        d = peer.receive(left) if left > 0 else None
        if d is None:
            return got
        p = d.sctp
        if p.names() != ["SACK"] or p.vtag != a.my_tag or not p.crc_ok:
            raise Fail("expected SACKs only, with tag %#x; got %s" % (a.my_tag, p))
        got.append(p.chunks[0])


def sack_reaching(peer, a, tsn, within=1.0):
    """The first SACK whose cumulative TSN ack is TSN, within WITHIN s;
    SACKs before it (window updates) are passed over."""
    deadline = time.monotonic() + within
    while True:
        d = peer.receive(deadline - time.monotonic())
        if d is None:
            raise Fail("expected a SACK acknowledging TSN %d within %.1f s" % (tsn, within))
        p = d.sctp
        if p.names() != ["SACK"] or p.vtag != a.my_tag:
            raise Fail("expected a SACK with tag %#x, got %s" % (a.my_tag, p))
        if p.chunks[0].cum_tsn == tsn:
            return p.chunks[0]


def sack_at_most(peer, a, chunk, limit, why):
    """Sends CHUNK, which has the I bit; its SACK, which must acknowledge
    it and advertise at most LIMIT bytes (WHY says why)."""
    a.send(chunk)
    s = peer.expect(w.SACK, within=1.0, vtag=a.my_tag).chunks[0]
    if s.cum_tsn != a.last_tsn:
        raise Fail("SACK cumulative TSN ack %d, expected %d" % (s.cum_tsn, a.last_tsn))
    if s.a_rwnd > limit:
        raise Fail("a_rwnd %d, expected at most %d: %s" % (s.a_rwnd, limit, why))
    return s


def read_one(conn):
    try:
        got = conn.recv(2 * SIZE)
    except socket.timeout:
        raise Fail("no message to read")
    if len(got) != SIZE:
        raise Fail("read %d bytes, expected a %d-byte message" % (len(got), SIZE))


@case("6.2", "DATA dropped for want of room is answered at once by a SACK that acknowledges only "
      "what was taken; the dropped TSN is taken when sent again (MUST, MUST NOT)")
def full_buffer_sack_at_once(net, peer):
    a, conn = peer.associate(listener(net, 8192))
    start = a.next_tsn
    a.send(a.data(PAYLOAD))
    peer.expect(w.SACK, vtag=a.my_tag)  # the first DATA: at once
    ssns, t0 = {}, time.monotonic()
    for _ in range(16):  # 17 KB in all, more than the 16 KB receive buffer
        ssns[a.next_tsn] = a.ssn.get(0, 0)
        a.send(a.data(PAYLOAD))
    # The delayed-SACK timer started with the first of them: no SACK of
    # these 400 ms is the timer's.
    sacks = sacks_until(peer, a, t0 + AT_ONCE)
    if not sacks:
        late = peer.expect(w.SACK, within=2 * DELAY, vtag=a.my_tag).chunks[0]
        if late.cum_tsn == a.last_tsn:
            raise Fail("all 17 KB taken by a 16 KB receive buffer: nothing dropped")
        raise Fail("TSN %d dropped, but its SACK came only with the delayed-SACK timer"
                   % ((late.cum_tsn + 1) & MASK))
    for s in sacks:
        if s.gaps:
            raise Fail("SACK Gap Ack Blocks %s after a drop, expected none: DATA was sent in "
                       "order, and nothing above the dropped TSN taken" % s.gaps)
    cum = sacks[-1].cum_tsn
    if cum == a.last_tsn:
        raise Fail("a SACK acknowledged all 17 KB at once: nothing dropped")
    dropped = (cum + 1) & MASK
    conn.settimeout(1.0)
    for _ in range((cum - start + 1) & MASK):
        read_one(conn)
    a.send(w.data(dropped, PAYLOAD, ssn=ssns[dropped], flags=NOW))
    s = sack_reaching(peer, a, dropped)
    if dropped in s.dups:
        raise Fail("TSN %d, sent again, is reported as a duplicate: it was taken, not dropped"
                   % dropped)


@case("6.2", "while the advertised window is 0, a DATA chunk beyond the highest TSN received is "
      "dropped, and a SACK without it goes at once (MUST)")
def zero_window_drops(net, peer):
    a, conn = peer.associate(listener(net, 8192))
    window = a.init_ack.a_rwnd
    for _ in range(64):  # far more than 16 KB of buffer can hold
        if not window:
            break
        window = sack_at_most(peer, a, a.data(PAYLOAD, flags=NOW), window,
                              "the window rose, and nothing was read").a_rwnd
    else:
        raise Fail("a_rwnd %d after 64 KB taken by a 16 KB receive buffer: the window "
                   "never closed" % window)
    taken = a.last_tsn
    a.send(a.data(PAYLOAD, flags=NOW))
    s = peer.expect(w.SACK, within=AT_ONCE, vtag=a.my_tag).chunks[0]
    if s.cum_tsn != taken or s.gaps or s.dups:
        raise Fail("after advertising a_rwnd 0, TSN %d was taken: SACK cumulative TSN ack %d, "
                   "gaps %s, duplicates %s; expected %d alone"
                   % (a.last_tsn, s.cum_tsn, s.gaps, s.dups, taken))


@case("6.2", "a_rwnd never rises while DATA, or a message's first fragment, is held; reads that "
      "free room bring a window update at once, but not one per read (SHOULD NOT, MUST, "
      "SHOULD)")
def window_updates(net, peer):
    messages = 6
    a, conn = peer.associate(listener(net, 32768))
    window = a.init_ack.a_rwnd
    for _ in range(messages):
        window = sack_at_most(peer, a, a.data(PAYLOAD, flags=NOW), window,
                              "the window rose, and nothing was read").a_rwnd
    frag = a.data(PAYLOAD, flags=w.FLAG_B | w.FLAG_I)  # the rest never comes
    held = sack_at_most(peer, a, frag, max(window - SIZE, 0),
                        "a fragment held for reassembly takes room").a_rwnd
    s = sack_at_most(peer, a, frag, held, "the fragment is still held")  # a duplicate
    if s.dups != [a.last_tsn]:
        raise Fail("SACK duplicate TSNs %s, expected [%d]" % (s.dups, a.last_tsn))
    conn.settimeout(1.0)
    read_one(conn)
    peer.expect_nothing(DELAY)  # 1000 bytes freed: too little to be worth a SACK
    for _ in range(messages - 1):
        read_one(conn)
    updates = sacks_until(peer, a, time.monotonic() + DELAY)
    if not updates:
        raise Fail("no SACK after the reader freed %d messages: the window opened unannounced"
                   % messages)
    if len(updates) >= messages - 1:
        raise Fail("%d window updates for %d reads: one a read" % (len(updates), messages - 1))
    for s in updates:
        if s.cum_tsn != a.last_tsn or s.a_rwnd <= held:
            raise Fail("window update with cumulative TSN ack %d and a_rwnd %d, expected %d "
                       "and more than the %d advertised before"
                       % (s.cum_tsn, s.a_rwnd, a.last_tsn, held))


@case("3.3.3", "once everything is read, the window advertised is the INIT ACK's a_rwnd again: "
      "the buffer behind it was not reduced (SHOULD NOT; 3.3.2 for an INIT's)")
def full_window_restored(net, peer):
    a, conn = peer.associate(listener(net, 32768))
    window = a.init_ack.a_rwnd
    for _ in range(6):
        last = a.data(PAYLOAD, flags=NOW)
        sack_at_most(peer, a, last, window, "nothing was read")
    conn.settimeout(1.0)
    for _ in range(6):
        read_one(conn)
    sacks_until(peer, a, time.monotonic() + DELAY + 0.2)  # window updates, if any
    a.send(last)  # a duplicate: answered at once, with the window as it is
    s = peer.expect(w.SACK, within=1.0, vtag=a.my_tag).chunks[0]
    if s.a_rwnd != window:
        raise Fail("a_rwnd %d with nothing held; the INIT ACK advertised %d" % (s.a_rwnd, window))
