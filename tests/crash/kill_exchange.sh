#!/bin/sh
# A division's package imported at the office and killed with SIGKILL at any
# moment (issue 20): afterwards the office's database passes its checks and
# holds either nothing of the package (and takes it whole on the next
# import) or all of it (and the next import says it is there already) —
# never a part. Half the kills come at a random time of a whole import, half
# early (the checks of the package, before anything is written).
# KILL_EXCHANGE_ITERATIONS (default 30) sets the number of kills.
. "${top_srcdir:-.}/tests/cli/lib.sh"
. "${top_srcdir:-.}/tests/crash/lib.sh"
ITER=${KILL_EXCHANGE_ITERATIONS:-30}
export CCHC_NO_AUTO_BACKUP=1
unset CCHC_BACKUP_WAIT
pid=
cleanup() {
	[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 2' HUP INT TERM
where=set-up
O="$T/office.db" A="$T/div.db"
CCHC_CREATE=1 "$CCHC" --db "$O" demo >/dev/null || fail "demo"
"$CCHC" --db "$O" exchange export --unit QLTM --to "$T/goi.cchc" >/dev/null || fail "office package"
"$CCHC" --db "$A" exchange join "$T/goi.cchc" >/dev/null || fail "join"
# the division's quarter, in small: 60 notes, 12 evidence records with files
tasks=$(sql "$A" "SELECT group_concat(id, ' ') FROM task")
i=0
for t in $tasks; do
	for k in 1 2 3 4 5 6 7 8 9 10 11 12; do
		i=$((i + 1))
		[ "$i" -le 60 ] || break 2
		"$CCHC" --db "$A" task note "$t" "Tiến độ lần $k của nhiệm vụ $t" >/dev/null || fail "note"
	done
done
for k in 1 2 3 4 5 6 7 8 9 10 11 12; do
	head -c 400000 /dev/urandom >"$T/scan-$k.pdf"
	set -- $tasks
	"$CCHC" --db "$A" evidence add --kind bao-cao --task "$1" --file "$T/scan-$k.pdf" \
		--number "$k/BC" --date 2026-11-0$((k % 9 + 1)) --summary "Báo cáo $k" >/dev/null ||
		fail "evidence $k"
done
"$CCHC" --db "$A" exchange export --to "$T/ve.cchc" >/dev/null || fail "division package"
cp "$O" "$T/base.db"
count_sql=$(sql "$O" "SELECT group_concat('SELECT ''' || name || '='' || count(*) \
	FROM \"' || name || '\"', ' UNION ALL ') FROM sqlite_master WHERE type = 'table' \
	AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'search_%'")
before=$(sql "$O" "$count_sql")
# the reference: the package applied whole, and how long that takes
cp "$T/base.db" "$T/ref.db"
start=$(now_ms)
"$CCHC" --db "$T/ref.db" exchange import "$T/ve.cchc" >/dev/null || fail "reference import"
t_imp=$(($(now_ms) - start))
after=$(sql "$T/ref.db" "$count_sql")
[ "$before" != "$after" ] || fail "the package changes nothing"

n_none=0 n_whole=0 n_done=0 it=0
while [ "$it" -lt "$ITER" ]; do
	it=$((it + 1))
	where="iteration $it"
	fresh w.db
	if [ $((it % 2)) -eq 0 ]; then wait_ms=$(rand $((t_imp + 1))); else wait_ms=$(rand 40); fi
	"$CCHC" --db "$T/w.db" exchange import "$T/ve.cchc" >"$T/out" 2>"$T/err" &
	pid=$!
	sleep_ms "$wait_ms"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	st=$?
	pid=
	[ "$st" -eq 0 ] || [ "$st" -eq 137 ] || bad "the import failed by itself ($st): $(cat "$T/err")"
	check_db "$T/w.db" || continue
	now=$(sql "$T/w.db" "$count_sql")
	seq=$(sql "$T/w.db" "SELECT recv_seq FROM exchange_peer WHERE site = 1")
	if [ "$now" = "$before" ] && [ "$seq" = 0 ]; then
		n_none=$((n_none + 1))
		[ "$st" -eq 0 ] && bad "the import said done but nothing is there"
		"$CCHC" --db "$T/w.db" exchange import "$T/ve.cchc" >/dev/null 2>"$T/err" ||
			bad "the import after the kill: $(cat "$T/err")"
		[ "$(sql "$T/w.db" "$count_sql")" = "$after" ] || bad "the import after the kill is not whole"
	elif [ "$now" = "$after" ] && [ "$seq" = 1 ]; then
		n_whole=$((n_whole + 1))
		[ "$st" -eq 0 ] && n_done=$((n_done + 1))
		"$CCHC" --db "$T/w.db" exchange import "$T/ve.cchc" >/dev/null 2>"$T/err" &&
			bad "the package was taken twice"
		grep -q "đã nhận rồi" "$T/err" || bad "the second import: $(cat "$T/err")"
	else
		bad "part of the package: package number $seq, tables $(echo "$now" | tr '\n' ' ')"
	fi
done
echo "crash/kill_exchange.sh: $it kills of a package import ($t_imp ms whole), $failures failures:" \
	"$n_none left nothing (then imported whole), $n_whole the package whole ($n_done had finished)"
[ "$failures" -eq 0 ] || exit 1
exit 0
