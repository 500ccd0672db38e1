#!/bin/sh
# The late lists (issue 19) are read from the partial index dossier_late in
# due order, sorted by id within a day, as they were from dossier_by_due:
# the same rows in the same order, read 500 at a time by keyset (a day's
# late dossiers split between two reads), on the command line and on the
# screen's End and Home; their statements, as cchc ran them, read
# dossier_late, not dossier_by_due (which looked up every dossier due in
# the coming weeks before the last late one). Within a day the index keeps
# them by resolution date, the opposite of their ids here.
. "${top_srcdir:-.}/tests/cli/lib.sh"
export CCHC_TODAY=2026-11-24
"$CCHC" unit add "Văn phòng Sở" --code VP >/dev/null || fail "unit"
# a plan, so that the screen makes no demo data
"$CCHC" plan import "$top_srcdir/tests/screen/plan-letters.txt" >/dev/null 2>&1 || fail "plan"
# 2,400 dossiers due on 40 days, 60 a day: a quarter open (late), a half
# resolved late (later for the lower ids), a quarter on time; 200 open and
# due in December (not late)
"$top_builddir/tests/screen/run_sql" "WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k
 WHERE n < 2600)
 INSERT INTO dossier(code, procedure, holder, received_on, due_on, resolved_on, status,
 updated_at)
 SELECT printf('000.00.18.H36-T%05d', n), 'Thủ tục ' || (n % 7), 'Người nộp ' || n,
 '2025-12-01', CASE WHEN n > 2400 THEN date('2026-12-01', '+' || (n % 20) || ' days')
 ELSE date('2026-01-01', '+' || (n % 40) || ' days') END,
 CASE WHEN n > 2400 OR n % 4 = 0 THEN NULL
 WHEN n % 4 = 2 THEN date('2026-01-01', '+' || (n % 40) || ' days', '-1 days')
 ELSE date('2026-01-01', '+' || (n % 40) || ' days', '+' || (3000 - n) / 40 || ' days') END,
 '', '2026-01-01T00:00:00' FROM k" || fail "dossiers"
late="(resolved_on > due_on OR resolved_on IS NULL) AND (resolved_on IS NOT NULL OR due_on < '$CCHC_TODAY')"
sqlite3 "$CCHC_DB" "SELECT code FROM dossier WHERE $late ORDER BY due_on, id" > "$T/want"
[ "$(wc -l < "$T/want")" -eq 1800 ] || fail "late rows: $(wc -l < "$T/want")"

for v in "list --late" "list --without-letter" "late"; do
	run "$CCHC" dossier $v --format tsv
	expect_rc 0
	cut -f1 "$T/out" > "$T/got"
	cmp -s "$T/want" "$T/got" || fail "dossier $v: $(diff "$T/want" "$T/got" | head -5)"
done

# the screen's to-do list: End shows the last late ones, Home the first
# ones, in that order; its statements read dossier_late
printf 'key 0\nkey <End>\ndump\nkey <Home>\ndump\n' > "$T/script"
CCHC_TRACE_SQL="$T/trace" "$CCHC" --script "$T/script" --dump "$T/dump" --size 100x30 \
	> /dev/null || fail "the dossiers screen"
shown() { # N: the codes of dump N, in screen order
	awk -v n="$1" '/^--- dump / { d++; next } d + 1 == n' "$T/dump" |
		grep -o 'H36-T[0-9]*' | sed 's/^/000.00.18./'
}
shown 1 > "$T/end"
k=$(wc -l < "$T/end")
[ "$k" -ge 10 ] || fail "End shows $k dossiers: $(cat "$T/dump")"
tail -n "$k" "$T/want" | cmp -s - "$T/end" || fail "End: $(tail -n "$k" "$T/want" | diff - "$T/end")"
shown 2 > "$T/first"
head -n "$(wc -l < "$T/first")" "$T/want" | cmp -s - "$T/first" || fail "Home: $(cat "$T/first")"
sed -n "s/^ *[0-9.]* ms  //p" "$T/trace" | grep "^SELECT d.id, coalesce(l.id, 0)" |
	grep "ORDER BY d.due_on" | sort -u > "$T/qs"
[ "$(wc -l < "$T/qs")" -ge 2 ] || fail "late list statements: $(cat "$T/qs")"
while read -r q; do
	sqlite3 "$CCHC_DB" "EXPLAIN QUERY PLAN $(echo "$q" | sed 's/?[0-9]*/NULL/g')" > "$T/plan" ||
		fail "plan: $q"
	expect_grep "USING INDEX dossier_late" "$T/plan"
	if grep -q "dossier_by_due" "$T/plan"; then fail "read by due: $(cat "$T/plan")"; fi
done < "$T/qs"
exit 0
