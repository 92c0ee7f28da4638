/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _FUZZ_LINUX_TIME64_H
#define _FUZZ_LINUX_TIME64_H
#define USEC_PER_MSEC	1000L
#endif
