#!/bin/sh
# Importing a plan from the program (issue 17): i on the plan screen (or in
# the plan picker) asks for the file, Tab completes its name as in the
# evidence form, and the plan read is shown (number, title, count and tree
# of sections) before anything is stored: Esc stores nothing, Enter stores
# it and opens it, u takes it back. A missing file and an old .doc are
# refused with the importer's reasons in a box over the form; any key goes
# back to the form, the path kept for correcting.
. "$top_srcdir/tests/screen/lib.sh"
import "$FIXTURES/so-ngoai-vu-2024.txt"
mkdir "$tmp/plans"
cp "$FIXTURES/so-gtvt-2024.md" "$tmp/plans/ke-hoach-gtvt.md"
printf '\320\317\021\340\241\261\032\341rest of an old Word file' > "$tmp/plans/cu.doc"
cd "$tmp"   # paths typed relative: the same screens whatever TMPDIR is
screen import 80x24 <<S
key <Esc> 2 i
dump
type plans/ke-h
key <Tab>
dump
key C-o
dump
key <Esc>
dump
key p i
type plans/ke-h
key <Tab> C-o <Enter>
dump
key u
dump
key c
dump
S
screen refused 80x24 <<S
key <Esc> 2 i
type plans/khong-co.txt
key C-o
dump
key <Space> C-u
type plans/cu.doc
key C-o
dump
key <Space>
dump
key <Esc>
dump
S
"$CCHC" plan list | cut -f1,3 > "plans/list"
note "plans after: $(tr '\t\n' ' |' < "plans/list")"
# the undo preview shows the action's time, from the clock
sed -E -e 's|[0-9]{2}/[0-9]{2}/[0-9]{4} [0-9]{2}:[0-9]{2}|DD/MM/YYYY HH:MM|g' \
	"$actual" > "$actual.masked" && mv "$actual.masked" "$actual"
check plan-import
