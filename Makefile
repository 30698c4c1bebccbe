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
	.build/release/StudyBench

clean:
	rm -rf .build
