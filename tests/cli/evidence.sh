#!/bin/sh
# Evidence files: bytes out equal bytes in (small, empty, 50 MB, streamed
# with bounded memory), one copy per content, the SQLite Archive layout,
# names that would leave the output folder refused, the size cap, errors
# that leave nothing behind; get: names that collide made distinct, files
# that are there never replaced without --force, the database never, names
# of 255 bytes; damaged contents found by get and check, repaired by adding
# the genuine file again.
. "${top_srcdir:-.}/tests/cli/lib.sh"
command -v sqlite3 >/dev/null || { echo "SKIP: sqlite3 command not installed"; exit 77; }
"$CCHC" plan import "$FIXTURES/so-ngoai-vu-2024.txt" >/dev/null 2>&1 || fail import
"$CCHC" unit add "Văn phòng Sở" --code VP >/dev/null || fail unit
"$CCHC" task add --section 2 --title "Ban hành kế hoạch" --lead VP >/dev/null || fail task

mkdir "$T/in" "$T/got"
printf 'Quyết định số 126\n' >"$T/in/qd.txt"
: >"$T/in/rỗng.txt"
# under valgrind (make check-valgrind) 50 MB would take minutes: 4 MB there
big=52428800
if [ -n "${CCHC_VALGRIND:-}" ]; then
	big=4194304
	echo "valgrind: a 4 MB scan instead of 50 MB, memory peak not checked"
fi
head -c "$big" /dev/urandom >"$T/in/scan-50mb.pdf"
yes "Báo cáo kết quả thực hiện kế hoạch CCHC" | head -c 2000000 >"$T/in/bao-cao.txt"

/usr/bin/time -f "%M" -o "$T/rss" "$CCHC" evidence add --kind "quyết định" --task 1 \
	--file "$T/in/qd.txt" --file "$T/in/rỗng.txt" --file "$T/in/scan-50mb.pdf" \
	--file "$T/in/bao-cao.txt" --number 126/QĐ-SNgV --date 05/01/2024 --issuer "Sở Ngoại vụ" \
	--summary "Phê duyệt kế hoạch CCHC năm 2024" >"$T/id" 2>"$T/err" || fail "add: $(cat "$T/err")"
[ "$(cat "$T/id")" = 1 ] || fail "add printed $(cat "$T/id")"
# a 50 MB file goes through in pieces: far less memory than the file
if ldd "$CCHC" 2>/dev/null | grep -q libasan; then
	echo "sanitizer build: memory peak not checked ($(cat "$T/rss") KB)"
elif [ -z "${CCHC_VALGRIND:-}" ]; then
	[ "$(cat "$T/rss")" -lt 40000 ] || fail "peak memory $(cat "$T/rss") KB while adding 50 MB"
fi

run "$CCHC" evidence get 1 --out "$T/got"
expect_rc 0
for f in qd.txt rỗng.txt scan-50mb.pdf bao-cao.txt; do
	cmp "$T/in/$f" "$T/got/$f" || fail "$f differs after the round trip"
done

# the same content again is stored once
"$CCHC" evidence add --kind "báo cáo" --file "$T/in/scan-50mb.pdf" --summary "Bản chụp" >/dev/null ||
	fail "second add"
[ "$(sqlite3 "$CCHC_DB" "SELECT count(*) FROM sqlar")" = 4 ] || fail "duplicate content stored twice"
# compressible text is compressed, random bytes kept raw, in sqlar's format
[ "$(sqlite3 "$CCHC_DB" "SELECT sz > length(data) FROM sqlar WHERE sz = 2000000")" = 1 ] ||
	fail "text not compressed"
sqlite3 "$CCHC_DB" -A -t | grep -q "^files/" || fail "sqlite3 -A -t does not list the files"
(cd "$T/got" && sqlite3 "$CCHC_DB" -Ax) || fail "sqlite3 -Ax"
sha=$(sha256sum "$T/in/bao-cao.txt" | cut -c1-64)
cmp "$T/in/bao-cao.txt" "$T/got/files/$(echo "$sha" | cut -c1-2)/$sha" || fail "sqlite3 -Ax gives other bytes"

run "$CCHC" evidence show 1
expect_grep "kind: quyết định" "$T/out"
expect_grep "date: 05/01/2024" "$T/out"
expect_grep "file: scan-50mb.pdf	$big	" "$T/out"
run "$CCHC" evidence list --task 1 --format tsv
printf '1\tquyet-dinh\t126/QĐ-SNgV\t2024-01-05\tPhê duyệt kế hoạch CCHC năm 2024\t1\t4\n' >"$T/want"
expect_file "$T/want" "$T/out"
run "$CCHC" search phe duyet --kind evidence --format tsv
expect_grep "evidence	1	126/QĐ-SNgV [Phê duyệt] kế hoạch" "$T/out"

# edit: fields replaced, files and tasks added, a bad date changes nothing
printf 'Phụ lục\n' >"$T/in/phu-luc.txt"
run "$CCHC" evidence edit 1 --summary "Phê duyệt kế hoạch CCHC năm 2024 (sửa)" --file "$T/in/phu-luc.txt"
expect_rc 0
run "$CCHC" evidence show 1
expect_grep "summary: Phê duyệt kế hoạch CCHC năm 2024 (sửa)" "$T/out"
expect_grep "number: 126/QĐ-SNgV" "$T/out"
expect_grep "file: phu-luc.txt	" "$T/out"
run "$CCHC" evidence edit 1 --date 31/02/2024 --summary "không"
expect_rc 1
run "$CCHC" evidence show 1
expect_grep "date: 05/01/2024" "$T/out"
expect_grep "(sửa)" "$T/out"
run "$CCHC" evidence edit 99 --summary x
expect_rc 1
expect_grep "Không có tài liệu kiểm chứng số 99" "$T/err"

# a name that would leave the folder is refused, nothing written
raw_sql "UPDATE evidence_file SET name = '../thoát.txt' WHERE evidence_id = 1 AND seq = 1"
mkdir "$T/out2"
run "$CCHC" evidence get 1 --out "$T/out2"
expect_rc 1
expect_grep "có thể trỏ ra ngoài thư mục" "$T/err"
[ -z "$(ls -A "$T/out2")" ] && [ ! -e "$T/thoát.txt" ] || fail "files written despite the refusal"
# so are a path, a folder, "..", control characters (ESC sequences, C1) and
# bidi overrides; the message shows them neutralised (U+FFFD), never raw
esc=$(printf '\033') bel=$(printf '\007') c1=$(printf '\302\233') rlo=$(printf '\342\200\256')
for name in "/tmp/x.txt" "con/x.txt" ".." "a${esc}]0;pwn${bel}.txt" "b${esc}[2Jc.txt" \
	"d${c1}31m.txt" "hoa-don${rlo}fdp.exe" "tab	x.txt"; do
	raw_sql "UPDATE evidence_file SET name = '$name' WHERE evidence_id = 1 AND seq = 1"
	run "$CCHC" evidence get 1 --out "$T/out2"
	expect_rc 1
	expect_grep "có thể trỏ ra ngoài thư mục" "$T/err"
	[ -z "$(ls -A "$T/out2")" ] || fail "files written for the name $name"
	for bad in "$esc" "$bel" "$c1" "$rlo"; do
		expect_no_grep "$bad" "$T/err"
	done
done
raw_sql "UPDATE evidence_file SET name = 'a${esc}]0;pwn${bel}.txt' WHERE evidence_id = 1 AND seq = 1"
run "$CCHC" evidence get 1 --out "$T/out2"
expect_grep 'Tên tệp "a�]0;pwn�.txt" không ghi được vào thư mục' "$T/err"
raw_sql "UPDATE evidence_file SET name = 'qd.txt' WHERE evidence_id = 1 AND seq = 1"
# a file whose own name has controls or a bidi override is refused when added
for name in "e${esc}]0;pwn${bel}.txt" "hoa-don${rlo}fdp.exe"; do
	printf 'x\n' >"$T/in/$name"
	run "$CCHC" evidence add --kind "biên bản" --file "$T/in/$name"
	expect_rc 1
	expect_grep "không dùng được" "$T/err"
	expect_no_grep "$esc" "$T/err"
	expect_no_grep "$rlo" "$T/err"
	rm -f "$T/in/$name"
done

# errors leave nothing behind: a missing file, an unknown task, a bad kind, the size cap
n=$(sqlite3 "$CCHC_DB" "SELECT count(*) FROM evidence")
run "$CCHC" evidence add --kind "biên bản" --file "$T/in/qd.txt" --file "$T/none.pdf"
expect_rc 1
expect_grep "Không mở được tệp $T/none.pdf" "$T/err"
run "$CCHC" evidence add --kind "biên bản" --task 99 --file "$T/in/qd.txt"
expect_rc 1
expect_grep "Không có nhiệm vụ số 99" "$T/err"
run "$CCHC" evidence add --kind "giấy mời" --file "$T/in/qd.txt"
expect_rc 1
expect_grep 'Loại tài liệu "giấy mời" không có' "$T/err"
raw_sql "INSERT INTO setting VALUES('evidence.max_mb', '1')"
run "$CCHC" evidence add --kind "biên bản" --file "$T/in/bao-cao.txt"
expect_rc 1
expect_grep "lớn hơn giới hạn 1 MB" "$T/err"
[ "$(sqlite3 "$CCHC_DB" "SELECT count(*) FROM evidence")" = "$n" ] || fail "a failed add left a record"
[ "$(sqlite3 "$CCHC_DB" "SELECT count(*) FROM sqlar")" = 5 ] || fail "a failed add left a file"
raw_sql "DELETE FROM setting WHERE key = 'evidence.max_mb'"

# ---- get: two files of one name, a file that is there, the database
mkdir "$T/a" "$T/b" "$T/got2"
printf 'Báo cáo của phòng A\n' >"$T/a/report.pdf"
printf 'Báo cáo của phòng B\n' >"$T/b/report.pdf"
printf 'export PS1=cchc\n' >"$T/a/.bashrc"
printf 'ghi chú\n' >"$T/b/.bashrc"
printf 'không phải cơ sở dữ liệu\n' >"$T/a/cchc.db"
id=$("$CCHC" evidence add --kind "báo cáo" --file "$T/a/report.pdf" --file "$T/b/report.pdf" \
	--file "$T/a/.bashrc" --file "$T/b/.bashrc" --file "$T/a/cchc.db") || fail "add of one name twice"
run "$CCHC" evidence get "$id" --out "$T/got2"
expect_rc 0
cmp "$T/a/report.pdf" "$T/got2/report.pdf" || fail "report.pdf is not the first file"
cmp "$T/b/report.pdf" "$T/got2/report (2).pdf" || fail "report (2).pdf is not the second file"
cmp "$T/a/.bashrc" "$T/got2/.bashrc" || fail ".bashrc is not the third file"
cmp "$T/b/.bashrc" "$T/got2/.bashrc (2)" || fail ".bashrc (2) is not the fourth file"
cmp "$T/a/cchc.db" "$T/got2/cchc.db" || fail "cchc.db is not the fifth file"
[ "$(ls -A "$T/got2" | wc -l)" = 5 ] || fail "other files in the folder: $(ls -A "$T/got2")"
expect_grep "tệp thứ 2 (report.pdf) được ghi thành report (2).pdf" "$T/err"
# files that are there: the whole get refused, nothing written, --force named
printf 'của tôi\n' >"$T/home/.bashrc"
run "$CCHC" evidence get "$id" --out "$T/home"
expect_rc 1
expect_grep "Không xuất tệp nào: đã có .bashrc trong thư mục $T/home" "$T/err"
expect_grep "--force" "$T/err"
[ "$(cat "$T/home/.bashrc")" = "của tôi" ] || fail ".bashrc replaced without --force"
[ "$(ls -A "$T/home")" = .bashrc ] || fail "files written despite the refusal: $(ls -A "$T/home")"
run "$CCHC" evidence get "$id" --out "$T/got2"
expect_rc 1
expect_grep "đã có report.pdf, report (2).pdf, .bashrc, .bashrc (2), cchc.db trong" "$T/err"
run "$CCHC" evidence get "$id" --out "$T/home" --force
expect_rc 0
cmp "$T/a/.bashrc" "$T/home/.bashrc" || fail "--force did not replace .bashrc"
# the database is never written over, --force or not
for force in "" --force; do
	run "$CCHC" evidence get "$id" --out "$T" $force
	expect_rc 1
	expect_grep "đó là tệp dữ liệu cchc đang dùng" "$T/err"
	[ ! -e "$T/report.pdf" ] || fail "files written beside the database ($force)"
done
[ "$(sqlite3 "$CCHC_DB" "PRAGMA integrity_check")" = ok ] || fail "the database was written over"
run "$CCHC" evidence get --help
expect_grep "[--force]" "$T/out"
# the open database is no evidence file: read while written, it has no
# consistent bytes
run "$CCHC" evidence add --kind "khác" --file "$CCHC_DB"
expect_rc 1
expect_grep "là tệp dữ liệu cchc đang dùng" "$T/err"
expect_grep "cchc backup --to" "$T/err"
# a folder where a file must go is refused before anything is replaced,
# --force or not; an output folder that is not there, or not named, too
mkdir "$T/got5" "$T/got5/report (2).pdf"
printf 'cũ\n' >"$T/got5/report.pdf"
run "$CCHC" evidence get "$id" --out "$T/got5" --force
expect_rc 1
expect_grep "report (2).pdf là một thư mục" "$T/err"
[ "$(cat "$T/got5/report.pdf")" = "cũ" ] || fail "a file was replaced before the refusal"
run "$CCHC" evidence get "$id" --out "$T/khong-co"
expect_rc 1
expect_grep "Không có thư mục $T/khong-co" "$T/err"
run "$CCHC" evidence get "$id" --out ""
expect_rc 1
expect_grep "Hãy cho biết thư mục" "$T/err"

# ---- a name of 255 bytes (Vietnamese letters, 3 bytes each) comes back,
# twice: the second one cut at a letter to make room for " (2)"
long=$(printf 'ệ%.0s' $(seq 83))ab.pdf
[ "$(printf %s "$long" | wc -c)" = 255 ] || fail "the long name is not 255 bytes"
mkdir "$T/l1" "$T/l2" "$T/got3"
printf 'một\n' >"$T/l1/$long"
printf 'hai\n' >"$T/l2/$long"
id=$("$CCHC" evidence add --kind "khác" --file "$T/l1/$long" --file "$T/l2/$long") ||
	fail "add of a 255-byte name"
run "$CCHC" evidence get "$id" --out "$T/got3"
expect_rc 0
cmp "$T/l1/$long" "$T/got3/$long" || fail "the 255-byte name did not come back"
# 247 bytes are left for the stem beside " (2).pdf": 82 whole letters (246)
long2=$(printf 'ệ%.0s' $(seq 82))
cmp "$T/l2/$long" "$T/got3/$long2 (2).pdf" || fail "no \"(2)\" name within 255 bytes: $(ls "$T/got3")"
[ "$(ls -A "$T/got3" | wc -l)" = 2 ] || fail "other files: $(ls -A "$T/got3")"
# --force over it goes through a short temporary name
run "$CCHC" evidence get "$id" --out "$T/got3" --force
expect_rc 0
[ "$(ls -A "$T/got3" | wc -l)" = 2 ] || fail "files left by --force: $(ls -A "$T/got3")"

# ---- damaged contents: a byte flipped in a file kept raw and in a
# compressed one, and a compressed form that inflates to other bytes
head -c 300000 /dev/urandom >"$T/in/raw.bin"
yes "Biên bản kiểm tra công tác CCHC" | head -c 300000 >"$T/in/nen.txt"
yes "Kế hoạch tuyên truyền CCHC năm 2026" | head -c 300000 >"$T/in/khac.txt"
id=$("$CCHC" evidence add --kind "biên bản" --file "$T/in/qd.txt" --file "$T/in/raw.bin" \
	--file "$T/in/nen.txt" --file "$T/in/khac.txt") || fail "add for the damage"
run "$CCHC" check
expect_rc 0
expect_grep "khớp mã SHA-256" "$T/out"
stored() { # stored FILE: the sqlar name of FILE's content
	s=$(sha256sum "$1" | cut -c1-64)
	echo "files/$(echo "$s" | cut -c1-2)/$s"
}
[ "$(sqlite3 "$CCHC_DB" "SELECT sz = length(data) FROM sqlar WHERE name = '$(stored "$T/in/raw.bin")'")" = 1 ] ||
	fail "random bytes not kept raw"
# flip NAME OFFSET: one byte of the stored form of NAME changed
flip() {
	raw_sql "UPDATE sqlar SET data = CAST(substr(data, 1, $2) || CASE WHEN substr(data, $(($2 + 1)), 1) \
		= X'41' THEN X'42' ELSE X'41' END || substr(data, $(($2 + 2))) AS BLOB) WHERE name = '$1'"
	[ "$(sqlite3 "$CCHC_DB" "SELECT typeof(data) || length(data) FROM sqlar WHERE name = '$1'")" = \
		"blob$3" ] || fail "the flip changed the length of $1"
}
rawlen=$(sqlite3 "$CCHC_DB" "SELECT length(data) FROM sqlar WHERE name = '$(stored "$T/in/raw.bin")'")
flip "$(stored "$T/in/raw.bin")" 150000 "$rawlen"
mkdir "$T/got4"
run "$CCHC" evidence get "$id" --out "$T/got4"
expect_rc 1
expect_grep "raw.bin: nội dung tệp trong cơ sở dữ liệu bị hỏng" "$T/err"
[ -z "$(ls -A "$T/got4")" ] || fail "a get of damaged files left $(ls -A "$T/got4")"
zlen=$(sqlite3 "$CCHC_DB" "SELECT length(data) FROM sqlar WHERE name = '$(stored "$T/in/nen.txt")'")
flip "$(stored "$T/in/nen.txt")" 200 "$zlen"
raw_sql "UPDATE sqlar SET data = (SELECT data FROM sqlar WHERE name = '$(stored "$T/in/khac.txt")'), \
	sz = 300000 WHERE name = '$(stored "$T/in/bao-cao.txt")'"
run "$CCHC" check
expect_rc 1
expect_grep "[LỖI]   Tệp kiểm chứng hỏng: tài liệu $id, tệp thứ 2 (raw.bin)" "$T/out"
expect_grep "[LỖI]   Tệp kiểm chứng hỏng: tài liệu $id, tệp thứ 3 (nen.txt)" "$T/out"
expect_grep "[LỖI]   Tệp kiểm chứng hỏng: tài liệu 1, tệp thứ 4 (bao-cao.txt)" "$T/out"
expect_no_grep "(qd.txt)" "$T/out"
expect_no_grep "Đang kiểm tra" "$T/err" # not a terminal, and quick
# adding the genuine files again puts their bytes back
"$CCHC" evidence add --kind "khác" --file "$T/in/raw.bin" --file "$T/in/nen.txt" \
	--file "$T/in/bao-cao.txt" >/dev/null || fail "add of the genuine files"
run "$CCHC" check
expect_rc 0
run "$CCHC" evidence get "$id" --out "$T/got4"
expect_rc 0
for f in qd.txt raw.bin nen.txt khac.txt; do
	cmp "$T/in/$f" "$T/got4/$f" || fail "$f differs after the repair"
done
exit 0
