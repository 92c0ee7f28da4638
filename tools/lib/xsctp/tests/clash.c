// SPDX-License-Identifier: GPL-2.0
/*
 * <linux/xsctp.h> next to lksctp's <netinet/sctp.h> (WITH_NETINET) or
 * Linux's <linux/sctp.h> (WITH_LINUX), in either order (XSCTP_FIRST or
 * not): it must
 * compile without redefinitions, and the names programs use must be
 * there with Linux's values. Also includes libxsctp's header, whose
 * prototypes must agree with <netinet/sctp.h>'s.
 */
#include <sys/socket.h>
#include <netinet/in.h>

#ifdef XSCTP_FIRST
#include <linux/xsctp.h>
#endif

#ifdef WITH_NETINET
#include <netinet/sctp.h>
#else
#include <linux/sctp.h>
#endif

#ifndef XSCTP_FIRST
#include <linux/xsctp.h>
#endif
#include "xsctp.h"

/* A false check divides by zero in a constant expression. */
enum {
	check_max = 1 / (XSCTP_CONNECTX_MAX_ADDRS == 32),
	check_connectx3 = 1 / (SCTP_SOCKOPT_CONNECTX3 == 111),
	check_status = 1 / (sizeof(struct sctp_status) == 176),
	check_change = 1 / (sizeof(struct sctp_assoc_change) == 20),
	check_level = 1 / (SOL_SCTP == 132)
};

int main(void)
{
	struct sctp_initmsg init = { 0 };
	struct sctp_event_subscribe events = { 0 };
	struct sctp_paddrinfo info;
	struct sockaddr_in addr = { 0 };
	sctp_assoc_t id = SCTP_FUTURE_ASSOC;

	init.sinit_num_ostreams = 10;
	events.sctp_association_event = 1;
	info.spinfo_state = SCTP_ACTIVE;
	(void)init;
	(void)events;
	(void)info;
	return sctp_connectx(-1, (struct sockaddr *)&addr, 1, &id) +
	       sctp_bindx(-1, (struct sockaddr *)&addr, 1, SCTP_BINDX_ADD_ADDR);
}
