#!/bin/sh
# The dossier list is a window onto the query, never the whole table: with
# 5,040 dossiers (5,000 made in one SQL transaction, received one a day
# back from 15/05/2026) "Tất cả" counts them all, End reaches the oldest
# (the pages walked forward once by keyset), PageUp pages back through the
# pages read, Home returns to the newest; / filters in SQL ("so 4321" finds
# the one holder of that number among all 5,040, 1/5040). A holder and a
# procedure holding ESC, BEL and a C1 character (written by SQL: the
# importer would clean them) show U+FFFD in the list and the details.
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
 '', '2026-05-15T00:00:00' FROM k;
 UPDATE dossier SET holder = 'Hộ ' || char(27) || '[31m' || char(7) || 'Đỏ',
 procedure = 'Thủ' || char(155) || 'tục' WHERE code = '000.00.18.H36-T00001'"
screen page 80x16 <<'S'
key 0 v v v
dump
key <End>
dump
key <PageUp> <PageUp> k
dump
key <Home> <PageDown> <PageDown> <PageDown>
dump
key /
type so 4321
key <Enter>
dump match
key <Esc> <Home> <Enter>
dump
S
# From the end back up 30 pages and down again 5: the rows read backwards
# from the last ones (the list reads both ways) are the rows the pages
# walked forward from the first give (the expected screens were made by a
# build that could only walk forward).
screen back 80x16 <<'S'
key 0 v v v <End>
key <PageUp> <PageUp> <PageUp> <PageUp> <PageUp> <PageUp> <PageUp> <PageUp> <PageUp> <PageUp>
key <PageUp> <PageUp> <PageUp> <PageUp> <PageUp> <PageUp> <PageUp> <PageUp> <PageUp> <PageUp>
key <PageUp> <PageUp> <PageUp> <PageUp> <PageUp> <PageUp> <PageUp> <PageUp> <PageUp> <PageUp>
dump
key <PageDown> <PageDown> <PageDown> <PageDown> <PageDown> j j
dump
key <End> k k k
dump
S
check dossiers-window
