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
# codes are one code whatever their case, and trimmed
run "$CCHC" unit add "Văn phòng 2" --code vp
expect_rc 1
expect_grep "Đã có đơn vị" "$T/err"
run "$CCHC" unit add "Phòng Tư pháp" --code " TP "
expect_rc 0
[ "$(sqlite3 "$CCHC_DB" "SELECT code FROM unit WHERE name = 'Phòng Tư pháp'")" = TP ] || fail "code not trimmed"

run "$CCHC" unit list
expect_rc 0
printf '3\tTP\tPhòng Tư pháp\t\tphong\n2\tTTr\tThanh tra Sở\t\tphong\n1\tVP\tVăn phòng Sở\tHoàng Thị Lan\tphong\n' >"$T/want"
expect_file "$T/want" "$T/out"

# edit, deactivate: gone from the list, still there with --all
run "$CCHC" unit edit tp --name "Phòng Tư pháp - Hộ tịch" --head "Lý Văn Nam" --active no
expect_rc 0
run "$CCHC" unit list
expect_no_grep "Tư pháp" "$T/out"
run "$CCHC" unit list --all
expect_grep "3	TP	Phòng Tư pháp - Hộ tịch	Lý Văn Nam	inactive" "$T/out"
run "$CCHC" unit edit TP --code VP
expect_rc 1
expect_grep "Đã có đơn vị khác" "$T/err"
run "$CCHC" unit edit NOPE --head X
expect_rc 1
expect_grep 'Không có đơn vị mã "NOPE"' "$T/err"
run "$CCHC" unit edit TP --active maybe
expect_rc 2
exit 0
