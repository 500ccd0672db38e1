#!/bin/sh
# Deadlines as plans write them, from the command line: a wording not
# understood is saved as written with the due "chưa xác định" and listed by
# --due-unclear; no fixed day ("theo chỉ đạo") is never overdue; a due on a
# day off shows the working day to finish by.
. "${top_srcdir:-.}/tests/cli/lib.sh"
export CCHC_TODAY=2026-11-24
"$CCHC" plan import "$FIXTURES/corpus/so-tu-phap-2026.txt" >/dev/null 2>&1 || fail import
"$CCHC" unit add "Văn phòng Sở" --code VP >/dev/null || fail unit

add() {
	run "$CCHC" task add --section 5 --title "$1" --lead VP --due "$2"
	expect_rc 0
}
add "Báo cáo" "sớm nhất có thể"                      # 1: not understood
add "Sơ kết" "Trước ngày 30 tháng 11 năm 2026"       # 2: 29/11 is a Sunday
add "Tổng kết" "trước 31/08/2026"                    # 3: 30/08 is a Sunday
add "Kiểm tra" "theo chỉ đạo"                        # 4: no fixed day
add "Tự chấm" "31/02/2026"                           # 5: a day that does not exist
add "Báo cáo 6 tháng" "định kỳ 6 tháng"              # 6
add "Giỗ Tổ" "ngày 02/09/2026"                       # 7: Quốc khánh
add "Rà soát" "Trước 30/9 hằng năm"                  # 8: given 24/11, its one occurrence past
add "Khởi động" "Từ ngày 01/01/2026"                 # 9: a start, not a deadline
add "Báo cáo quý" "hằng quý"                         # 10: Q4 still ahead

# saved as written, no day: "chưa xác định", and why
run "$CCHC" task show 1
expect_rc 0
expect_grep "due_text: sớm nhất có thể" "$T/out"
expect_grep "due: chưa xác định" "$T/out"
expect_grep "due_unclear: không thấy ngày, tháng, quý, năm" "$T/out"
[ "$(sqlite3 "$CCHC_DB" "SELECT due_kind, coalesce(due_on, '-'), (SELECT count(*) FROM task_due \
	WHERE task_id = 1) FROM task WHERE id = 1")" = "unknown|-|0" ] || fail "unknown stored"
run "$CCHC" task show 5
expect_grep "due_unclear: không có ngày 31/02/2026 (tháng 2 chỉ có 28 ngày)" "$T/out"

# the unclear list: the ones not understood, and the recurring one whose
# every occurrence of the plan's year ended before it was given (it has
# nothing due and would show nowhere else); not the others
run "$CCHC" task list --due-unclear --format tsv
expect_rc 0
[ "$(cut -f1 "$T/out" | tr '\n' ' ')" = "1 5 8 9 " ] || fail "unclear list: $(cat "$T/out")"
# ... with the wording to settle and why, in every format
TAB=$(printf '\t')
for row in "1${TAB}todo${TAB}${TAB}VP${TAB}Báo cáo${TAB}sớm nhất có thể${TAB}không thấy ngày, tháng, quý, năm" \
	"8${TAB}todo${TAB}${TAB}VP${TAB}Rà soát${TAB}Trước 30/9 hằng năm${TAB}mọi kỳ của năm kế hoạch đã qua trước khi giao"; do
	grep -qxF "$row" "$T/out" || fail "unclear tsv row \"$row\": $(cat "$T/out")"
done
expect_grep "Từ ngày 01/01/2026${TAB}chỉ ghi lúc bắt đầu" "$T/out"
run "$CCHC" task list --due-unclear
grep -q "^    8  chưa thực hiện chưa rõ " "$T/out" || fail "passed recurring shown: $(cat "$T/out")"
expect_grep "Thời hạn ghi: 31/02/2026 — không có ngày 31/02/2026 (tháng 2 chỉ có 28 ngày)" "$T/out"
expect_grep "Thời hạn ghi: Trước 30/9 hằng năm — mọi kỳ của năm kế hoạch đã qua trước khi giao" "$T/out"
run "$CCHC" task list --due-unclear --format json
grep -q '"due_text": "Từ ngày 01/01/2026", .*"due_unclear": "chỉ ghi lúc bắt đầu' "$T/out" ||
	fail "unclear json: $(cat "$T/out")"
# the plain list keeps its five columns
run "$CCHC" task list --format tsv
[ "$(awk -F'\t' 'NF != 5' "$T/out" | wc -l)" = 0 ] || fail "plain tsv columns: $(cat "$T/out")"
run "$CCHC" task show 8
expect_grep "due: chưa xác định" "$T/out"
expect_grep "due_unclear: mọi kỳ của năm kế hoạch đã qua trước khi giao" "$T/out"
run "$CCHC" agenda
expect_grep "Thời hạn chưa rõ: 4 nhiệm vụ cần ghi lại thời hạn (cchc task list --due-unclear)" "$T/out"
# settled: it leaves the list
"$CCHC" task edit 5 --due "27/02/2026" || fail "settle"
"$CCHC" task edit 8 --due "hằng quý" || fail "settle recurring"
run "$CCHC" task list --due-unclear --format tsv
[ "$(cut -f1 "$T/out" | tr '\n' ' ')" = "1 9 " ] || fail "after settling: $(cat "$T/out")"

# understood wordings
run "$CCHC" task show 2
expect_grep "due: 29/11/2026" "$T/out"
expect_grep "workday: Chủ nhật → hoàn thành trong ngày làm việc 27/11/2026" "$T/out"
run "$CCHC" task show 4
expect_grep "due: theo yêu cầu" "$T/out"
run "$CCHC" task list --overdue --format tsv
expect_no_grep "Kiểm tra" "$T/out"
[ "$(sqlite3 "$CCHC_DB" "SELECT due_every || ':' || group_concat(d.due_on, ',') FROM task t \
	JOIN task_due d ON d.task_id = t.id WHERE t.id = 6")" = "h:2026-06-30,2026-12-31" ] ||
	fail "half-yearly occurrences"

# a due on a day off: the working day before it
run "$CCHC" task show 3
expect_grep "due: 30/08/2026" "$T/out"
expect_grep "workday: Chủ nhật → hoàn thành trong ngày làm việc 28/08/2026" "$T/out"
run "$CCHC" task show 7
expect_grep "workday: nghỉ Quốc khánh → hoàn thành trong ngày làm việc 31/08/2026" "$T/out"
run "$CCHC" task show 5
expect_grep "due: 27/02/2026" "$T/out"
expect_no_grep "workday:" "$T/out"

# the count of deadlines still unclear (the Overview's line, --due-unclear)
# reads the tasks kept in task_tally_unclear (schema 30), not every task
# nor task_due for each recurring one: its statement, as cchc ran it, is
# planned without a scan
printf 'key 1\n' > "$T/script"
CCHC_TRACE_SQL="$T/trace" "$CCHC" --script "$T/script" --size 100x30 > /dev/null ||
	fail "the Overview"
sed -n "s/^ *[0-9.]* ms  //p" "$T/trace" | grep "^SELECT count(\*) FROM task t .*task_tally_unclear" |
	head -n 1 > "$T/q"
[ -s "$T/q" ] || fail "no due-unclear statement in the trace"
sqlite3 "$CCHC_DB" "EXPLAIN QUERY PLAN $(sed 's/?[0-9]*/NULL/g' "$T/q")" > "$T/plan" ||
	fail "plan: $(cat "$T/q")"
expect_grep "task_tally_unclear" "$T/plan"
if grep -q "SCAN\|task_due\|MULTI-INDEX OR" "$T/plan"; then
	fail "the tasks are scanned or their occurrences read: $(cat "$T/plan")"
fi
# the agenda's counts of the plan's tasks by unit and by section (schema
# 26): grouped from task_by_plan alone, no task row read
printf 'key 4\n' > "$T/script"
rm -f "$T/trace"
CCHC_TRACE_SQL="$T/trace" "$CCHC" --script "$T/script" --size 100x30 > /dev/null ||
	fail "the agenda"
for g in lead_unit_id section_id; do
	sed -n "s/^ *[0-9.]* ms  //p" "$T/trace" | grep "(SELECT $g AS gid" | head -n 1 > "$T/q"
	[ -s "$T/q" ] || fail "no count by $g in the trace"
	sqlite3 "$CCHC_DB" "EXPLAIN QUERY PLAN $(sed 's/?[0-9]*/NULL/g' "$T/q")" > "$T/plan" ||
		fail "plan: $(cat "$T/q")"
	expect_grep "COVERING INDEX task_by_plan" "$T/plan"
done
exit 0
