#!/bin/sh
# d and <Delete> on the register screens go through the list engine's
# delete: until a register has its delete function (the slot of its
# description is empty), the clerk is told so and nothing changes; on an
# empty list nothing happens. Tasks (3; d used to mark a task done, x still
# does: task 2, under the cursor, stays not done), evidence (8), then
# dossiers (0), letters (F11), feedback (F12).
. "$top_srcdir/tests/screen/lib.sh"
. "$screen_dir/tasks-data.inc"
. "$screen_dir/evidence-data.inc"
screen tasks-evidence 80x24 <<'S'
key 3 j j j d
dump
key <Delete>
key 8 d
dump
S
note "tasks on the command line (none done by d):"
"$CCHC" task list >> "$actual"
export CCHC_DB="$tmp/registers.db"
. "$screen_dir/registers-data.inc"
screen registers 80x24 <<'S'
key 0 d
dump
key <F11> d
dump
key <F12> v v v d
dump
S
check register-delete
