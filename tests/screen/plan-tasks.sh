#!/bin/sh
# From the plan browser, t shows the tasks of the selected section (a): the
# two tasks of section a), and a there opens the form with the section
# filled in; g on a task goes back to its section in the plan. S opens the
# suggestions of the plan: proposals from "Cơ quan chủ trì" blocks and the
# annex table, the lead unit matched to a code, or "nhóm: ..." for a group
# of units, "đơn vị mới: ..." for a unit not in the list, "chưa khớp: ..." (marked
# ^ as suggest.unmatched). a accepts one (task no. 6), r rejects one (it
# disappears), e opens the form prefilled and C-o saves it (task no. 7);
# accepted ones show as done (marked # as task.done). The command line
# lists the two new tasks. Enter on a task found by the search screen
# opens it.
. "$top_srcdir/tests/screen/lib.sh"
. "$screen_dir/tasks-data.inc"
screen section-tasks 80x24 <<'S'
key 2 g a <Enter> t
dump
key a
dump
key <Esc> <End> g
dump
S
screen suggest 80x24 <<'S'
key 2 S
dump suggest.unmatched task.done
key j a
key j j j r
key j e
dump
key C-o
dump suggest.unmatched task.done
S
note "task list --format tsv after accepting two suggestions:"
"$CCHC" task list --format tsv >> "$actual"
screen suggest-wide 120x40 <<'S'
key 2 S
dump suggest.unmatched task.done
S
screen search-task 80x24 <<'S'
key s
type kien toan to hoa giai
key <Enter>
dump
S
check plan-tasks
