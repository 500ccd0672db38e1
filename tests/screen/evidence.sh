#!/bin/sh
# The evidence screen (7, "Minh chứng"): records made with cchc evidence add
# (evidence-data.inc), ordered by date, with kind, number, dd/mm/yyyy date,
# summary and file count (0 tệp marked ^ as evidence.missing). K filters by
# kind ("bao" picks báo cáo), A shows all again, T by task (picked from the
# task list: "tham dinh du thao" finds no. 1), Y by year (2026), / by words
# of the summary or number. Enter shows a record: fields, files with sizes,
# linked criteria and tasks with their titles. g writes the files into a
# folder (then listed with their sizes); again, it asks "Ghi đè?" before
# replacing them. At 120x40 the tab bar shows the
# new screens.
. "$top_srcdir/tests/screen/lib.sh"
. "$screen_dir/tasks-data.inc"
. "$screen_dir/evidence-data.inc"
screen list 80x24 <<'S'
key 8
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
key 8 <Enter> g
type $tmp/out
dump
key <Enter>
dump
S
note "files written by g:"
for f in "$tmp/out"/*; do
	printf '%s %s\n' "$(basename "$f")" "$(wc -c < "$f")" >> "$actual"
done
# g again into the same folder, where a file has changed: it asks "Ghi đè?"
# naming the files; any key but c writes nothing, c replaces them.
printf 'sửa tay\n' > "$tmp/out/bao-cao.txt"
screen get-again 80x24 <<S
key 8 <Enter> g
type $tmp/out
key <Enter>
dump
key n
dump
S
note "bao-cao.txt after n: $(cat "$tmp/out/bao-cao.txt")"
screen get-overwrite 80x24 <<S
key 8 <Enter> g
type $tmp/out
key <Enter> c
dump
S
note "bao-cao.txt after c: $(cat "$tmp/out/bao-cao.txt")"
screen wide 120x40 <<'S'
key 8
dump
key j <Enter>
dump
S
# o opens a file with the desktop's viewer (here a stand-in that records
# its arguments): in the details of no. 2 (two files) it asks which, 1 by
# default, and 2 opens phu-luc.bin; on the row of no. 1 (one file) it opens
# it at once. The status line names the file; the stand-in got the copy in
# $XDG_RUNTIME_DIR/cchc.
mkdir -p "$tmp/run"
chmod 700 "$tmp/run"
printf '#!/bin/sh\nprintf "%%s\\n" "$*" >> "%s/opened"\n' "$tmp" > "$tmp/opener"
chmod +x "$tmp/opener"
export CCHC_OPENER="$tmp/opener" CCHC_OPENER_WAIT=1 XDG_RUNTIME_DIR="$tmp/run"
screen open 80x24 <<'S'
key 8 <Enter> o
dump
key C-u
type 2
key <Enter>
dump
key <Esc> j o
dump
S
note "opened:"
cat "$tmp/opened" >> "$actual"
check evidence
