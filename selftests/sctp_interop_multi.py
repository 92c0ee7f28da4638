#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The multihomed case of the two-guest interop test (interop.sh): one
association from sctp_connectx() to a listener bound to several
addresses, the first of them dead, through the standard socket API only.

  sctp_interop_multi.py serve PORT ADDR... --ready-port UDP
        [--lift COMMAND] [--timeout SECONDS]
      a one-to-one listener bound to the first ADDR and, with
      sctp_bindx(), to the others. Once it listens, a thread answers
      "ready" to every datagram on UDP port UDP (so the client knows it
      may connect). Accepts one association, prints "accepted PEER",
      then echoes every message back whole, except "lift": for that it
      runs COMMAND (which lets SCTP to the dead address through) and
      answers "lifted" (or "lift failed"). Prints "eof after N messages"
      when the client's SHUTDOWN ends the stream; exits 0 then, 1 on
      a timeout or a socket error.
  sctp_interop_multi.py connect PORT ADDR... --ready HOST:UDP
        [--count N] [--seed N] [--lift] [--timeout SECONDS]
      asks HOST:UDP until the listener says "ready" (every 0.5 s), then
      subscribes to SCTP_ASSOC_CHANGE and calls sctp_connectx() with the
      ADDRs in order (blocking). Prints, each step only after the
      previous one worked:
        ready MS                         (ms the probe took)
        result ok|ERRNO ms MS            (sctp_connectx() to its return)
        state S                          (SCTP_STATUS, 4 = ESTABLISHED)
        peers ADDR...                    (SCTP_GET_PEER_ADDRS, sorted)
        primary ADDR                     (SCTP_PRIMARY_ADDR)
        path ADDR STATE                  (SCTP_GET_PEER_ADDR_INFO; 0
                                          INACTIVE, 1 PF, 2 ACTIVE, 3
                                          UNCONFIRMED)
        echo ok N messages B bytes       (N messages of 1 to 9000 bytes,
                                          seeded, each sent and read back
                                          whole and equal; else "echo
                                          FAILED: WHY")
      and with --lift, for the first ADDR (the dead one):
        left-active STATE ms MS          (its state once not ACTIVE, and
                                          when, from the echo's end)
        lifted                           (the server's answer to "lift")
        active-again ms MS               (ACTIVE again, ms after "lifted")
      then shuts down (SHUT_WR) and waits for the association's end:
        closed SHUTDOWN_COMP ms MS       (the SCTP_ASSOC_CHANGE)
      Exit status 0 when every step held, 1 otherwise.
"""
import argparse
import os
import random
import select
import shlex
import socket
import struct
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
# pylint: disable=wrong-import-position
from sctp_conn import IPPROTO_SCTP, SCTP_ESTABLISHED, status  # noqa: E402
from sctp_multi import connectx, family, listener, path_state, \
    peer_addrs  # noqa: E402
from sctp_failover import primary  # noqa: E402

SCTP_EVENTS = 11
MSG_NOTIFICATION = 0x8000
SCTP_ASSOC_CHANGE = 0x8001
ASSOC_STATES = ["COMM_UP", "COMM_LOST", "RESTART", "SHUTDOWN_COMP",
                "CANT_STR_ASSOC"]
PATH_ACTIVE = 2


def out(*words):
    print(*words, flush=True)


def ms_since(t0):
    return (time.monotonic() - t0) * 1000


def read_message(s, timeout):
    """One whole message: (b"" at EOF, flags), or (notification, flags).
    Raises socket.timeout when nothing completes in time."""
    parts, end = [], time.monotonic() + timeout
    while True:
        left = end - time.monotonic()
        if left <= 0 or not select.select([s], [], [], left)[0]:
            raise socket.timeout("no whole message within %g s" % timeout)
        data, _, flags, _ = s.recvmsg(65536)
        if not data and not parts:
            return b"", 0
        parts.append(data)
        if flags & (socket.MSG_EOR | MSG_NOTIFICATION):
            return b"".join(parts), flags


def read_data(s, timeout):
    """The next whole message that is not a notification (b"" at EOF)."""
    while True:
        msg, flags = read_message(s, timeout)
        if not flags & MSG_NOTIFICATION:
            return msg


# --- serve (the sctp.ko guest) ---------------------------------------------

def answer_probes(port):
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    u.bind(("0.0.0.0", port))
    while True:
        _, src = u.recvfrom(64)
        u.sendto(b"ready", src)


def serve(args):
    s, err = listener(args.addrs, args.port, 1)
    if err:
        out("bindx", err)
        sys.exit(1)
    threading.Thread(target=answer_probes, args=(args.ready_port,), daemon=True).start()
    s.settimeout(args.timeout)
    try:
        c, peer = s.accept()
    except socket.timeout:
        out("accept timed out")
        sys.exit(1)
    out("accepted", peer[0])
    n = 0
    end = time.monotonic() + args.timeout
    try:
        while True:
            msg = read_data(c, max(0.1, end - time.monotonic()))
            if not msg:
                break
            if msg == b"lift":
                done = subprocess.run(shlex.split(args.lift or "false"),
                                      check=False).returncode == 0
                out("lift", "ok" if done else "failed")
                c.send(b"lifted" if done else b"lift failed")
                continue
            if c.send(msg) != len(msg):
                raise OSError("message %d echoed in part" % n)
            n += 1
    except OSError as e:
        out("serve FAILED: %s after %d messages" % (e, n))
        sys.exit(1)
    out("eof after %d messages" % n)
    c.close()


# --- connect (the xsctp guest) ---------------------------------------------

def wait_ready(host, port, timeout):
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    u.settimeout(0.5)
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            u.sendto(b"ready?", (host, port))
            if u.recv(64) == b"ready":
                return True
        except OSError:     # a timeout, or no neighbour yet
            time.sleep(0.5)
    return False


def wait_path(s, addr, port, want, timeout):
    """Poll @addr's path state every 50 ms until want(state): the state,
    or None after @timeout seconds (the last state printed)."""
    end = time.monotonic() + timeout
    while True:
        st = path_state(s, addr, port)
        if want(st):
            return st
        if time.monotonic() > end:
            out("# path %s still %s after %g s" % (addr, st, timeout))
            return None
        time.sleep(0.05)


def echo(s, count, seed, timeout):
    rnd = random.Random(seed)
    total = 0
    for i in range(count):
        size = rnd.choice((1, 100, 1400, 1500, 4000, 9000, rnd.randint(1, 9000)))
        msg = struct.pack("!I", i)[:size] + rnd.randbytes(max(0, size - 4))
        if s.send(msg) != size:
            return "echo FAILED: message %d of %d bytes sent in part" % (i, size)
        got = read_data(s, timeout)
        if got != msg:
            return "echo FAILED: message %d of %d bytes came back as %d bytes%s" % (
                i, size, len(got), "" if len(got) != size else ", different")
        total += size
    return "echo ok %d messages %d bytes" % (count, total)


def wait_closed(s, timeout):
    """After shutdown(SHUT_WR): the SCTP_ASSOC_CHANGE that ends it."""
    end = time.monotonic() + timeout
    while True:
        got, flags = read_message(s, max(0.1, end - time.monotonic()))
        if not got:
            return "EOF"
        if flags & MSG_NOTIFICATION and len(got) >= 10 and \
                struct.unpack_from("=H", got)[0] == SCTP_ASSOC_CHANGE:
            state = struct.unpack_from("=H", got, 8)[0]
            if state != 0:      # COMM_UP came first; this is the end
                return ASSOC_STATES[state] if state < len(ASSOC_STATES) else str(state)


def connect(args):
    host, udp = args.ready.rsplit(":", 1)
    t0 = time.monotonic()
    if not wait_ready(host, int(udp), args.timeout):
        out("ready none after %g s" % args.timeout)
        sys.exit(1)
    out("ready %.0f" % ms_since(t0))
    s = socket.socket(family(args.addrs[0]), socket.SOCK_STREAM, IPPROTO_SCTP)
    # struct sctp_event_subscribe: byte 1 is sctp_association_event.
    s.setsockopt(IPPROTO_SCTP, SCTP_EVENTS, bytes([0, 1]))
    t0 = time.monotonic()
    got = connectx(s, args.addrs, args.port, False, args.timeout)
    out("result %s ms %.0f" % (got, ms_since(t0)))
    if got != "ok":
        sys.exit(1)
    out("state", status(s)[0])
    out("peers", " ".join(sorted(peer_addrs(s))))
    out("primary", primary(s))
    for a in args.addrs:
        out("path", a, path_state(s, a, args.port))
    try:
        line = echo(s, args.count, args.seed, args.timeout)
    except OSError as e:
        line = "echo FAILED: %s" % e
    out(line)
    if not line.startswith("echo ok"):
        sys.exit(1)
    if args.lift:
        dead = args.addrs[0]
        t0 = time.monotonic()
        st = wait_path(s, dead, args.port, lambda x: x != PATH_ACTIVE, args.timeout)
        if st is None:
            sys.exit(1)
        out("left-active %s ms %.0f" % (st, ms_since(t0)))
        s.send(b"lift")
        try:
            answer = read_data(s, args.timeout)
        except OSError as e:
            answer = str(e).encode()
        if answer != b"lifted":
            out("lift answered %r" % answer)
            sys.exit(1)
        out("lifted")
        t0 = time.monotonic()
        if wait_path(s, dead, args.port, lambda x: x == PATH_ACTIVE, args.timeout) is None:
            sys.exit(1)
        out("active-again ms %.0f" % ms_since(t0))
    if status(s)[0] != SCTP_ESTABLISHED:
        out("not established before shutdown:", status(s)[1])
        sys.exit(1)
    t0 = time.monotonic()
    s.shutdown(socket.SHUT_WR)
    try:
        end = wait_closed(s, args.timeout)
    except OSError as e:
        end = str(e)
    out("closed %s ms %.0f" % (end, ms_since(t0)))
    sys.exit(0 if end == "SHUTDOWN_COMP" else 1)


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    sv = sub.add_parser("serve")
    sv.add_argument("port", type=int)
    sv.add_argument("addrs", nargs="+")
    sv.add_argument("--ready-port", type=int, required=True)
    sv.add_argument("--lift")
    sv.add_argument("--timeout", type=float, default=120)
    cn = sub.add_parser("connect")
    cn.add_argument("port", type=int)
    cn.add_argument("addrs", nargs="+")
    cn.add_argument("--ready", required=True)
    cn.add_argument("--count", type=int, default=40)
    cn.add_argument("--seed", type=int, default=1)
    cn.add_argument("--lift", action="store_true")
    cn.add_argument("--timeout", type=float, default=30)
    args = ap.parse_args()
    {"serve": serve, "connect": connect}[args.cmd](args)


if __name__ == "__main__":
    main()
