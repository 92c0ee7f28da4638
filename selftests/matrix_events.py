# SPDX-License-Identifier: GPL-2.0
"""Errno-matrix cases for notifications (imported by sctp_matrix.py):
SCTP_EVENTS and SCTP_EVENT, recvmsg()'s errors, and the SCTP_ASSOC_CHANGE
notifications of setup and teardown, field by field, read as Linux's
sctp.ko delivers them (msg_flags, msg_name, MSG_PEEK, partial reads);
SCTP_SEND_FAILED and SCTP_SEND_FAILED_EVENT in matrix_sendfail.py."""
import ctypes
import errno
import socket
import struct

from matrix_sendfail import send_failed_cases

SCTP = 132
EVENTS, EVENT = 11, 127
ASSOC_CHANGE = 0x8001
SENDER_DRY = 0x8009
MSG_NOTIFICATION = 0x8000
STATES = {0: "COMM_UP", 1: "COMM_LOST", 2: "RESTART", 3: "SHUTDOWN_COMP",
          4: "CANT_STR_ASSOC"}


libc = ctypes.CDLL(None, use_errno=True)


def raw_getsockopt(s, opt, data, size=None):
    """getsockopt with an input buffer (SCTP_EVENT) or a length of 0,
    which Python's getsockopt cannot express: the bytes, or the errno."""
    size = len(data) if size is None else size
    buf = ctypes.create_string_buffer(data, max(size, len(data), 1))
    n = ctypes.c_int(size)
    if libc.getsockopt(s.fileno(), SCTP, opt, buf, ctypes.byref(n)) < 0:
        e = ctypes.get_errno()
        return errno.errorcode.get(e, str(e))
    return buf.raw[:n.value]


def event_on(s, assoc_id, etype):
    r = raw_getsockopt(s, EVENT, sctp_event(assoc_id, etype))
    return r if isinstance(r, str) else struct.unpack("=iHBx", r)[2]


def subscribe(s):
    """Only association changes (byte 1 of sctp_event_subscribe)."""
    s.setsockopt(SCTP, EVENTS, bytes([0, 1]))


def subscribed_listener(sock, addr, port):
    """@sock subscribed to association changes, bound and listening."""
    subscribe(sock)
    sock.bind((addr, port))
    sock.listen(4)
    return sock


def sctp_event(assoc_id, etype, on=0):
    return struct.pack("=iHBx", assoc_id, etype, on)


def flag_names(flags):
    kinds = []
    if flags & MSG_NOTIFICATION:
        kinds.append("NOTIFICATION")
    if flags & socket.MSG_EOR:
        kinds.append("EOR")
    return "|".join(kinds) or "-"


def describe(data, flags, addr):
    """One notification as a line that does not depend on ids or ports."""
    if len(data) == 12 and struct.unpack_from("=H", data)[0] == SENDER_DRY:
        typ, fl, length = struct.unpack_from("=HHI", data)
        return "type %#x flags %d len %d (read %d) msg_flags %s" % (
            typ, fl, length, len(data), flag_names(flags))
    if len(data) < 20:
        return "%d bytes, msg_flags %s" % (len(data), flag_names(flags))
    typ, fl, length, state, err, outs, ins, aid = struct.unpack_from("=HHIHHHHi", data)
    return "type %#x flags %d len %d (read %d) %s error %#x streams %d/%d " \
        "id>0 %s cause %s msg_flags %s from %s" % (
            typ, fl, length, len(data), STATES.get(state, state), err, outs,
            ins, aid > 0, data[20:24].hex() or "-", flag_names(flags),
            addr[0] if addr else "-")


def read_note(s, size=256, flags=0):
    data, _, mflags, addr = s.recvmsg(size, 0, flags)
    return describe(data, mflags, addr)


def option_cases(show, attempt, tcp):
    s = tcp()
    show("EVENTS get 0 bytes", raw_getsockopt(s, EVENTS, b"", 0))
    show("EVENTS get 20 bytes (cut to 14), default", tuple(s.getsockopt(SCTP, EVENTS, 20)))
    show("EVENTS set 15 bytes", attempt(lambda: s.setsockopt(SCTP, EVENTS, bytes(15))))
    show("EVENTS set association", attempt(lambda: subscribe(s)))
    show("EVENTS get 2 bytes after", tuple(s.getsockopt(SCTP, EVENTS, 2)))
    show("EVENT get ASSOC_CHANGE", event_on(s, 0, ASSOC_CHANGE))
    show("EVENT get type 0x7fff", event_on(s, 0, 0x7fff))
    show("EVENT get type 0x800e", event_on(s, 0, 0x800e))
    show("EVENT get 7 bytes", raw_getsockopt(s, EVENT, sctp_event(0, ASSOC_CHANGE), 7))
    show("EVENT set 7 bytes", attempt(lambda: s.setsockopt(SCTP, EVENT, bytes(7))))
    show("EVENT set SHUTDOWN_EVENT on one-to-one, id 99", attempt(lambda: s.setsockopt(
        SCTP, EVENT, sctp_event(99, 0x8005, 1))))
    show("EVENTS get 6 bytes after", tuple(s.getsockopt(SCTP, EVENTS, 6)))
    u = tcp(socket.SOCK_SEQPACKET)
    show("EVENT set on one-to-many, unknown id", attempt(lambda: u.setsockopt(
        SCTP, EVENT, sctp_event(12345, ASSOC_CHANGE, 1))))
    show("EVENT get on one-to-many, unknown id", event_on(u, 12345, ASSOC_CHANGE))
    show("EVENT get on one-to-many, SCTP_CURRENT_ASSOC", event_on(u, 1, ASSOC_CHANGE))
    show("EVENT set on one-to-many, SCTP_ALL_ASSOC", attempt(lambda: u.setsockopt(
        SCTP, EVENT, sctp_event(2, ASSOC_CHANGE, 1))))
    show("EVENTS get on one-to-many after", tuple(u.getsockopt(SCTP, EVENTS, 14)))


def recv_error_cases(show, attempt, tcp, local, port):
    s = tcp()
    show("recv on an unconnected one-to-one socket", attempt(lambda: s.recv(64)))
    show("recv non-blocking on it", attempt(lambda: s.recv(64, socket.MSG_DONTWAIT)))
    s.bind((local, port))
    s.listen(4)
    show("recv on a one-to-one listener", attempt(lambda: s.recv(64, socket.MSG_DONTWAIT)))
    u = tcp(socket.SOCK_SEQPACKET)
    u.bind((local, port + 1))
    u.listen(4)
    show("recv non-blocking on an idle one-to-many listener",
         attempt(lambda: u.recv(64, socket.MSG_DONTWAIT)))
    s.close()
    u.close()


def active_cases(show, attempt, tcp, peer, port):
    s = tcp()
    subscribe(s)
    s.connect((peer, port))
    show("COMM_UP peeked", read_note(s, flags=socket.MSG_PEEK))
    show("COMM_UP read in 8 bytes", read_note(s, 8))
    show("COMM_UP rest", read_note(s))
    show("recv non-blocking with nothing queued", attempt(lambda: s.recv(64, socket.MSG_DONTWAIT)))
    s.close()
    s = tcp()
    subscribe(s)
    show("connect where nothing listens (subscribed)", attempt(lambda: s.connect((peer, port + 1))))
    show("CANT_STR_ASSOC after the ABORT", read_note(s))
    show("recv non-blocking after it", attempt(lambda: s.recv(64, socket.MSG_DONTWAIT)))
    m = tcp(socket.SOCK_SEQPACKET)
    subscribe(m)
    m.connect((peer, port))
    show("one-to-many COMM_UP", read_note(m))
    m.close()


def shutdown_cases(show, attempt, tcp, local, peer, port):
    s = tcp()
    s.connect((peer, port))
    show("shutdown(SHUT_WR) on a connected one-to-one socket",
         attempt(lambda: s.shutdown(socket.SHUT_WR)))
    s.close()
    s = tcp()
    s.bind((local, port + 30))
    s.listen(1)
    show("shutdown(SHUT_RDWR) on a one-to-one listener",
         attempt(lambda: s.shutdown(socket.SHUT_RDWR)))
    s.close()
    m = tcp(socket.SOCK_SEQPACKET)
    show("shutdown(SHUT_WR) on an unbound one-to-many socket",
         attempt(lambda: m.shutdown(socket.SHUT_WR)))
    m.close()


def dry_cases(show, attempt, tcp, peer, port):
    """SCTP_SENDER_DRY_EVENT: at once when subscribed with nothing to send,
    then once what was sent is acknowledged."""
    s = tcp()
    subscribe(s)
    s.connect((peer, port))
    read_note(s)                # COMM_UP
    s.settimeout(10)            # a missing notification fails, not hangs
    show("EVENT set SENDER_DRY on an idle association", attempt(
        lambda: s.setsockopt(SCTP, EVENT, sctp_event(0, SENDER_DRY, 1))))
    show("SENDER_DRY at once", attempt(lambda: read_note(s)))
    s.send(bytes(1000))
    show("SENDER_DRY once the data is acknowledged", attempt(lambda: read_note(s)))
    s.close()


def abort_by_close(s):
    """close() with SO_LINGER 0: an ABORT in Linux and in xsctp."""
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    s.close()


def passive_cases(show, attempt, tcp, local, port):
    lst = subscribed_listener(tcp(), local, port)
    c = tcp()
    c.connect((local, port))
    a, _ = lst.accept()
    show("accepted socket, COMM_UP", read_note(a))
    show("one-to-one listener after accept", attempt(lambda: lst.recv(64, socket.MSG_DONTWAIT)))
    abort_by_close(c)
    show("accepted socket, COMM_LOST after the peer's ABORT", read_note(a))
    show("accepted socket, getpeername after it", attempt(lambda: a.getpeername()[0]))
    show("accepted socket, connect after it", attempt(lambda: a.connect((local, port))))
    m = subscribed_listener(tcp(socket.SOCK_SEQPACKET), local, port + 1)
    c = tcp()
    c.connect((local, port + 1))
    show("one-to-many listener, COMM_UP", read_note(m))
    abort_by_close(c)
    show("one-to-many listener, COMM_LOST", read_note(m))
    for x in (a, lst, m):
        x.close()


def aborted_before_accept_cases(show, tcp, local, port):
    """The news of an association that ended before accept() is not handed
    to the next accepted socket."""
    lst = subscribed_listener(tcp(), local, port)
    gone = tcp()
    gone.connect((local, port))
    abort_by_close(gone)
    c = tcp()
    c.connect((local, port))
    a, _ = lst.accept()
    show("accepted after an earlier one aborted unaccepted, first note", read_note(a))
    show("accepted after an earlier one aborted unaccepted, second note", attempt_recv(a))
    for x in (a, c, lst):
        x.close()


def attempt_recv(s):
    try:
        return read_note(s, flags=socket.MSG_DONTWAIT)
    except OSError as e:
        return errno.errorcode.get(e.errno, str(e.errno))


def timeout_cases(show, attempt, tcp, silent, port):
    """T1 runs out (one attempt, RTO 100 ms): CANT_STR_ASSOC with error 0,
    on a one-to-many socket, which never sets SO_ERROR."""
    m = tcp(socket.SOCK_SEQPACKET)
    subscribe(m)
    m.setsockopt(SCTP, 2, struct.pack("=4H", 0, 0, 1, 200))  # INITMSG
    m.setsockopt(SCTP, 0, struct.pack("=iIII", 0, 100, 200, 100))  # RTOINFO
    m.setblocking(False)
    show("one-to-many connect to a silent address", attempt(lambda: m.connect((silent, port))))
    m.setblocking(True)
    show("one-to-many, T1 ran out", read_note(m))
    show("SO_ERROR after it", m.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR))
    m.close()


def ipv6_cases(show, tcp, peer, port, local6):
    """msg_name on IPv6 sockets: a v4-mapped peer, then a real IPv6 one."""
    s = tcp(fam=socket.AF_INET6)
    subscribe(s)
    s.connect(("::ffff:" + peer, port))
    show("IPv6 socket to a v4-mapped peer, COMM_UP", read_note(s))
    s.close()
    lst = subscribed_listener(tcp(socket.SOCK_SEQPACKET, socket.AF_INET6), local6, port + 50)
    c = tcp(fam=socket.AF_INET6)
    subscribe(c)
    c.connect((local6, port + 50))
    show("IPv6 client, COMM_UP", read_note(c))
    show("IPv6 one-to-many listener, COMM_UP", read_note(lst))
    c.close()
    lst.close()


def event_cases(show, attempt, tcp, local, peer, port):
    option_cases(show, attempt, tcp)
    recv_error_cases(show, attempt, tcp, local, port + 10)
    active_cases(show, attempt, tcp, peer, port)
    passive_cases(show, attempt, tcp, local, port + 20)
    shutdown_cases(show, attempt, tcp, local, peer, port)
    dry_cases(show, attempt, tcp, peer, port)
    aborted_before_accept_cases(show, tcp, local, port + 40)
    timeout_cases(show, attempt, tcp, "198.51.100.3", port)
    ipv6_cases(show, tcp, peer, port, "2001:db8::1")
    send_failed_cases(show, tcp, local, "198.51.100.3", port + 70)
