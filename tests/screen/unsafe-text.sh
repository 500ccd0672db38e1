#!/bin/sh
# Text from the database never reaches the terminal raw: a title with ESC,
# BEL, backspace and a C1 character, and a unit code with ESC, show U+FFFD
# (�) on the tasks screen, in the details and in the edit form, and the form
# saves with that unit (the code still matches). A unit no longer in use
# (cchc unit edit TTr --active no) shows "(đã thôi)" in unit.inactive on the
# units screen and is not offered by the U filter.
. "$top_srcdir/tests/screen/lib.sh"
. "$screen_dir/tasks-data.inc"
"$top_builddir/tests/screen/run_sql" "UPDATE task SET title = 'Đỏ' || char(27) || '[31m' ||
 char(7) || 'x' || char(8) || char(155) || 'y' WHERE id = 2;
 UPDATE unit SET code = 'B' || char(27) || 'T' WHERE code = 'BTTP'"
"$CCHC" unit edit TTr --active no > /dev/null
screen text 80x24 <<'S'
key 3
dump
key j j j <Enter>
dump
key <Esc> e
dump
key C-o
dump
key 5
dump unit.inactive
key 3 U
dump
S
check unsafe-text
