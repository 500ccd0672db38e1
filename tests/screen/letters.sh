#!/bin/sh
# The apology letters screen (F11, "Phiếu xin lỗi") over three letters made
# with cchc letter add for dossiers of registers-data.inc: 01/PXL in time, 02/PXL sent late
# ("gửi muộn" in letter.late, ^), 03/PXL in quý II. K filters by report
# period ("2026-Q1" is 15/12/2025-14/03/2026: two letters; a bad period is
# told, the filter kept), U by unit (QLTM: 01/PXL and 03/PXL), / by words of
# the addressee without tones; Esc then shows every letter again, the cursor
# staying on the one found (02/PXL), and Enter shows it. e edits a letter: a new date
# not after the original due date is refused as typed and by the core on
# saving (under the field, form kept), then a good one is saved. p asks the
# format (docx), then the file (default ~/phieu-xin-loi-01-PXL.docx) and
# writes it: its word/document.xml holds the letter's number; a folder that
# does not exist is offered for creation ("Tạo thư mục? [c/K]"); k makes
# nothing.
. "$top_srcdir/tests/screen/lib.sh"
. "$screen_dir/registers-data.inc"
letter() {
	"$CCHC" letter add "$@" > /dev/null 2>&1
}
letter --dossier 000.00.18.H36-260128-0001 --date 20/02/2026 --new-date 10/03/2026 \
	--reason "Chờ ý kiến thẩm định của Cục Quản lý thị trường" --channel giấy
letter --dossier 000.00.18.H36-260227-0001 --date 10/03/2026 --new-date 20/03/2026 \
	--reason "Thiếu bản sao giấy phép đăng ký kinh doanh"
letter --dossier 000.00.18.H36-260313-0001 --date 02/04/2026 --new-date 20/04/2026 \
	--reason "Phải kiểm tra thực tế cửa hàng" --channel email
screen list 80x24 <<'S'
key <F11>
dump letter.late
key K
type 2026-Q1
key <Enter>
dump
key K C-u
type 2026-Q9
key <Enter>
dump
key K C-u <Enter> U
type qltm
key <Enter>
dump
key U <Enter> /
type cua hang dien
key <Enter>
dump match
key <Esc> <Enter>
dump
S
screen edit 80x24 <<'S'
key <F11> e <Tab> <Tab> C-u
type 20/02/2026
dump form.error
key C-o
dump form.error error
key C-u
type 17/03/2026
key C-o
dump
key <Enter>
dump
S
screen print 80x24 <<'S'
key <F11> p
dump
key <Enter>
dump
key <Enter>
dump
key j p <Down> <Down> <Down> <Enter> C-u
type /khong-co-thu-muc/phieu.html
key <Enter>
dump
key k
dump
S
note "word/document.xml of ~/phieu-xin-loi-01-PXL.docx holds the number:"
if command -v unzip > /dev/null 2>&1; then
	unzip -p "$tmp/phieu-xin-loi-01-PXL.docx" word/document.xml > "$tmp/document.xml"
else
	python3 -c 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode())' \
		"$tmp/phieu-xin-loi-01-PXL.docx" > "$tmp/document.xml"
fi
grep -o 'Số: 01/PXL' "$tmp/document.xml" | head -1 >> "$actual"
screen wide 120x40 <<'S'
key <F11>
dump
resize 60x16
dump
S
check letters
