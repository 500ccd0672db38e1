#!/bin/sh
# The tasks screen (2): id, status ("quá hạn" in task.overdue, "hoàn thành"
# in task.done), deadline as dd/mm/yyyy or "thường xuyên" (in task.due_soon
# when due within 10 working days), lead unit, title; ordered by deadline.
# Filters: O overdue, W due within N working days, T a status (chosen from a
# list, typing filters it), U a unit (lead or coordinating: "thanh" picks
# Thanh tra Sở, who leads no. 4 and helps on no. 3), A all again; / filters
# the rows as one types. At 120 columns the titles show whole.
. "$top_srcdir/tests/screen/lib.sh"
. "$screen_dir/tasks-data.inc"
screen list 80x24 <<'S'
key 3 <End>
dump task.overdue task.due_soon task.done
key O
dump task.overdue
key W
dump task.due_soon
key T
type hoan
dump
key <Enter>
dump task.done
key U
type thanh
key <Enter>
dump
key A /
type tham dinh
key <Enter>
dump match
S
screen wide 120x40 <<'S'
key 3 j
dump task.overdue task.due_soon task.done
S
check tasks
