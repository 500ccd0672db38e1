#!/bin/sh
# Units (divisions): add, list in name order, duplicates refused.
. "${top_srcdir:-.}/tests/cli/lib.sh"

run "$CCHC" unit add "Văn phòng Sở" --code VP --head "Hoàng Thị Lan"
expect_rc 0
[ "$(cat "$T/out")" = 1 ] || fail "unit add printed $(cat "$T/out")"
run "$CCHC" unit add "  Thanh   tra Sở " --code TTr
expect_rc 0
run "$CCHC" unit add "Văn phòng Sở" --code VP2
expect_rc 1
expect_grep 'Đã có đơn vị tên "Văn phòng Sở"' "$T/err"
run "$CCHC" unit add ""
expect_rc 1
expect_grep "không được để trống" "$T/err"
run "$CCHC" unit add
expect_rc 2
run "$CCHC" unit list
expect_rc 0
printf '2\tTTr\tThanh tra Sở\t\n1\tVP\tVăn phòng Sở\tHoàng Thị Lan\n' >"$T/want"
expect_file "$T/want" "$T/out"
exit 0
