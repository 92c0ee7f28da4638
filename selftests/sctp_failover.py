#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""A paced, checked stream over a multihomed association, for failover
tests and the failover benchmark, through the standard socket API only
(xsctp and sctp.ko alike). Times are CLOCK_REALTIME in seconds (like
bash's $EPOCHREALTIME), so a shell can place its faults among them.

  sctp_failover.py serve PORT ADDR... [--ready FILE] [--arrivals FILE]
        [--size N] [--timeout SECONDS]
      a one-to-one listener bound to the first ADDR and, with
      sctp_bindx(), to the others; accepts one association and reads its
      messages until EOF. Each must be SIZE bytes, whole (MSG_EOR), the
      next in sequence (so each arrives exactly once, in order) and
      intact (its filler is a function of its number). Writes
      "SEQ TIME" per arrival to FILE; prints one summary line,
        recv ok N messages | recv FAILED: WHY (N messages)
      and exits 0 when every check held. SIGTERM ends it with the
      summary "recv FAILED: terminated" (and FILE written).
  sctp_failover.py send PORT ADDR... --stop FILE [--started FILE]
        [--interval MS] [--size N] [--timeout SECONDS]
      a one-to-one socket subscribes to SCTP_PEER_ADDR_CHANGE (SCTP_EVENT;
      SCTP_EVENTS where that fails), turns Nagle off, calls
      sctp_connectx() with the ADDRs in order, then sends a numbered
      SIZE-byte message every INTERVAL ms (without blocking: when the
      send buffer is full it sends the same message once it can) until
      FILE exists, and closes (a graceful SHUTDOWN). Prints, as they
      happen:
        subscribed SCTP_EVENT|SCTP_EVENTS
        connecting TIME                    (sctp_connectx() called)
        connected TIME
        primary ADDR                       (SCTP_PRIMARY_ADDR, or the errno)
        paths TIME ADDR=STATE ...          (SCTP_GET_PEER_ADDR_INFO of the
                                            ADDRs after connecting and after
                                            each notification; 0 INACTIVE,
                                            1 PF, 2 ACTIVE, 3 UNCONFIRMED)
        started TIME                       (the first message sent; FILE
                                            --started touched)
        event TIME ADDR STATE NAME error E (each SCTP_PEER_ADDR_CHANGE)
        note TIME TYPE                     (any other notification)
        sent N                             (at the end)
      Exits 0 when it ran to FILE, 1 on a socket error or timeout.
  sctp_failover.py gap FILE --from T [--to T]
      the longest gap between consecutive arrivals of a serve --arrivals
      FILE that ends at or after T (and starts no later than --to; with
      --to, the time from the last arrival to it counts as a gap too):
        gap MS from +MS to +MS after N
      (times relative to --from; N messages arrived after the gap: 0 when
      none came after it), or "gap none" when no arrival ends at or after
      T (or there is no FILE).
"""
import argparse
import os
import select
import signal
import socket
import struct
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
# pylint: disable=wrong-import-position
from sctp_conn import IPPROTO_SCTP, SCTP_SOCKOPT_CONNECTX  # noqa: E402
from sctp_multi import errname, family, listener, packed, parse_addrs, \
    path_state, raw_setsockopt, subscribe  # noqa: E402
from matrix_events import raw_getsockopt  # noqa: E402

SCTP_NODELAY = 3
SCTP_PRIMARY_ADDR = 6
SCTP_PEER_ADDR_CHANGE = 0x8002
MSG_NOTIFICATION = 0x8000
PADDR_CHANGE_LEN = 148      # struct sctp_paddr_change, packed
PRIM_LEN = 132              # struct sctp_prim, packed
ADDR_STATES = {0: "ADDR_AVAILABLE", 1: "ADDR_UNREACHABLE", 2: "ADDR_REMOVED",
               3: "ADDR_ADDED", 4: "ADDR_MADE_PRIM", 5: "ADDR_CONFIRMED",
               6: "ADDR_POTENTIALLY_FAILED"}
MAGIC = b"XFOV"
HEADER = struct.Struct("!4sI")
PATTERN = bytes(range(256)) * 2


def message(seq, size):
    """Message @seq: "XFOV", the number, then filler that depends on it."""
    fill = size - HEADER.size
    body = (PATTERN[seq % 256:] * (fill // 256 + 2))[:fill]
    return HEADER.pack(MAGIC, seq) + body


def now():
    return time.time()


# --- serve -----------------------------------------------------------------

class Terminated(Exception):
    pass


def terminate(_signum, _frame):
    raise Terminated()


def serve(args):
    # SIGTERM (a test giving up) still leaves the arrivals and a summary.
    signal.signal(signal.SIGTERM, terminate)
    s, err = listener(args.addrs, args.port, 1)
    if err:
        print("recv FAILED: bindx", err, "(0 messages)", flush=True)
        sys.exit(1)
    if args.ready:
        open(args.ready, "w").close()
    deadline = now() + args.timeout
    arrivals, why = [], None
    try:
        s.settimeout(args.timeout)
        c, _ = s.accept()
        c.settimeout(None)
        why = receive(c, args.size, arrivals, deadline)
    except socket.timeout:
        why = "timed out after %d s" % args.timeout
    except OSError as e:
        why = errname(e.errno)
    except Terminated:
        why = "terminated"
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if args.arrivals:
        with open(args.arrivals, "w") as f:
            f.writelines("%d %.6f\n" % a for a in arrivals)
    if why:
        print("recv FAILED: %s (%d messages)" % (why, len(arrivals)), flush=True)
        sys.exit(1)
    print("recv ok %d messages" % len(arrivals), flush=True)


def receive(c, size, arrivals, deadline):
    """Read messages until EOF: None, or why the stream is not right."""
    p = select.poll()
    p.register(c, select.POLLIN)
    part = b""
    while True:
        left = deadline - now()
        if left <= 0 or not p.poll(left * 1000):
            return "timed out"
        data, _, flags, _ = c.recvmsg(65536)
        if flags & MSG_NOTIFICATION:
            continue
        if not data:
            return None if not part else "EOF inside a message"
        part += data
        if not flags & socket.MSG_EOR:
            continue
        got, part = part, b""
        seq = len(arrivals)
        if len(got) != size:
            return "message after #%d is %d bytes, not %d" % (seq - 1, len(got), size)
        magic, n = HEADER.unpack_from(got)
        if magic != MAGIC:
            return "message after #%d has no header" % (seq - 1)
        if n != seq:
            return "#%d arrived where #%d was due (%s)" % (
                n, seq, "again" if n < seq else "lost or late")
        if got != message(n, size):
            return "#%d arrived damaged" % n
        arrivals.append((n, now()))


# --- send ------------------------------------------------------------------

def primary(s):
    raw = raw_getsockopt(s, SCTP_PRIMARY_ADDR, bytes(PRIM_LEN))
    if isinstance(raw, str):
        return raw
    return (parse_addrs(raw[4:]) or ["none"])[0]


def paths(s, addrs, port):
    return "paths %.6f %s" % (now(), " ".join(
        "%s=%s" % (a, path_state(s, a, port)) for a in addrs))


def notifications(s, addrs, port):
    """Print the notifications queued on @s, without waiting."""
    while True:
        try:
            data, _, flags, _ = s.recvmsg(1024, 0, socket.MSG_DONTWAIT)
        except BlockingIOError:
            return
        if not flags & MSG_NOTIFICATION:
            print("data %d bytes from the server" % len(data), flush=True)
            continue
        t = now()
        typ = struct.unpack_from("=H", data)[0]
        if typ != SCTP_PEER_ADDR_CHANGE or len(data) < PADDR_CHANGE_LEN:
            print("note %.6f %#x (%d bytes)" % (t, typ, len(data)), flush=True)
            continue
        state, err = struct.unpack_from("=ii", data, 136)
        addr = (parse_addrs(data[8:136]) or ["?"])[0]
        print("event %.6f %s %d %s error %d" % (
            t, addr, state, ADDR_STATES.get(state, "?"), err), flush=True)
        print(paths(s, addrs, port), flush=True)


def connectx(s, addrs, port):
    r = raw_setsockopt(s, SCTP_SOCKOPT_CONNECTX, packed(addrs, port))
    return None if r >= 0 else errname(-r)


def send(args):
    s = socket.socket(family(args.addrs[0]), socket.SOCK_STREAM, IPPROTO_SCTP)
    print("subscribed", subscribe(s), flush=True)
    try:
        s.setsockopt(IPPROTO_SCTP, SCTP_NODELAY, 1)
    except OSError as e:
        print("SCTP_NODELAY:", errname(e.errno))
    print("connecting %.6f" % now(), flush=True)
    err = connectx(s, args.addrs, args.port)
    if err:
        print("connectx", err, flush=True)
        sys.exit(1)
    print("connected %.6f" % now())
    print("primary", primary(s))
    print(paths(s, args.addrs, args.port), flush=True)
    s.setblocking(False)
    p = select.poll()
    p.register(s, select.POLLIN)
    interval = args.interval / 1000
    deadline = now() + args.timeout
    seq, due, pending, status = 0, now(), None, 0
    while not os.path.exists(args.stop):
        t = now()
        if t > deadline:
            print("timed out after %d s" % args.timeout)
            status = 1
            break
        if pending is None and t >= due:
            pending = message(seq, args.size)
            due += interval
            # A stall (full send buffer) is not made up for by a burst.
            due = max(due, t)
        if pending is not None:
            try:
                if s.send(pending) != len(pending):
                    print("send #%d: short" % seq, flush=True)
                    status = 1
                    break
                if seq == 0:
                    print("started %.6f" % now(), flush=True)
                    if args.started:
                        open(args.started, "w").close()
                seq, pending = seq + 1, None
            except BlockingIOError:
                pass
            except OSError as e:
                print("send #%d: %s" % (seq, errname(e.errno)), flush=True)
                status = 1
                break
        wait = max(0, due - now()) if pending is None else 0.005
        events = p.poll(min(wait, 0.05) * 1000)
        if events:
            if events[0][1] & (select.POLLERR | select.POLLHUP):
                print("socket error %s" % errname(
                    s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)), flush=True)
                status = 1
                break
            notifications(s, args.addrs, args.port)
    notifications(s, args.addrs, args.port)
    print("sent", seq, flush=True)
    s.close()
    sys.exit(status)


# --- gap -------------------------------------------------------------------

def gap(args):
    times = []
    if os.path.exists(args.file):
        with open(args.file) as f:
            times = [float(line.split()[1]) for line in f]
    to = args.to if args.to is not None else float("inf")
    best = None
    for i in range(1, len(times)):
        if times[i] >= args.start and times[i - 1] <= to:
            g = times[i] - times[i - 1]
            if best is None or g > best[0]:
                best = (g, times[i - 1], times[i], len(times) - i)
    # Nothing arrived after the last arrival: the gap lasts until --to.
    if times and args.to is not None and times[-1] <= to:
        g = to - times[-1]
        if best is None or g > best[0]:
            best = (g, times[-1], to, 0)
    if best is None:
        print("gap none")
        return
    g, start, end, after = best
    print("gap %.0f from %+.0f to %+.0f after %d" % (
        g * 1000, (start - args.start) * 1000, (end - args.start) * 1000, after))


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    sv = sub.add_parser("serve")
    sv.add_argument("port", type=int)
    sv.add_argument("addrs", nargs="+")
    sv.add_argument("--ready")
    sv.add_argument("--arrivals")
    sv.add_argument("--size", type=int, default=1024)
    sv.add_argument("--timeout", type=float, default=120)
    sd = sub.add_parser("send")
    sd.add_argument("port", type=int)
    sd.add_argument("addrs", nargs="+")
    sd.add_argument("--stop", required=True)
    sd.add_argument("--started")
    sd.add_argument("--interval", type=float, default=10)
    sd.add_argument("--size", type=int, default=1024)
    sd.add_argument("--timeout", type=float, default=120)
    gp = sub.add_parser("gap")
    gp.add_argument("file")
    gp.add_argument("--from", dest="start", type=float, required=True)
    gp.add_argument("--to", type=float)
    args = ap.parse_args()
    {"serve": serve, "send": send, "gap": gap}[args.cmd](args)


if __name__ == "__main__":
    main()
