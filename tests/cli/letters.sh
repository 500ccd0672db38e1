#!/bin/sh
# Apology letters: numbering per year from the pattern in settings, every
# rule (new date after the old one, one letter per dossier, "gửi muộn" when
# dated after the working day before the due date — across weekends and
# holidays), the template chosen by the letter's date, and the printed letter
# read back: docx XML (and python-docx when installed), txt in TCVN3, md.
. "${top_srcdir:-.}/tests/cli/lib.sh"
export CCHC_TODAY=2026-11-24
"$CCHC" unit add "Phòng Quản lý Thương mại" --code QLTM >/dev/null || fail unit
"$CCHC" unit add "Văn phòng Sở" --code VP >/dev/null || fail unit
"$CCHC" setting set org.name "Sở Công Thương" >/dev/null || fail setting
"$CCHC" setting set org.place "Lạng Sơn" >/dev/null || fail setting
"$CCHC" setting set org.parent "UBND TỈNH LẠNG SƠN" >/dev/null || fail setting
"$CCHC" setting set letter.signer "Liễu Anh Minh" >/dev/null || fail setting
add() { # code received due [resolved]
	"$CCHC" dossier add --code "$1" --received "$2" --due "$3" ${4:+--resolved "$4"} --unit QLTM \
		--holder "Nguyễn Thị Hoa" --address "Số 5 Lê Lợi, phường Vĩnh Trại" \
		--contact "0912 000 111" --procedure "Cấp Giấy phép bán lẻ sản phẩm rượu" >/dev/null ||
		fail "dossier $1"
}
add PXL-1 02/03/2026 12/03/2026          # Thursday: send by Wednesday 11/03
add PXL-2 26/02/2026 09/03/2026          # Monday: send by Friday 06/03
add PXL-3 30/06/2025 10/07/2025 15/07/2025   # its letter is dated before 15/9/2025: the 2018 form
add PXL-4 01/07/2025 08/07/2025          # received under Nghị định 118/2025, letter before the 2025 form
add PXL-5 01/04/2026 28/04/2026          # 27/04/2026 is a day off (Giỗ Tổ, moved)
add PXL-6 02/03/2026 12/03/2026 11/03/2026   # resolved early: no letter
"$CCHC" dossier add --code PXL-7 --received 02/03/2026 >/dev/null || fail "dossier PXL-7"

# ---- a letter in time; the number follows the pattern
run "$CCHC" letter add --dossier PXL-1 --reason "Hồ sơ phải lấy ý kiến Sở Xây dựng." \
	--new-date 20/03/2026 --date 11/03/2026
expect_rc 0
[ "$(cat "$T/out")" = 1 ] || fail "id $(cat "$T/out")"
expect_no_grep "gửi muộn" "$T/err"
run "$CCHC" letter show 1
expect_grep "Số phiếu: 01/PXL" "$T/out"
expect_grep "Người nhận: Nguyễn Thị Hoa" "$T/out"
expect_grep "Hạn trả cũ: 12/03/2026" "$T/out"
expect_grep "Đơn vị chậm trễ: Phòng Quản lý Thương mại" "$T/out"
expect_grep "Người ký: KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC Liễu Anh Minh" "$T/out"
expect_grep "Gửi muộn: không" "$T/out"
expect_grep "Mẫu: data/templates/letter-2025.txt" "$T/out"

# ---- a dossier is re-appointed only once
run "$CCHC" letter add --dossier PXL-1 --reason "Lần nữa" --new-date 30/03/2026 --date 19/03/2026
expect_rc 1
expect_grep "Hồ sơ PXL-1 đã có phiếu xin lỗi số 01/PXL: mỗi hồ sơ chỉ được hẹn lại một lần" "$T/err"

# ---- the new date must be after the original due date (and the letter)
run "$CCHC" letter add --dossier PXL-2 --reason "Thiếu hồ sơ" --new-date 09/03/2026 --date 05/03/2026
expect_rc 1
expect_grep "Ngày hẹn mới 09/03/2026 phải sau hạn trả kết quả cũ 09/03/2026" "$T/err"
run "$CCHC" letter add --dossier PXL-2 --reason "Thiếu hồ sơ" --new-date 01/03/2026 --date 05/03/2026
expect_rc 1
expect_grep "phải sau hạn trả kết quả cũ" "$T/err"
run "$CCHC" letter add --dossier PXL-2 --reason "Thiếu hồ sơ" --new-date 10/03/2026 --date 12/03/2026
expect_rc 1
expect_grep "Ngày hẹn mới 10/03/2026 phải sau ngày của phiếu 12/03/2026" "$T/err"
run "$CCHC" letter add --dossier PXL-2 --new-date 16/03/2026
expect_rc 2
run "$CCHC" letter add --dossier PXL-2 --reason "   " --new-date 16/03/2026
expect_rc 1
expect_grep "phải nêu lý do" "$T/err"

# ---- a letter is dated the day it is signed: never after today
run "$CCHC" letter add --dossier PXL-2 --reason "Thiếu hồ sơ" --new-date 30/11/2026 --date 25/11/2026
expect_rc 1
expect_grep "Ngày phiếu 25/11/2026 sau hôm nay (24/11/2026): phiếu chỉ ghi ngày đã ký" "$T/err"

# ---- "gửi muộn": after the working day before the due date; a weekend in between
run "$CCHC" letter add --dossier PXL-2 --reason "Thiếu hồ sơ" --new-date 16/03/2026 --date 07/03/2026
expect_rc 0
expect_grep "gửi muộn" "$T/err"
run "$CCHC" letter show 2
expect_grep "Gửi muộn: có" "$T/out"
# editing the date to the Friday before the Monday due date clears the flag
run "$CCHC" letter edit 2 --date 06/03/2026 --channel "thư điện tử" --sent 06/03/2026
expect_rc 0
run "$CCHC" letter show 2
expect_grep "Gửi muộn: không" "$T/out"
expect_grep "Cách gửi: thư điện tử" "$T/out"
run "$CCHC" letter edit 2 --new-date 08/03/2026
expect_rc 1
expect_grep "phải sau hạn trả kết quả cũ 09/03/2026" "$T/err"
run "$CCHC" letter edit 2 --channel fax
expect_rc 1
run "$CCHC" letter edit 2 --dossier PXL-5
expect_rc 2
# a holiday: due Tuesday 28/04/2026, Monday 27/04 is off, so the limit is Friday 24/04
run "$CCHC" letter add --dossier PXL-5 --reason "Chờ kết quả kiểm tra" --new-date 08/05/2026 \
	--date 24/04/2026
expect_rc 0
expect_no_grep "gửi muộn" "$T/err"
run "$CCHC" letter edit 3 --date 27/04/2026
expect_grep "gửi muộn" "$T/err"

# ---- dossiers that cannot have a letter
run "$CCHC" letter add --dossier PXL-6 --reason x --new-date 20/03/2026 --date 10/03/2026
expect_rc 1
expect_grep "đúng hạn (hạn 12/03/2026): không cần phiếu xin lỗi" "$T/err"
run "$CCHC" letter add --dossier PXL-7 --reason x --new-date 20/03/2026 --date 10/03/2026
expect_rc 1
expect_grep "chưa có hạn xử lý" "$T/err"
run "$CCHC" letter add --dossier KHONG-CO --reason x --new-date 20/03/2026
expect_rc 1
expect_grep 'Không có hồ sơ mã "KHONG-CO"' "$T/err"
run "$CCHC" letter add --dossier PXL-4 --reason x --new-date 20/07/2025 --date 30/06/2025
expect_rc 1
expect_grep "trước ngày tiếp nhận hồ sơ" "$T/err"

# ---- numbering restarts each year; the pattern comes from settings
"$CCHC" setting set letter.number "{n}/PXL-SCT" >/dev/null || fail pattern
run "$CCHC" letter add --dossier PXL-3 --reason "Phải xác minh thực địa" --new-date 18/07/2025 \
	--date 09/07/2025 --addressee "Bà Nguyễn Thị Hoa" --signer "Hoàng Văn Long"
expect_rc 0
run "$CCHC" letter add --dossier PXL-4 --reason "Phải xác minh thực địa" --new-date 15/07/2025 \
	--date 07/07/2025
expect_rc 0
run "$CCHC" letter list --format tsv
expect_rc 0
cat >"$T/want" <<'EOT'
4	01/PXL-SCT	PXL-3	2025-07-09	2025-07-18	
5	02/PXL-SCT	PXL-4	2025-07-07	2025-07-15	
2	02/PXL	PXL-2	2026-03-06	2026-03-16	
1	01/PXL	PXL-1	2026-03-11	2026-03-20	
3	03/PXL	PXL-5	2026-04-27	2026-05-08	gui-muon
EOT
sort -k4,4 -k1,1n "$T/want" >"$T/want.sorted"
expect_file "$T/want.sorted" "$T/out"
run "$CCHC" letter show 4
expect_grep "Mẫu: data/templates/letter-2018.txt" "$T/out"
run "$CCHC" letter list --period 2026-Q1 --format tsv
[ "$(cut -f1 "$T/out" | tr '\n' ' ')" = "2 1 " ] || fail "period 2026-Q1: $(cat "$T/out")"
run "$CCHC" letter list --late --format tsv
[ "$(cut -f1 "$T/out")" = 3 ] || fail "late only: $(cat "$T/out")"
run "$CCHC" letter list --unit VP --format tsv
[ ! -s "$T/out" ] || fail "unit VP has no letters"
run "$CCHC" letter stats --period 2026 --format tsv
expect_grep "letters	3" "$T/out"
expect_grep "letters_late	1" "$T/out"

# ---- printing: docx laid out as an official document
run "$CCHC" letter print 1 --format docx --out "$T/phieu.docx"
expect_rc 0
[ -s "$T/phieu.docx" ] || fail "no docx"
ls "$T" | grep -q '\.tmp' && fail "a temporary file was left behind"
xml() { python3 -c 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())' "$1" "$2"; }
if command -v python3 >/dev/null; then
	xml "$T/phieu.docx" word/document.xml >"$T/doc.xml" || fail "docx is not a zip with word/document.xml"
	xml "$T/phieu.docx" word/styles.xml >"$T/styles.xml" || fail "docx without word/styles.xml"
	expect_grep "Times New Roman" "$T/styles.xml"
	for s in "UBND TỈNH LẠNG SƠN" "SỞ CÔNG THƯƠNG" "Số: 01/PXL" "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" \
		"Độc lập - Tự do - Hạnh phúc" "Lạng Sơn, ngày 11 tháng 3 năm 2026" \
		"VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT" "PXL-1" \
		"Hồ sơ phải lấy ý kiến Sở Xây dựng" "ngày 20/03/2026" "Nghị định số 118/2025/NĐ-CP" \
		"Nơi nhận:" "Lưu: VT, QLTM." "KT. GIÁM ĐỐC" "Liễu Anh Minh" 'w:w="11906"' "<w:i/>" "<w:u w:val=\"single\"/>"; do
		expect_grep "$s" "$T/doc.xml"
	done
	# the reason's own full stop is not doubled
	expect_no_grep "Sở Xây dựng.." "$T/doc.xml"
fi
# an independent reader: python-docx (Debian's python3-docx) opens it
for py in python3 /usr/bin/python3; do
	if "$py" -c 'import docx' 2>/dev/null; then
		"$py" - "$T/phieu.docx" >"$T/read" <<'EOPY' || fail "python-docx cannot read the letter"
import sys, docx
d = docx.Document(sys.argv[1])
for p in d.paragraphs:
    print(p.text)
for t in d.tables:
    for r in t.rows:
        print(" | ".join(c.text for c in r.cells))
s = d.sections[0]
print("page %.0fx%.0f left %.0f" % (s.page_width.mm, s.page_height.mm, s.left_margin.mm))
EOPY
		expect_grep "Kính gửi: Nguyễn Thị Hoa" "$T/read"
		expect_grep "page 210x297 left 30" "$T/read"
		expect_grep "Số: 01/PXL | Lạng Sơn, ngày 11 tháng 3 năm 2026" "$T/read"
		break
	fi
done
# the 2018 form for a letter dated before 15/9/2025
run "$CCHC" letter print 4 --format txt --out "$T/phieu4.txt"
expect_rc 0
expect_grep "Số: 01/PXL-SCT" "$T/phieu4.txt"
expect_grep "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" "$T/phieu4.txt"
expect_grep "Lạng Sơn, ngày 09 tháng 7 năm 2025" "$T/phieu4.txt"
expect_grep "Kính gửi: Bà Nguyễn Thị Hoa" "$T/phieu4.txt"
expect_grep "Hoàng Văn Long" "$T/phieu4.txt"
expect_no_grep "118/2025" "$T/phieu4.txt"
# txt in a legacy encoding, md
run "$CCHC" letter print 1 --format txt --encoding tcvn3 --out "$T/phieu-tcvn3.txt"
expect_rc 0
iconv -f TCVN5712-1 -t UTF-8 "$T/phieu-tcvn3.txt" >"$T/back.txt" || fail "not TCVN3"
expect_grep "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT" "$T/back.txt"
run "$CCHC" letter print 1 --format md --out "$T/phieu.md"
expect_rc 0
expect_grep "VĂN BẢN XIN LỖI" "$T/phieu.md"
# --out - prints it, as report --out - does (no file named "-")
run sh -c 'cd "$1" && exec "$2" letter print 4 --format txt --out -' sh "$T" "$CCHC"
expect_rc 0
diff "$T/phieu4.txt" "$T/out" >&2 || fail "letter print --out - differs from the file"
[ ! -e "$T/-" ] || fail "a file named - was written"
run "$CCHC" letter print 4 --format docx --out -
expect_rc 2
# errors leave nothing behind
run "$CCHC" letter print 1 --format docx --out "$T/khong-co/phieu.docx"
expect_rc 1
[ ! -e "$T/khong-co" ] || fail "a folder was created"
run "$CCHC" letter print 1 --format pdf --out "$T/x.pdf"
expect_rc 2
run "$CCHC" letter print 1 --format xlsx --out "$T/x.xlsx"
expect_rc 2
expect_grep "phiếu chỉ in được docx, txt, md hoặc html" "$T/err"
run "$CCHC" letter print 1 --format docx --encoding tcvn3 --out "$T/x.docx"
expect_rc 2
run "$CCHC" letter print 99 --format docx --out "$T/x.docx"
expect_rc 1
[ ! -e "$T/x.docx" ] || fail "a file for a missing letter"
# without the agency's name a letter cannot be printed
"$CCHC" setting reset org.name >/dev/null
run "$CCHC" letter print 1 --format txt --out "$T/y.txt"
expect_rc 1
expect_grep "cchc setting set org.name" "$T/err"
exit 0
