# SPDX-License-Identifier: GPL-2.0
"""Errno-matrix cases for the socket options of data transfer (imported
by sctp_matrix.py): SCTP_DEFAULT_SEND_PARAM, SCTP_DEFAULT_SNDINFO,
SCTP_MAXSEG, SCTP_DELAYED_SACK, SCTP_CONTEXT, SCTP_MAX_BURST,
SCTP_PARTIAL_DELIVERY_POINT, SCTP_FRAGMENT_INTERLEAVE and the int
options SCTP_DISABLE_FRAGMENTS, SCTP_RECVRCVINFO and SCTP_RECVNXTINFO:
defaults, round trips, lengths, values, the deprecated forms, and which
settings an association id names (one-to-one, one-to-many, an unknown
id, SCTP_FUTURE_ASSOC, SCTP_CURRENT_ASSOC, SCTP_ALL_ASSOC). Association
ids differ from run to run and kernel to kernel: no line shows one."""
import ctypes
import errno
import socket
import struct

SCTP = 132
RTOINFO, DISABLE_FRAGMENTS, DEFAULT_SEND_PARAM, MAXSEG = 0, 8, 10, 13
DELAYED_SACK, CONTEXT, FRAGMENT_INTERLEAVE = 16, 17, 18
PARTIAL_DELIVERY_POINT, MAX_BURST = 19, 20
RECVRCVINFO, RECVNXTINFO, DEFAULT_SNDINFO = 32, 33, 34
CONNECTX = 110
FUTURE, CURRENT, ALL = 0, 1, 2
UNKNOWN = 12345           # an id no association has
UNORDERED, ADDR_OVER, ABORT, SACK_IMMEDIATELY, PR_TTL, EOF = \
    1, 2, 4, 8, 0x10, 0x200

SNDRCVINFO = "=HHH2xIIIIIi"     # stream ssn flags ppid context ttl tsn cumtsn id
SNDINFO = "=HHIIi"              # sid flags ppid context id
ASSOC_VALUE = "=iI"
SACK_INFO = "=iII"
INT = "=i"
RCVINFO_TYPE = 3

libc = ctypes.CDLL(None, use_errno=True)


def errname():
    e = ctypes.get_errno()
    return errno.errorcode.get(e, str(e))


def get(s, opt, fmt, *vals, size=None):
    """getsockopt with @vals (the first fields; the rest 0) as the input:
    the values read, with the length given back when it is not @fmt's;
    or the errno."""
    data = pack(fmt, vals)
    size = len(data) if size is None else size
    buf = ctypes.create_string_buffer(data, max(size, len(data)))
    n = ctypes.c_int(size)
    if libc.getsockopt(s.fileno(), SCTP, opt, buf, ctypes.byref(n)) < 0:
        return errname()
    out = struct.unpack_from(fmt, buf.raw)
    return out if n.value == len(data) else "optlen %d %s" % (n.value, out)


def pack(fmt, vals):
    fields = len(struct.unpack(fmt, bytes(struct.calcsize(fmt))))
    return struct.pack(fmt, *(vals + (0,) * (fields - len(vals))))


def put(s, opt, fmt, *vals, size=None):
    """setsockopt of @vals packed, cut or zero-padded to @size bytes."""
    data = struct.pack(fmt, *vals)
    if size is not None:
        data = (data + bytes(size))[:size]
    buf = ctypes.create_string_buffer(data, max(len(data), 1))
    if libc.setsockopt(s.fileno(), SCTP, opt, buf, len(data)) < 0:
        return errname()
    return "ok"


def no_id(r, pos=0):
    """A result without its association id, which varies between runs."""
    return r if isinstance(r, str) else r[:pos] + ("id",) + r[pos + 1:]


def length_cases(show, s, label, opt, fmt, vals, gets, sets):
    """Lengths other than the structure's: EINVAL, or what Linux makes
    of them."""
    for size in gets:
        show("%s get %d bytes" % (label, size), get(s, opt, fmt, size=size))
    for size in sets:
        show("%s set %d bytes" % (label, size), put(s, opt, fmt, *vals, size=size))


def connectx(s, peer, port):
    """sctp_connectx() (110) to one address: the association id."""
    sa = struct.pack("=H", socket.AF_INET) + struct.pack("!H", port) + \
        socket.inet_aton(peer) + bytes(8)
    r = libc.setsockopt(s.fileno(), SCTP, CONNECTX, ctypes.c_char_p(sa), len(sa))
    if r < 0:
        raise OSError(ctypes.get_errno(), "connectx")
    return r


def int_cases(show, tcp):
    """The int options: 0 or 1 whatever was given; exact lengths for two."""
    s = tcp()
    for opt, label in ((DISABLE_FRAGMENTS, "DISABLE_FRAGMENTS"),
                       (RECVRCVINFO, "RECVRCVINFO"), (RECVNXTINFO, "RECVNXTINFO"),
                       (FRAGMENT_INTERLEAVE, "FRAGMENT_INTERLEAVE")):
        show("%s default" % label, get(s, opt, INT))
        length_cases(show, s, label, opt, INT, (0,), (3, 8), (3, 8))
        show("%s set 2" % label, put(s, opt, INT, 2))
        show("%s after 2" % label, get(s, opt, INT))
        show("%s set -1" % label, put(s, opt, INT, -1))
        show("%s after -1" % label, get(s, opt, INT))
        show("%s set 0" % label, put(s, opt, INT, 0))
        show("%s after 0" % label, get(s, opt, INT))
    s.close()


def pd_point_cases(show, tcp):
    """At most half the receive buffer (SO_RCVBUF 65536 makes it 131072)."""
    s = tcp()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 65536)
    show("PARTIAL_DELIVERY_POINT default", get(s, PARTIAL_DELIVERY_POINT, INT))
    length_cases(show, s, "PARTIAL_DELIVERY_POINT", PARTIAL_DELIVERY_POINT, INT, (100,),
                 (3, 8), (3, 8))
    show("PARTIAL_DELIVERY_POINT set half the rcvbuf",
         put(s, PARTIAL_DELIVERY_POINT, INT, 65536))
    show("PARTIAL_DELIVERY_POINT after", get(s, PARTIAL_DELIVERY_POINT, INT))
    show("PARTIAL_DELIVERY_POINT set one more",
         put(s, PARTIAL_DELIVERY_POINT, INT, 65537))
    show("PARTIAL_DELIVERY_POINT set -1", put(s, PARTIAL_DELIVERY_POINT, INT, -1))
    show("PARTIAL_DELIVERY_POINT set 0", put(s, PARTIAL_DELIVERY_POINT, INT, 0))
    show("PARTIAL_DELIVERY_POINT after 0", get(s, PARTIAL_DELIVERY_POINT, INT))
    s.close()


def send_param_cases(show, tcp):
    s = tcp()
    show("DEFAULT_SEND_PARAM default", get(s, DEFAULT_SEND_PARAM, SNDRCVINFO))
    info = (3, 0, UNORDERED, 0x01020304, 77, 1000, 0, 0, FUTURE)
    length_cases(show, s, "DEFAULT_SEND_PARAM", DEFAULT_SEND_PARAM, SNDRCVINFO, info,
                 (31, 40), (31, 33))
    show("DEFAULT_SEND_PARAM get keeps ssn, tsn, cumtsn, id given",
         get(s, DEFAULT_SEND_PARAM, SNDRCVINFO, 0, 7, 0, 0, 0, 0, 9, 11, 77))
    for flag, label in ((SACK_IMMEDIATELY, "SACK_IMMEDIATELY"), (PR_TTL, "PR_SCTP_TTL"),
                        (0x40, "SENDALL"), (0x8000, "0x8000")):
        show("DEFAULT_SEND_PARAM set flag %s" % label, put(
            s, DEFAULT_SEND_PARAM, SNDRCVINFO, 0, 0, flag, 0, 0, 0, 0, 0, 0))
    show("DEFAULT_SEND_PARAM set", put(s, DEFAULT_SEND_PARAM, SNDRCVINFO, *info))
    show("DEFAULT_SEND_PARAM after", get(s, DEFAULT_SEND_PARAM, SNDRCVINFO))
    every = UNORDERED | ADDR_OVER | ABORT | EOF
    show("DEFAULT_SEND_PARAM set every flag allowed, on one-to-one, id 12345", put(
        s, DEFAULT_SEND_PARAM, SNDRCVINFO, 1, 0, every, 5, 6, 7, 0, 0, UNKNOWN))
    show("DEFAULT_SEND_PARAM after, id 999", get(
        s, DEFAULT_SEND_PARAM, SNDRCVINFO, 0, 0, 0, 0, 0, 0, 0, 0, 999))
    show("DEFAULT_SNDINFO sees it", get(s, DEFAULT_SNDINFO, SNDINFO))
    show("CONTEXT does not", get(s, CONTEXT, ASSOC_VALUE))
    s.close()


def sndinfo_cases(show, tcp):
    s = tcp()
    show("DEFAULT_SNDINFO default", get(s, DEFAULT_SNDINFO, SNDINFO))
    length_cases(show, s, "DEFAULT_SNDINFO", DEFAULT_SNDINFO, SNDINFO, (1, 0, 2, 3, 0),
                 (15, 20), (15, 17))
    show("DEFAULT_SNDINFO get keeps the id given", get(s, DEFAULT_SNDINFO, SNDINFO, 0, 0, 0, 0, 77))
    show("DEFAULT_SNDINFO set flag SACK_IMMEDIATELY", put(
        s, DEFAULT_SNDINFO, SNDINFO, 0, SACK_IMMEDIATELY, 0, 0, 0))
    show("DEFAULT_SEND_PARAM set ttl 500", put(
        s, DEFAULT_SEND_PARAM, SNDRCVINFO, 0, 0, 0, 0, 0, 500, 0, 0, 0))
    show("DEFAULT_SNDINFO set", put(s, DEFAULT_SNDINFO, SNDINFO, 2, EOF, 0x0a0b0c0d, 33, 0))
    show("DEFAULT_SNDINFO after", get(s, DEFAULT_SNDINFO, SNDINFO))
    show("DEFAULT_SEND_PARAM after SNDINFO (ttl kept)", get(s, DEFAULT_SEND_PARAM, SNDRCVINFO))
    s.close()


def maxseg_cases(show, tcp):
    s = tcp()
    show("MAXSEG default", get(s, MAXSEG, ASSOC_VALUE))
    show("MAXSEG default, int", get(s, MAXSEG, INT))
    length_cases(show, s, "MAXSEG", MAXSEG, ASSOC_VALUE, (0, 1000), (3, 5, 12), (3, 5, 12))
    for v in (463, 464, 1001, 65516, 65517, 0xffffffff, 0):
        show("MAXSEG set %d" % v, put(s, MAXSEG, ASSOC_VALUE, 0, v))
        show("MAXSEG after %d" % v, get(s, MAXSEG, ASSOC_VALUE))
    show("MAXSEG set int 1200", put(s, MAXSEG, INT, 1200))
    show("MAXSEG after int 1200", get(s, MAXSEG, INT))
    show("MAXSEG set int -1", put(s, MAXSEG, INT, -1))
    show("MAXSEG set on one-to-one, id 12345", put(s, MAXSEG, ASSOC_VALUE, UNKNOWN, 800))
    show("MAXSEG get on one-to-one, id 12345", get(s, MAXSEG, ASSOC_VALUE, UNKNOWN))
    s.close()
    s = tcp(fam=socket.AF_INET6)
    show("MAXSEG on IPv6, set 443", put(s, MAXSEG, ASSOC_VALUE, 0, 443))
    show("MAXSEG on IPv6, set 444", put(s, MAXSEG, ASSOC_VALUE, 0, 444))
    s.close()


def delayed_sack_cases(show, tcp):
    s = tcp()
    show("DELAYED_SACK default", get(s, DELAYED_SACK, SACK_INFO))
    show("DELAYED_SACK default, assoc_value", get(s, DELAYED_SACK, ASSOC_VALUE))
    length_cases(show, s, "DELAYED_SACK", DELAYED_SACK, SACK_INFO, (0, 300, 3),
                 (4, 7, 10, 16), (4, 7, 11, 13))
    steps = ((501, 0, "delay 501"), (500, 0, "delay 500"), (0, 0, "delay 0, freq 0"),
             (0, 1, "freq 1"), (300, 0, "delay 300 after freq 1"),
             (0, 1, "freq 1 again"), (0, 5, "freq 5 after freq 1"),
             (240, 1, "delay 240, freq 1"), (0, 0xffffffff, "freq 0xffffffff"))
    for delay, freq, label in steps:
        show("DELAYED_SACK set %s" % label, put(s, DELAYED_SACK, SACK_INFO, 0, delay, freq))
        show("DELAYED_SACK after %s" % label, get(s, DELAYED_SACK, SACK_INFO))
    for v in (0, 400, 501):
        show("DELAYED_SACK set assoc_value %d" % v, put(s, DELAYED_SACK, ASSOC_VALUE, 0, v))
        show("DELAYED_SACK after assoc_value %d" % v, get(s, DELAYED_SACK, SACK_INFO))
        show("DELAYED_SACK get assoc_value after %d" % v, get(s, DELAYED_SACK, ASSOC_VALUE))
    s.close()


def context_burst_cases(show, tcp):
    s = tcp()
    show("CONTEXT default", get(s, CONTEXT, ASSOC_VALUE))
    length_cases(show, s, "CONTEXT", CONTEXT, ASSOC_VALUE, (0, 42), (4, 7, 12), (4, 7, 9))
    show("CONTEXT set 42", put(s, CONTEXT, ASSOC_VALUE, 0, 42))
    show("CONTEXT after", get(s, CONTEXT, ASSOC_VALUE))
    show("DEFAULT_SEND_PARAM context after CONTEXT", get(s, DEFAULT_SEND_PARAM, SNDRCVINFO)[4])
    show("MAX_BURST default", get(s, MAX_BURST, ASSOC_VALUE))
    show("MAX_BURST default, int", get(s, MAX_BURST, INT))
    # Linux leaves optlen alone: "get 12 bytes" says 12.
    length_cases(show, s, "MAX_BURST", MAX_BURST, ASSOC_VALUE, (0, 9), (3, 5, 12), (3, 5, 12))
    show("MAX_BURST set int 7", put(s, MAX_BURST, INT, 7))
    show("MAX_BURST after int 7", get(s, MAX_BURST, ASSOC_VALUE))
    show("MAX_BURST set 0", put(s, MAX_BURST, ASSOC_VALUE, 0, 0))
    show("MAX_BURST after 0", get(s, MAX_BURST, INT))
    show("MAX_BURST set on one-to-one, id 12345", put(s, MAX_BURST, ASSOC_VALUE, UNKNOWN, 6))
    show("MAX_BURST after it", get(s, MAX_BURST, ASSOC_VALUE, UNKNOWN))
    s.close()


# Each option with an association id: how to set and get it on one-to-many.
SCOPED = (
    ("DEFAULT_SEND_PARAM", DEFAULT_SEND_PARAM, SNDRCVINFO, 8,
     lambda i, v: (v, 0, 0, v, v, v, 0, 0, i)),
    ("DEFAULT_SNDINFO", DEFAULT_SNDINFO, SNDINFO, 4, lambda i, v: (v, 0, v, v, i)),
    ("MAXSEG", MAXSEG, ASSOC_VALUE, 0, lambda i, v: (i, 500 + v)),
    ("DELAYED_SACK", DELAYED_SACK, SACK_INFO, 0, lambda i, v: (i, 200 + 4 * v, v)),
    ("CONTEXT", CONTEXT, ASSOC_VALUE, 0, lambda i, v: (i, v)),
    ("MAX_BURST", MAX_BURST, ASSOC_VALUE, 0, lambda i, v: (i, v)),
    ("RTOINFO", RTOINFO, "=iIII", 0, lambda i, v: (i, 1000 + v, 0, 0)),
)


def scope_cases(show, tcp, peer, port):
    """One-to-many: an unknown id, the three special ids, a negative one,
    and a real association next to the socket's settings."""
    m = tcp(socket.SOCK_SEQPACKET)
    put(m, RTOINFO, "=iIII", FUTURE, 1500, 0, 0)   # not the defaults, which differ
    aid = connectx(m, peer, port)
    for label, opt, fmt, pos, vals in SCOPED:
        def setting(i, v):
            return put(m, opt, fmt, *vals(i, v))

        def value(i):
            return no_id(get(m, opt, fmt, *vals(i, 0)), pos)

        show("%s one-to-many, set id 12345" % label, setting(UNKNOWN, 3))
        show("%s one-to-many, get id 12345" % label, value(UNKNOWN))
        show("%s one-to-many, get SCTP_CURRENT_ASSOC" % label, value(CURRENT))
        show("%s one-to-many, get SCTP_ALL_ASSOC" % label, value(ALL))
        show("%s one-to-many, set id -5" % label, setting(-5, 4))
        show("%s one-to-many, set SCTP_FUTURE_ASSOC" % label, setting(FUTURE, 5))
        show("%s one-to-many, set SCTP_CURRENT_ASSOC" % label, setting(CURRENT, 6))
        show("%s one-to-many, socket after CURRENT" % label, value(FUTURE))
        show("%s one-to-many, association after CURRENT" % label, value(aid))
        show("%s one-to-many, set SCTP_ALL_ASSOC" % label, setting(ALL, 7))
        show("%s one-to-many, socket after ALL" % label, value(FUTURE))
        show("%s one-to-many, association after ALL" % label, value(aid))
        show("%s one-to-many, set the association" % label, setting(aid, 8))
        show("%s one-to-many, socket after it" % label, value(FUTURE))
        show("%s one-to-many, association after it" % label, value(aid))
    m.close()


def delayed_sack_scope_cases(show, tcp, peer, port):
    """The all-zero no-op even for an unknown id; an association keeps
    its delay while delayed SACK is off, apart from the socket's."""
    m = tcp(socket.SOCK_SEQPACKET)
    show("DELAYED_SACK one-to-many, set 0,0 for id 12345",
         put(m, DELAYED_SACK, SACK_INFO, UNKNOWN, 0, 0))
    show("DELAYED_SACK one-to-many, set assoc_value 0 for id 12345",
         put(m, DELAYED_SACK, ASSOC_VALUE, UNKNOWN, 0))
    show("DELAYED_SACK one-to-many, set 501 for id 12345",
         put(m, DELAYED_SACK, SACK_INFO, UNKNOWN, 501, 0))
    put(m, DELAYED_SACK, SACK_INFO, FUTURE, 240, 3)
    aid = connectx(m, peer, port)
    show("DELAYED_SACK association inherits 240,3", no_id(get(m, DELAYED_SACK, SACK_INFO, aid)))
    show("DELAYED_SACK association set freq 1", put(m, DELAYED_SACK, SACK_INFO, aid, 0, 1))
    show("DELAYED_SACK association after freq 1", no_id(get(m, DELAYED_SACK, SACK_INFO, aid)))
    show("DELAYED_SACK socket after the association's freq 1", get(m, DELAYED_SACK, SACK_INFO))
    show("DELAYED_SACK set CURRENT delay 400", put(m, DELAYED_SACK, SACK_INFO, CURRENT, 400, 0))
    show("DELAYED_SACK association after CURRENT 400", no_id(get(m, DELAYED_SACK, SACK_INFO, aid)))
    show("DELAYED_SACK set ALL freq 4", put(m, DELAYED_SACK, SACK_INFO, ALL, 0, 4))
    show("DELAYED_SACK association after ALL freq 4", no_id(get(m, DELAYED_SACK, SACK_INFO, aid)))
    show("DELAYED_SACK socket after ALL freq 4", get(m, DELAYED_SACK, SACK_INFO))
    m.close()


def inherit_cases(show, tcp, peer, port):
    """What a one-to-many socket's new association copies."""
    m = tcp(socket.SOCK_SEQPACKET)
    put(m, DEFAULT_SEND_PARAM, SNDRCVINFO, 2, 0, UNORDERED, 9, 10, 11, 0, 0, FUTURE)
    put(m, CONTEXT, ASSOC_VALUE, FUTURE, 12)
    put(m, MAX_BURST, ASSOC_VALUE, FUTURE, 13)
    aid = connectx(m, peer, port)
    show("DEFAULT_SEND_PARAM a new association copies",
         no_id(get(m, DEFAULT_SEND_PARAM, SNDRCVINFO, 0, 0, 0, 0, 0, 0, 0, 0, aid), 8))
    show("CONTEXT a new association copies", no_id(get(m, CONTEXT, ASSOC_VALUE, aid)))
    show("MAX_BURST a new association copies", no_id(get(m, MAX_BURST, ASSOC_VALUE, aid)))
    show("MAXSEG a new association's: the fragmentation point",
         no_id(get(m, MAXSEG, ASSOC_VALUE, aid)))
    m.close()


def one_to_one_assoc_cases(show, attempt, tcp, peer, port):
    """A connected one-to-one socket: any id names its association;
    SCTP_MAXSEG reads the fragmentation point; fragments refused."""
    s = tcp()
    put(s, MAXSEG, ASSOC_VALUE, FUTURE, 1001)
    s.connect((peer, port))
    show("MAXSEG connected, set 1001 before", get(s, MAXSEG, ASSOC_VALUE))
    show("MAXSEG connected, int", get(s, MAXSEG, INT))
    show("MAXSEG connected, set 2000", put(s, MAXSEG, ASSOC_VALUE, UNKNOWN, 2000))
    show("MAXSEG connected, after 2000", get(s, MAXSEG, ASSOC_VALUE))
    show("MAXSEG connected, set int 600", put(s, MAXSEG, INT, 600))
    show("MAXSEG connected, after int 600", get(s, MAXSEG, ASSOC_VALUE, 99))
    show("DISABLE_FRAGMENTS connected, set", put(s, DISABLE_FRAGMENTS, INT, 1))
    show("DISABLE_FRAGMENTS send 601 bytes", attempt(lambda: s.send(bytes(601))))
    show("DISABLE_FRAGMENTS send 600 bytes", attempt(lambda: s.send(bytes(600))))
    show("MAXSEG connected, set 0", put(s, MAXSEG, ASSOC_VALUE, 0, 0))
    show("MAXSEG connected, after 0", get(s, MAXSEG, ASSOC_VALUE))
    show("DISABLE_FRAGMENTS send 1453 bytes", attempt(lambda: s.send(bytes(1453))))
    show("DELAYED_SACK connected, get id 12345", get(s, DELAYED_SACK, SACK_INFO, UNKNOWN))
    show("CONTEXT connected, set id 12345", put(s, CONTEXT, ASSOC_VALUE, UNKNOWN, 5))
    show("CONTEXT connected, get", get(s, CONTEXT, ASSOC_VALUE))
    s.close()


def rcvinfo_of(s):
    """sid and ppid of the SCTP_RCVINFO that comes with a message."""
    _, anc, _, _ = s.recvmsg(256, socket.CMSG_SPACE(28))
    for level, kind, data in anc:
        if level == SCTP and kind == RCVINFO_TYPE:
            sid, _, _, ppid = struct.unpack_from("=HHHxxI", data)
            return sid, hex(ppid)
    return "no SCTP_RCVINFO"


def send_defaults_cases(show, tcp, local, port):
    """The defaults reach the wire: the receiver's SCTP_RCVINFO shows them."""
    lst = tcp()
    lst.bind((local, port))
    lst.listen(1)
    c = tcp()
    c.connect((local, port))
    a, _ = lst.accept()
    put(a, RECVRCVINFO, INT, 1)
    show("DEFAULT_SNDINFO connected, set sid 1 ppid 0x11223344",
         put(c, DEFAULT_SNDINFO, SNDINFO, 1, 0, 0x11223344, 0, 0))
    c.send(b"x")
    show("DEFAULT_SNDINFO received as sid, ppid", rcvinfo_of(a))
    show("DEFAULT_SEND_PARAM connected, set sid 2 ppid 0x55",
         put(c, DEFAULT_SEND_PARAM, SNDRCVINFO, 2, 0, 0, 0x55, 0, 0, 0, 0, 0))
    c.send(b"y")
    show("DEFAULT_SEND_PARAM received as sid, ppid", rcvinfo_of(a))
    for x in (c, a, lst):
        x.close()


def data_cases(show, attempt, tcp, local, peer, port):
    int_cases(show, tcp)
    pd_point_cases(show, tcp)
    send_param_cases(show, tcp)
    sndinfo_cases(show, tcp)
    maxseg_cases(show, tcp)
    delayed_sack_cases(show, tcp)
    context_burst_cases(show, tcp)
    scope_cases(show, tcp, peer, port)
    delayed_sack_scope_cases(show, tcp, peer, port)
    inherit_cases(show, tcp, peer, port)
    one_to_one_assoc_cases(show, attempt, tcp, peer, port)
    send_defaults_cases(show, tcp, local, port + 60)
