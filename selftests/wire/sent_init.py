# SPDX-License-Identifier: GPL-2.0
"""What the stack's own INIT and INIT ACK must be (RFC 9260 3.3.2,
3.3.3): reserved flags 0, an Initiate Tag other than 0, a_rwnd of at
least 1500, stream counts other than 0 and, in the INIT ACK, no more
outbound streams than the INIT offered inbound, no Host Name Address, no
parameter twice (wire_peer.check_init, which every case's handshake also
applies).
"""
from wire_peer import case, check_init, connect_nonblocking


@case("3.3.2", "the INIT the stack sends is well formed (MUST, MUST NOT, SHOULD)")
def init_well_formed(net, peer):
    connect_nonblocking(net.open_socket())
    check_init(peer.expect_init())


@case("3.3.3", "the INIT ACK the stack sends is well formed, its OS within the INIT's MIS "
      "(MUST, MUST NOT, SHOULD)")
def init_ack_well_formed(net, peer):
    srv = net.listen(8000)
    peer.associate(srv, os_=64, mis=3)
