#!/bin/sh
# Editing evidence (e on the evidence screen, or in a record's details):
# the add form opens filled from record no. 1 (kind, number, date
# dd/mm/yyyy, issuer, summary, notes; its task 5 and criterion 1.1 shown
# as linked, the file field empty for files to add). Removing the linked
# task is refused under its field (^ form.error); the summary changed,
# task 2 and criterion 1.3 added after the linked ones and a file given,
# C-o saves through evidence_edit and the list shows the new summary.
# From the details of record no. 2 (the first row), e opens its form.
# cchc evidence show 1 confirms the summary, notes, links and both files.
. "$top_srcdir/tests/screen/lib.sh"
. "$screen_dir/tasks-data.inc"
. "$screen_dir/evidence-data.inc"
printf 'Biên bản kiểm tra\n' > "$tmp/bien-ban.txt"
cd "$tmp"  # the file is named relative to the current folder
screen edit 80x24 <<'S'
key 8 j
dump
key e
dump
key <Tab> <Tab> <Tab> <Tab> C-u
type Ban hành Kế hoạch CCHC năm 2026 (sửa đổi)
key <Tab>
type Thay thế kế hoạch cũ
key <Tab> C-u
type 2
key C-o
dump form.error
key C-u
type 5, 2
key <Tab> <End>
type , 1.3
key <Tab>
type bien-ban.txt
dump
key C-o
dump
S
screen details 80x24 <<'S'
key 8 <Enter> e
dump
S
note "evidence show 1:"
"$CCHC" evidence show 1 | grep -v '^file' >> "$actual"
"$CCHC" evidence show 1 | grep '^file' | cut -f1,2 >> "$actual"
check evidence-edit
