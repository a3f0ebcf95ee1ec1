#!/bin/sh
# End-to-end tests of the terminal interface, second part (tests/e2e/tui.sh
# is the first): tmux, detached (no terminal needed, so it runs in CI),
# 80x24. Keys go in with send-keys, the screen comes back with
# capture-pane; every wait polls the screen, with a timeout.
#
#   IRDRILL=/abs/path/to/irdrill sh tests/e2e/tui_menu.sh
#
# What is checked, all through the keyboard:
#   - the main menu in Vietnamese: a new drill whose player name is typed
#     in ("Nguyễn Thị Lan", with a letter erased by Backspace), quit, then
#     the menu's resume path, a whole drill to its end, and the menu's
#     review path to the after-action review of it;
#   - the turn timer: it ends the turn by itself, waits while a question
#     is being answered, and the session it played verifies; resume goes
#     on with it, resume --timer 0 without;
#   - facilitator mode: g shows the ground truth and the score in exercise
#     mode, an award with its reason is recorded; without it, g shows
#     nothing;
#   - the scenario reload key (F5) with the file edited between keys: a
#     change shows at once, a broken file says file:line and changes
#     nothing, an input that no longer applies stops the replay there;
#   - SIGHUP saves and exits 129 with the terminal restored; an unknown
#     TERM is a one-line error, exit 2, with one "irdrill:" (the main menu
#     too); TERM=dumb, which cannot move the cursor, is refused the same;
#   - the main menu takes the common flags: irdrill --db --lang --scenarios;
#   - the cursor stands in the name field being typed.
#
# Prints one line per failed check (with the screen), then a summary.
set -u
: "${IRDRILL:?set IRDRILL to the irdrill binary}"
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
if ! command -v tmux > /dev/null 2>&1; then
    echo "tui_menu.sh: tmux is needed (sh scripts/deps.sh installs it)" >&2
    exit 1
fi

work=$PWD
mkdir -p scen
cp "$top/scenarios/tutorial.lua" scen/
cp "$top/scenarios/portal-defacement.lua" scen/
cp "$top/scenarios/tutorial.lua" tut.lua
db=$work/menu.db
tui_env="IRDRILL_SCENARIOS='$work/scen'"
# shellcheck source=tests/e2e/lib/tmux.sh
. "$here/lib/tmux.sh"
ir() { IRDRILL_DB=$db "$IRDRILL" "$@"; }
# The newest session's number.
newest() { ir sessions --json --limit 1 | sed -n 's/.*"session":\([0-9]*\).*/\1/p'; }

# --- the menu in Vietnamese: a new drill with a typed player name -------------
start --
sees "menu: opens" "New drill"
keys Down Down Down Down Enter
sees "menu: switches to Vietnamese" "Diễn tập mới"
keys Up Up Up Up Enter
sees "menu: the scenarios, easiest first" "Hướng dẫn: làm quen với irdrill"
keys Enter
sees "menu: the new-drill form" "Bắt đầu diễn tập"
sees "menu: the form offers a turn timer" "Đồng hồ lượt"
sees "menu: the form offers the facilitator view" "Màn hình điều hành"
# From Start up to the first player's name: sys, soc, lead, one per role,
# add, player 1.
keys Up Up Up Up Up Up
type_text "Nguyễn Thị Lann"
keys BSpace
sees "menu: a Vietnamese name typed" "[Nguyễn Thị Lan "
never "menu: Backspace erased the last letter" "Lann"
# The terminal's cursor is in the name field, after the name.
checks=$((checks + 1))
row=$(grep -n "\[Nguyễn Thị Lan " screen.txt | head -1 | cut -d: -f1)
cur=$(tm display -p -t e2e '#{cursor_y} #{cursor_x} #{cursor_flag}')
col=$(grep "\[Nguyễn Thị Lan " screen.txt | head -1 | sed 's/\[Nguyễn Thị Lan.*//' | wc -m)
[ "$cur" = "$((row - 1)) $((col - 1 + 1 + 14)) 1" ] ||
    fail "menu: the cursor is in the name field (row $((row - 1)), column $((col + 14))), not at '$cur'"
keys Down Down Down Down Down Down
keys Enter
sees "menu: the drill starts" "Lượt 1/10 08:00"
sees "menu: the player's name in the status bar" "Nguyễn Thị Lan: Trưởng nhóm"
keys q
sees "quit asks" "Thoát bây giờ?"
keys y
sees "back at the menu, the session saved (in Vietnamese)" "Phiên 1 đã được lưu"
ok "the name is recorded" sh -c "IRDRILL_DB='$db' '$IRDRILL' report 1 --format md | grep -q 'Nguyễn Thị Lan'"

# --- the menu's resume path, then the drill to its end -------------------------
keys Down Enter
sees "resume: the unfinished session" "#1  đang dở  lượt 1"
sees "resume: the session's scenario by its title" "Hướng dẫn: làm quen"
keys Enter
sees "resume: the timer and facilitator view are asked again" "Tiếp tục phiên 1"
keys Enter
sees "resume: where it stopped" "Lượt 1/10 08:00"
play_out 1 10
sees "resume: played to the end" "Kết thúc phiên"
keys q
sees "back at the menu, the review suggested" "Phiên 1 đã kết thúc"

# --- the menu's review path ---------------------------------------------------
keys Down Down Enter
sees "review: the finished session is listed" "đã kết thúc"
keys Enter
sees "review: the after-action review" "Xem lại phiên 1"
sees "review: ground truth beside the team's view" "Diễn biến thực tế"
keys End
sees "review: the outcome" "Kết cục:"
keys q
sees "review: back at the menu" "Diễn tập mới"
keys q
exits "menu: q quits, exit 0" 0
ok "menu: the terminal is restored" restored

# --- the turn timer --------------------------------------------------------------
start -- play tut.lua --seed 1 --lang en --timer 2
sees "timer: the countdown in the status bar" " left |"
sees "timer: the turn ends by itself" "Turn 2/10 08:15" 8
sees "timer: the message says why" "Time is up: turn 1 ended."
# A question being answered holds the timer, then it fires at once.
keys n
sees "timer: the end-of-turn question" "End turn 2 for"
sleep 3
sees "timer: time up, waiting for the answer" "time up"
never "timer: the turn waits for the answer" "Turn 3/10"
keys Escape
sees "timer: fires once the question is closed" "Turn 3/10 08:30" 5
keys q
sees "timer: quit asks (and holds the timer)" "Quit now?"
keys y
exits "timer: exit 0" 0
id=$(newest)
ok "timer: the session replays and verifies" sh -c "IRDRILL_DB='$db' '$IRDRILL' verify $id > /dev/null"
ok "timer: the turns it ended are recorded" sh -c "IRDRILL_DB='$db' '$IRDRILL' sessions --json --limit 1 | grep -q '\"turn\":3'"
# The timer is recorded with the session: resume goes on with it, and
# --timer 0 turns it off for that sitting.
start -- resume "$id" --lang en
sees "timer: resume goes on with the recorded timer" " left |"
sees "timer: and it ends the resumed turn" "Turn 4/10" 8
keys q
keys y
exits "timer: resumed, exit 0" 0
start -- resume "$id" --lang en --timer 0
sees "timer: --timer 0 resumes without it" "Turn 4/10"
sleep 3
never "timer: no countdown with --timer 0" " left |"
sees "timer: and the turn waits for the players" "Turn 4/10"
keys q
keys y
exits "timer: resumed without it, exit 0" 0

# --- facilitator mode ---------------------------------------------------------------
start -- play scen/portal-defacement.lua --seed 5 --lang en --mode exercise --facilitator
sees "facilitator: the players' screen" "score hidden"
sees "facilitator: the key is shown" "g:truth"
keys n
sees "facilitator: end of turn" "End turn 1 for"
keys y
sees "facilitator: turn 2" "Turn 2/32"
keys g
sees "facilitator: the ground truth" "Ground truth: systems"
sees "facilitator: signals with their truth" "[TRUE POSITIVE]"
sees "facilitator: the score in exercise mode" "Score 0/100 (hidden from players)"
keys a
sees "facilitator: award asks how many" "Award points: how many?"
type_text "5"
keys Enter
sees "facilitator: then the reason" "Reason for +5 points"
keys Enter
sees "facilitator: the reason is required" "A written reason is required."
type_text "Quick, correct triage"
keys Enter
sees "facilitator: the award is recorded" "+5 Quick, correct triage"
sees "facilitator: the score moves" "Score 5/100 (hidden from players)"
keys g
gone "facilitator: g goes back" "Ground truth"
sees "facilitator: players still see no score" "score hidden"
never "facilitator: players see no truth" "POSITIVE]"
keys q
keys y
exits "facilitator: exit 0" 0
id=$(newest)
ok "facilitator: the award and its reason are in the report" \
    sh -c "IRDRILL_DB='$db' '$IRDRILL' report $id --format md | grep -q 'Quick, correct triage'"

start -- play scen/portal-defacement.lua --seed 5 --lang en --no-save
sees "players only: playing" "Turn 1/32"
keys n
keys y
sees "players only: turn 2" "Turn 2/32"
keys g
sleep 0.3
never "players only: g shows no ground truth" "Ground truth"
never "players only: no truth of signals" "POSITIVE]"
never "players only: no truth key" "g:truth"
keys q
keys y
exits "players only: exit 0" 0

# --- reloading the scenario while playing ---------------------------------------
start -- play tut.lua --seed 1 --lang en
sees "reload: playing" "Turn 1/10"
keys n
keys y
sees "reload: turn 2" "Turn 2/10"
sed 's/en = "Tutorial: learn irdrill with one infected workstation"/en = "Tutorial, edited"/' \
    tut.lua > tut.tmp && mv tut.tmp tut.lua
old=$(newest)
keys F5
sees "reload: the change shows at once" "Tutorial, edited"
sees "reload: the inputs are replayed into a new session" "1 input replayed."
sees "reload: where it was" "Turn 2/10 08:15"
new=$(newest)
checks=$((checks + 1))
[ "$new" -gt "$old" ] || fail "reload: a new session ($old, then $new)"
# A broken file: file:line on the message line, nothing changes.
cp tut.lua tut.good
sed '48a\    oops = = 1,' tut.good > tut.lua
keys F5
sees "reload: a broken file says file:line" "tut.lua:49:"
sees "reload: the session goes on" "Turn 2/10 08:15"
cp tut.good tut.lua
# Two triages by the lead (2 action points), then only 1 point per turn:
# the second no longer applies.
keys Tab Enter
sees "reload: which signal" "which signal?"
keys Enter Enter
sees "reload: confirm" "Queue this action?"
keys Enter
sees "reload: queued" "Queued #1"
keys Enter
sees "reload: which signal (2)" "which signal?"
keys Down Enter Enter
sees "reload: confirm (2)" "Queue this action?"
keys Enter
sees "reload: queued (2)" "Queued #2"
sed 's/action_points = 2,/action_points = 1,/' tut.good > tut.lua
keys F5
sees "reload: the replay stops at the input that no longer applies" "stopped at input 3"
sees "reload: and says why" "action point"
keys Escape
keys q
keys y
exits "reload: exit 0" 0
ok "reload: every session verifies" sh -c "IRDRILL_DB='$db' '$IRDRILL' verify --all > /dev/null"

# --- SIGHUP, unknown TERM ------------------------------------------------------------
start -- play tut.lua --seed 2 --lang en
sees "SIGHUP: playing" "Turn 1/10"
kill -HUP "$(cat pid)"
exits "SIGHUP: exit 129" 129
ok "SIGHUP: the terminal is restored" restored
sees "SIGHUP: the session is saved" "is saved; continue it with"

start TERM=no-such-terminal -- play tut.lua --no-save
exits "unknown TERM: exit 2" 2
ok "unknown TERM: a one-line error naming it" grep -q "irdrill: play: cannot use the terminal 'no-such-terminal'" err.txt
start TERM=no-such-terminal --
exits "unknown TERM, main menu: exit 2" 2
ok "unknown TERM, main menu: one line, one 'irdrill:'" \
    sh -c "[ \$(wc -l < err.txt) = 1 ] && grep -q \"^irdrill: cannot use the terminal 'no-such-terminal'\" err.txt"
# A terminal that cannot move the cursor: refused, before anything is drawn.
start TERM=dumb -- play tut.lua --no-save
exits "TERM=dumb: exit 2" 2
ok "TERM=dumb: one line saying why" \
    sh -c "[ \$(wc -l < err.txt) = 1 ] && grep -q \"^irdrill: play: the terminal 'dumb' cannot move the cursor\" err.txt"

# --- the main menu with the common flags ------------------------------------------
mkdir -p other
cp "$top/scenarios/portal-defacement.lua" other/
start -- --db "$work/flags.db" --lang vi --scenarios "$work/other"
sees "irdrill --db --lang --scenarios: the menu, in Vietnamese" "Diễn tập mới"
sees "--db: the sessions database named" "flags.db"
keys Enter
sees "--scenarios: the directory's scenario listed" "Cổng TTĐT tỉnh"
keys q
exits "menu with flags: exit 0" 0
ok "--db: the database is the one named" test -f "$work/flags.db"
start -- --db
exits "menu: --db without a value, exit 1" 1
ok "menu: --db without a value says so" grep -q "^irdrill: --db needs a value" err.txt

echo "$checks checks, $fails failed"
[ "$fails" -eq 0 ]
