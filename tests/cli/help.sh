#!/bin/sh
# --help, --version, per-command help, unknown commands and options.
. "${top_srcdir:-.}/tests/cli/lib.sh"

run "$CCHC" --help
expect_rc 0
for cmd in "plan import" "plan list" "plan tree" "plan show" "plan delete" "unit add" "unit list" "unit edit" \
	"search" "task add" "task list" "task show" "task edit" "task done" "task note" "task suggest" \
	"agenda" "workdays" "holidays" "evidence add" "evidence list" "evidence get" "evidence missing" \
	"criteria load" "criteria list" "score set" "score list" "index add" "index list" \
	"criteria suggest" "criteria map" "evidence open" "evidence edit" "init" "demo"; do
	expect_grep "cchc $cmd" "$T/out"
done
expect_grep "CCHC_TODAY" "$T/out"
expect_grep "--db TỆP" "$T/out"

run "$CCHC" --version
expect_rc 0
grep -qE '^cchc [0-9]+\.[0-9]+\.[0-9]+$' "$T/out" || fail "bad --version: $(cat "$T/out")"

run "$CCHC" plan --help
expect_rc 0
expect_grep "cchc plan tree [MÃ] [--format text|tsv]" "$T/out"

run "$CCHC" init --help
expect_rc 0
expect_grep "Cách dùng: cchc init [TỆP]" "$T/out"
[ ! -e "$CCHC_DB" ] || fail "init --help made a database"

run "$CCHC" plan import --help
expect_rc 0
expect_grep "Cách dùng: cchc plan import TỆP [--encoding BẢNG_MÃ]" "$T/out"

run "$CCHC" frobnicate
expect_rc 2
expect_grep 'không có lệnh "frobnicate"' "$T/err"

run "$CCHC" plan frobnicate
expect_rc 2
expect_grep 'không có lệnh con "frobnicate"' "$T/err"

CCHC_TODAY=bad run "$CCHC" --help
expect_rc 0
run "$CCHC" --db
expect_rc 2
expect_grep "--db cần một giá trị" "$T/err"

run "$CCHC" --bogus
expect_rc 2
expect_grep "tùy chọn không rõ: --bogus" "$T/err"

run "$CCHC" plan tree --format xml
expect_rc 2
expect_grep 'định dạng "xml" không hỗ trợ' "$T/err"

run "$CCHC" plan show abc
expect_rc 2
expect_grep 'mã kế hoạch "abc" không hợp lệ' "$T/err"

# nothing above created a database
[ ! -e "$CCHC_DB" ] || fail "a usage error created the database"
exit 0
