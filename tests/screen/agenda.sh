#!/bin/sh
# The agenda (3, Việc cần làm): overdue tasks, tasks due within 10 working
# days, then counts grouped in SQL: each lead unit's done/total with a bar
# (filled cells marked ^ as agenda.bar) and its overdue count (# as
# task.overdue), the counts by status and by plan section. Enter on a unit
# opens the task list filtered to it; Enter on an overdue task opens it.
# End goes to the last section row (no blank row after it).
. "$top_srcdir/tests/screen/lib.sh"
. "$screen_dir/tasks-data.inc"
screen agenda 80x24 <<'S'
key 4
dump agenda.bar task.overdue
key j
key <Enter>
dump
key <Esc> 4 <End> k k k k k k k k k k k
dump
key <Enter>
dump
S
screen agenda-wide 120x40 <<'S'
key 4
dump agenda.bar task.overdue
S
check agenda
