#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Run the packet-level conformance scripts (selftests/wire/*.py) in this
process, each case in a network namespace of its own (wire_peer.Net), and
print one TAP line per case:

    wire_run.py [--linux] [--list] [--tap NAME FIRST] [SCRIPT[:CASE]...]

A script declares its cases with @case(SECTION, WHAT): each is a function
of (net, peer) that raises wire_peer.Fail when the stack under test does
not do what RFC 9260's SECTION says. A case sctp.ko does not pass carries
linux="what it does instead": with --linux (the stack under test is
sctp.ko: make oracle) such a case must fail, and passes as a documented
difference; should sctp.ko start to conform, it fails, so that the note
goes. --tap NAME FIRST: the lines go on a selftest's TAP output (lib.sh),
named NAME, numbered from FIRST, without a plan. Exit status 0 when every
line is "ok".
"""
import glob
import importlib
import os
import sys
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from wire_peer import CASES, Fail, Net, Peer  # noqa: E402


def load(names):
    for path in sorted(glob.glob(os.path.join(HERE, "wire", "*.py"))):
        name = os.path.basename(path)[:-3]
        if not names or any(n.split(":")[0] == name for n in names):
            importlib.import_module("wire." + name)
    wanted = [n for n in names if ":" in n]
    if wanted:
        return [c for c in CASES if "%s:%s" % (c.script[5:], c.__name__) in wanted]
    return CASES


def run_one(fn):
    """None when the case passed, else why not."""
    with Net() as net:
        try:
            fn(net, Peer(net))
        except Fail as e:
            return str(e)
        except Exception:
            return traceback.format_exc().strip().splitlines()[-1]
    return None


def main():
    args = sys.argv[1:]
    linux = "--linux" in args
    listing = "--list" in args
    tap, first = "conformance", 1
    if "--tap" in args:
        i = args.index("--tap")
        tap, first = args[i + 1], int(args[i + 2])
        del args[i:i + 3]
    names = [a for a in args if not a.startswith("--")]
    failed, n = 0, first - 1
    for n, fn in enumerate(load(names), first):
        title = "RFC 9260 %s: %s (%s:%s)" % (fn.section, fn.what, fn.script[5:], fn.__name__)
        if listing:
            print(title)
            continue
        start = time.monotonic()
        why = run_one(fn)
        took = time.monotonic() - start
        if linux and fn.linux:
            if why is None:
                ok, note = False, "sctp.ko now conforms: drop the case's linux note"
            else:
                ok, note = True, "sctp.ko does not conform: %s (%s)" % (fn.linux, why)
        else:
            ok, note = why is None, why
        failed += not ok
        print("%s %d - %s: %s" % ("ok" if ok else "not ok", n, tap, title))
        if note:
            print("#   %s" % note)
        if took >= 2:
            print("#   (%.1f s)" % took)
        sys.stdout.flush()
    if not listing and "--tap" not in sys.argv:
        print("1..%d" % n)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
