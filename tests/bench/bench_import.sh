#!/bin/sh
# The dossier import beside sqlite3's own .import of the same file (issue 9:
# within 2x, peak memory under 20 MB). A benchmark, not a test: it prints
# figures and judges nothing about time.
#
#   tests/bench/bench_import.sh [ROWS]          (default 1000000)
#
# The file repeats the rows of tests/fixtures/dossiers/mot-cua-2026.csv
# with unique codes (about 366 bytes a row: 1,000,000 rows is 366 MB). Each
# tool imports it BENCH_RUNS times (3) into a fresh database; printed: each
# time, the median, the peak resident memory (GNU time), and the ratio of
# the medians.
#
# Environment:
#   CCHC        the cchc program (default: ./cchc)
#   FIXTURES    tests/fixtures (default: beside this script)
#   BENCH_DIR   where the file and the databases go (/tmp/cchc-bench-import)
#   BENCH_RUNS  runs of each tool (3)
set -u
rows=${1:-1000000}
case $rows in '' | *[!0-9]*) echo "usage: $0 [ROWS]" >&2; exit 2 ;; esac
here=$(cd "$(dirname "$0")" && pwd)
CCHC=${CCHC:-./cchc}
FIXTURES=${FIXTURES:-$here/../fixtures}
dir=${BENCH_DIR:-/tmp/cchc-bench-import}
runs=${BENCH_RUNS:-3}
LC_ALL=C.UTF-8
export LC_ALL
unset CCHC_DB CCHC_DATADIR
CCHC_CREATE=1   # the databases measured are made here, at paths given with --db
export CCHC_CREATE

die() {
	echo "bench_import: $*" >&2
	exit 1
}

command -v sqlite3 >/dev/null || die "no sqlite3 shell (apt-get install sqlite3)"
[ -x "$CCHC" ] || die "no cchc at $CCHC (set CCHC)"
mkdir -p "$dir" || die "cannot create $dir"
gnu_time=
if /usr/bin/time -f %M true >/dev/null 2>&1; then
	gnu_time=/usr/bin/time
fi

# The export: the sample's header, then its rows over and over, each code
# made unique by its row number.
csv="$dir/dossiers-$rows.csv"
if [ ! -s "$csv" ]; then
	awk -v n="$rows" 'BEGIN { RS = "\r\n"; ORS = "\r\n" }
		NR == 1 { print; next }
		NF { row[m++] = $0 }
		END { for (i = 0; i < n; i++) { r = row[i % m]; c = index(r, ",")
			printf "%s%07d%s\r\n", substr(r, 1, c - 5), i + 1, substr(r, c) } }' \
		"$FIXTURES/dossiers/mot-cua-2026.csv" >"$csv.tmp" && mv "$csv.tmp" "$csv" ||
		die "cannot write $csv"
fi
bytes=$(wc -c <"$csv")

# timed LOG CMD...: runs CMD; appends "seconds peak_kb" to LOG.
timed() {
	log=$1
	shift
	if [ -n "$gnu_time" ]; then
		"$gnu_time" -f '%e %M' -o "$dir/time.out" "$@" >"$dir/cmd.out" 2>"$dir/cmd.err" ||
			die "failed: $* ($(tail -n 2 "$dir/cmd.err"))"
		tail -n 1 "$dir/time.out" >>"$log"
	else
		t0=$(date +%s.%N)
		"$@" >"$dir/cmd.out" 2>"$dir/cmd.err" || die "failed: $* ($(tail -n 2 "$dir/cmd.err"))"
		awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { print b - a, 0 }' >>"$log"
	fi
}

# median COLUMN LOG: the median of a column of LOG.
median() {
	sort -n -k "$1" "$2" | awk -v k="$1" '{ v[NR] = $k } END { print v[int((NR + 1) / 2)] }'
}

: >"$dir/cchc.log"
: >"$dir/sqlite3.log"
i=0
while [ "$i" -lt "$runs" ]; do
	i=$((i + 1))
	rm -f "$dir/cchc.db" "$dir/cchc.db-wal" "$dir/cchc.db-shm" "$dir/sqlite3.db"
	timed "$dir/cchc.log" "$CCHC" --db "$dir/cchc.db" dossier import "$csv"
	grep -q "Đã nhập $rows hồ sơ: $rows mới" "$dir/cmd.out" ||
		die "cchc did not import every row: $(cat "$dir/cmd.out")"
	timed "$dir/sqlite3.log" sqlite3 "$dir/sqlite3.db" ".import --csv $csv d"
	[ "$(sqlite3 "$dir/sqlite3.db" 'SELECT count(*) FROM d')" = "$rows" ] ||
		die "sqlite3 did not import every row"
done
rm -f "$dir/cchc.db" "$dir/cchc.db-wal" "$dir/cchc.db-shm" "$dir/sqlite3.db"

c=$(median 1 "$dir/cchc.log")
s=$(median 1 "$dir/sqlite3.log")
echo "dossier import of $rows rows ($(awk -v b="$bytes" 'BEGIN { printf "%.1f MB", b / 1e6 }')), $runs runs each"
for tool in cchc sqlite3; do
	awk -v name="$tool" -v med="$(median 1 "$dir/$tool.log")" -v mem="$(median 2 "$dir/$tool.log")" '
		{ t = t sprintf(" %.2f", $1); if ($2 > peak) peak = $2 }
		END { printf "  %-8s median %7.2f s  (runs:%s)  peak RSS %6.1f MB (median %.1f MB)\n",
			name, med, t, peak / 1024, mem / 1024 }' "$dir/$tool.log"
done
awk -v c="$c" -v s="$s" -v m="$(sort -n -k 2 "$dir/cchc.log" | tail -n 1 | cut -d' ' -f2)" 'BEGIN {
	printf "  ratio cchc / sqlite3: %.2f (target 2), cchc peak %.1f MB (target 20)\n",
		(s > 0 ? c / s : 0), m / 1024 }'
