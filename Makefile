# irdrill - plain Makefile.
#
#   make            build ./irdrill
#   make test       build and run every test (units, end to end, scenario
#                   self-tests, and a short fuzz smoke when clang is installed)
#   make asan       the same test suite built with AddressSanitizer + UBSan
#   make valgrind   the same test suite under valgrind memcheck (no fuzz)
#   make bench      performance figures beside the floors of quality.md
#   make fuzz       longer libFuzzer runs (clang)
#   make install PREFIX=/usr/local
#   make clean

VERSION := 0.1.0
PREFIX  ?= /usr/local
BUILD   ?= build
# The binary: ./irdrill by default; the sanitizer build keeps its own
# (build-asan/irdrill) so it never replaces the ordinary one.
BIN     ?= irdrill
CC      ?= cc

PKGS     := lua5.4 sqlite3 ncursesw
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   := $(shell pkg-config --libs $(PKGS))
CMOCKA_CFLAGS := $(shell pkg-config --cflags cmocka 2>/dev/null)
CMOCKA_LIBS   := $(shell pkg-config --libs cmocka 2>/dev/null)

WARN    := -Wall -Wextra -Wpedantic -Werror -Wshadow -Wno-unused-parameter
OPT     ?= -O2 -g
CFLAGS  ?=
CFLAGS  += -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN) $(OPT) -I. -I$(BUILD) \
           $(PKG_CFLAGS) -DIRDRILL_VERSION='"$(VERSION)"' \
           -DIRDRILL_SCENARIO_DIR='"$(PREFIX)/share/irdrill/scenarios"'
LDFLAGS ?=
LDLIBS  += $(PKG_LIBS) -lm

# Every module but the composition root goes into one static library that
# the binary, the tests and the benches link against.
LIB_SRC := $(wildcard engine/*.c) $(wildcard saves/*.c) \
           $(filter-out ui/main.c,$(wildcard ui/*.c)) $(wildcard ui/tui/*.c)
LIB_OBJ := $(patsubst %.c,$(BUILD)/%.o,$(LIB_SRC)) $(BUILD)/stdlib_lua.o $(BUILD)/template_lua.o
LIB     := $(BUILD)/libirdrill.a

TEST_SRC  := $(wildcard tests/test_*.c)
TEST_BIN  := $(patsubst tests/%.c,$(BUILD)/tests/%,$(TEST_SRC))
BENCH_SRC := $(wildcard bench/bench_*.c)
BENCH_BIN := $(patsubst bench/%.c,$(BUILD)/bench/%,$(BENCH_SRC))

.PHONY: all test asan valgrind bench fuzz install clean
all: $(BIN)

$(BIN): $(BUILD)/ui/main.o $(LIB)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(LIB): $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/%.o: %.c $(wildcard engine/*.h saves/*.h ui/*.h ui/tui/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c -o $@ $<

# The standard action library is compiled into the binary, so an installed
# irdrill needs no path to find it. embed turns a file into a C array; its
# output goes through a temporary file so a failed run leaves nothing that
# make would take for up to date.
$(BUILD)/embed: scripts/embed.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 $(WARN) -O2 -o $@ $<
$(BUILD)/stdlib_lua.c: scenarios/stdlib.lua $(BUILD)/embed
	$(BUILD)/embed irdrill_stdlib_lua < $< > $@.tmp
	mv $@.tmp $@
$(BUILD)/stdlib_lua.o: $(BUILD)/stdlib_lua.c
	$(CC) $(CFLAGS) -c -o $@ $<
# The template new-scenario writes, the same way.
$(BUILD)/template_lua.c: ui/template.lua $(BUILD)/embed
	$(BUILD)/embed irdrill_template_lua < $< > $@.tmp
	mv $@.tmp $@
$(BUILD)/template_lua.o: $(BUILD)/template_lua.c
	$(CC) $(CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(CMOCKA_CFLAGS) -Wno-pedantic -o $@ $< $(LIB) $(LDFLAGS) $(CMOCKA_LIBS) $(LDLIBS)

$(BUILD)/bench/%: bench/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $< $(LIB) $(LDFLAGS) $(LDLIBS)

# Unit tests first, then everything that drives the real binary.
test: $(BIN) $(TEST_BIN)
	@IRDRILL=./$(BIN) BUILD=$(BUILD) sh tests/run-all.sh $(TEST_BIN)

# A sanitizer report exits 99, so it cannot pass for an expected exit 1.
asan:
	ASAN_OPTIONS=exitcode=99:detect_leaks=1 LSAN_OPTIONS=exitcode=99 UBSAN_OPTIONS=exitcode=99:print_stacktrace=1 \
	$(MAKE) BUILD=build-asan BIN=build-asan/irdrill \
	        OPT='-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined' \
	        LDFLAGS='-fsanitize=address,undefined' test

valgrind: $(BIN) $(TEST_BIN)
	@IRDRILL=./$(BIN) BUILD=$(BUILD) VALGRIND=1 sh tests/run-all.sh $(TEST_BIN)

bench: $(BIN) $(BENCH_BIN)
	@IRDRILL=./$(BIN) BUILD=$(BUILD) sh bench/run.sh

fuzz:
	@sh tests/fuzz/run.sh 60

install: $(BIN)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/irdrill/scenarios $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/irdrill
	install -m 644 $(filter-out scenarios/stdlib.lua,$(wildcard scenarios/*.lua)) $(DESTDIR)$(PREFIX)/share/irdrill/scenarios/
	install -m 644 docs/irdrill.1 $(DESTDIR)$(PREFIX)/share/man/man1/irdrill.1

clean:
	rm -rf build build-asan build-fuzz irdrill
