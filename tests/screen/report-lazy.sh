#!/bin/sh
# The report preview renders only the pages in view (issue 19): a report of
# 860 lines (150 more tasks done, an annex table of 155 rows, rendered 64
# rows at a time) shows its first page on F9, End shows its last lines, and
# the whole preview walked a line at a time is the txt export exactly (the
# three "Chưa đặt" lines before it). A report past the work allowed before
# the first draw (CCHC_PREVIEW_TICKS=0 here; a year at a province's size)
# shows "Đang lập báo cáo…" and is made at idle; End on it goes to the end.
. "$top_srcdir/tests/screen/lib.sh"
. "$screen_dir/tasks-data.inc"
"$top_builddir/tests/screen/run_sql" "WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL
 SELECT n + 1 FROM k WHERE n < 150)
 INSERT INTO task(plan_id, section_id, title, lead_unit_id, due_text, due_kind, due_on,
 status, done_on, created_at, updated_at)
 SELECT 1, 7 + n % 10, 'Việc đã xong số ' || n, 1 + n % 4, 'x', 'date',
 date('2026-01-01', '+' || (n % 300) || ' days'), 'done',
 date('2026-01-01', '+' || (n % 300) || ' days'), '2026-01-01T00:00:00',
 '2026-01-01T00:00:00' FROM k"
"$CCHC" report --period 2026 --format txt --out "$tmp/r.txt" > /dev/null
n=$(($(wc -l < "$tmp/r.txt") + 3))
screen first-and-end 80x24 <<'S'
key <F9>
dump
key <End>
dump
S
# the walk at 200 columns, where the widest line (138) fits: row 4 of each
# dump is the line at the top, the last dump's 20 rows the end
{
	echo "key <F9>"
	echo dump
	i=1
	while [ $i -lt $((n - 19)) ]; do
		echo "key <Down>"
		echo dump
		i=$((i + 1))
	done
} > "$tmp/walk"
"$CCHC" --script "$tmp/walk" --dump "$tmp/walk.dump" --size 200x24
awk -v last=$((n - 20)) '
	/^--- dump / { d++; r = 0; next }
	{ r++ }
	d < last && r == 4 { print }
	d == last && r >= 4 && r <= 23 { print }' "$tmp/walk.dump" |
	sed -e 's/ *$//' -e 's/↓$//' -e 's/ *$//' -e 's/^ \{61\}//' > "$tmp/walked"
{ head -n 3 "$tmp/walked"; sed 's/ *$//' "$tmp/r.txt"; } > "$tmp/want"
if cmp -s "$tmp/want" "$tmp/walked"; then
	note "the preview walked line by line is the txt export ($n lines)"
else
	diff "$tmp/want" "$tmp/walked" | head -20
	exit 1
fi
# with the clock, as at a keyboard (--timing): End renders a millisecond's
# pieces, 8 table rows each, and the rest at idle; after the idle tick the
# screen is the end the test mode shows at once
printf 'key <F9>\nkey <End>\nidle\ndump\n' > "$tmp/clock"
"$CCHC" --script "$tmp/clock" --dump "$tmp/clock.dump" --size 80x24 --timing "$tmp/timing"
awk '/^--- dump 2 ---$/ { d = 1; next } /^## / { d = 0 } d' "$actual" > "$tmp/end.dump"
if cmp -s "$tmp/end.dump" "$tmp/clock.dump"; then
	note "End with the clock, then idle: the same end"
else
	diff "$tmp/end.dump" "$tmp/clock.dump" | head -20
	exit 1
fi
CCHC_PREVIEW_TICKS=0 screen idle 80x24 <<'S'
key <F9>
dump
idle
dump
key <End>
idle
dump
S
check report-lazy
