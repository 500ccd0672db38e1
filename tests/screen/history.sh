#!/bin/sh
# The history of the record under the cursor (H): on the tasks screen, task
# 3 added, renamed with a new deadline, then marked done: each change with
# its date, time and user (van-thu), what was done (thêm, sửa) and the
# fields that changed, old → new; the panel scrolls and Esc closes it. On
# the units screen, a unit's history; on the plan screen, the plan's; the
# agenda has no record under a cursor and says so. The history's times
# come from the clock: DD/MM/YYYY HH:MM here.
. "$top_srcdir/tests/screen/lib.sh"
export USER=van-thu
. "$screen_dir/tasks-data.inc"
"$CCHC" task edit 3 --title "Kiện toàn tổ hòa giải" --due 15/12/2026 > /dev/null
"$CCHC" task done 3 --date 2026-11-20 > /dev/null
"$CCHC" unit edit TTr --head "Hoàng Thị Mai" > /dev/null
screen task 80x24 <<'S'
key 3 j j
dump
key H
dump
key <PageDown>
dump
key <Esc>
dump
S
screen others 80x24 <<'S'
key 5 j j H
dump
key <Esc> 4 H
dump
key 2 H
dump
S
sed -E 's|[0-9]{2}/[0-9]{2}/[0-9]{4} [0-9]{2}:[0-9]{2}|DD/MM/YYYY HH:MM|g' "$actual" > "$actual.m"
mv "$actual.m" "$actual"
check history
