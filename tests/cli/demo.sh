#!/bin/sh
# cchc demo: a department's year in a new file, dated from today, the same
# every time; cchc init: a real, empty file that never gets the demo, and
# never over an existing file.
. "${top_srcdir:-.}/tests/cli/lib.sh"
export CCHC_TODAY=2026-11-24
q() { sqlite3 "$1" "$2"; }

run "$CCHC" demo "$T/a.db"
expect_rc 0
expect_grep "Đã nạp dữ liệu mẫu vào $T/a.db: 2 kế hoạch, 8 đơn vị, 60 nhiệm vụ, 10 tài liệu kiểm chứng, 500 hồ sơ," "$T/out"
expect_grep "để dùng thật, tạo tệp mới bằng cchc init TỆP" "$T/out"
a="$T/a.db"
[ "$(q "$a" "SELECT count(*) FROM plan WHERE is_demo = 1 AND year = 2026")" = 2 ] || fail "two demo plans of 2026"
[ "$(q "$a" "SELECT group_concat(status) FROM (SELECT DISTINCT status FROM task ORDER BY 1)")" = "doing,done,paused,todo" ] ||
	fail "tasks in every state"
for kind in date before quarter month year recurring ongoing period asneeded unknown; do
	[ "$(q "$a" "SELECT count(*) FROM task WHERE due_kind = '$kind'")" -gt 0 ] || fail "no task due '$kind'"
done
[ "$(q "$a" "SELECT count(*) FROM task WHERE status <> 'done' AND due_on < '2026-11-24'")" -gt 5 ] || fail "overdue tasks"
[ "$(q "$a" "SELECT count(*) FROM task_note")" -gt 30 ] || fail "progress notes"
[ "$(q "$a" "SELECT count(*) FROM dossier WHERE resolved_on > due_on")" -gt 20 ] || fail "late dossiers"
[ "$(q "$a" "SELECT count(*) FROM dossier WHERE resolved_on > '2026-11-24' OR received_on > '2026-11-24'")" = 0 ] ||
	fail "a dossier dated after today"
[ "$(q "$a" "SELECT count(DISTINCT late) FROM letter")" = 2 ] || fail "letters in time and late"
[ "$(q "$a" "SELECT count(DISTINCT status) FROM feedback")" = 9 ] || fail "feedback in every state"
[ "$(q "$a" "SELECT count(*) FROM feedback f WHERE (SELECT step FROM feedback_step s WHERE s.feedback_id = f.id
	ORDER BY seq DESC LIMIT 1) <> f.status")" = 0 ] || fail "a feedback's last step is not its status"
[ "$(q "$a" "SELECT count(*) FROM criterion_score WHERE year = 2026")" -gt 10 ] || fail "criteria scores"
[ "$(q "$a" "SELECT count(*) FROM index_result")" = 15 ] || fail "index history"
[ "$(q "$a" "SELECT count(*) FROM report_note WHERE period = '2026'")" -gt 5 ] || fail "report notes"

# The evidence files come out as they went in.
mkdir "$T/files"
for f in quyet-dinh-to-cong-tac.docx bao-cao-tu-cham-diem.pdf hoi-nghi-trien-khai.jpg; do
	id=$(q "$a" "SELECT evidence_id FROM evidence_file WHERE name = '$f'")
	[ -n "$id" ] || fail "no evidence file $f"
	run "$CCHC" --db "$a" evidence get "$id" --out "$T/files"
	expect_rc 0
	cmp "$T/files/$f" "${top_srcdir:-.}/data/demo/files/$f" || fail "$f differs"
done

# Documents made from it say they are demo data; a real file's do not.
note="(DỮ LIỆU MẪU của chương trình cchc, không phải văn bản thật)"
run "$CCHC" --db "$a" report --period 2026 --format txt --out -
expect_rc 0
expect_grep "$note" "$T/out"
expect_grep "Kính gửi: Sở Nội vụ tỉnh Lạng Sơn." "$T/out"
run "$CCHC" --db "$a" letter print 1 --format txt --out -
expect_rc 0
expect_grep "$note" "$T/out"

# Deterministic: a second demo of the same day lists the same records.
run "$CCHC" demo "$T/b.db"
expect_rc 0
for cmd in "task list --format tsv" "dossier list --format tsv" "letter list --format tsv" \
	"feedback list --all --format tsv" "evidence list --format tsv" "score list --year 2026 --format tsv"; do
	# shellcheck disable=SC2086
	"$CCHC" --db "$T/a.db" $cmd > "$T/a.txt" 2>&1
	# shellcheck disable=SC2086
	"$CCHC" --db "$T/b.db" $cmd > "$T/b.txt" 2>&1
	cmp -s "$T/a.txt" "$T/b.txt" || fail "cchc $cmd differs between two demos"
	[ -s "$T/a.txt" ] || fail "cchc $cmd is empty"
done

# Dated from today: made in March 2027, it is 2027's year.
CCHC_TODAY=2027-03-10 run "$CCHC" demo "$T/c.db"
expect_rc 0
[ "$(q "$T/c.db" "SELECT group_concat(DISTINCT year) FROM plan")" = 2027 ] || fail "plans not of 2027"
[ "$(q "$T/c.db" "SELECT max(received_on) FROM dossier")" = 2027-03-10 ] || fail "newest dossier not today"
[ "$(q "$T/c.db" "SELECT count(*) FROM task WHERE status <> 'done' AND due_on < '2027-03-10'")" -gt 3 ] ||
	fail "no overdue task in March"

# Only into a file without records.
"$CCHC" --create --db "$T/d.db" unit add "Văn phòng Sở" --code VP > /dev/null
run "$CCHC" demo "$T/d.db"
expect_rc 1
expect_grep "đã có dữ liệu: dữ liệu mẫu chỉ nạp vào một tệp mới" "$T/err"
[ "$(q "$T/d.db" "SELECT count(*) FROM plan")" = 0 ] || fail "demo loaded over records"

# cchc init: a new empty file, which the program never fills with the demo.
run "$CCHC" init "$T/real.db"
expect_rc 0
expect_grep "Đã tạo cơ sở dữ liệu mới $T/real.db" "$T/out"
printf 'key q\n' > "$T/script"
"$CCHC" --db "$T/real.db" --script "$T/script" --dump "$T/dump" || fail "program on the new file"
[ "$(q "$T/real.db" "SELECT count(*) FROM plan") $(q "$T/real.db" "SELECT count(*) FROM task")" = "0 0" ] ||
	fail "the demo went into a file made by cchc init"
# ... while a file made without init gets it (what the program offers).
"$CCHC" --create --db "$T/new.db" --script "$T/script" --dump "$T/dump" || fail "program on a new file"
[ "$(q "$T/new.db" "SELECT count(*) FROM dossier")" = 500 ] || fail "no demo in a new file"
"$CCHC" --db "$T/real.db" unit add "Văn phòng Sở" --code VP > /dev/null
"$CCHC" --db "$T/real.db" dossier add --code H1 --received 2026-11-02 --due 2026-11-09 --resolved 2026-11-12 \
	--holder "Nguyễn Văn A" > /dev/null || fail "dossier add"
"$CCHC" --db "$T/real.db" letter add --dossier H1 --reason "Chậm" --new-date 2026-11-20 --date 2026-11-06 \
	> /dev/null || fail "letter add"
for kv in "org.name=Sở Tư pháp" "org.place=Lạng Sơn" "org.parent=UBND TỈNH LẠNG SƠN"; do
	"$CCHC" --db "$T/real.db" setting set "${kv%%=*}" "${kv#*=}" > /dev/null || fail "setting $kv"
done
run "$CCHC" --db "$T/real.db" letter print 1 --format txt --out -
expect_rc 0
expect_no_grep "DỮ LIỆU MẪU" "$T/out"
# Every new database holds the national catalogues, the demo's too.
[ "$(q "$T/real.db" "SELECT group_concat(idx) FROM (SELECT idx FROM criteria_catalogue ORDER BY id)")" = "par,sipas,papi" ] ||
	fail "national catalogues in a file made by init"

# Never over an existing file, not even an empty one; --db names it too.
before=$(cksum < "$T/real.db")
run "$CCHC" init "$T/real.db"
expect_rc 1
expect_grep "Đã có tệp $T/real.db: cchc init chỉ tạo tệp mới" "$T/err"
[ "$(cksum < "$T/real.db")" = "$before" ] || fail "init changed an existing file"
: > "$T/empty.db"
run "$CCHC" --db "$T/empty.db" init
expect_rc 1
run "$CCHC" --db "$T/other.db" init
expect_rc 0
[ -s "$T/other.db" ] || fail "init --db made no file"
run "$CCHC" init "$T/x.db" extra
expect_rc 2
exit 0
