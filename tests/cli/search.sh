#!/bin/sh
# cchc search: without tones by default, exact with --exact, kinds, formats,
# ranking (a heading before a body), units sorted in Vietnamese order;
# dossiers by code, holder, procedure and field, letters by their dossier's
# code and holder, feedback by sender; kinds in Vietnamese and the plan's
# name in the text output; a query with tones ranks the toned matches first;
# the dossier index follows edits and deletions and is made at migration.
. "${top_srcdir:-.}/tests/cli/lib.sh"

"$CCHC" plan import "$FIXTURES/so-cong-thuong-2024.txt" >/dev/null 2>&1 || fail "import"
"$CCHC" plan import "$FIXTURES/so-ngoai-vu-2024.txt" >/dev/null 2>&1 || fail "import"
for u in "Văn phòng Sở" "Đội Kiểm tra Đồng Đăng" "Ban Quản lý cửa khẩu" "Phòng Dịch vụ" "Chi cục Mà Sao"; do
	"$CCHC" unit add "$u" >/dev/null || fail "unit add $u"
done

# tsv: kind, id, snippet with the match in brackets, tones kept
run "$CCHC" search thu tuc --format tsv
expect_rc 0
head -1 "$T/out" | grep -q "^section	6	1.3. Cải cách \[thủ tục\] hành chính$" ||
	fail "first hit is not the heading 1.3: $(head -1 "$T/out")"
[ "$(wc -l <"$T/out")" -ge 4 ] || fail "too few hits for thu tuc"
# every hit has the words, whatever their tones
while IFS='	' read -r kind id snip; do
	case "$snip" in *"[thủ tục]"*|*"[Thủ tục]"*|*"[thủ]"*) ;; *) fail "hit $kind $id lacks the match: $snip" ;; esac
done <"$T/out"

# each hit named by its own record and plan (the naming statements are
# prepared once a search and reused hit after hit): sixteen sections and
# plans of both plans, each title and plan name as the tables have them
run "$CCHC" search hanh chinh --limit 60 --format json
expect_rc 0
command -v python3 >/dev/null 2>&1 || fail "python3 is needed to read the json"
python3 - "$T/out" "$CCHC_DB" <<'PY' || fail "titles or plans of the hits"
import json, sqlite3, sys
hits = json.load(open(sys.argv[1]))
db = sqlite3.connect(sys.argv[2])
def plan(i):
    return db.execute("SELECT CASE WHEN doc_no <> '' THEN doc_no || ' ' ELSE '' END || title "
                      "FROM plan WHERE id = ?", (i,)).fetchone()[0]
kinds = {h["kind"] for h in hits}
assert len(hits) >= 10 and kinds == {"plan", "section"}, (len(hits), kinds)
for h in hits:
    if h["kind"] == "plan":
        want, want_plan = plan(h["id"]), None
    else:
        want = db.execute("SELECT label || ' ' || heading FROM section WHERE id = ?",
                          (h["id"],)).fetchone()[0]
        want_plan = plan(h["plan_id"])
    assert h["title"] == want, (h, want)
    assert h["plan"] == want_plan, (h, want_plan)
PY

for q in "xin loi" "XIN LOI" "xin lỗi"; do
	run "$CCHC" search "$q" --format tsv
	expect_rc 0
	expect_grep "thư [xin lỗi] cá nhân" "$T/out"
done

run "$CCHC" search dong dang --kind unit --format tsv
expect_rc 0
printf 'unit\t2\tĐội Kiểm tra [Đồng Đăng]\n' >"$T/want"
expect_file "$T/want" "$T/out"

# exact: tones count
run "$CCHC" search ma --kind unit --format tsv
expect_grep "Chi cục [Mà] Sao" "$T/out"
run "$CCHC" search mà --exact --kind unit --format tsv
expect_grep "Chi cục [Mà] Sao" "$T/out"
run "$CCHC" search ma --exact --kind unit --format tsv
expect_rc 0
[ ! -s "$T/out" ] || fail "exact 'ma' found: $(cat "$T/out")"

# kinds and plan filter
run "$CCHC" search "nâng cao" --kind plan --format tsv
expect_rc 0
[ "$(cut -f1 "$T/out" | sort -u)" = plan ] || fail "--kind plan returned other kinds"
[ "$(wc -l <"$T/out")" -eq 2 ] || fail "expected both plans"
run "$CCHC" search "văn phòng" --plan 2 --kind section --format tsv
[ "$(cut -f3 "$T/out")" = "1. [Văn phòng] Sở" ] || fail "--plan 2: $(cat "$T/out")"

# json is well formed
run "$CCHC" search "chỉ đạo" --format json --limit 3
expect_rc 0
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d)==3 and all({"kind","id","plan_id","title","snippet"}<=set(x) for x in d)' "$T/out" ||
	fail "bad json: $(cat "$T/out")"

# text format: kind, id, title, then the snippet
run "$CCHC" search "cải cách thể chế"
expect_grep "Đề mục            5  1.2. Cải cách thể chế" "$T/out"
expect_grep "                     Kế hoạch: " "$T/out"
expect_no_grep "section" "$T/out"

# no hit, usage errors, hostile numbers
run "$CCHC" search "!!!"
expect_rc 2
expect_grep "không có chữ hay số nào" "$T/err"
run "$CCHC" search cải --limit 1000000000
expect_rc 2
run "$CCHC" search cải --plan 1abc
expect_rc 2
run "$CCHC" search zzzzqqq
expect_rc 0
expect_grep "không tìm thấy" "$T/err"
run "$CCHC" search
expect_rc 2
run "$CCHC" search x --kind thu-tu
expect_rc 2
expect_grep 'không có loại "thu-tu"' "$T/err"
expect_grep "dossier" "$T/err"

# the index follows deletions (cascades included)
run "$CCHC" plan delete 1
expect_rc 0
expect_grep "đã xóa kế hoạch 1" "$T/err"
[ "$(sqlite3 "$CCHC_DB" "SELECT count(*) FROM search_doc WHERE plan_id = 1")" -eq 0 ] ||
	fail "search rows of the deleted plan remain"
run "$CCHC" search "1.3" thu tuc --format tsv
expect_rc 0
expect_no_grep "Cải cách [thủ tục]" "$T/out"

# units are listed in Vietnamese order (Đ after D, before E)
run "$CCHC" unit list
cut -f3 "$T/out" >"$T/names"
printf 'Ban Quản lý cửa khẩu\nChi cục Mà Sao\nĐội Kiểm tra Đồng Đăng\nPhòng Dịch vụ\nVăn phòng Sở\n' >"$T/want"
expect_file "$T/want" "$T/names"

# ---- the registers: dossiers, letters, feedback ----
"$CCHC" dossier import "$FIXTURES/dossiers/mot-cua-2026.csv" >/dev/null 2>&1 || fail "dossier import"
# the import indexes its new rows in one go at the end, its own copy of
# the insert trigger dropped meanwhile; the file's kept row stays
[ "$(sqlite3 "$CCHC_DB" "SELECT (SELECT count(*) FROM kept_trigger WHERE name = \
	'search_dossier_ai') || (SELECT count(*) FROM sqlite_master WHERE name = \
	'search_dossier_ai')")" = 10 ] || fail "the insert trigger is not kept after the import"
[ "$(sqlite3 "$CCHC_DB" "SELECT count(*) FROM search_dossier_docsize")" = 40 ] ||
	fail "the import's dossiers are not all indexed"
kl=000.00.18.H36-251201-0001   # Công ty TNHH Điện máy Kỳ Lừa, late, no letter
kl_id=$(sqlite3 "$CCHC_DB" "SELECT id FROM dossier WHERE code = '$kl'")
"$CCHC" dossier add --code KL-2 --received 2026-11-02 --holder "Lê Văn Lừa" \
	--procedure "Xử lý kỷ luật viên chức" --field "Nội vụ" >/dev/null || fail "dossier add"
"$CCHC" letter add --dossier "$kl" --reason "Chờ ý kiến thẩm định." --new-date 2025-12-15 \
	--date 2025-12-05 --addressee "Ông Phạm Quang Huy" >/dev/null || fail "letter add"
"$CCHC" feedback add --received 2026-11-10 --channel email --sender "Bà Triệu Thị Nhung" \
	--content "Thời gian chờ cấp phép bán lẻ rượu quá lâu" >/dev/null || fail "feedback add"

# by holder (tones ignored), by code, by procedure and field, only dossiers
run "$CCHC" search dien may ky lua --kind dossier --format tsv
expect_rc 0
printf 'dossier\t%s\t…0001 Công ty TNHH [Điện máy Kỳ Lừa] Đăng [ký] thực hiện khuyến m…\n' "$kl_id" >"$T/want"
expect_file "$T/want" "$T/out"
run "$CCHC" search "$kl" --format tsv
expect_rc 0
[ "$(head -1 "$T/out" | cut -f1,2)" = "dossier	$kl_id" ] || fail "code: $(cat "$T/out")"
run "$CCHC" search khuyen mai xuc tien --kind dossier --format tsv
expect_rc 0
expect_grep "dossier	$kl_id	" "$T/out"
run "$CCHC" search xuc tien thuong mai --plan 1 --format tsv
expect_rc 0
expect_no_grep "dossier" "$T/out"

# the text output: the kind in Vietnamese, the code and holder as the name
run "$CCHC" search "Kỳ Lừa"
expect_rc 0
head -1 "$T/out" >"$T/first"
printf 'Hồ sơ         %5s  %s · Công ty TNHH Điện máy Kỳ Lừa\n' "$kl_id" "$kl" >"$T/want"
expect_file "$T/want" "$T/first"
for w in dossier letter feedback; do expect_no_grep "$w" "$T/out"; done

# a letter by its dossier's code and by its holder; a feedback item by sender
run "$CCHC" search "$kl" --kind letter
expect_rc 0
expect_grep "Phiếu xin lỗi     1  Phiếu 01/PXL: Ông Phạm Quang Huy (hồ sơ $kl)" "$T/out"
run "$CCHC" search dien may ky lua --kind letter --format tsv
expect_rc 0
[ "$(cut -f1,2 "$T/out")" = "letter	1" ] || fail "letter by holder: $(cat "$T/out")"
run "$CCHC" search trieu thi nhung
expect_rc 0
expect_grep "Phản ánh          1  Bà Triệu Thị Nhung: Thời gian chờ cấp phép" "$T/out"
run "$CCHC" search ban le ruou --kind feedback --format tsv
expect_rc 0
[ "$(cut -f1,2 "$T/out")" = "feedback	1" ] || fail "feedback by content: $(cat "$T/out")"

# tones typed rank the toned matches first: "kỷ" (KL-2's procedure) before
# "Kỳ" (Kỳ Lừa's holder); without tones a dossier with the word in its code
# or holder comes before one with it in the procedure
run "$CCHC" search ky --kind dossier --format tsv
expect_rc 0
[ "$(head -1 "$T/out" | cut -f2)" = "$kl_id" ] || fail "ky: Kỳ Lừa not first: $(cat "$T/out")"
run "$CCHC" search "kỷ" --kind dossier --format tsv
expect_rc 0
[ "$(head -1 "$T/out" | cut -f2)" = 41 ] || fail "kỷ: KL-2 not first: $(cat "$T/out")"
run "$CCHC" search "Kỳ" --kind dossier --format tsv
expect_rc 0
[ "$(head -1 "$T/out" | cut -f2)" = "$kl_id" ] || fail "Kỳ: Kỳ Lừa not first: $(cat "$T/out")"
run "$CCHC" search "lừa" --format tsv
expect_rc 0
[ "$(head -1 "$T/out" | cut -f2)" = 41 ] || fail "lừa: Lê Văn Lừa not first: $(cat "$T/out")"
run "$CCHC" search "lua" --format json
expect_rc 0
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert [x["label"] for x in d][:1] and all(x["kind"] in ("dossier","letter") for x in d), d' "$T/out" ||
	fail "bad json: $(cat "$T/out")"
# --exact keeps only the toned matches
run "$CCHC" search "kỷ" --exact --kind dossier --format tsv
expect_rc 0
[ "$(cut -f2 "$T/out")" = 41 ] || fail "--exact kỷ: $(cat "$T/out")"

# the index follows edits, a changed holder reaches the letter, deletions
run "$CCHC" dossier edit KL-2 --holder "Hà Thị Ngọc Bích"
expect_rc 0
run "$CCHC" search ngoc bich --format tsv
[ "$(cut -f1,2 "$T/out")" = "dossier	41" ] || fail "edited holder: $(cat "$T/out")"
run "$CCHC" search le van lua --kind dossier --format tsv
[ ! -s "$T/out" ] || fail "old holder still found: $(cat "$T/out")"
run "$CCHC" dossier edit "$kl" --holder "Công ty TNHH Sao Mai Đồng Đăng"
expect_rc 0
run "$CCHC" search sao mai dong dang --kind letter --format tsv
[ "$(cut -f1,2 "$T/out")" = "letter	1" ] || fail "letter after the holder changed: $(cat "$T/out")"
"$CCHC" dossier add --code XOA-1 --received 2026-11-03 --holder "Đinh Công Tráng" >/dev/null ||
	fail "dossier add XOA-1"
run "$CCHC" search dinh cong trang --format tsv
[ "$(cut -f1 "$T/out")" = dossier ] || fail "XOA-1 not found: $(cat "$T/out")"
run "$CCHC" undo     # the add undone: the dossier deleted
expect_rc 0
run "$CCHC" search dinh cong trang --format tsv
[ ! -s "$T/out" ] || fail "deleted dossier found: $(cat "$T/out")"
[ "$(sqlite3 "$CCHC_DB" "SELECT (SELECT count(*) FROM dossier) = (SELECT count(*) FROM search_dossier_docsize)")" = 1 ] ||
	fail "the dossier index does not hold one row per dossier"

# the migration makes the index over the dossiers already there, and a
# change of one source's texts re-indexes that source only
# (the index's table taken out of the schema by hand: sqlite3 has no cchc
# tokenizer to drop it with; VACUUM then leaves its pages out)
sqlite3 "$CCHC_DB" "PRAGMA writable_schema = ON;
	DELETE FROM sqlite_master WHERE name GLOB 'search_dossier*'; PRAGMA writable_schema = OFF;
	PRAGMA user_version = 19;" || fail "back to schema 19"
# (and without version 21's unit ranks and indexes: the column dropped with
# the triggers out of the way, as the shell has no cchc tokenizer)
python3 - "$CCHC_DB" <<'EOPY' || fail "back to schema 19"
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
# (the file as before schema 29: its kept triggers stored, no guards)
for (name,) in c.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
    c.execute('DROP TRIGGER "%s"' % name)
trig = c.execute("SELECT name, sql FROM kept_trigger").fetchall()
c.execute("DROP TABLE kept_trigger")
for index in ("unit_by_rank", "task_done_by_lead", "evidence_by_kind"):
    c.execute("DROP INDEX %s" % index)
c.execute("ALTER TABLE unit DROP COLUMN rank")
for name, sql in trig:
    if not name.startswith("unit_rank") and not name.startswith("search_dossier"):
        c.execute(sql)
c.commit()
EOPY
sqlite3 "$CCHC_DB" "VACUUM; DROP TRIGGER search_letter_af;
	UPDATE setting SET value = 'older' WHERE key = 'search.spec'" || fail "back to schema 19"
[ "$(sqlite3 "$CCHC_DB" "PRAGMA integrity_check")" = ok ] || fail "schema 19 made badly"
# marks in search_doc: gone from the rows indexed again, kept elsewhere
sqlite3 "$CCHC_DB" "UPDATE search_doc SET plan_id = 999 WHERE src IN ('letter', 'unit')" ||
	fail "mark"
run "$CCHC" search sao mai dong dang --format tsv
expect_rc 0
[ "$(cut -f1,2 "$T/out" | sort | tr '\n' ' ')" = "dossier	$kl_id letter	1 " ] ||
	fail "after the migration: $(cat "$T/out")"
[ "$(sqlite3 "$CCHC_DB" 'PRAGMA user_version')" -ge 20 ] || fail "not migrated"
[ "$(sqlite3 "$CCHC_DB" "SELECT count(*) FROM search_doc WHERE src = 'unit' AND plan_id = 999")" -eq 5 ] ||
	fail "the units were indexed again"
[ "$(sqlite3 "$CCHC_DB" "SELECT count(*) FROM search_doc WHERE src = 'letter' AND plan_id IS NULL")" -eq 1 ] ||
	fail "the letter was not indexed again"
run "$CCHC" check
expect_no_grep "trigger search_letter_af" "$T/out"
expect_grep "Chỉ mục tìm kiếm: khớp với dữ liệu" "$T/out"
# a dossier the index lacks (its row taken out by hand) is found by check
sqlite3 "$CCHC_DB" "DELETE FROM search_dossier_docsize WHERE id = $kl_id" || fail "docsize"
run "$CCHC" check
expect_grep "Chỉ mục tìm kiếm: số mục không khớp với dữ liệu (lệch 1)" "$T/out"
exit 0
