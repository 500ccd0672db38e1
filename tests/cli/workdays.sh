#!/bin/sh
# cchc workdays and cchc holidays: dates in either form, ISO out, the notice
# for computed years, the clerk's own holiday file, bad input.
. "${top_srcdir:-.}/tests/cli/lib.sh"

run "$CCHC" workdays 29/04/2026 1
expect_rc 0
[ "$(cat "$T/out")" = 2026-05-04 ] || fail "29/04/2026 + 1 = $(cat "$T/out")"
expect_grep "năm 2026 chưa có tệp ngày nghỉ chính thức" "$T/err"

run "$CCHC" workdays 2026-05-04 -1
[ "$(cat "$T/out")" = 2026-04-29 ] || fail "back one: $(cat "$T/out")"
run "$CCHC" workdays between 2026-04-29 04/05/2026
[ "$(cat "$T/out")" = 1 ] || fail "between: $(cat "$T/out")"

# 2025 comes from its file: no notice, Saturday 8/2 is a make-up day
run "$CCHC" workdays 2025-02-07 1
[ "$(cat "$T/out")" = 2025-02-08 ] || fail "make-up Saturday: $(cat "$T/out")"
[ ! -s "$T/err" ] || fail "notice for 2025: $(cat "$T/err")"
run "$CCHC" holidays 2025
expect_grep "2025-02-08	làm	Làm bù cho 27/01" "$T/out"

# the clerk's own file for 2026 wins over the rules
mkdir -p "$XDG_CONFIG_HOME/cchc/holidays"
printf '2026-04-30 nghỉ Ngày Chiến thắng\n2026-05-01 nghỉ Quốc tế Lao động\n' >"$XDG_CONFIG_HOME/cchc/holidays/2026.txt"
run "$CCHC" workdays 2026-02-13 1
[ "$(cat "$T/out")" = 2026-02-16 ] || fail "own file ignored: $(cat "$T/out")"
[ ! -s "$T/err" ] || fail "notice despite a file"
printf '2026-02-30 nghỉ X\n' >"$XDG_CONFIG_HOME/cchc/holidays/2026.txt"
run "$CCHC" workdays 2026-02-13 1
expect_rc 1
expect_grep "holidays/2026.txt:1: ngày \"2026-02-30\" không hợp lệ" "$T/err"

# a file of dates of another year, or with a bad word: refused with its line
printf '# 2026\n\n2027-01-01 nghỉ Tết\n' >"$XDG_CONFIG_HOME/cchc/holidays/2026.txt"
run "$CCHC" holidays 2026
expect_rc 1
expect_grep "holidays/2026.txt:3: ngày 2027-01-01 không thuộc năm 2026" "$T/err"
printf '2026-01-01 nghỉ Tết\n2026-01-02 chơi\n' >"$XDG_CONFIG_HOME/cchc/holidays/2026.txt"
run "$CCHC" workdays 2026-01-01 1
expect_rc 1
expect_grep "holidays/2026.txt:2: sau ngày phải ghi" "$T/err"

# a file with no dates (only a comment, or nothing): the year is computed as
# with no file, and the clerk is told the file had no dates
rm "$XDG_CONFIG_HOME/cchc/holidays/2026.txt"
run "$CCHC" holidays 2026
cp "$T/out" "$T/computed"
run "$CCHC" workdays 2026-04-24 3
cp "$T/out" "$T/computed-add"
run "$CCHC" workdays between 2026-01-01 2026-12-31
cp "$T/out" "$T/computed-between"
for body in '# ngày nghỉ năm 2026: chưa có thông báo\n' '\n  \n' ''; do
	printf "$body" >"$XDG_CONFIG_HOME/cchc/holidays/2026.txt"
	run "$CCHC" holidays 2026
	expect_rc 0
	cmp -s "$T/out" "$T/computed" || fail "file with no dates ($body): not the computed days"
	grep -q "2026-02-17	nghỉ	Tết Nguyên đán" "$T/out" || fail "no Tết in the computed days"
	expect_grep "/config/cchc/holidays/2026.txt không có ngày nào" "$T/err"
	expect_no_grep "chưa có tệp ngày nghỉ" "$T/err"
	run "$CCHC" workdays 2026-04-24 3
	expect_rc 0
	cmp -s "$T/out" "$T/computed-add" || fail "workdays with an empty file: $(cat "$T/out")"
	expect_grep "holidays/2026.txt không có ngày nào" "$T/err"
	run "$CCHC" workdays between 2026-01-01 2026-12-31
	cmp -s "$T/out" "$T/computed-between" || fail "between with an empty file: $(cat "$T/out")"
done
rm "$XDG_CONFIG_HOME/cchc/holidays/2026.txt"

# the same for the installed data file ($CCHC_DATADIR/data/holidays)
mkdir -p "$T/share/data/holidays"
printf '# chưa có\n' >"$T/share/data/holidays/2026.txt"
run env CCHC_DATADIR="$T/share" "$CCHC" holidays 2026
expect_rc 0
cmp -s "$T/out" "$T/computed" || fail "empty data file: not the computed days"
expect_grep "tệp ngày nghỉ data/holidays/2026.txt không có ngày nào" "$T/err"

run "$CCHC" workdays 31/02/2026 1
expect_rc 2
expect_grep 'ngày "31/02/2026" không hợp lệ' "$T/err"
run "$CCHC" workdays 2026-01-01 x
expect_rc 2
run "$CCHC" workdays 1901-01-02 -5
expect_rc 1
expect_grep "ngoài các năm 1901-2199" "$T/err"
run "$CCHC" workdays 2026-01-01 100001
expect_rc 2
run "$CCHC" holidays 20x6
expect_rc 2
exit 0
