#!/bin/sh
# Build the libFuzzer targets with clang (ASan + UBSan) and run each for
# SECONDS (default 60). make test runs a short smoke; make fuzz a longer one.
set -eu
secs=${1:-60}
cd "$(dirname "$0")/../.."
out=build-fuzz
mkdir -p "$out"
if ! command -v clang >/dev/null 2>&1; then
    echo "fuzz: clang is not installed (sh scripts/deps.sh installs it)" >&2
    exit 1
fi
CFLAGS="-std=c11 -D_POSIX_C_SOURCE=200809L -g -O1 -I. -I$out $(pkg-config --cflags lua5.4)"
SAN="-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined"
[ "$out/embed" -nt scripts/embed.c ] 2>/dev/null || cc -std=c11 -O2 -o "$out/embed" scripts/embed.c
"$out/embed" irdrill_stdlib_lua < scenarios/stdlib.lua > "$out/stdlib_lua.c"
src="engine/*.c $out/stdlib_lua.c"
for t in load input; do
    # shellcheck disable=SC2086
    clang $CFLAGS $SAN -o "$out/fuzz_$t" tests/fuzz/fuzz_$t.c $src $(pkg-config --libs lua5.4) -lm
done
status=0
for t in load input; do
    mkdir -p "$out/corpus_$t"
    cp tests/fuzz/corpus/$t/* "$out/corpus_$t/" 2>/dev/null || true
    echo "fuzz_$t: ${secs}s"
    if ! "$out/fuzz_$t" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
            -max_len=4096 "$out/corpus_$t" > "$out/fuzz_$t.log" 2>&1; then
        echo "fuzz_$t: FAILED (see $out/fuzz_$t.log)"
        tail -n 30 "$out/fuzz_$t.log"
        status=1
    else
        grep -E '^#[0-9]+ *DONE' "$out/fuzz_$t.log" | tail -n 1 || true
    fi
done
exit $status
