#!/bin/sh
# Correcting an imported plan (issue 17): plan edit sets header fields,
# plan section edits a heading and text, moves a section among its siblings
# (labels follow the place, subsections move along), joins a section to the
# one before it (its tasks go along), joins and splits paragraphs. Each is
# one action: undo brings the tree and the text back exactly.
. "${top_srcdir:-.}/tests/cli/lib.sh"
export CCHC_CREATE=1
run "$CCHC" plan import "$FIXTURES/so-ngoai-vu-2024.txt"
expect_rc 0
tree() { "$CCHC" plan tree 1 --format tsv; }
tree >"$T/tree0"
"$CCHC" plan section 2 >"$T/sec2.0"
"$CCHC" plan show 1 | grep -vE '^imported_at' >"$T/show0"

# header fields
run "$CCHC" plan edit 1 --title "Cải cách hành chính năm 2024" --number 31/KH-SNgV --year 2024 \
	--signer "Nguyễn Văn A"
expect_rc 0
"$CCHC" plan show 1 >"$T/out"
expect_grep "title: Cải cách hành chính năm 2024" "$T/out"
expect_grep "number: 31/KH-SNgV" "$T/out"
expect_grep "signer_name: Nguyễn Văn A" "$T/out"
# the date line as written; the date it means follows
run "$CCHC" plan edit 1 --date "ngày 12 tháng 7 năm 2024"
expect_rc 0
"$CCHC" plan show 1 >"$T/out"
expect_grep "date: 2024-07-12" "$T/out"
expect_grep "date_text: ngày 12 tháng 7 năm 2024" "$T/out"
# the signer block's lines, separated by " / "
run "$CCHC" plan edit 1 --authority "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH"
expect_rc 0
[ "$(sqlite3 "$CCHC_DB" "SELECT signer_authority FROM plan WHERE id = 1")" = "$(printf 'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH')" ] ||
	fail "the authority is not stored as two lines"
run "$CCHC" undo
run "$CCHC" plan edit 1 --date "tháng bảy"
expect_rc 1
expect_grep "Ngày \"tháng bảy\" không đọc được" "$T/err"
run "$CCHC" undo
expect_rc 0
run "$CCHC" plan edit 1 --title "   "
expect_rc 1
expect_grep "Trích yếu của kế hoạch không được để trống" "$T/err"
run "$CCHC" plan edit 1 --year 20x4
expect_rc 1
expect_grep "Năm \"20x4\" không hợp lệ" "$T/err"
run "$CCHC" plan edit 9 --title X
expect_rc 1
expect_grep "Không có kế hoạch số 9" "$T/err"
run "$CCHC" undo
expect_rc 0
"$CCHC" plan show 1 | grep -vE '^imported_at' >"$T/show1"
expect_file "$T/show0" "$T/show1"

# heading and text: one paragraph a line, "- " a list item
run "$CCHC" plan section 2 --heading "Mục đích chung" --text "Đoạn một.
- ý thứ nhất

Đoạn hai. Câu sau."
expect_rc 0
run "$CCHC" plan section 2
printf '1. Mục đích chung\nĐoạn một.\n- ý thứ nhất\nĐoạn hai. Câu sau.\n' >"$T/want"
expect_file "$T/want" "$T/out"

# split paragraph 3 at a sentence, then join it back
run "$CCHC" plan section 2 --split-paragraph 3 --at "Câu sau"
expect_rc 0
"$CCHC" plan section 2 >"$T/out"
printf '1. Mục đích chung\nĐoạn một.\n- ý thứ nhất\nĐoạn hai.\nCâu sau.\n' >"$T/want"
expect_file "$T/want" "$T/out"
run "$CCHC" plan section 2 --split-paragraph 3 --at "không có"
expect_rc 1
expect_grep "Đoạn 3 không có chữ \"không có\" ở giữa để tách" "$T/err"
run "$CCHC" plan section 2 --join-paragraph 4
expect_rc 0
"$CCHC" plan section 2 >"$T/out"
printf '1. Mục đích chung\nĐoạn một.\n- ý thứ nhất\nĐoạn hai. Câu sau.\n' >"$T/want"
expect_file "$T/want" "$T/out"
run "$CCHC" plan section 2 --join-paragraph 1
expect_rc 1
expect_grep "không có đoạn trước" "$T/err"
run "$CCHC" plan section 2 --join-paragraph 9
expect_rc 1
expect_grep "Không có đoạn 9 (mục này có 3 đoạn)" "$T/err"
for i in 1 2 3; do "$CCHC" undo >/dev/null 2>&1 || fail "undo $i"; done
"$CCHC" plan section 2 >"$T/out"
expect_file "$T/sec2.0" "$T/out"

# moving: section 7 (III.2) up takes label 1., 6 becomes 2.; a top-level
# section moves with its subsections
run "$CCHC" plan section 7 --move-up
expect_rc 0
# the history names the action and the section as it was
"$CCHC" history >"$T/out"
expect_grep "Chuyển mục «2. Các phòng, đơn vị và Trung tâm TTDVĐN thuộc S…» lên" "$T/out"
tree >"$T/out"
expect_grep "$(printf '7\t1\t1.\tCác phòng')" "$T/out"
expect_grep "$(printf '6\t1\t2.\tVăn phòng Sở')" "$T/out"
run "$CCHC" plan section 7 --move-up
expect_rc 1
expect_grep "đã đứng đầu trong các mục cùng cấp" "$T/err"
run "$CCHC" plan section 1 --move-down
expect_rc 0
tree | cut -f1,3 | tr '\t\n' ' |' >"$T/out"
printf "4 I.|1 II.|2 1.|3 2.|5 III.|7 1.|6 2.|" >"$T/want"
expect_file "$T/want" "$T/out"
run "$CCHC" undo
run "$CCHC" undo
tree >"$T/out"
expect_file "$T/tree0" "$T/out"

# joining section 3 (I.2, no subsections) to section 2: its task goes along
run "$CCHC" unit add "Văn phòng" --code VP
expect_rc 0
run "$CCHC" task add --section 3 --title "Nhiệm vụ của mục 3" --lead VP
expect_rc 0
task=$(cat "$T/out")
run "$CCHC" plan section 1 --join-previous
expect_rc 1
expect_grep "Mục này có 2 mục con" "$T/err"
run "$CCHC" plan section 3 --join-previous
expect_rc 0
tree | cut -f1 | tr '\n' ' ' >"$T/out"
printf "1 2 4 5 6 7 " >"$T/want"
expect_file "$T/want" "$T/out"
"$CCHC" plan section 2 >"$T/out"
expect_grep "2. Yêu cầu" "$T/out"
[ "$(sqlite3 "$CCHC_DB" "SELECT section_id FROM task WHERE id = $task")" = 2 ] ||
	fail "the task did not go to section 2"
run "$CCHC" undo
expect_rc 0
tree >"$T/out"
expect_file "$T/tree0" "$T/out"
"$CCHC" plan section 2 >"$T/out"
expect_file "$T/sec2.0" "$T/out"
[ "$(sqlite3 "$CCHC_DB" "SELECT section_id FROM task WHERE id = $task")" = 3 ] ||
	fail "undo did not bring the task back to section 3"

# usage errors
run "$CCHC" plan section 2 --move-up --join-previous
expect_rc 2
run "$CCHC" plan section 2 --split-paragraph 1
expect_rc 2
expect_grep "cần --at" "$T/err"
run "$CCHC" plan section 99 --heading X
expect_rc 1
expect_grep "Không có đề mục số 99" "$T/err"
exit 0
