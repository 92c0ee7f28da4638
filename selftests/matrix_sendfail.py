# SPDX-License-Identifier: GPL-2.0
"""Errno-matrix cases for SCTP_SEND_FAILED and SCTP_SEND_FAILED_EVENT
(imported by matrix_events.py): the messages an association could not
deliver, told back when it ends, field by field as Linux's sctp.ko tells
them. The peer is made deaf by an nft rule dropping what is sent to it,
so what was sent stays unacknowledged."""
import errno
import hashlib
import socket
import struct
import subprocess

SCTP = 132
RTOINFO, ASSOCINFO, INITMSG, NODELAY, EVENTS, MAXSEG = 0, 1, 2, 3, 11, 13
EVENT = 127
SNDRCV = 1
ASSOC_CHANGE, SEND_FAILED, SEND_FAILED_EVENT = 0x8001, 0x8003, 0x800d
SCTP_ABORT = 4
MSG_NOTIFICATION = 0x8000
NFT_TABLE = "xsctp_sendfail"


def deafen(port):
    """Drop every packet sent to @port (the peer hears nothing more)."""
    subprocess.run(["nft", "-f", "-"], check=True, input=(
        "table inet %s {\n chain out {\n  type filter hook output priority 0;\n"
        "  sctp dport %d drop\n }\n}\n" % (NFT_TABLE, port)).encode())


def undeafen():
    subprocess.run(["nft", "delete", "table", "inet", NFT_TABLE], check=False,
                   stderr=subprocess.DEVNULL)


def sctp_event(etype, on=1):
    return struct.pack("=iHBx", 0, etype, on)


def subscribe(s, how):
    """@how: "EVENTS" (byte 3: SEND_FAILED), "EVENTS14" (byte 13 too:
    SEND_FAILED_EVENT), "EVENT" (SCTP_EVENT, SEND_FAILED_EVENT) or
    "both" (SCTP_EVENT, each); association changes always."""
    if how == "EVENTS":
        s.setsockopt(SCTP, EVENTS, bytes([0, 1, 0, 1]))
    elif how == "EVENTS14":
        s.setsockopt(SCTP, EVENTS, bytes([0, 1, 0, 0] + [0] * 9 + [1]))
    else:
        s.setsockopt(SCTP, EVENT, sctp_event(ASSOC_CHANGE))
        if how == "both":
            s.setsockopt(SCTP, EVENT, sctp_event(SEND_FAILED))
        s.setsockopt(SCTP, EVENT, sctp_event(SEND_FAILED_EVENT))


def fast_timers(s, maxrxt):
    """RTO 100-200 ms, @maxrxt retransmissions before the association is
    lost; NODELAY, so each message goes at once."""
    s.setsockopt(SCTP, RTOINFO, struct.pack("=iIII", 0, 100, 200, 100))
    s.setsockopt(SCTP, ASSOCINFO, struct.pack("=iHHIII", 0, maxrxt, 0, 0, 0, 0))
    s.setsockopt(SCTP, NODELAY, 1)


def payload(d):
    if len(d) <= 16:
        return repr(d)
    return "%d bytes md5 %s" % (len(d), hashlib.md5(d).hexdigest()[:8])


def describe(data, mflags, ids):
    """One notification as a line; @ids maps association ids to names
    (the first seen is "A") so that lines do not depend on their values."""
    def name(i):
        return ids.setdefault(i, "A%d" % len(ids)) if i else "0"
    typ, fl, length = struct.unpack_from("=HHI", data)
    flags = "-" if mflags & MSG_NOTIFICATION else "DATA"
    if typ == ASSOC_CHANGE:
        state, err, _, _, aid = struct.unpack_from("=HHHHi", data, 8)
        return "ASSOC_CHANGE state %d error %#x len %d id %s %s" % (
            state, err, length, name(aid), flags)
    if typ == SEND_FAILED:
        err, sid, ssn, sfl, ppid, ctx, ttl, tsn, cum, iid, aid = \
            struct.unpack_from("=IHHHxxIIIIIii", data, 8)
        return "SEND_FAILED flags %d error %#x len %d (read %d) sid %d ssn %d " \
            "flags %#x ppid %#x context %d ttl %d tsn %d cumtsn %d info id %s " \
            "id %s data %s %s" % (
                fl, err, length, len(data), sid, ssn, sfl, ppid, ctx, ttl, tsn,
                cum, name(iid), name(aid), payload(data[48:]), flags)
    if typ == SEND_FAILED_EVENT:
        err, sid, sfl, ppid, ctx, iid, aid = struct.unpack_from("=IHHIIii", data, 8)
        return "SEND_FAILED_EVENT flags %d error %#x len %d (read %d) sid %d " \
            "flags %#x ppid %#x context %d info id %s id %s data %s %s" % (
                fl, err, length, len(data), sid, sfl, ppid, ctx, name(iid),
                name(aid), payload(data[32:]), flags)
    return "type %#x len %d %s" % (typ, length, flags)


def read_all(show, case, s, ids):
    """Every notification queued on @s, the first waited for: one case line
    each, then what a further read gives."""
    s.settimeout(10)
    n = 0
    while True:
        try:
            data, _, mflags, _ = s.recvmsg(70000)
        except OSError as e:
            show("%s, then" % case, "timeout" if isinstance(e, socket.timeout)
                 else errno.errorcode.get(e.errno, str(e.errno)))
            return
        s.settimeout(0)         # the rest is queued already
        n += 1
        show("%s, note %d" % (case, n), describe(data, mflags, ids))


def sndrcv(sid=0, flags=0, ppid=0, context=0, ttl=0, aid=0):
    return [(SCTP, SNDRCV, struct.pack("=HHHxxIIIIIi", sid, 0, flags, ppid,
                                       context, ttl, 0, 0, aid))]


def deaf_pair(tcp, local, port, kind, how, maxrxt=10, maxseg=0):
    """A client of @kind subscribed by @how, associated with a one-to-one
    listener on @local:@port that hears nothing more once it is up.
    Returns the client, the accepted socket, the listener and ids."""
    lst = tcp()
    lst.bind((local, port))
    lst.listen(1)
    c = tcp(kind)
    subscribe(c, how)
    fast_timers(c, maxrxt)
    if maxseg:
        c.setsockopt(SCTP, MAXSEG, maxseg)
    c.connect((local, port))
    a, _ = lst.accept()
    c.settimeout(10)
    data, _, _, _ = c.recvmsg(256)
    ids = {}
    describe(data, MSG_NOTIFICATION, ids)      # COMM_UP names the association
    deafen(port)
    return c, a, lst, ids


def send_three(c, aid, to):
    """Three messages: on two streams with a context and a PPID, then one
    with no cmsg (to its address, on a one-to-many socket)."""
    c.sendmsg([b"one"], sndrcv(sid=1, ppid=0x11223344, context=7, aid=aid))
    c.sendmsg([b"second!"], sndrcv(sid=2, flags=1, ppid=2, context=8, aid=aid))
    if c.type == socket.SOCK_SEQPACKET:
        c.sendto(b"third message, no cmsg", to)
    else:
        c.send(b"third message, no cmsg")


def first_id(ids):
    return next(iter(ids))


def peer_abort_cases(show, tcp, local, port):
    """The peer aborts (close with SO_LINGER 0): COMM_LOST with its cause,
    then each message sent but unacknowledged."""
    for kind, how in ((socket.SOCK_SEQPACKET, "EVENTS"),
                      (socket.SOCK_STREAM, "EVENT"),
                      (socket.SOCK_SEQPACKET, "both"),
                      (socket.SOCK_SEQPACKET, "EVENTS14")):
        c, a, lst, ids = deaf_pair(tcp, local, port, kind, how)
        send_three(c, first_id(ids) if kind == socket.SOCK_SEQPACKET else 0,
                   (local, port))
        a.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        a.close()
        case = "send failed after the peer's ABORT, %s, %s" % (
            "one-to-many" if kind == socket.SOCK_SEQPACKET else "one-to-one", how)
        read_all(show, case, c, ids)
        undeafen()
        c.close()
        lst.close()
        port += 1
    return port


def user_abort_cases(show, tcp, local, port):
    """SCTP_ABORT from our user (one-to-many): COMM_LOST, User-Initiated
    Abort, then what was sent."""
    c, a, lst, ids = deaf_pair(tcp, local, port, socket.SOCK_SEQPACKET, "both")
    aid = first_id(ids)
    send_three(c, aid, (local, port))
    c.sendmsg([b""], sndrcv(flags=SCTP_ABORT, aid=aid))
    read_all(show, "send failed after SCTP_ABORT", c, ids)
    undeafen()
    for x in (c, a, lst):
        x.close()


def comm_lost_cases(show, tcp, local, port):
    """Retransmissions run out (Association.Max.Retrans 1): COMM_LOST,
    error 0; a message cut in three comes back as three chunks."""
    c, a, lst, ids = deaf_pair(tcp, local, port, socket.SOCK_SEQPACKET,
                               "EVENTS", maxrxt=1, maxseg=600)
    aid = first_id(ids)
    c.sendmsg([bytes(range(256)) * 6], sndrcv(sid=3, ppid=9, aid=aid))
    c.sendmsg([b"small"], sndrcv(sid=3, flags=1, aid=aid))
    read_all(show, "send failed after retransmissions ran out", c, ids)
    undeafen()
    for x in (c, a, lst):
        x.close()


def closed_cases(show, tcp, local, port):
    """A one-to-one socket closed (SO_LINGER 0) with messages sent and
    unacknowledged: nobody reads about them; they are freed (kmemleak on
    the debug kernel)."""
    c, a, lst, _ = deaf_pair(tcp, local, port, socket.SOCK_STREAM, "both")
    send_three(c, 0, None)
    c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    try:
        c.close()
        show("send failed, one-to-one closed with unacknowledged data", "ok")
    except OSError as e:
        show("send failed, one-to-one closed with unacknowledged data",
             errno.errorcode.get(e.errno, str(e.errno)))
    undeafen()
    for x in (a, lst):
        x.close()


def unsent_cases(show, tcp, local, silent, port):
    """Never sent: queued during setup to an address that does not answer
    (CANT_STR_ASSOC once T1 runs out, then the message), and on a stream
    the peer did not grant (Invalid Stream Identifier, before COMM_UP)."""
    m = tcp(socket.SOCK_SEQPACKET)
    subscribe(m, "both")
    m.setsockopt(SCTP, INITMSG, struct.pack("=4H", 0, 0, 1, 200))
    m.setsockopt(SCTP, RTOINFO, struct.pack("=iIII", 0, 100, 200, 100))
    m.sendmsg([b"never"], sndrcv(sid=1, ppid=5), 0, (silent, port))
    read_all(show, "send failed, queued while T1 ran out", m, {})
    m.close()
    lst = tcp()
    lst.setsockopt(SCTP, INITMSG, struct.pack("=4H", 0, 2, 0, 0))
    lst.bind((local, port))
    lst.listen(1)
    m = tcp(socket.SOCK_SEQPACKET)
    subscribe(m, "EVENTS")
    m.sendmsg([b"stream 5"], sndrcv(sid=5, ppid=6), 0, (local, port))
    m.sendmsg([b"stream 1"], sndrcv(sid=1, ppid=7), 0, (local, port))
    read_all(show, "send failed, a stream not granted", m, {})
    for x in (m, lst):
        x.close()


def send_failed_cases(show, tcp, local, silent, port):
    try:
        port = peer_abort_cases(show, tcp, local, port)
        user_abort_cases(show, tcp, local, port)
        comm_lost_cases(show, tcp, local, port + 1)
        unsent_cases(show, tcp, local, silent, port + 2)
        closed_cases(show, tcp, local, port + 3)
    finally:
        undeafen()
