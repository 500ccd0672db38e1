#!/bin/sh
# cchc task list reads the list a page (500) at a time by key: over the
# 10,000 tasks of the benchmark's peer database (tests/bench/gen P, some
# tasks without a deadline), every format lists every task once, in the
# list's order (no deadline last, by deadline, by number), as one SQL
# ORDER BY over the whole table says; so does a unit's list (lead or
# coordinating).
. "${top_srcdir:-.}/tests/cli/lib.sh"
GEN="$top_builddir/tests/bench/gen"
"$GEN" P "$T/p.db" > /dev/null 2>&1 || fail "gen P"
export CCHC_DB="$T/p.db" CCHC_NO_AUTO_BACKUP=1
# the first list of the day sets the recurring tasks' deadlines in force
"$CCHC" task list --overdue >/dev/null || fail "first list"
sqlite3 "$CCHC_DB" "SELECT id FROM task ORDER BY due_on IS NULL, due_on, id" > "$T/want"
[ "$(wc -l < "$T/want")" -eq 10000 ] || fail "gen P made $(wc -l < "$T/want") tasks"
[ "$(sqlite3 "$CCHC_DB" "SELECT count(*) FROM task WHERE due_on IS NULL")" -gt 0 ] ||
	fail "no task without a deadline to page over"
run "$CCHC" task list --format tsv
expect_rc 0
cut -f1 "$T/out" > "$T/got"
expect_file "$T/want" "$T/got"
run "$CCHC" task list --format json
expect_rc 0
grep -o '"id": *[0-9]*' "$T/out" | grep -o '[0-9]*$' > "$T/got"
expect_file "$T/want" "$T/got"
unit=$(sqlite3 "$CCHC_DB" "SELECT code FROM unit ORDER BY id LIMIT 1")
sqlite3 "$CCHC_DB" "SELECT t.id FROM task t JOIN unit u ON u.code = '$unit' WHERE \
	t.lead_unit_id = u.id OR t.id IN (SELECT task_id FROM task_unit WHERE unit_id = u.id) \
	ORDER BY t.due_on IS NULL, t.due_on, t.id" > "$T/want"
[ "$(wc -l < "$T/want")" -gt 500 ] || fail "unit $unit has too few tasks to page"
run "$CCHC" task list --unit "$unit" --format tsv
expect_rc 0
cut -f1 "$T/out" > "$T/got"
expect_file "$T/want" "$T/got"
exit 0
