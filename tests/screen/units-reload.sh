#!/bin/sh
# The units screen reloads after a write made elsewhere in the program: it
# is opened (4), then a task is added through the form (2 a … C-o); a
# trigger, standing for a change made at the same time by someone else,
# renames the head of Thanh tra Sở when a task is added. Back on 4 the
# new head shows, and the cursor stays on the unit it was on (TTr).
. "$top_srcdir/tests/screen/lib.sh"
. "$screen_dir/tasks-data.inc"
"$top_builddir/tests/screen/run_sql" "CREATE TRIGGER test_unit_head AFTER INSERT ON task
	BEGIN UPDATE unit SET head = 'Hoàng Thị Mai' WHERE code = 'TTr'; END"
screen units-reload 80x24 <<'S'
key 5 j j
dump
key 3 a
type Kiểm tra văn bản
key <Tab>
type cai cach the
key <Tab> <Tab>
type thanh
key <Tab> <Tab>
type vp, hc
key <Enter> <Tab>
type 15/12/2026
key C-o 5
dump
S
note "units on the command line:"
"$CCHC" unit list >> "$actual"
check units-reload
