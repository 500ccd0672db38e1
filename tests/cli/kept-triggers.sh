#!/bin/sh
# The triggers that keep derived data live outside the file (schema 29,
# issue 19): the file holds them as rows of kept_trigger and, in their
# place, only the small guards; each cchc that writes makes them in its
# temporary schema first, so its writes still index and count.
#
# - After any open the file's triggers are the guards alone: one BEFORE
#   INSERT, UPDATE and DELETE of each table that has kept triggers.
# - A write by the sqlite3 shell to such a table is refused ("no such
#   function: cchc_kept") and changes nothing.
# - cchc's writes keep the search index and the counts: a task added is
#   found, an edit re-indexed, and cchc check finds the kept sets equal.
# - An open that must migrate (the file rewound to schema 28) or remake the
#   search triggers (another search.spec) puts the triggers back into the
#   file for that, and moves them out again: the rows are the same after.
# - A trigger added to the file by hand is moved with them and reported by
#   cchc check as foreign, and restore of such a backup is refused.
. "${top_srcdir:-.}/tests/cli/lib.sh"
export CCHC_TODAY=2026-11-24 USER=van-thu
"$CCHC" plan import "$FIXTURES/so-cong-thuong-2024.txt" >/dev/null 2>&1 || fail import
"$CCHC" unit add "Văn phòng Sở" --code VP >/dev/null || fail unit
"$CCHC" task add --section 5 --title "Rà soát văn bản quy phạm" --lead VP \
	--due 31/10/2026 >/dev/null || fail task1

q() { sqlite3 "$CCHC_DB" "$1" || fail "query: $1"; }

# only_guards WHEN: the file's triggers are the guards of the kept rows'
# tables, three each, and nothing else
only_guards() {
	other=$(q "SELECT group_concat(name) FROM sqlite_master WHERE type = 'trigger' AND name \
		NOT GLOB 'kept_guard_*'")
	[ -z "$other" ] || fail "stored triggers left in the file ($1): $other"
	want=$(q "SELECT count(DISTINCT tbl) * 3 FROM kept_trigger")
	have=$(q "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name GLOB \
		'kept_guard_*' AND tbl_name IN (SELECT tbl FROM kept_trigger) AND sql LIKE \
		'%WHEN cchc_kept()%'")
	[ "$want" -gt 20 ] && [ "$have" = "$want" ] ||
		fail "guards ($1): $have of $want"
	[ "$(q "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'")" = "$want" ] ||
		fail "guards of tables that keep nothing ($1)"
}
digest() { q "SELECT count(*) || ':' || sum(length(sql)) || ':' || group_concat(name, ',') \
	FROM (SELECT * FROM kept_trigger ORDER BY name)"; }

only_guards "after the first commands"
kept=$(digest)
for t in search_task_ai search_task_au dossier_tally_ai feedback_tally_bu \
	task_tally_coord_au unit_rank_ai; do
	[ "$(q "SELECT count(*) FROM kept_trigger WHERE name = '$t' AND sql GLOB \
		'CREATE TRIGGER *'")" = 1 ] || fail "$t is not kept"
done

# the shell's write is refused and changes nothing
before=$(q "SELECT count(*), max(title) FROM task")
rc=0
command sqlite3 "$CCHC_DB" "UPDATE task SET title = 'sửa ngoài' WHERE id = 1" \
	2>"$T/err" || rc=$?
[ "$rc" != 0 ] || fail "the sqlite3 shell wrote to task"
expect_grep "cchc_kept" "$T/err"
rc=0
command sqlite3 "$CCHC_DB" "INSERT INTO unit(name, code) VALUES('Ngoài', 'NG')" \
	2>"$T/err" || rc=$?
[ "$rc" != 0 ] || fail "the sqlite3 shell wrote to unit"
[ "$(q "SELECT count(*), max(title) FROM task")" = "$before" ] || fail "task changed"
[ "$(q "SELECT count(*) FROM unit WHERE code = 'NG'")" = 0 ] || fail "unit added"

# cchc's writes index and count
"$CCHC" task add --section 6 --title "Khảo sát mức độ hài lòng" --lead VP \
	--due 30/11/2026 >/dev/null || fail task2
run "$CCHC" search khảo sát hài lòng
expect_rc 0
expect_grep "Khảo sát mức độ hài lòng" "$T/out"
"$CCHC" task edit 1 --title "Rà soát thủ tục nội bộ" >/dev/null || fail edit
run "$CCHC" search thủ tục nội bộ
expect_grep "Rà soát thủ tục nội bộ" "$T/out"
run "$CCHC" search quy phạm
expect_no_grep "Rà soát" "$T/out"
run "$CCHC" check
expect_grep "Danh sách đơn vị phối hợp của nhiệm vụ đang làm: khớp" "$T/out"
expect_grep "Lược đồ: bảng, chỉ mục, view, trigger đúng như cchc tạo" "$T/out"
expect_grep "Chỉ mục tìm kiếm: khớp với dữ liệu" "$T/out"
only_guards "after the writes"
[ "$(digest)" = "$kept" ] || fail "kept rows changed by the writes"

# an open that migrates: the triggers go back for it and come out again
q "PRAGMA user_version = 28" >/dev/null
"$CCHC" task list >/dev/null || fail "open after the rewind"
[ "$(q "PRAGMA user_version")" -ge 29 ] || fail "not migrated"
only_guards "after the migration"
[ "$(digest)" = "$kept" ] || fail "kept rows differ after the migration: $(digest)"
"$CCHC" task done 2 --date 20/11/2026 >/dev/null || fail "write after the migration"
run "$CCHC" check
expect_grep "Danh sách nhiệm vụ hoàn thành chưa có tài liệu kiểm chứng: khớp" "$T/out"

# an open that remakes the search triggers: the same
q "UPDATE setting SET value = 'other' WHERE key = 'search.spec'" >/dev/null
"$CCHC" task list >/dev/null || fail "open after the spec"
only_guards "after the search triggers"
[ "$(digest)" = "$kept" ] || fail "kept rows differ after the search triggers"
[ "$(q "SELECT value FROM setting WHERE key = 'search.spec'")" != other ] ||
	fail "search.spec not made again"

# a trigger put into the file by hand is foreign, kept or not
command sqlite3 "$CCHC_DB" "CREATE TRIGGER zz AFTER INSERT ON plan BEGIN DELETE FROM \
	evidence; END" || fail "plant"
run "$CCHC" check
expect_grep "trigger zz (của bảng plan) không phải của cchc (lạ)" "$T/out"
[ "$(q "SELECT count(*) FROM kept_trigger WHERE name = 'zz'")" = 1 ] ||
	fail "the planted trigger was not moved"
"$CCHC" backup --to "$T/bad.db" >/dev/null 2>&1 || fail backup
before=$(sum "$CCHC_DB")
run "$CCHC" restore "$T/bad.db"
expect_rc 1
expect_grep "trigger zz (của bảng plan) không phải của cchc" "$T/err"

# so is a row of kept_trigger written by hand, or one changed: restore
# refuses both, as it refuses the same as stored triggers
q "DELETE FROM kept_trigger WHERE name = 'zz'" >/dev/null
"$CCHC" backup --to "$T/good.db" >/dev/null 2>&1 || fail "backup 2"
cp "$T/good.db" "$T/row.db"
command sqlite3 "$T/row.db" "INSERT INTO kept_trigger VALUES('yy', 'unit', 'CREATE TRIGGER yy \
	AFTER INSERT ON unit BEGIN DELETE FROM letter; END')" || fail "plant row"
cp "$T/good.db" "$T/changed.db"
command sqlite3 "$T/changed.db" "UPDATE kept_trigger SET sql = replace(sql, \
	'INSERT INTO search_doc', 'DELETE FROM task; INSERT INTO search_doc') \
	WHERE name = 'search_unit_ai'" || fail "plant change"
[ "$(command sqlite3 "$T/changed.db" "SELECT count(*) FROM kept_trigger WHERE sql LIKE \
	'%DELETE FROM task; INSERT%'")" = 1 ] || fail "not changed"
before=$(sum "$CCHC_DB")
for f in row:"trigger yy (của bảng unit) không phải của cchc" \
	changed:"trigger search_unit_ai (của bảng unit) khác với bản cchc tạo"; do
	run "$CCHC" restore "$T/${f%%:*}.db"
	expect_rc 1
	expect_grep "${f#*:}" "$T/err"
	[ "$(sum "$CCHC_DB")" = "$before" ] || fail "restore of ${f%%:*}.db changed the database"
done
exit 0
