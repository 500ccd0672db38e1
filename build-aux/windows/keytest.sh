#!/bin/bash
# Proves the ncurses patch under Wine: builds keytest.exe against the prefix
# windows.sh made, runs it in a detached tmux, types Vietnamese letters (as
# Unikey sends them: one Unicode key event each), arrows, F2, Enter and Esc,
# and compares what get_wch returned with what was typed.
#
#   build-aux/windows/keytest.sh OUTDIR      (after windows.sh [--deps-only] OUTDIR)
set -euo pipefail

[ $# -eq 1 ] || { echo "usage: build-aux/windows/keytest.sh OUTDIR" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
out=$(cd "$1" && pwd)
prefix=$out/deps/prefix
work=$out/keytest
export WINEPREFIX=$out/wine WINEDEBUG=-all
sock=cchc-keytest-$$
tmux() { command tmux -L "$sock" "$@"; }

mkdir -p "$work"
read -r -a curses <<<"$(PKG_CONFIG_LIBDIR=$prefix/lib/pkgconfig PKG_CONFIG_PATH='' \
	pkg-config --static --cflags --libs ncursesw)"
x86_64-w64-mingw32-gcc -O2 -Wall -static-libgcc -o "$work"/keytest.exe \
	"$here"/keytest.c "${curses[@]}"
rm -f "$work"/keys.log
trap 'tmux kill-server 2>/dev/null || true' EXIT
# TERM set would make ncurses look for terminfo instead of the console.
tmux new-session -d -x 100 -y 30 "cd '$work' && env -u TERM wine keytest.exe"
for _ in $(seq 300); do
	grep -q ready "$work"/keys.log 2>/dev/null && break
	sleep 0.2
done
grep -q ready "$work"/keys.log || { echo "keytest.exe did not start under Wine" >&2; exit 1; }

for k in a é ệ ở đ Đ ư; do tmux send-keys -l "$k"; sleep 0.3; done
for k in Up Down Left Right F2 Enter Escape; do tmux send-keys "$k"; sleep 0.3; done
tmux send-keys -l q
for _ in $(seq 50); do
	grep -q 'U+0071' "$work"/keys.log && break
	sleep 0.2
done

expected='ready
CHR U+0061
CHR U+00E9
CHR U+1EC7
CHR U+1EDF
CHR U+0111
CHR U+0110
CHR U+01B0
KEY KEY_UP
KEY KEY_DOWN
KEY KEY_LEFT
KEY KEY_RIGHT
KEY KEY_F(2)
CHR U+000A
CHR U+001B
CHR U+0071'
if diff -u <(echo "$expected") "$work"/keys.log; then
	echo "keytest: all keys arrived as typed"
else
	echo "keytest: keys differ (- typed, + arrived)" >&2
	exit 1
fi
