#!/bin/sh
# Runs the cchc of the build ($top_builddir/cchc) under valgrind memcheck
# with the arguments given: `make check-valgrind` points CCHC at this script
# for the command tests. Valgrind's report goes to a file of its own, so the
# tests still see exactly cchc's output; when memcheck finds an error or a
# definite leak the command exits 99, its report is copied to stderr and
# kept as tests/valgrind/FAILED.PID.log beside the report of the test that
# ran it (the make target lists them afterwards, so an error in a command
# whose status a test ignores is not lost). Valgrind's other remarks (such
# as large allocations) go to tests/valgrind/NOTE.PID.log.
: "${top_builddir:?run through make check-valgrind}"
dir="$top_builddir/tests/valgrind"
mkdir -p "$dir"
log="$dir/cchc.$$.log"
valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
	--show-leak-kinds=definite --num-callers=30 --log-file="$log" \
	"$top_builddir/cchc" "$@"
rc=$?
if [ -s "$log" ]; then
	kind=NOTE
	[ "$rc" -eq 99 ] && kind=FAILED
	{
		echo "valgrind: cchc $*"
		echo "valgrind: run by: $(tr '\0' ' ' < /proc/$PPID/cmdline 2>/dev/null)"
		cat "$log"
	} > "$dir/$kind.$$.log"
	[ "$kind" = FAILED ] && cat "$dir/$kind.$$.log" >&2
fi
rm -f "$log"
exit "$rc"
