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
rm "$XDG_CONFIG_HOME/cchc/holidays/2026.txt"

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
