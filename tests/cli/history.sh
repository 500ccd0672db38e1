#!/bin/sh
# Undo, history and trash: every change is recorded per action with the OS
# user and the old and new values; undo goes back one action at a time
# (the search index follows); deleting a plan moves it to the trash, from
# which it comes back whole; an import recorded as one bulk action refuses
# row-by-row undo with a clear message.
. "${top_srcdir:-.}/tests/cli/lib.sh"
export CCHC_TODAY=2026-11-24 USER=van-thu
"$CCHC" plan import "$FIXTURES/so-cong-thuong-2024.txt" >/dev/null 2>&1 || fail import
"$CCHC" unit add "Văn phòng Sở" --code VP >/dev/null || fail unit
"$CCHC" task add --section 5 --title "Rà soát văn bản" --lead VP --due 31/01/2026 >/dev/null || fail task
"$CCHC" task edit 1 --title "Rà soát văn bản quy phạm" >/dev/null || fail edit
"$CCHC" task done 1 --date 20/01/2026 >/dev/null || fail done

run "$CCHC" history
expect_rc 0
expect_grep "van-thu  Sửa nhiệm vụ 1 «Rà soát văn bản quy phạm»" "$T/out"
expect_grep "Thêm đơn vị VP «Văn phòng Sở»" "$T/out"
expect_grep "Thêm kế hoạch 1" "$T/out"
[ "$(wc -l <"$T/out")" -eq 5 ] || fail "5 actions expected: $(cat "$T/out")"
run "$CCHC" history task 1
# in the clerk's words: the plan and section by name, the unit by code and
# name, the status and dates as shown everywhere else; no ids, no columns
expect_grep "thêm  kế hoạch: «" "$T/out"
expect_grep "; thuộc: mục 1.2 «Cải cách thể chế»; tên: Rà soát văn bản; đơn vị chủ trì: VP – Văn phòng Sở; trạng thái: chưa thực hiện; ngày giao: 24/11/2026" "$T/out"
expect_grep "sửa   tên: Rà soát văn bản → Rà soát văn bản quy phạm" "$T/out"
expect_grep "sửa   trạng thái: chưa thực hiện → hoàn thành; ngày hoàn thành: — → 20/01/2026" "$T/out"
expect_grep "sửa   hạn: — → 31/01/2026" "$T/out"
expect_no_grep "id:" "$T/out"
expect_no_grep "(số)" "$T/out"
expect_no_grep "todo" "$T/out"
run "$CCHC" history unit 1
expect_grep "thêm  tên: Văn phòng Sở; ký hiệu: VP; đang hoạt động: có" "$T/out"
run "$CCHC" history
grep -qE "^ +[0-9]+  [0-9]{2}/[0-9]{2}/2[0-9]{3} [0-9]{2}:[0-9]{2}  van-thu" "$T/out" ||
	fail "the time of an action is not DD/MM/YYYY HH:MM: $(head -1 "$T/out")"
expect_no_grep "due_kind" "$T/out"
expect_no_grep "updated_at" "$T/out"
run "$CCHC" history task 99
expect_grep "Chưa có thay đổi nào" "$T/out"

# undo, one action at a time, with a preview first
run "$CCHC" undo --preview
expect_grep "Sẽ hoàn tác: Sửa nhiệm vụ 1 «Rà soát văn bản quy phạm»" "$T/out"
"$CCHC" task show 1 | grep -q "hoàn thành" || fail "not done before undo"
run "$CCHC" undo
expect_rc 0
expect_grep "Đã hoàn tác: Sửa nhiệm vụ 1" "$T/out"
run "$CCHC" task list --format tsv
expect_grep "1	todo	2026-01-31	VP	Rà soát văn bản quy phạm" "$T/out"
run "$CCHC" undo
run "$CCHC" task list --format tsv
expect_grep "1	todo	2026-01-31	VP	Rà soát văn bản" "$T/out"
expect_no_grep "quy phạm" "$T/out"
# the search index follows the undo
run "$CCHC" search "quy pham" --kind task --format tsv
[ ! -s "$T/out" ] || fail "the index still has the undone title"
run "$CCHC" undo
run "$CCHC" task list --format tsv
[ ! -s "$T/out" ] || fail "the task is still there after undoing its creation"
# what an undo removed can also come back from the trash
run "$CCHC" trash
expect_grep "xóa nhiệm vụ 1 «Rà soát văn bản»" "$T/out"
run "$CCHC" history
expect_grep "[đã hoàn tác] Thêm nhiệm vụ 1" "$T/out"
expect_grep "[hoàn tác] Hoàn tác: Thêm nhiệm vụ 1" "$T/out"

# delete a plan: to the trash, and back whole
"$CCHC" task add --section 6 --title "Công bố thủ tục" --lead VP >/dev/null || fail task2
before=$(sqlite3 "$CCHC_DB" "SELECT count(*) FROM section; SELECT count(*) FROM section_item; SELECT count(*) FROM task")
run "$CCHC" plan delete 1 --force
expect_rc 0
run "$CCHC" trash
expect_grep "xóa kế hoạch 1" "$T/out"
action=$(awk 'NR == 1 { print $1 }' "$T/out")
run "$CCHC" plan list
[ ! -s "$T/out" ] || fail "the plan is still listed"
run "$CCHC" trash restore "$action"
expect_rc 0
after=$(sqlite3 "$CCHC_DB" "SELECT count(*) FROM section; SELECT count(*) FROM section_item; SELECT count(*) FROM task")
[ "$before" = "$after" ] || fail "restored counts differ: $before / $after"
run "$CCHC" trash
expect_grep "Thùng rác trống." "$T/out"
run "$CCHC" search "cong bo thu tuc" --kind task --format tsv
expect_grep "Công bố thủ tục" "$T/out"
run "$CCHC" trash restore "$action"
expect_rc 1
run "$CCHC" trash restore abc
expect_rc 2
[ "$(sqlite3 "$CCHC_DB" 'PRAGMA foreign_key_check' | wc -l)" -eq 0 ] || fail "foreign keys broken"

# a bulk import is one action, and cannot be undone row by row
"$CCHC" dossier import "$FIXTURES/dossiers/mot-cua-2026.csv" >/dev/null 2>&1 || fail dossiers
run "$CCHC" history --limit 1
expect_grep "Nhập 40 hồ sơ từ tệp xuất của hệ thống một cửa" "$T/out"
[ "$(sqlite3 "$CCHC_DB" "SELECT count(*) FROM history_change WHERE tbl = 'dossier'")" -eq 0 ] ||
	fail "dossier rows were recorded one by one"
run "$CCHC" undo
expect_rc 1
expect_grep "Không hoàn tác được" "$T/err"
expect_grep "cchc backup" "$T/err"

# the program's own bookkeeping is not an action, and nothing left means so
rm -f "$T/fresh.db"
CCHC_DB="$T/fresh.db" run "$CCHC" undo
expect_rc 1
expect_grep "Không còn thao tác nào để hoàn tác" "$T/err"
CCHC_DB="$T/fresh.db" run "$CCHC" history
[ ! -s "$T/out" ] || fail "a fresh database has history: $(cat "$T/out")"

# The recording triggers live in each writing connection's temporary
# schema, not in the file (reading commands need not parse them). A file
# from an older cchc, with its triggers stored, loses them at the next
# open, and a write is then recorded once, not twice.
[ "$(sqlite3 "$CCHC_DB" "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' \
	AND name GLOB 'history_*'")" = 0 ] || fail "history triggers stored in the file"
sqlite3 "$CCHC_DB" "CREATE TRIGGER history_unit_i AFTER INSERT ON unit WHEN cchc_action() IS \
	NOT NULL BEGIN INSERT INTO history_change(action_id, tbl, key, op, old, new) VALUES( \
	cchc_action(), 'unit', json_object('id', NEW.id), 'insert', NULL, json_object('id', \
	NEW.id)); END; UPDATE setting SET value = 'old' WHERE key = 'history.stamp';" ||
	fail "planting an old trigger"
run "$CCHC" unit list
expect_rc 0
[ "$(sqlite3 "$CCHC_DB" "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' \
	AND name GLOB 'history_*'")" = 0 ] || fail "the old trigger was kept"
"$CCHC" unit add "Thanh tra Sở" --code TTr >/dev/null || fail "unit add"
[ "$(sqlite3 "$CCHC_DB" "SELECT count(*) FROM history_change WHERE tbl = 'unit' AND \
	op = 'insert' AND json_extract(new, '$.code') = 'TTr'")" = 1 ] ||
	fail "the new unit is not recorded exactly once"
exit 0
