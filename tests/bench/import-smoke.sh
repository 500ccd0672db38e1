#!/bin/sh
# The import benchmark works: a 2,000-row run imports every row with both
# tools and prints its figures. No figure is judged.
. "${top_srcdir:-.}/tests/cli/lib.sh"
BENCH_DIR="$T/bench" BENCH_RUNS=1
export BENCH_DIR BENCH_RUNS
run sh "$top_srcdir/tests/bench/bench_import.sh" 2000
expect_rc 0
expect_grep "dossier import of 2000 rows (0.7 MB), 1 runs each" "$T/out"
grep -qE '^  cchc +median +[0-9]+\.[0-9]+ s  \(runs: [0-9.]+\)  peak RSS +[0-9.]+ MB' "$T/out" ||
	fail "no cchc figure: $(cat "$T/out")"
grep -qE '^  sqlite3 +median +[0-9]+\.[0-9]+ s' "$T/out" || fail "no sqlite3 figure: $(cat "$T/out")"
grep -qE '^  ratio cchc / sqlite3: [0-9]+\.[0-9]+ \(target 2\)' "$T/out" ||
	fail "no ratio: $(cat "$T/out")"
[ -s "$T/bench/dossiers-2000.csv" ] || fail "the export was not generated"
[ "$(($(wc -l <"$T/bench/dossiers-2000.csv")))" -eq 2001 ] || fail "the export is not 2,000 rows"
exit 0
