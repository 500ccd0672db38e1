#!/bin/sh
# The trash (R): a plan deleted with the command line is listed with when
# it was deleted; Enter asks before restoring it, K keeps it in the trash,
# c restores it whole: the trash is then empty and the plan picker lists
# it again. Choosing it, then undoing the restore (u c) while it is on
# screen, takes it away again: the plan screen goes back to the other plan
# and the trash holds it once more. The history's times come from the
# clock: DD/MM/YYYY HH:MM here.
. "$top_srcdir/tests/screen/lib.sh"
export USER=van-thu
import "$screen_dir/plan-letters.txt"
import "$FIXTURES/so-gtvt-2024.md"
"$CCHC" plan delete 2 --force > /dev/null 2>&1
screen trash 80x24 <<'S'
key 2 R
dump
key <Enter>
dump
key K R <Enter> c
dump
key R
dump
key p
dump
S
screen undo-restore 80x24 <<'S'
key 2 p
dump
key <Enter>
dump
key u
dump
key c
dump
key R
dump
S
note "plans and the trash on the command line at the end:"
"$CCHC" plan list >> "$actual"
"$CCHC" trash | sed 's/^ *[0-9]*  [-0-9/: ]*  //' >> "$actual"
sed -E 's|[0-9]{2}/[0-9]{2}/[0-9]{4} [0-9]{2}:[0-9]{2}|DD/MM/YYYY HH:MM|g' "$actual" > "$actual.m"
mv "$actual.m" "$actual"
check trash
