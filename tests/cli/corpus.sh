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
. "${top_srcdir:-.}/tests/cli/lib.sh"
C="$FIXTURES/corpus"
n=0
for f in "$C"/*.txt "$C"/*.md; do
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
	n=$((n + 1))
done
[ "$n" -eq 15 ] || fail "found $n corpus plans, expected 15"
exit 0
