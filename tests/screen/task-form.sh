#!/bin/sh
# Adding a task through the form (a on the tasks screen): the section is
# completed from the plan's outline ("cai cach the" finds "2. Cải cách thể
# chế"), the lead unit from the unit list ("thanh" lists Thanh tra Sở, Tab
# takes its code TTr and its name shows under the field), the coordinating
# units as a list ("vp, hc"); the deadline's date shows as it is typed.
# "31/02/2026" is not refused: the hint under the field warns that it was
# not understood and names the problem, and that it would be kept as
# written with the due "chưa xác định"; Esc, then c to drop what was typed,
# leaves without saving: the
# command line still lists five tasks. Then the same with 15/12/2026 is
# saved (task no. 6).
# Editing (e) changes the deadline and the status; x marks no. 3 done
# today; o adds a progress note with the period prefilled as 2026-Q4;
# Enter shows the details: notes and the text of the plan section. Last,
# a deadline not understood is saved as written, listed by C and counted
# on the home screen.
. "$top_srcdir/tests/screen/lib.sh"
. "$screen_dir/tasks-data.inc"
screen unclear-deadline 80x24 <<'S'
key 3 a
type Kiểm tra văn bản
key <Tab>
type cai cach the
dump
key <Tab> <Tab>
type thanh
dump
key <Tab>
dump form.hint
key <Tab>
type vp, hc
key <Enter> <Tab>
type 31/02/2026
dump form.hint
key <Esc> c
dump
S
note "task list after leaving the form:"
"$CCHC" task list >> "$actual"
screen add 80x24 <<'S'
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
dump form.hint
key <Tab> <Tab>
type Báo cáo kết quả kiểm tra
key <Enter>
dump
S
screen edit-done-note 80x24 <<'S'
key 3 <End> k e
dump
key <Tab> <Tab> <Tab> <Tab> C-u
type Quý I/2027
key <Tab> <Tab> <Tab> C-u
type dang
dump
key <Tab> <Enter>
dump
key <Home> j j x
dump task.done
key <Home> o
dump
type Đã rà soát văn bản, chờ báo cáo
key <Enter> <Enter>
dump
key <Home> <Enter>
dump
S
note "task list --format tsv at the end:"
"$CCHC" task list --format tsv >> "$actual"
"$CCHC" task show 1 | grep '^note' >> "$actual"
# a deadline not understood is saved as written (wide enough to read the
# whole warning), the status line says so, and the list shows "chưa rõ"
screen unclear-saved 120x24 <<'S'
key 3 a
type Rà soát quy chế
key <Tab>
type cai cach the
key <Tab> <Tab>
type thanh
key <Tab> <Tab> <Tab>
type sớm nhất có thể
dump form.hint
key C-o
dump
key C
dump
key 1
dump
S
note "task list --due-unclear:"
"$CCHC" task list --due-unclear >> "$actual"
check task-form
