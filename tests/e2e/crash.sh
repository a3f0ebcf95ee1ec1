#!/bin/sh
# Crash recovery (product.md §9, quality.md "kill -9 at any moment"): a
# scripted session of the reference scenario (its textbook self-test) is
# fed to `irdrill run --inputs -` and killed with SIGKILL at random
# moments, at least 50 times with a session on disk; after each kill the
# database must pass PRAGMA integrity_check and `irdrill resume`, fed the
# lines not yet recorded, must reach exactly the uninterrupted run's
# result. Three ways of feeding, in turn: all lines at once (kills land
# inside commits), a line every few milliseconds (kills land between and
# inside inputs), and --inputs FILE (grouped commits). At the end every
# session must verify.
#
#   IRDRILL=/abs/path/to/irdrill sh tests/e2e/crash.sh [KILLS]
#
# Runs in the current directory; about 15 s. Prints one line per failed
# check, then a summary; exits 1 if any failed.
set -u
: "${IRDRILL:?set IRDRILL to the irdrill binary}"
here=$(cd "$(dirname "$0")" && pwd)
ref=$(cd "$here/../../scenarios" && pwd)/portal-defacement.lua
want_kills=${1:-50}
max_rounds=$((want_kills * 6))

checks=0
fails=0
fail() {
    fails=$((fails + 1))
    echo "not ok - $*"
}

command -v sqlite3 > /dev/null 2>&1 || { echo "crash.sh: the sqlite3 tool is needed" >&2; exit 1; }

# The script: the textbook self-test's inputs, without comments and blank
# lines, so that recorded input k is script line k.
sed -n '/^test { name = "textbook response"/,/^\]\]/p' "$ref" | sed '1d;$d' \
    | grep -v '^ *#' | grep -v '^ *$' > script.in
nlines=$(wc -l < script.in)
if [ "$nlines" -lt 30 ]; then
    echo "crash.sh: cannot read the textbook self-test of $ref" >&2
    exit 1
fi

strip() { sed 's/^{"session":[0-9]*,/{/'; }
t0=$(date +%s%N)
"$IRDRILL" run "$ref" --inputs - --seed 1 --json --db whole.db < script.in > whole.out 2> whole.err
t1=$(date +%s%N)
# How long a whole run takes here (seconds): the kills are spread over it,
# so that they land while a session exists however fast or slow the
# build (a sanitizer build is several times slower) and the machine are.
whole=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", (b - a) / 1e9 }')
want=$(tail -n 1 whole.out | strip)
case $want in
    *'"outcome":"restored_clean","score":100'*) ;;
    *) echo "crash.sh: the uninterrupted run did not give restored_clean 100: $want" >&2; exit 1 ;;
esac
want_row=$(sqlite3 whole.db "SELECT status, outcome, score, turn FROM sessions WHERE id = 1")

# Random delays in seconds, from awk's generator seeded per round, so a
# failing round can be replayed by its number. The spread is the measured
# length of a run times a scale that adapts to the machine: when a run
# finishes before its kill (the machine got faster, or the first run was
# slow) the scale shrinks, so that the kills keep landing inside runs
# however the load changes while the test runs.
delay() { awk -v s="$1" -v t="$2" -v k="$scale" 'BEGIN { srand(s); printf "%.4f", rand() * t * k }'; }
scale=1
shrink() { scale=$(awk -v k="$scale" 'BEGIN { k *= 0.8; printf "%.4f", k < 0.05 ? 0.05 : k }'); }

mkfifo feed.fifo
db=crash.db
kills=0
round=0
while [ $kills -lt "$want_kills" ] && [ $round -lt $max_rounds ]; do
    round=$((round + 1))
    before=$(sqlite3 $db "SELECT coalesce(max(id), 0) FROM sessions" 2> /dev/null || echo 0)
    case $((round % 3)) in
    0)  # a live writer, one line every few milliseconds
        ( while IFS= read -r l; do printf '%s\n' "$l"; sleep 0.004; done < script.in ) > feed.fifo &
        feeder=$!
        "$IRDRILL" run "$ref" --inputs - --seed 1 --json --db $db < feed.fifo > run.out 2> run.err &
        pid=$!
        d=$(delay "$round" "$(awk -v w="$whole" -v n="$nlines" 'BEGIN { print w + n * 0.004 }')") ;;
    1)  # everything at once: kills land inside the commits
        cat script.in > feed.fifo &
        feeder=$!
        "$IRDRILL" run "$ref" --inputs - --seed 1 --json --db $db < feed.fifo > run.out 2> run.err &
        pid=$!
        d=$(delay "$round" "$whole") ;;
    2)  # a regular file: inputs committed in groups
        feeder=""
        "$IRDRILL" run "$ref" --inputs script.in --seed 1 --json --db $db > run.out 2> run.err &
        pid=$!
        d=$(delay "$round" "$whole") ;;
    esac
    sleep "$d"
    kill -9 "$pid" 2> /dev/null
    wait "$pid" 2> /dev/null
    rc=$?
    if [ -n "$feeder" ]; then
        kill "$feeder" 2> /dev/null
        wait "$feeder" 2> /dev/null
    fi
    checks=$((checks + 1))
    ic=$(sqlite3 $db "PRAGMA integrity_check" 2>&1)
    [ "$ic" = ok ] || fail "round $round: integrity_check after kill -9 at ${d}s: $ic"
    id=$(sqlite3 $db "SELECT coalesce(max(id), 0) FROM sessions" 2> /dev/null || echo 0)
    if [ "$rc" -ne 137 ]; then
        # It finished before the kill: then it must have finished right.
        shrink
        checks=$((checks + 1))
        [ "$rc" -eq 0 ] && [ "$(tail -n 1 run.out | strip)" = "$want" ] ||
            fail "round $round: uninterrupted run (exit $rc): $(tail -n 1 run.out) $(cat run.err)"
        continue
    fi
    if [ "$id" -le "$before" ]; then
        continue   # killed before its session existed: nothing to recover
    fi
    kills=$((kills + 1))
    k=$(sqlite3 $db "SELECT ninputs FROM sessions WHERE id = $id")
    status=$(sqlite3 $db "SELECT status FROM sessions WHERE id = $id")
    tail -n +$((k + 1)) script.in > rest.in
    checks=$((checks + 1))
    if [ "$status" = finished ]; then
        # Killed after the end was recorded, before the result was printed.
        row=$(sqlite3 $db "SELECT status, outcome, score, turn FROM sessions WHERE id = $id")
        [ "$row" = "$want_row" ] || fail "round $round: recorded end $row, want $want_row"
        continue
    fi
    "$IRDRILL" resume "$id" --inputs rest.in --json --db $db > res.out 2> res.err
    rc=$?
    got=$(tail -n 1 res.out | strip)
    [ "$rc" -eq 0 ] && [ "$got" = "$want" ] ||
        fail "round $round: killed at ${d}s after $k inputs; resume (exit $rc) gave $got $(cat res.err)"
    checks=$((checks + 1))
    row=$(sqlite3 $db "SELECT status, outcome, score, turn FROM sessions WHERE id = $id")
    [ "$row" = "$want_row" ] || fail "round $round: after resume the row is $row, want $want_row"
done

checks=$((checks + 1))
[ $kills -ge "$want_kills" ] ||
    fail "only $kills kills with a session on disk in $round rounds (want $want_kills)"
checks=$((checks + 1))
ic=$(sqlite3 $db "PRAGMA integrity_check" 2>&1)
[ "$ic" = ok ] || fail "final integrity_check: $ic"
checks=$((checks + 1))
active=$(sqlite3 $db "SELECT count(*) FROM sessions WHERE status <> 'finished'")
[ "$active" = 0 ] || fail "$active session(s) left unfinished"
checks=$((checks + 1))
"$IRDRILL" verify --all --db $db > verify.out 2> verify.err ||
    fail "verify --all: $(grep -v ': ok$' verify.out | head -n 5 | tr '\n' '|') $(cat verify.err)"

echo "$checks checks, $fails failed ($kills kills in $round rounds)"
[ "$fails" -eq 0 ]
