# SPDX-License-Identifier: GPL-2.0
"""Parameters of a type the stack does not know, in an INIT (RFC 9260
3.2.1, 3.2.2, 3.3.3): the upper two bits of the type say what to do. 00:
stop processing the chunk's parameters; 01: the same, and report it; 10:
skip it; 11: skip it and report it. The INIT is answered all the same,
and each one reported comes back in the INIT ACK as an Unrecognized
Parameter quoting it whole; in an INIT ACK, they come back in an ERROR
bundled after the COOKIE ECHO. The types used are unassigned: 0x00fe,
0x40fe, 0x80fe, 0xc0fe.
"""
import wire_codec as w
from wire_peer import Fail, case, connect_nonblocking

STOP, STOP_REPORT, SKIP, SKIP_REPORT = 0x00FE, 0x40FE, 0x80FE, 0xC0FE


def unrecognized(ack):
    return [v for t, v in ack.params if t == w.P_UNRECOGNIZED]


def quoted_as(got, sent):
    """GOT quotes the parameter SENT (as sent, padded) whole: with or
    without its padding."""
    length = int.from_bytes(sent[2:4], "big")
    return got in (sent[:length], sent)


def init_ack_reports(net, peer, params, reported):
    """An INIT with PARAMS is answered by an INIT ACK whose Unrecognized
    Parameters quote exactly REPORTED, in order."""
    net.listen(8000)
    got = unrecognized(peer.init_exchange(params=b"".join(params)).init_ack)
    if len(got) != len(reported) or not all(map(quoted_as, got, reported)):
        raise Fail("Unrecognized Parameters %s, expected %s" % (got, reported))


@case("3.2.2", "unknown INIT parameters of types 11 and 10: the first reported in the "
      "INIT ACK, whole, the second skipped silently (MUST)")
def skip_and_report(net, peer):
    report = w.param(SKIP_REPORT, b"report me")
    init_ack_reports(net, peer, [w.param(SKIP, b"quiet"), report], [report])


@case("3.2.2", "an unknown INIT parameter of type 01 is reported and ends the walk: the "
      "ones after it are not reported (MUST)")
def stop_and_report(net, peer):
    first = w.param(STOP_REPORT, b"stop here")
    init_ack_reports(net, peer, [first, w.param(SKIP_REPORT, b"not reached")], [first])


@case("3.2.2", "an unknown INIT parameter of type 00 ends the walk silently: the INIT is "
      "answered, nothing reported")
def stop_silently(net, peer):
    init_ack_reports(net, peer, [w.param(STOP, b"stop"), w.param(SKIP_REPORT, b"not reached")],
                     [])


@case("3.2.2", "unknown INIT ACK parameters asking to be reported: an ERROR with Unrecognized "
      "Parameters quoting them, bundled after the COOKIE ECHO, which comes first (SHOULD, MUST)")
def init_ack_reported(net, peer):
    connect_nonblocking(net.open_socket())
    init = peer.expect_init()
    report = w.param(SKIP_REPORT, b"report me")
    peer.send(w.init_ack(0x5EED0002, 2000, params=w.param(SKIP, b"quiet") + report),
              vtag=init.tag)
    err = peer.expect(w.COOKIE_ECHO, w.ERROR, vtag=0x5EED0002).chunks[1]
    if len(err.causes) != 1 or err.causes[0][0] != w.C_UNRECOGNIZED_PARAMS or \
            not quoted_as(err.causes[0][1], report):
        raise Fail("ERROR causes %s, expected Unrecognized Parameters quoting %s"
                   % (err.causes, report))
