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
Every line is "case: outcome"; times are printed as ranges, not values.
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


def autoclose_cases():
    """A client whose idle association closes after 2 s; DATA either way
    restarts the idle time; a value set later does not apply to
    associations that exist; a peeled-off association keeps it."""
    def two(c):
        c.setsockopt(SCTP, AUTOCLOSE, 2)
        subscribe(c)
    c, srv = pair(7000, socket.SOCK_SEQPACKET, socket.SOCK_SEQPACKET, two,
                  subscribe)
    show("autoclose client", recv_one(c))
    show("autoclose server", recv_one(srv))
    time.sleep(1.5)
    c.sendto(b"ping", (B, 7000))
    show("server reads", recv_one(srv))
    time.sleep(1.5)
    srv.sendto(b"pong", (A, c.getsockname()[1]))
    show("client reads", recv_one(c))
    time.sleep(1.0)
    show("2.5 s after sending, 1 s after receiving: state", state_of(c))
    t = wait_for(c, "ASSOC_CHANGE SHUTDOWN_COMP error 0", 5)
    show("client SHUTDOWN_COMP 0.5-2.5 s later",
         t is not None and 0.3 <= t <= 2.5 or t)
    show("server", recv_one(srv))
    show("client poll after", poll_flags(c))
    show("client send to the peer again (new association)",
         attempt(lambda: c.sendto(b"again", (B, 7000))))
    show("client", recv_one(c))
    show("server", recv_one(srv))
    show("server reads", recv_one(srv))
    t = wait_for(c, "ASSOC_CHANGE SHUTDOWN_COMP error 0", 5)
    show("the new association closes too, 1.5-3 s later",
         t is not None and 1.2 <= t <= 3.5 or t)
    show("server", recv_one(srv))
    c.close()
    srv.close()

    # Set after the association exists: Linux copies it at creation.
    c, srv = pair(7001, socket.SOCK_SEQPACKET, socket.SOCK_SEQPACKET, subscribe,
                  subscribe)
    show("late client", recv_one(c))
    show("late AUTOCLOSE set 1", attempt(lambda: c.setsockopt(SCTP, AUTOCLOSE, 1)))
    time.sleep(2.5)
    show("late: 2.5 s idle, state", state_of(c))
    show("late client", recv_one(c, 0.2))

    # Peeled off: the association keeps its timer; the option is allowed.
    def one(s):
        s.setsockopt(SCTP, AUTOCLOSE, 1)
        subscribe(s)
    c2, srv2 = pair(7002, socket.SOCK_SEQPACKET, socket.SOCK_SEQPACKET, one)
    show("peel client", recv_one(c2))
    r = raw_getsockopt(c2, PEELOFF, struct.pack("ii", ids.get(c2.fileno(), 0), 0), 8)
    fd = struct.unpack("ii", r)[1] if not isinstance(r, str) else -1
    show("peeled off", fd >= 0 or r)
    if fd >= 0:
        p = socket.socket(fileno=fd)
        show("peeled AUTOCLOSE get", attempt(lambda: p.getsockopt(SCTP, AUTOCLOSE)))
        show("peeled AUTOCLOSE set 3", attempt(lambda: p.setsockopt(SCTP, AUTOCLOSE, 3)))
        t = wait_for(p, "ASSOC_CHANGE SHUTDOWN_COMP error 0", 4)
        show("peeled association closes within 2.5 s", t is not None and t <= 2.5 or t)
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
        r = recv_one(c, 6)
        t = time.monotonic() - t0
        show("t5 %s client" % name, r)
        show("t5 %s after 1.5-4 s" % name, 1.5 <= t <= 4 or round(t, 1))
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
