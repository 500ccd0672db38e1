#!/bin/sh
# Importing a plan from the program (issue 17): i on the plan screen (or in
# the plan picker) asks for the file, Tab completes its name as in the
# evidence form, the encoding is detected or chosen, and the plan read is
# shown (number, title, count and tree of sections) before anything is
# stored: Esc stores nothing, Enter stores it and opens it, u takes it back.
# A missing file, an old .doc and UTF-16 without a BOM are refused with the
# importer's reasons in a box over the form (where it names --encoding, the
# box points to the encoding field); any key goes back to the form, the
# path kept for correcting.
. "$top_srcdir/tests/screen/lib.sh"
import "$FIXTURES/so-ngoai-vu-2024.txt"
mkdir "$tmp/plans"
cp "$FIXTURES/so-gtvt-2024.md" "$tmp/plans/ke-hoach-gtvt.md"
printf '\320\317\021\340\241\261\032\341rest of an old Word file' > "$tmp/plans/cu.doc"
iconv -f UTF-8 -t UTF-16LE "$FIXTURES/so-gtvt-2024.md" > "$tmp/plans/utf16.txt"
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
key C-u
type plans/utf16.txt
key C-o
dump
key <Space> <Esc> c
dump
S
# a text file in an old encoding: chosen in the encoding field (↓ lists the
# encodings, typing narrows them), the plan read in it
iconv -f UTF-8 -t WINDOWS-1258 "$FIXTURES/so-gtvt-2024.md" > "$tmp/plans/cp1258.md"
screen encoding 80x24 <<S
key <Esc> 2 i
type plans/cp1258.md
key <Down>
type win
dump
key <Enter> C-o
dump
key <Esc>
S
"$CCHC" plan list | cut -f1,3 > "plans/list"
note "plans after: $(tr '\t\n' ' |' < "plans/list")"
# the undo preview shows the action's time, from the clock
sed -E -e 's|[0-9]{2}/[0-9]{2}/[0-9]{4} [0-9]{2}:[0-9]{2}|DD/MM/YYYY HH:MM|g' \
	"$actual" > "$actual.masked" && mv "$actual.masked" "$actual"
check plan-import
