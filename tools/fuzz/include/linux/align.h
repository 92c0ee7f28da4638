/* SPDX-License-Identifier: GPL-2.0 */
#define ALIGN(x, a) (((x) + (a) - 1) & ~((__typeof__(x))(a) - 1))
