#!/bin/sh
# The evidence list as a window read by key both ways (evidence_page), with
# 603 records (600 made in one SQL transaction, every tenth undated): the
# title counts them all; End shows the last undated records (no. 603 last),
# read backwards; PageDown pages on from the first ones by date; K (kind
# công văn) and Y (2025) are conditions of the query: End under each shows
# the last record of the filter, and its count.
. "$top_srcdir/tests/screen/lib.sh"
. "$screen_dir/tasks-data.inc"
. "$screen_dir/evidence-data.inc"
"$top_builddir/tests/screen/run_sql" "WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL
 SELECT n + 1 FROM k WHERE n < 600)
 INSERT INTO evidence(kind, doc_no, issued_on, summary, created_at)
 SELECT CASE n % 3 WHEN 0 THEN 'cong-van' WHEN 1 THEN 'bao-cao' ELSE 'khac' END,
 n || '/TT', CASE WHEN n % 10 = 0 THEN NULL ELSE date('2024-06-01', '+' || n || ' days') END,
 'Tài liệu thử số ' || n, '2026-01-01T00:00:00Z' FROM k"
screen window 80x16 <<'S'
key 8
dump
key <End>
dump
key <Home> <PageDown> <PageDown>
dump
key K
type cong van
key <Enter> <End>
dump
key A Y
type 2025
key <Enter> <End>
dump
key k <Home>
dump
S
check evidence-window
