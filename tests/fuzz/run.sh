#!/usr/bin/env bash
# Runs the libFuzzer targets of a --enable-fuzzing build for a bounded time.
#
#   cd BUILDDIR && SRCDIR/tests/fuzz/run.sh SECONDS [TARGET...]
#
# Each target (default: all; names as plan, dossier, ... or fuzz_plan) runs
# for SECONDS (-max_total_time) on a fresh working corpus seeded from
# tests/fuzz/corpus/NAME, FUZZ_JOBS at a time (default: the number of CPUs).
# Prints per target "PASS: fuzz_NAME (N executions in S s, 0 crashes)" or
# FAIL with the crash input saved under fuzz-out/NAME/ (crash-*, leak-*,
# timeout-*, oom-*) and the end of libFuzzer's log; then a total line.
# Exits 1 when any target crashed or could not run. To make a crash a
# regression test, copy its input into tests/fuzz/corpus/NAME/.
set -u
here=$(cd "$(dirname "$0")" && pwd)
secs=${1:?usage: run.sh SECONDS [TARGET...]}
shift
all="plan dossier dossier_stream dossier_map theme keys date due decode docx"
targets=${*:-$all}
jobs=${FUZZ_JOBS:-$(nproc 2>/dev/null || echo 1)}
out=$(pwd)/fuzz-out

# max_len per target: whole plans and exports are longer than a date.
max_len() {
	case $1 in
	plan | dossier | dossier_stream | theme | keys | dossier_map) echo 8192 ;;
	*) echo 4096 ;;
	esac
}

# run_one NAME: one fuzzing run, its log in fuzz-out/NAME/log.
run_one() {
	local t=$1 dir=$out/$1 bin=tests/fuzz/fuzz_$1
	rm -rf "$dir" && mkdir -p "$dir/corpus"
	"$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
		-max_len="$(max_len "$t")" -print_final_stats=1 \
		-artifact_prefix="$dir/" "$dir/corpus" "$here/corpus/$t" > "$dir/log" 2>&1
	echo $? > "$dir/rc"
}

# report NAME: prints the target's result line; returns 1 on a crash.
report() {
	local t=$1 dir=$out/$1 rc execs crashes secs_used
	rc=$(cat "$dir/rc" 2>/dev/null || echo 99)
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log" | tail -n 1)
	[ -n "$execs" ] || execs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$dir/log" | tail -n 1)
	[ -n "$execs" ] || execs=$(sed -n 's/^#\([0-9]*\).*/\1/p' "$dir/log" | tail -n 1)
	secs_used=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$dir/log" | tail -n 1)
	crashes=$(find "$dir" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'leak-*' \
		-o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
	total_execs=$((total_execs + ${execs:-0}))
	total_crashes=$((total_crashes + crashes))
	if [ "$rc" -eq 0 ] && [ "$crashes" -eq 0 ]; then
		echo "PASS: fuzz_$t (${execs:-0} executions in ${secs_used:-$secs} s, 0 crashes)"
		return 0
	fi
	echo "FAIL: fuzz_$t (${execs:-0} executions, $crashes crashes, exit status $rc)"
	find "$dir" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' \
		-o -name 'oom-*' \) -exec echo "  input saved: {}" \;
	# the error, the frames in cchc's own sources, the verdict
	grep -E '==ERROR|runtime error|^SUMMARY|ALARM|timeout after| in [^ ]+ [^ ]*/(src|tests)/' \
		"$dir/log" | head -n 30 | sed 's/^/  | /'
	return 1
}

for t in $targets; do
	t=${t#fuzz_}
	[ -x "tests/fuzz/fuzz_$t" ] || {
		echo "tests/fuzz/fuzz_$t not found: run this in a build configured with" \
			"CC=clang --enable-fuzzing, after make" >&2
		exit 2
	}
	[ -d "$here/corpus/$t" ] || { echo "no corpus $here/corpus/$t" >&2; exit 2; }
done
mkdir -p "$out"
running=0
for t in $targets; do
	t=${t#fuzz_}
	if [ "$running" -ge "$jobs" ]; then
		wait -n
		running=$((running - 1))
	fi
	run_one "$t" &
	running=$((running + 1))
done
wait

total_execs=0 total_crashes=0 failed=0
for t in $targets; do
	report "${t#fuzz_}" || failed=$((failed + 1))
done
echo "fuzz: $(echo $targets | wc -w) targets, $total_execs executions, $total_crashes crashes," \
	"$failed failed (${secs} s each)"
[ "$failed" -eq 0 ]
