#!/bin/sh
# cchc search: without tones by default, exact with --exact, kinds, formats,
# ranking (a heading before a body), units sorted in Vietnamese order.
. "${top_srcdir:-.}/tests/cli/lib.sh"

"$CCHC" plan import "$FIXTURES/so-cong-thuong-2024.txt" >/dev/null 2>&1 || fail "import"
"$CCHC" plan import "$FIXTURES/so-ngoai-vu-2024.txt" >/dev/null 2>&1 || fail "import"
for u in "Văn phòng Sở" "Đội Kiểm tra Đồng Đăng" "Ban Quản lý cửa khẩu" "Phòng Dịch vụ" "Chi cục Mà Sao"; do
	"$CCHC" unit add "$u" >/dev/null || fail "unit add $u"
done

# tsv: kind, id, snippet with the match in brackets, tones kept
run "$CCHC" search thu tuc --format tsv
expect_rc 0
head -1 "$T/out" | grep -q "^section	6	1.3. Cải cách \[thủ tục\] hành chính$" ||
	fail "first hit is not the heading 1.3: $(head -1 "$T/out")"
[ "$(wc -l <"$T/out")" -ge 4 ] || fail "too few hits for thu tuc"
# every hit has the words, whatever their tones
while IFS='	' read -r kind id snip; do
	case "$snip" in *"[thủ tục]"*|*"[Thủ tục]"*|*"[thủ]"*) ;; *) fail "hit $kind $id lacks the match: $snip" ;; esac
done <"$T/out"

for q in "xin loi" "XIN LOI" "xin lỗi"; do
	run "$CCHC" search "$q" --format tsv
	expect_rc 0
	expect_grep "thư [xin lỗi] cá nhân" "$T/out"
done

run "$CCHC" search dong dang --kind unit --format tsv
expect_rc 0
printf 'unit\t2\tĐội Kiểm tra [Đồng Đăng]\n' >"$T/want"
expect_file "$T/want" "$T/out"

# exact: tones count
run "$CCHC" search ma --kind unit --format tsv
expect_grep "Chi cục [Mà] Sao" "$T/out"
run "$CCHC" search mà --exact --kind unit --format tsv
expect_grep "Chi cục [Mà] Sao" "$T/out"
run "$CCHC" search ma --exact --kind unit --format tsv
expect_rc 0
[ ! -s "$T/out" ] || fail "exact 'ma' found: $(cat "$T/out")"

# kinds and plan filter
run "$CCHC" search "nâng cao" --kind plan --format tsv
expect_rc 0
[ "$(cut -f1 "$T/out" | sort -u)" = plan ] || fail "--kind plan returned other kinds"
[ "$(wc -l <"$T/out")" -eq 2 ] || fail "expected both plans"
run "$CCHC" search "văn phòng" --plan 2 --kind section --format tsv
[ "$(cut -f3 "$T/out")" = "1. [Văn phòng] Sở" ] || fail "--plan 2: $(cat "$T/out")"

# json is well formed
run "$CCHC" search "chỉ đạo" --format json --limit 3
expect_rc 0
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d)==3 and all({"kind","id","plan_id","title","snippet"}<=set(x) for x in d)' "$T/out" ||
	fail "bad json: $(cat "$T/out")"

# text format: kind, id, title, then the snippet
run "$CCHC" search "cải cách thể chế"
expect_grep "section     5  1.2. Cải cách thể chế" "$T/out"

# no hit, usage errors, hostile numbers
run "$CCHC" search "!!!"
expect_rc 2
expect_grep "không có chữ hay số nào" "$T/err"
run "$CCHC" search cải --limit 1000000000
expect_rc 2
run "$CCHC" search cải --plan 1abc
expect_rc 2
run "$CCHC" search zzzzqqq
expect_rc 0
expect_grep "không tìm thấy" "$T/err"
run "$CCHC" search
expect_rc 2
run "$CCHC" search x --kind thu-tu
expect_rc 2
expect_grep 'không có loại "thu-tu"' "$T/err"

# the index follows deletions (cascades included)
run "$CCHC" plan delete 1
expect_rc 0
expect_grep "đã xóa kế hoạch 1" "$T/err"
[ "$(sqlite3 "$CCHC_DB" "SELECT count(*) FROM search_doc WHERE plan_id = 1")" -eq 0 ] ||
	fail "search rows of the deleted plan remain"
run "$CCHC" search "1.3" thu tuc --format tsv
expect_rc 0
expect_no_grep "Cải cách [thủ tục]" "$T/out"

# units are listed in Vietnamese order (Đ after D, before E)
run "$CCHC" unit list
cut -f3 "$T/out" >"$T/names"
printf 'Ban Quản lý cửa khẩu\nChi cục Mà Sao\nĐội Kiểm tra Đồng Đăng\nPhòng Dịch vụ\nVăn phòng Sở\n' >"$T/want"
expect_file "$T/want" "$T/names"
exit 0
