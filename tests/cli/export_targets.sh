#!/bin/sh
# Where exports may go (issue 14): no writer (report in every format,
# letter print in every format) writes over the open database or its -wal
# or -shm, whatever the spelling (another path, a hard link, a symbolic
# link); an existing file is replaced only with --force, a csv folder only
# with --force and only when it holds nothing but cchc's tables, and then
# whole; exports follow the umask; csv cells never read as formulas (and
# xlsx cells are strings); the bidi controls never reach a document.
. "${top_srcdir:-.}/tests/cli/lib.sh"
export CCHC_TODAY=2026-11-24 CCHC_NO_AUTO_BACKUP=1
export CCHC_DB="$T/my.db" # for raw_sql; the commands name it with --db my.db
cd "$T" || fail "cd $T"
DB=my.db
c() {
	"$CCHC" --db "$DB" "$@"
}
RLO=$(printf '\342\200\256') # U+202E RIGHT-TO-LEFT OVERRIDE
PDF=$(printf '\342\200\254')  # U+202C POP DIRECTIONAL FORMATTING
ALM=$(printf '\330\234')      # U+061C ARABIC LETTER MARK
LRI=$(printf '\342\201\246')  # U+2066 LEFT-TO-RIGHT ISOLATE
LINK='=HYPERLINK("http://x","Bấm")'
c plan import "$FIXTURES/so-cong-thuong-2024.txt" >/dev/null 2>&1 || fail "plan import"
c unit add "Văn phòng Sở" --code VP >/dev/null || fail unit
c task add --section 5 --title "$LINK" --lead VP --due 31/01/2026 >/dev/null || fail "task 1"
c task add --section 5 --title "Hồ sơ ${RLO}fdp.exe${PDF} ${ALM}x${LRI}y" --lead VP \
	--due 31/01/2026 >/dev/null || fail "task 2"
c task add --section 5 --title "@SUM(A1:A9)" --lead VP --due 31/01/2026 >/dev/null || fail "task 3"
# dossier add and letter add turn bidi controls into U+FFFD; settings keep
# what they are given, and reach letters and reports
c setting set org.name "Sở ${RLO}Công Thương" >/dev/null || fail setting
c setting set letter.signer "Liễu ${RLO}Anh Minh" >/dev/null || fail setting
c dossier add --code BIDI-1 --received 02/03/2026 --due 12/03/2026 --resolved 20/03/2026 \
	--unit VP --holder "Nguyễn ${RLO}Văn An" --procedure "$LINK" >/dev/null || fail dossier
letter=$(c letter add --dossier BIDI-1 --reason "Chờ ý kiến" --new-date 20/03/2026 \
	--date 11/03/2026 2>/dev/null) || fail "letter add"
tasks_before=$(sqlite3 "$DB" 'SELECT count(*) FROM task')

# db_intact: the database is still the database, with its records (read
# by the sqlite3 shell: cheap enough for every refusal).
db_intact() {
	[ "$(head -c 15 "$DB")" = "SQLite format 3" ] || fail "$DB is no longer a database ($1)"
	[ "$(sqlite3 "$DB" 'SELECT count(*) FROM task')" = "$tasks_before" ] ||
		fail "tasks lost ($1)"
}
# db_checked: db_intact, and cchc check finds it whole.
db_checked() {
	db_intact "$1"
	run "$CCHC" --db "$DB" check
	expect_rc 0
}
# Under valgrind (about 2 s a command) the refusals are tried for every
# spelling in one format and for the plain name in the others.
spellings() {
	if [ -n "${CCHC_VALGRIND:-}" ] && [ "$1" != "$2" ]; then
		shift 2
		echo "$1"
	else
		shift 2
		printf '%s\n' "$@"
	fi
}

# ---- 1. the database, by any name, is never a target
mkdir sub
ln "$DB" hard.db
ln -s "$DB" soft.db
ln -s "$T/$DB" abs-soft.db
for fmt in docx xlsx md html txt csv; do
	# (no spaces in these names: $T is mktemp's)
	for out in $(spellings "$fmt" docx "$DB" "./sub/../$DB" "$T/$DB" hard.db soft.db abs-soft.db \
		"$DB-wal" "$DB-shm" "$DB-journal"); do
		run c report --period 2026 --format "$fmt" --out "$out"
		expect_rc 1
		expect_grep "đó là tệp dữ liệu cchc đang dùng" "$T/err"
		db_intact "report $fmt --out $out"
	done
	db_checked "report $fmt"
	# a csv folder named like the database
	if [ "$fmt" = csv ]; then
		for out in "$DB/" "./sub/../$DB/" soft.db/; do
			run c report --period 2026 --format csv --out "$out"
			expect_rc 1
			db_intact "report csv --out $out"
		done
	fi
done
for fmt in txt docx md html; do
	for out in $(spellings "$fmt" txt "$DB" "./sub/../$DB" hard.db soft.db "$DB-wal" "$DB-shm"); do
		for force in "" --force; do
			run c letter print "$letter" --format "$fmt" --out "$out" $force
			expect_rc 1
			expect_grep "đó là tệp dữ liệu cchc đang dùng" "$T/err"
			db_intact "letter print $fmt --out $out $force"
		done
	done
done
db_checked "letter print"
# --force does not open the database to a report either
run c report --period 2026 --format docx --out "$DB" --force
expect_rc 1
db_intact "report --force"
[ ! -e "$DB-wal" ] || [ "$(head -c 4 "$DB-wal" | od -An -tx1 | tr -d ' ')" != 504b0304 ] ||
	fail "a report went into the -wal file"
# nor the full-screen program's test hooks (--dump, --timing)
printf 'key q\n' >keys
for opt in --dump --timing; do
	run "$CCHC" --db "$DB" --script keys $opt soft.db
	expect_rc 1
	expect_grep "đó là tệp dữ liệu cchc đang dùng" "$T/err"
	db_intact "$opt"
done
rm hard.db soft.db abs-soft.db

# ---- 2. an existing file is replaced only with --force
for fmt in docx xlsx md html txt; do
	printf 'bản cũ, giữ lại\n' >"old.$fmt"
	cp "old.$fmt" keep
	run c report --period 2026 --format "$fmt" --out "old.$fmt"
	expect_rc 1
	expect_grep "--force" "$T/err"
	cmp -s keep "old.$fmt" || fail "report $fmt replaced a file without --force"
	run c report --period 2026 --format "$fmt" --out "old.$fmt" --force
	expect_rc 0
	cmp -s keep "old.$fmt" && fail "report $fmt --force left the old file"
	ls -A | grep -q '\.tmp' && fail "temporary files left: $(ls -A)"
done
for fmt in docx txt md html; do
	printf 'phiếu cũ\n' >"phieu.$fmt"
	cp "phieu.$fmt" keep
	run c letter print "$letter" --format "$fmt" --out "phieu.$fmt"
	expect_rc 1
	expect_grep "--force" "$T/err"
	cmp -s keep "phieu.$fmt" || fail "letter print $fmt replaced a file without --force"
	run c letter print "$letter" --format "$fmt" --out "phieu.$fmt" --force
	expect_rc 0
	cmp -s keep "phieu.$fmt" && fail "letter print $fmt --force left the old file"
done
head -c 2 old.docx | grep -q PK || fail "old.docx is not a docx after --force"
expect_grep "VĂN BẢN XIN LỖI" phieu.txt

# ---- 3. a csv folder: made whole, replaced whole, never mixed
run c report --period 2026-Q1 --format csv --out bc/
expect_rc 0
[ "$(ls bc | wc -l)" -eq 7 ] || fail "csv files: $(ls bc)"
(cd bc && cat ./*) | cksum >q1.sum
run c report --period 2026 --format csv --out bc/
expect_rc 1
expect_grep "Đã có thư mục bc" "$T/err"
expect_grep "--force" "$T/err"
[ "$(cd bc && cat ./* | cksum)" = "$(cat q1.sum)" ] || fail "a refused export changed bc/"
run c report --period 2026 --format csv --out bc --force
expect_rc 0
run c report --period 2026 --format csv --out ref/
expect_rc 0
diff -r ref bc >&2 || fail "bc/ after --force is not the 2026 export alone"
# an empty folder loses nothing: filled without --force
mkdir empty
run c report --period 2026 --format csv --out empty/
expect_rc 0
diff -r ref empty >&2 || fail "the empty folder was not filled"
# a folder with the clerk's own files is never replaced
mkdir mine
printf 'ghi chú\n' >mine/ghi-chu.txt
cp ref/01-* mine/
run c report --period 2026 --format csv --out mine/ --force
expect_rc 1
expect_grep "ghi-chu.txt, không phải một biểu cchc đã ghi" "$T/err"
[ "$(ls mine | wc -l)" -eq 2 ] && [ -f mine/ghi-chu.txt ] || fail "mine/ changed: $(ls mine)"
mkdir -p nested/con
run c report --period 2026 --format csv --out nested/ --force
expect_rc 1
[ -d nested/con ] || fail "a folder with a subfolder was replaced"
# a file where the folder should be
printf x >notdir
run c report --period 2026 --format csv --out notdir/ --force
expect_rc 1
[ "$(cat notdir)" = x ] || fail "notdir was replaced"
# what a killed export leaves (a hidden folder without its writer) goes
# with the next export to the same folder
mkdir .bc.tmp-AbC123 .bc.old-XyZ789
cp ref/01-* .bc.tmp-AbC123/
run c report --period 2026-Q1 --format csv --out bc/ --force
expect_rc 0
left=$(ls -A | grep '^\.' || true)
[ -z "$left" ] || fail "hidden folders left: $left"

# ---- 4. the umask is obeyed
for mask in 077 022; do
	rm -rf um && mkdir um
	(
		umask $mask
		c report --period 2026 --format docx --out um/bc.docx &&
			c report --period 2026 --format xlsx --out um/bc.xlsx &&
			c report --period 2026 --format txt --out um/bc.txt &&
			c report --period 2026 --format csv --out um/csv/ &&
			c letter print "$letter" --format txt --out um/phieu.txt &&
			c letter print "$letter" --format docx --out um/phieu.docx
	) 2>"$T/err" || fail "exports under umask $mask: $(cat "$T/err")"
	if [ $mask = 077 ]; then want=600 dir=700; else want=644 dir=755; fi
	for f in um/bc.docx um/bc.xlsx um/bc.txt um/phieu.txt um/phieu.docx um/csv/*; do
		[ "$(stat -c %a "$f")" = $want ] || fail "$f is $(stat -c %a "$f") under umask $mask"
	done
	[ "$(stat -c %a um/csv)" = $dir ] || fail "um/csv is $(stat -c %a um/csv) under umask $mask"
done

# ---- 5. csv cells never read as formulas; xlsx cells are strings
f3=$(ls ref/03-*) f5=$(ls ref/06-*)  # the letters: Biểu 5, after 4a and 4b
for py in python3 /usr/bin/python3; do "$py" -c 'import csv' 2>/dev/null && break; done
"$py" - "$f3" "$f5" >"$T/cells" <<'EOPY' || fail "csv does not re-read: $(cat "$T/cells")"
import csv, sys
for name in sys.argv[1:]:
    for row in csv.reader(open(name, encoding="utf-8-sig", newline="")):
        for cell in row:
            print(cell)
EOPY
expect_grep "'=HYPERLINK(\"http://x\",\"Bấm\")" "$T/cells"
expect_grep "'@SUM(A1:A9)" "$T/cells"
grep -q '^=' "$T/cells" && fail "a csv cell starts with =: $(grep '^=' "$T/cells")"
grep -q '^@' "$T/cells" && fail "a csv cell starts with @"
[ "$(grep -c "^'=HYPERLINK" "$T/cells")" -eq 2 ] || fail "task title and procedure: $(cat "$T/cells")"
run c report --period 2026 --format xlsx --out inj.xlsx
expect_rc 0
xl=
for py in python3 /usr/bin/python3; do
	if "$py" -c 'import openpyxl' 2>/dev/null; then
		"$py" - inj.xlsx >"$T/xl" <<'EOPY' || fail "xlsx: $(cat "$T/xl")"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
found = 0
for ws in wb:
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, str) and c.value.startswith("=HYPERLINK"):
                assert c.data_type == "s", (ws.title, c.coordinate, c.data_type)
                found += 1
            assert c.data_type != "f", (ws.title, c.coordinate, c.value)
print(found)
EOPY
		[ "$(cat "$T/xl")" -eq 2 ] || fail "HYPERLINK strings in the xlsx: $(cat "$T/xl")"
		xl=yes
		break
	fi
done
[ -n "$xl" ] || echo "openpyxl not installed: the xlsx cell types were not checked"

# ---- 6. no bidi control in any document
nobidi() { # FILE WHAT
	if LC_ALL=C grep -q "$RLO\|$PDF\|$ALM\|$LRI" "$1"; then fail "bidi control in $2"; fi
}
run c report --period 2026 --format txt --out -
expect_rc 0
expect_grep "Hồ sơ fdp.exe xy" "$T/out"
nobidi "$T/out" "report --out -"
for fmt in md html txt; do
	c report --period 2026 --format $fmt --out "bidi.$fmt" || fail "report $fmt"
	nobidi "bidi.$fmt" "report $fmt"
done
for f in bc/*; do nobidi "$f" "csv $f"; done
c report --period 2026 --format docx --out bidi.docx || fail "report docx"
unzip -p bidi.docx word/document.xml >"$T/docx.xml"
expect_grep "Hồ sơ fdp.exe xy" "$T/docx.xml"
nobidi "$T/docx.xml" "report docx"
unzip -p inj.xlsx >"$T/xlsx.xml"
nobidi "$T/xlsx.xml" "report xlsx"
for fmt in txt md html; do
	c letter print "$letter" --format $fmt --out "bidi-letter.$fmt" || fail "letter $fmt"
	nobidi "bidi-letter.$fmt" "letter $fmt"
done
expect_grep "SỞ CÔNG THƯƠNG" bidi-letter.txt
expect_grep "Liễu Anh Minh" bidi-letter.txt
c letter print "$letter" --format docx --out bidi-letter.docx || fail "letter docx"
unzip -p bidi-letter.docx word/document.xml >"$T/letter.xml"
nobidi "$T/letter.xml" "letter docx"

# ---- temporary files where the system has no O_TMPFILE (a FAT stick;
# CCHC_NO_TMPFILE=1 takes that path here): a short hidden name in the folder,
# so a name near the 255-byte limit still comes out; one a killed cchc left
# (no lock on it) goes at the next write there, one in use stays
mkdir tmpf
: >tmpf/.cchc-tmp-left01
flock tmpf/.cchc-tmp-inuse1 sleep 30 &
holder=$!
i=0
while [ ! -e tmpf/.cchc-tmp-inuse1 ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
sleep 0.2
long=$(printf 'ệ%.0s' $(seq 82)).txt # 250 bytes: "NAME.tmp.XXXXXX" would not fit
CCHC_NO_TMPFILE=1 run c report --period 2026 --format txt --out "tmpf/$long"
expect_rc 0
[ -s "tmpf/$long" ] || fail "a name of 250 bytes was not written"
[ ! -e tmpf/.cchc-tmp-left01 ] || fail "a temporary file left by a killed cchc was not removed"
[ -e tmpf/.cchc-tmp-inuse1 ] || fail "a temporary file in use was removed"
CCHC_NO_TMPFILE=1 run c report --period 2026 --format txt --force --out "tmpf/$long"
expect_rc 0
kill "$holder" 2>/dev/null
wait "$holder" 2>/dev/null
[ "$(ls -A tmpf | grep -vc '^\.cchc-tmp-inuse1$')" -eq 1 ] || fail "left in tmpf: $(ls -A tmpf)"
# ---- a target that is not a regular file (a FIFO, a link to a device, a
# folder) is refused even with --force: a rename would put a file in place
# of the device (once, /dev/null)
mkfifo pipe
ln -s /dev/null devlink
mkdir folder.txt
for target in pipe devlink folder.txt; do
	for cmd in "report --period 2026 --format txt" "report --period 2026 --format docx" \
		"letter print $letter --format txt"; do
		run c $cmd --force --out "$target"
		expect_rc 1
		expect_grep "không phải tệp thường" "$T/err"
	done
	run c backup --to "$target" --force
	expect_rc 1
	if [ -d "$target" ]; then expect_grep "là một thư mục" "$T/err"
	else expect_grep "không phải tệp thường" "$T/err"; fi
done
[ -p pipe ] || fail "the FIFO was replaced"
[ -L devlink ] && [ "$(readlink devlink)" = /dev/null ] || fail "the link to /dev/null was replaced"
[ -c /dev/null ] || fail "/dev/null is no longer a device"
[ -d folder.txt ] || fail "the folder was replaced"
db_intact end
exit 0
