#!/bin/sh
# Evidence files: bytes out equal bytes in (small, empty, 50 MB, streamed
# with bounded memory), one copy per content, the SQLite Archive layout,
# names that would leave the output folder refused, the size cap, errors
# that leave nothing behind.
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
[ -n "${CCHC_VALGRIND:-}" ] || [ "$(cat "$T/rss")" -lt 40000 ] ||
	fail "peak memory $(cat "$T/rss") KB while adding 50 MB"

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
expect_grep "có thể ghi ra ngoài thư mục" "$T/err"
[ -z "$(ls -A "$T/out2")" ] && [ ! -e "$T/thoát.txt" ] || fail "files written despite the refusal"
# so are a path, a folder, "..", control characters (ESC sequences, C1) and
# bidi overrides; the message shows them neutralised (U+FFFD), never raw
esc=$(printf '\033') bel=$(printf '\007') c1=$(printf '\302\233') rlo=$(printf '\342\200\256')
for name in "/tmp/x.txt" "con/x.txt" ".." "a${esc}]0;pwn${bel}.txt" "b${esc}[2Jc.txt" \
	"d${c1}31m.txt" "hoa-don${rlo}fdp.exe" "tab	x.txt"; do
	raw_sql "UPDATE evidence_file SET name = '$name' WHERE evidence_id = 1 AND seq = 1"
	run "$CCHC" evidence get 1 --out "$T/out2"
	expect_rc 1
	expect_grep "có thể ghi ra ngoài thư mục" "$T/err"
	[ -z "$(ls -A "$T/out2")" ] || fail "files written for the name $name"
	for bad in "$esc" "$bel" "$c1" "$rlo"; do
		expect_no_grep "$bad" "$T/err"
	done
done
raw_sql "UPDATE evidence_file SET name = 'a${esc}]0;pwn${bel}.txt' WHERE evidence_id = 1 AND seq = 1"
run "$CCHC" evidence get 1 --out "$T/out2"
expect_grep 'Tên tệp "a�]0;pwn�.txt" có thể ghi ra ngoài' "$T/err"
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
exit 0
