#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""SCTP sockets for the selftests, through the standard socket API only,
so the same commands run against xsctp and against sctp.ko.

  sctp_conn.py serve ADDR PORT [--type stream|seqpacket] [--accept N]
        [--backlog N] [--ready FILE] [--hold SECONDS] [--linger SECONDS]
        [--status] [--events] [--abort] [--until FILE]
      bind, listen, (one-to-one) accept N associations within HOLD
      seconds, printing "accepted PEER"; touch FILE once listening; then
      keep the sockets open LINGER seconds. --until ends either wait as
      soon as FILE exists (the caller is done with the listener). --status prints each accepted
      association's SCTP_STATUS (id, state, peer rwnd) once accepted and
      again after LINGER. --events subscribes to SCTP_ASSOC_CHANGE and
      prints "notification STATE" for each one queued, after LINGER.
      --abort closes with SO_LINGER 0: an ABORT instead of a SHUTDOWN
      (for peers that are hand-made packets and would never answer).
  sctp_conn.py simopen LADDR LPORT PEER PPORT --at MS [--hold SECONDS]
      a one-to-many socket bound to LADDR:LPORT and listening, which
      at MS (CLOCK_REALTIME, in ms) calls sctp_connectx() to PEER:PPORT
      and prints the association's SCTP_STATUS; exit 0 if ESTABLISHED.
  sctp_conn.py connect ADDR PORT [--family 4|6] [--nonblock] [--twice]
        [--dissolve] [--stay SECONDS] [--expect ERRNO] [--timeout SECONDS]
        [--abort] [--until FILE]
      connect and print "ok", or the errno name; exit 0 when the
      outcome is the expected one (default: success). --twice connects
      again; --dissolve first connects with AF_UNSPEC (which must leave
      the socket unconnected) and then connects again; --stay keeps the
      association that long before exiting, or until FILE exists;
      --abort as for serve.
"""
import argparse
import ctypes
import errno
import os
import select
import socket
import struct
import sys
import time

IPPROTO_SCTP = 132
SCTP_STATUS = 14
SCTP_SOCKOPT_CONNECTX = 110
SCTP_ESTABLISHED = 4
STATUS_LEN = 176            # struct sctp_status
_libc = ctypes.CDLL(None, use_errno=True)


def status(s, assoc_id=0):
    """SCTP_STATUS of an association: "id N state S rwnd R", or the errno."""
    buf = ctypes.create_string_buffer(struct.pack("i", assoc_id), STATUS_LEN)
    length = ctypes.c_uint(STATUS_LEN)
    if _libc.getsockopt(s.fileno(), IPPROTO_SCTP, SCTP_STATUS, buf,
                        ctypes.byref(length)) < 0:
        return None, errno.errorcode.get(ctypes.get_errno(), "?")
    aid, state, rwnd = struct.unpack_from("iiI", buf.raw)
    return state, "id %d state %d rwnd %d" % (aid, state, rwnd)


def family_of(addr, forced=None):
    if forced:
        return socket.AF_INET6 if forced == "6" else socket.AF_INET
    return socket.AF_INET6 if ":" in addr else socket.AF_INET


ASSOC_CHANGE_STATES = ["COMM_UP", "COMM_LOST", "RESTART", "SHUTDOWN_COMP",
                       "CANT_STR_ASSOC"]


def print_notifications(c):
    """Print the SCTP_ASSOC_CHANGE states queued on @c, without waiting."""
    while True:
        try:
            data, _, flags, _ = c.recvmsg(256, 0, socket.MSG_DONTWAIT)
        except OSError:
            return
        if flags & 0x8000 and len(data) >= 20 and data[0:2] == b"\x01\x80":
            state = struct.unpack_from("=H", data, 8)[0]
            print("notification", ASSOC_CHANGE_STATES[state], flush=True)


def wait_for(seconds, until):
    """Sleep @seconds, or less: until the file @until exists."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if until and os.path.exists(until):
            return
        time.sleep(min(0.05, max(0, end - time.monotonic())))


def serve(args):
    kind = socket.SOCK_STREAM if args.type == "stream" else socket.SOCK_SEQPACKET
    s = socket.socket(family_of(args.addr), kind, IPPROTO_SCTP)
    if args.events:     # SCTP_EVENTS: association changes, for accepted ones too
        s.setsockopt(IPPROTO_SCTP, 11, bytes([0, 1]))
    s.bind((args.addr, args.port))
    s.listen(args.backlog)
    if args.ready:
        open(args.ready, "w").close()
    if kind != socket.SOCK_STREAM or not args.accept:
        wait_for(args.hold, args.until)   # associations arrive without accept()
        return
    kept = []
    s.settimeout(args.hold)     # accept() then waits in poll()
    try:
        for _ in range(args.accept):
            c, peer = s.accept()
            print("accepted", peer[0], flush=True)
            if args.status:
                print("status", status(c)[1], flush=True)
            kept.append(c)
    except socket.timeout:
        print("accept timed out", flush=True)
    wait_for(args.linger, args.until)
    for c in kept if args.status else []:
        print("status", status(c)[1], flush=True)
    for c in kept if args.events else []:
        print_notifications(c)
    if args.abort:
        abort_on_close(kept + [s])


def abort_on_close(socks):
    """SO_LINGER on, 0 s: close() aborts the association."""
    for s in socks:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


def sockaddr(addr, port):
    """A struct sockaddr_in or sockaddr_in6, for sctp_connectx()."""
    if ":" in addr:
        return struct.pack("<H", socket.AF_INET6) + struct.pack("!HI", port, 0) + \
            socket.inet_pton(socket.AF_INET6, addr) + struct.pack("I", 0)
    return struct.pack("<H", socket.AF_INET) + struct.pack("!H", port) + \
        socket.inet_aton(addr) + bytes(8)


def simopen(args):
    s = socket.socket(family_of(args.laddr), socket.SOCK_SEQPACKET, IPPROTO_SCTP)
    s.bind((args.laddr, args.lport))
    s.listen(4)
    time.sleep(max(0, args.at / 1000 - time.time()))
    sa = sockaddr(args.peer, args.pport)
    # sctp_connectx() as libsctp calls it: the option returns the id.
    aid = _libc.setsockopt(s.fileno(), IPPROTO_SCTP, SCTP_SOCKOPT_CONNECTX,
                           ctypes.c_char_p(sa), len(sa))
    if aid < 0:
        print(errno.errorcode.get(ctypes.get_errno(), "?"))
        sys.exit(1)
    state, text = status(s, aid)
    print(text, flush=True)
    time.sleep(args.hold)
    sys.exit(0 if state == SCTP_ESTABLISHED else 1)


def outcome(fn):
    try:
        fn()
        return "ok"
    except OSError as e:
        return errno.errorcode.get(e.errno, str(e.errno))


def nonblocking_connect(s, dst, timeout):
    """EINPROGRESS, then poll() for POLLOUT or POLLERR, then SO_ERROR."""
    s.setblocking(False)
    first = outcome(lambda: s.connect(dst))
    if first != "EINPROGRESS":
        return "connect gave " + first
    p = select.poll()
    p.register(s, select.POLLOUT | select.POLLERR)
    if not p.poll(timeout * 1000):
        return "poll timed out"
    err = s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
    return "ok" if err == 0 else errno.errorcode.get(err, str(err))


def dissolve(s):
    """connect(AF_UNSPEC), which Python's socket module cannot express."""
    libc = ctypes.CDLL(None, use_errno=True)
    sa = (socket.AF_UNSPEC).to_bytes(2, sys.byteorder) + bytes(14)
    if libc.connect(s.fileno(), ctypes.c_char_p(sa), len(sa)) < 0:
        return errno.errorcode.get(ctypes.get_errno(), "?")
    if outcome(s.getpeername) != "ENOTCONN":
        return "still connected after AF_UNSPEC"
    return "ok"


def connect(args):
    fam = family_of(args.addr, args.family)
    s = socket.socket(fam, socket.SOCK_STREAM, IPPROTO_SCTP)
    dst = (args.addr, args.port)
    if args.nonblock:
        got = nonblocking_connect(s, dst, args.timeout)
    else:
        # No Python timeout: it would make the socket non-blocking.
        got = outcome(lambda: s.connect(dst))
    if got == "ok" and args.dissolve:
        got = dissolve(s)
    if got == "ok" and (args.twice or args.dissolve):
        got = outcome(lambda: s.connect(dst))
    if got == "ok":
        print("ok peer", s.getpeername()[0], "local port", s.getsockname()[1],
              flush=True)
        wait_for(args.stay, args.until)
    else:
        print(got)
    if args.abort:
        abort_on_close([s])
    sys.exit(0 if got == args.expect else 1)


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    sv = sub.add_parser("serve")
    sv.add_argument("addr")
    sv.add_argument("port", type=int)
    sv.add_argument("--type", default="stream")
    sv.add_argument("--accept", type=int, default=1)
    sv.add_argument("--backlog", type=int, default=16)
    sv.add_argument("--ready")
    sv.add_argument("--hold", type=float, default=2)
    sv.add_argument("--linger", type=float, default=1)
    sv.add_argument("--status", action="store_true")
    sv.add_argument("--events", action="store_true")
    sv.add_argument("--abort", action="store_true")
    sv.add_argument("--until")
    so = sub.add_parser("simopen")
    so.add_argument("laddr")
    so.add_argument("lport", type=int)
    so.add_argument("peer")
    so.add_argument("pport", type=int)
    so.add_argument("--at", type=int, required=True)
    so.add_argument("--hold", type=float, default=1)
    cn = sub.add_parser("connect")
    cn.add_argument("addr")
    cn.add_argument("port", type=int)
    cn.add_argument("--family")
    cn.add_argument("--nonblock", action="store_true")
    cn.add_argument("--twice", action="store_true")
    cn.add_argument("--dissolve", action="store_true")
    cn.add_argument("--stay", type=float, default=0)
    cn.add_argument("--expect", default="ok")
    cn.add_argument("--timeout", type=float, default=10)
    cn.add_argument("--abort", action="store_true")
    cn.add_argument("--until")
    args = ap.parse_args()
    {"serve": serve, "simopen": simopen, "connect": connect}[args.cmd](args)


if __name__ == "__main__":
    main()
