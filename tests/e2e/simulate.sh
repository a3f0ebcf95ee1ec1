#!/bin/sh
# End-to-end tests of irdrill simulate, check's warnings and new-scenario
# (docs/cli.md), and the acceptance test of the shipped scenarios:
#   - under simulate (200 runs of each policy), every objective is met and
#     every ending reached in some run;
#   - irdrill check prints no warning for any of them.
# A shipped scenario that fails says which objectives, endings or warnings.
#
#   IRDRILL=/abs/path/to/irdrill sh tests/e2e/simulate.sh
#
# Runs in the current directory (tests/run-all.sh gives it a fresh temp
# dir) and writes only there. Needs no python: the JSON is simulate's own,
# of a fixed shape, read with sed.
set -u
: "${IRDRILL:?set IRDRILL to the irdrill binary}"
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
fx=$(cd "$here/../fixtures/e2e" && pwd)
ref=$top/scenarios/portal-defacement.lua
unset IRDRILL_SCENARIOS
RUNS=${SIM_RUNS:-200}

checks=0
fails=0

check() {
    desc=$1
    shift
    checks=$((checks + 1))
    if ! "$@"; then
        fails=$((fails + 1))
        echo "not ok $checks - $desc"
        echo "    exit $rc; stdout: $(head -c 400 out | tr '\n' '|')"
        echo "    stderr: $(head -c 400 err | tr '\n' '|')"
    fi
}

irdrill() {
    "$IRDRILL" "$@" > out 2> err < /dev/null
    rc=$?
}

status_is() { [ "$rc" -eq "$1" ]; }
has() { grep -Eq -- "$2" "$1"; }
lacks() { ! grep -Eq -- "$2" "$1"; }
is_empty() { [ ! -s "$1" ]; }
one_error() { [ "$(wc -l < err)" -eq 1 ] && has err '^irdrill: '; }

# The ids in one array of "never" ("signals", "triggers", ...), comma-separated.
never() { sed -n "s/.*\"never\":{.*\"$1\":\[\([^]]*\)\].*/\1/p" "$2" | tr -d '"'; }

# --- simulate: flags ---------------------------------------------------------
irdrill simulate --help
check "simulate --help: exit 0 and usage" sh -c "[ $rc -eq 0 ] && grep -q '^usage: irdrill simulate' out"
irdrill simulate "$ref"
check "simulate without --runs: exit 1, one line" sh -c "[ $rc -eq 1 ] && [ \$(wc -l < err) -eq 1 ] && grep -q -- '--runs' err"
irdrill simulate "$ref" --runs 0
check "--runs 0: exit 1 naming --runs" sh -c "[ $rc -eq 1 ] && grep -q -- '--runs' err"
irdrill simulate "$ref" --runs 5 --policy clever
check "bad --policy: exit 1 naming it" sh -c "[ $rc -eq 1 ] && grep -q -- '--policy' err"
irdrill simulate no-such-scenario --runs 5
check "unknown scenario: exit 1, one line" sh -c "[ $rc -eq 1 ] && [ \$(wc -l < err) -eq 1 ]"

# --- simulate --json: shape, counts, determinism -----------------------------
shape='^\{"runs":[0-9]+,"outcomes":\{("[^"]+":[0-9]+,?)+\},"score":\{"min":-?[0-9]+,"mean":-?[0-9]+\.[0-9]+,"max":-?[0-9]+\},"never":\{"signals":\[[^]]*\],"triggers":\[[^]]*\],"objectives":\[[^]]*\],"endings":\[[^]]*\]\},"turns_per_second":[0-9]+\}$'
for policy in random greedy; do
    irdrill simulate "$ref" --runs 40 --policy "$policy" --seed 7 --json
    check "$policy --json: exit 0, nothing on stderr" sh -c "[ $rc -eq 0 ] && [ ! -s err ]"
    check "$policy --json: one line of the documented shape" \
        sh -c "[ \$(wc -l < out) -eq 1 ] && grep -Eq '$shape' out"
    check "$policy --json: runs is 40" has out '^\{"runs":40,'
    sum=$(sed -n 's/.*"outcomes":{\([^}]*\)}.*/\1/p' out | tr ',' '\n' | sed 's/.*://' |
          awk '{ s += $1 } END { print s + 0 }')
    check "$policy --json: the outcomes add up to the runs ($sum)" [ "$sum" -eq 40 ]
    check "$policy --json: every ending and timeout counted" \
        sh -c "grep -q '\"reinfected\":' out && grep -q '\"restored_clean\":' out && grep -q '\"timeout\":' out"
    sed 's/"turns_per_second":[0-9]*//' out > first
    irdrill simulate "$ref" --runs 40 --policy "$policy" --seed 7 --json
    sed 's/"turns_per_second":[0-9]*//' out > second
    check "$policy: the same seed gives the same figures" cmp -s first second
done

irdrill simulate "$ref" --runs 20 --seed 3 --lang en
check "human output: exit 0" status_is 0
check "human output: outcomes, score, never, speed" \
    sh -c "grep -q '^outcomes ' out && grep -q '^score ' out && grep -q '^never' out && grep -q 'playthroughs/s' out"
sed 's/^speed .*//' out > sim-en
irdrill simulate "$ref" --runs 20 --seed 3 --lang vi
check "human output --lang vi: the title and every label in Vietnamese" \
    sh -c "grep -q '^kịch bản    Cổng' out && grep -q '^số lần chạy 20, chiến lược random, seed 3 đến 22$' out && grep -q '^kết cục     reinfected ' out && grep -q '^điểm        thấp nhất ' out && grep -q '^độ phủ      tín hiệu ' out && grep -q '^chưa đạt tới$' out && grep -q '^            mục tiêu   ' out && grep -q 'lượt chơi/giây' out"
check "human output --lang vi: no English label left" \
    sh -c "! grep -Eq '^(scenario|runs|outcomes|score|coverage|never|speed) |^ +(signals|triggers|objectives|endings) ' out"
check "human output --lang vi: the same figures" \
    sh -c "[ \$(grep -c '' out) -eq \$(grep -c '' sim-en) ] && [ \"\$(grep -o '[0-9][0-9.]* *%' out)\" = \"\$(grep -o '[0-9][0-9.]* *%' sim-en)\" ]"
irdrill simulate "$ref" --runs 20 --seed 3 --lang vi --json
sed 's/"turns_per_second":[0-9]*//' out > sim-vi.json
irdrill simulate "$ref" --runs 20 --seed 3 --lang en --json
sed 's/"turns_per_second":[0-9]*//' out > sim-en.json
check "simulate --json: the same in both languages" cmp -s sim-vi.json sim-en.json

# simulate never opens or creates a database.
mkdir -p xdg home
IRDRILL_DB=$PWD/sim.db XDG_DATA_HOME=$PWD/xdg HOME=$PWD/home \
    "$IRDRILL" simulate "$ref" --runs 3 --json > out 2> err < /dev/null
rc=$?
check "simulate creates no database" \
    sh -c "[ $rc -eq 0 ] && [ ! -e sim.db ] && [ -z \"\$(ls -A xdg)\" ] && [ -z \"\$(ls -A home)\" ]"

# --- every shipped scenario: coverage under simulate and a clean check -------
# check's own reachability warnings come from the same playthroughs (200
# runs of each policy from seed 1), so the simulate runs below stand for
# them, and check itself runs with --no-simulate: the same verdict in half
# the time. A hook error in a playthrough is a warning of both.
for f in "$top"/scenarios/*.lua; do
    [ "$(basename "$f")" = stdlib.lua ] && continue
    name=$(basename "$f" .lua)
    irdrill simulate "$f" --runs "$RUNS" --policy random --seed 1 --json
    cp out random.json
    cp err random.err
    r_rc=$rc
    irdrill simulate "$f" --runs "$RUNS" --policy greedy --seed 1 --json
    cp out greedy.json
    check "$name: simulate runs (exit 0)" sh -c "[ $r_rc -eq 0 ] && [ $rc -eq 0 ]"
    check "$name: no hook fails in the playthroughs" sh -c "[ ! -s random.err ] && [ ! -s err ]"
    for kind in objectives endings; do
        missed=""
        for id in $(never "$kind" random.json | tr ',' ' '); do
            case ",$(never "$kind" greedy.json)," in
                *",$id,"*) missed="$missed $id" ;;
            esac
        done
        check "$name: every one of its $kind is reached by $RUNS runs of each policy (never:$missed)" \
            [ -z "$missed" ]
    done
    irdrill check --no-simulate "$f"
    check "$name: check is ok with no warning" \
        sh -c "[ $rc -eq 0 ] && [ ! -s err ] && grep -q ': ok$' out"
done

# --- check's warnings ----------------------------------------------------------
irdrill check "$fx/lint.lua"
check "lint: warnings alone leave exit 0 and 'ok'" sh -c "[ $rc -eq 0 ] && grep -q 'lint.lua: ok$' out"
check "lint: every warning is file:line: warning: ..." \
    sh -c "[ \$(wc -l < err) -eq 15 ] && ! grep -qv '^$fx/lint\\.lua:[0-9]*: warning: ' err"
check "lint: plain-string texts, in a declaration and in a hook" \
    sh -c "grep -q 'lint.lua:3: warning: text given as a plain string' err && grep -q 'lint.lua:19: warning: text given as a plain string (by a hook)' err"
check "lint: unused signal and penalty" \
    sh -c "grep -q \"lint.lua:14: warning: signal 's_unused'\" err && grep -q \"lint.lua:26: warning: penalty 'p_unused'\" err"
check "lint: a fact the scenario adds, never named by a hook" has err "lint.lua:36: warning: fact 'f_unused' is declared but never used"
check "lint: a role with no action but the free ones" has err "lint.lua:37: warning: role 'idle' is declared but can take no action"
check "lint: objectives and a penalty with no explain (nothing for the debrief)" \
    sh -c "grep -q \"lint.lua:22: warning: objective 'big' has no explain\" err && grep -q \"lint.lua:24: warning: objective 'never' has no explain\" err && grep -q \"lint.lua:26: warning: penalty 'p_unused' has no explain\" err"
check "lint: an objective with no capability (the improvement plan would guess its row)" \
    sh -c "grep -q \"lint.lua:24: warning: objective 'never' has no capability\" err && [ \$(grep -c 'has no capability' err) -eq 1 ]"
check "lint: an ending no self-test expects" has err "lint.lua:31: warning: ending 'unreachable' is expected by no self-test"
check "lint: an objective worth more than half" has err "lint.lua:22: warning: objective 'big' is worth 90 of the 100"
check "lint: a free hint" has err "lint.lua:27: warning: hint 'hint1' costs nothing"
check "lint: unreached objective and ending" \
    sh -c "grep -q \"lint.lua:24: warning: objective 'never' was never met\" err && grep -q \"lint.lua:31: warning: ending 'unreachable' was never reached\" err"
irdrill check --no-simulate "$fx/lint.lua"
check "lint --no-simulate: no reachability warnings" \
    sh -c "[ $rc -eq 0 ] && [ \$(wc -l < err) -eq 12 ] && ! grep -q 'never met' err"
irdrill check "$fx/lint.lua" "$fx/broken-decl.lua"
check "lint with an invalid file: still exit 1" status_is 1

# --- new-scenario ----------------------------------------------------------------
irdrill new-scenario --help
check "new-scenario --help" sh -c "[ $rc -eq 0 ] && grep -q '^usage: irdrill new-scenario' out"
irdrill new-scenario flood-drill
check "new-scenario: exit 0, writes ID.lua" sh -c "[ $rc -eq 0 ] && [ -s flood-drill.lua ]"
check "new-scenario: the id is the new one" grep -q 'id = "flood-drill"' flood-drill.lua
cp flood-drill.lua before.lua
irdrill new-scenario flood-drill
check "new-scenario: refuses to overwrite (exit 1, one line)" sh -c "[ $rc -eq 1 ] && [ \$(wc -l < err) -eq 1 ]"
check "new-scenario: the existing file is untouched" cmp -s flood-drill.lua before.lua
irdrill new-scenario 1bad
check "new-scenario: an invalid id is refused (exit 1)" sh -c "[ $rc -eq 1 ] && [ \$(wc -l < err) -eq 1 ]"
irdrill new-scenario other -o sub-missing/x.lua
check "new-scenario: a missing directory is an error (exit 1)" status_is 1
irdrill new-scenario piped -o -
check "new-scenario -o -: the template on stdout" sh -c "[ $rc -eq 0 ] && grep -q 'id = \"piped\"' out"
irdrill new-scenario other -o other.lua
check "new-scenario -o FILE" sh -c "[ $rc -eq 0 ] && [ -s other.lua ] && [ ! -e other-scenario.lua ]"
irdrill check flood-drill.lua
check "new-scenario output: check ok, no warning" sh -c "[ $rc -eq 0 ] && [ ! -s err ]"
irdrill test flood-drill.lua
check "new-scenario output: its self-tests pass" sh -c "[ $rc -eq 0 ] && grep -q ' 0 failed$' out"
irdrill simulate flood-drill.lua --runs 50 --policy greedy --json
check "new-scenario output: the greedy bot reaches its success" has out '"recovered":[1-9]'

echo "$checks checks, $fails failed"
[ "$fails" -eq 0 ]
