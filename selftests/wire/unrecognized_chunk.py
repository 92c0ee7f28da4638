# SPDX-License-Identifier: GPL-2.0
"""Chunks of a type the stack does not know (RFC 9260 3.2): the upper two
bits of the type say what to do. 00: stop processing the packet; 01: the
same, and report it; 10: skip it; 11: skip it and report it. A report is
an ERROR with an Unrecognized Chunk Type cause quoting the chunk whole
(3.3.10.6), bundled ahead of the SACK when the packet also brings DATA.
The types used are unassigned: 0x3e, 0x7e, 0xbe, 0xfe.
"""
import wire_codec as w
from wire_peer import Fail, case, established

STOP, STOP_REPORT, SKIP, SKIP_REPORT = 0x3E, 0x7E, 0xBE, 0xFE



def reports(p, unknown):
    """P's ERROR quotes the chunk UNKNOWN (as sent, padded), whole, as its
    first cause: with or without the padding, which 3.3.10.6 leaves open
    (xsctp quotes the chunk's length, Linux the padded chunk)."""
    err = p.first(w.ERROR)
    length = int.from_bytes(unknown[2:4], "big")
    quotes = [(w.C_UNRECOGNIZED_CHUNK, unknown[:length]), (w.C_UNRECOGNIZED_CHUNK, unknown)]
    if err.causes[:1] not in ([q] for q in quotes):
        raise Fail("ERROR causes %s, expected Unrecognized Chunk Type quoting %s"
                   % (err.causes, unknown[:length].hex()))


def delivered(conn, payload):
    conn.settimeout(2)
    got = conn.recv(100)
    if got != payload:
        raise Fail("read %r, expected %r" % (got, payload))


@case("3.2", "an unknown chunk of type 11xxxxxx is skipped and reported: ERROR ahead of "
      "the SACK, the DATA after it taken")
def skip_and_report(net, peer):
    a, conn = established(net, peer)
    unknown = w.chunk(SKIP_REPORT, 0x5A, b"abcdef")
    a.send(unknown, a.data(b"after"))
    p = peer.expect(w.ERROR, w.SACK, vtag=a.my_tag)
    reports(p, unknown)
    if p.chunks[1].cum_tsn != a.last_tsn:
        raise Fail("SACK cum TSN %d: the DATA after the unknown chunk not taken"
                   % p.chunks[1].cum_tsn)
    delivered(conn, b"after")


@case("3.2", "an unknown chunk of type 11xxxxxx alone is reported in an ERROR of its own")
def report_alone(net, peer):
    a, _ = established(net, peer)
    unknown = w.chunk(SKIP_REPORT, 0, b"\x01\x02\x03\x04")
    a.send(unknown)
    reports(peer.expect(w.ERROR, vtag=a.my_tag), unknown)


@case("3.2", "an unknown chunk of type 01xxxxxx stops the packet and is reported: the DATA "
      "after it is not taken")
def stop_and_report(net, peer):
    a, _ = established(net, peer)
    unknown = w.chunk(STOP_REPORT, 0, b"\x01\x02\x03\x04")
    a.send(unknown, a.data(b"dropped"))
    reports(peer.expect(w.ERROR, vtag=a.my_tag), unknown)
    peer.expect_nothing(0.7)     # no SACK: the DATA was never read


@case("3.2", "an unknown chunk of type 10xxxxxx is skipped silently, the DATA after it taken")
def skip(net, peer):
    a, conn = established(net, peer)
    a.send(w.chunk(SKIP, 0, b"\x01\x02\x03\x04"), a.data(b"after"))
    s = peer.expect(w.SACK, vtag=a.my_tag).chunks[0]
    if s.cum_tsn != a.last_tsn:
        raise Fail("SACK cum TSN %d: the DATA not taken" % s.cum_tsn)
    delivered(conn, b"after")


@case("3.2", "an unknown chunk of type 00xxxxxx stops the packet silently: nothing comes back")
def stop(net, peer):
    a, _ = established(net, peer)
    a.send(w.chunk(STOP, 0, b"\x01\x02\x03\x04"), a.data(b"dropped"))
    peer.expect_nothing(0.7)
