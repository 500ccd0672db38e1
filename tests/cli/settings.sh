#!/bin/sh
# Settings: the known keys with their defaults, values derived from the
# newest plan, checks on what the clerk sets, reset, unknown keys.
. "${top_srcdir:-.}/tests/cli/lib.sh"

run "$CCHC" setting get letter.number
expect_rc 0
[ "$(cat "$T/out")" = "{n}/PXL" ] || fail "default letter.number: $(cat "$T/out")"
run "$CCHC" setting get period.cutoff_day
[ "$(cat "$T/out")" = 15 ] || fail "default cut-off: $(cat "$T/out")"

# the agency's name and place come from the newest plan until set
"$CCHC" plan import "$FIXTURES/so-ngoai-vu-2024.txt" >/dev/null 2>&1 || fail import
run "$CCHC" setting get org.name
[ "$(cat "$T/out")" = "Sở Ngoại vụ" ] || fail "derived org.name: $(cat "$T/out")"
run "$CCHC" setting get org.parent
[ "$(cat "$T/out")" = "UBND TỈNH LẠNG SƠN" ] || fail "derived org.parent: $(cat "$T/out")"
run "$CCHC" setting list --format tsv
expect_rc 0
expect_grep "org.place	Lạng Sơn	default" "$T/out"
expect_grep "feedback.due.cong-dvc	20	default" "$T/out"

run "$CCHC" setting set org.name "Sở  Công   Thương"
expect_rc 0
run "$CCHC" setting get org.name
[ "$(cat "$T/out")" = "Sở Công Thương" ] || fail "set org.name (spaces squeezed): $(cat "$T/out")"
run "$CCHC" setting list --format tsv
expect_grep "org.name	Sở Công Thương	set" "$T/out"

# values are checked, with the key's help in the message
run "$CCHC" setting set letter.number "PXL-SCT"
expect_rc 1
expect_grep "không hợp lệ cho letter.number" "$T/err"
run "$CCHC" setting set letter.number "{n}/PXL/{n}"
expect_rc 1
run "$CCHC" setting set letter.number "{n}/PXL-SCT"
expect_rc 0
run "$CCHC" setting set period.cutoff_day 31
expect_rc 1
run "$CCHC" setting set feedback.due.cong-dvc 0
expect_rc 1
run "$CCHC" setting set feedback.due.cong-dvc 25
expect_rc 0
run "$CCHC" setting get feedback.due.cong-dvc
[ "$(cat "$T/out")" = 25 ] || fail "set due days: $(cat "$T/out")"
run "$CCHC" setting set org.name "   "
expect_rc 1

# unknown keys, usage
run "$CCHC" setting set colour red
expect_rc 1
expect_grep 'Không có thiết lập "colour"' "$T/err"
run "$CCHC" setting get colour
expect_rc 1
run "$CCHC" setting set letter.number
expect_rc 2

# reset brings the default back
run "$CCHC" setting reset org.name
expect_rc 0
run "$CCHC" setting get org.name
[ "$(cat "$T/out")" = "Sở Ngoại vụ" ] || fail "after reset: $(cat "$T/out")"
exit 0
