#!/bin/sh
# The task list as a window onto the query, with 5,005 tasks (made in one
# SQL transaction): the title counts them all; End reaches the true last
# task (no. 5003, no deadline) and PageUp/PageDown page through; / filters
# in SQL, so "hiem" shows the 5 tasks of its word anywhere in the table
# (5/5005). A task opened from the search screen (no. 4005, far past the
# first 100 rows) is the selected row once its details close, so x marks
# that task done; a second x says when it was done and changes nothing.
. "$top_srcdir/tests/screen/lib.sh"
. "$screen_dir/tasks-data.inc"
"$top_builddir/tests/screen/run_sql" "WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL
 SELECT n + 1 FROM k WHERE n < 5000)
 INSERT INTO task(plan_id, section_id, title, lead_unit_id, due_text, due_kind, due_on,
 created_at, updated_at)
 SELECT 1, 7, CASE WHEN n % 1000 = 0 THEN 'Việc hiếm số ' ELSE 'Việc thử số ' END || n,
 1 + n % 4, CASE WHEN n % 7 = 0 THEN '' ELSE 'x' END,
 CASE WHEN n % 7 = 0 THEN 'none' ELSE 'date' END,
 CASE WHEN n % 7 = 0 THEN NULL ELSE date('2026-01-01', '+' || (n % 300) || ' days') END,
 '2026-01-01T00:00:00', '2026-01-01T00:00:00' FROM k"
screen page 80x16 <<'S'
key 3
dump
key <End>
dump
key <PageUp> <PageUp> k
dump
key <Home> <PageDown> <PageDown> <PageDown>
dump
key /
type hiem
key <Enter>
dump match
S
screen open 80x16 <<'S'
key 6
type hiem 4000
key <Enter>
key <Esc>
dump
key x
dump task.done
key x
dump
S
check tasks-window
