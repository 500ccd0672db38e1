#!/bin/sh
# The letters list as a window read by key both ways: 450 letters (made in
# one SQL transaction over as many dossiers, dated through 2026, several a
# day); End reads the last page backwards (the last letter of 31/12/2026 at
# the bottom), PageUp goes on backwards, Home shows the first again, and
# PageDown pages on from there.
. "$top_srcdir/tests/screen/lib.sh"
. "$screen_dir/registers-data.inc"
"$top_builddir/tests/screen/run_sql" "WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL
 SELECT n + 1 FROM k WHERE n < 450)
 INSERT INTO dossier(code, holder, received_on, due_on, resolved_on, unit_id, updated_at)
 SELECT 'THU-' || n, 'Người thử ' || n, '2025-12-01', '2025-12-20', '2026-01-05', 1,
 '2026-01-01T00:00:00Z' FROM k;
 WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < 450)
 INSERT INTO letter(dossier_id, year, seq, number, letter_on, addressee, reason, unit_id,
 original_due, new_due, created_at)
 SELECT (SELECT id FROM dossier WHERE code = 'THU-' || n), 2026, 100 + n, (100 + n) || '/PXL',
 date('2026-01-01', '+' || (n * 364 / 450) || ' days'), 'Người thử ' || n, 'Lý do ' || n, 1,
 '2025-12-20', '2026-01-10', '2026-01-01T00:00:00Z' FROM k"
screen window 80x16 <<'S'
key <F11> <End>
dump
key <PageUp> <PageUp>
dump
key <Home>
dump
key <PageDown> <PageDown>
dump
S
check letters-window
