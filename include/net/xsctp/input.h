/* SPDX-License-Identifier: GPL-2.0 */
/* Receiving IP protocol 132 (SCTP) packets and ICMP errors about them. */
#ifndef _NET_XSCTP_INPUT_H
#define _NET_XSCTP_INPUT_H

int xsctp_input_init(void);
void xsctp_input_exit(void);

#endif /* _NET_XSCTP_INPUT_H */
