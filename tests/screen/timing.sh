#!/bin/sh
# Benchmark hooks. --timing FILE (with --script) writes one line per
# scripted key: its name as in keys files, a tab, and the microseconds from
# reading it to the end of the redraw it caused; an idle tick is timed as
# "idle" (work put off to it must not hide). --timing without --script
# is refused. CCHC_EXIT_AFTER_PAINT=1 ends the program once the first
# screen is painted on a real terminal (here a pseudo-terminal made by
# script(1); skipped, exit 77, without it).
. "$top_srcdir/tests/screen/lib.sh"
import "$screen_dir/plan-letters.txt"
cat > "$tmp/keys" <<'S'
key 2 j j <Enter>
type ab
dump
key <Esc> / C-u <Esc> 3
idle
S
"$CCHC" --script "$tmp/keys" --timing "$tmp/timing" --size 80x24
cut -f 1 "$tmp/timing" | tr '\n' ' ' > "$tmp/names"
[ "$(cat "$tmp/names")" = "2 j j <Enter> a b <Esc> / C-u <Esc> 3 idle " ] ||
	{ echo "keys timed: $(cat "$tmp/names")"; exit 1; }
if grep -vqE '^[^	]+	[0-9]+$' "$tmp/timing"; then
	echo "bad timing lines:"; cat "$tmp/timing"; exit 1
fi

rc=0
"$CCHC" --timing "$tmp/t2" --size 80x24 2> "$tmp/err" || rc=$?
[ "$rc" -eq 1 ] && grep -q -- "--timing chỉ dùng cùng --script" "$tmp/err" ||
	{ echo "--timing alone: exit $rc, $(cat "$tmp/err")"; exit 1; }

command -v script > /dev/null 2>&1 || { echo "script(1) not installed: skipped"; exit 77; }
rc=0
CCHC_EXIT_AFTER_PAINT=1 timeout 20 script -qec "'$CCHC'" /dev/null > "$tmp/tty" 2>&1 || rc=$?
[ "$rc" -eq 0 ] || { echo "CCHC_EXIT_AFTER_PAINT=1: exit $rc"; cat "$tmp/tty"; exit 1; }
grep -q "Trợ giúp" "$tmp/tty" || { echo "first screen not painted:"; cat -v "$tmp/tty"; exit 1; }
