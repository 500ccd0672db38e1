#!/bin/sh
# The dossiers screen (0, "Hồ sơ") over the one-stop export
# (registers-data.inc, today 15/05/2026). It opens on the to-do list: the 18
# late dossiers without an apology letter, late rows in dossier.late (^),
# days late in working days, dates as dd/mm/yy at 80 columns. x on a row
# opens the letter form filled from the dossier (addressee, unit, today,
# signer); the date's hint says the letter will be "gửi muộn"; saved, the
# dossier leaves the to-do list (17) and the status line warns "gửi muộn"
# in the error element (#). v goes to "Trễ hạn", where the same dossier is
# still listed: x on it again is refused by the core, the message under the
# form (form.error, ^) and whole in the status line, the form kept with what
# was typed. In "Tất cả", / finds a holder by words without tones ("nong
# thi" finds Nông Thị Hạnh); Enter shows the dossier.
. "$top_srcdir/tests/screen/lib.sh"
. "$screen_dir/registers-data.inc"
screen todo 80x24 <<'S'
key 0
dump dossier.late
key j x
dump form.hint
type Chờ kết quả thẩm định của Phòng Quản lý thương mại
key <Tab>
type 29/05/2026
dump
key C-o
dump error
key v
dump
key j x
type Lần hai
key <Tab>
type 30/05/2026
key C-o
dump form.error error
key <Esc> c v v
key /
type nong thi
key <Enter>
dump match
key <Enter>
dump
S
note "letters after the run:"
"$CCHC" letter list --format tsv >> "$actual"
# a: a dossier typed in, its dates checked as typed; the core refuses a due
# date before the receipt (under Hạn xử lý); fixed, it is saved and shown
# first in "Tất cả". e edits it: the unit, picked from the list.
screen add 80x24 <<'S'
key 0 a
type 000.00.18.H36-260514-0001
key <Tab>
type Cấp Giấy phép bán lẻ sản phẩm rượu
key <Tab> <Tab>
type Hộ kinh doanh Đặng Văn Long
key <Tab> <Tab> <Tab> <Tab>
type 31/13/2026
dump form.error
key C-u
type 10/05/2026
key C-o
dump form.error
key C-u
type 28/05/2026
key C-o v v v
dump
key e <Tab> <Tab> <Tab> <Tab> <Tab> <Tab> <Tab> <Tab> <Tab> <Tab> C-u
type QLT
key <Down>
dump
key <Enter> C-o <Enter>
dump
S
# i: the path, then the encoding (empty: guessed); a missing file is told
# and its path kept for the next i. broken.csv (~/ is the home folder)
# shows its 4 good rows and every bad one with its line; Esc imports
# nothing, Enter imports the good ones (one of them updates a known dossier).
cp "$FIXTURES/dossiers/broken.csv" "$tmp/broken.csv"
screen import 80x24 <<'S'
key 0 i
type khong-co.csv
key <Enter> <Enter>
dump
key i
dump
key C-u
type ~/broken.csv
key <Enter> <Enter>
dump
key <Esc>
dump
key i <Enter> <Enter>
key <Enter>
dump
S
# Wide: the procedure has a column, dates are whole; the help lists the
# screen's keys; resizing to the minimum and back keeps the list drawn.
screen wide 120x40 <<'S'
key 0
dump
key ?
dump
key <Esc>
resize 60x16
dump
resize 100x30
dump
S
check dossiers
