#!/bin/bash
# The full-screen program as a clerk meets it, in a real terminal (tmux):
#
#   tests/windows/screen.sh WIN_RUNNER...
#
# e.g. tests/windows/screen.sh wine _win/build/cchc.exe (or the Linux cchc,
# to try the script). On a demo database made by the same program, 120x36:
#   1 the Overview draws in Vietnamese;
#   2 F-keys and arrows: F3 opens the task list, Down moves the cursor two
#     rows, Up one back, F2 the plan;
#   3 Esc closes an empty form (the units screen's "add");
#   4 q quits: the pane's process ends with status 0;
#   5 a unit typed in the form with Vietnamese letters (tmux send-keys -l,
#     as a terminal or an input method sends them) shows as typed and is
#     stored exactly: the bytes in the database, read with sqlite3 after
#     quitting, are the UTF-8 (NFC) of what was typed;
#   6 the question asked in the console before the full screen (a --db
#     that does not exist) reads in Vietnamese, and "k" declines it.
# Esc under Wine: Wine's console gives Esc's key event no character, and
# stock ncurses dropped it; build-aux/windows/ncurses-6.4-unicode-input.patch
# gives it its 0x1b, and test 3 keeps it so.
# Output is TAP; the exit status is 1 when a test failed, 77 when the
# runner's first word (wine) or tmux or sqlite3 is not installed.
set -u

[ $# -ge 1 ] || { echo "usage: $0 WIN_RUNNER..." >&2; exit 2; }
RUN=("$@")
skip() {
	echo "1..0 # SKIP $*"
	exit 77
}
command -v "${RUN[0]}" >/dev/null 2>&1 || skip "${RUN[0]} not installed"
for tool in tmux sqlite3; do
	command -v $tool >/dev/null 2>&1 || skip "$tool not installed"
done
for w in "${RUN[@]}"; do
	case $w in *.exe) [ -f "$w" ] || { echo "$0: no $w" >&2; exit 2; } ;; esac
done

T=$(mktemp -d "${TMPDIR:-/tmp}/cchc-winscreen.XXXXXX") || exit 99
sock=cchc-winscreen-$$
tm() { tmux -L "$sock" -f "$T/tmux.conf" "$@"; }
cleanup() {
	tm kill-server >/dev/null 2>&1
	if [ -n "${CCHC_KEEP:-}" ]; then echo "# kept $T"; else rm -rf "$T"; fi
}
trap cleanup EXIT

# Wine: quiet, and the prefix beside the .exe, as compare.sh explains.
case ${RUN[0]##*/} in
wine | wine64 | wine-stable)
	export WINEDEBUG=-all
	if [ -z "${WINEPREFIX:-}" ]; then
		for w in "${RUN[@]}"; do
			case $w in *.exe) WINEPREFIX=$(cd "$(dirname "$w")" && pwd)/wine-prefix ;; esac
		done
		export WINEPREFIX=${WINEPREFIX:-$T/wine}
	fi
	;;
esac
export CCHC_TODAY=2026-11-24 CCHC_NO_AUTO_BACKUP=1 LC_ALL=C.UTF-8 HOME=$T/home
export XDG_DATA_HOME=$T/home/data XDG_CONFIG_HOME=$T/home/config CCHC_DB=$T/demo.db
unset CCHC_CREATE CCHC_DATADIR NO_COLOR
mkdir -p "$HOME"

# The demo database, made by the program under test (wakes the Wine prefix
# too, so the program in tmux starts in seconds).
"${RUN[@]}" demo "$CCHC_DB" >"$T/demo.out" 2>&1 </dev/null || {
	echo "1..0 # the demo database could not be made: $(head -c 300 "$T/demo.out")"
	exit 1
}

# The pane stays after the program ends, with the line that says how it ended.
printf 'set -g remain-on-exit on\n' >"$T/tmux.conf"
# Under Wine the Windows program starts without TERM, as from cchc.bat on a
# PC: Wine would hand it tmux's TERM, and ncurses then looks for that
# terminal's description (which cchc.exe does not ship) instead of using the
# Windows console; cchc.exe exits 1 with "không dùng được terminal".
envu=
[ -n "${WINEPREFIX:-}" ] && envu="env -u TERM "
tm new-session -d -s t -x 120 -y 36 "$envu$(printf '%q ' "${RUN[@]}"); echo cchc-exited-\$?"

# wait_for TEXT [SECONDS [FROM]]: polls the pane until it shows TEXT (20 s);
# FROM is capture-pane's first line (-50: with lines scrolled off).
wait_for() {
	local i=0 limit=$((${2:-20} * 10))
	while [ $i -lt $limit ]; do
		tm capture-pane -p -t "$tgt" -S "${3:-0}" >"$T/pane" 2>/dev/null || true
		grep -qF -- "$1" "$T/pane" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
# wait_gone TEXT [SECONDS]: polls until the pane no longer shows TEXT.
wait_gone() {
	local i=0 limit=$((${2:-20} * 10))
	while [ $i -lt $limit ]; do
		tm capture-pane -p -t "$tgt" >"$T/pane" 2>/dev/null || true
		grep -qF -- "$1" "$T/pane" || return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
# cursor_row: the screen row (from 0) of the list's cursor mark "›".
cursor_row() {
	tm capture-pane -p -t t | grep -n '^›\|^ *›' | head -n 1 | cut -d: -f1
}
# wait_row N: polls until the cursor is on row N.
wait_row() {
	local i=0
	while [ $i -lt 200 ]; do
		[ "$(cursor_row)" = "$1" ] && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
keys() { tm send-keys -t "$tgt" "$@"; }
tgt=t  # the tmux session the helpers look at

n=0
failed=0
# result OK NAME [WHY]: one TAP line; on failure the reason and the screen.
result() {
	n=$((n + 1))
	if [ "$1" = 0 ]; then
		echo "ok $n - $2"
	else
		echo "not ok $n - $2"
		[ -n "${3:-}" ] && echo "# $3"
		tm capture-pane -p -t "$tgt" 2>/dev/null | sed 's/^/#   |/'
		failed=$((failed + 1))
	fi
}

echo "1..6"
start=$(date +%s)

# ---- 1. the Overview, in Vietnamese
rc=0
wait_for "Tổng quan: việc cần làm ngay" || rc=1
# Wine's console paints in pieces: the heading can be there before the
# lines below it, so each line is waited for, not read from one capture.
[ $rc = 0 ] && for s in "1 Tổng quan" "› DỮ LIỆU MẪU" "Nhiệm vụ quá hạn:" \
	"Hồ sơ trễ hạn chưa có phiếu xin lỗi" "q Thoát"; do
	wait_for "$s" 10 || { rc=1; break; }
done
result $rc "the Overview draws in Vietnamese" "wanted the Overview's heading and lines"

# ---- 2. F-keys and arrows
rc=0 why=
keys F3
wait_for "Nhiệm vụ: tất cả (60)" || { rc=1; why="F3 did not open the task list"; }
if [ $rc = 0 ]; then
	row=$(cursor_row)
	keys Down Down
	wait_row $((row + 2)) || { rc=1; why="Down Down did not move the cursor from row $row to $((row + 2))"; }
fi
if [ $rc = 0 ]; then
	keys Up
	wait_row $((row + 1)) || { rc=1; why="Up did not move the cursor back to row $((row + 1))"; }
fi
if [ $rc = 0 ]; then
	keys F2
	wait_for "▾ II. NHIỆM VỤ, GIẢI PHÁP" || { rc=1; why="F2 did not open the plan"; }
fi
result $rc "F3, Down, Up, F2 move between screens and rows" "$why"

# ---- 3. Esc closes an empty form (then C-g, in case it did not)
keys 5
wait_for "Các phòng, đơn vị thuộc Sở" && keys a && wait_for "Thêm đơn vị"
form=$?
keys Escape
rc=0
wait_gone "Thêm đơn vị" 5 || rc=1
why=
if [ $form != 0 ]; then
	rc=1
	why="the units screen's add form did not open"
elif [ $rc != 0 ]; then
	keys C-g
	if wait_gone "Thêm đơn vị" 5; then how="C-g closed it"; else how="C-g did not close it either"; fi
	why="the form stayed open after Esc; $how"
fi
result $rc "Esc closes an empty form" "$why"

# ---- 5 (first half). Vietnamese typed into the units form, saved with C-o
name='Đề án ưu tiên'
head='Nguyễn Đức Lợi'
typed=1
wait_gone "Thêm đơn vị" 1 && keys a && wait_for "┌─ Thêm đơn vị ──" && {
	keys -l "$name"
	keys Tab
	keys -l DAUT
	keys Tab
	keys -l "$head"
	wait_for "$head" && grep -qF "$name" "$T/pane"
} && {
	keys C-o
	wait_for "DAUT     $name"
} && typed=0
typed_pane=$(cat "$T/pane")

# ---- 4. q quits
keys q
rc=0
# The shell around the program says how it ended (tmux's "Pane is dead"
# line may scroll it off the screen). #{pane_dead_status} was not reliable
# here: empty in one run of three.
wait_for "cchc-exited-" 20 -50 || rc=1
status=$(grep -o 'cchc-exited-[0-9]*' "$T/pane" | head -n 1)
[ "$status" = cchc-exited-0 ] || rc=1
result $rc "q quits" "the program did not end with status 0 ($status)"

# ---- 5. what was typed is what is stored
rc=0 why=
if [ $typed != 0 ]; then
	rc=1
	why="the form did not show what was typed, or did not save it"
	echo "$typed_pane" >"$T/pane"
else
	got=$(sqlite3 "$CCHC_DB" "SELECT hex(name) || ' ' || hex(head) FROM unit WHERE code = 'DAUT'")
	want=$(printf '%s' "$name" | od -An -tx1 | tr -d ' \n' | tr a-f A-F)
	want="$want $(printf '%s' "$head" | od -An -tx1 | tr -d ' \n' | tr a-f A-F)"
	if [ "$got" != "$want" ]; then
		rc=1
		why="stored $(sqlite3 "$CCHC_DB" "SELECT name || ' / ' || head FROM unit WHERE code = 'DAUT'") = $got, wanted $want"
	fi
fi
result $rc "Vietnamese typed in a form is shown and stored exactly" "$why"

# ---- 6. a question asked before the full screen, in the console: a
# --db that does not exist; "k" declines, nothing is made
tgt=ask
tm new-session -d -s ask -x 120 -y 36 \
	"$envu$(printf '%q ' "${RUN[@]}")--db $(printf '%q' "$T/new.db"); echo cchc-exited-\$?"
rc=0 why=
if ! wait_for "Tạo một cơ sở dữ liệu mới ở đó? Gõ c (có) hoặc k (không) rồi Enter:"; then
	rc=1
	why="the question is not shown in Vietnamese;"
fi
if grep -qF "Enter:" "$T/pane"; then
	keys k Enter
	if ! wait_for "cchc-exited-1" 20 -50; then
		rc=1
		why="$why k did not end the program with status 1"
	elif ! grep -qF "không tạo cơ sở dữ liệu mới" "$T/pane"; then
		rc=1
		why="$why k declined (status 1) but its message is not shown in Vietnamese"
	fi
fi
if [ -e "$T/new.db" ]; then
	rc=1
	why="$why $T/new.db was made"
fi
result $rc "a question before the full screen reads in Vietnamese and takes the answer" "$why"

echo "# $(($(date +%s) - start)) s in tmux"
[ $failed = 0 ] || exit 1
exit 0
