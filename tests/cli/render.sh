#!/bin/sh
# The documents as the clerk sends them, rendered by LibreOffice to PDF and
# read back with pdftotext -layout: the Q3 report, the annual report and the
# apology letter in both forms (before and after the switch to Mẫu số 04 of
# Thông tư 03/2025/TT-VPCP). Checked on the pages: every dossier row of the
# one-stop tables (Biểu 4a, 4b) has its 13 numbers on one line; no date of
# an annex table is split across lines; "Nơi nhận:" and the signer come on
# a page before the first annex; the letters carry their form's title, the
# addressee, the division responsible and the signer. The page counts are
# printed for the log.
. "${top_srcdir:-.}/tests/cli/lib.sh"
if [ "${CCHC_RENDER:-1}" = 0 ]; then
	echo "SKIP: CCHC_RENDER=0 (CI renders the documents in its first round only)"
	exit 77
fi
for tool in soffice pdftotext pdfinfo; do
	command -v "$tool" >/dev/null 2>&1 || {
		echo "SKIP: $tool is not installed (Debian: libreoffice-writer-nogui, poppler-utils):" \
			"without it the documents cannot be rendered as the clerk sees them"
		exit 77
	}
done
export CCHC_TODAY=2026-11-24
D="$FIXTURES/dossiers"
"$CCHC" plan import "$FIXTURES/so-cong-thuong-2024.txt" >/dev/null 2>&1 || fail import
for u in "Văn phòng Sở:VP" "Phòng Quản lý Thương mại:QLTM" "Phòng Quản lý Công nghiệp:QLCN" \
	"Phòng Quản lý Năng lượng:QLNL"; do
	"$CCHC" unit add "${u%:*}" --code "${u#*:}" >/dev/null || fail "unit $u"
done
for kv in "org.name:Sở Công Thương" "org.place:Lạng Sơn" "report.signer:Liễu Anh Minh" \
	"report.to:Sở Nội vụ tỉnh Lạng Sơn" "letter.signer:Hoàng Văn Nam"; do
	"$CCHC" setting set "${kv%%:*}" "${kv#*:}" >/dev/null || fail "setting $kv"
done
task() { # section title lead due
	"$CCHC" task add --section "$1" --title "$2" --lead "$3" --due "$4" >/dev/null || fail "task $2"
}
task 5 "Rà soát văn bản quy phạm pháp luật thuộc lĩnh vực công thương" VP 31/07/2026
task 6 "Số hóa kết quả giải quyết thủ tục hành chính còn hiệu lực" QLTM 31/08/2026
task 6 "Công khai thủ tục hành chính trên Cổng thông tin điện tử" QLTM 30/06/2026
task 8 "Đánh giá, xếp loại công chức theo tháng" VP 30/09/2026
task 10 "Triển khai hệ thống quản lý văn bản và điều hành" QLCN 15/08/2026
"$CCHC" task done 1 --date 20/07/2026 >/dev/null || fail done1
"$CCHC" task done 3 --date 25/06/2026 >/dev/null || fail done3
"$CCHC" task done 5 --date 10/08/2026 >/dev/null || fail done5

# the one-stop export of quý I moved seven months on (20/11/2025 -> 20/06/2026):
# the same rows in quý III, every date still a date
awk -F, 'BEGIN { OFS = "," }
function shift(s,   d, m, y, rest) {
	if (s !~ /^[0-9][0-9]\/[0-9][0-9]\/20[0-9][0-9]/) return s
	d = substr(s, 1, 2); m = substr(s, 4, 2) + 7; y = substr(s, 7, 4); rest = substr(s, 11)
	if (m > 12) { m -= 12; y++ }
	return sprintf("%s/%02d/%d%s", d, m, y, rest)
}
NR == 1 { print; next }
{ for (i = 1; i <= NF; i++) $i = shift($i); print }' "$D/mot-cua-2026.csv" >"$T/q3.csv"
"$CCHC" dossier import "$T/q3.csv" >/dev/null || fail "dossier import"
"$CCHC" dossier list --format tsv >"$T/dossiers.tsv"
# a late dossier of August 2025 for the letter on the 2018 form, one of the
# moved export for the 2025 form
"$CCHC" dossier add --code 000.00.18.H36-250801-0001 --received 01/08/2025 \
	--procedure "Cấp Giấy phép bán lẻ sản phẩm rượu" --field "Lưu thông hàng hóa trong nước" \
	--holder "Hộ kinh doanh Lý Văn Thắng" --address "Xã Cao Lộc, tỉnh Lạng Sơn" \
	--contact "0915 222 333" --due 15/08/2025 --resolved 22/08/2025 --channel truc-tiep \
	--unit QLTM >/dev/null || fail "dossier add"
"$CCHC" letter add --dossier 000.00.18.H36-250801-0001 --reason "Chờ kết quả thẩm định địa điểm" \
	--new-date 22/08/2025 --date 14/08/2025 --unit QLTM >/dev/null || fail "letter 2018"
late=$(awk -F"\t" '$4 != "" && $4 > $3 && $2 >= "2026-06-15" && $4 <= "2026-09-14" { print $1 "\t" $3; exit }' "$T/dossiers.tsv")
[ -n "$late" ] || fail "no late dossier of quý III in the moved export"
code=$(printf '%s' "$late" | cut -f1) due=$(printf '%s' "$late" | cut -f2)
"$CCHC" letter add --dossier "$code" --reason "Chờ ý kiến phối hợp của Sở Y tế" \
	--new-date "$(date -d "$due + 7 days" +%d/%m/%Y)" --date "$(date -d "$due - 1 day" +%d/%m/%Y)" \
	>/dev/null || fail "letter 2025"
"$CCHC" index add --year 2025 --index par --value 86,12 --rank 25/34 >/dev/null || fail "index 2025"
"$CCHC" index add --year 2026 --index par --value 88,40 --rank 17/34 >/dev/null || fail "index 2026"
"$CCHC" index add --year 2026 --index sipas --value 91,02 >/dev/null || fail "sipas 2026"

mkdir "$T/docs"
"$CCHC" report --period 2026-Q3 --format docx --out "$T/docs/bao-cao-quy-3.docx" --date 16/09/2026 ||
	fail "Q3 report"
"$CCHC" report --period 2026 --format docx --out "$T/docs/bao-cao-nam.docx" --date 16/12/2026 ||
	fail "annual report"
"$CCHC" report --period 2026-Q3 --format csv --out "$T/csv/" >/dev/null || fail "Q3 tables"
"$CCHC" letter print 1 --format docx --out "$T/docs/phieu-2018.docx" || fail "letter 2018"
"$CCHC" letter print 2 --format docx --out "$T/docs/van-ban-2025.docx" || fail "letter 2025"
# the Word file itself (NĐ 30, issue 15): the signer before the annex, the
# wide tables on landscape sections, merged group headers, every row kept
# whole, header rows repeated, the line under the abstract
unzip -p "$T/docs/bao-cao-quy-3.docx" word/document.xml >"$T/q3.xml" || fail "q3 docx"
/usr/bin/env python3 - "$T/q3.xml" >"$T/xml-check" 2>&1 <<'EOPY' || fail "q3 XML: $(cat "$T/xml-check")"
import re, sys
x = open(sys.argv[1], encoding="utf-8").read()
signer, annex = x.find("Liễu Anh Minh"), x.find(">PHỤ LỤC<")
assert 0 < signer < annex, ("signer", signer, "annex", annex)
assert "Kính gửi" in x[:signer]
# sections: each sectPr closes the content before it; a table of more than
# 8 columns must be followed first by a landscape one
body = x[x.find("<w:body>"):]
for m in re.finditer(r"<w:tbl>.*?</w:tbl>", body, re.S):
    t = m.group(0)
    cols = len(re.findall(r"<w:gridCol ", t))
    rows = re.findall(r"<w:tr>.*?</w:tr>|<w:tr .*?</w:tr>", t, re.S)
    if "w:tblBorders><w:top w:val=\"nil\"" in t:
        continue                        # the header and signer blocks
    assert all("<w:cantSplit/>" in r for r in rows), "a row without cantSplit"
    assert "<w:tblHeader/>" in rows[0], "no repeated header row"
    # a short table is kept whole on one page (each row kept with the next)
    if len(rows) <= 15:
        assert all("<w:keepNext/>" in r for r in rows[:-1]), "a short table may split"
    sect = re.search(r"<w:sectPr>.*?</w:sectPr>", body[m.end():], re.S).group(0)
    if cols > 8:
        assert 'w:orient="landscape"' in sect, "a table of %d columns on a portrait page" % cols
        assert "<w:gridSpan " in t and "<w:vMerge" in t, "group headers not merged"
print("ok")
EOPY
# the workbook: sheets named whole, the header block, merged group headers, dates as dates
"$CCHC" report --period 2026-Q3 --format xlsx --out "$T/docs/q3.xlsx" >/dev/null || fail "q3 xlsx"
for py in python3 /usr/bin/python3; do
	"$py" -c 'import openpyxl' 2>/dev/null || continue
	"$py" - "$T/docs/q3.xlsx" >"$T/xl" 2>&1 <<'EOPY' || fail "q3 xlsx: $(cat "$T/xl")"
import datetime, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
names = wb.sheetnames
assert "Biểu 4a" in names and "Biểu 4b" in names, names
ws = wb["Biểu 4a"]
assert ws["A1"].value == "SỞ CÔNG THƯƠNG", ws["A1"].value
texts = [c.value for r in ws.iter_rows(max_row=6) for c in r if isinstance(c.value, str)]
assert any(t.startswith("Kỳ báo cáo: từ ngày") for t in texts), texts
assert any(t.startswith("Đơn vị tính") for t in texts), texts
assert len(ws.merged_cells.ranges) >= 8, ws.merged_cells.ranges
for name in names:                   # every sheet read alone says its period
    head = [c.value for r in wb[name].iter_rows(max_row=5) for c in r if isinstance(c.value, str)]
    assert any(t.startswith("Kỳ báo cáo: từ ngày 15/06/2026") for t in head), (name, head)
dates = [c for r in wb["Biểu 2"].iter_rows() for c in r if isinstance(c.value, datetime.datetime)]
assert dates and all(c.number_format == "dd/mm/yyyy" for c in dates), dates
print("ok")
EOPY
	break
done
# one LibreOffice for the four files, with a profile of its own
HOME="$T/home" soffice -env:UserInstallation="file://$T/lo" --headless --convert-to pdf \
	--outdir "$T/pdf" "$T"/docs/*.docx >"$T/soffice.log" 2>&1 || fail "soffice: $(cat "$T/soffice.log")"
for f in bao-cao-quy-3 bao-cao-nam phieu-2018 van-ban-2025; do
	[ -s "$T/pdf/$f.pdf" ] || fail "$f.pdf was not made: $(cat "$T/soffice.log")"
	pdftotext -layout "$T/pdf/$f.pdf" "$T/$f.txt" || fail "pdftotext $f"
	echo "$f: $(pdfinfo "$T/pdf/$f.pdf" | sed -n 's/^Pages: *//p') pages"
done

# page_of FILE PATTERN: the page (from 1) where the first line matching PATTERN is
page_of() {
	awk -v pat="$2" 'BEGIN { p = 1 } { n = gsub(/\f/, ""); if ($0 ~ pat) { print p; exit } p += n }' "$1"
}
for f in bao-cao-quy-3 bao-cao-nam; do
	recip=$(page_of "$T/$f.txt" "Nơi nhận:")
	annex=$(page_of "$T/$f.txt" "^ *(PHỤ LỤC|Phụ lục)")
	[ -n "$recip" ] && [ -n "$annex" ] || fail "$f: Nơi nhận on page '$recip', the annex on '$annex'"
	[ "$recip" -lt "$annex" ] || fail "$f: Nơi nhận on page $recip, not before the annex (page $annex)"
	signer=$(page_of "$T/$f.txt" "Liễu Anh Minh")
	[ "$signer" -lt "$annex" ] || fail "$f: the signer on page $signer, after the annex (page $annex)"
done

# every row of the one-stop tables: its 13 numbers on one line of the page
ls "$T/csv" >"$T/csv-files"
grep -q . "$T/csv-files" || fail "no csv tables"
n=0
for t in "$T"/csv/*.csv; do
	head -n 1 "$t" | grep -q "Tiếp nhận" || continue
	# data rows: those whose third field onwards are numbers
	tr -d '\r' <"$t" | awk -F, 'NR > 1 && $3 ~ /^[0-9]+$/ {
		s = ""; for (i = 3; i <= NF; i++) { if ($i !~ /^[0-9]+$/) break; s = s (s == "" ? "" : " +") $i }
		print s }' >"$T/rows"
	while read -r pattern; do
		grep -Eq "(^| )$pattern( |$)" "$T/bao-cao-quy-3.txt" ||
			fail "$(basename "$t"): the numbers \"$pattern\" are not on one line of the page"
		n=$((n + 1))
	done <"$T/rows"
done
[ "$n" -gt 2 ] || fail "only $n dossier rows found in the tables"
# every date of the annex tables whole on the page
grep -ho '[0-9][0-9]/[0-9][0-9]/[0-9][0-9][0-9][0-9]' "$T"/csv/*.csv | sort -u >"$T/dates"
while read -r d; do
	grep -qF "$d" "$T/bao-cao-quy-3.txt" || fail "the date $d is split on the page"
done <"$T/dates"
# and no date cut at the end of a line of the annex ("30/06/20" + "26")
if grep -nE '(^|[^0-9/])[0-9]{1,2}/[0-9]{1,2}(/[0-9]{0,3})?$' "$T/bao-cao-quy-3.txt" >"$T/cut"; then
	fail "dates cut at the end of a line: $(head -3 "$T/cut")"
fi

# the letters: each on its form, addressed, the division named, signed
expect_grep "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" "$T/phieu-2018.txt"
expect_grep "VĂN BẢN XIN LỖI" "$T/van-ban-2025.txt"
for f in phieu-2018 van-ban-2025; do
	expect_grep "Kính gửi" "$T/$f.txt"
	expect_grep "Hoàng Văn Nam" "$T/$f.txt"
	expect_grep "Nơi nhận:" "$T/$f.txt"
done
expect_grep "Phòng Quản lý Thương mại" "$T/phieu-2018.txt"
expect_grep "Phòng Quản lý Công nghiệp" "$T/van-ban-2025.txt"
exit 0
