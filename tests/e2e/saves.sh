#!/bin/sh
# End-to-end tests of saved sessions (product.md §3, §6, §9; docs/cli.md):
# run saving by default, the database path rules, sessions, resume,
# verify against tampering done with the stock sqlite3 tool, reports
# checked for content and escaping, bad databases refused untouched, and
# several processes writing one database at once. Real files in the
# current directory (tests/run-all.sh gives it a fresh temp dir).
#
#   IRDRILL=/abs/path/to/irdrill sh tests/e2e/saves.sh
#
# Prints one line per failed check, then a summary; exits 1 if any failed.
set -u
: "${IRDRILL:?set IRDRILL to the irdrill binary}"
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
fx=$top/tests/fixtures/e2e
ref=$top/scenarios/portal-defacement.lua
unset IRDRILL_SCENARIOS IRDRILL_DB
ESC=$(printf '\033')
RLO=$(printf '\342\200\256')

if ! command -v sqlite3 > /dev/null 2>&1; then
    echo "saves.sh: the sqlite3 tool is needed (sh scripts/deps.sh installs it)" >&2
    exit 1
fi

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
one_error() { [ "$(wc -l < err)" -eq 1 ] && has err '^irdrill: ' && lacks err "$ESC"; }
sql() { sqlite3 "$@"; }
# The JSON on stdout's last line: FIELD is VALUE (a JSON literal).
json_field() {
    tail -n 1 out | python3 -c '
import json, sys
o = json.loads(sys.stdin.read())
sys.exit(0 if json.dumps(o.get(sys.argv[1], "<absent>")) == sys.argv[2] else 1)' "$1" "$2"
}
# Copy a database file without the -wal and -shm a previous copy of that
# name left behind (SQLite would read them as this file's).
cpdb() { rm -f "$2" "$2-wal" "$2-shm"; cp "$1" "$2"; }
same_result() {   # the result line of out without its session number equals $1's
    [ "$(tail -n 1 out | sed 's/^{"session":[0-9]*,/{/')" = "$(sed 's/^{"session":[0-9]*,/{/' "$1")" ]
}

# The reference scenario's textbook self-test, as a script of input lines.
sed -n '/^test { name = "textbook response"/,/^\]\]/p' "$ref" | sed '1d;$d' \
    | grep -v '^ *#' | grep -v '^ *$' > textbook.in
if [ "$(wc -l < textbook.in)" -lt 30 ]; then
    echo "saves.sh: cannot read the textbook self-test of $ref" >&2
    exit 1
fi
head -n 14 textbook.in > first.in
tail -n +15 textbook.in > rest.in
printf 'soc triage s1 true\nsys isolate web\nend\n' > win.in
printf 'soc triage s1 true\nend\nend\nend\n' > hostile.in

# --- run saves by default -------------------------------------------------
irdrill run "$fx/tiny.lua" --inputs win.in --seed 7 --json --db s.db
check "run saves: exit 0" status_is 0
check "run saves: session 1 in the JSON" json_field session 1
check "run saves: the database exists" test -s s.db
check "run saves: the row is finished" \
    test "$(sql s.db "SELECT status || ' ' || outcome || ' ' || score FROM sessions WHERE id = 1")" = \
    "finished contained 30"
check "run saves: its inputs, canonical" \
    test "$(sql s.db "SELECT group_concat(line, '|') FROM (SELECT line FROM inputs WHERE session = 1 ORDER BY seq)")" = \
    "soc triage s1 true|sys isolate web|lead end"
check "run saves: its events" test "$(sql s.db "SELECT count(*) FROM events WHERE session = 1")" -gt 5
check "run saves: its metrics" \
    test "$(sql s.db "SELECT value FROM metrics WHERE session = 1 AND name = 'contain_minute'")" = 15
irdrill run "$fx/tiny.lua" --inputs win.in --seed 7 --db s.db
check "run (human): prints the session number" has out '^session   2$'
irdrill run "$fx/tiny.lua" --inputs win.in --seed 7 --json --db s.db --no-save
check "run --no-save: session null" json_field session null
check "run --no-save: nothing added" test "$(sql s.db 'SELECT count(*) FROM sessions')" = 2

IRDRILL_DB=$PWD/env.db "$IRDRILL" run "$fx/tiny.lua" --inputs win.in --json > out 2> err
rc=$?
check "IRDRILL_DB names the database" sh -c "[ $rc -eq 0 ] && [ -s env.db ]"
mkdir -p home xdg
HOME=$PWD/home XDG_DATA_HOME= "$IRDRILL" run "$fx/tiny.lua" --inputs win.in > out 2> err
rc=$?
check "default: ~/.local/share/irdrill/irdrill.db" sh -c "[ $rc -eq 0 ] && [ -s home/.local/share/irdrill/irdrill.db ]"
check "default: its directory is private (0700)" \
    test "$(stat -c %a home/.local/share/irdrill)" = 700
HOME=$PWD/home XDG_DATA_HOME=$PWD/xdg "$IRDRILL" run "$fx/tiny.lua" --inputs win.in > out 2> err
rc=$?
check "default: \$XDG_DATA_HOME/irdrill/irdrill.db" sh -c "[ $rc -eq 0 ] && [ -s xdg/irdrill/irdrill.db ]"
irdrill run "$fx/tiny.lua" --inputs win.in --db no-such-dir/x.db
check "--db in a missing directory: exit 2" status_is 2
check "--db in a missing directory: one line" one_error
check "--db in a missing directory: message" has err '^irdrill: no-such-dir/x.db: .*does not exist'
check "--db in a missing directory: nothing created" test ! -e no-such-dir

# The session exists before the first line is read: a live writer that
# has written nothing yet.
mkfifo live.fifo
"$IRDRILL" run "$fx/tiny.lua" --inputs - --seed 7 --json --db live.db < live.fifo > live.out 2> live.err &
runner=$!
exec 7> live.fifo
i=0
n=0
while [ $i -lt 100 ]; do
    n=$(sql live.db "SELECT count(*) FROM sessions WHERE status = 'active' AND ninputs = 0" 2> /dev/null)
    [ "$n" = 1 ] && break
    sleep 0.05
    i=$((i + 1))
done
check "the session exists before the first line is read" test "$n" = 1
# ... with its maximum score, known from the scenario before any consequence
early_max=$(sql live.db "SELECT max_score FROM sessions" 2> /dev/null)
cat win.in >&7
exec 7>&-
wait $runner
rc=$?
check "live run: exit 0 and finished" sh -c "[ $rc -eq 0 ] && grep -q '\"outcome\":\"contained\"' live.out"
check "a new session is recorded with its maximum score" \
    sh -c "[ '${early_max:-0}' -gt 0 ] && grep -q '\"max_score\":${early_max:-0},' live.out"

# An invalid line stops the run; the session is kept, resumable.
printf 'soc triage s1 true\nsys isolat web\n' > typo.in
irdrill run "$fx/tiny.lua" --inputs typo.in --seed 7 --db typo.db
check "invalid line: exit 1" status_is 1
check "invalid line: FILE:LINE and the session to resume" \
    has err '^irdrill: typo.in:2: .*session 1 is saved.*resume 1'
check "invalid line: the line before it is recorded" \
    test "$(sql typo.db "SELECT ninputs || ' ' || status FROM sessions WHERE id = 1")" = "1 active"
printf 'sys isolate web\nend\n' > fix.in
irdrill resume --inputs fix.in --db typo.db --json
check "resume after the typo: contained" json_field outcome '"contained"'

# --- resume ------------------------------------------------------------------
irdrill run "$ref" --inputs textbook.in --seed 1 --json --db r.db --team 'Đội A'
check "textbook run: exit 0" status_is 0
tail -n 1 out > whole.json
check "textbook run: restored_clean 100" sh -c 'grep -q "\"outcome\":\"restored_clean\",\"score\":100" whole.json'
irdrill run "$ref" --inputs first.in --seed 1 --json --db r.db --team 'Đội A'
check "interrupted run: outcome null" json_field outcome null
check "interrupted run: session 2" json_field session 2
irdrill resume 1 --inputs rest.in --db r.db
check "resume of a finished session: exit 1" sh -c "[ $rc -eq 1 ] && grep -q 'session 1 is finished' err"
irdrill resume 99 --inputs rest.in --db r.db
check "resume of an unknown session: exit 1" sh -c "[ $rc -eq 1 ] && grep -q 'no session 99' err"
irdrill resume --inputs rest.in --db r.db --json
check "resume (the latest active): exit 0" status_is 0
check "resume: the same result as the uninterrupted run" same_result whole.json
check "resume: session 2" json_field session 2
irdrill resume --inputs rest.in --db r.db
check "resume with nothing unfinished: exit 1" sh -c "[ $rc -eq 1 ] && grep -q 'no unfinished session' err"
irdrill resume --inputs rest.in --db nothing-here.db
check "resume without a database: exit 1, nothing created" sh -c "[ $rc -eq 1 ] && [ ! -e nothing-here.db ]"
irdrill resume 2 --db r.db
check "resume without --inputs (the terminal's): refused without a terminal" \
    sh -c "[ $rc -ne 0 ] && [ \$(wc -l < err) -eq 1 ]"

# --- sessions -------------------------------------------------------------------
irdrill run "$fx/tiny.lua" --inputs win.in --seed 3 --db r.db --team 'Đội B' --mode exercise
irdrill sessions --db r.db --json
check "sessions --json: exit 0" status_is 0
check "sessions --json: one line per session" test "$(wc -l < out)" -eq 3
check "sessions --json: the fields, newest first" python3 -c '
import json
rows = [json.loads(l) for l in open("out", encoding="utf-8")]
keys = {"session", "scenario", "team", "mode", "status", "turn", "score", "outcome", "started", "ended"}
assert all(keys <= set(r) for r in rows), rows
assert [r["session"] for r in rows] == [3, 2, 1], rows
r = rows[0]
assert (r["scenario"], r["team"], r["mode"], r["status"], r["turn"], r["score"], r["outcome"]) == \
    ("e2e-tiny", "Đội B", "exercise", "finished", 1, 30, "contained"), r
assert rows[1]["outcome"] == "restored_clean" and rows[1]["score"] == 100 and rows[1]["ended"]
'
irdrill sessions --db r.db --team 'Đội A' --json
check "sessions --team" test "$(wc -l < out)" -eq 2
irdrill sessions --db r.db --scenario e2e-tiny --json
check "sessions --scenario" sh -c "[ \$(wc -l < out) -eq 1 ] && grep -q '\"session\":3' out"
irdrill sessions --db r.db --limit 1 --json
check "sessions --limit 1" sh -c "[ \$(wc -l < out) -eq 1 ] && grep -q '\"session\":3' out"
irdrill sessions --db r.db --limit 1
check "sessions (human) --limit 1: says there are more" has out 'newest shown'
irdrill sessions --db r.db
check "sessions (human): a header and the team" sh -c "grep -q '^SESSION' out && grep -q 'Đội B' out"
irdrill sessions --db nothing-here.db --json
check "sessions without a database: exit 0, empty, nothing created" \
    sh -c "[ $rc -eq 0 ] && [ ! -s out ] && [ ! -e nothing-here.db ]"
irdrill sessions --db r.db --status finishd
check "sessions --status typo: exit 1" status_is 1

# --- verify --------------------------------------------------------------------
irdrill verify 2 --db r.db
check "verify: exit 0" status_is 0
check "verify: says ok" has out '^session 2: ok$'
irdrill verify --all --db r.db
check "verify --all: exit 0 and a summary" sh -c "[ $rc -eq 0 ] && grep -q '^3 session(s) verified, all ok' out"
cp out verify-all.out
irdrill verify --db r.db
check "verify without SESSION: as --all" sh -c "[ $rc -eq 0 ] && cmp -s out verify-all.out"
irdrill verify 42 --db r.db
check "verify of an unknown session: exit 1" sh -c "[ $rc -eq 1 ] && grep -q 'no session 42' err"

# Each tampering on a fresh copy, with the stock tool; verify must name
# the session and fail.
tamper() {   # tamper DESCRIPTION SQL PATTERN
    cpdb r.db t.db
    sql t.db "$2"
    irdrill verify 2 --db t.db
    check "tamper ($1): exit 1" status_is 1
    check "tamper ($1): a line naming session 2" has out "^session 2: $3"
    irdrill verify 1 --db t.db
    check "tamper ($1): the other session still verifies" status_is 0
}
tamper "edit an input" "UPDATE inputs SET line = 'soc triage s_scan false' WHERE session = 2 AND seq = 1" \
    '.*input 1.*hash chain'
tamper "delete an input" "DELETE FROM inputs WHERE session = 2 AND seq = 3" '.*input'
tamper "swap two inputs" "UPDATE inputs SET seq = 1000 WHERE session = 2 AND seq = 2;
    UPDATE inputs SET seq = 2 WHERE session = 2 AND seq = 3;
    UPDATE inputs SET seq = 3 WHERE session = 2 AND seq = 1000" '.*input'
tamper "change the score" "UPDATE sessions SET score = 55 WHERE id = 2" '.*score'
tamper "change a recorded score line" "UPDATE score_entries SET points = points + 5 WHERE
    session = 2 AND pos = 1; UPDATE sessions SET score = score + 5 WHERE id = 2" '.*score'
tamper "change an event" "UPDATE event_blocks SET events = json_set(events,
    '\$[' || (5 - first) || '][8]', 99) WHERE session = 2 AND first <= 5 AND last >= 5" '.*event 5'
tamper "change an event's text" "UPDATE event_blocks SET events = replace(events, 'WAF',
    'IDS') WHERE session = 2" '.*event'
tamper "delete events" "DELETE FROM event_blocks WHERE session = 2 AND first = (SELECT max(first)
    FROM event_blocks WHERE session = 2)" '.*event'
tamper "damage an event block" "UPDATE event_blocks SET events = substr(events, 2) WHERE
    session = 2 AND first = 1" '.*event block .* is damaged'
# What the signed report prints and a replay recomputes, and what the
# session says of itself (covered by its chain's genesis).
tamper "change an award's reason" "UPDATE score_entries SET reason_en = 'Bribe', reason_vi =
    'Hối lộ' WHERE session = 2 AND pos = 1" "score line 1 differs: .*reason 'Bribe', replay gives .*reason '"
tamper "change a score line's minute" "UPDATE score_entries SET minute = minute + 5 WHERE
    session = 2 AND pos = 1" 'score line 1 differs: recorded .* minute [0-9]+, replay gives .* minute [0-9]+$'
tamper "change max_score" "UPDATE sessions SET max_score = 90 WHERE id = 2" \
    'recorded maximum score 90, replay gives 100'
tamper "change a metric" "UPDATE metrics SET value = value + 15 WHERE session = 2 AND
    name = 'detect_minute'" 'recorded metric detect_minute = [0-9]+, replay gives'
tamper "delete a metric" "DELETE FROM metrics WHERE session = 2 AND name = 'contain_minute'" \
    'metric contain_minute is not recorded'
tamper "change the team" "UPDATE sessions SET team = 'Đội Z' WHERE id = 2" ".*header"
tamper "change the start" "UPDATE sessions SET started = '2020-01-01T08:00:00Z' WHERE id = 2" ".*header"
tamper "change the language" "UPDATE sessions SET lang = 'vi' WHERE id = 2" ".*header"
tamper "change the timer" "UPDATE sessions SET timer = 60 WHERE id = 2" ".*header"
tamper "change the participant" "UPDATE participants SET name = 'Someone else' WHERE session = 2" ".*header"
cpdb r.db t.db
sql t.db "UPDATE libraries SET source = source || '--'"
irdrill verify 2 --db t.db
check "tamper (change the stored standard library): found" \
    sh -c "[ $rc -eq 1 ] && grep -q '^session 2: the stored standard library does not match its hash' out"
cpdb r.db t.db
sql t.db "UPDATE sessions SET score = 55 WHERE id = 2"
irdrill verify --all --db t.db
check "verify --all with a tampered session: exit 1 and a summary" \
    sh -c "[ $rc -eq 1 ] && grep -q 'with discrepancies' out"
irdrill run "$ref" --inputs first.in --seed 1 --json --db r.db --team 'Đội A'
check "another interrupted run: session 4" json_field session 4
cpdb r.db t.db
sql t.db "UPDATE inputs SET line = 'soc triage s_scan false' WHERE session = 4 AND seq = 1"
irdrill resume 4 --inputs rest.in --db t.db
check "resume refuses a tampered session" sh -c "[ $rc -eq 1 ] && grep -q 'verify 4' err"
check "resume of a tampered session writes nothing" \
    test "$(sql t.db 'SELECT count(*) FROM events WHERE session = 4')" = \
         "$(sql r.db 'SELECT count(*) FROM events WHERE session = 4')"

# --- reports -------------------------------------------------------------------
irdrill run "$fx/hostile.lua" --inputs hostile.in --seed 1 --db h.db --team 'Đội "A", | *x*' \
    --player '=cmd|x' --json
check "hostile run: exit 0" status_is 0
irdrill report 1 --db h.db --lang vi
check "report md vi: exit 0" status_is 0
check "report md vi: Vietnamese headings" \
    sh -c "grep -q '^# Báo cáo đánh giá sau diễn tập' out && grep -q '^## 1. Kết quả và điểm số' out"
check "report md: the team, escaped" has out '\| Đội "A", \\\| \\\*x\\\* \|'
check "report md: the player, escaped" has out '^\| \\=cmd\\\|x \|'
check "report md: the objective label, escaped" has out 'Phân loại cảnh báo \\\| \\\*s1\\\*'
check "report md: the missed objective" has out 'Điều không thể'
check "report md: no raw escape or bidi characters" sh -c "! grep -q '$ESC\|$RLO' out"
irdrill report 1 --db h.db --lang en --format md
check "report md en: English headings" \
    sh -c "grep -q '^# After-action report' out && grep -q '^## 5. Improvement plan' out"
irdrill report 1 --db h.db --format csv --lang vi
nev=$(sql h.db "SELECT count(*) FROM events WHERE session = 1")
check "report csv: a header and one row per event" test "$(wc -l < out)" -eq $((nev + 1))
check "report csv: the header" has out '^session,seq,turn,minute,'
check "report csv: quotes doubled, formula neutralised" has out "\"'=HYPERLINK\(\"\"http://x\"\"\) \| \"\"a,b\"\"; tấn công"
check "report csv: a name starting with = neutralised" has out "\"'=cmd\|x\""
check "report csv: no raw escape or bidi characters" sh -c "! grep -q '$ESC\|$RLO' out"
irdrill report 1 --db h.db --format json --lang vi -o rep.json
check "report -o FILE: exit 0, nothing on stdout" sh -c "[ $rc -eq 0 ] && [ ! -s out ] && [ -s rep.json ]"
check "report json: content" python3 -c '
import json, sys
r = json.load(open("rep.json", encoding="utf-8"))
s = r["session"]
assert s["team"] == "Đội \"A\", | *x*", s
assert s["outcome"] == "timeout" and s["score"] == 10 and s["max_score"] == 15, s
assert r["participants"][0]["name"] == "=cmd|x", r["participants"]
assert len(r["timeline"]) == int(sys.argv[1]), len(r["timeline"])
assert {o["id"]: o["status"] for o in r["objectives"]} == {"triaged": "met", "never": "missed"}
text = json.dumps(r, ensure_ascii=False)
assert "\x1b" not in text and "\u202e" not in text
' "$nev"
irdrill report 1 --db h.db --format html
check "report --format html: exit 1, later version" sh -c "[ $rc -eq 1 ] && grep -q 'later version' err"
irdrill report 7 --db h.db
check "report of an unknown session: exit 1" sh -c "[ $rc -eq 1 ] && grep -q 'no session 7' err"
irdrill report 2 --db r.db --lang en
check "report: comparison with the team's earlier session" has out '^\| 1 \|'
check "report: the comparison names the ending, not its id" \
    sh -c "grep '^| 1 |' out | grep -q 'The portal is back' && ! grep '^| 1 |' out | grep -q restored_clean"
check "report: whose sessions are compared" has out "^The team's earlier sessions of this scenario"
check "report: 36 inputs, plural" has out '\(36 inputs\)'
irdrill report 2 --db r.db --lang en --format json
check "report json: roles an array, deadlines, the ending's text" python3 -c '
import json
r = json.load(open("out", encoding="utf-8"))
assert r["participants"][0]["roles"] == ["lead", "soc", "sys", "net", "comms"], r["participants"]
o = {x["id"]: x for x in r["objectives"]}
assert o["detect"]["by_turn"] == 4 and o["detect"]["within_minutes"] is None, o["detect"]
assert any(x["within_minutes"] for x in r["objectives"]), r["objectives"]
assert r["session"]["outcome_text"].startswith("The portal is back"), r["session"]
assert r["history_of"] == "team" and r["history"][0]["outcome_text"].startswith("The portal"), r["history"]
'
# Without a team, a report compares the same people's sessions only.
printf 'lead end\n' > one.in
irdrill run "$ref" --inputs textbook.in --seed 1 --db people.db --player Alice
irdrill run "$ref" --inputs textbook.in --seed 1 --db people.db --player Bob
irdrill run "$ref" --inputs one.in --seed 1 --db people.db --player Bob
irdrill report 2 --db people.db --lang en
check "no team: Bob is not compared with Alice" \
    sh -c "grep -q 'No earlier session of this scenario by the same participants' out && ! grep -q '^| 1 |' out"
irdrill run "$ref" --inputs textbook.in --seed 2 --db people.db --player Alice
irdrill report 4 --db people.db --lang vi
check "no team: Alice is compared with her own, and the report says why" \
    sh -c "grep -q '^| 1 |' out && grep -q 'cùng những người tham gia' out"
irdrill report 3 --db people.db --lang en
check "report: 1 input, singular" has out '\(1 input\)'
# Output that cannot be written: the command, the reason, exit 2.
for cmd in "report 2" "sessions" "verify 2" "verify --all"; do
    # shellcheck disable=SC2086
    "$IRDRILL" $cmd --db r.db > /dev/full 2> err
    rc=$?
    c=$(echo "$cmd" | cut -d' ' -f1)
    check "$cmd > /dev/full: exit 2" status_is 2
    check "$cmd > /dev/full: one line with the command and the reason" \
        sh -c "[ \$(wc -l < err) -eq 1 ] && grep -q '^irdrill: $c: cannot write the output: No space left on device$' err"
done
"$IRDRILL" run "$fx/tiny.lua" --inputs win.in --json --no-save > /dev/full 2> err
rc=$?
check "run --json > /dev/full: exit 2, the command and the reason" \
    sh -c "[ $rc -eq 2 ] && grep -q '^irdrill: run: cannot write the output: No space left on device$' err"
# A session whose scenario no longer loads still reports from the record.
cpdb h.db gone.db
sql gone.db "UPDATE scenarios SET source = 'error(\"gone\")'"
irdrill report 1 --db gone.db --lang en
check "report without its scenario: exit 0 and a warning" \
    sh -c "[ $rc -eq 0 ] && grep -q 'no longer loads' err && grep -q '^# After-action report' out"
check "report without its scenario: still the score" has out '10 / 15'
irdrill sessions --db gone.db --json
check "sessions lists it too" has out '"scenario":"e2e-hostile"'

# --- bad databases: exit 2, one line naming the file, the file untouched ---------
refused() {   # refused DESCRIPTION FILE
    cp "$2" before.db
    for cmd in "run $fx/tiny.lua --inputs win.in" "sessions" "verify --all" "report 1" \
               "resume --inputs win.in"; do
        # shellcheck disable=SC2086
        irdrill $cmd --db "$2"
        check "$1: $(echo "$cmd" | cut -d' ' -f1) exits 2" status_is 2
        check "$1: $(echo "$cmd" | cut -d' ' -f1) names the file in one line" \
            sh -c "[ \$(wc -l < err) -eq 1 ] && grep -q '^irdrill: .*$2' err"
        check "$1: $(echo "$cmd" | cut -d' ' -f1) leaves the file untouched" cmp -s "$2" before.db
        check "$1: $(echo "$cmd" | cut -d' ' -f1) leaves no -wal or -shm beside it" \
            sh -c "[ ! -e '$2-wal' ] && [ ! -e '$2-shm' ]"
    done
}
# Every page but the first (the schema) overwritten, as a failing disk
# would: every table read meets it. (Damage that no read meets is not
# seen before it is met: only verify --all reads the whole file.)
cpdb r.db corrupt.db
pages=$(( $(stat -c %s corrupt.db) / 4096 ))
check "the database to corrupt has pages" test "$pages" -gt 2
dd if=/dev/zero bs=4096 count=$((pages - 1)) 2> /dev/null | tr '\000' '\245' \
    | dd of=corrupt.db bs=4096 seek=1 conv=notrunc 2> /dev/null
refused "corrupt" corrupt.db
head -c $(( $(stat -c %s r.db) / 2 )) r.db > truncated.db
check "the truncated copy is not empty" test -s truncated.db
refused "truncated" truncated.db
cpdb r.db newer.db
sql newer.db 'PRAGMA user_version = 99'
refused "newer schema" newer.db
head -c 20000 /dev/urandom > garbage.db
refused "not SQLite" garbage.db
sql other.db 'CREATE TABLE moz_places(id INTEGER PRIMARY KEY, url TEXT)'
refused "another program's SQLite file" other.db
# A file that says it is irdrill's, of the current version, with no tables:
# refused before anything changes (not even the switch to WAL mode).
sql hollow.db "PRAGMA application_id = 1230128210; PRAGMA user_version = $(sql r.db 'PRAGMA user_version'); CREATE TABLE x(a)"
refused "irdrill's, without its tables" hollow.db

# One page in the middle overwritten with random bytes, as dd does, where no
# write goes: a command that would write refuses the file before writing,
# whatever it would have written.
corrupt_page() {   # corrupt_page FROM TO PAGE
    cpdb "$1" "$2"
    dd if=/dev/urandom of="$2" bs=4096 seek=$(($3 - 1)) count=1 conv=notrunc 2> /dev/null
}
pages=$(( $(stat -c %s r.db) / 4096 ))
corrupt_page r.db midpage.db $((pages / 2))
cp midpage.db before.db
irdrill run "$ref" --inputs textbook.in --db midpage.db
check "a corrupt page: run exits 2" status_is 2
check "a corrupt page: one line naming the file" sh -c "[ \$(wc -l < err) -eq 1 ] && grep -q '^irdrill: midpage.db: ' err"
check "a corrupt page: the file untouched, no session added" cmp -s midpage.db before.db
check "a corrupt page: no -wal or -shm left" sh -c "[ ! -e midpage.db-wal ] && [ ! -e midpage.db-shm ]"
se=$(sql r.db "SELECT pageno FROM dbstat WHERE name = 'score_entries' AND pagetype = 'leaf' LIMIT 1")
check "the score lines' page is known" test -n "$se"
corrupt_page r.db scorepage.db "${se:-2}"
cp scorepage.db before.db
irdrill run "$ref" --inputs one.in --db scorepage.db
check "a corrupt page of score lines, a one-line script: exit 2" status_is 2
check "a corrupt page of score lines: the file untouched" cmp -s scorepage.db before.db
irdrill resume 4 --inputs one.in --db scorepage.db
check "a corrupt page of score lines: resume exits 2 too, the file untouched" \
    sh -c "[ $rc -eq 2 ] && cmp -s scorepage.db before.db"

# Locked past the 5 s timeout by a writer that holds the lock.
cpdb r.db locked.db
sql locked.db 'PRAGMA journal_mode' > /dev/null
( printf 'BEGIN IMMEDIATE;\nINSERT INTO metrics VALUES (1, "lock", 0);\n'; sleep 8 ) | sqlite3 locked.db &
holder=$!
sleep 0.5
cpdb locked.db before.db
irdrill run "$fx/tiny.lua" --inputs win.in --db locked.db
check "locked: exit 2 after the timeout" status_is 2
check "locked: one line saying so" sh -c "[ \$(wc -l < err) -eq 1 ] && grep -q 'locked.db.*locked' err"
kill $holder 2> /dev/null
wait $holder 2> /dev/null
check "locked: the file untouched" cmp -s locked.db before.db

# A full disk, imitated by a file size limit (every write past it fails,
# EFBIG): at once, the file is untouched; in the middle of a session, what
# was committed stays, the database verifies, and once there is room again
# resume finishes the session as if nothing had happened.
full() {   # full DESCRIPTION BLOCKS
    cpdb h.db full.db
    cpdb full.db before.db
    sql h.db "SELECT * FROM inputs ORDER BY session, seq" > inputs.before
    ( trap '' XFSZ; ulimit -f "$2"; exec "$IRDRILL" run "$ref" --inputs - --seed 1 --db full.db ) \
        < textbook.in > out 2> err
    rc=$?
    check "$1: exit 2" status_is 2
    check "$1: one line naming the file" \
        sh -c "[ \$(wc -l < err) -eq 1 ] && grep -q '^irdrill: full.db: .*error' err"
    check "$1: integrity ok" test "$(sql full.db 'PRAGMA integrity_check')" = ok
    check "$1: what was recorded before is still there" \
        sh -c "sqlite3 full.db 'SELECT * FROM inputs WHERE session = 1 ORDER BY session, seq' | cmp -s - inputs.before"
    check "$1: every session verifies" sh -c "'$IRDRILL' verify --all --db full.db > /dev/null"
}
full "disk full at once" 16
check "disk full at once: the file untouched" cmp -s full.db before.db
# The limit at which the disk fills after the first inputs depends on
# the page layout: raise it until some inputs got in before the failure.
for blocks in 160 240 320 400 480 560; do
    full "disk full during the session ($blocks blocks)" "$blocks"
    k=$(sql full.db "SELECT ninputs FROM sessions WHERE id = 2")
    [ "${k:-0}" -gt 0 ] && break
done
check "disk full during the session: the inputs before it recorded" test "${k:-0}" -gt 0
tail -n +$((k + 1)) textbook.in > after-full.in
irdrill resume 2 --inputs after-full.in --db full.db --json
check "disk full, then room again: resume gives the uninterrupted result" same_result whole.json

# --- unwritable places: as root (as CI runs), these run as nobody ----------------
# Root may write whatever the permissions say, so a root run drops to the user
# and group nobody (setpriv, util-linux) for them, in a directory under /tmp
# that nobody can reach.
pd=$(mktemp -d /tmp/irdrill-perm.XXXXXX)
trap 'chmod -R u+w "$pd" 2> /dev/null; rm -rf "$pd"' EXIT
as_bin=$IRDRILL
as_user() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
    as_user() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
    chown 65534:65534 "$pd"
    # the binary must be one nobody can run: if its directory is closed to
    # others, a copy (or a copy of the wrapper script) in $pd
    if ! as_user "$as_bin" --version > /dev/null 2>&1; then
        cp "$IRDRILL" "$pd/irdrill" && chmod 755 "$pd/irdrill"
        as_bin=$pd/irdrill
    fi
fi
irdrill_as() {
    as_user "$as_bin" "$@" > out 2> err < /dev/null
    rc=$?
}
uid_as=$(as_user id -u)
check "permission checks run without root's powers (uid $uid_as)" test "$uid_as" -ne 0
cp "$fx/tiny.lua" "$pd/tiny.lua"
cp win.in "$pd/win.in"
chmod 644 "$pd/tiny.lua" "$pd/win.in"
mkdir "$pd/ro"
cp r.db "$pd/ro/w.db"
cp r.db "$pd/ro.db"
[ "$(id -u)" -eq 0 ] && chown 65534:65534 "$pd/ro/w.db" "$pd/ro.db"
chmod 644 "$pd/ro/w.db"
chmod 555 "$pd/ro"
chmod 444 "$pd/ro.db"
cp "$pd/ro.db" before.db
cp "$pd/ro/w.db" before-w.db
# a directory nobody may write: nothing is created there
irdrill_as run "$pd/tiny.lua" --inputs "$pd/win.in" --db "$pd/ro/x.db"
check "unwritable directory: exit 2, nothing created" sh -c "[ $rc -eq 2 ] && [ ! -e $pd/ro/x.db ]"
check "unwritable directory: one line naming the file" sh -c \
    "[ \$(wc -l < err) -eq 1 ] && grep -q '^irdrill: $pd/ro/x.db: ' err"
# a database file that is read-only
irdrill_as run "$pd/tiny.lua" --inputs "$pd/win.in" --db "$pd/ro.db"
check "read-only file: exit 2" status_is 2
check "read-only file: one line naming the file" one_error
check "read-only file: the message names it" has err "^irdrill: $pd/ro.db: .*read-only"
irdrill_as sessions --db "$pd/ro.db" --json
check "read-only file: sessions still lists" sh -c \
    "[ $rc -eq 0 ] && [ \$(wc -l < out) -eq $(sql before.db 'SELECT count(*) FROM sessions') ]"
irdrill_as report 1 --db "$pd/ro.db" --format md --lang en
check "read-only file: report still works" sh -c "[ $rc -eq 0 ] && grep -q '^# ' out"
irdrill_as verify --all --db "$pd/ro.db"
check "read-only file: verify still works" sh -c "[ $rc -eq 1 ] || [ $rc -eq 0 ]"
check "read-only file: untouched" cmp -s "$pd/ro.db" before.db
# a writable database in a directory nobody may write (SQLite cannot make its
# write-ahead log there)
irdrill_as run "$pd/tiny.lua" --inputs "$pd/win.in" --db "$pd/ro/w.db"
check "database in an unwritable directory: exit 2" status_is 2
check "database in an unwritable directory: one line naming the file" sh -c \
    "[ \$(wc -l < err) -eq 1 ] && grep -q '^irdrill: $pd/ro/w.db: ' err"
check "database in an unwritable directory: untouched, no -wal" sh -c \
    "cmp -s '$pd/ro/w.db' before-w.db && [ ! -e '$pd/ro/w.db-wal' ]"
chmod 755 "$pd/ro"

# Reading where one may not write: a database in a directory only its owner
# (here root, or whoever runs the tests) may write, read-only to others;
# and one in a shared sticky directory owned by another user. Reading them
# works, and leaves no -wal or -shm (which would belong to the reader and
# lock the owner out of writing).
mkdir "$pd/owner"
cp r.db "$pd/owner/ro.db"
chmod 444 "$pd/owner/ro.db"
[ "$(id -u)" -eq 0 ] && chown 0:0 "$pd/owner" "$pd/owner/ro.db"
[ "$(id -u)" -eq 0 ] || chmod 555 "$pd/owner"
chmod a+rx "$pd/owner"
cp "$pd/owner/ro.db" before.db
for cmd in "sessions" "report 2" "verify --all"; do
    # shellcheck disable=SC2086
    irdrill_as $cmd --db "$pd/owner/ro.db"
    check "another's read-only database: $cmd works" status_is 0
    check "another's read-only database: $cmd leaves no -wal or -shm" \
        sh -c "[ ! -e '$pd/owner/ro.db-wal' ] && [ ! -e '$pd/owner/ro.db-shm' ]"
done
check "another's read-only database: untouched" cmp -s "$pd/owner/ro.db" before.db
chmod 755 "$pd/owner"
if [ "$(id -u)" -eq 0 ]; then
    chmod 711 "$pd"
    mkdir "$pd/shared"
    chmod 1777 "$pd/shared"
    cp r.db "$pd/shared/own.db"
    chown 4242:4242 "$pd/shared/own.db"
    chmod 644 "$pd/shared/own.db"
    irdrill_as sessions --db "$pd/shared/own.db"
    check "shared directory: another user lists the owner's database" status_is 0
    check "shared directory: and leaves no -wal or -shm" \
        sh -c "[ ! -e '$pd/shared/own.db-wal' ] && [ ! -e '$pd/shared/own.db-shm' ]"
    setpriv --reuid=4242 --regid=4242 --clear-groups "$as_bin" run "$pd/tiny.lua" \
        --inputs "$pd/win.in" --db "$pd/shared/own.db" > out 2> err < /dev/null
    rc=$?
    check "shared directory: the owner still writes it" status_is 0
fi

# An older schema is upgraded when opened, to the version this irdrill
# writes (that of a new database).
irdrill run "$fx/tiny.lua" --inputs win.in --seed 7 --db current.db
current=$(sql current.db 'PRAGMA user_version')
check "a new database has the current schema version" test "$current" -ge 4
sqlite3 v1.db < "$top/tests/fixtures/saves/v1.sql"
irdrill sessions --db v1.db --json
check "schema v1: listed" sh -c "[ $rc -eq 0 ] && grep -q '\"team\":\"Đội ƯCSC tỉnh Hà Giang\"' out"
check "schema v1: upgraded to the current version" test "$(sql v1.db 'PRAGMA user_version')" = "$current"

# Version 2 kept a row per event; version 3 packs them into event blocks.
# The old sessions must list, verify, report and resume as before.
sqlite3 v2.db < "$top/tests/fixtures/saves/v2.sql"
sql v2.db "SELECT session || ' ' || seq || ' ' || json FROM events ORDER BY session, seq" > v2.events
irdrill sessions --db v2.db --json
check "schema v2: both sessions listed" sh -c "[ $rc -eq 0 ] && [ \$(wc -l < out) -eq 2 ]"
check "schema v2: upgraded to the current version" test "$(sql v2.db 'PRAGMA user_version')" = "$current"
check "schema v2: every event kept" test "$(sql v2.db 'SELECT count(*) FROM events')" -eq \
    "$(wc -l < v2.events)"
irdrill verify --all --db v2.db
check "schema v2: both sessions verify after the upgrade" status_is 0
irdrill report 1 --db v2.db --format md --lang en
check "schema v2: the report still tells the timeline" sh -c \
    "[ $rc -eq 0 ] && grep -q 'WAF: SQL injection attempts' out && grep -q 'contained' out"
printf 'sys isolate web\nend\n' > v2.in
irdrill resume 2 --inputs v2.in --db v2.db --json
check "schema v2: the unfinished session resumes" json_field outcome '"contained"'
irdrill verify --all --db v2.db
check "schema v2: and verifies after" status_is 0
check "schema v2: integrity ok" test "$(sql v2.db 'PRAGMA integrity_check')" = ok

# --- several processes on one database at once ------------------------------------
i=0
pids=""
while [ $i -lt 6 ]; do
    "$IRDRILL" run "$ref" --inputs - --seed $i --json --db many.db < textbook.in > "many.$i" 2>&1 &
    pids="$pids $!"
    i=$((i + 1))
done
ok=0
for p in $pids; do
    wait "$p" && ok=$((ok + 1))
done
check "6 processes at once: all succeed" test "$ok" -eq 6
check "6 processes at once: 6 sessions" test "$(sql many.db 'SELECT count(*) FROM sessions')" -eq 6
irdrill verify --all --db many.db
check "6 processes at once: every session verifies" status_is 0
check "6 processes at once: integrity ok" test "$(sql many.db 'PRAGMA integrity_check')" = ok

echo "$checks checks, $fails failed"
[ "$fails" -eq 0 ]
