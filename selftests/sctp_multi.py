#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Multihomed association setup for the selftests and the benchmark,
through the standard socket API only (xsctp and sctp.ko alike).

  sctp_multi.py serve PORT ADDR... [--hold SECONDS] [--ready FILE] [--echo]
      a one-to-one listener bound to the first ADDR and, with
      sctp_bindx(), to the others; accepts associations for HOLD seconds
      and keeps them open; touches FILE once listening. --echo sends
      every message an association brings back on it.
  sctp_multi.py connect PORT ADDR... [--nonblock] [--expect ERRNO]
        [--timeout SECONDS] [--notify] [--unconfirmed ADDR SECONDS]
        [--held FILE] [--go FILE] [--wait-confirm ADDR SECONDS] [--hb-off]
        [--demand ADDR]
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
      Then, in this order, each when asked (times from "result ok"):
      --notify subscribes to SCTP_PEER_ADDR_CHANGE before sctp_connectx()
      (SCTP_EVENT; SCTP_EVENTS where that fails), prints
        subscribed SCTP_EVENT|SCTP_EVENTS|none (ERRNO)
      and, for each notification read while the phases below run,
        event MS ADDR STATE NAME error E  (5 ADDR_CONFIRMED, ...)
      --unconfirmed ADDR SECONDS watches ADDR's path state for SECONDS,
      then sends one message (to the primary) that the server echoes
      (serve --echo); prints
        held ADDR ms MS states S[,S...] events N  (the states seen, in
                                           order; N notifications for ADDR)
        echo ok|ERRNO|lost ms MS          (the message back, or not)
        state S                           (SCTP_STATUS, 4 = ESTABLISHED)
      --held FILE is touched then; --go FILE makes the client wait (up to
      60 s) for FILE before going on. --wait-confirm ADDR SECONDS polls
      ADDR's state for up to SECONDS and prints
        confirmed ADDR ms MS at T         (ACTIVE seen MS after "result";
                                           T: the same moment, time())
        unconfirmed ADDR state S ms MS    (not ACTIVE in time)
      --hb-off turns heartbeats off for the socket's associations before
      sctp_connectx() (SCTP_PEER_ADDR_PARAMS SPP_HB_DISABLE), printing
        hb_off ok|ERRNO
      --demand ADDR asks for one HEARTBEAT to ADDR (SPP_HB_DEMAND) before
      --wait-confirm, printing
        demand ADDR ok|ERRNO ms MS
      Exit status 0 when the result is ERRNO (default: ok), whatever the
      later phases print.
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
SCTP_PEER_ADDR_PARAMS = 9
SPP_HB_DISABLE, SPP_HB_DEMAND = 2, 4
PADDRPARAMS = "=i128sIHIIIIBx"  # struct sctp_paddrparams, packed (156)
PADDRINFO_LEN = 152         # struct sctp_paddrinfo, packed
SOCKADDR_STORAGE = 128
SCTP_EVENTS = 11
SCTP_EVENT = 127
SCTP_PEER_ADDR_CHANGE = 0x8002
MSG_NOTIFICATION = 0x8000
PADDR_CHANGE_LEN = 148      # struct sctp_paddr_change, packed
ADDR_STATES = {0: "ADDR_AVAILABLE", 1: "ADDR_UNREACHABLE", 2: "ADDR_REMOVED",
               3: "ADDR_ADDED", 4: "ADDR_MADE_PRIM", 5: "ADDR_CONFIRMED",
               6: "ADDR_POTENTIALLY_FAILED"}
SCTP_ACTIVE = 2


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


def listener(addrs, port, backlog):
    """A one-to-one socket bound to addrs[0] and, by sctp_bindx(), to the
    others, listening: (the socket, None), or (None, bindx's errno)."""
    s = socket.socket(family(addrs[0]), socket.SOCK_STREAM, IPPROTO_SCTP)
    s.bind((addrs[0], port))
    if addrs[1:]:
        r = raw_setsockopt(s, SCTP_BINDX_ADD, packed(addrs[1:], port))
        if r < 0:
            s.close()
            return None, errname(-r)
    s.listen(backlog)
    return s, None


def serve(args):
    s, err = listener(args.addrs, args.port, 16)
    if err:
        print("bindx", err, flush=True)
        sys.exit(1)
    if args.ready:
        open(args.ready, "w").close()
    kept = {}
    p = select.poll()
    p.register(s, select.POLLIN)
    end = time.monotonic() + args.hold
    while time.monotonic() < end:
        for fd, _ in p.poll(max(10, (end - time.monotonic()) * 1000)):
            if fd == s.fileno():
                c, peer = s.accept()
                print("accepted", peer[0], flush=True)
                kept[c.fileno()] = c
                if args.echo:
                    p.register(c, select.POLLIN)
            elif not echo(kept[fd]):
                p.unregister(fd)


def echo(c):
    """One message read from @c sent back: False at its end (EOF, error)."""
    try:
        data, _, flags, _ = c.recvmsg(65536)
        if flags & MSG_NOTIFICATION:
            return True
        if data:
            c.send(data)
        return bool(data)
    except OSError:
        return False


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


def subscribe(s):
    """SCTP_PEER_ADDR_CHANGE on: which option did it."""
    ev = struct.pack("=iHBx", 0, SCTP_PEER_ADDR_CHANGE, 1)   # SCTP_FUTURE_ASSOC
    if raw_setsockopt(s, SCTP_EVENT, ev) >= 0:
        return "SCTP_EVENT"
    # struct sctp_event_subscribe: byte 2 is sctp_address_event.
    r = raw_setsockopt(s, SCTP_EVENTS, bytes([0, 0, 1]))
    return "SCTP_EVENTS" if r >= 0 else "none (%s)" % errname(-r)


class Client:
    """An established association and what its phases have read."""

    def __init__(self, s, port, since):
        self.s, self.port, self.since = s, port, since
        self.events = []            # (addr, state) of each notification
        self.data = []              # messages read

    def ms(self, t0=None):
        return (time.monotonic() - (self.since if t0 is None else t0)) * 1000

    def read(self, wait_ms):
        """Read what is queued, waiting up to @wait_ms for the first."""
        p = select.poll()
        p.register(self.s, select.POLLIN)
        while p.poll(max(0, wait_ms)):
            wait_ms = 0
            try:
                data, _, flags, _ = self.s.recvmsg(65536)
            except OSError as e:
                self.data.append(errname(e.errno))
                return
            if not flags & MSG_NOTIFICATION:
                self.data.append(data if data else "EOF")
                if not data:
                    return
                continue
            typ = struct.unpack_from("=H", data)[0]
            if typ != SCTP_PEER_ADDR_CHANGE or len(data) < PADDR_CHANGE_LEN:
                print("note ms %.0f %#x (%d bytes)" % (self.ms(), typ, len(data)))
                continue
            state, err = struct.unpack_from("=ii", data, 136)
            addr = (parse_addrs(data[8:136]) or ["?"])[0]
            self.events.append((addr, state))
            print("event %.0f %s %d %s error %d" % (
                self.ms(), addr, state, ADDR_STATES.get(state, "?"), err), flush=True)

    def state(self, addr):
        return path_state(self.s, addr, self.port)

    def unconfirmed(self, addr, seconds):
        """Watch @addr for @seconds, then one message there and back."""
        t0, seen, before = time.monotonic(), [], len(self.events)
        while True:
            st = self.state(addr)
            if not seen or seen[-1] != st:
                seen.append(st)
            if self.ms(t0) >= seconds * 1000:
                break
            self.read(50)
        n = sum(1 for a, _ in self.events[before:] if a == addr)
        print("held %s ms %.0f states %s events %d" % (
            addr, self.ms(t0), ",".join(str(x) for x in seen), n), flush=True)
        msg = b"xsctp-unconfirmed-probe" * 4
        t0, got = time.monotonic(), "lost"
        try:
            self.s.send(msg)
        except OSError as e:
            got = errname(e.errno)
        while got == "lost" and self.ms(t0) < 5000:
            self.read(100)
            if msg in self.data:
                got = "ok"
            elif [d for d in self.data if isinstance(d, str)]:
                got = [d for d in self.data if isinstance(d, str)][0]
        print("echo %s ms %.0f" % (got, self.ms(t0)))
        print("state", status(self.s)[0], flush=True)

    def wait_confirm(self, addr, seconds):
        t0 = time.monotonic()
        while True:
            st = self.state(addr)
            if st == SCTP_ACTIVE:
                ms, wall = self.ms(), time.time()
                self.read(200)      # its notification, if not read yet
                print("confirmed %s ms %.0f at %.3f" % (addr, ms, wall), flush=True)
                return
            if self.ms(t0) >= seconds * 1000:
                print("unconfirmed %s state %s ms %.0f" % (addr, st, self.ms(t0)),
                      flush=True)
                return
            self.read(20)


def paddr_params(s, flags, addr=None, port=0):
    """SCTP_PEER_ADDR_PARAMS setting only @flags, for the socket's
    associations to come or (@addr) for one path: ok or the errno."""
    sa = sockaddr(addr, port) if addr else b""
    data = struct.pack(PADDRPARAMS, 0, (sa + bytes(128))[:128], 0, 0, 0, 0, flags, 0, 0)
    r = raw_setsockopt(s, SCTP_PEER_ADDR_PARAMS, data)
    return "ok" if r >= 0 else errname(-r)


def wait_for(path, seconds):
    end = time.monotonic() + seconds
    while not os.path.exists(path) and time.monotonic() < end:
        time.sleep(0.05)


def connect(args):
    s = socket.socket(family(args.addrs[0]), socket.SOCK_STREAM, IPPROTO_SCTP)
    if args.notify:
        print("subscribed", subscribe(s), flush=True)
    if args.hb_off:
        print("hb_off", paddr_params(s, SPP_HB_DISABLE), flush=True)
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
        c = Client(s, args.port, start + ms / 1000)
        if args.nonblock:
            s.setblocking(True)
        if args.unconfirmed:
            c.unconfirmed(args.unconfirmed[0], float(args.unconfirmed[1]))
        if args.held:
            open(args.held, "w").close()
        if args.go:
            wait_for(args.go, 60)
        if args.demand:
            print("demand %s %s ms %.0f" % (args.demand, paddr_params(
                s, SPP_HB_DEMAND, args.demand, args.port), c.ms()), flush=True)
        if args.wait_confirm:
            c.wait_confirm(args.wait_confirm[0], float(args.wait_confirm[1]))
        if args.notify:
            c.read(0)
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
    sv.add_argument("--echo", action="store_true")
    cn = sub.add_parser("connect")
    cn.add_argument("port", type=int)
    cn.add_argument("addrs", nargs="+")
    cn.add_argument("--nonblock", action="store_true")
    cn.add_argument("--expect", default="ok")
    cn.add_argument("--timeout", type=float, default=60)
    cn.add_argument("--notify", action="store_true")
    cn.add_argument("--unconfirmed", nargs=2, metavar=("ADDR", "SECONDS"))
    cn.add_argument("--held")
    cn.add_argument("--go")
    cn.add_argument("--wait-confirm", nargs=2, metavar=("ADDR", "SECONDS"))
    cn.add_argument("--hb-off", action="store_true")
    cn.add_argument("--demand", metavar="ADDR")
    args = ap.parse_args()
    {"serve": serve, "connect": connect}[args.cmd](args)


if __name__ == "__main__":
    main()
