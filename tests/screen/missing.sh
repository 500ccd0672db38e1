#!/bin/sh
# The missing-evidence screen (8, "Còn thiếu"): finished tasks without any
# evidence grouped under their lead unit (no. 3 of HCTP; no. 5 has a
# record), then scored criteria without any (1.2 and 2.1; 1.1 has one),
# numbers marked ^ as evidence.missing. Enter on the task opens it on the
# tasks screen. Once a record proves task 3 (cchc evidence add), the screen
# says there is none left.
. "$top_srcdir/tests/screen/lib.sh"
. "$screen_dir/tasks-data.inc"
. "$screen_dir/evidence-data.inc"
screen missing 80x24 <<'S'
key 9
dump evidence.missing
key <Enter>
dump
S
"$CCHC" evidence add --kind "biên bản" --task 3 --summary "Biên bản kiện toàn tổ hòa giải" > /dev/null
screen after-add 80x24 <<'S'
key 9 j j
dump
S
check missing
