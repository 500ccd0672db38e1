#!/bin/sh
# The Overview's counts read only what they show (schema 25, issue 19):
# the late dossiers without an apology letter are the resolved-late ones
# kept by triggers (dossier_tally_late) plus the open ones past due counted
# from the index dossier_open; the stored count equals a recount after
# every writer (dossier add, edit, delete, undo; letter add, delete, a
# letter moved to another dossier by hand), the Overview shows the figure
# a recount from the rows gives; that count is planned over covering
# indexes, no row read, and the unclear deadlines' reads the tasks kept in
# task_tally_unclear (schema 30), no scan.
. "${top_srcdir:-.}/tests/cli/lib.sh"
export CCHC_TODAY=2026-11-24
"$CCHC" unit add "Phòng Quản lý Thương mại" --code QLTM >/dev/null || fail unit
"$CCHC" setting set org.name "Sở Công Thương" >/dev/null || fail setting
# the screen would seed the demo data into a database without a plan
sqlite3 "$CCHC_DB" "INSERT INTO setting(key, value) VALUES('demo.seeded', '1')" || fail seed
add() { # code received due [resolved]
	"$CCHC" dossier add --code "$1" --received "$2" --due "$3" ${4:+--resolved "$4"} \
		--unit QLTM --holder "Nguyễn Thị Hoa" >/dev/null || fail "dossier $1"
}

# late_agree WHEN: the stored count equals a recount, and the Overview's
# line equals the late-without-letter dossiers counted from the rows
late_agree() {
	got=$(sqlite3 "$CCHC_DB" "SELECT no_letter FROM dossier_tally_late") || fail "read ($1)"
	want=$(sqlite3 "$CCHC_DB" "SELECT count(*) FROM dossier d WHERE resolved_on > due_on AND \
		NOT EXISTS (SELECT 1 FROM letter l WHERE l.dossier_id = d.id)") || fail "recount ($1)"
	[ "$got" = "$want" ] || fail "dossier_tally_late $got, a recount $want ($1)"
	# the open dossiers with a letter (schema 28) as the view says
	diff=$(sqlite3 "$CCHC_DB" "SELECT (SELECT count(*) FROM (SELECT * FROM dossier_open_letter \
		EXCEPT SELECT * FROM dossier_tally_open_letter)) + (SELECT count(*) FROM (SELECT * \
		FROM dossier_tally_open_letter EXCEPT SELECT * FROM dossier_open_letter))") ||
		fail "compare the open with a letter ($1)"
	[ "$diff" = 0 ] || fail "dossier_tally_open_letter differs from the rows by $diff ($1)"
	all=$(sqlite3 "$CCHC_DB" "SELECT count(*) FROM dossier d WHERE (resolved_on > due_on OR \
		(resolved_on IS NULL AND due_on < '2026-11-24')) AND NOT EXISTS (SELECT 1 FROM \
		letter l WHERE l.dossier_id = d.id)")
	[ "$all" = "$2" ] || fail "expected $2 late without a letter, the rows say $all ($1)"
	printf 'key 1\ndump\n' > "$T/script"
	"$CCHC" --script "$T/script" --size 100x40 --dump "$T/screen" > /dev/null ||
		fail "the Overview ($1)"
	grep -q "Hồ sơ trễ hạn chưa có phiếu xin lỗi: $2 *\$" "$T/screen" ||
		fail "the Overview does not show $2 ($1): $(grep "phiếu xin lỗi" "$T/screen")"
}

late_agree empty 0
add HS-1 02/03/2026 12/03/2026 20/03/2026    # resolved late
add HS-2 02/03/2026 12/03/2026 11/03/2026    # resolved early
add HS-3 02/03/2026 12/03/2026               # open, past due
add HS-4 02/11/2026 30/11/2026               # open, not yet due
add HS-5 02/03/2026 12/03/2026 25/03/2026    # resolved late
late_agree add 3
run "$CCHC" letter add --dossier HS-1 --reason "Chờ ý kiến" --new-date 25/03/2026 --date 11/03/2026
expect_rc 0
l1=$(cat "$T/out")
late_agree "letter to a resolved one" 2
run "$CCHC" letter add --dossier HS-3 --reason "Chờ ý kiến" --new-date 25/03/2026 --date 11/03/2026
expect_rc 0
late_agree "letter to an open one" 1
"$CCHC" dossier edit HS-2 --resolved 30/03/2026 >/dev/null || fail "edit HS-2"
late_agree "made late" 2
"$CCHC" dossier edit HS-5 --resolved 10/03/2026 >/dev/null || fail "edit HS-5"
late_agree "made early" 1
"$CCHC" dossier edit HS-1 --resolved 01/04/2026 >/dev/null || fail "edit HS-1"
late_agree "later, with its letter" 1
"$CCHC" dossier edit HS-4 --due 10/11/2026 >/dev/null || fail "edit HS-4"
late_agree "open, now past due" 2
"$CCHC" dossier edit HS-3 --due 20/03/2026 >/dev/null || fail "edit HS-3"
late_agree "open with a letter, due moved" 2
[ "$(sqlite3 "$CCHC_DB" "SELECT due_on FROM dossier_tally_open_letter")" = 2026-03-20 ] ||
	fail "the open dossier with a letter is not kept with its new due date"
"$CCHC" dossier delete HS-2 --force >/dev/null || fail "delete HS-2"
late_agree delete 1
"$CCHC" undo >/dev/null || fail undo
late_agree undo 2
"$CCHC" letter delete "$l1" >/dev/null || fail "letter delete"
late_agree "letter deleted" 3

# cchc check finds a wrong count and recounts it
sqlite3 "$CCHC_DB" "UPDATE dossier_tally_late SET no_letter = no_letter + 5" || fail plant
run "$CCHC" check
expect_grep "[chú ý] Số đếm hồ sơ theo tháng lệch với hồ sơ (" "$T/out"
late_agree "after check" 3
sqlite3 "$CCHC_DB" "DELETE FROM dossier_tally_open_letter" || fail "plant 2"
run "$CCHC" check
expect_grep "[chú ý] Số đếm hồ sơ theo tháng lệch với hồ sơ (1 dòng)" "$T/out"
late_agree "after the second check" 3

# both Overview counts as cchc ran them: over covering indexes, no scan
printf 'key 1\n' > "$T/script"
CCHC_TRACE_SQL="$T/trace" "$CCHC" --script "$T/script" --size 100x30 > /dev/null ||
	fail "the Overview"
plan() { # PATTERN INDEX: the traced statement matching PATTERN reads INDEX only
	sed -n "s/^ *[0-9.]* ms  //p" "$T/trace" | grep "$1" | head -n 1 > "$T/q"
	[ -s "$T/q" ] || fail "no statement $1 in the trace"
	sqlite3 "$CCHC_DB" "EXPLAIN QUERY PLAN $(sed 's/?[0-9]*/NULL/g' "$T/q")" > "$T/plan" ||
		fail "plan: $(cat "$T/q")"
	expect_grep "COVERING INDEX $2" "$T/plan"
	if grep -q "SCAN [dt]\b\|MULTI-INDEX OR" "$T/plan"; then
		fail "rows read for $1: $(cat "$T/plan")"
	fi
}
# the deadlines still unclear: the tasks kept in task_tally_unclear (schema
# 30), no scan, no occurrence read
sed -n "s/^ *[0-9.]* ms  //p" "$T/trace" | grep "^SELECT count(\*) FROM task t .*task_tally_unclear" |
	head -n 1 > "$T/q"
[ -s "$T/q" ] || fail "no due-unclear statement in the trace"
sqlite3 "$CCHC_DB" "EXPLAIN QUERY PLAN $(sed 's/?[0-9]*/NULL/g' "$T/q")" > "$T/plan" ||
	fail "plan: $(cat "$T/q")"
expect_grep "task_tally_unclear" "$T/plan"
if grep -q "SCAN\|task_due" "$T/plan"; then fail "rows read for the unclear: $(cat "$T/plan")"; fi
plan "dossier_tally_late" dossier_open
# a letter moved to another dossier, by hand (no command does it)
cchc_sql "UPDATE letter SET dossier_id = (SELECT id FROM dossier WHERE code = 'HS-2') WHERE \
	dossier_id = (SELECT id FROM dossier WHERE code = 'HS-3')" || fail "move the letter"
late_agree "letter moved" 3
exit 0
