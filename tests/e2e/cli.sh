#!/bin/sh
# End-to-end tests of the irdrill command line (product.md §3, docs/cli.md),
# driving the real binary on the fixture scenarios in tests/fixtures/e2e/.
#
#   IRDRILL=/abs/path/to/irdrill sh tests/e2e/cli.sh
#
# Runs in the current directory (tests/run-all.sh gives it a fresh temp
# dir) and writes only there. Prints one line per failed check, then a
# summary; exits 1 if any check failed.
set -u
: "${IRDRILL:?set IRDRILL to the irdrill binary}"
here=$(cd "$(dirname "$0")" && pwd)
fx=$(cd "$here/../fixtures/e2e" && pwd)
unset IRDRILL_SCENARIOS
ESC=$(printf '\033')
RLO=$(printf '\342\200\256')        # U+202E, right-to-left override

checks=0
fails=0

# check DESCRIPTION COMMAND...: one assertion; COMMAND's status decides.
check() {
    desc=$1
    shift
    checks=$((checks + 1))
    if ! "$@"; then
        fails=$((fails + 1))
        echo "not ok $checks - $desc"
        echo "    exit $rc; stdout: $(head -c 300 out | tr '\n' '|')"
        echo "    stderr: $(head -c 300 err | tr '\n' '|')"
    fi
}

# irdrill ARGS...: run the binary with stdin closed; out, err and rc hold
# what happened.
irdrill() {
    "$IRDRILL" "$@" > out 2> err < /dev/null
    rc=$?
}

status_is() { [ "$rc" -eq "$1" ]; }
has() { grep -Eq -- "$2" "$1"; }
lacks() { ! grep -Eq -- "$2" "$1"; }
is_empty() { [ ! -s "$1" ]; }
last_line_is() { [ "$(tail -n 1 "$1")" = "$2" ]; }
# The product's error rule: exactly one line on stderr, starting "irdrill: ".
one_error() {
    [ "$(wc -l < err)" -eq 1 ] && has err '^irdrill: ' && lacks err "$ESC"
}
no_raw_controls() { lacks out "$ESC|$RLO" && lacks err "$ESC|$RLO"; }

# The last line of stdout as JSON: FIELD has VALUE (a JSON literal). With
# python3 the line is parsed; without it, a textual match.
json_field() {
    if command -v python3 > /dev/null 2>&1; then
        tail -n 1 out | python3 -c '
import json, sys
o = json.loads(sys.stdin.read())
sys.exit(0 if json.dumps(o.get(sys.argv[1], "<absent>")) == sys.argv[2] else 1)' "$1" "$2" 2> /dev/null
    else
        tail -n 1 out | tr -d ' ' | grep -qF "\"$1\":$(printf %s "$2" | tr -d ' ')"
    fi
}

# Every stdout line is a JSON object.
all_json() {
    if command -v python3 > /dev/null 2>&1; then
        python3 -c '
import json, sys
for line in open("out", encoding="utf-8"):
    if not isinstance(json.loads(line), dict):
        sys.exit(1)'
    else
        ! grep -qv '^{.*}$' out
    fi
}

printf 'soc triage s1 true\nsys isolate web\nend\n' > win.in
printf '# a comment\n\nend\n' > short.in
printf 'end\n\nbogus_verb web\nend\n' > bad.in

# --- version and help ------------------------------------------------------
irdrill --version
check "--version exits 0" status_is 0
check "--version prints 'irdrill X.Y.Z'" has out '^irdrill [0-9]+\.[0-9]+\.[0-9]+$'

irdrill --help
check "--help exits 0" status_is 0
check "--help lists run, check, test, scenarios" \
    sh -c 'grep -q "^  run " out && grep -q "^  check " out && grep -q "^  test " out && grep -q "^  scenarios " out'
check "--help does not list unbuilt commands" lacks out '^  (host|join) '

irdrill
check "no arguments: usage, exit 0" sh -c "[ $rc -eq 0 ] && grep -q '^usage: irdrill' out"

for cmd in run check test scenarios; do
    irdrill "$cmd" --help
    check "$cmd --help exits 0" status_is 0
    check "$cmd --help prints its usage" has out "^usage: irdrill $cmd"
    check "$cmd --help writes nothing on stderr" is_empty err
    irdrill "$cmd" -h
    check "$cmd -h is --help" has out "^usage: irdrill $cmd"
done

# --- flag errors ---------------------------------------------------------------
irdrill run "$fx/tiny.lua" --inputs win.in --x
check "unknown flag: exit 1" status_is 1
check "unknown flag: one 'irdrill:' line" one_error
check "unknown flag: names the flag" has err '^irdrill: run: unknown flag --x$'

irdrill --bogus
check "unknown top-level flag: exit 1, one line" sh -c "[ $rc -eq 1 ] && [ \$(wc -l < err) -eq 1 ] && grep -q -- '--bogus' err"
irdrill frobnicate
check "unknown command: exit 1" status_is 1
check "unknown command: one line naming it" sh -c "[ \$(wc -l < err) -eq 1 ] && grep -q \"^irdrill: unknown command 'frobnicate'\" err"

irdrill run "$fx/tiny.lua" --inputs
check "missing value: exit 1" status_is 1
check "missing value: one line naming --inputs" sh -c "[ \$(wc -l < err) -eq 1 ] && grep -q -- '--inputs needs a value' err"

irdrill run "$fx/tiny.lua"
check "run without --inputs: exit 1 naming --inputs" sh -c "[ $rc -eq 1 ] && grep -q -- '--inputs' err"
irdrill run "$fx/tiny.lua" --inputs win.in --seed 12x
check "bad --seed: exit 1, one line naming --seed" sh -c "[ $rc -eq 1 ] && [ \$(wc -l < err) -eq 1 ] && grep -q -- '--seed' err"
irdrill run "$fx/tiny.lua" --inputs win.in --seed -1
check "--seed -1: exit 1, one line with the range and the value" \
    sh -c "[ $rc -eq 1 ] && [ \$(wc -l < err) -eq 1 ] && grep -q \"^irdrill: run: --seed: expected a whole number from 0 to 9223372036854775807, not '-1'\$\" err"
irdrill run "$fx/tiny.lua" --inputs win.in --seed=-5 --no-save
check "--seed=-5: the same message" has err "not '-5'"
irdrill run "$fx/tiny.lua" --inputs win.in --seed 9223372036854775808 --no-save
check "--seed past the range: the range and the value" has err "from 0 to 9223372036854775807, not '9223372036854775808'"
irdrill run "$fx/tiny.lua" --inputs win.in --seed 9223372036854775807 --no-save --json
check "--seed at the top of the range: played" json_field seed 9223372036854775807
irdrill run "$fx/tiny.lua" --inputs --json
check "a flag after a value-taking flag is still a missing value" \
    sh -c "[ $rc -eq 1 ] && grep -q -- '--inputs needs a value' err"
mkdir -p adir
irdrill run adir --inputs win.in --no-save
check "run DIRECTORY: exit 1, one line saying it is a directory" \
    sh -c "[ $rc -eq 1 ] && [ \$(wc -l < err) -eq 1 ] && grep -q '^irdrill: run: adir: is a directory, not a scenario file' err"
irdrill check "$fx"
check "check DIRECTORY: says it is a directory" has err "^irdrill: check: .*e2e: is a directory"
irdrill test adir
check "test DIRECTORY: says it is a directory, on both streams" \
    sh -c "[ $rc -eq 1 ] && grep -q '^irdrill: test: adir: is a directory' err && grep -qx 'FAIL adir: is a directory, not a scenario file' out"
irdrill run "$fx/tiny.lua" --inputs win.in --seed 1 --seed 2
check "--seed twice: exit 1" sh -c "[ $rc -eq 1 ] && grep -q 'given twice' err"
irdrill run "$fx/tiny.lua" --inputs win.in --mode party
check "bad --mode: exit 1" sh -c "[ $rc -eq 1 ] && grep -q -- '--mode' err"
irdrill run "$fx/tiny.lua" --inputs win.in --lang fr
check "bad --lang: exit 1" sh -c "[ $rc -eq 1 ] && grep -q -- '--lang' err"
irdrill run "$fx/tiny.lua" --json=yes --inputs win.in
check "value for a boolean flag: exit 1" sh -c "[ $rc -eq 1 ] && grep -q 'takes no value' err"
irdrill run "$fx/tiny.lua" --inputs no-such.in
check "missing inputs file: exit 1, one line naming it" sh -c "[ $rc -eq 1 ] && [ \$(wc -l < err) -eq 1 ] && grep -q 'no-such.in' err"
irdrill run no-such-scenario --inputs win.in
check "unknown scenario id: exit 1" status_is 1
check "unknown scenario id: one line naming it" sh -c "[ \$(wc -l < err) -eq 1 ] && grep -q 'no-such-scenario' err"
irdrill run "$fx/tiny.lua" --inputs win.in --scenarios "$fx/nope"
check "--scenarios with a missing directory: exit 1" sh -c "[ $rc -eq 1 ] && grep -q 'no such directory' err"

# --- run -------------------------------------------------------------------
irdrill run "$fx/tiny.lua" --inputs win.in --seed 7 --json --no-save
check "run --json: exit 0" status_is 0
check "run --json: one line of JSON" sh -c "[ \$(wc -l < out) -eq 1 ]"
check "run --json: outcome" json_field outcome '"contained"'
check "run --json: score" json_field score 30
check "run --json: max_score" json_field max_score 30
check "run --json: seed as given" json_field seed 7
check "run --json --no-save: session null" json_field session null
check "run --json: scenario id" json_field scenario '"e2e-tiny"'
check "run --json: turns" json_field turns 1
check "run --json: objectives" json_field objectives '{"triaged": true, "isolated": true}'
check "run: nothing on stderr" is_empty err

irdrill run "$fx/tiny.lua" --inputs win.in --seed 7 --lang en --no-save --db ignored.db
check "run (human): exit 0" status_is 0
check "run (human): title in English" has out '^scenario  Tiny e2e scenario \(e2e-tiny, version 2\)$'
check "run (human): outcome" has out '^outcome   contained$'
check "run (human): score/max" has out '^score     30/30$'
check "run (human): turns" has out '^turns     1$'
check "run (human): seed" has out '^seed      7$'
check "run (human): not saved" has out '^session   none'
check "run --db/--no-save: no database written" test ! -e ignored.db

irdrill run "$fx/tiny.lua" --inputs win.in --lang vi --no-save
check "run --lang vi: Vietnamese title and labels" has out '^kịch bản  Kịch bản thử nhỏ \(e2e-tiny, phiên bản 2\)$'
check "run without --seed: a seed is printed" has out '^seed      [1-9][0-9]*$'
check "run --lang vi: every label in Vietnamese" \
    sh -c "grep -q '^kết cục   contained$' out && grep -q '^điểm      30/30$' out && grep -q '^số lượt   1$' out && grep -q '^phiên     không có (không lưu)$' out"
check "run --lang vi: no English label left" lacks out '^(scenario|outcome|score|turns|session) '
irdrill run "$fx/tiny.lua" --inputs short.in --lang vi --no-save
check "run --lang vi: unfinished session in Vietnamese" \
    has out '^kết cục   chưa có: hết dòng đầu vào trước khi phiên kết thúc \(lượt 2/4\)$'
irdrill run "$fx/tiny.lua" --inputs win.in --seed 7 --lang vi --no-save --json
check "run --lang vi --json: the same keys and values" \
    last_line_is out '{"session":null,"scenario":"e2e-tiny","seed":7,"outcome":"contained","score":30,"max_score":30,"turns":1,"objectives":{"triaged":true,"isolated":true}}'

irdrill run e2e-tiny --scenarios "$fx" --inputs win.in --json
check "run by id with --scenarios" sh -c "[ $rc -eq 0 ] && grep -q '\"outcome\":\"contained\"' out"
IRDRILL_SCENARIOS="/nonexistent:$fx" "$IRDRILL" run e2e-tiny --inputs win.in --json > out 2> err < /dev/null
rc=$?
check "run by id with IRDRILL_SCENARIOS" sh -c "[ $rc -eq 0 ] && grep -q '\"outcome\":\"contained\"' out"

irdrill run "$fx/tiny.lua" --inputs short.in --json
check "inputs ending first: exit 0" status_is 0
check "inputs ending first: outcome null" json_field outcome null
check "inputs ending first: turn 2 reached" json_field turns 2
irdrill run "$fx/tiny.lua" --inputs short.in --lang en
check "inputs ending first (human): says so" has out '^outcome   none: the inputs ended before the session did \(turn 2 of 4\)$'

irdrill run "$fx/tiny.lua" --inputs bad.in --json
check "invalid inputs line: exit 1" status_is 1
check "invalid inputs line: one line FILE:LINE:" sh -c "[ \$(wc -l < err) -eq 1 ] && grep -q '^irdrill: bad.in:3: ' err"
check "invalid inputs line: no result printed" is_empty out

printf 'end\nend\nnot_an_action\n' | "$IRDRILL" run "$fx/tiny.lua" --inputs - --json > out 2> err
rc=$?
check "invalid line on stdin: named stdin:LINE" sh -c "[ $rc -eq 1 ] && grep -q '^irdrill: stdin:3: ' err"

printf 'soc triage s1 true\nsys isolate web\nend\n' | "$IRDRILL" run "$fx/tiny.lua" --inputs - --seed 7 --json > out 2> err
rc=$?
check "--inputs - from a pipe: exit 0" status_is 0
check "--inputs - from a pipe: same result as the file" json_field outcome '"contained"'

# Live: the writer keeps the pipe open long after the last line. irdrill
# must act on lines as they come and stop at the end of the session, not
# wait for the end of the stream.
mkfifo live.fifo
(printf 'soc triage s1 true\n'; sleep 1; printf 'sys isolate web\nend\n'; exec sleep 30) > live.fifo &
writer=$!
t0=$(date +%s)
if command -v timeout > /dev/null 2>&1; then
    timeout 20 "$IRDRILL" run "$fx/tiny.lua" --inputs - --json < live.fifo > out 2> err
else
    "$IRDRILL" run "$fx/tiny.lua" --inputs - --json < live.fifo > out 2> err
fi
rc=$?
t1=$(date +%s)
kill "$writer" 2> /dev/null
wait "$writer" 2> /dev/null
check "--inputs - live: exit 0" status_is 0
check "--inputs - live: outcome" json_field outcome '"contained"'
check "--inputs - live: stops at the end of the session, not of the stream" test $((t1 - t0)) -lt 15

irdrill run "$fx/hookerr.lua" --inputs short.in --json
check "hook error: the run goes on (exit 0)" status_is 0
check "hook error: a warning naming file:line" has err "^irdrill: warning: .*hookerr\.lua:7: .*boom"
check "hook error: no raw escape or bidi characters" no_raw_controls

# A UTF-8 byte-order mark at the start of an inputs script (as Notepad writes
# it) is skipped, from a file and from stdin, for run and for resume.
printf '\357\273\277soc triage s1 true\nsys isolate web\nend\n' > bom.in
irdrill run "$fx/tiny.lua" --inputs bom.in --seed 7 --json --no-save
check "inputs file with a BOM: played (exit 0)" status_is 0
check "inputs file with a BOM: the first line counts" json_field outcome '"contained"'
"$IRDRILL" run "$fx/tiny.lua" --inputs - --seed 7 --json --no-save < bom.in > out 2> err
rc=$?
check "--inputs - with a BOM: the first line counts" json_field outcome '"contained"'
printf '\357\273\277soc triage s1 true\n' > bom-start.in
printf '\357\273\277sys isolate web\nend\n' > bom-rest.in
irdrill run "$fx/tiny.lua" --inputs bom-start.in --seed 7 --db bom.db --json
irdrill resume 1 --inputs bom-rest.in --db bom.db --json
check "resume --inputs with a BOM: the first line counts" json_field outcome '"contained"'
irdrill verify 1 --db bom.db
check "a BOM is not recorded: the session verifies" sh -c "[ $rc -eq 0 ] && grep -q 'session 1: ok' out"
irdrill run "$fx/tiny.lua" --inputs bom-start.in --seed 7 --db bom.db --json
irdrill resume 2 --inputs bom-rest.in --db bom.db --lang vi
check "resume --lang vi: the result in Vietnamese" \
    sh -c "[ $rc -eq 0 ] && grep -q '^kết cục   contained$' out && grep -q '^phiên     2$' out"

irdrill run "$fx/memhog.lua" --inputs short.in --no-save --json
check "memory cap in a hook: the run goes on (exit 0)" status_is 0
check "memory cap in a hook: the warning names file:line of the allocation" \
    sh -c "[ \$(wc -l < err) -eq 1 ] && grep -q '^irdrill: warning: .*memhog\.lua:8: memory limit exceeded (64 MiB)$' err"

printf 'soc triage s1 true\n\342\200\256bogus end\n' > evil.in
irdrill run "$fx/tiny.lua" --inputs evil.in
check "invalid line with a bidi override: exit 1" status_is 1
check "invalid line with a bidi override: sanitised error" no_raw_controls

# --- check -------------------------------------------------------------------
irdrill check "$fx/tiny.lua"
check "check valid: exit 0" status_is 0
check "check valid: 'PATH: ok'" last_line_is out "$fx/tiny.lua: ok"

irdrill check e2e-tiny --scenarios "$fx"
check "check by id: the resolved path is ok" sh -c "[ $rc -eq 0 ] && grep -q 'tiny.lua: ok$' out"

irdrill check "$fx/broken-decl.lua"
check "check declaration error: exit 1" status_is 1
check "check declaration error: file:line" has err "^$fx/broken-decl\.lua:5: "
check "check declaration error: nothing on stdout" is_empty out

irdrill check "$fx/broken-syntax.lua"
check "check syntax error: exit 1, file:line" sh -c "[ $rc -eq 1 ] && grep -q '^$fx/broken-syntax\.lua:4: ' err"

irdrill check "$fx/tiny.lua" "$fx/broken-decl.lua"
check "check mixed: exit 1" status_is 1
check "check mixed: the valid one still ok" has out 'tiny\.lua: ok$'

irdrill check nothing-here
check "check unknown id: exit 1, one line" sh -c "[ $rc -eq 1 ] && [ \$(wc -l < err) -eq 1 ] && grep -q '^irdrill: check: nothing-here' err"

# --- scenarios ---------------------------------------------------------------
irdrill scenarios --json --scenarios "$fx"
check "scenarios --json: exit 0 despite invalid files" status_is 0
check "scenarios --json: every line is a JSON object" all_json
check "scenarios --json: lists e2e-tiny" has out '"id":"e2e-tiny"'
check "scenarios --json: fields of e2e-tiny" sh -c "grep '\"id\":\"e2e-tiny\"' out | grep -q '\"difficulty\":\"basic\",\"max_turns\":4,\"turn_minutes\":15,\"languages\":\\[\"vi\",\"en\"\\],\"version\":2'"
check "scenarios --json: invalid files are warnings" has err '^irdrill: warning: .*broken-decl\.lua:5: '
check "scenarios --json: invalid files are not listed" lacks out 'e2e-broken'
check "scenarios: no raw escape or bidi characters" no_raw_controls

if command -v python3 > /dev/null 2>&1; then
    check "scenarios --json: languages is an array" python3 -c '
import json
objs = [json.loads(l) for l in open("out", encoding="utf-8")]
t = [o for o in objs if o["id"] == "e2e-tiny"][0]
assert t["languages"] == ["vi", "en"] and t["max_turns"] == 4 and t["path"].endswith("tiny.lua")
assert all(k in o for o in objs for k in ("id", "title", "difficulty", "max_turns", "languages"))'
fi

mkdir -p shadow
cp "$fx/tiny.lua" shadow/a-copy.lua
irdrill scenarios --json --scenarios shadow --scenarios "$fx"
check "scenarios: one entry per id, the first directory wins" \
    sh -c "[ \$(grep -c '\"id\":\"e2e-tiny\"' out) -eq 1 ] && grep -q 'shadow/a-copy.lua' out"

irdrill scenarios --scenarios "$fx" --lang vi
check "scenarios (table): header and a row" sh -c "[ $rc -eq 0 ] && grep -q '^ID ' out && grep -q '^e2e-tiny .* Kịch bản thử nhỏ$' out"
check "scenarios --lang vi: the header and difficulty in Vietnamese, in columns" \
    sh -c "grep -q '^ID                       MỨC ĐỘ        LƯỢT  TIẾNG  TIÊU ĐỀ$' out && grep -q '^e2e-tiny                 cơ bản           4  vi,en  Kịch bản thử nhỏ$' out"
irdrill scenarios --scenarios "$fx" --lang en
check "scenarios --lang en: the header and difficulty in English" \
    sh -c "grep -q '^ID                       DIFFICULTY   TURNS  LANG   TITLE$' out && grep -q '^e2e-tiny                 basic            4  vi,en  Tiny e2e scenario$' out"

# --- test --------------------------------------------------------------------
irdrill test "$fx/tiny.lua"
check "test: exit 0" status_is 0
check "test: PASS per test" sh -c "grep -qx 'PASS e2e-tiny/isolate' out && grep -qx 'PASS e2e-tiny/idle' out"
check "test: summary line" last_line_is out "2 passed, 0 failed"

irdrill test "$fx/failing.lua"
check "failing tests: exit 1" status_is 1
check "failing test: FAIL with the reason" has out '^FAIL e2e-failing/wrong outcome: outcome: expected never, got timeout$'
check "bad inputs line in a test: FAIL with the scenario's file:line" \
    has out "^FAIL e2e-failing/bad input: $fx/failing\\.lua:13: "
check "a time to contain that never comes: FAIL with the reason" \
    has out '^FAIL e2e-failing/wrong metrics: metrics: never contained, expected by minute 30$'
check "failing tests: summary line" last_line_is out "0 passed, 3 failed"

irdrill test "$fx/hookerr.lua"
check "hook error in a test: FAIL naming file:line" has out '^FAIL e2e-hookerr/hook fails: hook error: .*hookerr\.lua:7: boom'
check "hook error in a test: no raw escape or bidi characters" no_raw_controls

irdrill test "$fx/tiny.lua" "$fx/failing.lua"
check "tests of several scenarios: one summary" last_line_is out "2 passed, 3 failed"

irdrill test "$fx/broken-syntax.lua"
check "test of a scenario that does not load: exit 1, counted" sh -c "[ $rc -eq 1 ] && tail -n 1 out | grep -qx '0 passed, 1 failed'"

# --- names on the command line: NFC, validated ----------------------------------
# "Đội ứng cứu" typed decomposed (o + U+0323 + U+0302, u + U+031B + U+0301) is
# recorded composed, so a filter typed either way finds it.
TEAM_NFD=$(printf '\304\220o\314\243\314\202i u\314\233\314\201ng cu\314\233\314\201u')
TEAM_NFC=$(printf '\304\220\341\273\231i \341\273\251ng c\341\273\251u')
PLAYER_NFD=$(printf 'Le\314\202 Va\314\200ng')
PLAYER_NFC=$(printf 'L\303\252 V\303\240ng')
irdrill run "$fx/tiny.lua" --inputs win.in --seed 7 --db names.db --team "$TEAM_NFD" --player "$PLAYER_NFD" --json
check "run --team/--player decomposed: saved" json_field session 1
irdrill sessions --db names.db --team "$TEAM_NFC" --json
check "sessions --team composed finds the team typed decomposed" \
    sh -c "[ $rc -eq 0 ] && [ \$(wc -l < out) -eq 1 ] && grep -qF '\"team\":\"$TEAM_NFC\"' out"
irdrill sessions --db names.db --team "$TEAM_NFD" --json
check "sessions --team decomposed finds it too" sh -c "[ $rc -eq 0 ] && [ \$(wc -l < out) -eq 1 ]"
irdrill report 1 --db names.db --format json
check "the player's name is recorded composed" sh -c "grep -qF '$PLAYER_NFC' out && ! grep -qF '$PLAYER_NFD' out"
irdrill run "$fx/tiny.lua" --inputs win.in --no-save --team "Red${RLO}team"
check "run --team with a bidi override: exit 1, one line naming --team" \
    sh -c "[ $rc -eq 1 ] && [ \$(wc -l < err) -eq 1 ] && grep -q '^irdrill: run: --team: ' err"
check "run --team with a bidi override: the error is sanitised" no_raw_controls
irdrill run "$fx/tiny.lua" --inputs win.in --no-save --player "$(printf 'a\342\200\213b')"
check "run --player with a zero-width space: exit 1 naming --player" \
    sh -c "[ $rc -eq 1 ] && grep -q '^irdrill: run: --player: ' err"
irdrill sessions --db names.db --team "Red${RLO}team"
check "sessions --team is validated like run's" sh -c "[ $rc -eq 1 ] && grep -q '^irdrill: sessions: --team: ' err"
irdrill sessions --db names.db --scenario "e2e tiny"
check "sessions --scenario takes a scenario id" \
    sh -c "[ $rc -eq 1 ] && [ \$(wc -l < err) -eq 1 ] && grep -q \"^irdrill: sessions: --scenario: .*not 'e2e tiny'\" err"
irdrill sessions --db names.db --scenario e2e-tiny --json
check "sessions --scenario ID lists its sessions" sh -c "[ $rc -eq 0 ] && [ \$(wc -l < out) -eq 1 ]"

# --- sessions: the table's columns fit their content ----------------------------
# A scenario id longer than any default width (the shipped apt-coordination-order
# has 22 characters) and a Vietnamese team name: every column starts where its
# header does.
sed 's/id = "e2e-tiny"/id = "e2e-tiny-with-a-rather-long-scenario-id"/' "$fx/tiny.lua" > long-id.lua
irdrill run long-id.lua --inputs win.in --seed 1 --db table.db --team "$TEAM_NFC"
irdrill run "$fx/tiny.lua" --inputs short.in --seed 1 --db table.db
irdrill sessions --db table.db
aligned() {   # every row has a cell starting at the column of header $1
    awk -v h="$1" 'NR == 1 { col = index($0, h); next }
                   { c = substr($0, col - 2, 3); if (c !~ /^  [^ ]$/) bad = 1 }
                   END { exit !(col > 0 && NR == 3 && !bad) }' out
}
check "sessions: a table of the header and two rows" sh -c "[ $rc -eq 0 ] && [ \$(wc -l < out) -eq 3 ]"
for col in STATUS SCORE MODE STARTED SCENARIO OUTCOME TEAM; do
    check "sessions: the $col column lines up with a 39-character scenario id" aligned "$col"
done
check "sessions: the long id is whole" has out ' e2e-tiny-with-a-rather-long-scenario-id  '
check "sessions: the team is the last column, whole" has out "  $TEAM_NFC\$"

# --- report: the improvement plan's capability column ----------------------------
# A declared capability is the row's, also where the id would mislead a guess
# ("public_notice", "disrupted_public_service"); without one, the id decides.
printf 'net isolate web\nend\nend\n' > cap.in
irdrill run "$fx/capability.lua" --inputs cap.in --seed 1 --db cap.db --json
check "capability fixture: a saved session" json_field session 1
irdrill report 1 --db cap.db --format json --lang en
plan_caps() {
    if command -v python3 > /dev/null 2>&1; then
        python3 -c '
import json
print("|".join(p["capability"] for p in json.load(open("out", encoding="utf-8"))["improvement_plan"]))'
    else
        grep -o '"capability":"[^"]*"' out | sed 's/.*:"//; s/"$//' | paste -sd '|' -
    fi
}
check "report: the plan files each row under its declared capability, else the id's" \
    test "$(plan_caps)" = "Reporting and notification|Verification, classification and scoping|Verification, classification and scoping"
irdrill report 1 --db cap.db --lang vi
check "report --lang vi: the capability in Vietnamese" \
    has out '^\| Báo cáo và thông báo sự cố \| .*Báo cáo chủ quản trong 15 phút'
irdrill check --no-simulate "$fx/capability.lua"
check "check: an objective without a capability warns, with its line" \
    sh -c "[ $rc -eq 0 ] && [ \$(wc -l < err) -eq 1 ] && grep -q 'capability.lua:20: warning: objective .size. has no capability' err"

echo "$checks checks, $fails failed"
[ "$fails" -eq 0 ]
