#!/bin/sh
# Importing the three real plans: the id alone on stdout, the tree and the
# metadata exactly as in the expected files, re-import recognised.
. "${top_srcdir:-.}/tests/cli/lib.sh"
E="$FIXTURES/expected"

id=0
for f in so-ngoai-vu-2024.txt so-cong-thuong-2024.txt so-gtvt-2024.md; do
	id=$((id + 1))
	run "$CCHC" plan import "$FIXTURES/$f"
	expect_rc 0
	[ "$(cat "$T/out")" = "$id" ] || fail "import of $f printed '$(cat "$T/out")', expected '$id'"
	expect_grep "đã nhập kế hoạch $id" "$T/err"

	run "$CCHC" plan tree "$id"
	expect_rc 0
	expect_file "$E/$f.tree" "$T/out"

	run "$CCHC" plan tree "$id" --format tsv
	expect_rc 0
	cut -f2- "$T/out" >"$T/tsv"
	expect_file "$E/$f.tree.tsv" "$T/tsv"
	# column 1 is the section id: distinct positive integers
	[ "$(cut -f1 "$T/out" | sort -un | grep -c '^[1-9][0-9]*$')" -eq "$(wc -l <"$T/out")" ] ||
		fail "tsv ids are not distinct integers"

	run "$CCHC" plan show "$id"
	expect_rc 0
	grep -vE '^(sha256|imported_at|id): ' "$T/out" >"$T/show"
	expect_file "$E/$f.show" "$T/show"
	grep -qE '^sha256: [0-9a-f]{64}$' "$T/out" || fail "no sha256 line"
done

# the default plan is the latest one
run "$CCHC" plan tree
expect_file "$E/so-gtvt-2024.md.tree" "$T/out"

# importing the same text again returns the existing plan
run "$CCHC" plan import "$FIXTURES/so-ngoai-vu-2024.txt"
expect_rc 0
[ "$(cat "$T/out")" = "1" ] || fail "re-import printed '$(cat "$T/out")'"
expect_grep "đã được nhập trước đây (kế hoạch 1)" "$T/err"

# the same text decomposed (NFD) and with CRLF line ends is the same text
python3 - "$FIXTURES/so-ngoai-vu-2024.txt" "$T/nfd.txt" <<'PY' || fail "python3 is needed to make the NFD copy"
import sys, unicodedata
t = open(sys.argv[1], encoding="utf-8").read()
open(sys.argv[2], "w", encoding="utf-8", newline="\r\n").write(unicodedata.normalize("NFD", t))
PY
run "$CCHC" plan import "$T/nfd.txt"
expect_rc 0
[ "$(cat "$T/out")" = "1" ] || fail "NFD/CRLF copy was not recognised as plan 1"

run "$CCHC" plan list
expect_rc 0
printf '3\t2024\t/KH-SGTVT\tTriển khai nâng cao Chỉ số cải cách hành chính (PAR INDEX) và Chỉ số hài lòng về sự phục vụ hành chính (SIPAS) tỉnh Lạng Sơn năm 2024\n' >"$T/want"
printf '2\t2024\t\tTriển khai thực hiện nâng cao Chỉ số cải cách hành chính (PAR INDEX) và Chỉ số hài lòng của người dân đối với sự phục vụ của cơ quan hành chính nhà nước (SIPAS) tỉnh Lạng Sơn năm 2024\n' >>"$T/want"
printf '1\t2024\t31/KH-SNgV\tNâng cao Chỉ số cải cách hành chính (PAR INDEX), Chỉ số hài lòng về sự phục vụ hành chính (SIPAS), Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (PAPI) của Sở Ngoại vụ năm 2024\n' >>"$T/want"
expect_file "$T/want" "$T/out"

# the database holds the exact source text (NFC) and its sections' bodies
if command -v sqlite3 >/dev/null; then
	n=$(sqlite3 "$CCHC_DB" "SELECT count(*) FROM section_item i JOIN section s ON s.id = i.section_id WHERE s.plan_id = 2 AND i.kind = 'item'")
	[ "$n" -eq 11 ] || fail "plan 2 has $n list items, expected 11"
fi

run "$CCHC" plan show 99
expect_rc 1
expect_grep "Không có kế hoạch số 99" "$T/err"
exit 0
