#!/bin/sh
# Adding evidence through the form (a on the evidence screen): the kind is
# completed from the kinds ("ke" lists kế hoạch, Tab takes it); a date that
# does not exist (30/02/2026), an unknown task (99) and an unknown
# criterion (9.9) are refused with messages under their fields (marked ^
# as form.error), the cursor goes to the first, and nothing is saved;
# corrected, the record is saved with
# two files given in the one field, separated by ";", and the list shows
# it. cchc evidence list --format tsv confirms it, cchc evidence show
# gives its task and files, cchc score list the criterion's record count.
. "$top_srcdir/tests/screen/lib.sh"
. "$screen_dir/tasks-data.inc"
. "$screen_dir/evidence-data.inc"
printf 'Kế hoạch kiểm tra\n' > "$tmp/kiem-tra.txt"
printf 'Phụ lục danh sách đơn vị\n' > "$tmp/danh-sach.txt"
cd "$tmp"  # the files are named relative to the current folder
screen add 80x24 <<'S'
key 8 a
type ke
dump
key <Tab> <Tab>
type 25/KH-STP
key <Tab>
type 30/02/2026
key <Tab>
type Sở Tư pháp
key <Tab>
type Kế hoạch kiểm tra công tác cải cách hành chính
key <Tab>
type 2, 99
key <Tab>
type 1.3, 9.9
key <Tab>
type kiem-tra.txt; danh-sach.txt
key C-o
dump form.error
key C-u
type 28/02/2026
key <Tab> <Tab> <Tab> C-u
type 2
key <Tab> C-u
type 1.3
dump form.hint
key C-o
dump
S
note "evidence list --format tsv:"
"$CCHC" evidence list --format tsv >> "$actual"
"$CCHC" evidence show 4 | grep -v '^file' >> "$actual"
"$CCHC" evidence show 4 | grep '^file' | cut -f1,2 >> "$actual"
note "score list: 1.3 has one record now"
"$CCHC" score list --year 2026 --format tsv | grep '^1\.3' >> "$actual"
# Tab in the file field completes the last path (after the last ";") from
# the folder's names: one match is put in ("k" -> ke-hoach.txt), a folder
# gets a "/", several are extended to their common beginning and listed
# (Down, Tab takes the second); "~/" is expanded from $HOME.
mkdir -p "$tmp/docs/anh"
printf 'a\n' > "$tmp/docs/ke-hoach.txt"
printf 'b\n' > "$tmp/docs/bao-cao-quy-1.txt"
printf 'c\n' > "$tmp/docs/bao-cao-quy-2.txt"
screen files 80x24 <<'S'
key 8 a
key <Tab> <Tab> <Tab> <Tab> <Tab> <Tab> <Tab>
type docs/k
key <Tab>
type ; docs/a
key <Tab>
type ; docs/b
key <Tab>
dump
key <Down> <Tab>
dump
key C-u
type ~/docs/k
key <Tab>
dump
S
# the temporary folder's name varies in length: squeeze the padding after it
sed "s|$tmp\(/docs/ke-hoach.txt\)  *│|\$TMP\1 │|" "$actual" > "$actual.sq"
mv "$actual.sq" "$actual"
check evidence-form
