#!/bin/sh
# Còn thiếu as a window read by key (schema 21): 603 more finished tasks
# without evidence, 200 under each of three units whose names sort the
# Vietnamese way (Phòng Âm nhạc, then Phòng Dân tộc, then Phòng Đối ngoại:
# Â after A, Đ after D) and 3 with no unit (first). Entering shows the
# heading, the first group and its tasks; 17 PageDowns reach PDT's line;
# End shows the last rows (no. 5 of VP, the criteria heading) with the
# cursor on the last row it can rest on; PageUp all the way up from the
# end (the rows read backwards) meets the same rows, the heading last;
# renaming PDN to "Phòng Ánh sáng" brings its group before PAN's.
. "$top_srcdir/tests/screen/lib.sh"
. "$screen_dir/tasks-data.inc"
"$CCHC" unit add "Phòng Đối ngoại" --code PDN > /dev/null
"$CCHC" unit add "Phòng Dân tộc" --code PDT > /dev/null
"$CCHC" unit add "Phòng Âm nhạc" --code PAN > /dev/null
"$top_builddir/tests/screen/run_sql" "WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL
 SELECT n + 1 FROM k WHERE n < 603)
 INSERT INTO task(plan_id, section_id, title, lead_unit_id, due_text, due_kind, due_on,
 status, done_on, created_at, updated_at)
 SELECT 1, 7, 'Việc xong số ' || n, CASE WHEN n > 600 THEN NULL ELSE 5 + n % 3 END, '',
 'none', NULL, 'done', '2026-11-01', '2026-01-01T00:00:00', '2026-01-01T00:00:00' FROM k"
screen window 80x16 <<'S'
key 9
dump
key <PageDown> <PageDown> <PageDown> <PageDown> <PageDown> <PageDown> <PageDown> <PageDown>
key <PageDown> <PageDown> <PageDown> <PageDown> <PageDown> <PageDown> <PageDown> <PageDown>
key <PageDown>
dump
key <End>
dump
key <PageUp> k k k k k k k k k k k
dump
S
# read backwards from the end, the rows are the same, up to the heading
{ echo "key 9 <End>"; seq 1 60 | sed 's/.*/key <PageUp>/'; seq 1 5 | sed 's/.*/key k/'; echo dump; } > "$tmp/back"
screen back 80x16 < "$tmp/back"
"$CCHC" unit edit PDN --name "Phòng Ánh sáng" > /dev/null
screen renamed 80x16 <<'S'
key 9
dump
S
# the home screen's line of task no. 5 (finished first, last in the list)
# opens Còn thiếu on it, far past the first rows read (located, then read
# around), and Enter there opens that task
screen home 80x16 <<'S'
key 1 j j j j j j j j
dump
key <Enter>
dump
key <Enter>
dump
S
check missing-window
