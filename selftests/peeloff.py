#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Peel-off under traffic, through the standard socket API only, so the
same commands run against xsctp and against sctp.ko.

  peeloff.py serve ADDR PORT --clients N --after K [--ready FILE]
        [--timeout SECONDS]
      a one-to-many socket; each association is peeled off
      (SCTP_SOCKOPT_PEELOFF_FLAGS, 122) once K of its messages arrived,
      while its client keeps sending, and read on its new socket until
      its SHUTDOWN_COMP. Prints "assoc PORT sha256 HEX messages N" per
      association, PORT being the client's; exit 0 if all were peeled.
      FILE is created once the socket listens.
  peeloff.py send ADDR PORT --count N --size S
      a one-to-one client: N messages of S bytes, each made of its index,
      then close(); prints "client PORT sha256 HEX messages N".
  peeloff.py errors ADDR PORT
      the option's errors and flags, one "name: outcome" line each.

The shell compares each client's line with the server's for its port:
every message arrived once, in order, across the move.
"""
import argparse
import ctypes
import errno
import fcntl
import hashlib
import os
import select
import signal
import socket
import struct
import sys

from sctp_conn import outcome

IPPROTO_SCTP = 132
SCTP_EVENTS = 11
SCTP_SOCKOPT_PEELOFF = 102
SCTP_SOCKOPT_PEELOFF_FLAGS = 122
SCTP_SNDRCV = 1
MSG_NOTIFICATION = 0x8000
SNDRCVINFO = struct.Struct("HHHIIIIIi")
SHUTDOWN_COMP = 3
# data_io and association events
EVENTS = bytes([1, 1])

_libc = ctypes.CDLL(None, use_errno=True)


def peeloff(s, aid, flags=None, length=None):
    """The new descriptor, or the errno name. As in Linux (and libsctp's
    sctp_peeloff() relies on it), getsockopt() itself returns the new
    descriptor, the same as the one written in the argument."""
    if flags is None:
        data = struct.pack("ii", aid, 0)
        opt = SCTP_SOCKOPT_PEELOFF
    else:
        data = struct.pack("iiI", aid, 0, flags)
        opt = SCTP_SOCKOPT_PEELOFF_FLAGS
    arg = ctypes.create_string_buffer(data, len(data))
    optlen = ctypes.c_uint(len(data) if length is None else length)
    r = _libc.getsockopt(s.fileno(), IPPROTO_SCTP, opt, arg, ctypes.byref(optlen))
    if r < 0:
        return errno.errorcode.get(ctypes.get_errno(), "?")
    sd = struct.unpack_from("ii", arg.raw)[1]
    return sd if r == sd else "returned %d, wrote %d" % (r, sd)


def message(i, size):
    return (struct.pack("!I", i) * (size // 4 + 1))[:size]


def assoc_change(data):
    """(state, assoc id) of an SCTP_ASSOC_CHANGE, else None."""
    if struct.unpack_from("=H", data)[0] != 0x8001:
        return None
    return struct.unpack_from("=H", data, 8)[0], struct.unpack_from("=i", data, 16)[0]


class Assoc:
    def __init__(self):
        self.digest = hashlib.sha256()
        self.messages = 0
        self.port = None
        self.sock = None        # its own socket, once peeled off
        self.done = False


def read_one(sock, assocs, default_aid=None):
    """One recvmsg(): data goes to its association; returns the
    association id a data message names, or None. End of file (or
    ENOTCONN, Linux's answer once a peeled-off association is gone)
    raises EOFError."""
    try:
        data, anc, flags, addr = sock.recvmsg(1 << 17, socket.CMSG_SPACE(32))
    except OSError as e:
        if e.errno != errno.ENOTCONN:
            raise
        raise EOFError() from e
    if not data and not flags:
        raise EOFError()
    if flags & MSG_NOTIFICATION:
        change = assoc_change(data)
        if change and change[0] == SHUTDOWN_COMP:
            a = assocs.setdefault(change[1] or default_aid, Assoc())
            a.done = True
        return None
    aid = default_aid
    for level, kind, info in anc:
        if level == IPPROTO_SCTP and kind == SCTP_SNDRCV:
            aid = SNDRCVINFO.unpack(info[:SNDRCVINFO.size])[8]
    a = assocs.setdefault(aid, Assoc())
    a.digest.update(data)
    a.messages += 1
    a.port = a.port or addr[1]
    return aid


def serve(args):
    s = socket.socket(socket.AF_INET, socket.SOCK_SEQPACKET, IPPROTO_SCTP)
    s.setsockopt(IPPROTO_SCTP, SCTP_EVENTS, EVENTS)
    s.bind((args.addr, args.port))
    s.listen(16)
    if args.ready:
        open(args.ready, "w").close()
    assocs = {}
    while len(assocs) < args.clients or not all(a.done for a in assocs.values()):
        socks = [s] + [a.sock for a in assocs.values() if a.sock and not a.done]
        ready, _, _ = select.select(socks, [], [], args.timeout)
        if not ready:
            sys.exit("timed out")
        for r in ready:
            owner = [k for k, a in assocs.items() if a.sock is r]
            try:
                aid = read_one(r, assocs, owner[0] if owner else None)
            except EOFError:
                if not owner:
                    sys.exit("end of file on the one-to-many socket")
                assocs[owner[0]].done = True
                continue
            a = assocs.get(aid)
            if r is s and a and not a.sock and a.messages >= args.after:
                fd = peeloff(s, aid, socket.SOCK_CLOEXEC)
                if isinstance(fd, str):
                    sys.exit("peeloff: " + fd)
                a.sock = socket.socket(fileno=fd)
    for a in assocs.values():
        print("assoc %d sha256 %s messages %d peeled %s" %
              (a.port, a.digest.hexdigest(), a.messages, "yes" if a.sock else "no"))
    sys.exit(0 if all(a.sock for a in assocs.values()) else 1)


def send(args):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM, IPPROTO_SCTP)
    s.connect((args.addr, args.port))
    digest = hashlib.sha256()
    for i in range(args.count):
        m = message(i, args.size)
        s.sendall(m)
        digest.update(m)
    print("client %d sha256 %s messages %d" %
          (s.getsockname()[1], digest.hexdigest(), args.count), flush=True)
    s.close()


def first_assoc(srv):
    """The id of the next association's SCTP_COMM_UP on @srv."""
    aid = None
    while aid is None:
        data, _, flags, _ = srv.recvmsg(256)
        change = assoc_change(data) if flags & MSG_NOTIFICATION else None
        aid = change[1] if change else None
    return aid


def errors(args):
    """The option's errors and flags, each as one line."""
    srv = socket.socket(socket.AF_INET, socket.SOCK_SEQPACKET, IPPROTO_SCTP)
    srv.setsockopt(IPPROTO_SCTP, SCTP_EVENTS, EVENTS)
    srv.bind((args.addr, args.port))
    srv.listen(4)
    one = socket.socket(socket.AF_INET, socket.SOCK_STREAM, IPPROTO_SCTP)
    print("one-to-one socket:", peeloff(one, 1))
    print("no such association:", peeloff(srv, 12345))
    cli = socket.socket(socket.AF_INET, socket.SOCK_SEQPACKET, IPPROTO_SCTP)
    cli.sendto(b"x", (args.addr, args.port))
    aid = first_assoc(srv)
    print("optlen 7:", peeloff(srv, aid, length=7))
    fd = peeloff(srv, aid, socket.SOCK_NONBLOCK | socket.SOCK_CLOEXEC)
    if isinstance(fd, str):
        print("nonblock|cloexec:", fd)
        return
    print("nonblock|cloexec: nonblocking %s cloexec %s" % (
        bool(fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_NONBLOCK),
        bool(fcntl.fcntl(fd, fcntl.F_GETFD) & fcntl.FD_CLOEXEC)))
    peeled = socket.socket(fileno=fd)
    peeled.settimeout(10)       # the message may still be on its way
    print("peeled again:", peeloff(peeled, aid))
    print("peeled socket reads the message:", peeled.recv(16))
    print("the association left the first socket:", peeloff(srv, aid))
    print("listen() on the peeled socket:", outcome(lambda: peeled.listen(1)))
    peeled.send(b"y")
    print("the client reads the answer:", cli.recv(16))
    # Linux ignores flags it does not know.
    other = socket.socket(socket.AF_INET, socket.SOCK_SEQPACKET, IPPROTO_SCTP)
    other.sendto(b"z", (args.addr, args.port))
    fd = peeloff(srv, first_assoc(srv), 1)
    print("flags 1 (unknown):", "a descriptor" if isinstance(fd, int) else fd)


def main():
    signal.signal(signal.SIGALRM, lambda *_: sys.exit("timed out"))
    signal.alarm(120)
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("serve", "send", "errors"):
        p = sub.add_parser(name)
        p.add_argument("addr")
        p.add_argument("port", type=int)
    sub.choices["serve"].add_argument("--clients", type=int, default=1)
    sub.choices["serve"].add_argument("--after", type=int, default=10)
    sub.choices["serve"].add_argument("--timeout", type=float, default=60)
    sub.choices["serve"].add_argument("--ready")
    sub.choices["send"].add_argument("--count", type=int, default=1000)
    sub.choices["send"].add_argument("--size", type=int, default=1000)
    args = ap.parse_args()
    {"serve": serve, "send": send, "errors": errors}[args.cmd](args)


if __name__ == "__main__":
    main()
