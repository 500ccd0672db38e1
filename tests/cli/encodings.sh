#!/bin/sh
# Round trips: each real plan converted to every supported encoding imports
# to the same tree as the UTF-8 original; a BOM decides by itself; legacy
# bytes without --encoding are refused with the line and a hint.
. "${top_srcdir:-.}/tests/cli/lib.sh"
command -v iconv >/dev/null || { echo "SKIP: iconv command not installed"; exit 77; }

n=0
for f in so-ngoai-vu-2024.txt so-cong-thuong-2024.txt so-gtvt-2024.md; do
	for enc in cp1258:WINDOWS-1258 tcvn3:TCVN5712-1 viscii:VISCII; do
		name=${enc%%:*} iconv_name=${enc#*:}
		ref="$FIXTURES/expected/$f.tree"
		if ! iconv -f UTF-8 -t "$iconv_name" "$FIXTURES/$f" >"$T/in" 2>/dev/null; then
			# TCVN3 has no curly quotes: transliterate, and compare with the
			# tree of the same transliterated text imported as UTF-8
			iconv -f UTF-8 -t "$iconv_name//TRANSLIT" "$FIXTURES/$f" >"$T/in" || fail "iconv $f"
			iconv -f "$iconv_name" -t UTF-8 "$T/in" >"$T/ref.txt"
			CCHC_DB="$T/ref-$name-$f.db" "$CCHC" plan import "$T/ref.txt" >/dev/null 2>&1 || fail "ref import"
			CCHC_DB="$T/ref-$name-$f.db" "$CCHC" plan tree >"$T/ref.tree"
			ref="$T/ref.tree"
		fi
		export CCHC_DB="$T/$name-$f.db"
		run "$CCHC" plan import "$T/in"
		expect_rc 1
		expect_grep "không phải UTF-8: dòng" "$T/err"
		expect_grep "--encoding" "$T/err"
		run "$CCHC" plan import "$T/in" --encoding "$name"
		expect_rc 0
		"$CCHC" plan tree >"$T/tree"
		expect_file "$ref" "$T/tree"
		n=$((n + 1))
	done
	# byte-order marks: UTF-16LE, UTF-16BE, UTF-8
	for bom in "UTF-16LE:\377\376" "UTF-16BE:\376\377" "UTF-8:\357\273\277"; do
		e=${bom%%:*}
		{ printf "${bom#*:}"; iconv -f UTF-8 -t "$e" "$FIXTURES/$f"; } >"$T/in"
		export CCHC_DB="$T/bom-$e-$f.db"
		run "$CCHC" plan import "$T/in"
		expect_rc 0
		"$CCHC" plan tree >"$T/tree"
		expect_file "$FIXTURES/expected/$f.tree" "$T/tree"
		n=$((n + 1))
	done
done
[ "$n" -eq 18 ] || fail "ran $n round trips, expected 18"
exit 0
