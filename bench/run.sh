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
# turns/s here is every turn played over the whole process's wall time
# (start-up, compiling the scenario once, 1,000 fresh states, the report).
echo "== simulate (whole process, 1,000 playthroughs of the reference scenario)"
for policy in random greedy; do
    t0=$(date +%s%N)
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f '%U %S' -o "$tmp/cpu" \
            "$IRDRILL" simulate scenarios/portal-defacement.lua --runs 1000 --policy "$policy" > "$tmp/sim.txt"
    else
        "$IRDRILL" simulate scenarios/portal-defacement.lua --runs 1000 --policy "$policy" > "$tmp/sim.txt"
        echo "0 0" > "$tmp/cpu"
    fi
    t1=$(date +%s%N)
    ms=$(( (t1 - t0) / 1000000 ))
    ms=$(( ms > 0 ? ms : 1 ))
    turns=$(sed -n 's/.*(\([0-9]*\) turns in .*/\1/p' "$tmp/sim.txt")
    tps=$(( turns * 1000 / ms ))
    # per core: the process's CPU time (user + system), which other work on
    # the machine does not inflate as it does the wall clock
    cpu=$(awk -v t="$turns" '{ c = $1 + $2; print (c > 0) ? int(t / c) : 0 }' "$tmp/cpu")
    v=$cpu; [ "$v" -eq 0 ] && v=$tps
    printf 'simulate --runs 1000 --policy %-7s %6d ms = %5d playthroughs/s, %6d turns/s, %6d per CPU second  (target >= 20000 turns/s: %s)\n' \
        "$policy" "$ms" $(( 1000000 / ms )) "$tps" "$cpu" "$([ "$v" -ge 20000 ] && echo ok || echo SLOW)"
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

# ---- saved sessions (issue 3): durability, run with and without saving,
# report and sessions at two sizes each (quality.md "logging", "review",
# "growth"). Databases are made in $tmp; the 100,000 sessions are made
# with SQL by the stock sqlite3 tool.
echo "== saves (bench_saves: in-process, files in a temporary directory)"
"$BUILD/bench/bench_saves" bench/long.lua "$tmp"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "1/%.1f", b / a; else print "?" }'; }
verdict() { awk -v a="$1" -v b="$2" 'BEGIN { print (a * 3 >= b) ? "ok" : "BELOW TARGET" }'; }

echo "== run of a 1,000-turn session (bench/long.lua, 2,000 inputs), whole process"
awk 'BEGIN { for (t = 1; t <= 1000; t++) { print (t % 2 ? "sys isolate mail" : "sys reconnect mail"); print "end" } }' \
    > "$tmp/long.in"
head -n 1000 "$tmp/long.in" > "$tmp/half.in"
db=$tmp/run.db
"$IRDRILL" run bench/long.lua --inputs "$tmp/long.in" --seed 1 --db "$db" > /dev/null
# Saving and not saving alternate, run after run, so that a burst of load
# from elsewhere weighs on both sides of each ratio (medians of 7).
pair() {   # pair INPUTS: sets nosave and file (microseconds)
    i=0
    : > "$tmp/t.nosave"
    : > "$tmp/t.file"
    while [ $i -lt 7 ]; do
        t0=$(date +%s%N)
        "$IRDRILL" run bench/long.lua --inputs "$1" --seed 1 --no-save > /dev/null 2>&1
        t1=$(date +%s%N)
        "$IRDRILL" run bench/long.lua --inputs "$1" --seed 1 --db "$db" > /dev/null 2>&1
        t2=$(date +%s%N)
        echo $(( (t1 - t0) / 1000 )) >> "$tmp/t.nosave"
        echo $(( (t2 - t1) / 1000 )) >> "$tmp/t.file"
        i=$((i + 1))
    done
    nosave=$(sort -n "$tmp/t.nosave" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
    file=$(sort -n "$tmp/t.file" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
}
pair "$tmp/half.in"
echo "500 turns:   run --no-save $nosave us, saving (--inputs FILE) $file us = $(ratio "$nosave" "$file") of --no-save speed"
pair "$tmp/long.in"
pipe=$(median_us 3 sh -c "\"$IRDRILL\" run bench/long.lua --inputs - --seed 1 --db \"$db\" < \"$tmp/long.in\"")
echo "1,000 turns: run --no-save                    $nosave us"
echo "run saving, --inputs FILE (grouped commits)   $file us  = $(ratio "$nosave" "$file") of --no-save speed  (target at least 1/3: $(verdict "$nosave" "$file"))"
echo "run saving, --inputs - (each input fsync'd)   $pipe us  = $(ratio "$nosave" "$pipe") of --no-save speed  (bound by one fsync per input)"

echo "== report (median of 5, whole process)"
"$IRDRILL" run bench/long.lua --inputs "$tmp/half.in" --seed 1 --db "$db" --json > "$tmp/half.json"
half=$(sed 's/^{"session":\([0-9]*\),.*/\1/' "$tmp/half.json")
for s in "$half" 1; do
    n=$(sqlite3 "$db" "SELECT count(*) FROM events WHERE session = $s")
    for f in md json csv; do
        t=$(median_us 5 "$IRDRILL" report "$s" --db "$db" --format $f --lang en)
        printf 'report, %6d events, --format %-4s        %7d us  (target < 200000 us)\n' "$n" "$f" "$t"
    done
done

echo "== sessions (median of 5, whole process; databases made with SQL)"
for n in 50000 100000; do
    sdb=$tmp/sessions-$n.db
    cp "$db" "$sdb"
    sqlite3 "$sdb" "WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < $n)
      INSERT INTO sessions(scenario, scenario_id, seed, mode, hints, team, lang, status, turn,
                           score, max_score, outcome, started, ended, tool_version, genesis,
                           ninputs, head)
      SELECT s.scenario, CASE i % 10 WHEN 0 THEN 'portal-defacement' ELSE 'bench-long' END,
             i, 'training', 1, 'Đội ' || (i % 40), 'vi',
             CASE WHEN i % 7 = 0 THEN 'active' ELSE 'finished' END, 12, i % 100, 100,
             CASE WHEN i % 7 = 0 THEN NULL ELSE 'timeout' END,
             strftime('%Y-%m-%dT%H:%M:%SZ', 1700000000 + i * 60, 'unixepoch'),
             strftime('%Y-%m-%dT%H:%M:%SZ', 1700003000 + i * 60, 'unixepoch'),
             '0.1.0', s.genesis, 0, NULL
      FROM k, (SELECT scenario, genesis FROM sessions LIMIT 1) s;"
    a=$(median_us 5 "$IRDRILL" sessions --db "$sdb")
    b=$(median_us 5 "$IRDRILL" sessions --db "$sdb" --json --scenario portal-defacement)
    c=$(median_us 5 "$IRDRILL" sessions --db "$sdb" --json --team 'Đội 7' --limit 100)
    d=$(median_us 3 "$IRDRILL" sessions --db "$sdb" --json --all)
    printf 'sessions, %6d sessions, default page (50)     %7d us  (target < 100000 us)\n' "$n" "$a"
    printf 'sessions, %6d sessions, --scenario, --json    %7d us  (target < 100000 us)\n' "$n" "$b"
    printf 'sessions, %6d sessions, --team, --limit 100   %7d us  (target < 100000 us)\n' "$n" "$c"
    printf 'sessions, %6d sessions, --all --json          %7d us  (every row: no target)\n' "$n" "$d"
done
