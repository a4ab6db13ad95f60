# NNLab: `make figures` renders every lab into output/, `make test` runs the tests.
# Both first install the system packages a fresh Debian machine lacks.

PREFIX ?= /usr/local
SWIFT ?= swift
# Debian package that provides each thing the build and the labs need.
PACKAGES := libpng-dev gnuplot-nox libopenblas-dev liblapacke-dev zlib1g-dev libdeflate-dev
# And what only the tests need: a browser that loads the gallery (output/index.html) from disk.
TEST_PACKAGES := chromium

.PHONY: all deps test-deps build figures test fuzz-build fuzz bench install clean

all: figures

# Installs only what is missing. liblapacke-dev is installed in the same apt-get call as
# libopenblas-dev, so apt resolves LAPACK to OpenBLAS rather than pulling the reference BLAS.
deps:
	@$(MAKE) --no-print-directory install-packages NEEDED="$(PACKAGES)"

# The same for `make test`, with the test-only packages in the same apt-get call.
test-deps:
	@$(MAKE) --no-print-directory install-packages NEEDED="$(PACKAGES) $(TEST_PACKAGES)"

.PHONY: install-packages
install-packages:
	@missing=""; for p in $(NEEDED); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if ! command -v apt-get >/dev/null 2>&1; then \
	  echo "NNLab needs:$$missing (Debian package names); install them with your package manager." >&2; exit 1; fi; \
	if [ "$$(id -u)" -eq 0 ]; then SUDO=""; \
	elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; \
	else echo "NNLab needs:$$missing. Run as root: apt-get install --no-install-recommends$$missing" >&2; exit 1; fi; \
	echo "installing$$missing"; \
	$$SUDO apt-get update -qq && \
	DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing

build: deps
	$(SWIFT) build -c release

figures: build
	.build/release/lab all --out output

# The tests, then every fuzz target for 10 s (Tests/Fuzz/README.md): a crash fails the target.
test: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --disable-swift-testing
	$(MAKE) fuzz FUZZ_SECONDS=10

# libFuzzer targets for the readers of untrusted input, built by swiftc with -sanitize=fuzzer,address.
FUZZ_SECONDS ?= 300
fuzz-build:
	Tests/Fuzz/build.sh

fuzz: fuzz-build
	Tests/Fuzz/run.sh $(FUZZ_SECONDS)

bench: build
	.build/release/lab-bench $(SECTIONS)

install: build
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 .build/release/lab $(DESTDIR)$(PREFIX)/bin/lab

clean:
	rm -rf .build output/*/ output/index.html output/.*.command.json
