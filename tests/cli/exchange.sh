#!/bin/sh
# Packages between the office and two divisions (issue 20): the office's
# first package makes each division's database; a division's package brings
# back its progress, notes and evidence with their files, byte for byte;
# a package is applied once, in order, whole, and only where it belongs;
# a task the office changed meanwhile keeps the office's decision and is
# listed; a foreign, truncated or altered file is refused before anything
# is written.
. "${top_srcdir:-.}/tests/cli/lib.sh"
command -v sqlite3 >/dev/null || { echo "SKIP: sqlite3 command not installed"; exit 77; }

O="$T/office.db" A="$T/qltm.db" B="$T/qlnl.db"
CCHC_CREATE=1 "$CCHC" --db "$O" demo > /dev/null || fail "demo"
cd "$T" || exit 99

# counts a query on a database
q() { sqlite3 "$1" "$2"; }
# the state of the office that no refused package may change
office_state() {
	q "$O" "SELECT (SELECT count(*) FROM task_note) || ' ' || (SELECT count(*) FROM evidence)
		|| ' ' || (SELECT count(*) FROM evidence_file) || ' ' || (SELECT count(*) FROM sqlar)
		|| ' ' || (SELECT group_concat(site || ':' || recv_seq) FROM exchange_peer)
		|| ' ' || (SELECT group_concat(status, '') FROM task)
		|| ' ' || (SELECT count(*) FROM history_action)"
}

# ---- 1. the office's first packages; each division joins
run "$CCHC" --db "$O" exchange export --unit qltm --to goi-QLTM.cchc
expect_rc 0
expect_grep "Đã lập gói số 1 vào goi-QLTM.cchc — QLTM:" "$T/out"
want=$(q "$O" "SELECT count(*) FROM task WHERE lead_unit_id = (SELECT id FROM unit WHERE code = 'QLTM')
	OR id IN (SELECT task_id FROM task_unit WHERE unit_id = (SELECT id FROM unit WHERE code = 'QLTM'))")
expect_grep "$want nhiệm vụ mới" "$T/out"
run "$CCHC" --db "$O" exchange export --unit QLNL --to goi-QLNL.cchc
expect_rc 0
# a package is not written over a file without --force
run "$CCHC" --db "$O" exchange export --unit QLNL --to goi-QLNL.cchc
expect_rc 1
expect_grep "goi-QLNL.cchc" "$T/err"
run "$CCHC" exchange show goi-QLTM.cchc
expect_rc 0
expect_grep "kind	office" "$T/out"
expect_grep "unit_code	QLTM" "$T/out"
expect_grep "seq	1" "$T/out"
# the package is an SQLite file the shell reads
[ "$(q goi-QLTM.cchc "SELECT value FROM manifest WHERE key = 'format'")" = "cchc-goi" ] ||
	fail "manifest not readable with sqlite3"

run "$CCHC" --db "$A" exchange join goi-QLTM.cchc
expect_rc 0
expect_grep "Đã tạo cơ sở dữ liệu của đơn vị Phòng Quản lý Thương mại" "$T/out"
run "$CCHC" --db "$B" exchange join goi-QLNL.cchc
expect_rc 0
# the division has its tasks, and only those
[ "$(q "$A" "SELECT count(*) FROM task")" = "$want" ] || fail "QLTM's database: $(q "$A" "SELECT count(*) FROM task") tasks, want $want"
[ "$(q "$A" "SELECT group_concat(id) FROM (SELECT id FROM task ORDER BY id)")" = \
  "$(q "$O" "SELECT group_concat(id) FROM (SELECT id FROM task WHERE lead_unit_id = 6 OR id IN (SELECT task_id FROM task_unit WHERE unit_id = 6) ORDER BY id)")" ] ||
	fail "QLTM's tasks differ from the office's"
[ "$(q "$A" "SELECT count(*) FROM dossier") $(q "$A" "SELECT count(*) FROM evidence")" = "0 0" ] ||
	fail "the division got records that are not its own"
[ "$(q "$A" "SELECT value FROM setting WHERE key = 'org.name'")" = "Sở Công Thương" ] ||
	fail "the division lacks the agency's name"
# joining again, or into a database with data, is refused
run "$CCHC" --db "$A" exchange join goi-QLTM.cchc
expect_rc 1
expect_grep "đã có dữ liệu" "$T/err"

# ---- 2. a division's work comes back: note, done, evidence with files
task=$(q "$A" "SELECT min(id) FROM task WHERE status <> 'done' AND lead_unit_id = 6")
head -c 200000 /dev/urandom > scan.pdf
printf 'Biên bản họp phòng\n' > bien-ban.txt
"$CCHC" --db "$A" task note "$task" "Đã họp phòng quán triệt" > /dev/null || fail "note"
"$CCHC" --db "$A" task done "$task" > /dev/null || fail "done"
"$CCHC" --db "$A" evidence add --kind bao-cao --task "$task" --file scan.pdf --file bien-ban.txt \
	--number 12/BC-QLTM --date 2026-12-01 --summary "Báo cáo quán triệt" > /dev/null || fail "evidence"
# records a division makes take ids from its own range, never the office's
ev=$(q "$A" "SELECT max(id) FROM evidence")
site=$(q "$A" "SELECT site FROM exchange_self")
[ "$ev" -gt $((site * 1000000000)) ] && [ "$ev" -lt $(((site + 1) * 1000000000)) ] ||
	fail "evidence id $ev is not in site $site's range"
[ "$(q "$A" "SELECT count(*) FROM task_note WHERE id > $((site * 1000000000))")" = 1 ] ||
	fail "the note's id is not in the division's range"
run "$CCHC" --db "$A" exchange export --to ve-QLTM-1.cchc
expect_rc 0
expect_grep "1 nhiệm vụ hoàn thành" "$T/out"
expect_grep "1 ghi chú tiến độ, 1 tài liệu kiểm chứng" "$T/out"
expect_grep "2 tệp" "$T/out"
# nothing new: no file
run "$CCHC" --db "$A" exchange export --to ve-QLTM-empty.cchc
expect_rc 0
expect_grep "Không có gì mới" "$T/out"
[ ! -e ve-QLTM-empty.cchc ] || fail "an empty package was written"

# the office's own note meanwhile takes an id of its own range
"$CCHC" --db "$O" task note "$task" "Văn phòng nhắc hạn" > /dev/null
run "$CCHC" --db "$O" exchange import ve-QLTM-1.cchc
expect_rc 0
expect_grep "Đã nhận gói số 1 — QLTM: 1 nhiệm vụ hoàn thành" "$T/out"
[ "$(q "$O" "SELECT status FROM task WHERE id = $task")" = done ] || fail "the task is not done at the office"
[ "$(q "$O" "SELECT count(*) FROM task_note WHERE task_id = $task AND text IN ('Đã họp phòng quán triệt', 'Văn phòng nhắc hạn')")" = 2 ] ||
	fail "the notes of both sides are not both kept"
mkdir got && "$CCHC" --db "$O" evidence get "$ev" --out got > /dev/null || fail "evidence get at the office"
cmp -s got/scan.pdf scan.pdf && cmp -s got/bien-ban.txt bien-ban.txt ||
	fail "the files did not arrive byte for byte"
# where packages went and came from
run "$CCHC" --db "$O" exchange list
expect_rc 0
expect_grep "Cơ sở dữ liệu của văn phòng." "$T/out"
grep -q "^$site	QLTM	đã gửi 1 (....-..-..)	đã nhận 1 (....-..-..)$" "$T/out" ||
	fail "exchange list at the office: $(cat "$T/out")"
run "$CCHC" --db "$A" exchange list
expect_grep "Cơ sở dữ liệu của đơn vị QLTM Phòng Quản lý Thương mại (số $site)." "$T/out"
grep -q "^0	văn phòng	đã gửi 1 (....-..-..)	đã nhận 1 (....-..-..)$" "$T/out" ||
	fail "exchange list at the division: $(cat "$T/out")"
# the same package again changes nothing
before=$(office_state)
run "$CCHC" --db "$O" exchange import ve-QLTM-1.cchc
expect_rc 1
expect_grep "đã nhận rồi" "$T/err"
[ "$(office_state)" = "$before" ] || fail "a repeated package changed the office's data"
# the import is one action the clerk can undo, and then import again
run "$CCHC" --db "$O" undo
expect_rc 0
[ "$(q "$O" "SELECT count(*) FROM evidence WHERE id = $ev")" = 0 ] || fail "undo left the evidence"
[ "$(q "$O" "SELECT recv_seq FROM exchange_peer WHERE site = $site")" = 0 ] || fail "undo left the package counted"
run "$CCHC" --db "$O" exchange import ve-QLTM-1.cchc
expect_rc 0
[ "$(q "$O" "SELECT count(*) FROM evidence WHERE id = $ev")" = 1 ] || fail "re-import after undo"

# ---- 3. order: a package that skips one is refused, naming the missing one
t2=$(q "$B" "SELECT min(id) FROM task WHERE status <> 'done'")
"$CCHC" --db "$B" task note "$t2" "Bước một" > /dev/null
"$CCHC" --db "$B" exchange export --to ve-QLNL-1.cchc > /dev/null || fail "QLNL 1"
"$CCHC" --db "$B" task note "$t2" "Bước hai" > /dev/null
"$CCHC" --db "$B" exchange export --to ve-QLNL-2.cchc > /dev/null || fail "QLNL 2"
before=$(office_state)
run "$CCHC" --db "$O" exchange import ve-QLNL-2.cchc
expect_rc 1
expect_grep "còn thiếu gói số 1" "$T/err"
[ "$(office_state)" = "$before" ] || fail "an out-of-order package changed the office's data"
run "$CCHC" --db "$O" exchange import ve-QLNL-1.cchc
expect_rc 0
run "$CCHC" --db "$O" exchange import ve-QLNL-2.cchc
expect_rc 0
# an older one than the last applied is refused too
run "$CCHC" --db "$O" exchange import ve-QLNL-1.cchc
expect_rc 1
expect_grep "đã nhận rồi" "$T/err"
# a package for another division is refused at a division
run "$CCHC" --db "$A" exchange import goi-QLNL.cchc
expect_rc 1
expect_grep "không phải của đơn vị này" "$T/err"

# ---- 4. broken and foreign files are refused before anything is written
before=$(office_state)
"$CCHC" --db "$A" task note "$task" "Ghi chú thêm" > /dev/null
head -c 150000 /dev/urandom > scan2.pdf
"$CCHC" --db "$A" evidence add --kind cong-van --task "$task" --file scan2.pdf --file bien-ban.txt \
	--number 13/CV-QLTM --date 2026-12-02 --summary "Công văn" > /dev/null
run "$CCHC" --db "$A" exchange export --to ve-QLTM-2.cchc
expect_rc 0
# a file the office has already is not sent again
expect_grep "1 tệp" "$T/out"
size=$(wc -c < ve-QLTM-2.cchc)
head -c $((size / 2)) ve-QLTM-2.cchc > cut.cchc
run "$CCHC" --db "$O" exchange import cut.cchc
expect_rc 1
expect_grep "không nhận gì" "$T/err"
cp ve-QLTM-2.cchc altered.cchc
q altered.cchc "UPDATE changeset SET data = CAST(replace(CAST(data AS TEXT), 'Ghi', 'GHI') AS BLOB)"
run "$CCHC" --db "$O" exchange import altered.cchc
expect_rc 1
expect_grep "không khớp mã kiểm tra" "$T/err"
cp ve-QLTM-2.cchc altered-file.cchc
[ "$(q altered-file.cchc "SELECT count(*) FROM sqlar WHERE sz = 150000")" = 1 ] || fail "no file to alter"
q altered-file.cchc "UPDATE sqlar SET data = zeroblob(length(data)) WHERE sz = 150000"
run "$CCHC" --db "$O" exchange import altered-file.cchc
expect_rc 1
expect_grep "không khớp mã kiểm tra" "$T/err"
printf 'not a package' > junk.cchc
run "$CCHC" --db "$O" exchange import junk.cchc
expect_rc 1
expect_grep "không nhận gì" "$T/err"
# another office's package
CCHC_CREATE=1 "$CCHC" --db "$T/other.db" demo > /dev/null
"$CCHC" --db "$T/other.db" exchange export --unit QLTM --to foreign.cchc > /dev/null
run "$CCHC" --db "$A" exchange import foreign.cchc
expect_rc 1
expect_grep "của một cơ sở dữ liệu khác" "$T/err"
[ "$(office_state)" = "$before" ] || fail "a refused file changed the office's data"
# the whole package once more: fine
run "$CCHC" --db "$O" exchange import ve-QLTM-2.cchc
expect_rc 0
# the same file content is stored once
[ "$(q "$O" "SELECT count(*) FROM sqlar WHERE sz IN (200000, 150000)")" = 2 ] || fail "a file is stored twice"

# ---- 5. only where it belongs: a change outside the division refuses the package
cp "$A" "$T/qltm-bad.db"
q "$T/qltm-bad.db" "INSERT INTO task_note(id, task_id, noted_on, text)
	VALUES(777, $task, '2026-12-03', 'ghi chú mang mã của văn phòng')"
"$CCHC" --db "$T/qltm-bad.db" exchange export --to bad.cchc > /dev/null || fail "bad export"
before=$(office_state)
run "$CCHC" --db "$O" exchange import bad.cchc
expect_rc 1
expect_grep "ngoài phần việc của đơn vị QLTM" "$T/err"
[ "$(office_state)" = "$before" ] || fail "an out-of-scope package changed the office's data"
cp "$A" "$T/qltm-bad2.db"
# (the search index's triggers call cchc's tokenizer, which the shell lacks)
drops=$(q "$T/qltm-bad2.db" "SELECT group_concat('DROP TRIGGER ' || name, '; ') FROM sqlite_master
	WHERE type = 'trigger' AND tbl_name = 'task'")
q "$T/qltm-bad2.db" "$drops"
q "$T/qltm-bad2.db" "UPDATE task SET lead_unit_id = (SELECT id FROM unit WHERE code = 'VP') WHERE id = $task"
"$CCHC" --db "$T/qltm-bad2.db" exchange export --to bad2.cchc > /dev/null || fail "bad2 export"
run "$CCHC" --db "$O" exchange import bad2.cchc
expect_rc 1
expect_grep "ngoài phần việc của đơn vị QLTM (đổi đơn vị chủ trì của nhiệm vụ $task)" "$T/err"

# ---- 6. a conflict: the office paused the task the division finished
t3=$(q "$B" "SELECT min(id) FROM task WHERE status <> 'done' AND id <> $t2")
"$CCHC" --db "$O" task edit "$t3" --status paused > /dev/null || fail "office edit"
"$CCHC" --db "$B" task done "$t3" > /dev/null
"$CCHC" --db "$B" task note "$t3" "Đã xong phần việc" > /dev/null
"$CCHC" --db "$B" exchange export --to ve-QLNL-3.cchc > /dev/null || fail "QLNL 3"
run "$CCHC" --db "$O" exchange import ve-QLNL-3.cchc
expect_rc 0
expect_grep "Văn phòng giữ quyết định của mình ở 1 thay đổi" "$T/out"
expect_grep "Nhiệm vụ $t3: văn phòng đã sửa sau khi gửi" "$T/out"
[ "$(q "$O" "SELECT status FROM task WHERE id = $t3")" = paused ] || fail "the office's decision did not stand"
[ "$(q "$O" "SELECT count(*) FROM task_note WHERE task_id = $t3 AND text = 'Đã xong phần việc'")" = 1 ] ||
	fail "the division's note did not arrive with the conflict"
# the office's next package brings its decision to the division
run "$CCHC" --db "$O" exchange export --unit QLNL --to goi-QLNL-2.cchc
expect_rc 0
run "$CCHC" --db "$B" exchange import goi-QLNL-2.cchc
expect_rc 0
[ "$(q "$B" "SELECT status FROM task WHERE id = $t3")" = paused ] || fail "the division did not get the office's decision"

# both sides came to the same value (the office and the division set the
# same deadline): agreement, not a conflict, and nothing listed
t4=$(q "$B" "SELECT min(id) FROM task WHERE id NOT IN ($t3)
	AND due_kind <> 'recurring'")
[ -n "$t4" ] || fail "no task left for the agreement case"
"$CCHC" --db "$O" task edit "$t4" --due 2026-12-28 > /dev/null || fail "office edit t4"
"$CCHC" --db "$B" task edit "$t4" --due 2026-12-28 > /dev/null || fail "division edit t4"
"$CCHC" --db "$B" task note "$t4" "Thống nhất thời hạn" > /dev/null
"$CCHC" --db "$B" exchange export --to ve-QLNL-4.cchc > /dev/null || fail "QLNL 4"
run "$CCHC" --db "$O" exchange import ve-QLNL-4.cchc
expect_rc 0
expect_no_grep "Văn phòng giữ quyết định" "$T/out"
[ "$(q "$O" "SELECT due_on FROM task WHERE id = $t4")" = 2026-12-28 ] || fail "the agreed deadline moved"

# both databases stay sound
run "$CCHC" --db "$O" check
expect_rc 0
run "$CCHC" --db "$B" check
expect_rc 0
exit 0
