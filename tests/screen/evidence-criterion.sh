#!/bin/sh
# The evidence screen's C filter: records proving a criterion, directly
# (no. 1 for 1.1) or through a task that serves it (section mapped with
# cchc criteria map, then its task's record counts).
. "$top_srcdir/tests/screen/lib.sh"
. "$screen_dir/tasks-data.inc"
. "$screen_dir/evidence-data.inc"
screen criterion 80x24 <<'S'
key 8 C
type 1.1 ke hoach
key <Enter>
dump
S
grep -q "tiêu chí 1.1" "$tmp/dump" || { echo "no filter title"; exit 1; }
grep -q "15/QĐ-STP" "$tmp/dump" || { echo "record 1 missing"; exit 1; }
if grep -q "120/BC-STP" "$tmp/dump"; then echo "record 2 does not prove 1.1"; exit 1; fi
# task 1's record proves 2.1 once task 1 serves it
"$CCHC" criteria map 2.1 --task 1
screen mapped 80x24 <<'S'
key 8 C
type 2.1 ra soat
key <Enter>
dump
S
grep -q "120/BC-STP" "$tmp/dump" || { echo "record 2 missing under 2.1"; exit 1; }
if grep -q "15/QĐ-STP" "$tmp/dump"; then echo "record 1 does not prove 2.1"; exit 1; fi
check evidence-criterion
