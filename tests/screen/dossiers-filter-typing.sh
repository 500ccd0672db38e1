#!/bin/sh
# The dossiers filter as it is typed, over 5,040 dossiers ("Tất cả"): on
# each key the rows are walked in the list's order (2,000 at most) until a
# screen's rows are found (101), so the count line says "hơn 100" ("thu")
# or how many were found so far ("thu so 43": 11 of the holders numbered
# 43, 430-439, 4300-4399 among the first 2,000 rows), and the rows shown
# are the first of the list that match; the rest of the walk, and the exact
# count (111), come when the keyboard is idle (the script's "idle"). More
# letters narrow the rows found instead of walking again ("thu so 4321":
# 1, exact at once); deleting letters goes back to the rows found for the
# shorter text when it was typed ("thu so 43": its walk had ended, so 111,
# exact at once, the cursor still on the dossier it was on), not a walk from
# the start; Enter keeps the filter, Esc brings every dossier back.
. "$top_srcdir/tests/screen/lib.sh"
. "$screen_dir/registers-data.inc"
"$top_builddir/tests/screen/run_sql" "WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL
 SELECT n + 1 FROM k WHERE n < 5000)
 INSERT INTO dossier(code, procedure, holder, received_on, due_on, resolved_on, status,
 updated_at)
 SELECT printf('000.00.18.H36-T%05d', n), 'Thủ tục thử số ' || (n % 37),
 'Hộ kinh doanh Người Thử số ' || n, date('2026-05-15', '-' || n || ' days'),
 date('2026-05-15', '-' || n || ' days', '+14 days'),
 CASE WHEN n % 3 = 0 THEN NULL ELSE date('2026-05-15', '-' || n || ' days', '+' || (10 + n % 9) || ' days') END,
 '', '2026-05-15T00:00:00' FROM k"
screen typing 80x16 <<'S'
key 0 v v v /
type thu
dump
type  so 43
dump
idle
dump
type 21
dump
key <Backspace> <Backspace>
dump
key <Backspace> <Backspace> <Backspace> <Backspace> <Backspace> <Backspace>
key <Enter>
dump
idle
dump
key <Esc>
dump
S
check dossiers-filter-typing
