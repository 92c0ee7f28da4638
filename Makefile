# SPDX-License-Identifier: GPL-2.0
#
# The one entry point for people. Everything installs what it needs first
# (tools/setup.sh is quick when nothing is missing).
#
#   make                 build xsctp.ko for the newest installed Debian 6.12
#   make KDIR=/path      build against another kernel build tree
#   make modules-all     build for 6.12, 6.1 and the debug kernel
#   make demo            boot a guest and show SCTP sockets served by xsctp
#   make check           every check of xsctp on every kernel, with a time
#                        budget; ends "N passed, N failed"
#   make oracle          Linux's side: the selftests' scenarios against
#                        sctp.ko (run when a test or expectation changes)
#   make fuzz SECONDS=N  the libFuzzer targets, N seconds each
#   make bench           sctp.ko, xsctp and TCP side by side in a guest
#                        (build/bench/result.txt; Documentation/bench.rst)
#   make vm-shell        a root shell in a guest (KERNEL=6.12|6.1|debug)
#   make style           checkpatch, sparse, shellcheck, uapi self-containment
#
# Module builds happen in build/<kernel>/, a mirror of the sources, so one
# tree builds for several kernels side by side.

TOP := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))
KERNEL ?= 6.12
SOURCES := Kbuild net include

ifeq ($(KDIR),)
KDIR = /lib/modules/$(shell $(TOP)/tools/kernels.sh 6.12)/build
TAG ?= 6.12
else
TAG ?= $(notdir $(patsubst %/build,%,$(KDIR)))
endif

.PHONY: all setup modules modules-all demo check oracle fuzz bench vm-shell style clean

all: setup
	@$(MAKE) --no-print-directory modules KDIR=$(KDIR) TAG=$(TAG)

setup:
	@$(TOP)/tools/setup.sh

# Build in build/$(TAG) against $(KDIR), on every core unless the caller's
# make already shares out jobs (-jN).
JOBS := $(if $(filter -j%,$(MAKEFLAGS)),,-j$(shell nproc))
modules:
	@mkdir -p build/$(TAG)
	@rsync -a --delete --exclude='*.o' --exclude='*.ko' --exclude='.*.cmd' \
		--exclude='*.mod*' --exclude='modules.order' --exclude='Module.symvers' \
		$(addprefix $(TOP)/,$(SOURCES)) build/$(TAG)/
	$(MAKE) -C $(KDIR) M=$(TOP)/build/$(TAG) W=1 KCFLAGS=-Werror $(JOBS) modules
	@echo "built $(TOP)/build/$(TAG)/xsctp.ko"

modules-all: setup
	@$(TOP)/tools/build-all.sh

demo: setup
	@$(TOP)/tools/demo.sh

# check.sh runs (and times) tools/setup.sh itself.
check:
	@$(TOP)/tools/check.sh

oracle: setup
	@$(TOP)/tools/oracle.sh

SECONDS ?= 30
fuzz: setup
	@$(MAKE) --no-print-directory -C $(TOP)/tools/fuzz run SECONDS=$(SECONDS)

bench: setup
	@$(TOP)/tools/bench/bench.sh

vm-shell: setup
	@$(TOP)/tools/build-all.sh >/dev/null
	@$(TOP)/tools/vm/run.sh -i -k $(KERNEL)

style:
	@$(TOP)/tools/style.sh

clean:
	rm -rf build
