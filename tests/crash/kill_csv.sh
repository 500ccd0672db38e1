#!/bin/sh
# A csv folder export killed at any moment (issue 14): cchc writes the six
# tables of a report into a folder that already holds the export of another
# period, with --force, and is killed with SIGKILL. Afterwards the folder
# is absent (only before the first export), or the previous export whole,
# or the new one whole (compared file by file with reference exports),
# never a mix of the two; no temporary folder is visible. A hidden
# ".NAME.tmp-XXXXXX" or ".NAME.old-XXXXXX" left by a kill is allowed, and
# must be gone after the next export to the same folder. Half the kills
# come at a random time of the whole run, half 0-40 ms after the hidden
# folder appears (the writing itself). KILL_CSV_ITERATIONS (default
# 60) sets the number of kills.
. "${top_srcdir:-.}/tests/cli/lib.sh"
. "${top_srcdir:-.}/tests/crash/lib.sh"
ITER=${KILL_CSV_ITERATIONS:-60}
export CCHC_NO_AUTO_BACKUP=1
pid=
cleanup() {
	[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 2' HUP INT TERM
where=set-up
make_base
export CCHC_DB="$T/base.db"
mkdir "$T/w"
# the two exports the folder may hold: A (2026-Q1) and B (2026)
"$CCHC" report --period 2026-Q1 --format csv --out "$T/refA/" || fail "export A"
"$CCHC" report --period 2026 --format csv --out "$T/refB/" || fail "export B"
[ "$(ls "$T/refA" | wc -l)" -eq 7 ] || fail "export A has $(ls "$T/refA" | wc -l) tables"
diff -r "$T/refA" "$T/refB" >/dev/null && fail "the two periods give the same tables"
start=$(now_ms)
"$CCHC" report --period 2026 --format csv --out "$T/w/time/" || fail "timed export"
t_csv=$(($(now_ms) - start))
rm -rf "$T/w/time"

# state: what $T/w/bc is: absent, A, B, or mixed.
state() {
	if [ ! -e "$T/w/bc" ]; then
		echo absent
	elif diff -r "$T/refA" "$T/w/bc" >/dev/null 2>&1; then
		echo A
	elif diff -r "$T/refB" "$T/w/bc" >/dev/null 2>&1; then
		echo B
	else
		echo mixed
	fi
}

# export_killed PERIOD AIMED: runs the export of PERIOD into $T/w/bc with
# --force and kills it: at a random time of a whole run, or (AIMED=yes) a
# random time after the hidden folder appears; st is its status.
export_killed() {
	wait_ms=$(rand $((t_csv + 1))) after_ms=$(rand 40)
	"$CCHC" report --period "$1" --format csv --out "$T/w/bc/" --force >"$T/out" 2>"$T/err" &
	pid=$!
	if [ "$2" = yes ]; then # polled with shell built-ins only: no time lost starting programs
		while [ -e "/proc/$pid/stat" ]; do
			set -- "$T"/w/.bc.tmp-*
			[ -e "$1" ] && break
		done
		sleep_ms "$after_ms"
	else
		sleep_ms "$wait_ms"
	fi
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	st=$?
	pid=
}

n_absent=0 n_old=0 n_new=0 n_done=0 n_hidden=0 it=0
while [ "$it" -lt "$ITER" ]; do
	it=$((it + 1))
	where="iteration $it"
	before=$(state)
	if [ "$(rand 2)" -eq 0 ]; then period=2026-Q1 new=A; else period=2026 new=B; fi
	aimed=no
	[ $((it % 2)) -eq 0 ] && aimed=yes
	export_killed "$period" "$aimed"
	after=$(state)
	[ "$st" -eq 0 ] || [ "$st" -eq 137 ] || bad "the export failed by itself ($st): $(cat "$T/err")"
	visible=$(ls "$T/w")
	[ -z "$visible" ] || [ "$visible" = bc ] || bad "visible beside bc: $(echo "$visible" | tr '\n' ' ')"
	case $after in
	mixed) bad "bc/ is neither export: $(ls "$T/w/bc" | tr '\n' ' ')" ;;
	absent)
		[ "$before" = absent ] || bad "bc/ was $before and is gone"
		n_absent=$((n_absent + 1))
		;;
	"$new") n_new=$((n_new + 1)) ;;
	"$before") n_old=$((n_old + 1)) ;;
	*) bad "bc/ went from $before to $after exporting $new" ;;
	esac
	[ "$st" -eq 0 ] && n_done=$((n_done + 1)) && [ "$after" != "$new" ] &&
		bad "the export said done but bc/ is $after"
	ls -A "$T/w" | grep -q '^\.' && n_hidden=$((n_hidden + 1))
done
# the next whole export sweeps what the kills left
where=end
"$CCHC" report --period 2026 --format csv --out "$T/w/bc/" --force 2>"$T/err" ||
	bad "the export after the kills: $(cat "$T/err")"
[ "$(state)" = B ] || bad "bc/ after the last export is $(state)"
left=$(ls -A "$T/w" | grep -v '^bc$' || true)
[ -z "$left" ] || bad "left after the next export: $(echo "$left" | tr '\n' ' ')"
echo "crash/kill_csv.sh: $it kills of a csv folder export ($t_csv ms whole), $failures failures:" \
	"$n_absent left no folder (before the first export), $n_old the previous export whole," \
	"$n_new the new one whole ($n_done had finished); $n_hidden left a hidden folder," \
	"all swept by the next export"
[ "$failures" -eq 0 ] || exit 1
exit 0
