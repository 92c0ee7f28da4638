/* SPDX-License-Identifier: GPL-2.0 */
/*
 * TAP lines without numbers ("ok - ..."): tests/run.sh numbers the lines
 * of all test programs and prints the plan.
 */
#ifndef XSCTP_TEST_TAP_H
#define XSCTP_TEST_TAP_H

#include <stdarg.h>
#include <stdio.h>

static int tap_failed;

static inline void tap(int pass, const char *fmt, ...)
{
	va_list ap;

	printf("%s - ", pass ? "ok" : "not ok");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	if (!pass)
		tap_failed++;
}

/* Explains the next failure: printed as a TAP comment. */
#define tap_diag(...) do { printf("# "); printf(__VA_ARGS__); putchar('\n'); } while (0)

#endif /* XSCTP_TEST_TAP_H */
