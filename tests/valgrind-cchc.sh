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
#
# A test repeats commands of one shape many times (thirty spellings of a
# channel, a file written to twenty targets): memcheck costs about a second
# a command, and CI has half an hour; and many tests repeat the same
# set-up (unit add, plan import, setting set). The whole run checks the first
# CCHC_VALGRIND_REPEATS (default 2) commands of each shape under memcheck,
# whichever test runs them, and the rest natively; a shape is the command's
# words (numbers, dates and paths as "#"), the names of its options, the
# values of those that choose a code path (--format, --encoding, --channel,
# --status, --kind, --index, --group) and the extensions of the files it
# names (a .docx and a .txt plan are read by different code).
# CCHC_VALGRIND_REPEATS=0 checks every command.
: "${top_builddir:?run through make check-valgrind}"
set -f # option values are words here, never patterns
dir="$top_builddir/tests/valgrind"
mkdir -p "$dir/shapes"

shape= exts=
words=0 opts= skip_value=0 keep_value=0
for a in "$@"; do
	if [ "$skip_value" = 1 ]; then skip_value=0; continue; fi
	if [ "$keep_value" = 1 ]; then opts="$opts=$a"; keep_value=0; continue; fi
	case $a in
	--db | --script | --dump | --size | --theme) skip_value=1 ;;
	--create) ;;
	--format | --encoding | --channel | --status | --kind | --index | --group)
		opts="$opts $a"; keep_value=1 ;;
	--*=*) opts="$opts ${a%%=*}" ;;
	--*) opts="$opts $a" ;;
	*.csv | *.txt | *.docx | *.xlsx | *.xls | *.doc | *.odt | *.md | *.tsv | *.pdf)
		# an input's kind chooses a reader: .csv and .docx are two shapes
		exts="$exts ${a##*.}" ;;
	*)
		if [ -z "$opts" ] && [ "$words" -lt 2 ]; then
			case $a in
			*[0-9/]*) shape="$shape #" ;;
			*) shape="$shape $a" ;;
			esac
			words=$((words + 1))
		fi ;;
	esac
done
opts=$(printf '%s\n' $opts | sort | tr '\n' ' ')
test=$(tr '\0' '\n' <"/proc/$PPID/cmdline" 2>/dev/null | grep -m 1 '\.sh$')
key=$(printf '%s|%s|%s' "$shape" "$opts" "$exts" | cksum | cut -d ' ' -f 1)
repeats=${CCHC_VALGRIND_REPEATS:-2}
n=$(cat "$dir/shapes/$key" 2>/dev/null || echo 0)
if [ "$repeats" -gt 0 ] && [ "$n" -ge "$repeats" ]; then
	echo "${test##*/}:$shape |$opts|$exts" >>"$dir/native.list"
	exec "$top_builddir/cchc" "$@"
fi
echo $((n + 1)) >"$dir/shapes/$key"
echo "${test##*/}:$shape |$opts|$exts" >>"$dir/checked.list"

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
