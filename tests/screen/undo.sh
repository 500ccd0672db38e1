#!/bin/sh
# Undo in the program: u shows a one-line preview of the last action with
# its time, c undoes it and the tasks screen reloads (task 6's edited title
# goes back; then task 6 itself, under the cursor, goes away); u again
# goes further back (the progress note of task 1); K, or any key but c,
# leaves everything as it is. A bulk import (dossiers) is refused with the
# core's message. Undoing the demo plan while it is on screen leaves the
# plan screen empty; then nothing is left to undo, and the status line
# says so. The history's times come from the clock: DD/MM/YYYY HH:MM here.
. "$top_srcdir/tests/screen/lib.sh"
export USER=van-thu
. "$screen_dir/tasks-data.inc"
"$CCHC" task add --section 7 --title "Rà soát văn bản" --lead VP --due 31/12/2026 > /dev/null
"$CCHC" task edit 6 --title "Rà soát văn bản quy phạm" > /dev/null
screen undo 80x24 <<'S'
key 3 <End>
dump
key u
dump
key c
dump
key u
dump
key c
dump
key u
dump
key c
dump
key u
dump
key K
dump
S
note "notes of task 1 and the last actions after three undos:"
{ "$CCHC" task show 1 | grep -c "^note" || :; } >> "$actual"
"$CCHC" history --limit 4 >> "$actual"

# a bulk import is refused with the core's message (wide enough to read it)
export CCHC_DB="$tmp/registers.db"
import "$screen_dir/plan-letters.txt"
"$CCHC" dossier import "$FIXTURES/dossiers/mot-cua-2026.csv" > /dev/null 2>&1
screen bulk 200x24 <<'S'
key 2 u
dump
key c
dump
S
# a new database gets the demo plan; undone while on screen, the plan
# screen says there is none; then nothing is left to undo
export CCHC_DB="$tmp/demo.db"
screen nothing-left 80x24 <<'S'
key <Esc> 2 u c
dump
key u
dump
S
sed -E -e 's|[0-9]{2}/[0-9]{2}/[0-9]{4} [0-9]{2}:[0-9]{2}|DD/MM/YYYY HH:MM|g' \
	-e 's|[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}|YYYY-MM-DD HH:MM:SS|g' \
	"$actual" > "$actual.masked" && mv "$actual.masked" "$actual"
check undo
