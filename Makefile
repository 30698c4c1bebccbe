# StudyCircle: `make run` starts the app on the embedded SQLite default, `make test` runs every test.
SWIFT ?= swift
RUN_ARGS ?=

.PHONY: run build release test bench deps clean

run: release
	.build/release/studycircle $(RUN_ARGS)

deps:
	@scripts/install-deps.sh run

build: deps
	$(SWIFT) build

release: deps
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
	@for group in storage tui engine dynamo mongo; do .build/release/StudyBench $$group || exit 1; done

clean:
	rm -rf .build
