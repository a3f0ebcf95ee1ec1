#!/bin/sh
# make bench: each figure beside the floor it is measured against, both
# measured in this run (quality.md: compare ratios, not absolute times).
set -eu
IRDRILL=${IRDRILL:-./irdrill}
BUILD=${BUILD:-build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "== engine (bench_engine)"
"$BUILD/bench/bench_engine" scenarios/portal-defacement.lua bench/empty.lua

# simulate as a user runs it: the whole process, 1,000 bot playthroughs of the
# reference scenario (quality.md: 20,000 turns/s; product: 1,000 in seconds).
echo "== simulate (whole process, 1,000 playthroughs of the reference scenario)"
for policy in random greedy; do
    t0=$(date +%s%N)
    "$IRDRILL" simulate scenarios/portal-defacement.lua --runs 1000 --policy "$policy" --json > "$tmp/sim.json"
    t1=$(date +%s%N)
    ms=$(( (t1 - t0) / 1000000 ))
    tps=$(sed 's/.*"turns_per_second":\([0-9]*\).*/\1/' "$tmp/sim.json")
    printf 'simulate --runs 1000 --policy %-7s %6d ms = %5d playthroughs/s, %6d turns/s  (target >= 20000 turns/s)\n' \
        "$policy" "$ms" $(( 1000000 / (ms > 0 ? ms : 1) )) "$tps"
done

# Whole-process time: the median of N runs of a command, in microseconds.
median_us() {
    n=$1; shift
    i=0
    : > "$tmp/times"
    while [ $i -lt "$n" ]; do
        t0=$(date +%s%N)
        "$@" > /dev/null 2>&1 || true
        t1=$(date +%s%N)
        echo $(( (t1 - t0) / 1000 )) >> "$tmp/times"
        i=$((i + 1))
    done
    sort -n "$tmp/times" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}

echo "== start-up (median of 50 runs, whole process)"
i=0; : > "$tmp/forty.in"
while [ $i -lt 40 ]; do echo end >> "$tmp/forty.in"; i=$((i + 1)); done
floor=$(median_us 50 /bin/true)
run=$(median_us 50 "$IRDRILL" run bench/forty.lua --inputs "$tmp/forty.in" --seed 1 --no-save --json)
echo "floor  process start (/bin/true)              $floor us"
echo "irdrill run, 40-turn scenario, --no-save      $run us  = $(( run / (floor > 0 ? floor : 1) ))x floor  (target < 15000 us)"
[ "$run" -lt 15000 ] && echo "verdict: start-up ok" || echo "verdict: start-up SLOW"

echo "== terminal interface (bench_tui: the play screen at 200x50 on a pty)"
"$BUILD/bench/bench_tui" scenarios/portal-defacement.lua
