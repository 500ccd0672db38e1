#!/bin/sh
# The tables tests/unit/test_doc_tables writes, read back by programs that
# share no code with cchc: Python's csv module for the csv folder (the same
# cells, a BOM, CRLF) and openpyxl for the workbook (sheet names, bold
# headers, numbers typed as numbers, the percentage, column widths, frozen
# header rows, the font).
. "${top_srcdir:-.}/tests/cli/lib.sh"
: "${top_builddir:?top_builddir must name the build folder (run through make check)}"

# openpyxl may live in Debian's python while another python3 is first on PATH.
PY=
for p in python3 /usr/bin/python3; do
	if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import openpyxl' 2>/dev/null; then
		PY=$p
		break
	fi
done
if [ -z "$PY" ]; then
	echo "SKIP: openpyxl is not installed (Debian: apt-get install python3-openpyxl);" \
		"without it there is no independent reader to check the .xlsx with"
	exit 77
fi

mkdir "$T/out"
DOC_SAMPLE_DIR="$T/out" "$top_builddir/tests/unit/test_doc_tables" >"$T/log" 2>&1 ||
	fail "test_doc_tables: $(cat "$T/log")"
[ -s "$T/out/sample.xlsx" ] || fail "sample.xlsx was not written"
ls "$T/out/csv" >"$T/csv-files"
printf '%s\n' 01-bieu-1-tiep-nhan-ho-so.csv 02-bieu-2-ket-qua-tien-do.csv >"$T/want-files"
expect_file "$T/want-files" "$T/csv-files"

"$PY" - "$T/out" >"$T/py" 2>&1 <<'EOF' || fail "$(cat "$T/py")"
import csv, io, os, sys
import openpyxl

out = sys.argv[1]
TITLE1 = "Biểu 1. Tiếp nhận hồ sơ"
TABLE1 = [
    ["Đơn vị", "Số hồ sơ", "Tỷ lệ", "Ghi chú"],
    ["Văn phòng", "12", "41,33%", 'Đồng Đăng, "Lạng Sơn"'],
    ["Phòng Kế hoạch", "1.234", "41,33", "dòng một\ndòng hai"],
    ["Phòng Quản lý", "-5", "0,5", ""],
    ["Tổng", "chưa có", "1.23", "=1+1"],
    ["Năm", "2026", "007", "x"],
]
TABLE2 = [
    ["STT", "Nhiệm vụ", "Kết quả"],
    ["(1)", "(2)", "(3)"],
    ["1", "Rà soát TTHC", "hoàn thành 31/75 nhiệm vụ, đạt 41,33%"],
    ["2", "Số hóa hồ sơ", "đang làm"],
]

# csv: a BOM, CRLF after every record, the cells as written, but a cell
# that a spreadsheet would take for a formula after a "'" (issue 14; the
# -5 of a numeric column is a number, and stays)
TABLE1_CSV = [row[:3] + ["'=1+1" if row[3] == "=1+1" else row[3]] for row in TABLE1]
for name, table in (("01-bieu-1-tiep-nhan-ho-so.csv", TABLE1_CSV),
                    ("02-bieu-2-ket-qua-tien-do.csv", TABLE2)):
    raw = open(os.path.join(out, "csv", name), "rb").read()
    assert raw.startswith(b"\xef\xbb\xbf"), (name, "no BOM")
    assert raw.endswith(b"\r\n"), (name, "no CRLF at the end")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), strict=True))
    assert rows == table, (name, rows)
    assert raw.count(b"\r\n") == len(table), (name, "records not ended by CRLF")

wb = openpyxl.load_workbook(os.path.join(out, "sample.xlsx"))
# a sheet is named by the title up to its first ". ", else the title cut between words
assert wb.sheetnames == ["Biểu 1", "Biểu 2 Kết quả - tiến độ"], wb.sheetnames
assert wb.properties.title == "BÁO CÁO Kết quả cải cách hành chính quý I năm 2026", wb.properties.title
assert wb.properties.creator == "cchc", wb.properties.creator

ws = wb["Biểu 1"]
assert ws["A1"].value == TITLE1 and ws["A1"].font.b, "title row"
assert "A1:D1" in [str(r) for r in ws.merged_cells.ranges], ws.merged_cells.ranges
for cell in ws[2]:
    assert cell.font.b, ("header not bold", cell.coordinate)
    assert cell.fill.fgColor.rgb.endswith("D9D9D9"), ("header not grey", cell.coordinate)
    assert cell.alignment.wrap_text, ("header not wrapped", cell.coordinate)
    assert cell.border.left.style == "thin", ("header without border", cell.coordinate)
assert ws["A3"].font.name == "Times New Roman", ws["A3"].font.name
assert ws["D5"].border.bottom.style == "thin", "body without border"

numbers = {"B3": 12, "C3": 0.4133, "B4": 1234, "C4": 41.33, "B5": -5, "C5": 0.5, "B7": 2026}
for ref, want in numbers.items():
    v = ws[ref].value
    assert isinstance(v, (int, float)) and not isinstance(v, bool), (ref, repr(v))
    assert abs(v - want) < 1e-12, (ref, v, want)
assert "%" in ws["C3"].number_format, ws["C3"].number_format
assert ws["B4"].number_format == "#,##0", ws["B4"].number_format
assert ws["C4"].number_format == "0.00", ws["C4"].number_format
for ref, text in (("B6", "chưa có"), ("C6", "1.23"), ("C7", "007"), ("A4", "Phòng Kế hoạch"),
                  ("D3", 'Đồng Đăng, "Lạng Sơn"'), ("D4", "dòng một\ndòng hai")):
    assert ws[ref].value == text and ws[ref].data_type == "s", (ref, ws[ref].value)
assert ws["D6"].value == "=1+1" and ws["D6"].data_type == "s", "text became a formula"

assert ws.freeze_panes == "A3", ws.freeze_panes
# declared widths plus 2 characters of margin (Excel adds its own padding)
assert 12 <= ws.column_dimensions["B"].width < 13, ws.column_dimensions["B"].width
assert 32 <= ws.column_dimensions["D"].width < 33, ws.column_dimensions["D"].width
assert ws.column_dimensions["A"].width > 10, ws.column_dimensions["A"].width
assert ws.page_setup.paperSize in (9, "9"), ws.page_setup.paperSize

ws = wb["Biểu 2 Kết quả - tiến độ"]
assert ws.freeze_panes == "A4", ws.freeze_panes
assert ws["A2"].font.b and ws["A3"].font.b, "two header rows"
assert ws["A3"].value == "(1)" and ws["A3"].data_type == "s", ws["A3"].value
assert ws["A4"].value == 1 and isinstance(ws["A4"].value, (int, float)), repr(ws["A4"].value)
assert ws["C4"].value == "hoàn thành 31/75 nhiệm vụ, đạt 41,33%", ws["C4"].value
EOF
exit 0
