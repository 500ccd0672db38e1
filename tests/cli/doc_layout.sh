#!/bin/sh
# The whole report that tests/unit/test_doc_layout writes (Kính gửi, a body
# table, Phụ lục I with the 14-column Biểu 4 under merged headers, Phụ lục
# II with dates), read back by programs that share no code with cchc:
# lxml for the docx XML (Nghị định 30's order, landscape sections, merged
# cells, rows kept whole, the line under the abstract), openpyxl for the
# workbook, and LibreOffice with pdftotext for the printed pages (each row's
# figures on one line, no date cut, Nơi nhận before the annexes).
. "${top_srcdir:-.}/tests/cli/lib.sh"
: "${top_builddir:?top_builddir must name the build folder (run through make check)}"

PY=
for p in python3 /usr/bin/python3; do
	if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import lxml, openpyxl' 2>/dev/null; then
		PY=$p
		break
	fi
done
if [ -z "$PY" ]; then
	echo "SKIP: python3 with lxml and openpyxl is not installed (Debian: apt-get install" \
		"python3-lxml python3-openpyxl); without them there is no independent reader"
	exit 77
fi

mkdir "$T/out"
DOC_SAMPLE_DIR="$T/out" "$top_builddir/tests/unit/test_doc_layout" >"$T/log" 2>&1 ||
	fail "test_doc_layout: $(cat "$T/log")"
for f in layout.docx layout.xlsx csv/02-bieu-4.csv csv/03-bieu-5-ho-so-giai-quyet-qua-han-trong-ky.csv; do
	[ -s "$T/out/$f" ] || fail "$f was not written"
done

"$PY" - "$T/out/layout.docx" >"$T/py" 2>&1 <<'EOF' || fail "docx: $(cat "$T/py")"
import sys, zipfile
from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
body = etree.fromstring(zipfile.ZipFile(sys.argv[1]).read("word/document.xml")).find(W + "body")

def text(el):
    return "".join(t.text or "" for t in el.iter(W + "t"))

# Word refuses children out of the schema's order; these are the ones the
# merged cells, rows and sections use.
ORDERS = {
    "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection "
            "tcFitText vAlign hideMark",
    "trPr": "cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader "
            "tblCellSpacing jc hidden",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW "
             "jc tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook",
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
           "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct "
           "topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind "
           "contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
           "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "sectPr": "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc "
              "pgBorders lnNumType pgNumType cols formProt vAlign noEndnote titlePg "
              "textDirection bidi rtlGutter docGrid printerSettings",
}
for el in body.iter():
    tag = el.tag.replace(W, "")
    if tag in ORDERS:
        seq = ORDERS[tag].split()
        kids = [c.tag.replace(W, "") for c in el]
        assert all(k in seq for k in kids), (tag, kids)
        assert [seq.index(k) for k in kids] == sorted(seq.index(k) for k in kids), (tag, kids)

# the blocks of the body in order, each with the section it belongs to
# (the next sectPr in document order: a paragraph's, or the body's last)
blocks = [el for el in body if el.tag in (W + "p", W + "tbl")]
sect_of, pending = {}, []
for el in body:
    if el.tag in (W + "p", W + "tbl"):
        pending.append(el)
    sp = el.find(W + "pPr/" + W + "sectPr") if el.tag == W + "p" else None
    if el.tag == W + "sectPr" or sp is not None:
        for b in pending:
            sect_of[b] = sp if sp is not None else el
        pending = []
def landscape(sect):
    return sect.find(W + "pgSz").get(W + "orient") == "landscape"

texts = [text(b) for b in blocks]
def index(s):
    return next(i for i, t in enumerate(texts) if s in t)

# Nghị định 30's order: abstract, its line, Kính gửi, body, Nơi nhận + signer, annexes
ab = texts.index("Kết quả cải cách hành chính quý III năm 2026")
line = blocks[ab + 1]
assert line.find(W + "pPr/" + W + "pBdr/" + W + "bottom") is not None, "no line under the abstract"
assert texts[ab + 2] == "Kính gửi: Sở Nội vụ tỉnh Lạng Sơn.", texts[ab + 2]
signer = index("Nguyễn Văn Hùng")
assert index("Nơi nhận:") == signer  # one borderless table holds both
annex1, annex2 = texts.index("Phụ lục I"), texts.index("Phụ lục II")
assert index("II. NHIỆM VỤ QUÝ IV") < signer < annex1 < annex2, (signer, annex1, annex2)

# every table wider than 8 columns is in a landscape section, the rest not;
# every section has the page number's header, only the first a title page
tables = [b for b in blocks if b.tag == W + "tbl"]
wide = 0
for t in tables:
    ncols = len(t.findall(W + "tblGrid/" + W + "gridCol"))
    borders = t.find(W + "tblPr/" + W + "tblBorders/" + W + "top").get(W + "val") != "nil"
    if borders:
        assert landscape(sect_of[t]) == (ncols > 8), (ncols, text(t)[:40])
        wide += ncols > 8
assert wide == 1, wide
sects = list(body.iter(W + "sectPr"))
assert len(sects) == 3, len(sects)
assert [landscape(s) for s in sects] == [False, True, False]
assert all(s.find(W + "headerReference") is not None for s in sects)
assert [s.find(W + "titlePg") is not None for s in sects] == [True, False, False]
assert not landscape(sect_of[blocks[signer]]) and landscape(sect_of[blocks[annex1]])

# Biểu 4: merged group headers, every row whole, header rows repeated
b4 = next(t for t in tables if "Trực tiếp và dịch vụ bưu chính" in text(t))
rows = b4.findall(W + "tr")
ngrid = len(b4.findall(W + "tblGrid/" + W + "gridCol"))
for i, tr in enumerate(rows):
    assert tr.find(W + "trPr/" + W + "cantSplit") is not None, ("row may split", i)
    assert (tr.find(W + "trPr/" + W + "tblHeader") is not None) == (i < 4), ("tblHeader", i)
    spans = [int(tc.find(W + "tcPr/" + W + "gridSpan").get(W + "val"))
             if tc.find(W + "tcPr/" + W + "gridSpan") is not None else 1
             for tc in tr.findall(W + "tc")]
    assert sum(spans) == ngrid, ("cells do not fill the grid", i, spans)
head = [(text(tc), tc.find(W + "tcPr/" + W + "gridSpan"), tc.find(W + "tcPr/" + W + "vMerge"))
        for tc in rows[0].findall(W + "tc")]
spans = {t: int(g.get(W + "val")) for t, g, v in head if g is not None}
assert spans == {"Tiếp nhận": 4, "Đã giải quyết": 4, "Đang giải quyết": 3}, spans
restart = [t for t, g, v in head if v is not None and v.get(W + "val") == "restart"]
assert restart == ["TT", "Lĩnh vực", "Tỷ lệ giải quyết đúng hạn (%)"], restart
cont = [tc for tc in rows[2].findall(W + "tc") if tc.find(W + "tcPr/" + W + "vMerge") is not None]
assert len(cont) == 3 + 9, len(cont)  # TT, Lĩnh vực, Tỷ lệ; the nine columns of row 2
assert all(tc.find(W + "tcPr/" + W + "vMerge").get(W + "val") is None for tc in cont)
for t in tables:
    for tr in t.findall(W + "tr"):
        borders = t.find(W + "tblPr/" + W + "tblBorders/" + W + "top").get(W + "val") != "nil"
        assert not borders or tr.find(W + "trPr/" + W + "cantSplit") is not None
EOF

"$PY" - "$T/out/layout.xlsx" >"$T/py" 2>&1 <<'EOF' || fail "xlsx: $(cat "$T/py")"
import sys, datetime
import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames == ["Kết quả thực hiện các nhiệm vụ", "Biểu 4", "Biểu 5"], wb.sheetnames
ws = wb["Biểu 4"]
# the header block: issuing body, the annex's heading, the period, the unit
block = [ws.cell(row=r, column=1).value for r in range(1, 7)]
assert block == ["SỞ CÔNG THƯƠNG", "Phụ lục I",
                 "TÌNH HÌNH TIẾP NHẬN VÀ GIẢI QUYẾT HỒ SƠ THỦ TỤC HÀNH CHÍNH",
                 "(Kèm theo Báo cáo số 05/BC-SCT ngày 25/9/2026 của Sở Công Thương)",
                 "Kỳ báo cáo: từ ngày 15/6/2026 đến ngày 14/9/2026",
                 "Đơn vị tính: Số hồ sơ TTHC"], block
assert ws["A1"].font.b and ws["A3"].font.b and ws["A4"].font.i, "header block fonts"
assert ws["A6"].alignment.horizontal == "right", ws["A6"].alignment.horizontal
merged = {str(r) for r in ws.merged_cells.ranges}
for want in ("A2:N2", "A6:N6", "A7:A9", "C7:F7", "G7:J7", "K7:M7", "D8:E8", "C8:C9", "A33:B33"):
    assert want in merged, (want, sorted(merged))
assert ws["C7"].value == "Tiếp nhận" and ws["C7"].font.b and ws["C7"].alignment.horizontal == "center"
assert ws["N10"].value == "(14)"
assert ws.freeze_panes == "A11", ws.freeze_panes
assert ws["C11"].value == 1234 and ws["C11"].number_format == "#,##0", ws["C11"].value
assert ws["A33"].value == "Tổng cộng" and ws["A33"].font.b and ws["C33"].font.b
assert ws.page_setup.orientation == "landscape", ws.page_setup.orientation

ws = wb["Biểu 5"]
assert ws["A1"].value == "SỞ CÔNG THƯƠNG" and ws["A2"].value.startswith("Biểu 5.")
for ref, day in (("D4", (2026, 6, 18)), ("E4", (2026, 6, 30)), ("F4", (2026, 7, 2)),
                 ("D5", (2026, 8, 1))):
    v = ws[ref].value
    assert isinstance(v, datetime.datetime) and (v.year, v.month, v.day) == day, (ref, v)
    assert ws[ref].number_format == "dd/mm/yyyy", (ref, ws[ref].number_format)
assert ws["F5"].value is None, ws["F5"].value   # no date yet: an empty cell
assert ws["G5"].value == "-" and ws["G5"].data_type == "s"
EOF

if [ "${CCHC_RENDER:-1}" = 0 ]; then
	echo "SKIP: CCHC_RENDER=0: the XML and the workbook were checked, the printed pages not" \
		"(CI renders them in its first round only)"
	exit 77
fi
SOFFICE=$(command -v soffice || command -v libreoffice || true)
if [ -z "$SOFFICE" ] || ! command -v pdftotext >/dev/null || ! command -v pdfinfo >/dev/null; then
	echo "SKIP: LibreOffice or poppler-utils is not installed (Debian: apt-get install" \
		"libreoffice-writer poppler-utils): the printed pages were not checked"
	exit 77
fi
mkdir "$T/pdf"
timeout 300 "$SOFFICE" --headless -env:UserInstallation="file://$T/lo" --convert-to pdf \
	--outdir "$T/pdf" "$T/out/layout.docx" >"$T/lo.log" 2>&1 ||
	fail "LibreOffice could not convert layout.docx: $(cat "$T/lo.log")"
[ -s "$T/pdf/layout.pdf" ] || fail "LibreOffice wrote no PDF: $(cat "$T/lo.log")"
pdftotext -layout "$T/pdf/layout.pdf" "$T/pdf/layout.txt"
pdfinfo -f 1 -l 99 "$T/pdf/layout.pdf" >"$T/pdf/info"

"$PY" - "$T/pdf/layout.txt" "$T/pdf/info" "$T/out/csv" >"$T/py" 2>&1 <<'EOF' || fail "pdf: $(cat "$T/py")"
import csv, os, re, sys

pages = open(sys.argv[1], encoding="utf-8").read().split("\f")
sizes = {int(m.group(1)): float(m.group(2)) > float(m.group(3))
         for m in re.finditer(r"Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)", open(sys.argv[2]).read())}
def page_of(s):
    """The page of the first line that is s alone (the body cites "Phụ lục I" too)."""
    return next(i + 1 for i, p in enumerate(pages) if s in (l.strip() for l in p.splitlines()))

# Nơi nhận and the signer before the annexes; Biểu 4 on landscape pages only
signer = next(i + 1 for i, p in enumerate(pages) if "Nơi nhận:" in p)
assert signer < page_of("Phụ lục I") < page_of("Phụ lục II"), \
    (signer, page_of("Phụ lục I"), page_of("Phụ lục II"))
for i, p in enumerate(pages, 1):
    if "Trực tuyến" in p:
        assert sizes[i], ("Biểu 4 on a portrait page", i)
assert not sizes[signer] and not sizes[page_of("Phụ lục II")] and sizes[page_of("Phụ lục I")]

lines = "\n".join(pages).splitlines()
def csv_rows(name):
    raw = open(os.path.join(sys.argv[3], name), encoding="utf-8-sig", newline="").read()
    return list(csv.reader(raw.splitlines()))

# each row of Biểu 4: its number (or "Tổng cộng") and its 12 figures on one line
rows = csv_rows("02-bieu-4.csv")[4:]
assert len(rows) == 23, len(rows)
for r in rows:
    figures = r[2:]
    pattern = re.compile(r"(^|\s)" + re.escape(r[0]) + r"\s.*" +
                         r"\s+".join(re.escape(f) for f in figures) + r"(\s|$)")
    assert any(pattern.search(l) for l in lines), ("figures not on one line", r)

# no date cut across lines: every date of Biểu 5 whole, none begun at a line's end
for r in csv_rows("03-bieu-5-ho-so-giai-quyet-qua-han-trong-ky.csv")[1:]:
    for d in r[3:6]:
        assert not d or any(d in l for l in lines), ("date cut", d)
cut = [l for l in lines if re.search(r"(^|\s)\d{1,2}/(\d{1,2}(/\d{0,3})?)?$", l.rstrip())]
assert not cut, cut
for word in ("STT", "Tổng cộng", "Kỳ báo cáo: từ ngày 15/6/2026 đến ngày 14/9/2026"):
    assert any(word in l for l in lines), word
EOF
exit 0
