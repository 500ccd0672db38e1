#!/bin/sh
# The periodic report: figures equal to a hand-checked sample of records
# (tasks by reform area, dossiers, letters, feedback), the clerk's notes
# carried into the export, and every format produced and read back.
#
# The sample, for 2026-Q1 = 15/12/2025 .. 14/03/2026 (as of 14/03/2026):
#   T1 thể chế   due 31/01/2026, done 20/01/2026   done in the period, with evidence
#   T2 thể chế   due 30/06/2026, open              not overdue, not due within 3 months
#   T3 TTHC      due 28/02/2026, open              overdue: 10 working days at 14/03
#   T4 TTHC      due 01/12/2025, done 10/12/2025   done before the period
#   T5 công vụ   due 31/03/2026, open              due within three months
#   T6 số        due 10/03/2026, done 12/03/2026   done in the period
#   T7 chỉ đạo   due 01/03/2026, paused            never overdue
#   T8 (no area) due 30/04/2026, done 01/04/2026   done after the period: open at its
#                                                  end, and due within three months
# => 3/8 done (T1 T4 T6) = 37,50%; 1 overdue (T3); thể chế 1/2, TTHC 1/2,
#    công vụ 0/1, số 1/1, chỉ đạo 0/1, khác 0/1.
# Dossiers: tests/fixtures/dossiers/mot-cua-2026.csv (worksheet beside it).
# Letters: one, for a dossier resolved late in the period: 7 late, 1 with a
#    letter = 14,29%.
# Feedback: F1 received 05/01, assigned, answered 20/01 (on time); F2
#    received 02/03, assigned, due 30/03: pending, not overdue.
. "${top_srcdir:-.}/tests/cli/lib.sh"
export CCHC_TODAY=2026-11-24
D="$FIXTURES/dossiers"
"$CCHC" plan import "$FIXTURES/so-cong-thuong-2024.txt" >/dev/null 2>&1 || fail import
for u in "Văn phòng Sở:VP" "Phòng Quản lý Thương mại:QLTM" "Phòng Quản lý Công nghiệp:QLCN" \
	"Phòng Quản lý Năng lượng:QLNL"; do
	"$CCHC" unit add "${u%:*}" --code "${u#*:}" >/dev/null || fail "unit $u"
done
"$CCHC" setting set org.name "Sở Công Thương" >/dev/null
"$CCHC" setting set org.place "Lạng Sơn" >/dev/null
"$CCHC" setting set report.number "/BC-SCT" >/dev/null
"$CCHC" setting set report.signer "Liễu Anh Minh" >/dev/null
task() { # section title lead due
	"$CCHC" task add --section "$1" --title "$2" --lead "$3" --due "$4" || fail "task $2"
}
task 5 "Rà soát văn bản quy phạm pháp luật" VP 31/01/2026 >/dev/null
task 5 "Xây dựng quy chế phối hợp" VP 30/06/2026 >/dev/null
task 6 "Số hóa kết quả giải quyết thủ tục hành chính" QLTM 28/02/2026 >/dev/null
task 6 "Công bố danh mục thủ tục hành chính" QLTM 01/12/2025 >/dev/null
task 8 "Đánh giá công chức theo tháng" VP 31/03/2026 >/dev/null
task 10 "Triển khai hệ thống quản lý văn bản" QLCN 10/03/2026 >/dev/null
task 4 "Kiểm tra công tác cải cách hành chính" VP 01/03/2026 >/dev/null
task 2 "Tổng kết công tác năm" VP 30/04/2026 >/dev/null
"$CCHC" task done 1 --date 20/01/2026 >/dev/null || fail done1
"$CCHC" task done 4 --date 10/12/2025 >/dev/null || fail done4
"$CCHC" task done 6 --date 12/03/2026 >/dev/null || fail done6
"$CCHC" task done 8 --date 01/04/2026 >/dev/null || fail done8
"$CCHC" task edit 7 --status paused >/dev/null || fail paused
"$CCHC" evidence add --kind "quyết định" --task 1 --number 12/QĐ-SCT --date 20/01/2026 \
	--summary "Ban hành kết quả rà soát" >/dev/null || fail evidence
"$CCHC" dossier import "$D/mot-cua-2026.csv" >/dev/null || fail dossiers
"$CCHC" letter add --dossier 000.00.18.H36-260305-0001 --reason "Chờ ý kiến phối hợp" \
	--new-date 20/03/2026 --date 10/03/2026 >/dev/null 2>&1 || fail letter
"$CCHC" feedback add --received 05/01/2026 --channel "cổng dvc" --sender "Nguyễn Văn A" \
	--content "Chậm cấp phép" >/dev/null || fail fb1
"$CCHC" feedback assign 1 --unit QLTM --date 06/01/2026 >/dev/null || fail assign1
"$CCHC" feedback answer 1 --date 20/01/2026 --text "Đã cấp phép" >/dev/null || fail answer1
"$CCHC" feedback add --received 02/03/2026 --channel "văn bản" --sender "Trần Thị B" \
	--content "Đề nghị hướng dẫn" >/dev/null || fail fb2
"$CCHC" feedback assign 2 --unit VP --date 03/03/2026 >/dev/null || fail assign2
"$CCHC" report note --period 2026-Q1 --section uu-diem \
	--text "Lãnh đạo Sở quan tâm chỉ đạo sát sao." >/dev/null || fail note
printf 'Đề nghị Sở Nội vụ tập huấn.\nĐề nghị bổ sung kinh phí.\n' >"$T/kn.txt"
"$CCHC" report note --period 2026-Q1 --section kien-nghi --file "$T/kn.txt" >/dev/null || fail note2

# ---- the text report
run "$CCHC" report --period 2026-Q1 --format txt --out "$T/bc.txt" --date 16/03/2026
expect_rc 0
tr -s ' \n' ' ' <"$T/bc.txt" >"$T/flat"   # sentences wrap; compare them on one line
for s in "SỞ CÔNG THƯƠNG" "Số: /BC-SCT" "Lạng Sơn, ngày 16 tháng 3 năm 2026" "BÁO CÁO" \
	"Kết quả thực hiện công tác cải cách hành chính quý I năm 2026" \
	"(số liệu tính từ ngày 15/12/2025 đến ngày 14/03/2026)" \
	"I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH" \
	"Tính đến ngày 14/03/2026, Sở đã hoàn thành 3/8 nhiệm vụ, đạt 37,50%; 1 nhiệm vụ quá hạn" \
	"- Cải cách thể chế: hoàn thành 1/2 nhiệm vụ, đạt 50,00%." \
	"- Cải cách thủ tục hành chính: hoàn thành 1/2 nhiệm vụ, đạt 50,00%." \
	"- Cải cách chế độ công vụ: hoàn thành 0/1 nhiệm vụ, đạt 0,00%." \
	"Chính quyền số: hoàn thành 1/1 nhiệm vụ, đạt 100,00%." \
	"- Nhiệm vụ khác: hoàn thành 0/1 nhiệm vụ, đạt 0,00%." \
	"- Rà soát văn bản quy phạm pháp luật (Văn phòng Sở, hoàn thành ngày 20/01/2026); tài liệu kiểm chứng: Quyết định số 12/QĐ-SCT ngày 20/01/2026 về việc ban hành kết quả rà soát." \
	"nhận giải quyết 33 hồ sơ thủ tục hành chính (tiếp nhận trực tuyến 12; trực tiếp và qua dịch vụ bưu chính công ích 14; kỳ trước chuyển sang 7); đã giải quyết 24 hồ sơ (trước hạn 11, đúng hạn 6, quá hạn 7), tỷ lệ giải quyết đúng hạn đạt 70,83%; đang giải quyết 9 hồ sơ (trong hạn 4, quá hạn 5)." \
	"Trong kỳ có 7 hồ sơ giải quyết quá hạn, trong đó 1 hồ sơ đã có văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết (đạt 14,29%); Sở đã ban hành 1 văn bản xin lỗi, 1 văn bản gửi đúng thời hạn, 0 văn bản gửi muộn." \
	"Tiếp nhận 2 phản ánh, kiến nghị (kỳ trước chuyển sang 0); đã xử lý 1 (đúng hạn 1, trễ hạn 0); đang xử lý 1 (quá hạn 0)" \
	"Lãnh đạo Sở quan tâm chỉ đạo sát sao." \
	"Còn 1 nhiệm vụ quá hạn chưa hoàn thành:" \
	"- Số hóa kết quả giải quyết thủ tục hành chính (đơn vị chủ trì: Phòng Quản lý Thương mại; hạn 28/02/2026, quá hạn)." \
	"Hoàn thành 2 nhiệm vụ đến hạn trong ba tháng tới:" \
	"- Đánh giá công chức theo tháng (đơn vị chủ trì: Văn phòng Sở; hạn 31/03/2026)." \
	"- Tổng kết công tác năm (đơn vị chủ trì: Văn phòng Sở; hạn 30/04/2026)." \
	"Đề nghị Sở Nội vụ tập huấn." "Đề nghị bổ sung kinh phí." \
	"Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính quý I năm 2026 của Sở Công Thương./." \
	"Biểu 4a. Tình hình, kết quả giải quyết thủ tục hành chính theo đơn vị" \
	"Biểu 4b. Tình hình, kết quả giải quyết thủ tục hành chính theo lĩnh vực" "Nơi nhận:" "GIÁM ĐỐC" \
	"Liễu Anh Minh"; do
	expect_grep "$s" "$T/flat"
done
expect_no_grep "Kiểm tra công tác cải cách hành chính (đơn vị" "$T/flat"   # paused: not overdue
# kiến nghị with no note reads "Không có."
run "$CCHC" report note --period 2026-Q1 --section kien-nghi --text ""
expect_rc 0
run "$CCHC" report --period 2026-Q1 --format md --out -
expect_rc 0
expect_grep "V. KIẾN NGHỊ, ĐỀ XUẤT" "$T/out"
sed -n '/V. KIẾN NGHỊ/,/Trên đây là báo cáo/p' "$T/out" >"$T/v"
expect_grep "Không có." "$T/v"
expect_no_grep "tập huấn" "$T/v"
"$CCHC" report note --period 2026-Q1 --section kien-nghi --file "$T/kn.txt" >/dev/null
run "$CCHC" report notes --period 2026-Q1
expect_grep "[uu-diem]" "$T/out"
expect_grep "Đề nghị bổ sung kinh phí." "$T/out"
grep -qx "Đề nghị Sở Nội vụ tập huấn." "$T/out" || fail "a note's lines are not kept: $(cat "$T/out")"
run "$CCHC" report note --period 2026-Q1 --section khong-co --text x
expect_rc 1
expect_grep "Không có mục báo cáo" "$T/err"

# ---- docx: the header blocks, headings, tables and figures in the XML
run "$CCHC" report --period 2026-Q1 --format docx --out "$T/bc.docx" --date 16/03/2026
expect_rc 0
if command -v python3 >/dev/null; then
	python3 -c 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode())' \
		"$T/bc.docx" >"$T/doc.xml" || fail "not a docx"
	for s in "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" "Độc lập - Tự do - Hạnh phúc" "SỞ CÔNG THƯƠNG" \
		"Lạng Sơn, ngày 16 tháng 3 năm 2026" "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH" \
		"Biểu 1. Kết quả thực hiện nhiệm vụ theo lĩnh vực" "Biểu 4a. Tình hình, kết quả giải quyết" \
		"70,83" "37,50" "<w:tbl>" "w:tblBorders" "Nơi nhận:" "Sở Nội vụ;" "Lưu: VT, VP." \
		'w:pStyle w:val="Heading1"'; do
		expect_grep "$s" "$T/doc.xml"
	done
fi
for py in python3 /usr/bin/python3; do
	if "$py" -c 'import docx' 2>/dev/null; then
		"$py" - "$T/bc.docx" >"$T/read" <<'EOPY' || fail "python-docx cannot read the report"
import sys, docx
d = docx.Document(sys.argv[1])
for t in d.tables:
    for r in t.rows:
        print(" | ".join(c.text for c in r.cells))
EOPY
		# the II.06a total: 13 columns, no rate column
		grep -q "^ | Tổng cộng | 33 | 12 | 14 | 7 | 24 | 11 | 6 | 7 | 9 | 4 | 5$" "$T/read" ||
			fail "no II.06a total row in $(cat "$T/read")"
		expect_grep "Tổng cộng | 8 | 3 | 37,50 | 1" "$T/read"
		break
	fi
done

# a renderer, when installed (CI installs LibreOffice): the report prints
SOFFICE=$(command -v soffice || command -v libreoffice || true)
if [ -n "$SOFFICE" ]; then
	mkdir "$T/pdf"
	timeout 300 "$SOFFICE" --headless -env:UserInstallation="file://$T/lo" --convert-to pdf \
		--outdir "$T/pdf" "$T/bc.docx" >"$T/lo.log" 2>&1 || fail "LibreOffice: $(cat "$T/lo.log")"
	[ -s "$T/pdf/bc.pdf" ] || fail "LibreOffice wrote no PDF: $(cat "$T/lo.log")"
	if command -v pdftotext >/dev/null; then
		pdftotext -layout "$T/pdf/bc.pdf" "$T/pdf/bc.txt"
		expect_grep "BÁO CÁO" "$T/pdf/bc.txt"
		expect_grep "70,83" "$T/pdf/bc.txt"
		expect_grep "Biểu 4" "$T/pdf/bc.txt"
	fi
else
	echo "LibreOffice not installed: the rendering check was not run"
fi

# ---- csv: one file per annex table, re-read to the same table
mkdir "$T/csv"
run "$CCHC" report --period 2026-Q1 --format csv --out "$T/csv/"
expect_rc 0
ls "$T/csv" >"$T/files"
[ "$(wc -l <"$T/files")" -eq 7 ] || fail "csv files: $(cat "$T/files")"
f4=$(grep '^04-' "$T/files") || fail "no table 4"
head -c 3 "$T/csv/$f4" | od -An -tx1 | grep -q "ef bb bf" || fail "no BOM"
python3 - "$T/csv/$f4" >"$T/row" <<'EOPY' || fail "csv does not re-read"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
print("|".join(rows[-1]))
assert all(len(r) == 13 for r in rows), "ragged rows"
EOPY
expect_grep "|Tổng cộng|33|12|14|7|24|11|6|7|9|4|5" "$T/row"
run "$CCHC" report --period 2026-Q1 --format csv --out "$T/one.csv"
expect_rc 1
[ ! -e "$T/one.csv" ] || fail "a csv file for several tables"

# ---- xlsx: annex tables as sheets, numbers as numbers
run "$CCHC" report --period 2026-Q1 --format xlsx --out "$T/bc.xlsx"
expect_rc 0
for py in python3 /usr/bin/python3; do
	if "$py" -c 'import openpyxl' 2>/dev/null; then
		"$py" - "$T/bc.xlsx" >"$T/xl" <<'EOPY' || fail "openpyxl cannot read the report"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print(len(wb.sheetnames))
ws = wb[wb.sheetnames[3]]
last = [c.value for c in list(ws.iter_rows())[-1]]
print(last)
assert isinstance(last[2], (int, float)) and last[2] == 33, last
EOPY
		expect_grep "Tổng cộng" "$T/xl"
		head -1 "$T/xl" | grep -qx 7 || fail "sheets: $(head -1 "$T/xl")"
		break
	fi
done

# ---- html, txt in a legacy encoding, errors
run "$CCHC" report --period 2026-Q1 --format html --out "$T/bc.html"
expect_rc 0
expect_grep "@page" "$T/bc.html"
expect_grep "70,83" "$T/bc.html"
run "$CCHC" report --period 2026-Q1 --format txt --encoding cp1258 --out "$T/bc1258.txt"
expect_rc 0
iconv -f WINDOWS-1258 -t UTF-8 "$T/bc1258.txt" | tr -s ' \n' ' ' >"$T/back"
expect_grep "tỷ lệ giải quyết đúng hạn đạt 70,83%" "$T/back"
run "$CCHC" report --period 2026-Q9 --format txt --out "$T/x.txt"
expect_rc 1
run "$CCHC" report --period 2026-Q1 --format pdf --out "$T/x.pdf"
expect_rc 2
run "$CCHC" report --period 2026-Q1 --format docx --out "$T/khong-co/bc.docx"
expect_rc 1
[ ! -e "$T/x.txt" ] && [ ! -e "$T/khong-co" ] || fail "files left after errors"
run "$CCHC" report --period 2026-Q1
expect_rc 2

# ---- other periods and the deadlines
run "$CCHC" report --period 2025-12-15..2026-03-14 --format txt --out -
expect_rc 0
tr -s ' \n' ' ' <"$T/out" >"$T/flat2"
expect_grep "tỷ lệ giải quyết đúng hạn đạt 70,83%" "$T/flat2"
expect_grep "từ 15/12/2025 đến 14/03/2026" "$T/flat2"
run "$CCHC" report deadlines 2026
expect_rc 0
expect_grep "2026-Q1	quý I năm 2026	15/12/2025	14/03/2026	16/03/2026" "$T/out"
expect_grep "2026	năm 2026	15/12/2025	14/12/2026	16/12/2026" "$T/out"
"$CCHC" setting set report.deadline.q1 10/03 >/dev/null || fail deadline
run "$CCHC" report deadlines 2026
expect_grep "14/03/2026	10/03/2026" "$T/out"
# the agenda names the next report and its send date
run "$CCHC" agenda
expect_grep "Báo cáo CCHC sắp tới: năm 2026 — số liệu đến 14/12/2026, hạn gửi 16/12/2026" "$T/out"
expect_grep "Hồ sơ trễ hạn chưa có phiếu xin lỗi: 17" "$T/out"
CCHC_TODAY=2026-03-01 run "$CCHC" agenda
expect_grep "Báo cáo CCHC sắp tới: quý I năm 2026 — số liệu đến 14/03/2026, hạn gửi 10/03/2026" "$T/out"
CCHC_TODAY=2026-03-11 run "$CCHC" agenda
expect_grep "Báo cáo CCHC sắp tới: 6 tháng đầu năm 2026 — số liệu đến 14/06/2026, hạn gửi 16/06/2026" "$T/out"
CCHC_TODAY=2026-12-20 run "$CCHC" agenda
expect_grep "Báo cáo CCHC sắp tới: quý I năm 2027" "$T/out"
# made before the period ends, the figures stand at today, and say so
CCHC_TODAY=2026-03-10 run "$CCHC" report --period 2026-Q1 --format txt --out -
expect_rc 0
tr -s ' \n' ' ' <"$T/out" >"$T/flat"
expect_grep "Tính đến ngày 10/03/2026, Sở đã hoàn thành" "$T/flat"
exit 0
