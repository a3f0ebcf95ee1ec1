#!/bin/sh
# docs/scenario-api.md documents every function of the scenario API with an
# example, and its examples are honest:
#   - tests/fixtures/e2e/api-examples.lua, the scenario the examples come
#     from, passes `irdrill check` and its self-tests (`irdrill test`; its
#     self-check hooks assert what the doc says the functions do);
#   - every line of the doc's ```lua and ```text blocks is a line of that file
#     (leading and trailing blanks aside), so an example cannot drift from
#     code that runs;
#   - every declaration, trigger, world field and method, field of the action
#     table `a`, stdlib.run and standard verb appears in a fenced block of the
#     doc, so the test fails when a function loses its example.
#   - the worked example of docs/scenario-guide.md passes check and test, and
#     the outputs the guide shows for check, test and run (section 3), and the
#     problems it quotes, are what the program prints.
# One line per failed check; exit 0 when all hold, 1 otherwise.
set -u
: "${IRDRILL:?set IRDRILL to the irdrill binary}"
here=$(cd "$(dirname "$0")" && pwd)
fixture="$here/../fixtures/e2e/api-examples.lua"
doc="$here/../../docs/scenario-api.md"
fails=0
fail() {
    echo "not ok - $*"
    fails=$((fails + 1))
}

# 1. The fixture loads and passes its self-tests. Its only warnings are the
#    intended ones: the plain-string w:log texts the doc shows on purpose.
"$IRDRILL" check "$fixture" > out 2> err
rc=$?
[ $rc -eq 0 ] || fail "irdrill check exit $rc: $(head -n 3 err | tr '\n' ' ')"
grep -n 'w:log(string.format(' "$fixture" | cut -d: -f1 | while read -r n; do
    echo "$fixture:$n: warning: text given as a plain string (by a hook): one form serves both languages; write { vi = \"...\", en = \"...\" }"
done > want_warnings
[ "$(wc -l < want_warnings)" -eq 3 ] || fail "expected 3 plain-string w:log lines in the fixture, found $(wc -l < want_warnings)"
cmp -s err want_warnings || fail "irdrill check warnings differ from the intended ones: $(diff want_warnings err | head -n 4 | tr '\n' ' ')"
"$IRDRILL" test "$fixture" > out 2> err
rc=$?
[ $rc -eq 0 ] || fail "irdrill test exit $rc"
grep '^FAIL' out | while IFS= read -r line; do echo "not ok - irdrill test: $line"; done
grep -q '^FAIL' out && fails=$((fails + 1))
last=$(tail -n 1 out)
case $last in
    *" passed, 0 failed") ;;
    *) fail "irdrill test summary: [$last]" ;;
esac

# 2. The fenced blocks of the doc: all of them into blocks.txt; each line of
#    a lua or text block that is not a line of the fixture is reported.
awk '
    /^[ \t]*```/ {
        if (!inb) { inb = 1; lang = $0; sub(/^[ \t]*```/, "", lang) } else inb = 0
        next
    }
    inb { print }
' "$doc" > blocks.txt
[ -s blocks.txt ] || fail "no fenced code block found in $doc"

awk -v fixture="$fixture" '
    function trim(s) { sub(/^[ \t]+/, "", s); sub(/[ \t\r]+$/, "", s); return s }
    BEGIN { while ((getline l < fixture) > 0) have[trim(l)] = 1 }
    /^[ \t]*```/ {
        if (!inb) { inb = 1; lang = $0; sub(/^[ \t]*```/, "", lang); lang = trim(lang) } else inb = 0
        next
    }
    inb && (lang == "lua" || lang == "text") {
        t = trim($0)
        if (t != "" && !(t in have))
            printf "not ok - docs/scenario-api.md:%d: not a line of api-examples.lua: %s\n", NR, t
    }
' "$doc" > drift.txt
if [ -s drift.txt ]; then
    cat drift.txt
    fails=$((fails + $(wc -l < drift.txt)))
fi

# 3. Every function has an example: has NAME ERE, matched in a fenced block.
has() {
    grep -Eq -- "$2" blocks.txt || fail "docs/scenario-api.md: no code example for $1"
}
for d in scenario role asset link action objective penalty hint ending metrics signal \
         recipient fact audience support test; do
    has "$d{}" "^[[:space:]]*$d[[:space:]]*[({]"
done
has "objective{ capability = ... }" '^[[:space:]]*objective[[:space:]]*\{.*capability = "(detection|analysis|containment|eradication|recovery|evidence|reporting|communication|coordination)"'
has "penalty{ capability = ... }" '^[[:space:]]*penalty[[:space:]]*\{.*capability = "[a-z]+"'
# The capabilities table names every one the loader accepts, with its names in the report.
for c in detection analysis containment eradication recovery evidence reporting communication coordination; do
    grep -q "^| \`$c\` | " "$doc" || fail "docs/scenario-api.md: the capabilities table has no row for $c"
done
for t in at every when on; do
    has "$t()" "^[[:space:]]*$t[[:space:]]*\\("
done
for m in detected contained recovered; do
    has "metrics{ $m = ... }" "^[[:space:]]*$m[[:space:]]*=[[:space:]]*function\\(w\\)"
    has "expect.metrics.${m}_by" "metrics = \\{.*${m}_by = "
done
has "w.turn" 'w\.turn([^A-Za-z0-9_]|$)'
has "w.minutes" 'w\.minutes([^A-Za-z0-9_]|$)'
has "w.max_turns" 'w\.max_turns([^A-Za-z0-9_]|$)'
has "w.asset.ID.FIELD" 'w\.asset\.[A-Za-z][A-Za-z0-9_]*\.(compromised|isolated|online|encrypted|defaced|clean|patched|evidence|backup)([^A-Za-z0-9_]|$)'
has "w.asset.ID.vars" 'w\.asset\.[A-Za-z][A-Za-z0-9_]*\.vars\.'
has "w.asset[ID].id/kind/zone/level" 'w\.asset\[[^]]+\]'
has "w.vars" 'w\.vars\.'
has "w:signal{...}" 'w:signal[[:space:]]*\{'
has "w:signal(\"id\", ...)" 'w:signal\("'
has "w:signal(\"id\", {overrides})" 'w:signal\("[^"]+",[[:space:]]*\{'
has "w:compromise" 'w:compromise\('
has "w:set" 'w:set\('
has "w:note" 'w:note[[:space:]]*[({]'
has "w:log" 'w:log[[:space:]]*[({]'
has "w:reveal" 'w:reveal\('
has "w:reveal with a text" 'w:reveal\([^)]*,[^)]*,[[:space:]]*\{'
has "w:knows" 'w:knows\('
has "w:clock" 'w:clock\('
has "w:clock(minute)" 'w:clock\([^)]'
has "w:chance" 'w:chance\('
has "w:random" 'w:random\('
has "w:reported" 'w:reported[[:space:]]*[({]'
has "w:reported by_minute" 'w:reported.*by_minute'
has "w:flagged" 'w:flagged\('
has "w:did" 'w:did\('
has "w:penalize" 'w:penalize\('
has "w:award" 'w:award\('
has "w:finish" 'w:finish\('
has "math.random" 'math\.random\('
for f in id role target verdict facts queued qid; do
    has "a.$f" "(^|[^A-Za-z0-9_.])a\\.$f([^A-Za-z0-9_]|\$)"
done
has "stdlib.run" 'stdlib\.run\.[a-z_]+\(w, a\)'
for v in triage investigate isolate reconnect shutdown start block reset_credentials \
         collect_evidence eradicate patch restore report communicate request_support \
         hint wait cancel; do
    has "the $v input" "^[[:space:]]*(lead|soc|sys|net|comms|dpo)[[:space:]]+$v([[:space:]]|\$)"
done
has "the facilitator inputs" '^[[:space:]]*facilitator[[:space:]]+(award|deduct|note|end)'

# 4. docs/scenario-guide.md: its worked example, the eight lua blocks of section 2
#    put together one blank line apart (as the guide says), passes check with no
#    warning and its two self-tests, and the line the guide quotes for a mistake
#    is the line of that file.
guide="$here/../../docs/scenario-guide.md"
mkdir -p scenarios
awk '
    /^## 2\. / { in2 = 1 } /^## 3\. / { in2 = 0 }
    in2 && /^```lua/ { inb = 1; if (n++) print ""; next }
    inb && /^```/ { inb = 0; next }
    inb { print }
' "$guide" > scenarios/mailbox-takeover.lua
"$IRDRILL" check scenarios/mailbox-takeover.lua > out 2> err
rc=$?
{ [ $rc -eq 0 ] && [ ! -s err ] && grep -q ': ok$' out; } ||
    fail "scenario-guide.md worked example: check exit $rc, $(head -n 2 err | tr '\n' ' ')"
"$IRDRILL" test scenarios/mailbox-takeover.lua > out 2> err
grep -q '^2 passed, 0 failed$' out || fail "scenario-guide.md worked example: test: $(tail -n 1 out)"
# The guide's outputs of check, test and run are the program's, line for line:
# each ``` block of section 3 that starts with "$ irdrill check|test|run ..." is
# run (in English; try.txt is the "quick response" test's inputs, as the guide
# says) and its output compared with the lines that follow the command.
awk '/^test \{ name = "quick response"/ { t = 1; next } t && /^\]\]/ { exit } t { print }' \
    scenarios/mailbox-takeover.lua > try.txt
[ "$(grep -c '' try.txt)" -eq 9 ] || fail "scenario-guide.md: the quick response test no longer has 9 lines"
awk '
    BEGIN { n = 0 }
    /^## 3\. / { in3 = 1 } /^## 4\. / { in3 = 0 }
    in3 && /^```/ { if (inb) { inb = 0; if (cmd) n++ } else { inb = 1; cmd = "" } next }
    inb && cmd == "" && /^\$ irdrill (check|test|run) / { cmd = $0; print "#" n "#" cmd > "cmds.txt"; next }
    inb && cmd != "" { print > ("want." n) }
' "$guide"
[ -s cmds.txt ] || fail "scenario-guide.md: no command block found in section 3"
while IFS= read -r c; do
    n=$(printf '%s' "$c" | cut -d'#' -f2)
    cmd=$(printf '%s' "$c" | sed 's/^#[0-9]*#\$ irdrill //')
    # shellcheck disable=SC2086
    LC_ALL=C LANG=C LC_MESSAGES=C "$IRDRILL" $cmd > "got.$n" 2> /dev/null
    cmp -s "got.$n" "want.$n" ||
        fail "scenario-guide.md: 'irdrill $cmd' prints something else: $(diff "want.$n" "got.$n" | grep '^[<>]' | head -n 2 | tr '\n' ' ')"
done < cmds.txt
[ "$(grep -c '' cmds.txt)" -ge 3 ] || fail "scenario-guide.md: expected the check, test and run examples in section 3"

# ... and so is the problem it quotes for a mistyped severity.
quoted=$(grep -o "^scenarios/mailbox-takeover.lua:[0-9]*: signal 's_login': severity must be .*got 'hi'\$" "$guide")
sed '/id = "s_login"/s/severity = "medium"/severity = "hi"/' scenarios/mailbox-takeover.lua > hi.lua
mkdir -p hi && mv hi.lua hi/mailbox-takeover.lua
(cd hi && LC_ALL=C "$IRDRILL" check --no-simulate ../hi/mailbox-takeover.lua > /dev/null 2> ../hi.err)
[ -n "$quoted" ] && [ "$(sed 's#^\.\./hi/#scenarios/#' hi.err)" = "$quoted" ] ||
    fail "scenario-guide.md: the severity problem it quotes is not what check prints: $(head -n 1 hi.err)"

line=$(grep -n '^sys remove_rules' scenarios/mailbox-takeover.lua | head -n 1 | cut -d: -f1)
grep -q "mailbox-takeover.lua:$((line + 1)): triage: no signal 's_rule'" "$guide" ||
    fail "scenario-guide.md: the quoted line of the s_rule mistake is not $((line + 1))"

[ $fails -eq 0 ] && echo "doc examples: all checks ok" && exit 0
exit 1
