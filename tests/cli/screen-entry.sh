#!/bin/sh
# The keys that show the registers count them cheaply (issue 19): the
# task list and the evidence register with no condition are counted by
# SQLite's count of an index's cells (the opcode Count), not by stepping
# through every entry ("WHERE 1" made it a condition); the letters of
# every unit are counted from the index of dates, without grouping each
# letter's row by unit; the finished tasks without evidence are the set
# triggers keep (task_tally_missing); End on the open feedback reads the
# open items over (status, due_on), not every closed one without a
# deadline. The titles still give the counts of the records, End lands on
# the last open item, and the letters of one unit are still counted.
. "${top_srcdir:-.}/tests/cli/lib.sh"
export CCHC_TODAY=2026-05-15
"$CCHC" demo > /dev/null || fail demo
n_tasks=$(sqlite3 "$CCHC_DB" "SELECT count(*) FROM task") || fail "count tasks"
n_evidence=$(sqlite3 "$CCHC_DB" "SELECT count(*) FROM evidence") || fail "count evidence"
n_letters=$(sqlite3 "$CCHC_DB" "SELECT count(*) FROM letter") || fail "count letters"
[ "$n_tasks" -gt 0 ] && [ "$n_evidence" -gt 0 ] && [ "$n_letters" -gt 0 ] ||
	fail "the demo has tasks $n_tasks, evidence $n_evidence, letters $n_letters"

# enter KEY: the screen shown by KEY, traced, in $T/screen and $T/trace
enter() {
	rm -f "$T/trace"
	printf 'key %s\ndump\n' "$1" > "$T/script"
	CCHC_TRACE_SQL="$T/trace" "$CCHC" --script "$T/script" --size 120x40 \
		--dump "$T/screen" > /dev/null || fail "the screen of $1"
}
# counted_by_cells SQL: the traced statement SQL ran, and SQLite counts it
# with the opcode Count (no entry read)
counted_by_cells() {
	grep -qxF -- "$1" "$T/statements" || fail "no statement \"$1\" in the trace: \
$(grep "count(" "$T/statements")"
	sqlite3 "$CCHC_DB" "EXPLAIN $1" > "$T/code" || fail "explain $1"
	grep -qE "^[0-9]+ +Count " "$T/code" || fail "\"$1\" steps through the entries: $(cat "$T/code")"
}
statements() {
	sed -n 's/^ *[0-9.]* ms  //p' "$T/trace" > "$T/statements"
}

enter 3
statements
counted_by_cells "SELECT count(*) FROM task t"
expect_grep "Nhiệm vụ: tất cả ($n_tasks)" "$T/screen"

enter 8
statements
counted_by_cells "SELECT count(*) FROM evidence e"
expect_grep "($n_evidence)" "$T/screen"

enter "<F11>"
statements
expect_grep "SELECT count(*) FROM letter WHERE letter_on BETWEEN ?1 AND ?2" "$T/statements"
expect_no_grep "GROUP BY l.unit_id" "$T/statements"
expect_grep "($n_letters)" "$T/screen"

# the finished tasks without evidence: the kept set's count (schema 28),
# not each finished task looked up in evidence_task
n_missing=$(sqlite3 "$CCHC_DB" "SELECT count(*) FROM task t WHERE t.status = 'done' AND \
	NOT EXISTS (SELECT 1 FROM evidence_task e WHERE e.task_id = t.id)") || fail "count missing"
[ "$n_missing" -gt 0 ] || fail "the demo has no finished task without evidence"
enter 9
statements
expect_grep "SELECT (SELECT count(*) FROM task_tally_missing), " "$T/statements"
expect_grep "chưa có tài liệu kiểm chứng ($n_missing)" "$T/screen"

# End on the open feedback: the last open item, read over (status, due_on)
# (the arm without a deadline took feedback_by_order and read every
# closed item to find none)
# 300 more open items, half without a deadline: End reads the last rows
# backwards (the first ones are not near)
"$CCHC" feedback add --received 2026-05-04 --channel email --sender "Người gửi" \
	--content "Phản ánh thử" > /dev/null || fail "feedback add"
cols=$(sqlite3 "$CCHC_DB" "SELECT group_concat(name, ', ') FROM pragma_table_info('feedback') \
	WHERE name NOT IN ('id', 'due_on')") || fail "columns"
"$top_builddir/tests/screen/run_sql" "WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL
	SELECT n + 1 FROM k WHERE n < 300)
	INSERT INTO feedback($cols, due_on) SELECT $cols, CASE WHEN n % 2 THEN NULL ELSE
	date('2026-06-01', '+' || n || ' days') END FROM feedback, k
	WHERE id = (SELECT max(id) FROM feedback)" || fail "300 feedback"
last=$(sqlite3 "$CCHC_DB" "SELECT id FROM feedback WHERE status IN ('da-vao-so', \
	'phan-loai', 'giao', 'dang-xu-ly') ORDER BY due_on IS NULL DESC, due_on DESC, id DESC \
	LIMIT 1") || fail "the last open feedback"
[ -n "$last" ] || fail "the demo has no open feedback"
rm -f "$T/trace"
printf 'key <F12> <End>\ndump\n' > "$T/script"
CCHC_TRACE_SQL="$T/trace" "$CCHC" --script "$T/script" --size 80x16 --dump "$T/screen" \
	> /dev/null || fail "End on the feedback"
statements
grep "ORDER BY f.due_on DESC, f.id DESC" "$T/statements" > "$T/end" ||
	fail "no statement read the last rows: $(cat "$T/statements")"
expect_grep "FROM feedback f INDEXED BY feedback_by_status_due WHERE f.due_on IS NULL" "$T/end"
grep -q "^› *$last " "$T/screen" || fail "End: not on feedback $last: $(cat "$T/screen")"

# the letters of one unit (U): still their count
unit=$(sqlite3 "$CCHC_DB" "SELECT u.code, count(*) FROM letter l JOIN unit u ON u.id = \
	l.unit_id GROUP BY u.id ORDER BY count(*) DESC LIMIT 1") || fail "a unit's letters"
[ -n "$unit" ] || fail "no letter has a unit"
code=${unit%%|*} n=${unit#*|}
[ "$n" -lt "$n_letters" ] || fail "every letter is of unit $code: no test of one unit"
printf 'key <F11> U\ntype %s\nkey <Enter>\ndump\n' "$code" > "$T/script"
"$CCHC" --script "$T/script" --size 120x40 --dump "$T/screen" > /dev/null ||
	fail "the letters of $code"
expect_grep "đơn vị $code ($n)" "$T/screen"
exit 0
