#!/bin/sh
# The Overview's tasks by unit read the coordinating units of open tasks
# from task_tally_coord (schema 28, issue 19), kept by triggers: after
# every writer (task add with --co, edit of the coordinators, the lead,
# the deadline or the state, done, delete, undo, the trash, a link changed
# by hand) the table equals the view task_coord_open over the rows, and
# the Overview shows each unit's count of the tasks it leads or
# coordinates (a unit named both counts a task once). cchc check finds a
# wrong table and makes it again; the Overview's statement reads the
# table, not task_unit.
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
# a link changed by hand (the sqlite3 shell: the triggers are the schema's)
raw_sql "UPDATE task_unit SET unit_id = (SELECT id FROM unit WHERE code = 'TTr') WHERE \
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

# the Overview's statement reads the kept links, not task_unit
printf 'key 1\n' > "$T/script"
CCHC_TRACE_SQL="$T/trace" "$CCHC" --script "$T/script" --size 120x40 > /dev/null ||
	fail "the Overview"
grep -q "FROM task_tally_coord WHERE due_on <=" "$T/trace" ||
	fail "the Overview did not read task_tally_coord"
if grep "UNION ALL" "$T/trace" | grep -q "task_unit"; then
	fail "the Overview still joins task_unit: $(grep "UNION ALL" "$T/trace")"
fi
exit 0
