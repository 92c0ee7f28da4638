# SPDX-License-Identifier: GPL-2.0
"""The verification tag of packets for an association (RFC 9260 8.5,
8.5.1): a packet with another tag is discarded whole; an ABORT is taken
with the association's own tag and the T bit clear, or with the peer's
tag and the T bit set, and in no other way; a SHUTDOWN COMPLETE the same.
"""
import errno
import struct
import time

import wire_codec as w
from wire_peer import (PEER4, SCTP_NODELAY, SOL_SCTP, Fail, case, connect_nonblocking,
                       established, peer_addr_info, sack_listener, set_initmsg, set_rto)

OTHER = 0x0BAD7A60
SCTP_ASSOCINFO = 1


def still_up(peer, a, payload=b"still up"):
    """DATA with the right tag is acknowledged: the association lives."""
    a.send(a.data(payload))
    sack = peer.expect(w.SACK, vtag=a.my_tag).chunks[0]
    if sack.cum_tsn != a.last_tsn:
        raise Fail("SACK cumulative TSN %d, expected %d" % (sack.cum_tsn, a.last_tsn))


@case("8.5", "DATA with a wrong verification tag is discarded silently; with the right one it "
      "is taken (MUST)")
def wrong_tag_discarded(net, peer):
    a, _ = established(net, peer)
    stray = a.data(b"stray")
    peer.send(stray, vtag=a.their_tag ^ 1)
    peer.expect_nothing(0.5)
    a.send(stray)  # the same TSN, now with the right tag: the first DATA
    sack = peer.expect(w.SACK, vtag=a.my_tag).chunks[0]
    if sack.cum_tsn != a.last_tsn or sack.dups:
        raise Fail("SACK cum %d dups %s: the stray DATA was taken" % (sack.cum_tsn, sack.dups))


@case("8.5.1", "an ABORT with a wrong tag, or with the stack's own tag and the T bit set, is "
      "discarded (MUST)")
def abort_wrong_tag_discarded(net, peer):
    a, _ = established(net, peer)
    peer.send(w.abort(), vtag=OTHER)
    peer.send(w.abort(t=True), vtag=OTHER)
    peer.send(w.abort(t=True), vtag=a.their_tag)
    peer.expect_nothing(0.3)
    still_up(peer, a)


@case("8.5.1", "an ABORT with the peer's own tag and the T bit set ends the association (MUST)")
def abort_reflected_taken(net, peer):
    a, conn = established(net, peer)
    peer.send(w.abort(t=True), vtag=a.my_tag)
    peer.expect_nothing(0.3)
    conn.settimeout(2)
    try:
        got = conn.recv(100)
    except OSError as e:
        if e.errno != errno.ECONNRESET:
            raise Fail("recv() after the ABORT: %s, expected ECONNRESET"
                       % errno.errorcode.get(e.errno, e))
        return
    raise Fail("recv() after the ABORT returned %r, expected ECONNRESET" % got)


@case("8.5.1", "a SHUTDOWN COMPLETE with a wrong tag is discarded: T2 sends the SHUTDOWN ACK "
      "again (MUST)")
def shutdown_complete_wrong_tag(net, peer):
    srv = sack_listener(net)
    set_rto(srv, 300, 1000, 100)  # T2 runs for the RTO: 300 ms
    a, _ = peer.associate(srv)
    a.send(w.shutdown(a.their_tsn - 1))
    peer.expect(w.SHUTDOWN_ACK, vtag=a.my_tag)
    peer.send(w.shutdown_complete(), vtag=OTHER)
    peer.send(w.shutdown_complete(t=True), vtag=a.their_tag)
    peer.expect(w.SHUTDOWN_ACK, within=1.5, vtag=a.my_tag)


@case("9.1", "a packet with a HEARTBEAT and then an ABORT gets no HEARTBEAT ACK: nothing "
      "answers an ABORT (MUST)")
def no_answer_to_abort(net, peer):
    a, conn = established(net, peer)
    a.send(w.heartbeat(), w.abort())
    peer.expect_nothing(0.5)
    conn.settimeout(2)
    try:
        conn.recv(100)
    except OSError as e:
        if e.errno == errno.ECONNRESET:
            return
        raise Fail("recv() after the ABORT: %s, expected ECONNRESET"
                   % errno.errorcode.get(e.errno, e))
    raise Fail("the ABORT after the HEARTBEAT did not end the association")


@case("5.1.5", "a COOKIE ECHO in a packet whose tag or ports are not the cookie's is discarded "
      "silently; the same cookie in the right packet is taken (MUST)")
def cookie_for_another_packet(net, peer):
    sack_listener(net)
    a = peer.init_exchange()
    echo = w.cookie_echo(a.init_ack.cookie)
    peer.send(echo, vtag=a.their_tag ^ 1)
    peer.send(echo, vtag=a.their_tag, sport=peer.port + 1)
    peer.expect_nothing(0.5)
    a.send(echo)
    peer.expect(w.COOKIE_ACK, vtag=a.my_tag)


@case("5.1.3", "the cookie of an INIT ACK answering a restart's INIT does not show the "
      "association's verification tags: its Tie-Tags are a nonce (MUST NOT)",
      linux="seals the association's tags themselves as the Tie-Tags")
def restart_cookie_hides_tags(net, peer):
    a, _ = established(net, peer)
    new_tag = a.my_tag + 1
    peer.send(w.init(new_tag, 5000))  # the peer restarts
    cookie = peer.expect(w.INIT_ACK, vtag=new_tag).chunks[0].cookie
    for name, tag in (("the stack's", a.their_tag), ("the peer's", a.my_tag)):
        for order in ("!I", "<I"):
            if struct.pack(order, tag) in cookie:
                raise Fail("the cookie holds %s verification tag %#x" % (name, tag))


@case("5.2.2", "the INIT ACK answering a restart's INIT offers the association's own stream "
      "counts, not settings the socket took since (SHOULD)")
def restart_keeps_stream_counts(net, peer):
    a, conn = established(net, peer)
    outbound = a.init_ack.os
    set_initmsg(conn, ostreams=3, instreams=3)
    new_tag = a.my_tag + 1
    peer.send(w.init(new_tag, 5000))  # the peer restarts
    ack = peer.expect(w.INIT_ACK, vtag=new_tag).chunks[0]
    if ack.os != outbound:
        raise Fail("the restart's INIT ACK offers %d outbound streams; the association has %d"
                   % (ack.os, outbound))


@case("5.2.4", "a COOKIE ECHO whose tags are both the association's is taken past its lifespan "
      "(case D: the peer missed the COOKIE ACK); only a cookie whose tags differ is checked "
      "for staleness (SHOULD)")
def late_duplicate_cookie_taken(net, peer):
    srv = sack_listener(net)
    srv.setsockopt(w.IPPROTO_SCTP, SCTP_ASSOCINFO, struct.pack("=iHHIII", 0, 0, 0, 0, 0, 200))
    a, _ = peer.associate(srv)
    time.sleep(0.4)  # the cookie's 200 ms are over
    a.send(w.cookie_echo(a.init_ack.cookie))
    peer.expect(w.COOKIE_ACK, vtag=a.my_tag)


def looks_random(values):
    """None if VALUES (32-bit) are distinct, no arithmetic progression and
    not bunched within 2^24 of each other (a false alarm once in 2^40);
    else what is wrong."""
    if len(set(values)) != len(values):
        return "a value repeats"
    steps = {(b - a) & 0xFFFFFFFF for a, b in zip(values, values[1:])}
    if len(steps) == 1:
        return "they count up by %d" % steps.pop()
    if max(values) - min(values) < 1 << 24:
        return "they all lie within 2^24"
    return None


@case("5.1", "Initiate Tags and Initial TSNs, of INITs and INIT ACKs alike, are random "
      "(SHOULD: 5.1, 3.3.2, 3.3.3)")
def random_tags_and_tsns(net, peer):
    srv = sack_listener(net)
    tags, tsns = [], []
    for _ in range(3):
        a, _ = peer.associate(srv)
        tags.append(a.init_ack.tag)
        tsns.append(a.init_ack.tsn)
        a.send(w.abort())
    for _ in range(3):  # last: their INITs are retransmitted in a second
        connect_nonblocking(net.open_socket())
        init = peer.expect_init()
        tags.append(init.tag)
        tsns.append(init.tsn)
    for what, values in (("Initiate Tags", tags), ("Initial TSNs", tsns)):
        wrong = looks_random(values)
        if wrong:
            raise Fail("%s %s: %s" % (what, ["%#x" % v for v in values], wrong))


@case("5.2.4", "a restart resets the congestion window to its initial value (MUST)")
def restart_resets_cwnd(net, peer):
    a, conn = established(net, peer)
    conn.setsockopt(SOL_SCTP, SCTP_NODELAY, 1)
    initial = peer_addr_info(conn, PEER4, peer.port).cwnd
    for _ in range(5):  # cwnd or more outstanding: slow start grows it
        conn.send(b"c" * 1000)
    last = None
    for _ in range(5):
        last = peer.expect(w.DATA, vtag=a.my_tag).chunks[0].tsn
    a.send(w.sack(last))
    time.sleep(0.2)
    grown = peer_addr_info(conn, PEER4, peer.port).cwnd
    if grown <= initial:
        raise Fail("cwnd %d after a full window was acknowledged, not above %d" % (grown, initial))
    new_tag = a.my_tag + 1
    peer.send(w.init(new_tag, 5000))  # the peer restarts
    ack = peer.expect(w.INIT_ACK, vtag=new_tag).chunks[0]
    peer.send(w.cookie_echo(ack.cookie), vtag=ack.tag)
    peer.expect(w.COOKIE_ACK, vtag=new_tag)
    time.sleep(0.2)
    after = peer_addr_info(conn, PEER4, peer.port).cwnd
    if after != initial:
        raise Fail("cwnd %d after the restart; the association started with %d" % (after, initial))
