#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""A one-to-many listener subscribed to SCTP_ASSOC_CHANGE, with the
smallest receive buffer, that reads nothing while N associations come up:
prints how many COMM_UPs it can then read. xsctp bounds the queue by the
receive buffer (Documentation/linux-differences.rst) and counts the rest.

    notify_bound.py ADDR PORT N
"""
import socket
import struct
import sys

SCTP = 132


def main():
    addr, port, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    srv = socket.socket(socket.AF_INET, socket.SOCK_SEQPACKET, SCTP)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1)  # the minimum
    srv.setsockopt(SCTP, 11, bytes([0, 1]))     # SCTP_EVENTS: association
    srv.bind((addr, port))
    srv.listen(n)
    clients = []
    for _ in range(n):
        c = socket.socket(socket.AF_INET, socket.SOCK_STREAM, SCTP)
        c.connect((addr, port))
        clients.append(c)
    read = 0
    while True:
        try:
            data, _, flags, _ = srv.recvmsg(64, 0, socket.MSG_DONTWAIT)
        except BlockingIOError:
            break
        if flags & 0x8000 and struct.unpack_from("=HHIH", data)[3] == 0:
            read += 1
    print(read)


if __name__ == "__main__":
    main()
