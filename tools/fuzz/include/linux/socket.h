/* SPDX-License-Identifier: GPL-2.0 */
/* User space: the C library's socket address types. */
#include <netinet/in.h>
#include <sys/socket.h>
