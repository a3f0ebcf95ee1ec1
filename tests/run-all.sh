#!/bin/sh
# Run every test suite of irdrill and tally them (make test calls this).
#
#   IRDRILL=./irdrill sh tests/run-all.sh [UNIT_TEST_BINARY...]
#
# In order: each unit-test binary given as an argument; each end-to-end
# script tests/e2e/*.sh (run in a fresh temp dir, with IRDRILL set to the
# binary's absolute path); then the self-tests of each shipped scenario
# (irdrill test scenarios/X.lua, stdlib.lua excepted); then, when clang is
# installed, a short libFuzzer smoke (tests/fuzz/run.sh). One line per suite,
# the output of a failed one, and last a line "N passed, N failed" counting
# suites. Exit status 1 if any failed.
#
# VALGRIND=1 runs the unit tests under valgrind memcheck
# (--error-exitcode=1 --leak-check=full) and the binary, in the end-to-end
# scripts and the self-tests, under memcheck too (exit 99 on a memory
# error, so no expected exit status can hide one).
#
# Needs no terminal: stdin is closed for every suite, nothing asks.
set -u

top=$(cd "$(dirname "$0")/.." && pwd)
IRDRILL=${IRDRILL:-./irdrill}
case $IRDRILL in
    /*) ;;
    */*) IRDRILL=$(pwd)/$IRDRILL ;;
    *) IRDRILL=$(command -v "$IRDRILL" || echo "$IRDRILL") ;;
esac
cd "$top" || exit 1
# The tests choose their own scenario directories.
unset IRDRILL_SCENARIOS

tmp=$(mktemp -d "${TMPDIR:-/tmp}/irdrill-tests.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
# run saves by default: no test may touch the user's own sessions database.
# The default location moves into the temp dir; tests that need a database
# name one with --db or IRDRILL_DB.
unset IRDRILL_DB
XDG_DATA_HOME=$tmp/xdg-data
export XDG_DATA_HOME

passed=0
failed=0

if [ ! -x "$IRDRILL" ]; then
    echo "run-all: $IRDRILL is not an executable (make builds ./irdrill)" >&2
    exit 1
fi

vg=""
if [ "${VALGRIND:-0}" = 1 ]; then
    if ! command -v valgrind > /dev/null 2>&1; then
        echo "run-all: VALGRIND=1 but valgrind is not installed (sh scripts/deps.sh)" >&2
        exit 1
    fi
    vg="valgrind -q --error-exitcode=1 --leak-check=full"
    # The binary as the scripts see it: memcheck around the real one.
    cat > "$tmp/irdrill" << EOF
#!/bin/sh
exec valgrind -q --error-exitcode=99 --leak-check=full "$IRDRILL" "\$@"
EOF
    chmod +x "$tmp/irdrill"
    IRDRILL=$tmp/irdrill
fi

# A suite that hangs fails instead of blocking CI forever.
limit=""
command -v timeout > /dev/null 2>&1 && limit="timeout ${SUITE_TIMEOUT:-900}"

# suite NAME COMMAND...: run it with stdin closed, output kept aside; print
# PASS with its last line, or FAIL with the end of its output.
suite() {
    name=$1
    shift
    log=$tmp/log
    if $limit "$@" > "$log" 2>&1 < /dev/null; then
        passed=$((passed + 1))
        echo "PASS $name: $(tail -n 1 "$log")"
    else
        rc=$?
        failed=$((failed + 1))
        echo "FAIL $name (exit $rc)"
        tail -n 60 "$log" | sed 's/^/    /'
    fi
}

echo "== unit tests"
for t in "$@"; do
    # shellcheck disable=SC2086
    suite "$(basename "$t")" $vg "$t"
done

echo "== end to end"
for s in tests/e2e/*.sh; do
    [ -f "$s" ] || continue
    dir=$(mktemp -d "$tmp/e2e.XXXXXX") || exit 1
    # shellcheck disable=SC2016
    suite "$s" sh -c 'cd "$1" && IRDRILL="$2" exec sh "$3"' sh "$dir" "$IRDRILL" "$top/$s"
done

echo "== scenario self-tests"
for f in scenarios/*.lua; do
    [ -f "$f" ] || continue
    [ "$(basename "$f")" = stdlib.lua ] && continue
    suite "$f" "$IRDRILL" test "$f"
done

# quality.md: a short fuzzing smoke in every test run (longer ones: make
# fuzz). It needs clang; without it the suite is skipped, not failed.
# FUZZ_SECONDS=0 skips it; under valgrind it would only measure valgrind.
secs=${FUZZ_SECONDS:-5}
if [ -f tests/fuzz/run.sh ] && [ "$secs" != 0 ] && [ "${VALGRIND:-0}" != 1 ]; then
    echo "== fuzz smoke (${secs}s per target)"
    if command -v clang > /dev/null 2>&1; then
        suite "tests/fuzz/run.sh $secs" sh tests/fuzz/run.sh "$secs"
    else
        echo "SKIP fuzz smoke: clang is not installed (WITH_FUZZ=1 sh scripts/deps.sh)"
    fi
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
