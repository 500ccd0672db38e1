#!/bin/sh
# The benchmark runner works: on a tiny generated database (gen XS), one run
# of each measurement that needs no terminal and no peer prints a figure in
# the table, and the targets follow. No figure is judged: benchmarks print,
# tests assert behaviour.
. "${top_srcdir:-.}/tests/cli/lib.sh"
GEN="$top_builddir/tests/bench/gen" FLOOR="$top_builddir/tests/bench/floor" BENCH_DIR="$T/bench"
BENCH_RUNS=1 BENCH_CSV_ROWS=200 BENCH_NO_TTY=1 BENCH_PEERS=0 BENCH_INSTALL=0
export GEN FLOOR BENCH_DIR BENCH_RUNS BENCH_CSV_ROWS BENCH_NO_TTY BENCH_PEERS BENCH_INSTALL
run sh "$top_srcdir/tests/bench/run" XS
expect_rc 0
out="$T/out"
expect_grep "machine: " "$out"
expect_grep "sqlite:  library " "$out"
# The generated data is what the sizes promise, and came through cchc's schema.
grep -qE '^data: .*XS\.db .*40 tasks, 30 evidence, 20 feedback, 300 dossiers' "$out" ||
	fail "XS database not as generated: $(grep '^data:' "$out")"
[ "$(sqlite3 "$T/bench/XS.db" "SELECT count(*) FROM evidence_file ef JOIN sqlar s ON \
	s.name = 'files/' || substr(ef.sha256, 1, 2) || '/' || ef.sha256")" = 30 ] ||
	fail "evidence files missing from sqlar"
"$CCHC" --db "$T/bench/XS.db" search "cai cach" --kind section --limit 1 > "$T/hit" ||
	fail "cchc cannot search the generated database"
expect_grep "[Cải cách]" "$T/hit"
# Each measurement printed a number with its unit (a figure, not "failed").
for row in 'keystroke p' 'search "thu tuc" --limit 20' \
	'report --period 2026 --format docx' 'report --period 2026 --format xlsx' \
	'dossier import (200 rows)'; do
	grep -F -- "$row" "$out" | grep -qE ' [0-9]+\.[0-9]+ (ms|s) ' ||
		fail "no figure for \"$row\": $(grep -F -- "$row" "$out")"
done
if command -v sqlite3 > /dev/null 2>&1; then
	grep -qE '^  ratio cchc / sqlite3 +[0-9]+\.[0-9]' "$out" || fail "no import ratio"
fi
expect_grep "first screen" "$out"
expect_grep "targets of issue 9" "$out"
grep -qE '^  keystroke p99 +([0-9.]+ ms|-) +target' "$out" || fail "no keystroke target line"
expect_no_grep "failed" "$out"
exit 0
