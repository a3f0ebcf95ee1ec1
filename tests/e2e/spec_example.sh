#!/bin/sh
# The example scenario of product.md §4, written from the spec alone, loads
# and plays to the outcome and score the spec implies:
#   - isolating the portal early keeps the when() trigger from compromising
#     it; the police report with asset and impact earns report_police;
#     sweeping the portal (eradicate) finds it clean: outcome "contained",
#     score 25 + 15 = 40, max_score 40;
#   - a team that does nothing sees the portal compromised at turn 5 and,
#     since nothing defaces it, plays to the timeout with 0 points.
set -u
: "${IRDRILL:?set IRDRILL to the irdrill binary}"
here=$(cd "$(dirname "$0")" && pwd)
spec="$here/../fixtures/e2e/spec-example.lua"
fails=0
expect() {   # expect DESCRIPTION GOT WANT
    if [ "$2" != "$3" ]; then
        echo "not ok - $1: got [$2] want [$3]"
        fails=$((fails + 1))
    fi
}

"$IRDRILL" check "$spec" > out 2> err
expect "check exit" "$?" 0
"$IRDRILL" test "$spec" > out 2> err
expect "self-test" "$(tail -n 1 out)" "1 passed, 0 failed"

printf 'end\nsoc triage s1 true\nsys isolate portal\nlead report police --facts asset,impact\nend\nsys eradicate portal\nend\nend\n' > textbook.in
"$IRDRILL" run "$spec" --inputs textbook.in --seed 1 --json --no-save > out 2> err
expect "textbook exit" "$?" 0
expect "textbook result" "$(tail -n 1 out)" \
  '{"session":null,"scenario":"portal-defacement-spec","seed":1,"outcome":"contained","score":40,"max_score":40,"turns":4,"objectives":{"contain":true,"report_police":true}}'

i=0; : > idle.in
while [ $i -lt 32 ]; do echo end >> idle.in; i=$((i + 1)); done
"$IRDRILL" run "$spec" --inputs idle.in --seed 1 --json --no-save > out 2> err
expect "idle result" "$(tail -n 1 out)" \
  '{"session":null,"scenario":"portal-defacement-spec","seed":1,"outcome":"timeout","score":0,"max_score":40,"turns":32,"objectives":{"contain":false,"report_police":false}}'

# The spec's own example line: triaging s1 before it exists is refused
# with the inputs file and line.
printf 'soc triage s1 true\n' > early.in
"$IRDRILL" run "$spec" --inputs early.in --seed 1 --no-save > out 2> err
expect "early triage exit" "$?" 1
expect "early triage message" "$(cat err)" "irdrill: early.in:1: triage: no signal 's1' has been received"

[ $fails -eq 0 ] && echo "spec example: all checks ok" && exit 0
exit 1
