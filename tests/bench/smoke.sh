#!/bin/sh
# The benchmark harness works: a tiny run prints its figures for every query.
. "${top_srcdir:-.}/tests/cli/lib.sh"
b="$top_builddir/tests/bench/bench_search"
run "$b" 500 "$T/bench.db"
expect_rc 0
expect_grep "built 500 sections" "$T/out"
[ "$(grep -c ' hits  median ' "$T/out")" -eq 10 ] || fail "expected 10 query lines: $(cat "$T/out")"
grep -qE '^xin loi +folded +[1-9][0-9]* hits' "$T/out" || fail "xin loi found nothing"
grep -qE '^dong dang +folded +[1-9][0-9]* hits' "$T/out" || fail "dong dang found nothing"
exit 0
