#!/bin/sh
# The demo database (cchc demo): every screen of the tab bar, at 80x24 and
# 120x40, shows real content the moment it opens. One line of $screens per
# screen: a name, then the script that reaches it from the start (keys as in
# keys files; ';' separates script lines). Adding a screen is one line.
. "$top_srcdir/tests/screen/lib.sh"
"$CCHC" demo > /dev/null

screens='
home       key 1
plan       key 2
tasks      key 3
agenda     key 4
units      key 5
search     key 6;type Kỳ Lừa
suggest    key 7
evidence   key 8
missing    key 9
score      key <F6>
dossiers   key 0
letters    key <F11>
feedback   key <F12>
report     key <F9>
settings   key <F10>
'

# Fewer lines of text than this (tab bar, title, hints and one line of
# content) is an empty screen.
min_lines=5

echo "$screens" | while read -r name script; do
	[ -n "$name" ] || continue
	for size in 80x24 120x40; do
		printf '%s;dump\n' "$script" | tr ';' '\n' | screen "$name" "$size"
		lines=$(grep -c '[^ ]' "$tmp/dump" || :)
		[ "$lines" -ge "$min_lines" ] || { echo "$name ($size): $lines lines"; exit 1; }
	done
done
check demo-screens
