#!/bin/sh
# The feedback handled on time, counted by closing day (schema 27, issue
# 19): the stored counts equal a recount from the rows (the deadline in
# force on the closing day, the last dated "da-vao-so" or "giao" step)
# after every writer — add, the workflow steps that close an item or set
# its deadline, edit, delete, undo, the demo's bulk insert, a step or a
# closing date changed by hand, the upgrade from schema 26 — and the
# report's figure (feedback stats) equals what the rows say; cchc check
# finds a wrong count and recounts it.
. "${top_srcdir:-.}/tests/cli/lib.sh"
export CCHC_TODAY=2026-11-24
"$CCHC" unit add "Văn phòng Sở" --code VP >/dev/null || fail unit

# the deadline in force on the closing day, as src/core/feedback.c reads it
ON_TIME="f.closed_on IS NOT NULL AND f.closed_on <= coalesce((SELECT substr(s.note, -4) || '-' \
|| substr(s.note, -7, 2) || '-' || substr(s.note, -10, 2) FROM feedback_step s WHERE \
s.feedback_id = f.id AND s.step IN ('da-vao-so', 'giao') AND s.on_date <= f.closed_on AND \
s.note GLOB '*[0-9][0-9]/[0-9][0-9]/[0-9][0-9][0-9][0-9]' ORDER BY s.seq DESC LIMIT 1), f.closed_on)"

# agree DB WHEN [ON_TIME_2026]: the stored counts (rows of zeros as none)
# equal a recount; the year's "trong đó đúng hạn" equals the rows' count
agree() {
	got=$(sqlite3 "$1" "SELECT day || ' ' || on_time FROM feedback_tally_closed WHERE \
		on_time <> 0 ORDER BY day") || fail "read ($2)"
	want=$(sqlite3 "$1" "SELECT f.closed_on || ' ' || count(*) FROM feedback f WHERE $ON_TIME \
		GROUP BY f.closed_on ORDER BY f.closed_on") || fail "recount ($2)"
	[ "$got" = "$want" ] || fail "feedback_tally_closed [$got], a recount [$want] ($2)"
	rows=$(sqlite3 "$1" "SELECT count(*) FROM feedback f WHERE $ON_TIME AND f.closed_on \
		BETWEEN '2025-12-15' AND '2026-12-14' AND f.received_on <= '2026-12-14'")
	CCHC_DB="$1" "$CCHC" feedback stats --period 2026 --format tsv > "$T/stats" ||
		fail "stats ($2)"
	[ "$(sed -n 's/^handled_on_time\t//p' "$T/stats")" = "$rows" ] ||
		fail "stats say $(grep handled_on_time "$T/stats"), the rows $rows ($2)"
	[ -z "${3:-}" ] || [ "$rows" = "$3" ] || fail "expected $3 on time in 2026, $rows ($2)"
}
add() { # SENDER RECEIVED
	"$CCHC" feedback add --received "$2" --channel email --sender "$1" \
		--content "Nội dung của $1" >/dev/null || fail "add $1"
}
fb() {
	"$CCHC" feedback "$@" >/dev/null 2>"$T/err" || fail "feedback $*: $(cat "$T/err")"
}

agree "$CCHC_DB" empty 0
add "Ông A" 02/03/2026
add "Bà B" 02/03/2026
add "Ông C" 02/03/2026
add "Bà D" 02/03/2026
agree "$CCHC_DB" add 0
fb assign 1 --unit VP --date 2026-03-03 --due 2026-03-20
fb assign 2 --unit VP --date 2026-03-03 --due 2026-03-10
fb assign 3 --unit VP --date 2026-03-03 --due 2026-03-10
agree "$CCHC_DB" assign 0
fb answer 1 --date 2026-03-12 --text "Đã trả lời"      # on time
fb answer 2 --date 2026-03-12 --text "Đã trả lời"      # late
fb answer 3 --date 2026-03-10 --text "Đã trả lời"      # on the day: on time
fb forward 4 --to "Sở Xây dựng" --date 2026-03-05       # within the 09/03 deadline
agree "$CCHC_DB" answer 3
fb edit 1 --sender "Ông An"
agree "$CCHC_DB" edit 3
"$CCHC" feedback delete 3 >/dev/null 2>&1 || "$CCHC" feedback delete 3 --force >/dev/null ||
	fail "delete 3"
agree "$CCHC_DB" delete 2
"$CCHC" undo >/dev/null || fail "undo delete"
agree "$CCHC_DB" "undo delete" 3
"$CCHC" undo >/dev/null || fail "undo edit"
"$CCHC" undo >/dev/null || fail "undo forward"
agree "$CCHC_DB" "undo forward" 2
# by hand: a deadline moved in a step of a closed item, a closing date moved,
# a step deleted, one moved to another item
cchc_sql "UPDATE feedback_step SET note = 'VP; hạn xử lý: 15/03/2026' WHERE feedback_id = 2 \
	AND step = 'giao'" || fail "move a deadline"
agree "$CCHC_DB" "deadline moved" 3
cchc_sql "UPDATE feedback SET closed_on = '2026-03-25' \
	WHERE id = 1" || fail "move a closing"
agree "$CCHC_DB" "closing moved" 2
cchc_sql "DELETE FROM feedback_step WHERE feedback_id = 1 AND step = 'giao'" || fail "delete a step"
agree "$CCHC_DB" "step deleted" 2
cchc_sql "UPDATE feedback_step SET feedback_id = 1, seq = 99 WHERE feedback_id = 2 AND \
	step = 'giao'" || fail "move a step"
agree "$CCHC_DB" "step moved" 1

# cchc check finds a wrong count and recounts it
sqlite3 "$CCHC_DB" "UPDATE feedback_tally_closed SET on_time = on_time + 5; INSERT OR IGNORE \
	INTO feedback_tally_closed VALUES('2026-01-01', 7)" || fail plant
run "$CCHC" check
expect_grep "[chú ý] Số đếm phản ánh, kiến nghị xử lý đúng hạn lệch với phản ánh (" "$T/out"
agree "$CCHC_DB" "after check" 1
run "$CCHC" check
expect_grep "[tốt]   Số đếm phản ánh, kiến nghị xử lý đúng hạn: khớp với phản ánh" "$T/out"

# the demo's items, written in one go
"$CCHC" --db "$T/demo.db" demo >/dev/null || fail demo
[ "$(sqlite3 "$T/demo.db" "SELECT count(*) FROM feedback WHERE closed_on IS NOT NULL")" -gt 0 ] ||
	fail "the demo closes no item"
agree "$T/demo.db" demo
# the upgrade from schema 26 counts the items already stored
sqlite3 "$T/demo.db" "DELETE FROM feedback_tally_closed; PRAGMA user_version = 26" ||
	fail rewind
"$CCHC" --db "$T/demo.db" feedback list >/dev/null || fail upgrade
[ "$(sqlite3 "$T/demo.db" "PRAGMA user_version")" -ge 27 ] || fail "not upgraded"
agree "$T/demo.db" upgrade
exit 0
