#!/bin/sh
# The open tasks of unclear deadline are kept by triggers (schema 30,
# issue 19): after every writer (task add, edit of the deadline, done,
# reopened, paused, delete, undo, the trash; an occurrence added, moved or
# taken away by hand, the day given changed by hand) the table
# task_tally_unclear equals the view task_unclear_open over the rows, and
# the Overview's "Thời hạn chưa rõ" and task list --due-unclear count the
# same tasks. cchc check finds a wrong table and makes it again; the
# migration fills it from the rows already stored.
. "${top_srcdir:-.}/tests/cli/lib.sh"
export CCHC_TODAY=2026-11-24 USER=van-thu
"$CCHC" plan import "$FIXTURES/corpus/so-tu-phap-2026.txt" >/dev/null 2>&1 || fail import
"$CCHC" unit add "Văn phòng Sở" --code VP >/dev/null || fail unit

# agree WHEN IDS: the table equals the view and holds the tasks IDS ("1 3",
# "" for none); the list --due-unclear and the Overview count as many
agree() {
	got=$(sqlite3 "$CCHC_DB" "SELECT group_concat(task_id, ' ') FROM (SELECT task_id FROM \
		task_tally_unclear ORDER BY task_id)") || fail "read ($1)"
	view=$(sqlite3 "$CCHC_DB" "SELECT group_concat(task_id, ' ') FROM (SELECT task_id FROM \
		task_unclear_open ORDER BY task_id)") || fail "view ($1)"
	[ "$got" = "$view" ] || fail "task_tally_unclear '$got', the view '$view' ($1)"
	[ "$got" = "$2" ] || fail "unclear tasks '$got', expected '$2' ($1)"
	n=$(echo "$2" | wc -w)
	run "$CCHC" task list --due-unclear --format tsv
	expect_rc 0
	[ "$(wc -l < "$T/out")" = "$n" ] || fail "the list has $(wc -l < "$T/out"), expected $n ($1)"
	printf 'key 1\ndump\n' > "$T/script"
	"$CCHC" --script "$T/script" --size 120x40 --dump "$T/screen" > /dev/null ||
		fail "the Overview ($1)"
	line=$(grep -o "Thời hạn chưa rõ: [0-9]* nhiệm vụ" "$T/screen")
	if [ "$n" = 0 ]; then
		[ -z "$line" ] || fail "the Overview says '$line', expected none ($1)"
	else
		[ "$line" = "Thời hạn chưa rõ: $n nhiệm vụ" ] ||
			fail "the Overview says '$line', expected $n ($1)"
	fi
}

add() {
	"$CCHC" task add --section 5 --title "$1" --lead VP --due "$2" >/dev/null || fail "add $1"
}

agree empty ""
add "Báo cáo" "sớm nhất có thể"             # 1: not understood
add "Rà soát" "Trước 30/9 hằng năm"         # 2: given 24/11, its one occurrence past
add "Báo cáo quý" "hằng quý"                # 3: Q4 still ahead
add "Tổng kết" "trước 31/12/2026"           # 4: a date
agree add "1 2"
"$CCHC" task edit 1 --due "27/12/2026" >/dev/null || fail "settle 1"
"$CCHC" task edit 3 --due "Trước 30/9 hằng năm" >/dev/null || fail "3 passed"
agree "deadlines edited" "2 3"
"$CCHC" task done 2 --date 20/11/2026 >/dev/null || fail done
agree done "3"
"$CCHC" task edit 2 --status doing >/dev/null || fail reopen
"$CCHC" task edit 3 --status paused >/dev/null || fail paused
agree "reopened, paused" "2 3"
"$CCHC" task delete 2 >/dev/null || fail delete
agree delete "3"
"$CCHC" undo >/dev/null || fail undo
agree undo "2 3"
run "$CCHC" task delete 3
expect_rc 0
act=$(sed -n 's/.*cchc trash restore \([0-9]*\))$/\1/p' "$T/out")
[ -n "$act" ] || fail "no restore command: $(cat "$T/out")"
agree "deleted again" "2"
"$CCHC" trash restore "$act" >/dev/null || fail "trash restore"
agree "from the trash" "2 3"

# by hand (no command does it), through cchc's own connection and its
# triggers: an occurrence added after the day given, moved before it, taken
# away; the day given moved before the occurrence
cchc_sql "INSERT INTO task_due(task_id, due_on) VALUES(2, '2026-12-31')" || fail "occurrence"
agree "occurrence added" "3"
cchc_sql "UPDATE task_due SET due_on = '2026-03-31' WHERE task_id = 2 AND due_on = '2026-12-31'" ||
	fail "occurrence moved"
agree "occurrence moved" "2 3"
cchc_sql "INSERT INTO task_due(task_id, due_on) VALUES(2, '2026-12-30')" || fail "occurrence 2"
cchc_sql "DELETE FROM task_due WHERE task_id = 2 AND due_on = '2026-12-30'" || fail "taken away"
agree "occurrence taken away" "2 3"
cchc_sql "UPDATE task SET assigned_on = '2026-01-05' WHERE id = 3" || fail "given"
agree "day given moved" "2"

# cchc check finds a wrong table and makes it again
sqlite3 "$CCHC_DB" "DELETE FROM task_tally_unclear; INSERT INTO task_tally_unclear VALUES(4)" ||
	fail plant
run "$CCHC" check
expect_grep "[chú ý] Danh sách nhiệm vụ có thời hạn chưa rõ lệch với nhiệm vụ (2 dòng)" "$T/out"
agree "after check" "2"
run "$CCHC" check
expect_grep "Danh sách nhiệm vụ có thời hạn chưa rõ: khớp với nhiệm vụ" "$T/out"

# the migration fills the table from the rows (run again from the version
# before it: every migration may run twice)
v=$(sqlite3 "$CCHC_DB" "PRAGMA user_version")
sqlite3 "$CCHC_DB" "DELETE FROM task_tally_unclear; PRAGMA user_version = $((v - 1))" ||
	fail rewind
CCHC_NO_AUTO_BACKUP=1 "$CCHC" task list >/dev/null 2>&1 || fail "migrate"
[ "$(sqlite3 "$CCHC_DB" "PRAGMA user_version")" = "$v" ] || fail "not migrated"
agree migrated "2"
exit 0
