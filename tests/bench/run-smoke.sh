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
	grep -qE '^  ratio cchc / sqlite3 +[0-9]+\.[0-9]{3}×' "$out" || fail "no import ratio"
fi
expect_grep "first screen" "$out"
expect_grep "targets of issue 19" "$out"
# Every screen entered, its key timed and its memory counted; every phase of
# the keys (both filters, the preview) reported with its p99 and max.
for v in home plan tasks agenda units search suggest evidence missing score dossiers letters \
	feedback report settings; do
	grep -qE "^enter screen $v \(key [^)]+\) +1 +[0-9.]+ ms .* [0-9.]+ MB" "$out" ||
		fail "screen $v not entered: $(grep "enter screen $v" "$out")"
done
for ph in tasks.filter dossiers report evidence missing letters; do
	grep -qE "^    $ph +[0-9]+ keys  p50 +[0-9.]+  p99 +[0-9.]+  max +[0-9.]+  worst" "$out" ||
		fail "no phase $ph: $(grep -A30 'per phase' "$out")"
done
# The targets judge unrounded figures (three decimals shown) and say which.
grep -qE "^  slowest phase's key max \([a-z.]+\) +[0-9]+\.[0-9]{3} ms +target <= +50 ms +(met|MISSED)$" \
	"$out" || fail "no key max target line: $(grep 'key max' "$out")"
grep -qE '^  command with the program open / alone +[0-9]+\.[0-9]{3} × +target' "$out" ||
	fail "no open-elsewhere target: $(grep 'program open' "$out")"
grep -qE '^  first write of the day +[0-9]+\.[0-9]{3} ms +target' "$out" ||
	fail "no first-write target: $(grep 'first write' "$out")"
# The first write of a day started the daily backup: it was found.
expect_no_grep "no daily backup made" "$out"
# The bench database is as the generator left it: no -wal beside it.
[ ! -e "$T/bench/XS.db-wal" ] || fail "a -wal was left beside XS.db"
expect_no_grep "failed" "$out"
# The floor program reads the database read-only and leaves no -wal or -shm
# behind (the next cchc would see a file another program had open).
if command -v script > /dev/null 2>&1; then
	rm -f "$T/bench/XS.db-wal" "$T/bench/XS.db-shm"
	TERM=xterm timeout 20 script -qec "'$FLOOR' '$T/bench/XS.db'" /dev/null > "$T/floor.out" 2>&1 ||
		fail "floor failed: $(cat "$T/floor.out")"
	[ ! -e "$T/bench/XS.db-wal" ] && [ ! -e "$T/bench/XS.db-shm" ] ||
		fail "floor left $(ls "$T/bench/" | grep -E 'XS.db-(wal|shm)')"
fi
exit 0
