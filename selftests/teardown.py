#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The end of associations, through the standard socket API only, so the
same run prints the same lines against xsctp and against sctp.ko:
SCTP_AUTOCLOSE, T5-shutdown-guard, and shutdown(2) with SHUT_RD, SHUT_WR
and SHUT_RDWR on one-to-one and one-to-many sockets, with the poll()
flags, recv() and send() results and notifications after each.

  teardown.py [CASE...]     (cases: options autoclose t5 one_to_one
                             one_to_many; default: all)

One process drives both ends: it creates each socket in namespace
xsctp-a (the client, 198.51.100.1) or xsctp-b (the server,
198.51.100.2) with setns(), so the order of events is the script's.
Every line is "case: outcome"; a time is an outcome only as bounds (no
sooner than its timer, within a generous limit), and is told in a "#"
line, which teardown.sh does not compare.
"""
import ctypes
import errno
import os
import select
import socket
import struct
import subprocess
import sys
import time

from matrix_events import raw_getsockopt

SCTP = 132
RTOINFO, ASSOCINFO, AUTOCLOSE, EVENTS, STATUS = 0, 1, 4, 11, 14
PEELOFF = 102
MSG_NOTIFICATION = 0x8000
A, B = "198.51.100.1", "198.51.100.2"
CLONE_NEWNET = 0x40000000
NOTES = {0x8001: "ASSOC_CHANGE", 0x8005: "SHUTDOWN_EVENT",
         0x8009: "SENDER_DRY"}
STATES = {0: "COMM_UP", 1: "COMM_LOST", 2: "RESTART", 3: "SHUTDOWN_COMP",
          4: "CANT_STR_ASSOC"}
POLL_BITS = [("IN", select.POLLIN), ("PRI", select.POLLPRI),
             ("OUT", select.POLLOUT), ("ERR", select.POLLERR),
             ("HUP", select.POLLHUP), ("RDNORM", select.POLLRDNORM),
             ("WRNORM", select.POLLWRNORM), ("WRBAND", select.POLLWRBAND),
             ("RDHUP", 0x2000)]

libc = ctypes.CDLL(None, use_errno=True)
_ns = {}


def enter(ns):
    """Create the next sockets in namespace @ns."""
    if ns not in _ns:
        _ns[ns] = os.open("/run/netns/" + ns, os.O_RDONLY)
    if libc.setns(_ns[ns], CLONE_NEWNET) < 0:
        raise OSError(ctypes.get_errno(), "setns " + ns)


def sock(ns, kind=socket.SOCK_STREAM):
    enter(ns)
    return socket.socket(socket.AF_INET, kind, SCTP)


def show(case, result):
    print("%s: %s" % (case, result), flush=True)


def attempt(fn):
    try:
        r = fn()
        return "ok" if r is None else repr(r)
    except socket.timeout:
        return "timed out"
    except OSError as e:
        return errno.errorcode.get(e.errno, str(e.errno))


def raw_setsockopt(s, opt, data):
    buf = ctypes.create_string_buffer(data, len(data))
    if libc.setsockopt(s.fileno(), SCTP, opt, buf, len(data)) < 0:
        e = ctypes.get_errno()
        return errno.errorcode.get(e, str(e))
    return "ok"


def poll_flags(s):
    p = select.poll()
    p.register(s, 0xffff)
    ev = p.poll(0)
    mask = ev[0][1] if ev else 0
    return "|".join(n for n, b in POLL_BITS if mask & b) or "-"


# The last association id each socket heard of (its COMM_UP).
ids = {}


def state_of(s):
    aid = ids.get(s.fileno(), 0)
    r = raw_getsockopt(s, STATUS, struct.pack("i", aid) + bytes(172), 176)
    return r if isinstance(r, str) else struct.unpack_from("ii", r)[1]


def so_error(s):
    e = s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
    return errno.errorcode.get(e, str(e)) if e else "0"


def subscribe(s, shutdown_event=False):
    """Association changes (and the peer's SHUTDOWN)."""
    s.setsockopt(SCTP, EVENTS, bytes([0, 1, 0, 0, 0, int(shutdown_event)]))


def describe(s, data):
    typ = struct.unpack_from("=H", data)[0]
    name = NOTES.get(typ, hex(typ))
    if typ == 0x8001:
        state, err = struct.unpack_from("=HH", data, 8)
        if state == 0:
            ids[s.fileno()] = struct.unpack_from("=i", data, 16)[0]
        return "%s %s error %d" % (name, STATES.get(state, state), err)
    return name


def recv_one(s, timeout=5.0):
    """The next message or notification within @timeout seconds."""
    p = select.poll()
    p.register(s, select.POLLIN)
    if not p.poll(int(timeout * 1000)):
        return "nothing"
    try:
        data, _, flags, _ = s.recvmsg(1024, 0, socket.MSG_DONTWAIT)
    except OSError as e:
        return errno.errorcode.get(e.errno, str(e.errno))
    if flags & MSG_NOTIFICATION:
        return describe(s, data)
    return repr(data)


def recv_all(s, timeout=1.0):
    """Whatever arrives within @timeout seconds, until nothing or EOF."""
    got = []
    while True:
        r = recv_one(s, timeout)
        got.append(r)
        if r in ("nothing", "b''") or not r.startswith(("b'", "ASSOC", "SH")):
            return ", ".join(got)


def wait_for(s, want, timeout):
    """Seconds until recv_one() gives @want, or None."""
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        r = recv_one(s, timeout - (time.monotonic() - t0))
        if r == want:
            return time.monotonic() - t0
        if r == "nothing":
            break
    return None


def pair(port, server_kind=socket.SOCK_STREAM, client_kind=socket.SOCK_STREAM,
         setup=None, server_setup=None):
    """A connected client (ns a) and the server's end (ns b): the accepted
    socket, or the one-to-many listener itself."""
    lst = sock("xsctp-b", server_kind)
    lst.settimeout(10)
    if server_setup:
        server_setup(lst)
    lst.bind((B, port))
    lst.listen(4)
    c = sock("xsctp-a", client_kind)
    c.settimeout(10)
    if setup:
        setup(c)
    c.connect((B, port))
    c.settimeout(None)
    if server_kind == socket.SOCK_STREAM:
        s, _ = lst.accept()
        s.settimeout(None)
        lst.close()
        return c, s
    lst.settimeout(None)
    return c, lst


def settle():
    time.sleep(0.5)


# --- SCTP_AUTOCLOSE -------------------------------------------------------

def options_cases():
    m = sock("xsctp-a", socket.SOCK_SEQPACKET)
    show("AUTOCLOSE get default", m.getsockopt(SCTP, AUTOCLOSE))
    show("AUTOCLOSE set 5", attempt(lambda: m.setsockopt(SCTP, AUTOCLOSE, 5)))
    show("AUTOCLOSE get after", m.getsockopt(SCTP, AUTOCLOSE))
    show("AUTOCLOSE set -1", attempt(lambda: m.setsockopt(SCTP, AUTOCLOSE, -1)))
    show("AUTOCLOSE get after -1 (INT_MAX / HZ)", m.getsockopt(SCTP, AUTOCLOSE))
    show("AUTOCLOSE set 8 bytes", raw_setsockopt(m, AUTOCLOSE, struct.pack("q", 3)))
    show("AUTOCLOSE set 2 bytes", raw_setsockopt(m, AUTOCLOSE, b"\x03\x00"))
    show("AUTOCLOSE get 2 bytes", raw_getsockopt(m, AUTOCLOSE, b"", 2))
    show("AUTOCLOSE get 8 bytes (cut to 4)", len(raw_getsockopt(m, AUTOCLOSE, b"", 8)))
    s = sock("xsctp-a")
    show("AUTOCLOSE set 2 bytes on one-to-one", raw_setsockopt(s, AUTOCLOSE, b"\x03\x00"))
    show("AUTOCLOSE get on one-to-one", attempt(lambda: s.getsockopt(SCTP, AUTOCLOSE)))
    m.close()
    s.close()


def closed_after(s, since, timeout):
    """Seconds from time.monotonic() @since until @s read its
    association's SHUTDOWN_COMP (waiting up to @timeout), or None."""
    if wait_for(s, "ASSOC_CHANGE SHUTDOWN_COMP error 0", timeout) is None:
        return None
    return time.monotonic() - since


def sleep_until(t):
    time.sleep(max(0.0, t - time.monotonic()))


def timed(case, lo, t, hi):
    """Show whether @lo <= @t <= @hi (seconds; None: it never came); the
    time itself goes in a comment line, which teardown.sh does not
    compare."""
    if t is None:
        show(case, None)
        return
    print("# %s: %.2f s" % (case, t), flush=True)
    show(case, lo <= t <= hi or round(t, 2))


# Timers fire no sooner than their time, give or take a jiffy.
JIFFY_SLACK = 0.05
# Generous: a sanitizer kernel under TCG is slow, but an idle time that
# never ends, or ends at another value's time, still fails.
LATE = 10


def autoclose_cases():
    """A client whose idle association closes after 4 s; DATA
    either way restarts the idle time; a value set later does not apply to
    associations that exist; a peeled-off association keeps it.

    Checked by the order of events and by lower bounds, which a slow
    kernel cannot break, with generous upper bounds: the client's ping
    goes half an idle time after COMM_UP, the server's pong just after the
    first idle time would have ended (so the association is up only
    because sending the ping restarted it), and the end comes no sooner
    than an idle time after the pong (so receiving it restarted it too)."""
    idle = 4

    def setup(c):
        c.setsockopt(SCTP, AUTOCLOSE, idle)
        subscribe(c)
    c, srv = pair(7000, socket.SOCK_SEQPACKET, socket.SOCK_SEQPACKET, setup,
                  subscribe)
    show("autoclose client", recv_one(c))
    up = time.monotonic()
    show("autoclose server", recv_one(srv))
    sleep_until(up + idle / 2)
    show("client sends within its first idle time",
         attempt(lambda: c.sendto(b"ping", (B, 7000))))
    show("server reads", recv_one(srv))
    # The first idle time began before COMM_UP was read: it is over.
    sleep_until(up + idle + 0.2)
    pong = time.monotonic()
    show("server sends after the first idle time would have ended",
         attempt(lambda: srv.sendto(b"pong", (A, c.getsockname()[1]))))
    show("client reads", recv_one(c))
    print("# client read the pong %.2f s after it was sent"
          % (time.monotonic() - pong), flush=True)
    show("client state right after", state_of(c))
    t = closed_after(c, pong, idle + LATE + 2)
    timed("client SHUTDOWN_COMP no sooner than %d s after the pong, within %d s"
          % (idle, idle + LATE), idle - JIFFY_SLACK, t, idle + LATE)
    show("server", recv_one(srv))
    show("client poll after", poll_flags(c))
    again = time.monotonic()
    show("client send to the peer again (new association)",
         attempt(lambda: c.sendto(b"again", (B, 7000))))
    show("client", recv_one(c))
    show("server", recv_one(srv))
    show("server reads", recv_one(srv))
    t = closed_after(c, again, idle + LATE + 2)
    timed("the new association closes too, no sooner than %d s after its "
          "message, within %d s" % (idle, idle + LATE),
          idle - JIFFY_SLACK, t, idle + LATE)
    show("server", recv_one(srv))
    c.close()
    srv.close()

    # Set after the association exists: Linux copies it at creation. Had
    # 1 s applied, the association would be gone after 2.5 s; a slower
    # kernel only waits longer.
    c, srv = pair(7001, socket.SOCK_SEQPACKET, socket.SOCK_SEQPACKET, subscribe,
                  subscribe)
    show("late client", recv_one(c))
    show("late AUTOCLOSE set 1", attempt(lambda: c.setsockopt(SCTP, AUTOCLOSE, 1)))
    time.sleep(2.5)
    show("late: 2.5 s idle, state", state_of(c))
    show("late client", recv_one(c, 0.2))

    # Peeled off: the association keeps its timer (1 s); the option is
    # allowed, and a new value (30 s) is not the association's.
    def one(s):
        s.setsockopt(SCTP, AUTOCLOSE, 1)
        subscribe(s)
    start = time.monotonic()
    c2, srv2 = pair(7002, socket.SOCK_SEQPACKET, socket.SOCK_SEQPACKET, one)
    show("peel client", recv_one(c2))
    r = raw_getsockopt(c2, PEELOFF, struct.pack("ii", ids.get(c2.fileno(), 0), 0), 8)
    fd = struct.unpack("ii", r)[1] if not isinstance(r, str) else -1
    show("peeled off", fd >= 0 or r)
    if fd >= 0:
        p = socket.socket(fileno=fd)
        show("peeled AUTOCLOSE get", attempt(lambda: p.getsockopt(SCTP, AUTOCLOSE)))
        show("peeled AUTOCLOSE set 30", attempt(lambda: p.setsockopt(SCTP, AUTOCLOSE, 30)))
        t = closed_after(p, start, 1 + LATE + 2)
        timed("peeled association closes no sooner than 1 s after its "
              "connect, within %d s (not 30 s)" % (1 + LATE),
              1 - JIFFY_SLACK, t, 1 + LATE)
        show("peeled recv after", attempt(lambda: p.recv(10, socket.MSG_DONTWAIT)))
        show("peeled poll after", poll_flags(p))
        p.close()
    for s in (c, srv, c2, srv2):
        s.close()


# --- T5-shutdown-guard ----------------------------------------------------

def nft_b(*rules):
    for r in rules:
        subprocess.run(["ip", "netns", "exec", "xsctp-b", "nft"] + r.split(),
                       check=False, stderr=subprocess.DEVNULL)


def t5_cases():
    """RTO.Max 400 ms: T5 is 2 s. The peer goes silent (nft drops SCTP in
    its namespace); SHUTDOWN is retransmitted with T2 (Max.Retrans 50
    would take far longer) until T5 ABORTs the association."""
    def quick(c):
        c.setsockopt(SCTP, RTOINFO, struct.pack("iIII", 0, 200, 400, 100))
        c.setsockopt(SCTP, ASSOCINFO, struct.pack("iHHIII", 0, 50, 0, 0, 0, 0))
        subscribe(c)
    for kind, name in ((socket.SOCK_STREAM, "one-to-one"),
                       (socket.SOCK_SEQPACKET, "one-to-many")):
        port = 7100 if kind == socket.SOCK_STREAM else 7101
        nft_b("delete table inet xsctp_t5")
        c, s = pair(port, kind, kind, quick)
        show("t5 %s client" % name, recv_one(c))
        nft_b("add table inet xsctp_t5",
              "add chain inet xsctp_t5 in { type filter hook input priority 0 ; }",
              "add rule inet xsctp_t5 in meta l4proto sctp drop")
        t0 = time.monotonic()
        if kind == socket.SOCK_STREAM:
            show("t5 %s shutdown(SHUT_WR)" % name,
                 attempt(lambda: c.shutdown(socket.SHUT_WR)))
        else:
            aid = ids.get(c.fileno(), 0)
            show("t5 %s SCTP_EOF" % name, attempt(lambda: c.sendmsg(
                [b""], [(SCTP, 1, struct.pack("HHHIIIIIi", 0, 0, 0x200, 0, 0,
                                               0, 0, 0, aid))])))
        show("t5 %s state after" % name, state_of(c))
        r = recv_one(c, 2 + LATE + 2)
        t = time.monotonic() - t0
        show("t5 %s client" % name, r)
        # No sooner than T5 (2 s), and well before the 50 SHUTDOWNs 400 ms
        # apart that Max.Retrans would wait for.
        timed("t5 %s no sooner than 2 s, within %d s" % (name, 2 + LATE),
              2 - JIFFY_SLACK, t if r != "nothing" else None, 2 + LATE)
        show("t5 %s poll" % name, poll_flags(c))
        show("t5 %s SO_ERROR" % name, so_error(c))
        show("t5 %s poll after SO_ERROR" % name, poll_flags(c))
        show("t5 %s recv" % name, attempt(lambda: c.recv(10, socket.MSG_DONTWAIT)))
        nft_b("delete table inet xsctp_t5")
        c.close()
        s.close()


# --- shutdown(2) on one-to-one sockets ------------------------------------

def one_to_one_cases():
    s = sock("xsctp-a")
    for how, name in ((socket.SHUT_RD, "SHUT_RD"), (socket.SHUT_WR, "SHUT_WR"),
                      (socket.SHUT_RDWR, "SHUT_RDWR")):
        s = sock("xsctp-a")
        show("unconnected %s" % name, attempt(lambda: s.shutdown(how)))
        show("unconnected %s poll" % name, poll_flags(s))
        show("unconnected %s recv" % name, attempt(lambda: s.recv(10, socket.MSG_DONTWAIT)))
        s.close()
    lst = sock("xsctp-b")
    lst.bind((B, 7200))
    lst.listen(4)
    show("listener SHUT_WR", attempt(lambda: lst.shutdown(socket.SHUT_WR)))
    show("listener SHUT_WR poll", poll_flags(lst))
    lst.settimeout(5)
    c = sock("xsctp-a")
    c.settimeout(5)
    show("connect to it", attempt(lambda: c.connect((B, 7200))))
    show("listener after SHUT_WR accepts", attempt(lambda: lst.accept()[0].close()))
    c.close()
    show("listener SHUT_RD", attempt(lambda: lst.shutdown(socket.SHUT_RD)))
    show("listener SHUT_RD poll", poll_flags(lst))
    lst.setblocking(False)
    show("listener SHUT_RD accept", attempt(lambda: lst.accept()))
    lst.close()

    # SHUT_RD: queued DATA is still read, then EOF; later DATA is dropped;
    # sending goes on.
    c, s = pair(7201)
    subscribe(c, True)
    s.send(b"before")
    p = select.poll()
    p.register(c, select.POLLIN)
    p.poll(3000)
    show("SHUT_RD", attempt(lambda: c.shutdown(socket.SHUT_RD)))
    show("SHUT_RD poll", poll_flags(c))
    show("SHUT_RD reads", recv_all(c))
    s.send(b"after")
    settle()
    show("SHUT_RD reads after the peer sent", recv_all(c, 0.2))
    show("SHUT_RD send", attempt(lambda: c.send(b"still")))
    show("SHUT_RD peer reads", recv_one(s))
    show("SHUT_RD again", attempt(lambda: c.shutdown(socket.SHUT_RD)))
    show("SHUT_RD then SHUT_WR", attempt(lambda: c.shutdown(socket.SHUT_WR)))
    settle()
    show("SHUT_RD then SHUT_WR poll", poll_flags(c))
    show("SHUT_RD then SHUT_WR peer reads", recv_all(s))
    show("SHUT_RD then SHUT_WR peer poll", poll_flags(s))
    show("SHUT_RD then SHUT_WR reads", recv_all(c, 0.2))
    show("SHUT_RD then SHUT_WR SO_ERROR", so_error(c))
    c.close()
    s.close()

    # SHUT_WR: the peer reads EOF; we still read what it sent before.
    c, s = pair(7202)
    subscribe(c, True)
    subscribe(s, True)
    s.send(b"late")
    settle()
    show("SHUT_WR", attempt(lambda: c.shutdown(socket.SHUT_WR)))
    show("SHUT_WR send", attempt(lambda: c.send(b"x")))
    settle()
    show("SHUT_WR poll", poll_flags(c))
    show("SHUT_WR peer reads", recv_all(s))
    show("SHUT_WR peer poll", poll_flags(s))
    show("SHUT_WR peer send", attempt(lambda: s.send(b"y")))
    show("SHUT_WR reads", recv_all(c))
    show("SHUT_WR poll after", poll_flags(c))
    show("SHUT_WR again", attempt(lambda: c.shutdown(socket.SHUT_WR)))
    show("SHUT_WR then SHUT_RD", attempt(lambda: c.shutdown(socket.SHUT_RD)))
    show("SHUT_WR getpeername", attempt(lambda: c.getpeername()[0]))
    show("SHUT_WR connect again", attempt(lambda: c.connect((B, 7202))))
    c.close()
    s.close()

    # SHUT_RDWR: both, and the notifications go unread.
    c, s = pair(7203)
    subscribe(c, True)
    show("SHUT_RDWR", attempt(lambda: c.shutdown(socket.SHUT_RDWR)))
    settle()
    show("SHUT_RDWR poll", poll_flags(c))
    show("SHUT_RDWR reads", recv_all(c, 0.2))
    show("SHUT_RDWR send", attempt(lambda: c.send(b"x")))
    show("SHUT_RDWR peer reads", recv_all(s))
    show("SHUT_RDWR peer poll", poll_flags(s))
    show("SHUT_RDWR again", attempt(lambda: c.shutdown(socket.SHUT_RDWR)))
    c.close()
    s.close()

    # The peer shuts down: we read EOF, and may still send until we close.
    c, s = pair(7204)
    show("peer SHUT_WR", attempt(lambda: s.shutdown(socket.SHUT_WR)))
    settle()
    show("peer SHUT_WR: poll", poll_flags(c))
    show("peer SHUT_WR: reads", recv_all(c))
    show("peer SHUT_WR: send", attempt(lambda: c.send(b"z")))
    show("peer SHUT_WR: poll later", poll_flags(c))
    c.close()
    s.close()

    # During setup (nobody answers): the attempt ends.
    c = sock("xsctp-a")
    c.setblocking(False)
    show("connecting", attempt(lambda: c.connect(("198.51.100.3", 7205))))
    show("connecting SHUT_WR", attempt(lambda: c.shutdown(socket.SHUT_WR)))
    settle()
    show("connecting SHUT_WR poll", poll_flags(c))
    show("connecting SHUT_WR SO_ERROR", so_error(c))
    show("connecting SHUT_WR connect again", attempt(lambda: c.connect((B, 7205))))
    c.close()


# --- shutdown(2) on one-to-many sockets -----------------------------------

def one_to_many_cases():
    m = sock("xsctp-b", socket.SOCK_SEQPACKET)
    m.bind((B, 7300))
    m.listen(4)
    subscribe(m)
    show("one-to-many listener SHUT_WR", attempt(lambda: m.shutdown(socket.SHUT_WR)))
    show("one-to-many listener SHUT_WR poll", poll_flags(m))
    c = sock("xsctp-a", socket.SOCK_SEQPACKET)
    subscribe(c, True)
    c.settimeout(5)
    show("one-to-many connect", attempt(lambda: c.connect((B, 7300))))
    c.settimeout(None)
    show("one-to-many client", recv_one(c))
    show("one-to-many listener", recv_one(m))
    show("one-to-many client SHUT_WR", attempt(lambda: c.shutdown(socket.SHUT_WR)))
    settle()
    show("one-to-many client SHUT_WR state", state_of(c))
    show("one-to-many client SHUT_WR poll", poll_flags(c))
    show("one-to-many client SHUT_WR send", attempt(lambda: c.sendto(b"a", (B, 7300))))
    show("one-to-many listener reads", recv_one(m))
    m.sendto(b"b", (A, c.getsockname()[1]))
    show("one-to-many client reads", recv_one(c))
    show("one-to-many client SHUT_RD", attempt(lambda: c.shutdown(socket.SHUT_RD)))
    show("one-to-many client SHUT_RD poll", poll_flags(c))
    m.sendto(b"c", (A, c.getsockname()[1]))
    settle()
    show("one-to-many client SHUT_RD reads", recv_all(c, 0.2))
    show("one-to-many client SHUT_RD state", state_of(c))
    show("one-to-many listener SHUT_RD", attempt(lambda: m.shutdown(socket.SHUT_RD)))
    show("one-to-many listener SHUT_RD poll", poll_flags(m))
    c.close()
    show("one-to-many listener after the client closed", recv_all(m))
    show("one-to-many listener SHUT_RDWR", attempt(lambda: m.shutdown(socket.SHUT_RDWR)))
    show("one-to-many listener SHUT_RDWR poll", poll_flags(m))
    m.close()


CASES = {"options": options_cases, "autoclose": autoclose_cases,
         "t5": t5_cases, "one_to_one": one_to_one_cases,
         "one_to_many": one_to_many_cases}


def main():
    try:
        for name in sys.argv[1:] or list(CASES):
            CASES[name]()
    finally:
        nft_b("delete table inet xsctp_t5")


if __name__ == "__main__":
    main()
