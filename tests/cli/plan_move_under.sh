#!/bin/sh
# Moving a plan section under another parent (issue 17): a section the
# importer put at the wrong level goes under the section it belongs to, its
# subsections along, depths following, labels as written; its tasks and
# criteria stay with it; one action, undone exactly; refusals say why.
. "${top_srcdir:-.}/tests/cli/lib.sh"
export CCHC_CREATE=1
run "$CCHC" plan import "$FIXTURES/so-ngoai-vu-2024.txt"
expect_rc 0
tree() { "$CCHC" plan tree 1 --format tsv; }
sections() { sqlite3 "$CCHC_DB" "SELECT id, plan_id, parent_id, seq, depth, label, heading FROM section ORDER BY id"; }
tree >"$T/tree0"
sections >"$T/rows0"
# the tree as imported: 1 I. (2 1., 3 2.), 4 II., 5 III. (6 1., 7 2.)
tree | cut -f1,2,3 | tr '\t\n' ' |' >"$T/out"
printf "1 0 I.|2 1 1.|3 1 2.|4 0 II.|5 0 III.|6 1 1.|7 1 2.|" >"$T/want"
expect_file "$T/want" "$T/out"

# a task on section 6 and a criterion on section 5 stay with their sections
run "$CCHC" unit add "Văn phòng" --code VP
expect_rc 0
run "$CCHC" task add --section 6 --title "Nhiệm vụ của mục 6" --lead VP
expect_rc 0
task=$(cat "$T/out")
crit=$(sqlite3 "$CCHC_DB" "SELECT min(id) FROM criterion")
[ -n "$crit" ] || fail "no criterion in a new database"
raw_sql "INSERT INTO section_criterion(section_id, criterion_id) VALUES(5, $crit)"

# section 7 (III.2) goes under section 2 (I.1): last child, one level deeper
run "$CCHC" plan section 7 --move-under 2
expect_rc 0
tree | cut -f1,2,3 | tr '\t\n' ' |' >"$T/out"
printf "1 0 I.|2 1 1.|7 2 2.|3 1 2.|4 0 II.|5 0 III.|6 1 1.|" >"$T/want"
expect_file "$T/want" "$T/out"
"$CCHC" history >"$T/out"
expect_grep "Chuyển mục «2. Các phòng, đơn vị và Trung tâm TTDVĐN thuộc S…» vào dưới mục «1. Mục đích»" "$T/out"

# section 5 (III., with its child 6) goes under section 1 right after 2's
# block: the subsection follows, two levels now
run "$CCHC" plan section 5 --move-under 1 --after 2
expect_rc 0
tree | cut -f1,2,3 | tr '\t\n' ' |' >"$T/out"
printf "1 0 I.|2 1 1.|7 2 2.|5 1 III.|6 2 1.|3 1 2.|4 0 II.|" >"$T/want"
expect_file "$T/want" "$T/out"
[ "$(sqlite3 "$CCHC_DB" "SELECT parent_id FROM section WHERE id = 6")" = 5 ] ||
	fail "section 6 left its parent"
[ "$(sqlite3 "$CCHC_DB" "SELECT section_id FROM task WHERE id = $task")" = 6 ] ||
	fail "the task left section 6"
[ "$(sqlite3 "$CCHC_DB" "SELECT section_id FROM section_criterion WHERE criterion_id = $crit")" = 5 ] ||
	fail "the criterion left section 5"

# refusals: under itself, under its own subsection, after a section that
# is not a child of the parent, after itself, where it already is, another plan
run "$CCHC" plan section 5 --move-under 5
expect_rc 1
expect_grep "Không chuyển được một mục vào dưới chính nó" "$T/err"
run "$CCHC" plan section 5 --move-under 6
expect_rc 1
expect_grep "Không chuyển được một mục vào dưới mục con của nó" "$T/err"
run "$CCHC" plan section 4 --move-under 1 --after 6
expect_rc 1
expect_grep "Mục 6 không phải mục con của mục 1" "$T/err"
run "$CCHC" plan section 5 --move-under 1 --after 5
expect_rc 1
expect_grep "Không đặt được một mục sau chính nó" "$T/err"
run "$CCHC" plan section 5 --move-under 1 --after 2
expect_rc 1
expect_grep "Mục này đã ở đúng chỗ đó" "$T/err"
run "$CCHC" plan section 5 --move-under 99
expect_rc 1
expect_grep "Không có đề mục số 99" "$T/err"
run "$CCHC" plan import "$FIXTURES/so-cong-thuong-2024.txt"
expect_rc 0
run "$CCHC" plan section 5 --move-under 8
expect_rc 1
expect_grep "Mục 8 thuộc kế hoạch khác" "$T/err"
run "$CCHC" undo
expect_rc 0
# a refusal changed nothing
tree | cut -f1,2,3 | tr '\t\n' ' |' >"$T/out"
printf "1 0 I.|2 1 1.|7 2 2.|5 1 III.|6 2 1.|3 1 2.|4 0 II.|" >"$T/want"
expect_file "$T/want" "$T/out"

# undo takes each move back whole: rows as imported, to the byte
run "$CCHC" undo
expect_rc 0
expect_grep "Chuyển mục «III. TỔ CHỨC THỰC HIỆN» vào dưới mục «I. MỤC ĐÍCH, YÊU CẦU»" "$T/out"
run "$CCHC" undo
expect_rc 0
sections >"$T/out"
expect_file "$T/rows0" "$T/out"

# down a level without a seq change (7 under the sibling 6 before it), then
# back up where it is already the last of its new parent's block
run "$CCHC" plan section 7 --move-under 6
expect_rc 0
tree | cut -f1,2 | tr '\t\n' ' |' >"$T/out"
printf "1 0|2 1|3 1|4 0|5 0|6 1|7 2|" >"$T/want"
expect_file "$T/want" "$T/out"
run "$CCHC" plan section 7 --move-under 5
expect_rc 0
sections >"$T/out"
expect_file "$T/rows0" "$T/out"

# 0: the plan's top level (a section the importer put too deep)
run "$CCHC" plan section 6 --move-under 0 --after 1
expect_rc 0
tree | cut -f1,2,3 | tr '\t\n' ' |' >"$T/out"
printf "1 0 I.|2 1 1.|3 1 2.|6 0 1.|4 0 II.|5 0 III.|7 1 2.|" >"$T/want"
expect_file "$T/want" "$T/out"
[ -z "$(sqlite3 "$CCHC_DB" "SELECT parent_id FROM section WHERE id = 6")" ] ||
	fail "section 6 kept a parent at the top level"
"$CCHC" history >"$T/out"
expect_grep "Chuyển mục «1. Văn phòng Sở» ra cấp cao nhất" "$T/out"
run "$CCHC" plan section 2 --move-under 0 --after 3
expect_rc 1
expect_grep "Mục 3 không ở cấp cao nhất" "$T/err"
run "$CCHC" plan section 5 --move-under 0
expect_rc 1
expect_grep "Mục này đã ở đúng chỗ đó" "$T/err"
run "$CCHC" undo
expect_rc 0
sections >"$T/out"
expect_file "$T/rows0" "$T/out"

# usage errors
run "$CCHC" plan section 5 --after 2
expect_rc 2
expect_grep "--after chỉ đi cùng --move-under" "$T/err"
run "$CCHC" plan section 5 --move-under x
expect_rc 2
expect_grep "mã mục \"x\" không hợp lệ" "$T/err"
run "$CCHC" plan section 5 --move-under
expect_rc 2
run "$CCHC" plan section 5 --move-under 1 --move-up
expect_rc 2
exit 0
