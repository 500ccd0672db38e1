#!/bin/sh
# plan import straight from the files the office receives: a Word plan with
# real automatic numbering and header/signer tables (built here from the XML
# under tests/fixtures/docx/so-noi-vu), its tree and metadata; the same file
# again is recognised; and a clear message for every file that cannot be
# read: an old .doc, an .rtf, a damaged or foreign zip, a PDF without a text
# layer (a scan), a PDF when pdftotext is not installed, a broken PDF.
. "${top_srcdir:-.}/tests/cli/lib.sh"
E="$FIXTURES/expected"
py=python3
[ -x /usr/bin/python3 ] && py=/usr/bin/python3

# zip DIR OUT: a .docx (zip) of the files under DIR, as Word lays them out
mkzip() {
	"$py" - "$1" "$2" <<'PY' || fail "python3 is needed to build the .docx"
import os, sys, zipfile
src, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for root, dirs, files in sorted(os.walk(src)):
        for f in sorted(files):
            p = os.path.join(root, f)
            z.write(p, os.path.relpath(p, src))
PY
}

mkzip "$FIXTURES/docx/so-noi-vu" "$T/KH-45.docx"
run "$CCHC" plan import "$T/KH-45.docx"
expect_rc 0
[ "$(cat "$T/out")" = 1 ] || fail "import printed '$(cat "$T/out")'"
expect_grep "đã nhập kế hoạch 1 với 13 đề mục" "$T/err"
run "$CCHC" plan tree 1
expect_rc 0
expect_file "$E/docx-so-noi-vu.tree" "$T/out"
run "$CCHC" plan show 1
expect_rc 0
grep -vE '^(sha256|imported_at): ' "$T/out" >"$T/show"
expect_file "$E/docx-so-noi-vu.show" "$T/show"
# the task table came as '|' rows with the STT numbers Word put there
n=$(sqlite3 "$CCHC_DB" "SELECT count(*) FROM section_item WHERE text LIKE '| 2 | Số hóa kết quả%| Phòng Cải cách hành chính | Trước 30/9/2026 |'")
[ "$n" = 1 ] || fail "the task table's second row is not stored as a '|' row ($n)"
# the tracked deletion, the field code and the hidden text are not in it
n=$(sqlite3 "$CCHC_DB" "SELECT count(*) FROM plan WHERE source_text LIKE '%BỎ ĐI%' OR source_text LIKE '%SEQ Bang%' OR source_text LIKE '%ghi chú ẩn%'")
[ "$n" = 0 ] || fail "deleted, field or hidden text was imported"

# the same file under another name is the same plan (the text's hash)
cp "$T/KH-45.docx" "$T/ban-sao"
run "$CCHC" plan import "$T/ban-sao"
expect_rc 0
[ "$(cat "$T/out")" = 1 ] || fail "re-import of the .docx printed '$(cat "$T/out")'"
expect_grep "đã được nhập trước đây (kế hoạch 1)" "$T/err"

# refuse FILE TEXT: the import fails with status 1, TEXT in the message,
# and no plan is added
refuse() {
	run "$CCHC" plan import "$1"
	expect_rc 1
	expect_grep "$2" "$T/err"
	[ "$(sqlite3 "$CCHC_DB" 'SELECT count(*) FROM plan')" = 1 ] || fail "a plan was added from $1"
}

# --encoding is for text files: a Word file names its own
run "$CCHC" plan import "$T/KH-45.docx" --encoding cp1258
expect_rc 1
expect_grep "là tệp Word (.docx), tự ghi bảng mã của mình: bỏ --encoding" "$T/err"

printf '\320\317\021\340\241\261\032\341\000\000\000\000' >"$T/cu.doc"
head -c 2000 /dev/zero >>"$T/cu.doc"
refuse "$T/cu.doc" "là tệp .doc kiểu cũ"
expect_grep "lưu thành .docx" "$T/err"
printf '{\\rtf1\\ansi Ke hoach}' >"$T/kh.rtf"
refuse "$T/kh.rtf" "là tệp RTF"
# a .docx cut short in transfer
head -c 700 "$T/KH-45.docx" >"$T/cut.docx"
refuse "$T/cut.docx" "bị hỏng hoặc không đầy đủ"
# a zip that is no Word file
mkdir -p "$T/notword" && echo x >"$T/notword/a.txt"
mkzip "$T/notword" "$T/notword.docx"
refuse "$T/notword.docx" "không có word/document.xml"
# a Word file whose text part is damaged XML
mkdir -p "$T/bad/word"
printf '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>' \
	>"$T/bad/word/document.xml"
mkzip "$T/bad" "$T/bad.docx"
refuse "$T/bad.docx" "phần word/document.xml của tệp Word bị hỏng"

# A "scan": a page holding only an image, no text layer
"$py" - "$T/scan.pdf" <<'PY' || fail "python3 is needed to build the PDF"
import sys
img = bytes([0x80] * 64)
objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Length 64 >>\nstream\n" + img + b"\nendstream",
        None]
content = b"q 500 0 0 700 40 70 cm /Im1 Do Q"
objs[4] = b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"
out = bytearray(b"%PDF-1.4\n")
offs = []
for i, o in enumerate(objs):
    offs.append(len(out))
    out += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
for o in offs:
    out += b"%010d 00000 n \n" % o
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
open(sys.argv[1], "wb").write(out)
PY
if command -v pdftotext >/dev/null 2>&1; then
	refuse "$T/scan.pdf" "PDF này là bản quét, không có lớp chữ"
	# a PDF that is not one past its first line
	printf '%%PDF-1.4\nnot a pdf at all\n' >"$T/broken.pdf"
	refuse "$T/broken.pdf" "PDF bị hỏng hoặc không đọc được (pdftotext:"
else
	echo "note: pdftotext is not installed (poppler-utils): the scan check is skipped"
fi
# without pdftotext the message names the package to install
CCHC_PDFTOTEXT="$T/no/pdftotext" run "$CCHC" plan import "$T/scan.pdf"
expect_rc 1
expect_grep "cần chương trình pdftotext" "$T/err"
expect_grep "apt-get install poppler-utils" "$T/err"
exit 0
