#!/bin/sh
# Install what building and testing irdrill needs on Debian (or Ubuntu),
# and only what is missing. Safe to run again: when everything is present
# it changes nothing and needs neither network nor root.
#
#   sh scripts/deps.sh                   build and test dependencies (+ valgrind)
#   WITH_VALGRIND=0 sh scripts/deps.sh   skip valgrind (only `make valgrind` needs it)
#   WITH_FUZZ=0 sh scripts/deps.sh       without clang and libFuzzer (the fuzz smoke of make test is then skipped)
#
# Works without a terminal (CI): apt-get runs with DEBIAN_FRONTEND=noninteractive,
# -y and stdin closed. Uses sudo when not run as root.
set -eu

required="pkg-config liblua5.4-dev libsqlite3-dev libncurses-dev libcmocka-dev tmux sqlite3"
optional=""
[ "${WITH_VALGRIND:-1}" = 0 ] || optional="valgrind"
[ "${WITH_FUZZ:-1}" = 0 ] || required="$required clang libclang-rt-dev"

installed() {
    s=$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) || return 1
    [ "$s" = "install ok installed" ]
}

# Print the packages of the list that are not installed.
missing_of() {
    out=""
    for p in "$@"; do
        installed "$p" || out="$out $p"
    done
    echo "$out"
}

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    echo "deps.sh: not a Debian-like system (no dpkg-query or apt-get); install by hand: a C11 compiler, make, pkg-config, Lua 5.4, SQLite 3, ncursesw and cmocka development files, tmux, sqlite3 (valgrind optional)" >&2
    exit 1
fi

# The toolchain counts as present with build-essential, or with gcc, make
# and the C library headers on their own (minimal images have those).
# shellcheck disable=SC2086
need=$(missing_of $required)
if ! installed build-essential && [ -n "$(missing_of gcc make libc6-dev)" ]; then
    need=" build-essential$need"
fi
# shellcheck disable=SC2086
want=$(missing_of $optional)

if [ -z "$need" ] && [ -z "$want" ]; then
    echo "deps.sh: all dependencies are installed"
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    sudo=""
elif command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
else
    echo "deps.sh: not root and sudo is missing; as root run: apt-get install -y$need$want" >&2
    exit 1
fi

# sudo resets the environment, so the frontend goes on the command line.
apt() {
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get -y -q "$@" </dev/null
}

apt update
if [ -n "$need" ]; then
    echo "deps.sh: installing:$need"
    # shellcheck disable=SC2086
    apt install --no-install-recommends $need
fi
if [ -n "$want" ]; then
    # Optional tools may be missing on some architectures: warn, go on.
    echo "deps.sh: installing (optional):$want"
    # shellcheck disable=SC2086
    apt install --no-install-recommends $want ||
        echo "deps.sh: warning: could not install$want (only make valgrind / make fuzz need them)" >&2
fi
echo "deps.sh: done"
