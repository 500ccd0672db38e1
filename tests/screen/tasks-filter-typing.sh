#!/bin/sh
# The tasks filter as it is typed, letter by letter, over 3,005 tasks: while
# more than 1,000 tasks have the words the count line says "hơn 1.000" and
# the rows are the first of the list that have them; the exact count comes
# when the keyboard is idle (the script's "idle"). One letter is a condition
# ("t": tasks with a word starting with t). Fewer tasks than that ("thu
# thap": the 300 "Thu thập"; "hiem": 3) are counted at once; deleting
# letters widens the list again ("thu th": thủ is both words, as in the
# index); Enter keeps the filter (its count on the status line, exact once
# idle), Esc brings every task back.
. "$top_srcdir/tests/screen/lib.sh"
. "$screen_dir/tasks-data.inc"
"$top_builddir/tests/screen/run_sql" "WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL
 SELECT n + 1 FROM k WHERE n < 3000)
 INSERT INTO task(plan_id, section_id, title, lead_unit_id, due_text, due_kind, due_on,
 created_at, updated_at)
 SELECT 1, 7, CASE WHEN n % 1000 = 0 THEN 'Việc hiếm số ' WHEN n % 2 = 0
 THEN 'Rà soát thủ tục số ' WHEN n % 10 = 1
 THEN 'Thu thập số liệu ' ELSE 'Tuyên truyền cải cách ' END || n,
 1 + n % 4, 'x', 'date', date('2026-01-01', '+' || (n % 300) || ' days'),
 '2026-01-01T00:00:00', '2026-01-01T00:00:00' FROM k"
screen typing 80x16 <<'S'
key 3 /
type t
dump
type hu
dump
idle
dump
type  thap
dump
key <Backspace> <Backspace>
dump
key <Backspace> <Backspace> <Backspace> <Backspace> <Backspace> <Backspace>
type hiem
dump
key <Backspace> <Backspace> <Backspace> <Backspace>
type thu
key <Enter>
dump
idle
dump
key <Esc>
dump
S
check tasks-filter-typing
