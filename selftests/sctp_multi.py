#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Multihomed association setup for the selftests and the benchmark,
through the standard socket API only (xsctp and sctp.ko alike).

  sctp_multi.py serve PORT ADDR... [--hold SECONDS] [--ready FILE]
      a one-to-one listener bound to the first ADDR and, with
      sctp_bindx(), to the others; accepts associations for HOLD seconds
      and keeps them open; touches FILE once listening.
  sctp_multi.py connect PORT ADDR... [--nonblock] [--expect ERRNO]
        [--timeout SECONDS]
      a one-to-one socket calls sctp_connectx() with the ADDRs, in order,
      blocking or non-blocking (EINPROGRESS, poll() for POLLOUT or
      POLLERR, then SO_ERROR; with POLLOUT alone and SCTP_STATUS
      ESTABLISHED, an SO_ERROR that is not 0 is printed as
      "so_error ERRNO ..." and the result is ok). Prints
        result ok|ERRNO ms MILLISECONDS   (connectx to established or error)
      and, once established,
        state S                           (SCTP_STATUS, 4 = ESTABLISHED)
        peers ADDR...                     (SCTP_GET_PEER_ADDRS, sorted)
        path ADDR STATE                   (SCTP_GET_PEER_ADDR_INFO, one
                                           per peer address; 0 INACTIVE,
                                           1 PF, 2 ACTIVE, 3 UNCONFIRMED)
      Exit status 0 when the result is ERRNO (default: ok).
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

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
# pylint: disable=wrong-import-position
from sctp_conn import IPPROTO_SCTP, SCTP_ESTABLISHED, SCTP_SOCKOPT_CONNECTX, _libc, \
    sockaddr, status  # noqa: E402
from matrix_events import raw_getsockopt  # noqa: E402

SCTP_BINDX_ADD = 100
SCTP_GET_PEER_ADDRS = 108
SCTP_GET_PEER_ADDR_INFO = 15
PADDRINFO_LEN = 152         # struct sctp_paddrinfo, packed
SOCKADDR_STORAGE = 128


def family(addr):
    return socket.AF_INET6 if ":" in addr else socket.AF_INET


def errname(e):
    return errno.errorcode.get(e, str(e))


def raw_setsockopt(s, opt, data):
    """setsockopt's own return value, or -errno."""
    buf = ctypes.create_string_buffer(data, len(data))
    r = _libc.setsockopt(s.fileno(), IPPROTO_SCTP, opt, buf, len(data))
    return -ctypes.get_errno() if r < 0 else r


def packed(addrs, port):
    return b"".join(sockaddr(a, port) for a in addrs)


def serve(args):
    s = socket.socket(family(args.addrs[0]), socket.SOCK_STREAM, IPPROTO_SCTP)
    s.bind((args.addrs[0], args.port))
    if args.addrs[1:]:
        r = raw_setsockopt(s, SCTP_BINDX_ADD, packed(args.addrs[1:], args.port))
        if r < 0:
            print("bindx", errname(-r), flush=True)
            sys.exit(1)
    s.listen(16)
    if args.ready:
        open(args.ready, "w").close()
    kept = []
    end = time.monotonic() + args.hold
    while time.monotonic() < end:
        s.settimeout(max(0.01, end - time.monotonic()))
        try:
            c, peer = s.accept()
        except socket.timeout:
            break
        print("accepted", peer[0], flush=True)
        kept.append(c)


def parse_addrs(raw):
    """The addresses of a packed sockaddr list, as strings."""
    out, off = [], 0
    while off + 2 <= len(raw):
        fam = struct.unpack_from("=H", raw, off)[0]
        if fam == socket.AF_INET:
            out.append(socket.inet_ntop(socket.AF_INET, raw[off + 4:off + 8]))
            off += 16
        elif fam == socket.AF_INET6:
            out.append(socket.inet_ntop(socket.AF_INET6, raw[off + 8:off + 24]))
            off += 28
        else:
            out.append("family-%d" % fam)
            break
    return out


def peer_addrs(s):
    raw = s.getsockopt(IPPROTO_SCTP, SCTP_GET_PEER_ADDRS, 1024)
    count = struct.unpack_from("=iI", raw)[1]
    addrs = parse_addrs(raw[8:])
    if len(addrs) != count:
        addrs.append("(count %d)" % count)
    return addrs


def path_state(s, addr, port):
    """spinfo_state of one peer address, or the errno name."""
    sa = sockaddr(addr, port)
    req = struct.pack("=i", 0) + sa + bytes(SOCKADDR_STORAGE - len(sa))
    req += bytes(PADDRINFO_LEN - len(req))
    r = raw_getsockopt(s, SCTP_GET_PEER_ADDR_INFO, req)
    return r if isinstance(r, str) else struct.unpack_from("=i", r, 132)[0]


def connectx(s, addrs, port, nonblock, timeout):
    """sctp_connectx() to @addrs: "ok" or the errno name, once settled."""
    sa = packed(addrs, port)
    if nonblock:
        s.setblocking(False)
    r = raw_setsockopt(s, SCTP_SOCKOPT_CONNECTX, sa)
    if r >= 0:
        return "ok" if not nonblock else "connectx returned %d, not EINPROGRESS" % r
    if not nonblock or -r != errno.EINPROGRESS:
        return errname(-r)
    p = select.poll()
    p.register(s, select.POLLOUT | select.POLLERR)
    events = p.poll(timeout * 1000)
    if not events:
        return "poll timed out"
    err = s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
    if err and not events[0][1] & select.POLLERR and status(s)[0] == SCTP_ESTABLISHED:
        # sctp.ko: POLLOUT, the association up, and yet SO_ERROR gives
        # the soft error an ICMP left (sk_err_soft). Established it is.
        print("so_error %s with POLLOUT and ESTABLISHED" % errname(err))
        return "ok"
    return "ok" if err == 0 else errname(err)


def connect(args):
    s = socket.socket(family(args.addrs[0]), socket.SOCK_STREAM, IPPROTO_SCTP)
    start = time.monotonic()
    got = connectx(s, args.addrs, args.port, args.nonblock, args.timeout)
    ms = (time.monotonic() - start) * 1000
    print("result %s ms %.0f" % (got, ms), flush=True)
    if got == "ok":
        print("state", status(s)[0])
        peers = sorted(peer_addrs(s))
        print("peers", " ".join(peers))
        for a in peers:
            print("path", a, path_state(s, a, args.port))
    sys.stdout.flush()
    sys.exit(0 if got == args.expect else 1)


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    sv = sub.add_parser("serve")
    sv.add_argument("port", type=int)
    sv.add_argument("addrs", nargs="+")
    sv.add_argument("--hold", type=float, default=30)
    sv.add_argument("--ready")
    cn = sub.add_parser("connect")
    cn.add_argument("port", type=int)
    cn.add_argument("addrs", nargs="+")
    cn.add_argument("--nonblock", action="store_true")
    cn.add_argument("--expect", default="ok")
    cn.add_argument("--timeout", type=float, default=60)
    args = ap.parse_args()
    {"serve": serve, "connect": connect}[args.cmd](args)


if __name__ == "__main__":
    main()
