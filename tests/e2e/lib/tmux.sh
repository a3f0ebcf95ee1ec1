# tests/e2e/lib/tmux.sh - what the terminal-interface end-to-end scripts
# (tests/e2e/tui*.sh) share: irdrill in a detached tmux session (no
# terminal needed, so it runs in CI), keys sent with send-keys, the screen
# read back with capture-pane, every wait a poll of the screen with a
# timeout, never a fixed sleep. Sourced (not run: run-all.sh runs only
# tests/e2e/*.sh), after the script has set:
#
#   IRDRILL   the binary (absolute path)
#   work      the directory the session runs in (the test's own)
#   db        the sessions database the session uses
#   tui_env   optional: more VAR=value words for every session
#
# It writes run.sh, tmux.sock and the files run.sh leaves (pid, exit.txt,
# stty.txt, err.txt, screen.txt) in $work.
sock=$work/tmux.sock
tm() { tmux -S "$sock" -f /dev/null "$@"; }
trap 'tm kill-server 2> /dev/null' EXIT

# The pane runs run.sh: irdrill in a child whose pid is kept (its stderr
# in err.txt), then what the terminal looks like after it (stty), then
# its exit status.
cat > "$work/run.sh" << 'RUN'
#!/bin/sh
rm -f exit.txt stty.txt pid
ulimit -c 0
sh -c 'echo $$ > pid; exec "$@"' sh "$@" 2> err.txt
rc=$?
stty -a > stty.txt 2>&1
echo "EXIT=$rc" > exit.txt
exec sleep 600
RUN

checks=0
fails=0
fail() {
    fails=$((fails + 1))
    echo "not ok $checks - $1"
    tm capture-pane -p -t e2e 2> /dev/null | sed 's/^/    |/'
}
screen() { tm capture-pane -p -t e2e 2> /dev/null; }

# start ENV... -- ARGS...: a fresh 80x24 session running irdrill ARGS.
start() {
    tm kill-session -t e2e 2> /dev/null
    envs=""
    while [ "$1" != -- ]; do envs="$envs $1"; shift; done
    shift
    rm -f exit.txt
    # shellcheck disable=SC2086
    tm new-session -d -s e2e -x 80 -y 24 \
        "cd '$work' && env LC_ALL=C.UTF-8 LANG=C.UTF-8 IRDRILL_DB='$db' ${tui_env:-} $envs sh run.sh '$IRDRILL' $*"
}

wait_for() {   # wait_for TEXT [SECONDS]: until the screen shows TEXT (fixed string)
    end=$(($(date +%s) + ${2:-10}))
    while :; do
        screen > screen.txt
        grep -qF -- "$1" screen.txt && return 0
        [ "$(date +%s)" -ge "$end" ] && return 1
        sleep 0.05
    done
}
wait_gone() {  # wait_gone TEXT [SECONDS]: until the screen no longer shows TEXT
    end=$(($(date +%s) + ${2:-10}))
    while :; do
        screen > screen.txt
        grep -qF -- "$1" screen.txt || return 0
        [ "$(date +%s)" -ge "$end" ] && return 1
        sleep 0.05
    done
}
wait_exit() {  # wait_exit [SECONDS]: until irdrill has exited
    end=$(($(date +%s) + ${1:-10}))
    while [ ! -s exit.txt ]; do
        [ "$(date +%s)" -ge "$end" ] && return 1
        sleep 0.05
    done
    return 0
}
sees() {    # sees DESCRIPTION TEXT [SECONDS]
    checks=$((checks + 1))
    wait_for "$2" "${3:-10}" || fail "$1: the screen shows '$2'"
}
gone() {    # gone DESCRIPTION TEXT [SECONDS]
    checks=$((checks + 1))
    wait_gone "$2" "${3:-10}" || fail "$1: '$2' is no longer on the screen"
}
never() {   # never DESCRIPTION TEXT: not on the screen now
    checks=$((checks + 1))
    screen > screen.txt
    grep -qF -- "$2" screen.txt && fail "$1: the screen must not show '$2'"
}
exits() {   # exits DESCRIPTION STATUS
    checks=$((checks + 1))
    if ! wait_exit 10; then
        fail "$1: irdrill did not exit"
    elif [ "$(cat exit.txt)" != "EXIT=$2" ]; then
        fail "$1: exit status $(cat exit.txt), want $2"
    fi
}
ok() {      # ok DESCRIPTION COMMAND...
    checks=$((checks + 1))
    desc=$1
    shift
    "$@" || fail "$desc"
}
restored() {   # the terminal is back in canonical mode with echo
    grep -q '[^-]icanon' stty.txt && grep -q '[^-]echo ' stty.txt
}
keys() { tm send-keys -t e2e "$@"; }
type_text() { tm send-keys -t e2e -l "$1"; }
# play_out FIRST MAX: from turn FIRST, end each turn (n, then y at the
# Vietnamese confirmation) until the session's summary opens or turn MAX
# has passed; the caller checks the summary.
play_out() {
    t=$1
    while [ "$t" -le $(($2 + 1)) ]; do
        grep -qF "Kết thúc phiên" screen.txt && break
        keys n
        wait_for "Kết thúc lượt $t cho" 5 || break
        keys y
        t=$((t + 1))
        wait_for "Lượt $t/$2" 5 || wait_for "Kết thúc phiên" 5 || break
    done
}
