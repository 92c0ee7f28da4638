// SPDX-License-Identifier: GPL-2.0
/*
 * xsctp_kunit.ko: xsctp's KUnit suites, one file per unit under test.
 * Loading the module runs them; results appear in the kernel log and in
 * /sys/kernel/debug/kunit/<suite>/results.
 */
#include <linux/module.h>

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("KUnit tests for xsctp");
MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
