#!/bin/sh
# The Overview's tasks read what they show (schema 28, issue 19).
#
# Its tasks by unit read the coordinating units of open tasks
# from task_tally_coord, kept by triggers: after
# every writer (task add with --co, edit of the coordinators, the lead,
# the deadline or the state, done, delete, undo, the trash, a link changed
# by hand) the table equals the view task_coord_open over the rows, and
# the Overview shows each unit's count of the tasks it leads or
# coordinates (a unit named both counts a task once). cchc check finds a
# wrong table and makes it again; the Overview's statement reads the
# table, not task_unit.
#
# Its finished tasks without evidence are read from task_tally_missing,
# kept by triggers: after every writer (task done, reopened, finished on
# another day, deleted, undone; evidence added, its tasks changed, deleted,
# restored; a link moved by hand) the table equals the view
# task_missing_evidence, and the Overview's count is the rows' count since
# the report period began (15/12/2025).
. "${top_srcdir:-.}/tests/cli/lib.sh"
export CCHC_TODAY=2026-11-24 USER=van-thu
"$CCHC" plan import "$FIXTURES/so-cong-thuong-2024.txt" >/dev/null 2>&1 || fail import
"$CCHC" unit add "Văn phòng Sở" --code VP >/dev/null || fail unit
"$CCHC" unit add "Thanh tra Sở" --code TTr >/dev/null || fail unit2
"$CCHC" unit add "Phòng Kế hoạch" --code KH >/dev/null || fail unit3

# agree WHEN TTR KH: the table equals the view, and the Overview's lines
# of Thanh tra Sở and Phòng Kế hoạch read "quá hạn O, sắp đến hạn S" as
# given ("-": no line)
agree() {
	diff=$(sqlite3 "$CCHC_DB" "SELECT (SELECT count(*) FROM (SELECT * FROM task_coord_open \
		EXCEPT SELECT * FROM task_tally_coord)) + (SELECT count(*) FROM (SELECT * FROM \
		task_tally_coord EXCEPT SELECT * FROM task_coord_open))") || fail "compare ($1)"
	[ "$diff" = 0 ] || fail "task_tally_coord differs from the rows by $diff ($1): \
$(sqlite3 "$CCHC_DB" "SELECT * FROM task_tally_coord") / \
$(sqlite3 "$CCHC_DB" "SELECT * FROM task_coord_open")"
	printf 'key 1\ndump\n' > "$T/script"
	"$CCHC" --script "$T/script" --size 120x40 --dump "$T/screen" > /dev/null ||
		fail "the Overview ($1)"
	for u in "Thanh tra Sở:$2" "Phòng Kế hoạch:$3"; do
		name=${u%%:*} want=${u#*:}
		got=$(grep "$name: quá hạn" "$T/screen" | sed 's/.*: quá hạn \([0-9]*\), sắp đến hạn \([0-9]*\).*/\1 \2/')
		[ "${got:--}" = "$want" ] ||
			fail "$name: the Overview says '${got:--}', expected '$want' ($1)"
	done
}

agree empty - -
"$CCHC" task add --section 5 --title "Rà soát văn bản" --lead VP --co TTr --co KH \
	--due 31/10/2026 >/dev/null || fail task1          # overdue
"$CCHC" task add --section 5 --title "Công bố thủ tục" --lead VP --co TTr \
	--due 30/11/2026 >/dev/null || fail task2          # due soon
"$CCHC" task add --section 6 --title "Kiểm tra nội bộ" --lead TTr --co TTr --co KH \
	--due 20/11/2026 >/dev/null || fail task3          # TTr leads and coordinates
"$CCHC" task add --section 6 --title "Tập huấn" --lead VP --co KH \
	--due 30/06/2027 >/dev/null || fail task4          # later
agree add "2 1" "2 0"
"$CCHC" task edit 2 --due 15/11/2026 >/dev/null || fail "edit due"
agree "deadline moved" "3 0" "2 0"
"$CCHC" task edit 1 --co KH >/dev/null || fail "edit co"
agree "coordinators replaced" "2 0" "2 0"
"$CCHC" task edit 3 --lead KH >/dev/null || fail "edit lead"
agree "lead changed" "2 0" "2 0"
"$CCHC" task edit 4 --due 25/11/2026 >/dev/null || fail "edit due 4"
agree "now due soon" "2 0" "2 1"
"$CCHC" task done 2 --date 20/11/2026 >/dev/null || fail done
agree done "1 0" "2 1"
"$CCHC" task edit 2 --status doing >/dev/null || fail reopen
agree reopened "2 0" "2 1"
"$CCHC" task delete 1 >/dev/null || fail delete
agree delete "2 0" "1 1"
"$CCHC" undo >/dev/null || fail undo
agree undo "2 0" "2 1"
run "$CCHC" task delete 1
expect_rc 0
act=$(sed -n 's/.*cchc trash restore \([0-9]*\))$/\1/p' "$T/out")
[ -n "$act" ] || fail "no restore command: $(cat "$T/out")"
agree "deleted again" "2 0" "1 1"
"$CCHC" trash restore "$act" >/dev/null || fail "trash restore"
agree "from the trash" "2 0" "2 1"
# a link changed by hand (no command does it), through cchc's own connection
cchc_sql "UPDATE task_unit SET unit_id = (SELECT id FROM unit WHERE code = 'TTr') WHERE \
	task_id = 4" || fail "link moved"
agree "link moved by hand" "2 1" "2 0"

# cchc check finds a wrong table and makes it again
sqlite3 "$CCHC_DB" "DELETE FROM task_tally_coord WHERE task_id = 4" || fail plant
run "$CCHC" check
expect_grep "[chú ý] Danh sách đơn vị phối hợp của nhiệm vụ đang làm lệch với nhiệm vụ (1 dòng)" \
	"$T/out"
agree "after check" "2 1" "2 0"
run "$CCHC" check
expect_grep "Danh sách đơn vị phối hợp của nhiệm vụ đang làm: khớp với nhiệm vụ" "$T/out"

# ---- finished tasks without evidence ----
# missing WHEN N: the table equals the view, and the Overview counts N
missing() {
	diff=$(sqlite3 "$CCHC_DB" "SELECT (SELECT count(*) FROM (SELECT * FROM \
		task_missing_evidence EXCEPT SELECT * FROM task_tally_missing)) + (SELECT count(*) \
		FROM (SELECT * FROM task_tally_missing EXCEPT SELECT * FROM task_missing_evidence))") ||
		fail "compare ($1)"
	[ "$diff" = 0 ] || fail "task_tally_missing differs from the rows by $diff ($1): \
$(sqlite3 "$CCHC_DB" "SELECT * FROM task_tally_missing") / \
$(sqlite3 "$CCHC_DB" "SELECT * FROM task_missing_evidence")"
	rows=$(sqlite3 "$CCHC_DB" "SELECT count(*) FROM task t WHERE t.status = 'done' AND \
		t.done_on >= '2025-12-15' AND NOT EXISTS (SELECT 1 FROM evidence_task e WHERE \
		e.task_id = t.id)")
	[ "$rows" = "$2" ] || fail "expected $2 finished without evidence, the rows say $rows ($1)"
	printf 'key 1\ndump\n' > "$T/script"
	"$CCHC" --script "$T/script" --size 120x40 --dump "$T/screen" > /dev/null ||
		fail "the Overview ($1)"
	grep -q "Nhiệm vụ hoàn thành từ 15/12/2025 chưa có tài liệu kiểm chứng: $2 *\$" "$T/screen" ||
		fail "the Overview does not show $2 ($1): $(grep "chưa có tài liệu" "$T/screen")"
}

missing before 0
"$CCHC" task done 3 --date 20/11/2026 >/dev/null || fail "done 3"
"$CCHC" task done 4 --date 21/11/2026 >/dev/null || fail "done 4"
"$CCHC" task add --section 6 --title "Tổng kết năm trước" --lead VP --due 10/12/2025 \
	>/dev/null || fail task5
"$CCHC" task done 5 --date 2025-12-10 >/dev/null || fail "done 5"      # before the period
missing done 2
run "$CCHC" evidence add --kind "báo cáo" --task 3 --task 5 --number 1/BC --date 20/11/2026 \
	--summary "Báo cáo kiểm tra"
expect_rc 0
ev=$(cat "$T/out")
missing "evidence added" 1
"$CCHC" task edit 5 --status doing >/dev/null || fail "reopen 5"
"$CCHC" task done 5 --date 2026-01-05 >/dev/null || fail "done 5 again"
missing "reopened and finished in the period, with evidence" 1
"$CCHC" evidence edit "$ev" --task 4 >/dev/null || fail "evidence edit"   # adds task 4
missing "evidence for one more task" 0
"$CCHC" evidence delete "$ev" >/dev/null || fail "evidence delete"
missing "evidence deleted" 3
"$CCHC" undo >/dev/null || fail "undo the delete"
missing "undo" 0
"$CCHC" evidence delete "$ev" >/dev/null || fail "evidence delete again"
missing "evidence deleted again" 3
"$CCHC" task edit 4 --status doing >/dev/null || fail "reopen 4"
missing "reopened" 2
"$CCHC" task delete 3 >/dev/null || fail "delete 3"
missing "task deleted" 1
"$CCHC" undo >/dev/null || fail "undo the task delete"
missing "task back" 2
"$CCHC" evidence add --kind "báo cáo" --task 4 --number 2/BC --date 20/11/2026 \
	--summary "Báo cáo" >/dev/null || fail "evidence 2"
missing "evidence for an open task" 2
cchc_sql "UPDATE evidence_task SET task_id = 3 WHERE task_id = 4" || fail "link moved"
missing "link moved by hand" 1
sqlite3 "$CCHC_DB" "DELETE FROM task_tally_missing" || fail "plant"
run "$CCHC" check
expect_grep "[chú ý] Danh sách nhiệm vụ hoàn thành chưa có tài liệu kiểm chứng lệch với nhiệm vụ" \
	"$T/out"
missing "after check" 1

# the Overview's statement reads the kept links, not task_unit
printf 'key 1\n' > "$T/script"
CCHC_TRACE_SQL="$T/trace" "$CCHC" --script "$T/script" --size 120x40 > /dev/null ||
	fail "the Overview"
grep -q "FROM task_tally_coord WHERE unit_id = ?3 AND due_on <=" "$T/trace" ||
	fail "the Overview did not read task_tally_coord"
# ... unit by unit, each count from an index alone (schema 30: the kept
# links by unit and date), no task read nor link scanned
sed -n "s/^ *[0-9.]* ms  //p" "$T/trace" | grep "^SELECT u.id, (SELECT count(\*) FROM task t" |
	head -n 1 > "$T/q"
[ -s "$T/q" ] || fail "no count by unit in the trace"
sqlite3 "$CCHC_DB" "EXPLAIN QUERY PLAN $(sed 's/?[0-9]*/NULL/g' "$T/q")" > "$T/plan" ||
	fail "plan: $(cat "$T/q")"
expect_grep "COVERING INDEX task_by_lead" "$T/plan"
expect_grep "COVERING INDEX task_tally_coord_by_unit" "$T/plan"
if grep -q "SCAN [tc]\b" "$T/plan"; then fail "rows scanned: $(cat "$T/plan")"; fi
grep -q "SELECT count(\*) FROM task_tally_missing m WHERE m.done_on >= " "$T/trace" ||
	fail "the Overview did not count task_tally_missing"
if grep "UNION ALL" "$T/trace" | grep -q "task_unit"; then
	fail "the Overview still joins task_unit: $(grep "UNION ALL" "$T/trace")"
fi
exit 0
