#!/bin/sh
# A database that cannot be written (a file marked read-only; root ignores
# file permissions, but cchc also looks at the mode) opens for viewing: a
# banner under the tab bar (theme element readonly, marked ^) says so, the
# screens and dialogs fit below it. Viewing works: the history of a task
# (H), the trash (R), choosing another plan (p, not remembered). Writing is
# refused with the core's message in the status line (wide enough to read
# it): adding a task (a), marking one done (x), undo (u). Nothing was
# written. The history's times come from the clock: DD/MM/YYYY HH:MM here.
. "$top_srcdir/tests/screen/lib.sh"
export USER=van-thu
. "$screen_dir/tasks-data.inc"
import "$screen_dir/plan-letters.txt"
before=$("$CCHC" history --limit 100 | wc -l)
chmod 0444 "$CCHC_DB"
screen readonly 80x24 <<'S'
dump readonly
key 3
dump readonly
key H
dump
key <Esc> R
dump
key 2 p j <Enter>
dump
S
screen refused 200x16 <<'S'
key 3 a
dump
key x
dump
key u
dump
S
chmod 0644 "$CCHC_DB"
after=$("$CCHC" history --limit 100 | wc -l)
note "actions in the history before and after: $before $after"
"$CCHC" task list --format tsv >> "$actual"
sed -E 's|[0-9]{2}/[0-9]{2}/[0-9]{4} [0-9]{2}:[0-9]{2}|DD/MM/YYYY HH:MM|g' "$actual" > "$actual.m"
mv "$actual.m" "$actual"
check readonly
