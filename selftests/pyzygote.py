#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Start the selftests' Python scripts by fork() instead of exec().

    pyzygote.py SOCKET [PYCACHE]

A python3 start costs 0.6 s in a stock guest under TCG and 2 to 4 s on the
sanitizer kernel (exec, page faults and imports, each instrumented), and
`ip netns exec` another 0.1 to 0.8 s: the selftests start a few hundred.
The zygote imports what the scripts import and compiles every script in
its directory once; pyrun (pyrun.c) then asks it, over the Unix socket
SOCKET, to run one with its arguments, environment, working directory,
stdin, stdout and stderr, in its network namespace (or one of
/run/netns). A forked worker enters the namespace (setns), runs the script as __main__ and
exits; the zygote reports the worker's pid, then how it ended, to pyrun,
which mirrors it (exit status or signal) and forwards the signals it gets.
A script runs as it would under `ip netns exec NS python3 SCRIPT`, except
that the mount namespace is the zygote's (no script reads /sys).

Request (one SOCK_SEQPACKET message; stdin, stdout, stderr and the
network namespace attached as fds): NUL-terminated strings: working
directory, argc, argv (argv[0] is the script), envc, env. Replies:
"pid N", then "exit N" or "signal N".
"""
# The modules the scripts use, imported once here for every worker.
import argparse  # noqa: F401
import array
import ctypes
import errno  # noqa: F401
import fcntl  # noqa: F401
import gc
import glob
import hashlib  # noqa: F401
import importlib
import importlib.machinery
import json  # noqa: F401
import os
import random  # noqa: F401
import re
import select
import shlex  # noqa: F401
import signal
import socket
import struct  # noqa: F401
import subprocess  # noqa: F401
import sys
import threading  # noqa: F401
import time  # noqa: F401
import traceback
import types

CLONE_NEWNET = 0x40000000
_libc = ctypes.CDLL(None, use_errno=True)


def compile_scripts(directory, pycache=None):
    """Every script of DIRECTORY compiled, by path: each worker execs one;
    the ones others import are imported here, once. Their bytecode comes
    from PYCACHE (a tree like PYTHONPYCACHEPREFIX's, which
    selftests/Makefile fills) when it is fresh there; only theirs: the
    standard modules keep their own."""
    codes, shared = {}, set()
    saved, sys.pycache_prefix = sys.pycache_prefix, pycache or sys.pycache_prefix
    for path in glob.glob(os.path.join(directory, "*.py")):
        name = os.path.basename(path)[:-3]
        codes[path] = importlib.machinery.SourceFileLoader(name, path).get_code(name)
        with open(path) as f:
            shared.update(re.findall(r"^from (\w+) import ", f.read(), re.M))
    sys.path.insert(0, directory)
    for name in sorted(shared):
        if os.path.exists(os.path.join(directory, name + ".py")):
            importlib.import_module(name)
    sys.pycache_prefix = saved
    return codes


def parse_request(data):
    fields = data.split(b"\0")
    cwd, argc = fields[0].decode(), int(fields[1])
    argv = [f.decode() for f in fields[2:2 + argc]]
    envc = int(fields[2 + argc])
    env = dict(f.decode().split("=", 1) for f in fields[3 + argc:3 + argc + envc])
    return cwd, argv, env


def enter_netns(fd):
    if _libc.setns(fd, CLONE_NEWNET) != 0:
        err = ctypes.get_errno()
        raise OSError(err, "setns: %s" % os.strerror(err))


def exit_code(e):
    if e.code is None:
        return 0
    if isinstance(e.code, int):
        return e.code & 0xFF
    print(e.code, file=sys.stderr)
    return 1


def run_script(codes, cwd, argv, env):
    """In the worker: what `python3 SCRIPT ARGS` would do; never returns."""
    code = 1
    try:
        os.chdir(cwd)
        os.environ.clear()
        os.environ.update(env)
        path = os.path.abspath(argv[0])
        compiled = codes.get(path)
        if compiled is None:
            with open(path) as f:
                compiled = compile(f.read(), path, "exec")
        sys.argv = argv
        sys.path[0] = os.path.dirname(path)
        main = types.ModuleType("__main__")
        main.__file__ = path
        sys.modules["__main__"] = main
        exec(compiled, main.__dict__)
        code = 0
    except SystemExit as e:
        code = exit_code(e)
    except BaseException:
        traceback.print_exc()
    finally:
        for f in (sys.stdout, sys.stderr):
            try:
                f.flush()
            except BaseException:
                pass
        os._exit(code)


def start_worker(codes, conn, request, fds):
    cwd, argv, env = parse_request(request)
    pid = os.fork()
    if pid:
        return pid
    # The worker: the zygote's signals, sockets and fds are not its own.
    signal.set_wakeup_fd(-1)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    for i, fd in enumerate(fds[:3]):
        os.dup2(fd, i)
    try:
        enter_netns(fds[3])
    except OSError as e:
        print("pyzygote: %s" % e, file=sys.stderr)
        os._exit(1)
    conn.close()
    os.closerange(3, os.sysconf("SC_OPEN_MAX"))  # the zygote's and the fds passed
    run_script(codes, cwd, argv, env)


def receive(conn):
    fds = array.array("i")
    data, anc, _, _ = conn.recvmsg(1 << 20, socket.CMSG_SPACE(4 * fds.itemsize))
    for level, kind, payload in anc:
        if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
            fds.frombytes(payload[:len(payload) - len(payload) % fds.itemsize])
    return data, list(fds)


def reply(conn, text):
    try:
        conn.send(text.encode())
    except OSError:
        pass  # pyrun is gone: nobody to tell


def reap(workers):
    while workers:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        conn = workers.pop(pid, None)
        if conn is None:
            continue
        if os.WIFSIGNALED(status):
            reply(conn, "signal %d" % os.WTERMSIG(status))
        else:
            reply(conn, "exit %d" % os.WEXITSTATUS(status))
        conn.close()


def serve(path, pycache):
    codes = compile_scripts(os.path.dirname(os.path.abspath(__file__)), pycache)
    # What the zygote holds stays out of the workers' collections, whose
    # passes over it would copy its pages (copy on write) in each worker.
    gc.freeze()
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
    listener.bind(path)
    listener.listen(64)
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_w, False)
    signal.set_wakeup_fd(wake_w)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    workers = {}
    while True:
        readable, _, _ = select.select([listener, wake_r], [], [])
        if wake_r in readable:
            os.read(wake_r, 4096)
        reap(workers)
        if listener not in readable:
            continue
        conn, _ = listener.accept()
        try:
            request, fds = receive(conn)
            if len(fds) != 4 or not request:
                for fd in fds:
                    os.close(fd)
                raise ValueError("a request with 4 fds expected")
            pid = start_worker(codes, conn, request, fds)
        except (OSError, ValueError) as e:
            print("pyzygote: %s" % e, file=sys.stderr)
            conn.close()
            continue
        for fd in fds:
            os.close(fd)
        reply(conn, "pid %d" % pid)
        workers[pid] = conn


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    serve(sys.argv[1], sys.argv[2] if len(sys.argv) == 3 else None)


if __name__ == "__main__":
    main()
