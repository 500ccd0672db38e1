#!/bin/sh
# Six further plans written to the same conventions by someone who had not
# read the importer (PDF, Word and Markdown copies, table headers and footers,
# A./B. parts, (1) under 1.2.3., an annex): the trees and the metadata the
# author expected, written by hand before the import was run.
# Nine more (issue 16) as plans really come: UBND tỉnh copied from "KẾ HOẠCH"
# with no header block and a preamble, UBND cấp huyện with the full header,
# criteria blocks as "-" and "+" items, page breaks (page number, running
# header, blank lines) inside sentences and headings, margin lines of a
# downloaded PDF and a digital-signature stamp, closing paragraphs with and
# without "Trên đây là", annex tables (Markdown and TAB), Nơi nhận to the
# letter. Their .show files also check preamble:, closing: and issuer_kind:.
# Eight more, written against the importer's blind spots: a plan issued by a
# decision (QUYẾT ĐỊNH, Điều 1-3, then the plan "Kèm theo Quyết định"), a
# CHƯƠNG TRÌNH with PHẦN THỨ NHẤT and "a." items, a Chi cục under a Sở
# (three-line header, Phần / Mục / Nội dung 1:), an đặc khu plan with
# sentence-case headings, a heading and its text on one line, 1.1 and 1.1.1
# without final dots, "Nhiệm vụ 1:" and Nơi nhận beside the signer in a TAB
# table, a xã plan with a footnote at a page break and "*" / Symbol bullets,
# a Trung tâm's pdftotext -layout copy whose annex table spans a page break
# (its rows are checked in a .items file), and a UBND tỉnh tuyên truyền plan
# with a blank number and day and a "Lưu ý:" under its annex table, and a
# phường plan as pandoc writes Word into Markdown (grid tables for the header,
# the signer block and the annex, list items wrapped at 72 columns).
. "${top_srcdir:-.}/tests/cli/lib.sh"
C="$FIXTURES/corpus"
n=0
bad=
for f in "$C"/*.txt "$C"/*.md; do
	n=$((n + 1))
	# each plan in a subshell, so that one failing plan does not hide the
	# differences of the others
	(
		base=${f%.*}
		export CCHC_DB="$T/$(basename "$base").db"
		run "$CCHC" plan import "$f"
		expect_rc 0
		"$CCHC" plan tree >"$T/tree"
		expect_file "$base.tree" "$T/tree"
		"$CCHC" plan show >"$T/show"
		# every expected metadata line is there (the file lists only what its
		# author checked)
		while IFS= read -r line; do
			grep -qxF -- "$line" "$T/show" || fail "$(basename "$f"): missing '$line'"
		done <"$base.show"
		# a plan whose annex table is laid out with spaces or drawn as a
		# grid lists its rows as the importer must store them, one "| … |" line per row
		if [ -f "$base.items" ] && command -v sqlite3 >/dev/null; then
			sqlite3 "$CCHC_DB" "SELECT text FROM section_item WHERE kind = 'para'
				AND text LIKE '|%' ORDER BY section_id, seq" >"$T/items"
			expect_file "$base.items" "$T/items"
		fi
	) || bad="$bad $(basename "$f")"
done
[ -z "$bad" ] || fail "plans not imported as expected:$bad"
[ "$n" -eq 23 ] || fail "found $n corpus plans, expected 23"
exit 0
