#!/bin/sh
# The benchmark of issue 20's packages (not a test: it prints figures and
# asserts nothing about time): a division's quarter — 200 progress notes,
# 50 evidence records and 100 MB of files (50 files of 2 MB that do not
# compress) — sent as one package and imported at the office; and Sở Nội
# vụ's table of 30 agencies' report packages (consolidate). Each figure:
# the median of BENCH_RUNS (5) runs, with min and max, and the peak resident
# memory of the worst run (GNU time %M).
#
#   CCHC=path/to/cchc sh tests/bench/exchange.sh      (or make bench-exchange)
set -u
: "${CCHC:?CCHC must name the cchc binary}"
runs=${BENCH_RUNS:-5}
T=$(mktemp -d "${TMPDIR:-/tmp}/cchc-bench-exchange.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
export HOME="$T" CCHC_NO_AUTO_BACKUP=1 LC_ALL=C.UTF-8
[ -x /usr/bin/time ] || { echo "exchange.sh: GNU time (/usr/bin/time) is needed" >&2; exit 1; }
O="$T/office.db" A="$T/div.db"
CCHC_CREATE=1 "$CCHC" --db "$O" demo >/dev/null || exit 1
"$CCHC" --db "$O" exchange export --unit QLTM --to "$T/goi.cchc" >/dev/null || exit 1
"$CCHC" --db "$A" exchange join "$T/goi.cchc" >/dev/null || exit 1
tasks=$(sqlite3 "$A" "SELECT group_concat(id, ' ') FROM task")
set -- $tasks
n=0
while [ "$n" -lt 200 ]; do
	for t in $tasks; do
		n=$((n + 1))
		[ "$n" -le 200 ] || break
		"$CCHC" --db "$A" task note "$t" "Tiến độ lần $n" >/dev/null || exit 1
	done
done
k=0
while [ "$k" -lt 50 ]; do
	k=$((k + 1))
	head -c 2000000 /dev/urandom >"$T/scan.pdf"
	"$CCHC" --db "$A" evidence add --kind bao-cao --task "$1" --file "$T/scan.pdf" \
		--number "$k/BC" --date 2026-09-15 --summary "Báo cáo $k" >/dev/null || exit 1
done
cp "$A" "$T/div-base.db"
cp "$O" "$T/office-base.db"

# timed CMD...: one run's wall time in ms (t) and peak RSS in KB (m)
timed() {
	/usr/bin/time -f '%e %M' -o "$T/time" "$@" >/dev/null 2>"$T/err" || {
		echo "exchange.sh: $* failed: $(cat "$T/err")" >&2; exit 1; }
	t=$(awk '{ printf "%.0f", $1 * 1000 }' "$T/time") m=$(awk '{ print $2 }' "$T/time")
}
# figure NAME: the median, min and max of the runs' times, worst memory
figure() {
	sort -n "$T/ts" | awk -v name="$1" -v mem="$(sort -n "$T/ms" | tail -n 1)" '
		{ v[NR] = $1 } END { printf "%-44s %8d ms  (%d-%d)  peak %6.1f MB\n", name,
			v[int((NR + 1) / 2)], v[1], v[NR], mem / 1024 }'
}
: >"$T/ts"; : >"$T/ms"
i=0
while [ "$i" -lt "$runs" ]; do
	i=$((i + 1))
	cp "$T/div-base.db" "$A"
	rm -f "$T/ve.cchc"
	timed "$CCHC" --db "$A" exchange export --to "$T/ve.cchc"
	echo "$t" >>"$T/ts"; echo "$m" >>"$T/ms"
done
size=$(wc -c <"$T/ve.cchc")
figure "export: 200 notes, 50 records, 100 MB"
: >"$T/ts"; : >"$T/ms"
i=0
while [ "$i" -lt "$runs" ]; do
	i=$((i + 1))
	cp "$T/office-base.db" "$O"
	timed "$CCHC" --db "$O" exchange import "$T/ve.cchc"
	echo "$t" >>"$T/ts"; echo "$m" >>"$T/ms"
done
figure "import at the office"
echo "package: $size bytes; $runs runs each"

# the province: 30 agencies' report packages of one quarter
P="$T/p.db"
CCHC_CREATE=1 "$CCHC" --db "$P" demo >/dev/null || exit 1
k=0
while [ "$k" -lt 30 ]; do
	k=$((k + 1))
	"$CCHC" --db "$P" setting set org.name "Sở số $k" >/dev/null || exit 1
	"$CCHC" --db "$P" report --period 2026-Q3 --format cchc --out "$T/bc-$k.cchc" >/dev/null || exit 1
done
for f in xlsx docx; do
	: >"$T/ts"; : >"$T/ms"
	i=0
	while [ "$i" -lt "$runs" ]; do
		i=$((i + 1))
		timed "$CCHC" consolidate "$T"/bc-*.cchc --period 2026-Q3 --format "$f" --out "$T/tong.$f" --force
		echo "$t" >>"$T/ts"; echo "$m" >>"$T/ms"
	done
	figure "consolidate 30 packages, $f"
done
