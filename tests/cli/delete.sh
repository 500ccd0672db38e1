#!/bin/sh
# Deleting records (issue 17): task, evidence (whole or one file), letter,
# dossier (refused while it has a letter, unless --force), feedback, unit
# (refused while records name it). Each delete is one action that says how
# to restore it; the record leaves the lists and the year's report, and the
# trash brings back exactly what was there: the same show output, the same
# file bytes, the same report.
. "${top_srcdir:-.}/tests/cli/lib.sh"
export CCHC_TODAY=2026-11-24 USER=van-thu
"$CCHC" plan import "$FIXTURES/so-cong-thuong-2024.txt" >/dev/null 2>&1 || fail import
"$CCHC" unit add "Văn phòng Sở" --code VP >/dev/null || fail unit
"$CCHC" unit add "Thanh tra Sở" --code TTr >/dev/null || fail unit2
"$CCHC" unit add "Phòng Kế hoạch" --code KH >/dev/null || fail unit3
"$CCHC" task add --section 5 --title "Rà soát văn bản" --lead VP --co TTr --due 31/01/2026 \
	>/dev/null || fail task
"$CCHC" task add --section 6 --title "Công bố thủ tục" --lead VP >/dev/null || fail task2
"$CCHC" task note 1 "Đã rà soát 12 văn bản" --date 10/01/2026 >/dev/null || fail note
"$CCHC" task done 1 --date 20/01/2026 >/dev/null || fail done
mkdir -p "$T/in" "$T/out1" "$T/out2"
printf 'Quyết định số 1\n' >"$T/in/qd.txt"
head -c 5000 /dev/urandom >"$T/in/anh.jpg"
"$CCHC" evidence add --kind "quyết định" --task 1 --file "$T/in/qd.txt" --file "$T/in/anh.jpg" \
	--number 12/QĐ-SCT --date 05/01/2026 --summary "Phê duyệt kế hoạch rà soát" >/dev/null ||
	fail evidence
"$CCHC" dossier add --code HS-1 --received 02/03/2026 --due 12/03/2026 --unit VP \
	--holder "Nguyễn Thị Hoa" --procedure "Cấp Giấy phép bán lẻ rượu" >/dev/null || fail dossier
"$CCHC" dossier add --code HS-2 --received 03/03/2026 --due 13/03/2026 --resolved 10/03/2026 \
	--holder "Trần Văn Nam" >/dev/null || fail dossier2
"$CCHC" letter add --dossier HS-1 --reason "Phải lấy ý kiến Sở Xây dựng." --new-date 20/03/2026 \
	--date 10/03/2026 --unit VP >/dev/null || fail letter
"$CCHC" feedback add --received 01/10/2026 --channel email --sender "Lê Thị Mai" \
	--content "Thủ tục chậm" >/dev/null || fail feedback
"$CCHC" feedback assign 1 --unit TTr --date 02/10/2026 >/dev/null || fail assign
report() {
	"$CCHC" report --period 2026 --format txt --out - --date 30/11/2026 2>/dev/null
}
report >"$T/report-before" || fail "report"

# last_restore: the action number the last delete printed.
last_restore() {
	sed -n 's/.*cchc trash restore \([0-9]*\))$/\1/p' "$T/out"
}

# ---- a task: its note and co-unit go with it; its evidence stays
"$CCHC" task show 1 >"$T/task-before" || fail "task show"
run "$CCHC" task delete 1
expect_rc 0
expect_grep "Đã xóa nhiệm vụ 1 «Rà soát văn bản» (đã chuyển vào thùng rác; khôi phục: cchc trash restore" "$T/out"
act=$(last_restore)
[ -n "$act" ] || fail "no action number: $(cat "$T/out")"
run "$CCHC" task show 1
expect_rc 1
[ "$(sqlite3 "$CCHC_DB" "SELECT count(*) FROM task_note; SELECT count(*) FROM task_unit; \
	SELECT count(*) FROM evidence_task; SELECT count(*) FROM evidence")" = "0
0
0
1" ] || fail "a task's notes, co-units and links go, its evidence stays"
run "$CCHC" trash
expect_grep "$act  " "$T/out"
expect_grep "xóa nhiệm vụ 1 «Rà soát văn bản»" "$T/out"
run "$CCHC" history --limit 1
expect_grep "Xóa nhiệm vụ 1 «Rà soát văn bản»" "$T/out"
run "$CCHC" trash restore "$act"
expect_rc 0
"$CCHC" task show 1 >"$T/task-after" || fail "task show after restore"
expect_file "$T/task-before" "$T/task-after"
[ "$(sqlite3 "$CCHC_DB" "SELECT count(*) FROM evidence_task")" = 1 ] || fail "evidence link lost"
# undo takes a delete back as well
"$CCHC" task delete 2 >/dev/null || fail "task delete 2"
run "$CCHC" undo
expect_grep "Đã hoàn tác: Xóa nhiệm vụ 2 «Công bố thủ tục»" "$T/out"
"$CCHC" task show 2 >/dev/null || fail "task 2 not back after undo"
run "$CCHC" task delete 99
expect_rc 1
expect_grep "Không có nhiệm vụ số 99" "$T/err"
run "$CCHC" task delete abc
expect_rc 2
run "$CCHC" task delete
expect_rc 2

# ---- one file of an evidence record, then the whole record
"$CCHC" evidence show 1 >"$T/ev-before" || fail "evidence show"
"$CCHC" evidence get 1 --out "$T/out1" >/dev/null || fail "evidence get"
run "$CCHC" evidence delete 1 --file 2
expect_rc 0
expect_grep "Đã xóa tệp 2 «anh.jpg» của tài liệu kiểm chứng 1 (đã chuyển vào thùng rác" "$T/out"
fact=$(last_restore)
run "$CCHC" evidence show 1
expect_no_grep "anh.jpg" "$T/out"
expect_grep "qd.txt" "$T/out"
run "$CCHC" evidence delete 1 --file 5
expect_rc 1
expect_grep "Tài liệu 1 không có tệp số 5" "$T/err"
run "$CCHC" evidence delete 1 --file 0
expect_rc 2
run "$CCHC" trash
expect_grep "$fact  " "$T/out"
expect_grep "xóa tệp «anh.jpg» của tài liệu kiểm chứng 1" "$T/out"
run "$CCHC" evidence delete 1
expect_rc 0
expect_grep "Đã xóa tài liệu kiểm chứng 1 «Phê duyệt kế hoạch rà soát»" "$T/out"
eact=$(last_restore)
[ "$(sqlite3 "$CCHC_DB" "SELECT count(*) FROM evidence_file; SELECT count(*) FROM evidence_task")" = "0
0" ] || fail "an evidence record's files and links go with it"
# the stored contents stay while the trash can bring them back
"$CCHC" check >/dev/null 2>&1
[ "$(sqlite3 "$CCHC_DB" "SELECT count(*) FROM sqlar")" -ge 2 ] || fail "stored contents dropped"
run "$CCHC" trash
expect_grep "xóa tài liệu kiểm chứng 1" "$T/out"
run "$CCHC" trash restore "$eact"
expect_rc 0
run "$CCHC" trash restore "$fact"
expect_rc 0
"$CCHC" evidence show 1 >"$T/ev-after" || fail "evidence show after restore"
expect_file "$T/ev-before" "$T/ev-after"
"$CCHC" evidence get 1 --out "$T/out2" >/dev/null || fail "evidence get after restore"
cmp "$T/out1/qd.txt" "$T/out2/qd.txt" || fail "qd.txt differs after restore"
cmp "$T/in/anh.jpg" "$T/out2/anh.jpg" || fail "anh.jpg differs after restore"
[ "$(sqlite3 "$CCHC_DB" "SELECT count(*) FROM evidence_task")" = 1 ] || fail "task link lost"

# ---- a dossier with a letter is refused; the letter first, or --force
"$CCHC" dossier show HS-1 >"$T/ds-before" || fail "dossier show"
"$CCHC" letter show 1 >"$T/lt-before" || fail "letter show"
run "$CCHC" dossier delete HS-1
expect_rc 1
expect_grep "Hồ sơ HS-1 đã có phiếu xin lỗi (mã 1); hãy xóa phiếu xin lỗi trước" "$T/err"
expect_grep "--force" "$T/err"
"$CCHC" dossier show HS-1 >/dev/null || fail "refused dossier gone"
run "$CCHC" letter delete 9
expect_rc 1
expect_grep "Không có phiếu xin lỗi số 9" "$T/err"
run "$CCHC" letter delete 1
expect_rc 0
expect_grep "Đã xóa phiếu xin lỗi số 01/PXL (hồ sơ HS-1) (đã chuyển vào thùng rác" "$T/out"
lact=$(last_restore)
run "$CCHC" trash
expect_grep "xóa phiếu xin lỗi số 01/PXL (hồ sơ HS-1)" "$T/out"
report >"$T/report-noletter"
cmp -s "$T/report-before" "$T/report-noletter" && fail "the report still counts the letter"
run "$CCHC" trash restore "$lact"
expect_rc 0
"$CCHC" letter show 1 >"$T/lt-after" || fail "letter show after restore"
expect_file "$T/lt-before" "$T/lt-after"
run "$CCHC" dossier delete HS-1 --force
expect_rc 0
expect_grep "Đã xóa hồ sơ HS-1 «Nguyễn Thị Hoa»" "$T/out"
dact=$(last_restore)
run "$CCHC" trash
expect_grep "xóa hồ sơ HS-1 «Nguyễn Thị Hoa»" "$T/out"
run "$CCHC" dossier show HS-1
expect_rc 1
[ "$(sqlite3 "$CCHC_DB" "SELECT count(*) FROM letter")" = 0 ] || fail "--force left the letter"
run "$CCHC" dossier delete HS-9
expect_rc 1
expect_grep "Không có hồ sơ mã HS-9" "$T/err"
run "$CCHC" dossier delete HS-2
expect_rc 0
d2act=$(last_restore)

# ---- feedback, with its steps
"$CCHC" feedback show 1 >"$T/fb-before" || fail "feedback show"
steps=$(sqlite3 "$CCHC_DB" "SELECT count(*) FROM feedback_step")
[ "$steps" -ge 1 ] || fail "no feedback steps to test with"
run "$CCHC" feedback delete 1
expect_rc 0
expect_grep "Đã xóa phản ánh, kiến nghị 1 «Lê Thị Mai»" "$T/out"
fbact=$(last_restore)
[ "$(sqlite3 "$CCHC_DB" "SELECT count(*) FROM feedback_step")" = 0 ] || fail "steps left"

# ---- the report drops what was deleted, and gets it back
report >"$T/report-deleted"
cmp -s "$T/report-before" "$T/report-deleted" && fail "the report did not change after deletes"
for a in "$d2act" "$dact" "$fbact"; do
	run "$CCHC" trash restore "$a"
	expect_rc 0
done
"$CCHC" dossier show HS-1 >"$T/ds-after" || fail "dossier show after restore"
expect_file "$T/ds-before" "$T/ds-after"
"$CCHC" feedback show 1 >"$T/fb-after" || fail "feedback show after restore"
expect_file "$T/fb-before" "$T/fb-after"
report >"$T/report-after"
expect_file "$T/report-before" "$T/report-after"
run "$CCHC" trash
expect_grep "Thùng rác trống." "$T/out"

# ---- a unit named by records is refused, with what names it; a free one goes
run "$CCHC" unit delete VP
expect_rc 1
expect_grep "Không xóa được đơn vị VP: còn 2 nhiệm vụ chủ trì, 1 hồ sơ, 1 phiếu xin lỗi gắn với đơn vị này" "$T/err"
expect_grep "cchc unit edit VP --active no" "$T/err"
run "$CCHC" unit delete TTr
expect_rc 1
expect_grep "1 nhiệm vụ phối hợp, 1 phản ánh, kiến nghị" "$T/err"
"$CCHC" unit list --all >"$T/units-before"
run "$CCHC" unit delete kh
expect_rc 0
expect_grep "Đã xóa đơn vị KH «Phòng Kế hoạch»" "$T/out"
uact=$(last_restore)
run "$CCHC" trash
expect_grep "xóa đơn vị KH «Phòng Kế hoạch»" "$T/out"
run "$CCHC" unit list --all
expect_no_grep "Phòng Kế hoạch" "$T/out"
run "$CCHC" unit delete KH
expect_rc 1
expect_grep "Không có đơn vị ký hiệu KH" "$T/err"
run "$CCHC" trash restore "$uact"
expect_rc 0
"$CCHC" unit list --all >"$T/units-after"
expect_file "$T/units-before" "$T/units-after"

# a record that comes back needs what it names: restoring a task whose unit
# was deleted after it says to restore the unit first, then works
"$CCHC" unit add "Tổ công tác" --code TCT >/dev/null || fail "unit TCT"
tid=$("$CCHC" task add --section 6 --title "Việc của tổ" --lead TCT) || fail "task of TCT"
"$CCHC" task delete "$tid" >"$T/out" || fail "task delete $tid"
tact=$(last_restore)
"$CCHC" unit delete TCT >"$T/out" || fail "unit delete TCT"
tcact=$(last_restore)
run "$CCHC" trash restore "$tact"
expect_rc 1
expect_grep "Không khôi phục được: bản ghi này cần đến một bản ghi đã bị xóa sau đó" "$T/err"
run "$CCHC" trash restore "$tcact"
expect_rc 0
expect_grep "Đã khôi phục đơn vị TCT «Tổ công tác»" "$T/out"
run "$CCHC" trash restore "$tact"
expect_rc 0
"$CCHC" task show "$tid" >/dev/null || fail "the task did not come back after its unit"

# ---- help, and the database is whole
run "$CCHC" --help
for cmd in "task delete MÃ" "evidence delete MÃ [--file SỐ_TỆP]" "letter delete MÃ" \
	"dossier delete MÃ_HỒ_SƠ [--force]" "feedback delete MÃ" "unit delete KÝ_HIỆU"; do
	expect_grep "cchc $cmd" "$T/out"
done
[ "$(sqlite3 "$CCHC_DB" 'PRAGMA foreign_key_check' | wc -l)" -eq 0 ] || fail "foreign keys broken"
exit 0
