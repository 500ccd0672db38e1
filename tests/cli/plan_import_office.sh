#!/bin/sh
# The three fixture plans as the office would receive them: LibreOffice
# turns each text into a .docx and a .pdf, and each imports to the same tree
# as the text did (tests/fixtures/expected/NAME.tree) with the same
# metadata but its own source name; the Word plan of tests/fixtures/docx
# printed to PDF reads as the .docx did. A PDF with an open password is
# refused with pdftotext's reason. Page counts are printed for the log.
. "${top_srcdir:-.}/tests/cli/lib.sh"
if [ "${CCHC_RENDER:-1}" = 0 ]; then
	echo "SKIP: CCHC_RENDER=0 (CI converts with LibreOffice in its first round only)"
	exit 77
fi
for tool in soffice pdftotext pdfinfo; do
	command -v "$tool" >/dev/null 2>&1 || {
		echo "SKIP: $tool is not installed (Debian: libreoffice-writer-nogui, poppler-utils):" \
			"without it the .docx and .pdf copies cannot be made or read"
		exit 77
	}
done
E="$FIXTURES/expected"
LO="-env:UserInstallation=file://$T/lo"
mkdir -p "$T/in" "$T/conv"
# soffice: each input in its own call (one LibreOffice at a time; a text
# file needs the UTF-8 text filter named)
office() { # FORMAT FILE
	soffice "$LO" --headless --infilter="Text (encoded):UTF8,,," --convert-to "$1" \
		--outdir "$T/conv" "$2" >"$T/lo.log" 2>&1 || fail "soffice could not convert $2: $(cat "$T/lo.log")"
}

for f in so-ngoai-vu-2024.txt so-cong-thuong-2024.txt so-gtvt-2024.md; do
	base=${f%.*}
	cp "$FIXTURES/$f" "$T/in/$f"
	for fmt in docx pdf; do
		office "$fmt" "$T/in/$f"
		file="$T/conv/$base.$fmt"
		[ -s "$file" ] || fail "LibreOffice made no $base.$fmt"
		[ "$fmt" = pdf ] && echo "$f: $(pdfinfo "$file" | grep '^Pages:' | tr -s ' ') as PDF"
		export CCHC_DB="$T/$base-$fmt.db"
		run "$CCHC" plan import "$file"
		expect_rc 0
		expect_grep "đã nhập kế hoạch 1" "$T/err"
		"$CCHC" plan tree >"$T/tree"
		expect_file "$E/$f.tree" "$T/tree"
		# the metadata is the text's; only the source name differs
		"$CCHC" plan show | grep -vE '^(id|sha256|imported_at|source): ' >"$T/show"
		grep -vE '^source: ' "$E/$f.show" >"$T/want"
		expect_file "$T/want" "$T/show"
		"$CCHC" plan show | grep -qxF "source: $base.$fmt" || fail "source name of $base.$fmt"
	done
done

# The Word plan of tests/fixtures/docx printed to PDF by LibreOffice: the
# header and signer tables come back as columns side by side, and the plan
# reads as it did from the .docx
"${PYTHON:-python3}" - "$FIXTURES/docx/so-noi-vu" "$T/in/KH-45.docx" <<'PY' || fail "python3 is needed to build the .docx"
import os, sys, zipfile
src, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for root, dirs, files in sorted(os.walk(src)):
        for f in sorted(files):
            p = os.path.join(root, f)
            z.write(p, os.path.relpath(p, src))
PY
soffice "$LO" --headless --convert-to pdf --outdir "$T/conv" "$T/in/KH-45.docx" >"$T/lo.log" 2>&1 ||
	fail "soffice could not print KH-45.docx: $(cat "$T/lo.log")"
echo "KH-45.docx: $(pdfinfo "$T/conv/KH-45.pdf" | grep '^Pages:' | tr -s ' ') as PDF"
export CCHC_DB="$T/kh45-pdf.db"
run "$CCHC" plan import "$T/conv/KH-45.pdf"
expect_rc 0
"$CCHC" plan tree >"$T/tree"
expect_file "$E/docx-so-noi-vu.tree" "$T/tree"
"$CCHC" plan show | grep -vE '^(id|sha256|imported_at|source): ' >"$T/show"
grep -vE '^(id|source): ' "$E/docx-so-noi-vu.show" >"$T/want"
expect_file "$T/want" "$T/show"

# an open password: pdftotext's reason passed on
soffice "$LO" --headless --infilter="Text (encoded):UTF8,,," --convert-to \
	'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"mk"}}' \
	--outdir "$T/enc" "$T/in/so-ngoai-vu-2024.txt" >"$T/lo.log" 2>&1
if [ -s "$T/enc/so-ngoai-vu-2024.pdf" ] && ! pdftotext "$T/enc/so-ngoai-vu-2024.pdf" - >/dev/null 2>&1; then
	run "$CCHC" plan import "$T/enc/so-ngoai-vu-2024.pdf"
	expect_rc 1
	expect_grep "PDF được đặt mật khẩu (pdftotext:" "$T/err"
else
	echo "note: this LibreOffice cannot write a password-protected PDF; that check is skipped"
fi
exit 0
