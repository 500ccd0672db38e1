#!/bin/sh
# Six further plans written to the same conventions by someone who had not
# read the importer (PDF, Word and Markdown copies, table headers and footers,
# A./B. parts, (1) under 1.2.3., an annex): the trees and the metadata the
# author expected, written by hand before the import was run.
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
[ "$n" -eq 6 ] || fail "found $n corpus plans, expected 6"
exit 0
