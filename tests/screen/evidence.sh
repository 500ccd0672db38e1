#!/bin/sh
# The evidence screen (7, "Minh chứng"): records made with cchc evidence add
# (evidence-data.inc), ordered by date, with kind, number, dd/mm/yyyy date,
# summary and file count (0 tệp marked ^ as evidence.missing). K filters by
# kind ("bao" picks báo cáo), A shows all again, T by task (picked from the
# task list: "tham dinh du thao" finds no. 1), Y by year (2026), / by words
# of the summary or number. Enter shows a record: fields, files with sizes,
# linked criteria and tasks with their titles. g writes the files into a
# folder (then listed with their sizes). At 120x40 the tab bar shows the
# new screens.
. "$top_srcdir/tests/screen/lib.sh"
. "$screen_dir/tasks-data.inc"
. "$screen_dir/evidence-data.inc"
screen list 80x24 <<'S'
key 7
dump evidence.missing
key K
type bao
key <Enter>
dump
key A T
type tham dinh du thao
dump
key <Enter>
dump
key A Y
type 2026
key <Enter>
dump
key A /
type ke hoach
key <Enter>
dump match
key <Esc> j <Enter>
dump
key <Esc>
S
mkdir "$tmp/out"
screen get 80x24 <<S
key 7 <Enter> g
type $tmp/out
dump
key <Enter>
dump
S
note "files written by g:"
for f in "$tmp/out"/*; do
	printf '%s %s\n' "$(basename "$f")" "$(wc -c < "$f")" >> "$actual"
done
screen wide 120x40 <<'S'
key 7
dump
key j <Enter>
dump
S
check evidence
