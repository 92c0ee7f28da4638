#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Checked SCTP transfers, through the standard socket API only, so the
same commands run against xsctp and against sctp.ko.

  sctp_xfer.py serve ADDR PORT [--type stream|seqpacket] [--ready FILE]
        [--whole | --expect-partial] [--rcvbuf BYTES] [--streams N]
        [--bufsize BYTES] [--timeout SECONDS]
      receive one association's messages and check them; print one
      summary line; exit 0 when every check held.
  sctp_xfer.py send ADDR PORT [--type stream|seqpacket] [--size N | A-B]
        [--count N | --bytes N] [--streams K] [--unordered P] [--ppid N]
        [--seed N] [--sndbuf BYTES] [--retry SECONDS] [--timeout SECONDS]
      connect (one-to-one) or send to ADDR:PORT (one-to-many, implicit
      setup), send the messages, then end gracefully: close() one-to-one,
      sendmsg(SCTP_EOF) one-to-many (then wait for SHUTDOWN_COMP); print
      one summary line with the SHA-256 of what was sent.

Each data message starts with a header: "XDAT", stream, flags (1 =
unordered), per-stream sequence number, length, global index, PPID. It
goes out on that stream (sinfo_stream), with that PPID, unordered when
the flag says so. Its size is the whole message, header included (at
least 28 bytes): fixed N, or drawn (seeded) from [A, B]. Messages go
round-robin over K streams; each is unordered with probability P.

The last message, ordered on stream 0, is a trailer: "XEND", the number
of data messages, their bytes, and the SHA-256 over all data messages
(headers included) in the order they were sent. The receiver, with
SCTP_EVENTS subscribing to data_io, association and shutdown events,
checks for each message its SCTP_SNDRCV cmsg (stream, SSN of ordered
messages, unordered flag, PPID, one association) against the header,
and its length once MSG_EOR ends it; each index arrives once; ordered
messages of a stream arrive in order. A message may take several reads
(partial delivery: sctp.ko delivers fragmented messages in pieces when
the receive buffer fills), but never one of at most 1024 bytes, and none
with --whole; --expect-partial requires at least one such message. It
hashes the messages in index order, holding those that overtake others,
and compares with the trailer at the end: for one-to-one, recv()
returning 0 (EOF); for one-to-many, the association's SCTP_ASSOC_CHANGE
SHUTDOWN_COMP. COMM_UP must be the first notification; COMM_LOST,
RESTART, CANT_STR_ASSOC, SEND_FAILED, PARTIAL_DELIVERY (an aborted
partial delivery), a timeout or SIGTERM fail the run.

Summary lines: "send ok|FAILED: ..." and "recv ok|FAILED: ..." (with the
notifications read, the reads beyond one per message, and the errors);
each ends with "sha256 HEX" so that a shell can compare the two. Exit
status: 0 ok, 1 a check failed, 2 timeout or socket error.
"""
import argparse
import hashlib
import os
import random
import signal
import socket
import struct
import sys
import time

IPPROTO_SCTP = 132
SCTP_INITMSG = 2
SCTP_EVENTS = 11
SCTP_STATUS = 14
SCTP_SNDRCV = 1                 # cmsg type
SCTP_UNORDERED = 0x1            # sinfo_flags
SCTP_EOF = 0x200                # MSG_FIN
MSG_NOTIFICATION = 0x8000
SO_SNDBUFFORCE = 32
SO_RCVBUFFORCE = 33
SNDRCVINFO = struct.Struct("HHHIIIIIi")   # struct sctp_sndrcvinfo, 32 bytes
HDR = struct.Struct("!4sHHIIQI")          # data message header, 28 bytes
END = struct.Struct("!4sQQ32s")           # trailer
F_UNORDERED = 1
# Messages this small fit one DATA chunk whatever the MTU (IPv6's least is
# 1280), so partial delivery never splits them.
UNFRAGMENTED = 1024

# struct sctp_event_subscribe, in order: data_io, association, address,
# send_failure, peer_error, shutdown, partial_delivery.
EVENTS_RECV = bytes([1, 1, 0, 0, 0, 1, 1])
EVENTS_SEND = bytes([0, 1, 0, 1, 0, 1])

SN_ASSOC_CHANGE = 0x8001
SN_NAMES = {0x8001: "ASSOC_CHANGE", 0x8002: "PEER_ADDR_CHANGE",
            0x8003: "SEND_FAILED", 0x8004: "REMOTE_ERROR",
            0x8005: "SHUTDOWN_EVENT", 0x8006: "PARTIAL_DELIVERY",
            0x8007: "ADAPTATION", 0x8009: "SENDER_DRY"}
ASSOC_STATES = ["COMM_UP", "COMM_LOST", "RESTART", "SHUTDOWN_COMP",
                "CANT_STR_ASSOC"]


class Timeout(Exception):
    pass


def on_alarm(_sig, _frame):
    raise Timeout()


def family_of(addr):
    return socket.AF_INET6 if ":" in addr else socket.AF_INET


def kind_of(name):
    return socket.SOCK_STREAM if name == "stream" else socket.SOCK_SEQPACKET


def set_streams(s, n):
    """SCTP_INITMSG: N streams each way (Linux's default is 10)."""
    if n > 10:
        s.setsockopt(IPPROTO_SCTP, SCTP_INITMSG, struct.pack("HHHH", n, n, 0, 0))


def notification(data):
    """(name, detail) of a notification; detail is the ASSOC_CHANGE state."""
    kind = struct.unpack_from("=H", data)[0]
    name = SN_NAMES.get(kind, "0x%x" % kind)
    if kind == SN_ASSOC_CHANGE and len(data) >= 16:
        state = struct.unpack_from("=H", data, 8)[0]
        return name, ASSOC_STATES[state] if state < 5 else str(state)
    return name, None


def size_pattern(text):
    lo, _, hi = text.partition("-")
    lo, hi = int(lo), int(hi or lo)
    if lo < HDR.size or hi < lo:
        raise argparse.ArgumentTypeError("sizes are at least %d bytes" % HDR.size)
    return lo, hi


# --- sender -------------------------------------------------------------------

def connect(s, dest, retry):
    """connect(), trying again while refused for up to @retry seconds (a
    server in another guest may not listen yet)."""
    deadline = time.monotonic() + retry
    while True:
        try:
            s.connect(dest)
            return
        except ConnectionRefusedError:
            if time.monotonic() >= deadline:
                raise
            time.sleep(0.5)


def status_mtu(s):
    """The association's path MTU and fragmentation point (SCTP_STATUS)."""
    st = s.getsockopt(IPPROTO_SCTP, SCTP_STATUS, 176)
    frag, = struct.unpack_from("I", st, 20)
    mtu, = struct.unpack_from("I", st, 24 + 148)
    return ", pmtu %d frag %d" % (mtu, frag)


def send(args):
    lo, hi = args.size
    rng = random.Random(args.seed)
    pool = os.urandom((1 << 20) + hi)       # payload is a slice of this
    view = memoryview(pool)
    s = socket.socket(family_of(args.addr), kind_of(args.type), IPPROTO_SCTP)
    s.setsockopt(IPPROTO_SCTP, SCTP_EVENTS, EVENTS_SEND)
    set_streams(s, args.streams)
    if args.sndbuf:
        s.setsockopt(socket.SOL_SOCKET, SO_SNDBUFFORCE, args.sndbuf // 2)
    dest = (args.addr, args.port)
    one_to_many = s.type == socket.SOCK_SEQPACKET
    if not one_to_many:
        connect(s, dest, args.retry)
    to = (dest,) if one_to_many else ()
    ppid = socket.htonl(args.ppid)
    digest = hashlib.sha256()
    seq = [0] * args.streams
    index = nbytes = unordered = 0
    start = time.monotonic()

    def sendone(parts, stream, flags):
        info = SNDRCVINFO.pack(stream, 0, flags, ppid, 0, 0, 0, 0, 0)
        s.sendmsg(parts, [(IPPROTO_SCTP, SCTP_SNDRCV, info)], 0, *to)

    while (args.count is None or index < args.count) and \
            (args.bytes is None or nbytes < args.bytes):
        size = lo if lo == hi else rng.randint(lo, hi)
        stream = index % args.streams
        flags = F_UNORDERED if args.unordered and rng.random() < args.unordered else 0
        hdr = HDR.pack(b"XDAT", stream, flags, seq[stream], size, index, args.ppid)
        off = (index * 7919) % (1 << 20)
        body = view[off:off + size - HDR.size]
        sendone([hdr, body], stream, SCTP_UNORDERED if flags else 0)
        digest.update(hdr)
        digest.update(body)
        seq[stream] += 1
        index += 1
        nbytes += size
        unordered += flags
    hexdigest = digest.hexdigest()
    sendone([END.pack(b"XEND", index, nbytes, digest.digest())], 0, 0)
    events = []
    if one_to_many:
        # A graceful end of this association: SCTP_EOF, then its
        # SHUTDOWN_COMP (after COMM_UP, which the first send set up).
        info = SNDRCVINFO.pack(0, 0, SCTP_EOF, 0, 0, 0, 0, 0, 0)
        s.sendmsg([], [(IPPROTO_SCTP, SCTP_SNDRCV, info)], 0, dest)
        while True:
            data, _, flags, _ = s.recvmsg(4096)
            if not flags & MSG_NOTIFICATION:
                continue
            name, state = notification(data)
            events.append(state or name)
            if state in ("SHUTDOWN_COMP", "COMM_LOST", "CANT_STR_ASSOC") or \
                    name == "SEND_FAILED":
                break
    mtu = status_mtu(s) if args.report_mtu and not one_to_many else ""
    s.close()
    elapsed = time.monotonic() - start
    ok = not one_to_many or events[-1] == "SHUTDOWN_COMP"
    print("send %s: %d messages, %d bytes, %d streams, %d unordered, %.1f s, "
          "%.2f Mbit/s%s%s, sha256 %s" %
          ("ok" if ok else "FAILED", index, nbytes, args.streams, unordered,
           elapsed, nbytes * 8 / 1e6 / max(elapsed, 1e-6),
           ", events " + ",".join(events) if events else "", mtu, hexdigest),
          flush=True)
    return 0 if ok else 1


# --- receiver -----------------------------------------------------------------

class Receiver:
    def __init__(self, args):
        self.whole = args.whole
        self.expect_partial = args.expect_partial
        self.errors = []
        self.digest = hashlib.sha256()
        self.next_index = 0         # next index to hash
        self.held = {}              # index -> message, arrived early
        self.streams = set()
        self.last_ordered = {}      # stream -> seq of its last ordered message
        self.ssn = {}               # stream -> next SSN of ordered messages
        self.ppids = set()
        self.assoc_ids = set()
        self.count = self.nbytes = self.unordered = self.pieces = 0
        self.trailer = None
        self.events = []

    def error(self, text):
        if len(self.errors) < 10:
            self.errors.append(text)
        elif len(self.errors) == 10:
            self.errors.append("...")

    def check_ordered(self, stream, ssn):
        expect = self.ssn.get(stream, 0)
        if ssn != expect:
            self.error("stream %d: SSN %d, expected %d" % (stream, ssn, expect))
        self.ssn[stream] = (ssn + 1) & 0xffff

    def message(self, msg, info, pieces):
        stream, ssn, flags, ppid, _, _, _, _, assoc_id = SNDRCVINFO.unpack(info)
        self.assoc_ids.add(assoc_id)
        self.pieces += pieces - 1
        if pieces > 1 and (self.whole or len(msg) <= UNFRAGMENTED):
            self.error("a message of %d bytes in %d reads" % (len(msg), pieces))
        ppid = socket.ntohl(ppid)
        if msg[:4] == b"XEND" and len(msg) == END.size:
            if self.trailer:
                self.error("two trailers")
            self.trailer = END.unpack(msg)[1:]
            if stream != 0 or flags & SCTP_UNORDERED:
                self.error("trailer on stream %d, flags %#x" % (stream, flags))
            self.check_ordered(stream, ssn)
            return
        if len(msg) < HDR.size or msg[:4] != b"XDAT":
            self.error("a message of %d bytes without a header" % len(msg))
            return
        _, hstream, hflags, seq, length, index, hppid = HDR.unpack_from(msg)
        what = "message %d (stream %d seq %d)" % (index, hstream, seq)
        if length != len(msg):
            self.error("%s: %d bytes, %d sent" % (what, len(msg), length))
        if stream != hstream:
            self.error("%s arrived on stream %d" % (what, stream))
        if ppid != hppid:
            self.error("%s: PPID %d, %d sent" % (what, ppid, hppid))
        self.ppids.add(ppid)
        if bool(flags & SCTP_UNORDERED) != bool(hflags & F_UNORDERED):
            self.error("%s: sinfo_flags %#x" % (what, flags))
        if hflags & F_UNORDERED:
            self.unordered += 1
        else:
            last = self.last_ordered.get(hstream, -1)
            if seq <= last:
                self.error("%s after seq %d" % (what, last))
            self.last_ordered[hstream] = seq
            self.check_ordered(stream, ssn)
        self.streams.add(stream)
        if index < self.next_index or index in self.held:
            self.error("%s: a duplicate" % what)
            return
        self.count += 1
        self.nbytes += len(msg)
        if index != self.next_index:
            self.held[index] = bytes(msg)
            return
        self.digest.update(msg)
        self.next_index += 1
        while self.next_index in self.held:
            self.digest.update(self.held.pop(self.next_index))
            self.next_index += 1

    def event(self, data):
        """Record a notification; True when it ends the association."""
        name, state = notification(data)
        self.events.append(state or name)
        if name == "PARTIAL_DELIVERY" or name == "SEND_FAILED":
            self.error("notification " + name)
        if state in ("COMM_LOST", "CANT_STR_ASSOC", "RESTART"):
            self.error("association " + state)
            return True
        return state == "SHUTDOWN_COMP"

    def finish(self):
        if not self.trailer:
            self.error("no trailer")
        else:
            count, nbytes, digest = self.trailer
            if (count, nbytes) != (self.count, self.nbytes):
                self.error("%d messages, %d bytes; %d, %d sent" %
                           (self.count, self.nbytes, count, nbytes))
            if self.held or self.next_index != count:
                self.error("missing: %d messages from index %d on" %
                           (count - self.next_index, self.next_index))
            elif digest != self.digest.digest():
                self.error("SHA-256 differs from the sender's")
        if len(self.assoc_ids) > 1:
            self.error("messages from associations %s" % sorted(self.assoc_ids))
        if not self.events or self.events[0] != "COMM_UP":
            self.error("no COMM_UP first")
        if self.expect_partial and not self.pieces:
            self.error("no message in pieces")


def receive(s, rx, one_to_many, bufsize, state):
    """Read messages and notifications until the association ends."""
    buf = bytearray(bufsize)
    view = memoryview(buf)
    piece = bytearray()     # a message read so far, in several reads
    npieces = 0
    while True:
        n, anc, flags, _ = s.recvmsg_into([buf], 256)
        if state["start"] is None:
            state["start"] = time.monotonic()
        if flags & MSG_NOTIFICATION:
            if not flags & socket.MSG_EOR:
                rx.error("a notification in pieces")
            elif rx.event(view[:n]):
                state["end"] = rx.events[-1]
                if one_to_many:
                    break
            continue
        if n == 0 and not one_to_many:
            state["end"] = "EOF"
            break
        info = [d for lvl, t, d in anc if lvl == IPPROTO_SCTP and t == SCTP_SNDRCV]
        if len(info) != 1 or len(info[0]) < SNDRCVINFO.size:
            rx.error("a message without SCTP_SNDRCV")
            continue
        if not flags & socket.MSG_EOR:
            piece += view[:n]
            npieces += 1
            continue
        if npieces:
            piece += view[:n]
            rx.message(piece, info[0][:SNDRCVINFO.size], npieces + 1)
            piece = bytearray()
            npieces = 0
        else:
            rx.message(view[:n], info[0][:SNDRCVINFO.size], 1)
    if npieces:
        rx.error("a message left incomplete")


def serve(args):
    rx = Receiver(args)
    s = socket.socket(family_of(args.addr), kind_of(args.type), IPPROTO_SCTP)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.setsockopt(IPPROTO_SCTP, SCTP_EVENTS, EVENTS_RECV)
    set_streams(s, args.streams)
    if args.rcvbuf:
        s.setsockopt(socket.SOL_SOCKET, SO_RCVBUFFORCE, args.rcvbuf // 2)
    s.bind((args.addr, args.port))
    s.listen(4)
    if args.ready:
        open(args.ready, "w").close()
    one_to_many = s.type == socket.SOCK_SEQPACKET
    if not one_to_many:
        c, _ = s.accept()
        s.close()
        s = c
    state = {"start": None, "end": "timeout"}
    try:
        receive(s, rx, one_to_many, args.bufsize, state)
    except Timeout:
        rx.error("timeout after %g s, or killed" % args.timeout)
    rx.finish()
    start, end = state["start"], state["end"]
    elapsed = time.monotonic() - (start or time.monotonic())
    if one_to_many and end != "SHUTDOWN_COMP":
        rx.error("ended with " + end)
    ok = not rx.errors
    print("recv %s: %d messages, %d bytes, %d streams, %d unordered, "
          "%d extra reads, end %s, %.1f s, %.2f Mbit/s, events %s, sha256 %s%s" %
          ("ok" if ok else "FAILED", rx.count, rx.nbytes, len(rx.streams),
           rx.unordered, rx.pieces, end, elapsed,
           rx.nbytes * 8 / 1e6 / max(elapsed, 1e-6), ",".join(rx.events),
           rx.digest.hexdigest() if not rx.held else "-",
           "" if ok else "; " + "; ".join(rx.errors)), flush=True)
    return 0 if ok else 1


def main():
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    sv = sub.add_parser("serve")
    sd = sub.add_parser("send")
    for p in sv, sd:
        p.add_argument("addr")
        p.add_argument("port", type=int)
        p.add_argument("--type", choices=["stream", "seqpacket"], default="stream")
        p.add_argument("--streams", type=int, default=1)
        p.add_argument("--timeout", type=float, default=60)
    sv.add_argument("--ready")
    sv.add_argument("--whole", action="store_true",
                    help="every message in one read (no partial delivery)")
    sv.add_argument("--expect-partial", action="store_true",
                    help="at least one message in several reads")
    sv.add_argument("--rcvbuf", type=int, help="SO_RCVBUFFORCE (the socket's size)")
    sv.add_argument("--bufsize", type=int, default=(256 << 10) + 256,
                    help="bytes per recvmsg()")
    sd.add_argument("--size", type=size_pattern, default=(1000, 1000))
    sd.add_argument("--count", type=int)
    sd.add_argument("--bytes", type=int)
    sd.add_argument("--unordered", type=float, default=0)
    sd.add_argument("--ppid", type=int, default=0)
    sd.add_argument("--seed", type=int, default=1)
    sd.add_argument("--report-mtu", action="store_true",
                    help="one-to-one: print the path MTU and fragmentation "
                    "point (SCTP_STATUS) after the last send")
    sd.add_argument("--sndbuf", type=int, help="SO_SNDBUFFORCE (the socket's size)")
    sd.add_argument("--retry", type=float, default=0,
                    help="seconds to keep trying a refused connect (one-to-one)")
    args = ap.parse_args()
    if args.cmd == "send" and args.count is None and args.bytes is None:
        args.count = 100
    signal.signal(signal.SIGALRM, on_alarm)
    signal.signal(signal.SIGTERM, on_alarm)     # a summary, even killed
    signal.setitimer(signal.ITIMER_REAL, args.timeout)
    try:
        status = (serve if args.cmd == "serve" else send)(args)
    except Timeout:
        print("%s FAILED: timeout after %g s or killed" %
              ("recv" if args.cmd == "serve" else "send", args.timeout), flush=True)
        status = 2
    except OSError as e:
        print("%s FAILED: %s" % ("recv" if args.cmd == "serve" else "send", e),
              flush=True)
        status = 2
    sys.exit(status)


if __name__ == "__main__":
    main()
