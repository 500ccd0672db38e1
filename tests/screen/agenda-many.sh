#!/bin/sh
# The agenda with more overdue tasks than it lists (15): the heading gives
# the real count, "Quá hạn (21)", not "(15+)"; End goes to the last group
# row, not to a blank row after it, and k from there moves up a row.
. "$top_srcdir/tests/screen/lib.sh"
. "$screen_dir/tasks-data.inc"
i=1
while [ $i -le 20 ]; do
	task --section 7 --title "Việc quá hạn số $i" --lead TTr --due 01/10/2026
	i=$((i + 1))
done
screen agenda-many 80x24 <<'S'
key 4
dump
key <End>
dump
key k
dump
S
check agenda-many
