#!/bin/sh
# The two forms of the apology letter, chosen by the LETTER's date against
# the setting letter.form_switch (default 15/09/2025): Mẫu 04 of Thông tư
# 01/2018/TT-VPCP before it, Mẫu 04 of Thông tư 03/2025/TT-VPCP from it; the
# division that caused the delay printed; "01/PXL" (and the numbers of an
# older database given their zero); the clerk's own copy of a template used,
# and an unknown {field} in it refused with its line.
. "${top_srcdir:-.}/tests/cli/lib.sh"
export CCHC_TODAY=2026-11-24
"$CCHC" unit add "Phòng Quản lý Thương mại" --code QLTM >/dev/null || fail unit
"$CCHC" setting set org.name "Sở Công Thương" >/dev/null || fail setting
"$CCHC" setting set org.place "Lạng Sơn" >/dev/null || fail setting
"$CCHC" setting set org.parent "UBND TỈNH LẠNG SƠN" >/dev/null || fail setting
add() { # code [unit]
	"$CCHC" dossier add --code "$1" --received 02/09/2025 --due 16/09/2025 ${2:+--unit "$2"} \
		--holder "Nguyễn Văn Bình" --procedure "Cấp Giấy phép bán lẻ sản phẩm rượu" >/dev/null ||
		fail "dossier $1"
}
letter() { # code date
	"$CCHC" letter add --dossier "$1" --reason "Chờ ý kiến Sở Xây dựng" --new-date 25/09/2025 \
		--date "$2" >/dev/null 2>&1 || fail "letter for $1"
}
add F-1 QLTM
add F-2 QLTM
add F-3
letter F-1 14/09/2025
letter F-2 15/09/2025
letter F-3 15/09/2025

# ---- the day before the switch: the 2018 form; the day of it: the 2025 form
run "$CCHC" letter print 1 --format txt --out -
expect_rc 0
cp "$T/out" "$T/l1.txt"
expect_grep "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" "$T/l1.txt"
expect_no_grep "GIA HẠN" "$T/l1.txt"
expect_no_grep "118/2025" "$T/l1.txt"
expect_grep "Số: 01/PXL" "$T/l1.txt"
expect_grep "Đơn vị giải quyết hồ sơ để xảy ra chậm trễ: Phòng Quản lý Thương mại." "$T/l1.txt"
run "$CCHC" letter print 2 --format txt --out -
expect_rc 0
tr '\n' ' ' <"$T/out" | tr -s ' ' >"$T/l2.txt"
expect_grep "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT" "$T/l2.txt"
expect_no_grep "PHIẾU XIN LỖI" "$T/l2.txt"
expect_grep "Số: 02/PXL" "$T/l2.txt"
# the legal basis cited with its date at first mention (Nghị định 30/2020)
expect_grep "Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ" "$T/l2.txt"
expect_grep "Thông tư số 03/2025/TT-VPCP ngày 15/9/2025" "$T/l2.txt"
expect_grep "đề nghị gia hạn thời gian giải quyết hồ sơ đến ngày 25/09/2025" "$T/l2.txt"
expect_grep "Đơn vị giải quyết hồ sơ để xảy ra chậm trễ: Phòng Quản lý Thương mại." "$T/l2.txt"
# no division recorded: the line is left out, not printed empty
run "$CCHC" letter print 3 --format txt --out -
expect_rc 0
expect_no_grep "chậm trễ:" "$T/out"
run "$CCHC" letter show 2
expect_grep "Mẫu: data/templates/letter-2025.txt" "$T/out"
run "$CCHC" letter show 1
expect_grep "Mẫu: data/templates/letter-2018.txt" "$T/out"

# ---- the switch is a setting: moved to 01/10/2025, letter 2 is on the 2018 form
run "$CCHC" setting set letter.form_switch 01/10/2025
expect_rc 0
run "$CCHC" letter print 2 --format txt --out -
expect_grep "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" "$T/out"
run "$CCHC" setting set letter.form_switch 2025-09-14
expect_rc 0
run "$CCHC" letter print 1 --format txt --out -
expect_grep "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN" "$T/out"
for bad in 31/02/2025 "sau Tết" 2025-13-01; do
	run "$CCHC" setting set letter.form_switch "$bad"
	expect_rc 1
	expect_grep "không hợp lệ cho letter.form_switch" "$T/err"
done
"$CCHC" setting reset letter.form_switch >/dev/null || fail reset
run "$CCHC" setting get letter.form_switch
expect_grep "15/09/2025" "$T/out"
# editing a letter's date moves it across the switch
run "$CCHC" letter edit 2 --date 13/09/2025
expect_rc 0
run "$CCHC" letter print 2 --format txt --out -
expect_grep "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" "$T/out"
"$CCHC" letter edit 2 --date 15/09/2025 >/dev/null 2>&1 || fail "edit back"

# ---- numbers below 10 take a leading zero, 10 and above do not
i=4
while [ $i -le 10 ]; do
	add "F-$i" QLTM
	letter "F-$i" 15/09/2025
	i=$((i + 1))
done
run "$CCHC" letter list --format tsv
[ "$(cut -f2 "$T/out" | tr '\n' ' ')" = "01/PXL 02/PXL 03/PXL 04/PXL 05/PXL 06/PXL 07/PXL 08/PXL 09/PXL 10/PXL " ] ||
	fail "numbers: $(cut -f2 "$T/out" | tr '\n' ' ')"
run "$CCHC" dossier show F-9
expect_grep "Phiếu xin lỗi: 09/PXL" "$T/out"

# ---- the clerk's own template: ~/.config/cchc/templates/<file> wins
mkdir -p "$XDG_CONFIG_HOME/cchc/templates"
own="$XDG_CONFIG_HOME/cchc/templates/letter-2025.txt"
"$CCHC" letter template 2025 >"$T/t2025" || fail "letter template 2025"
expect_grep "type: VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT" "$T/t2025"
sed 's/^type: .*/type: VĂN BẢN XIN LỖI (MẪU CỦA TỈNH)/' "$T/t2025" >"$own"
run "$CCHC" letter print 2 --format txt --out -
expect_rc 0
expect_grep "VĂN BẢN XIN LỖI (MẪU CỦA TỈNH)" "$T/out"
run "$CCHC" letter print 1 --format txt --out -
expect_grep "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" "$T/out"
run "$CCHC" letter show 2
expect_grep "Mẫu: $own" "$T/out"
run "$CCHC" letter template 2025
expect_grep "MẪU CỦA TỈNH" "$T/out"
# an unknown field is refused, naming the file and its line; nothing written
printf '\nKính mong {nguoi_nhan} thông cảm.\n' >>"$own"
line=$(grep -n "nguoi_nhan" "$own" | cut -d: -f1)
run "$CCHC" letter print 2 --format docx --out "$T/bad.docx"
expect_rc 1
expect_grep "$own dòng $line: trường {nguoi_nhan} không có" "$T/err"
[ ! -e "$T/bad.docx" ] || fail "a letter printed from a broken template"
# in the head too
sed -i 's/^recipient: Bộ phận Một cửa;/recipient: Bộ phận {mot_cua};/' "$own"
line=$(grep -n "mot_cua" "$own" | cut -d: -f1)
run "$CCHC" letter print 2 --format txt --out -
expect_rc 1
expect_grep "dòng $line: trường {mot_cua}" "$T/err"
run "$CCHC" letter template 2024
expect_rc 2
rm "$own"

# ---- docx: the addressee is the document's "Kính gửi", not a body paragraph
run "$CCHC" letter print 2 --format docx --out "$T/l2.docx"
expect_rc 0
python3 -c 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode())' \
	"$T/l2.docx" >"$T/l2.xml" || fail "docx without word/document.xml"
sed 's/<[^>]*>//g' "$T/l2.xml" >"$T/l2.text"
expect_grep "Số: 02/PXL" "$T/l2.text"
expect_grep "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT" "$T/l2.text"
expect_grep "Kính gửi: Nguyễn Văn Bình" "$T/l2.text"

# ---- a database made before: its numbers get their zero on opening
if command -v python3 >/dev/null; then
	python3 - "$CCHC_DB" <<'EOPY' || fail "could not plant old numbers"
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
# the file as before schema 29: its kept triggers stored, no guards
for (name,) in c.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                         "AND name GLOB 'kept_guard_*'").fetchall():
    c.execute('DROP TRIGGER "%s"' % name)
trig = c.execute("SELECT name, sql FROM kept_trigger").fetchall()
c.execute("DROP TABLE kept_trigger")
c.execute("UPDATE letter SET number = seq || '/PXL'")
c.execute("UPDATE letter SET number = 'PXL-' || seq WHERE seq = 3")
# a database of version 17 has none of the later versions' columns
c.execute("ALTER TABLE unit DROP COLUMN kind")
# nor version 21's unit ranks and indexes
for index in ("unit_by_rank", "task_done_by_lead", "evidence_by_kind"):
    c.execute("DROP INDEX %s" % index)
c.execute("ALTER TABLE unit DROP COLUMN rank")
# nor the dossiers' search index (20), taken out of the schema by hand (no
# cchc tokenizer here to drop it with); VACUUM then frees its pages
c.execute("PRAGMA writable_schema = ON")
c.execute("DELETE FROM sqlite_master WHERE name GLOB 'search_dossier*'")
c.execute("PRAGMA writable_schema = OFF")
for name, sql in trig:
    if not name.startswith("search_dossier") and not name.startswith("unit_rank"):
        c.execute(sql)
c.execute("PRAGMA user_version = 17")
c.commit()
c.execute("VACUUM")
EOPY
	run "$CCHC" letter list --format tsv
	expect_rc 0
	[ "$(cut -f2 "$T/out" | tr '\n' ' ')" = "01/PXL 02/PXL PXL-3 04/PXL 05/PXL 06/PXL 07/PXL 08/PXL 09/PXL 10/PXL " ] ||
		fail "old numbers: $(cut -f2 "$T/out" | tr '\n' ' ')"
	run "$CCHC" search "01/PXL"
	expect_grep "Phiếu 01/PXL" "$T/out"
fi
exit 0
