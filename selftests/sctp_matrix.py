#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The errno matrix: socket calls and options, each printed as
"case: result" (ok, the errno name, or a value). Written against the
standard socket API only, so the same run on xsctp and on sctp.ko can be
compared line by line (selftests/matrix.sh, oracle.sh).

    sctp_matrix.py LOCAL PEER PORT
LOCAL is this namespace's address, PEER one where a one-to-one listener
runs on PORT (and nothing on PORT + 1).
"""
import ctypes
import errno
import signal
import socket
import struct
import sys

from matrix_data import data_cases
from matrix_errno import errno_cases
from matrix_events import event_cases
from matrix_paddr import paddr_cases

SCTP = 132
OPT = {"RTOINFO": 0, "ASSOCINFO": 1, "INITMSG": 2, "NODELAY": 3, "AUTOCLOSE": 4,
       "I_WANT_MAPPED_V4_ADDR": 12, "STATUS": 14, "GET_PEER_ADDR_INFO": 15,
       "BINDX_ADD": 100, "BINDX_REM": 101, "CONNECTX_OLD": 107,
       "GET_PEER_ADDRS": 108, "GET_LOCAL_ADDRS": 109, "CONNECTX": 110,
       "CONNECTX3": 111}
libc = ctypes.CDLL(None, use_errno=True)


def name(e):
    return errno.errorcode.get(e, str(e))


def sin(addr, port):
    """A struct sockaddr_in, as connectx and bindx lists pack them."""
    return struct.pack("=H", socket.AF_INET) + struct.pack("!H", port) + \
        socket.inet_aton(addr) + bytes(8)


def raw_setsockopt(s, opt, data):
    """The syscall's own return value (110 returns the association id)."""
    buf = ctypes.create_string_buffer(data, len(data))
    r = libc.setsockopt(s.fileno(), SCTP, OPT[opt], buf, len(data))
    return name(ctypes.get_errno()) if r < 0 else r


def tcp(kind=socket.SOCK_STREAM, fam=socket.AF_INET):
    return socket.socket(fam, kind, SCTP)


def attempt(fn):
    try:
        r = fn()
        return "ok" if r is None else r
    except OSError as e:
        return name(e.errno)


def show(case, result):
    print("%s: %s" % (case, result))


def bindx_cases(local):
    s = tcp()
    show("bind LOCAL:0", attempt(lambda: s.bind((local, 0))))
    port = s.getsockname()[1]
    show("bind again", attempt(lambda: s.bind((local, 0))))
    show("bindx add 127.0.0.1", raw_setsockopt(s, "BINDX_ADD", sin("127.0.0.1", 0)))
    show("bindx add 127.0.0.1 again", raw_setsockopt(s, "BINDX_ADD", sin("127.0.0.1", 0)))
    show("bindx add a non-local address", raw_setsockopt(s, "BINDX_ADD", sin("203.0.113.9", 0)))
    show("bindx add with another port", raw_setsockopt(s, "BINDX_ADD", sin("127.0.0.2", port + 1)))
    show("bindx add, empty list", raw_setsockopt(s, "BINDX_ADD", b""))
    show("bindx rem 127.0.0.1", raw_setsockopt(s, "BINDX_REM", sin("127.0.0.1", 0)))
    show("bindx rem an address not bound", raw_setsockopt(s, "BINDX_REM", sin("127.0.0.1", 0)))
    show("bindx rem the last address", raw_setsockopt(s, "BINDX_REM", sin(local, 0)))
    s.close()
    s = tcp()
    show("bind a non-local address", attempt(lambda: s.bind(("203.0.113.9", 0))))
    show("bind INADDR_ANY:0", attempt(lambda: s.bind(("0.0.0.0", 0))))
    t = tcp()
    show("bind a port in use", attempt(lambda: t.bind(("0.0.0.0", s.getsockname()[1]))))


def option_cases():
    s = tcp()
    show("INITMSG default", struct.unpack("=4H", s.getsockopt(SCTP, OPT["INITMSG"], 8)))
    show("INITMSG set 5,0,0,0", attempt(lambda: s.setsockopt(SCTP, OPT["INITMSG"], struct.pack("=4H", 5, 0, 0, 0))))
    show("INITMSG after", struct.unpack("=4H", s.getsockopt(SCTP, OPT["INITMSG"], 8)))
    show("INITMSG set 7 bytes", attempt(lambda: s.setsockopt(SCTP, OPT["INITMSG"], bytes(7))))
    show("INITMSG get 7 bytes", attempt(lambda: s.getsockopt(SCTP, OPT["INITMSG"], 7)))
    r = s.getsockopt(SCTP, OPT["RTOINFO"], 16)
    show("RTOINFO default max,min", struct.unpack("=iIII", r)[2:])
    show("RTOINFO set min > max", attempt(lambda: s.setsockopt(
        SCTP, OPT["RTOINFO"], struct.pack("=iIII", 0, 0, 100, 200))))
    show("ASSOCINFO default maxrxt,dests,peer_rwnd,local_rwnd,cookie_life",
         struct.unpack("=iHHIII", s.getsockopt(SCTP, OPT["ASSOCINFO"], 20))[1:])
    show("ASSOCINFO set maxrxt 4, cookie_life 5000", attempt(lambda: s.setsockopt(
        SCTP, OPT["ASSOCINFO"], struct.pack("=iHHIII", 0, 4, 0, 0, 0, 5000))))
    show("ASSOCINFO after", struct.unpack(
        "=iHHIII", s.getsockopt(SCTP, OPT["ASSOCINFO"], 20))[1:])
    show("ASSOCINFO set 19 bytes", attempt(lambda: s.setsockopt(SCTP, OPT["ASSOCINFO"], bytes(19))))
    show("AUTOCLOSE on one-to-one", attempt(lambda: s.getsockopt(SCTP, OPT["AUTOCLOSE"], 4)))
    u = tcp(socket.SOCK_SEQPACKET)
    show("AUTOCLOSE on one-to-many", attempt(lambda: u.setsockopt(SCTP, OPT["AUTOCLOSE"], 5)))
    show("I_WANT_MAPPED_V4_ADDR default", s.getsockopt(SCTP, OPT["I_WANT_MAPPED_V4_ADDR"]))
    show("STATUS with no association", attempt(lambda: s.getsockopt(SCTP, OPT["STATUS"], 176)))
    show("STATUS shorter than its struct", attempt(lambda: s.getsockopt(SCTP, OPT["STATUS"], 175)))
    show("unknown option 9999", attempt(lambda: s.getsockopt(SCTP, 9999, 4)))


def connect_cases(local, peer, port):
    s = tcp()
    show("connect AF_UNSPEC", libc_connect_unspec(s))
    show("connectx 110, 1 byte", raw_setsockopt(s, "CONNECTX", b"\x02"))
    show("connectx 110, family 0", raw_setsockopt(s, "CONNECTX", bytes(16)))
    show("connectx 110, INADDR_ANY", raw_setsockopt(s, "CONNECTX", sin("0.0.0.0", port)))
    show("connectx 110, broadcast", raw_setsockopt(s, "CONNECTX", sin("255.255.255.255", port)))
    show("connectx 110, ports differ", raw_setsockopt(
        s, "CONNECTX", sin(peer, port) + sin("127.0.0.1", port + 1)))
    show("connectx 110, truncated second address", raw_setsockopt(
        s, "CONNECTX", sin(peer, port) + sin(peer, port)[:10]))
    r = raw_setsockopt(s, "CONNECTX", sin(peer, port) + sin("203.0.113.7", port))
    show("connectx 110 to a listener: id >= 3", r if not isinstance(r, int) else r >= 3)
    show("connect again (connected)", attempt(lambda: s.connect((peer, port))))
    st = s.getsockopt(SCTP, OPT["STATUS"], 176)
    show("STATUS state, instrms, outstrms", struct.unpack_from("=iiIHHHH", st)[1:2] +
         struct.unpack_from("=iiIHHHH", st)[5:7])
    ga = s.getsockopt(SCTP, OPT["GET_PEER_ADDRS"], 1024)
    show("GET_PEER_ADDRS count (the unlisted address dropped)", struct.unpack_from("=iI", ga)[1])
    show("getpeername", s.getpeername()[0])
    s.close()
    s = tcp()
    show("connect where nothing listens", attempt(lambda: s.connect((peer, port + 1))))
    s = tcp()
    show("connect to a wildcard", attempt(lambda: s.connect(("0.0.0.0", port))))
    s = tcp()
    show("connect to a multicast address", attempt(lambda: s.connect(("224.0.0.1", port))))
    s = tcp(fam=socket.AF_INET)
    sin6 = struct.pack("=H", socket.AF_INET6) + struct.pack("!HI", port, 0) + \
        socket.inet_pton(socket.AF_INET6, "2001:db8::2") + bytes(4)
    show("connect to an IPv6 address on an IPv4 socket", libc_connect(s, sin6))
    s = tcp()
    s.bind(("127.0.0.1", 0))
    show("connect from loopback to a global address", attempt(lambda: s.connect((peer, port))))


def wait_cases(silent, port):
    """A blocking connect to an address that never answers: SO_SNDTIMEO
    running out gives EINPROGRESS, a signal EINTR (through libc, since
    Python retries interrupted calls); the setup goes on meanwhile."""
    sa = sin(silent, port)
    s = tcp()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_SNDTIMEO, struct.pack("ll", 0, 200000))
    show("blocking connect, SO_SNDTIMEO 200 ms runs out", libc_connect(s, sa))
    show("connect again while it is set up", libc_connect(s, sa))
    s.close()
    s = tcp()
    old = signal.signal(signal.SIGALRM, lambda *_: None)
    signal.setitimer(signal.ITIMER_REAL, 0.2)
    show("blocking connect interrupted by a signal", libc_connect(s, sa))
    signal.signal(signal.SIGALRM, old)
    show("connect again after the signal", libc_connect(s, sa))
    s.close()


def libc_connect(s, sa):
    """connect(2) with a raw sockaddr, which Python would refuse to build."""
    r = libc.connect(s.fileno(), ctypes.c_char_p(sa), len(sa))
    return name(ctypes.get_errno()) if r < 0 else "ok"


def libc_connect_unspec(s):
    return libc_connect(s, struct.pack("=H14x", socket.AF_UNSPEC))


def main():
    local, peer, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
    bindx_cases(local)
    option_cases()
    connect_cases(local, peer, port)
    wait_cases("198.51.100.3", port)
    errno_cases(show, attempt, tcp, local, peer, port)
    event_cases(show, attempt, tcp, local, peer, port)
    data_cases(show, attempt, tcp, local, peer, port)
    paddr_cases(show, tcp, peer, port)


if __name__ == "__main__":
    main()
