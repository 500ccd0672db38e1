#!/bin/sh
# d and <Delete> on the register screens and the units screen: a question
# naming the record ("Xóa nhiệm vụ 4 «…»? [c/K]"); k (or any key but c)
# keeps it, c deletes it as one action, says so and names the trash; R
# lists it and restores it. Tasks (3; d used to mark a task done, x still
# does), evidence (8), units (5: a unit tasks name is refused with what
# names it; a unit no record names goes), then dossiers (0: one with a
# letter is refused until its letter, F11, is deleted), feedback (F12). The command line agrees
# with the screens after each. The trash's times come from the clock.
# D on an evidence record deletes one of its files, asked the same way.
. "$top_srcdir/tests/screen/lib.sh"
export USER=van-thu
. "$screen_dir/tasks-data.inc"
. "$screen_dir/evidence-data.inc"
"$CCHC" unit add "Tổ công nghệ thông tin" --code CNTT > /dev/null
# D on an evidence record: which file (no. 2 has two), then "Xóa tệp 2
# «phu-luc.bin» của tài liệu 2? [c/K]"; c takes that file alone away
screen evidence-file 80x24 <<'S'
key 8 /
type 120/BC
key <Enter> D
dump
type 2
key <Enter>
dump
key c
dump
S
note "evidence 2's files after D:"
"$CCHC" evidence show 2 | grep "^file:" | cut -f1 >> "$actual"
screen tasks-evidence 80x24 <<'S'
key 3 j j j d
dump
key k
dump
key <Delete> c
dump
key 8 d c
dump
key 5 j d c
dump
key j j d
dump
key c
dump
S
note "tasks on the command line after the deletes:"
"$CCHC" task list >> "$actual"
note "evidence:"
"$CCHC" evidence list --format tsv | cut -f1,2 >> "$actual"
note "trash:"
"$CCHC" trash | sed 's/^ *[0-9]*  [-0-9/: ]*  //' >> "$actual"
screen restore 80x24 <<'S'
key 3 R
dump
key <Down> <Down> <Enter> c
dump
S
note "tasks after restoring from the trash:"
"$CCHC" task list >> "$actual"
export CCHC_DB="$tmp/registers.db"
. "$screen_dir/registers-data.inc"
"$CCHC" letter add --dossier 000.00.18.H36-260128-0001 --date 20/02/2026 --new-date 10/03/2026 \
	--reason "Chờ ý kiến thẩm định" > /dev/null 2>&1
"$CCHC" feedback add --received 2026-05-10 --channel email --sender "Công ty Điện máy Kỳ Lừa" \
	--content "Chưa nhận được kết quả đúng hẹn" > /dev/null
screen registers 80x24 <<'S'
key 0 v v v /
type 260128
key <Enter> d c
dump
key <F11> d c
dump
key 0 d c
dump
key <F12> v v v d
dump
key c
dump
S
note "letters and feedback left:"
"$CCHC" letter list --format tsv | cut -f1-3 >> "$actual"
"$CCHC" feedback list --format tsv | cut -f1 | tr '\n' ' ' >> "$actual"
echo >> "$actual"
# the trash's times come from the clock
sed -E 's|[0-9]{2}/[0-9]{2}/[0-9]{4} [0-9]{2}:[0-9]{2}|DD/MM/YYYY HH:MM|g' "$actual" > "$actual.m"
mv "$actual.m" "$actual"
check register-delete
