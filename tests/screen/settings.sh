#!/bin/sh
# The settings screen (issue 17; F10):
# each setting with its group, value in force and meaning; Enter edits one
# in a form checked as it is typed (the message under the field while the
# value is not valid, the save refused), r goes back to the default, u
# undoes a save; yes/no settings read có/không. The database is checked
# with "cchc setting get" after each step.
. "$top_srcdir/tests/screen/lib.sh"
import "$FIXTURES/so-gtvt-2024.md"
screen settings-80 80x24 <<'S'
key <F10>
dump
key j j j <Enter>
dump
key C-u
type Hà Nội
key C-o
dump
S
note setting get org.place
"$CCHC" setting get org.place >> "$actual"
screen settings-edit 80x24 <<'S'
key <F10> <End> <Up> <Up> <Up> <Up> <Enter>
dump
key C-u
type tắt
dump form.error
key C-o
dump form.error
key C-u
type không
key C-o
dump
S
note setting get backup.auto
"$CCHC" setting get backup.auto >> "$actual"
screen settings-undo 120x40 <<'S'
key <F10> <Down> <Down> <Down> <Down> <Down> <Down> <Down> <Down> <Down> <Down> <Enter>
key C-u
type 31/02
dump form.error
key C-u
type 20/03
key C-o
dump
key u c
dump
key <Up> <Up> <Up> <Up> <Up> <Up> <Up> r
dump
S
note setting list
"$CCHC" setting list --format tsv | grep -E '^(org.place|report.deadline.q1|backup.auto)	' >> "$actual"
# the signing authority offers KT./TL./Q. GIÁM ĐỐC under ↓
screen settings-authority 80x24 <<'S'
key <F10> <Down> <Down> <Down> <Down> <Enter> <Down>
dump
key <Down> <Enter> C-o
dump
S
note setting get report.authority
"$CCHC" setting get report.authority >> "$actual"
check settings
