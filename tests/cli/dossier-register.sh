#!/bin/sh
# The dossier register (Sổ theo dõi hồ sơ, Mẫu 07 of Thông tư 03/2025/TT-VPCP)
# for a period: the dossiers received in it, in the order received, one row
# each; its columns and three header rows (the "Trả kết quả" group merged);
# dates as dates in xlsx; the unit filter; the output conventions of report
# (FS_NEW unless --force, --out - for text).
. "${top_srcdir:-.}/tests/cli/lib.sh"
export CCHC_TODAY=2026-11-24
"$CCHC" unit add "Phòng Quản lý Thương mại" --code QLTM >/dev/null || fail unit
"$CCHC" unit add "Phòng Quản lý Năng lượng" --code QLNL >/dev/null || fail unit
"$CCHC" setting set org.name "Sở Công Thương" >/dev/null || fail setting
"$CCHC" setting set org.place "Lạng Sơn" >/dev/null || fail setting
"$CCHC" setting set org.parent "UBND TỈNH LẠNG SƠN" >/dev/null || fail setting
add() { # code received due resolved unit channel
	"$CCHC" dossier add --code "$1" --received "$2" --due "$3" ${4:+--resolved "$4"} --unit "$5" \
		--channel "$6" --holder "Hộ kinh doanh số ${1#R-}" --address "Số 5 Lê Lợi, phường Vĩnh Trại" \
		--contact "0912 000 111" --procedure "Cấp Giấy phép bán lẻ sản phẩm rượu" >/dev/null ||
		fail "dossier $1"
}
# Q3 2026 is 15/06/2026..14/09/2026 (cut-off day 15)
add R-03 20/07/2026 31/07/2026 30/07/2026 QLTM "trực tiếp"
add R-01 15/06/2026 26/06/2026 01/07/2026 QLTM "trực tuyến"
add R-02 01/07/2026 10/07/2026 "" QLNL "bưu chính"
add R-04 14/09/2026 25/09/2026 "" QLTM "trực tiếp"
add R-00 14/06/2026 25/06/2026 25/06/2026 QLTM "trực tiếp"   # before the period
add R-05 15/09/2026 28/09/2026 "" QLTM "trực tiếp"           # after it
"$CCHC" letter add --dossier R-01 --reason "Chờ ý kiến" --new-date 03/07/2026 --date 25/06/2026 \
	>/dev/null 2>&1 || fail letter

# ---- text: rows in the order received, only the period's
run "$CCHC" dossier register --period 2026-Q3 --format md --out -
expect_rc 0
cp "$T/out" "$T/reg.md"
expect_grep "SỔ THEO DÕI HỒ SƠ" "$T/reg.md"
[ "$(grep -o 'R-0[0-9]' "$T/reg.md" | tr '\n' ' ')" = "R-01 R-02 R-03 R-04 " ] ||
	fail "rows: $(grep -o 'R-0[0-9]' "$T/reg.md" | tr '\n' ' ')"
expect_grep "Trả quá hạn 3 ngày làm việc" "$T/reg.md"
expect_grep "Văn bản xin lỗi số 01/PXL" "$T/reg.md"
expect_grep "Nộp trực tuyến" "$T/reg.md"
# open and past due at the period's end: 10/07 to 14/09/2026 less 1-2/9 (Quốc khánh)
expect_grep "Quá hạn 44 ngày làm việc" "$T/reg.md"
run "$CCHC" dossier register --period 2026-Q3 --unit QLNL --format md --out -
expect_rc 0
[ "$(grep -o 'R-0[0-9]' "$T/out" | tr '\n' ' ')" = "R-02 " ] || fail "unit QLNL: $(cat "$T/out")"
expect_grep "Phòng Quản lý Năng lượng" "$T/out"
run "$CCHC" dossier register --period 2025-Q1 --format md --out -
expect_rc 0
expect_grep "không có hồ sơ nào tiếp nhận trong quý I năm 2025" "$T/err"

# ---- csv: the columns, the three header rows, one row per dossier
run "$CCHC" dossier register --period 2026-Q3 --format csv --out "$T/reg.csv"
expect_rc 0
[ "$(wc -l <"$T/reg.csv")" -eq 7 ] || fail "csv lines: $(cat "$T/reg.csv")"
for h in "STT" "Mã hồ sơ" "Tên thủ tục hành chính" "Số lượng hồ sơ (bộ)" "Tên tổ chức, cá nhân" \
	"Địa chỉ, số điện thoại" "Cơ quan chủ trì giải quyết" "Ngày nhận hồ sơ" \
	"Ngày hẹn trả kết quả" "Trả kết quả cho tổ chức, cá nhân" "Ngày, tháng, năm" "Ký nhận" \
	"Ghi chú" "(12)"; do
	expect_grep "$h" "$T/reg.csv"
done
expect_grep "R-01,Cấp Giấy phép bán lẻ sản phẩm rượu,1,Hộ kinh doanh số 01" "$T/reg.csv"

# ---- docx: one landscape table, merged group header
run "$CCHC" dossier register --period 2026-Q3 --format docx --out "$T/reg.docx"
expect_rc 0
unzip -p "$T/reg.docx" word/document.xml >"$T/reg.xml" || fail "docx without document.xml"
[ "$(grep -o '<w:tbl>' "$T/reg.xml" | wc -l)" -ge 1 ] || fail "no table in the docx"
expect_grep "SỔ THEO DÕI HỒ SƠ" "$T/reg.xml"
expect_grep "Trả kết quả cho tổ chức, cá nhân" "$T/reg.xml"
# the header shares the table's landscape page: one section, landscape (a
# portrait first page would carry the header and the title alone)
[ "$(grep -o '<w:sectPr>' "$T/reg.xml" | wc -l)" -eq 1 ] ||
	fail "the register has $(grep -o '<w:sectPr>' "$T/reg.xml" | wc -l) sections, not one"
expect_grep 'w:orient="landscape"' "$T/reg.xml"
# html: the header printed on the landscape page too (same named page)
run "$CCHC" dossier register --period 2026-Q3 --format html --out -
expect_rc 0
awk '/<body>/ { b = 1 } b' "$T/out" | grep -v '^$' | sed -n 2p >"$T/first"
expect_grep '<div class="landscape">' "$T/first"
# an existing file is kept without --force, replaced with it
run "$CCHC" dossier register --period 2026-Q3 --format docx --out "$T/reg.docx"
expect_rc 1
expect_grep "--force" "$T/err"
run "$CCHC" dossier register --period 2026-Q3 --format docx --out "$T/reg.docx" --force
expect_rc 0
run "$CCHC" dossier register --period 2026-Q3 --format docx --out -
expect_rc 2
run "$CCHC" dossier register --period 2026-Q3 --unit KHONG --format md --out -
expect_rc 1
expect_grep 'Không có đơn vị mã "KHONG"' "$T/err"
run "$CCHC" dossier register --period 2026-Q3 --format pdf --out "$T/x.pdf"
expect_rc 2

# ---- xlsx read back: the sheet, merged header cells, dates as dates
py=python3
[ -x /usr/bin/python3 ] && py=/usr/bin/python3
if "$py" -c 'import openpyxl' 2>/dev/null; then
	run "$CCHC" dossier register --period 2026-Q3 --format xlsx --out "$T/reg.xlsx"
	expect_rc 0
	"$py" - "$T/reg.xlsx" >"$T/xl" <<'EOPY' || fail "openpyxl cannot read the register"
import sys, openpyxl, datetime
wb = openpyxl.load_workbook(sys.argv[1])
print("sheets", wb.sheetnames)
ws = wb.worksheets[0]
rows = [r for r in ws.iter_rows(values_only=True)]
codes = [r[1] for r in rows if r and isinstance(r[1], str) and r[1].startswith("R-")]
print("codes", " ".join(codes))
for r in ws.iter_rows():
    for c in r:
        if isinstance(c.value, datetime.datetime):
            print("date", c.value.strftime("%d/%m/%Y"), c.number_format)
print("merged", " ".join(sorted(str(m) for m in ws.merged_cells.ranges)))
EOPY
	expect_grep "codes R-01 R-02 R-03 R-04" "$T/xl"
	# dates as dates, the sheet named, the group header merged
	expect_grep "date 15/06/2026" "$T/xl"
	expect_grep "date 01/07/2026" "$T/xl"
	expect_grep "Sổ theo dõi hồ sơ" "$T/xl"
	expect_grep "J3:K3" "$T/xl"   # below the agency and the title
fi
exit 0
