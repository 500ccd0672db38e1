#!/bin/sh
# Bad input gets a clear Vietnamese message, a non-zero exit, and leaves the
# database without a half-imported plan.
. "${top_srcdir:-.}/tests/cli/lib.sh"

count_plans() {
	if command -v sqlite3 >/dev/null && [ -e "$CCHC_DB" ]; then
		sqlite3 "$CCHC_DB" "SELECT count(*) FROM plan"
	else
		echo 0
	fi
}

# missing file
run "$CCHC" plan import "$T/none.txt"
expect_rc 1
expect_grep "Không mở được tệp $T/none.txt" "$T/err"
[ ! -s "$T/out" ] || fail "stdout not empty on error"

# empty file, and a file of blank lines
: >"$T/empty.txt"
run "$CCHC" plan import "$T/empty.txt"
expect_rc 1
expect_grep "rỗng" "$T/err"
printf ' \n\t\n \n' >"$T/blank.txt"
run "$CCHC" plan import "$T/blank.txt"
expect_rc 1
expect_grep "rỗng" "$T/err"

# binary file
printf '\211PNG\r\n\032\n\000\000\000\rIHDR' >"$T/pic.png"
run "$CCHC" plan import "$T/pic.png"
expect_rc 1
expect_grep "pic.png không phải văn bản: có byte 0 ở dòng 3 (hãy sao chép nội dung kế hoạch" "$T/err"

# Latin-1 file: which line, and that --encoding exists
printf 'KẾ HOẠCH\n\nI. Mục\n\nCaf\351 au lait\n' >"$T/latin1.txt"
run "$CCHC" plan import "$T/latin1.txt"
expect_rc 1
expect_grep "không phải UTF-8: dòng 5" "$T/err"
expect_grep "--encoding" "$T/err"

# unknown encoding name
run "$CCHC" plan import "$FIXTURES/so-ngoai-vu-2024.txt" --encoding NO-SUCH
expect_rc 1
expect_grep 'Không biết bảng mã "NO-SUCH"' "$T/err"

# a text that is not a plan
printf 'Kính gửi anh chị,\n\nđây chỉ là một lá thư.\n' >"$T/letter.txt"
run "$CCHC" plan import "$T/letter.txt"
expect_rc 1
expect_grep "Không nhận ra cấu trúc kế hoạch" "$T/err"

# a directory
run "$CCHC" plan import "$T"
expect_rc 1
expect_grep "không phải là một tệp thông thường" "$T/err"

[ "$(count_plans)" -eq 0 ] || fail "a failed import left a plan behind"

# the same plan in Windows-1258 (tones as combining marks) or UTF-16LE
# imports to the same tree once the encoding is known
"$CCHC" plan import "$FIXTURES/so-ngoai-vu-2024.txt" >/dev/null 2>&1 || fail "UTF-8 import"
"$CCHC" plan tree 1 >"$T/tree-utf8"
if iconv -f UTF-8 -t WINDOWS-1258 "$FIXTURES/so-ngoai-vu-2024.txt" >"$T/cp1258.txt" 2>/dev/null; then
	run "$CCHC" plan import "$T/cp1258.txt"
	expect_rc 1
	expect_grep "--encoding" "$T/err"
	run "$CCHC" plan import "$T/cp1258.txt" --encoding WINDOWS-1258
	expect_rc 0
	[ "$(cat "$T/out")" = "1" ] || fail "Windows-1258 copy not recognised as the same text (got $(cat "$T/out"))"
fi
# a UTF-8 BOM named as --encoding utf8 is the same text
{ printf '\357\273\277'; cat "$FIXTURES/so-ngoai-vu-2024.txt"; } >"$T/bom.txt"
run "$CCHC" plan import "$T/bom.txt" --encoding utf8
expect_rc 0
[ "$(cat "$T/out")" = "1" ] || fail "BOM + --encoding utf8 imported as a new plan"
{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$FIXTURES/so-gtvt-2024.md"; } >"$T/utf16.md"
run "$CCHC" plan import "$T/utf16.md"
expect_rc 0
"$CCHC" plan tree "$(cat "$T/out")" >"$T/tree-utf16"
expect_file "$FIXTURES/expected/so-gtvt-2024.md.tree" "$T/tree-utf16"
# a NUL byte inside a plan: not text, with its line; UTF-16 without a BOM
# is told as such, naming the --encoding that then reads it
plan16=$(cat "$T/out")
{ head -n 5 "$FIXTURES/so-gtvt-2024.md"; printf 'x\000y\n'; tail -n +6 "$FIXTURES/so-gtvt-2024.md"; } >"$T/nul.md"
run "$CCHC" plan import "$T/nul.md"
expect_rc 1
expect_grep "Tệp $T/nul.md không phải văn bản: có byte 0 ở dòng 6" "$T/err"
for e in LE BE; do
	iconv -f UTF-8 -t UTF-16$e "$FIXTURES/so-gtvt-2024.md" >"$T/nobom-$e.md"
	run "$CCHC" plan import "$T/nobom-$e.md"
	expect_rc 1
	expect_grep "Tệp $T/nobom-$e.md có vẻ là UTF-16 không có BOM; hãy lưu lại dưới dạng UTF-8 hoặc dùng --encoding UTF-16$e" "$T/err"
	expect_no_grep "nhị phân" "$T/err"
	run "$CCHC" plan import "$T/nobom-$e.md" --encoding "UTF-16$e"
	expect_rc 0
	[ "$(cat "$T/out")" = "$plan16" ] || fail "UTF-16$e without BOM not the same plan: $(cat "$T/out")"
done
exit 0
