#!/bin/sh
# The sample document that tests/unit/test_doc writes, read back by programs
# that share no code with cchc: python-docx (paragraphs, table cells, A4 and
# the margins of Nghị định 30/2020), an XML parser (every part well-formed)
# and, when installed, LibreOffice (converts it to PDF).
. "${top_srcdir:-.}/tests/cli/lib.sh"
: "${top_builddir:?top_builddir must name the build folder (run through make check)}"

# python-docx may live in Debian's python while another python3 is first on PATH.
PY=
for p in python3 /usr/bin/python3; do
	if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import docx' 2>/dev/null; then
		PY=$p
		break
	fi
done
if [ -z "$PY" ]; then
	echo "SKIP: python-docx is not installed (Debian: apt-get install python3-docx);" \
		"without it there is no independent reader to check the .docx with"
	exit 77
fi

mkdir "$T/out"
DOC_SAMPLE_DIR="$T/out" "$top_builddir/tests/unit/test_doc" >"$T/log" 2>&1 ||
	fail "test_doc: $(cat "$T/log")"
for f in sample.docx sample.html sample.md sample.txt; do
	[ -s "$T/out/$f" ] || fail "$f was not written"
done

"$PY" - "$T/out/sample.docx" "$T/out/edge.docx" >"$T/py" 2>&1 <<'EOF' || fail "$(cat "$T/py")"
import sys, zipfile
from xml.dom import minidom
import docx

for path in sys.argv[1:]:
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        assert names[0] == "[Content_Types].xml", names
        for name in names:
            if name.endswith(".xml") or name.endswith(".rels"):
                minidom.parseString(z.read(name))  # raises when not well-formed
    docx.Document(path)

# Word refuses properties out of the schema's order (ECMA-376 part 1, the
# sequences python-docx also follows): check every property element, and
# the shape of tables.
from lxml import etree
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ORDERS = {
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss "
           "imprint noProof snapToGrid vanish webHidden color spacing w kern position sz szCs "
           "highlight u effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout "
           "specVanish oMath",
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
           "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct "
           "topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind "
           "contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
           "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW "
             "jc tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook",
    "tblBorders": "top left start bottom right end insideH insideV",
    "trPr": "cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader "
            "tblCellSpacing jc hidden",
    "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection "
            "tcFitText vAlign hideMark",
    "sectPr": "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc "
              "pgBorders lnNumType pgNumType cols formProt vAlign noEndnote titlePg "
              "textDirection bidi rtlGutter docGrid printerSettings",
    "style": "name aliases basedOn next link autoRedefine hidden uiPriority semiHidden "
             "unhideWhenUsed qFormat locked personal personalCompose personalReply rsid pPr rPr "
             "tblPr trPr tcPr tblStylePr",
}
orders = {W + tag: [W + t for t in seq.split()] for tag, seq in ORDERS.items()}
def check_part(xml, where):
    for el in etree.fromstring(xml).iter():
        seq = orders.get(el.tag)
        if seq:
            kids = [c.tag for c in el]
            assert all(k in seq for k in kids), (where, el.tag, kids)
            pos = [seq.index(k) for k in kids]
            assert pos == sorted(pos), (where, "out of order", el.tag, kids)
        if el.tag == W + "tc":
            assert el[-1].tag == W + "p", (where, "a cell must end with a paragraph")
        if el.tag == W + "tbl":
            cols = el.findall(W + "tblGrid/" + W + "gridCol")
            assert cols, (where, "table without w:tblGrid")
            for tr in el.findall(W + "tr"):
                assert len(tr.findall(W + "tc")) == len(cols), (where, "cells != grid")
for path in sys.argv[1:]:
    with zipfile.ZipFile(path) as z:
        for name in ("word/document.xml", "word/styles.xml", "word/header1.xml"):
            check_part(z.read(name), path + ":" + name)

path = sys.argv[1]
d = docx.Document(path)
paras = [p.text for p in d.paragraphs]
cells = []
def walk(tables):
    for t in tables:
        for row in t.rows:
            for c in row.cells:
                cells.append(c.text)
                walk(c.tables)
walk(d.tables)
everything = paras + cells
def need(text):
    assert any(text in x for x in everything), "not found: " + text

for text in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
             "Lạng Sơn, ngày 05 tháng 01 năm 2026", "SỞ CÔNG THƯƠNG", "Số: 12/BC-SCT",
             "Nơi nhận:", "- Lưu: VT, VP.", "KT. GIÁM ĐỐC", "Nguyễn Văn Hùng"):
    need(text)
assert "BÁO CÁO" in paras, paras
heading = [p for p in d.paragraphs if p.text == "I. KẾT QUẢ THỰC HIỆN"]
assert heading and heading[0].style.name == "Heading 1", "heading 1 missing"
body = [p for p in d.paragraphs if p.text.startswith("Sở đã ban hành 12 văn bản")]
assert body and "& dịch vụ công; tỷ lệ hồ sơ trễ hạn <1%." in body[0].text, paras
assert any(r.bold and r.text == "12 văn bản" for r in body[0].runs), "bold run"

grid = [t for t in d.tables if t.cell(0, 0).text == "STT"]
assert grid, "the table of figures is missing"
t = grid[0]
assert [c.text for c in t.rows[1].cells] == ["1", "Thương mại | dịch vụ", "1.234"]
assert t.rows[0]._tr.xpath("./w:trPr/w:tblHeader"), "header row not repeated"

s = d.sections[0]
mm = lambda emu: round(emu / 36000)
got = [mm(s.page_width), mm(s.page_height), mm(s.top_margin), mm(s.bottom_margin),
       mm(s.left_margin), mm(s.right_margin)]
assert got == [210, 297, 20, 20, 30, 15], got
EOF

# LibreOffice, when there is one, must open the file and print it.
SOFFICE=$(command -v soffice || command -v libreoffice || true)
if [ -n "$SOFFICE" ]; then
	mkdir "$T/pdf"
	timeout 300 "$SOFFICE" --headless -env:UserInstallation="file://$T/lo" --convert-to pdf \
		--outdir "$T/pdf" "$T/out/sample.docx" "$T/out/edge.docx" >"$T/lo.log" 2>&1 ||
		fail "LibreOffice could not convert the .docx files: $(cat "$T/lo.log")"
	for f in sample edge; do
		[ -s "$T/pdf/$f.pdf" ] || fail "LibreOffice wrote no $f.pdf: $(cat "$T/lo.log")"
	done
	head -c 4 "$T/pdf/sample.pdf" | grep -q '%PDF' || fail "sample.pdf is not a PDF"
	if command -v pdftotext >/dev/null; then
		pdftotext "$T/pdf/sample.pdf" "$T/pdf/sample.txt"
		expect_grep "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" "$T/pdf/sample.txt"
		expect_grep "Nguyễn Văn Hùng" "$T/pdf/sample.txt"
	fi
else
	echo "LibreOffice not installed: the PDF conversion check was not run"
fi
exit 0
