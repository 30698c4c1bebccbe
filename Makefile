# StudyCircle: `make run` starts the app on the embedded SQLite default, `make test` runs every test.
SWIFT ?= swift
RUN_ARGS ?=
# `make install PREFIX=/usr/local DESTDIR=/tmp/pkg`: DESTDIR is prepended to every path (packaging).
PREFIX ?= /usr/local
DESTDIR ?=
BINDIR = $(DESTDIR)$(PREFIX)/bin
SHAREDIR = $(DESTDIR)$(PREFIX)/share

.PHONY: run build release test bench deps clean install install-files uninstall link-order

run: release
	.build/release/studycircle $(RUN_ARGS)

deps:
	@scripts/install-deps.sh run

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product studycircle

# Regenerates scripts/studycircle.order, the functions that a start, paging and the Library run,
# which the release link places together (issue 13; see Package.swift). Needs valgrind and the
# bench database: `PTY_BENCH_DIR=/tmp/pty PTY_BENCH_NO_WEECHAT=1 .build/release/StudyBench pty`.
LINK_ORDER_DB ?= /tmp/pty/studycircle.db
link-order:
	python3 scripts/gen_link_order.py --app .build/release/studycircle --db $(LINK_ORDER_DB)
	@# SwiftPM does not know the file is an input of the link: relink by removing the binary.
	rm -f .build/release/studycircle
	$(SWIFT) build -c release --product studycircle

test:
	@scripts/install-deps.sh test
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench:
	@scripts/install-deps.sh bench
	$(SWIFT) build -c release --product StudyBench
	$(SWIFT) build -c release --product studycircle
	@# One process per group, so that each group's memory figure is its own.
	@for group in storage bulk tui engine dynamo mongo rooms pty; do .build/release/StudyBench $$group || exit 1; done

# The binary, the built-in themes ($(PREFIX)/share/studycircle/themes) and completions for
# bash, zsh and fish, which swift-argument-parser generates from the commands themselves.
install: release
	$(MAKE) install-files BIN=.build/release/studycircle

# The copying alone, from any built binary (the tests use the debug one).
BIN ?= .build/release/studycircle
install-files:
	install -d $(BINDIR) $(SHAREDIR)/studycircle/themes $(SHAREDIR)/bash-completion/completions \
		$(SHAREDIR)/zsh/site-functions $(SHAREDIR)/fish/vendor_completions.d
	install -m 0755 $(BIN) $(BINDIR)/studycircle
	install -m 0644 themes/*.toml $(SHAREDIR)/studycircle/themes/
	STUDYCIRCLE_LOG_LEVEL=critical $(BIN) --generate-completion-script bash > $(SHAREDIR)/bash-completion/completions/studycircle
	STUDYCIRCLE_LOG_LEVEL=critical $(BIN) --generate-completion-script zsh > $(SHAREDIR)/zsh/site-functions/_studycircle
	STUDYCIRCLE_LOG_LEVEL=critical $(BIN) --generate-completion-script fish > $(SHAREDIR)/fish/vendor_completions.d/studycircle.fish
	@echo "Installed studycircle to $(BINDIR)"

uninstall:
	rm -f $(BINDIR)/studycircle $(SHAREDIR)/bash-completion/completions/studycircle \
		$(SHAREDIR)/zsh/site-functions/_studycircle $(SHAREDIR)/fish/vendor_completions.d/studycircle.fish
	rm -rf $(SHAREDIR)/studycircle/themes

clean:
	rm -rf .build
