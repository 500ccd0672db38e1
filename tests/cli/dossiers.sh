#!/bin/sh
# Dossiers: import of the one-stop system's export in every supported
# encoding, re-import updating by code, bad rows reported by line and
# refused unless --skip-bad, manual entry with its checks, the late lists,
# and the period statistics against a hand-checked sample
# (tests/fixtures/dossiers/mot-cua-2026.worksheet.txt).
. "${top_srcdir:-.}/tests/cli/lib.sh"
D="$FIXTURES/dossiers"
export CCHC_TODAY=2026-11-24
for u in "Văn phòng Sở:VP" "Phòng Quản lý Thương mại:QLTM" "Phòng Quản lý Công nghiệp:QLCN" \
	"Phòng Kỹ thuật an toàn - Môi trường:KTAT" "Phòng Quản lý Năng lượng:QLNL"; do
	"$CCHC" unit add "${u%:*}" --code "${u#*:}" >/dev/null || fail "unit $u"
done

# ---- import (UTF-8 with BOM, comma-separated)
run "$CCHC" dossier import "$D/mot-cua-2026.csv"
expect_rc 0
expect_grep "Đã nhập 40 hồ sơ: 40 mới, 0 cập nhật, 0 không đổi." "$T/out"
expect_no_grep "không khớp đơn vị" "$T/err"
"$CCHC" dossier list --format tsv >"$T/utf8.tsv" || fail list
[ "$(wc -l <"$T/utf8.tsv")" -eq 40 ] || fail "list has $(wc -l <"$T/utf8.tsv") rows"
expect_grep "000.00.18.H36-251120-0001	2025-11-20	2025-12-04	2025-12-02	truc-tiep	QLTM	Hộ kinh doanh Nông Thị Hạnh	Cấp Giấy phép bán lẻ sản phẩm rượu" "$T/utf8.tsv"

# the figures of the standard table for 2026-Q1 (15/12/2025 - 14/03/2026),
# in the order of the issue, equal to the hand-counted worksheet
run "$CCHC" dossier stats --period 2026-Q1 --format tsv
expect_rc 0
cat >"$T/want" <<'EOT'
received_total	33
received_online	12
received_offline	14
received_carried	7
resolved_total	24
resolved_early	11
resolved_on_time	6
resolved_late	7
pending_total	9
pending_in_time	4
pending_overdue	5
on_time_rate	70.83
EOT
expect_file "$T/want" "$T/out"
sort "$D/mot-cua-2026.expected" >"$T/hand"
sort "$T/out" >"$T/got"
expect_file "$T/hand" "$T/got"
run "$CCHC" dossier stats --period 2026-Q1
expect_grep "Tỷ lệ giải quyết đúng hạn: 70,83%" "$T/out"
expect_grep "quý I năm 2026 (số liệu từ 15/12/2025 đến 14/03/2026)" "$T/out"
# a calendar-quarter cut-off changes the bounds
"$CCHC" setting set period.cutoff_day 1 >/dev/null || fail cutoff
run "$CCHC" dossier stats --period 2026-Q1
expect_grep "(số liệu từ 01/01/2026 đến 31/03/2026)" "$T/out"
"$CCHC" setting reset period.cutoff_day >/dev/null || fail reset
# grouped by field: the groups add up to the totals
run "$CCHC" dossier stats --period 2026-Q1 --by field --format tsv
expect_rc 0
awk -F'\t' 'NR > 1 { t += $2; r += $6; p += $10 } END { if (t != 33 || r != 24 || p != 9) exit 1 }' \
	"$T/out" || fail "groups do not add up: $(cat "$T/out")"
run "$CCHC" dossier stats --period 2026-Q5
expect_rc 1
expect_grep "Kỳ báo cáo" "$T/err"
run "$CCHC" dossier stats
expect_rc 2

# ---- late dossiers and their working days late (hand-counted in the worksheet)
run "$CCHC" dossier late --format tsv
expect_rc 0
cut -f1,3,4 "$T/out" >"$T/late"
expect_file "$D/mot-cua-2026.late" "$T/late"
run "$CCHC" dossier late --without-letter --format tsv
[ "$(wc -l <"$T/out")" -eq 18 ] || fail "without letter: $(wc -l <"$T/out")"
"$CCHC" letter add --dossier 000.00.18.H36-260305-0001 --reason "Chờ ý kiến Sở Xây dựng" \
	--new-date 20/03/2026 --date 10/03/2026 >/dev/null 2>&1 || fail "letter add"
run "$CCHC" dossier late --without-letter --format tsv
[ "$(wc -l <"$T/out")" -eq 17 ] || fail "after a letter: $(wc -l <"$T/out")"
expect_no_grep "000.00.18.H36-260305-0001" "$T/out"
run "$CCHC" dossier show 000.00.18.H36-260305-0001
expect_grep "Phiếu xin lỗi: 01/PXL" "$T/out"
expect_grep "Trễ hạn: 1 ngày làm việc" "$T/out"
# what is late depends on today
CCHC_TODAY=2026-03-10 run "$CCHC" dossier late --format tsv
expect_no_grep "000.00.18.H36-260313-0001" "$T/out"
expect_grep "000.00.18.H36-260227-0001	" "$T/out"

# ---- re-import: nothing doubles, unchanged rows are left alone
run "$CCHC" dossier import "$D/mot-cua-2026.csv"
expect_grep "Đã nhập 40 hồ sơ: 0 mới, 0 cập nhật, 40 không đổi." "$T/out"
# a later export: one dossier finished, one new
sed -e 's/^\(000.00.18.H36-260303-0001,.*\),,Đang xử lý,/\1,20\/03\/2026,Đã trả kết quả,/' "$D/mot-cua-2026.csv" >"$T/later.csv"
printf '000.00.18.H36-260501-0001,Cấp Giấy phép bán lẻ sản phẩm thuốc lá,Lưu thông hàng hóa trong nước,Nguyễn Văn Bình,,,04/05/2026,15/05/2026,,Đang xử lý,Trực tuyến,QLTM\r\n' >>"$T/later.csv"
run "$CCHC" dossier import "$T/later.csv"
expect_rc 0
expect_grep "Đã nhập 41 hồ sơ: 1 mới, 1 cập nhật, 39 không đổi." "$T/out"
run "$CCHC" dossier list --format tsv
[ "$(wc -l <"$T/out")" -eq 41 ] || fail "after re-import: $(wc -l <"$T/out") rows"
expect_grep "000.00.18.H36-260303-0001	2026-03-03	2026-03-24	2026-03-20	" "$T/out"

# ---- the same export in other encodings gives the same records
# (each into a copy of one database with the five units, made once)
for u in VP QLTM QLCN KTAT QLNL; do
	CCHC_DB="$T/units5.db" "$CCHC" unit add "Đơn vị $u" --code $u >/dev/null || fail "unit $u"
done
sqlite3 "$T/units5.db" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
for f in "utf16.tsv:" "cp1258.csv:cp1258" "tcvn3.csv:tcvn3" "viscii.csv:viscii"; do
	file=${f%%:*} enc=${f#*:}
	rm -f "$T/enc.db"
	cp "$T/units5.db" "$T/enc.db"
	if [ -n "$enc" ]; then
		CCHC_DB="$T/enc.db" run "$CCHC" dossier import "$D/mot-cua-2026.$file" --encoding "$enc"
	else
		CCHC_DB="$T/enc.db" run "$CCHC" dossier import "$D/mot-cua-2026.$file"
	fi
	expect_rc 0
	expect_grep "40 mới" "$T/out"
	CCHC_DB="$T/enc.db" "$CCHC" dossier list --format tsv >"$T/enc.tsv"
	expect_file "$T/utf8.tsv" "$T/enc.tsv"
done
# a legacy file without --encoding is recognised, not imported as garbage
# (each encoding in dossier_encoding.sh)
rm -f "$T/enc.db"
cp "$T/units5.db" "$T/enc.db"
CCHC_DB="$T/enc.db" run "$CCHC" dossier import "$D/mot-cua-2026.tcvn3.csv"
expect_rc 0
expect_grep "Bảng mã: TCVN3 (tự nhận biết)" "$T/out"
CCHC_DB="$T/enc.db" "$CCHC" dossier list --format tsv >"$T/enc.tsv"
expect_file "$T/utf8.tsv" "$T/enc.tsv"
# a NUL byte in the middle: not text, at its line; UTF-16 without a BOM (LE
# or BE) is told as such with the --encoding that then imports it whole
{ head -n 10 "$D/mot-cua-2026.csv"; printf 'X,\000\r\n'; tail -n +11 "$D/mot-cua-2026.csv"; } >"$T/nul.csv"
tail -c +3 "$D/mot-cua-2026.utf16.tsv" >"$T/nobom-LE.tsv"
iconv -f UTF-16LE -t UTF-16BE "$T/nobom-LE.tsv" >"$T/nobom-BE.tsv"
for block in "" 7; do
	rm -f "$T/enc.db"
	CCHC_IMPORT_BLOCK=$block CCHC_DB="$T/enc.db" run "$CCHC" dossier import "$T/nul.csv"
	expect_rc 1
	expect_grep "cchc: Tệp hồ sơ $T/nul.csv không phải văn bản: có byte 0 ở dòng 11" "$T/err"
	expect_no_grep "kế hoạch" "$T/err"
	for e in LE BE; do
		CCHC_IMPORT_BLOCK=$block CCHC_DB="$T/enc.db" run "$CCHC" dossier import "$T/nobom-$e.tsv"
		expect_rc 1
		expect_grep "cchc: Tệp hồ sơ $T/nobom-$e.tsv có vẻ là UTF-16 không có BOM; hãy lưu lại dưới dạng UTF-8 hoặc dùng --encoding UTF-16$e" "$T/err"
		expect_no_grep "kế hoạch" "$T/err"
	done
	[ ! -s "$T/enc.db" ] || [ -z "$(CCHC_DB="$T/enc.db" "$CCHC" dossier list --format tsv)" ] ||
		fail "a refused file stored dossiers"
done
for e in LE BE; do
	rm -f "$T/enc.db"
	cp "$T/units5.db" "$T/enc.db"
	CCHC_DB="$T/enc.db" run "$CCHC" dossier import "$T/nobom-$e.tsv" --encoding "UTF-16$e"
	expect_rc 0
	expect_grep "40 mới" "$T/out"
	CCHC_DB="$T/enc.db" "$CCHC" dossier list --format tsv >"$T/enc.tsv"
	expect_file "$T/utf8.tsv" "$T/enc.tsv"
done

# ---- a broken file: every bad row by line and reason; nothing imported unless asked
rm -f "$T/b.db"
CCHC_DB="$T/b.db" run "$CCHC" dossier import "$D/broken.csv"
expect_rc 1
expect_grep "không nhập gì" "$T/err"
sed -n 's/^cchc: dòng \([0-9]*\): /\1	/p' "$T/err" >"$T/bad"
expect_file "$D/broken.expected-bad" "$T/bad"
CCHC_DB="$T/b.db" "$CCHC" dossier list --format tsv >"$T/none"
[ ! -s "$T/none" ] || fail "a refused import stored rows"
CCHC_DB="$T/b.db" run "$CCHC" dossier import "$D/broken.csv" --skip-bad
expect_rc 0
expect_grep "bỏ qua $(wc -l <"$D/broken.expected-bad") dòng lỗi" "$T/out"
# a file without the required columns, and a missing file
printf 'STT,Tên thủ tục\n1,Cấp phép\n' >"$T/cols.csv"
run "$CCHC" dossier import "$T/cols.csv"
expect_rc 1
expect_grep "thiếu cột mã hồ sơ, ngày tiếp nhận, hạn xử lý" "$T/err"
run "$CCHC" dossier import "$T/khong-co.csv"
expect_rc 1
run "$CCHC" dossier import
expect_rc 2

# ---- another system's export with its own column mapping
if [ -f "$D/other-system.tsv" ]; then
	rm -f "$T/o.db"
	CCHC_DB="$T/o.db" run "$CCHC" dossier import "$D/other-system.tsv" --map "$D/other-system.map"
	expect_rc 0
	expect_grep "Đã nhập" "$T/out"
	CCHC_DB="$T/o.db" run "$CCHC" dossier import "$D/other-system.tsv"
	expect_rc 1
fi

# ---- manual entry and its checks
run "$CCHC" dossier add --code TAY-001 --procedure "Cấp Giấy phép sản xuất rượu thủ công" \
	--holder "Hoàng Văn Tư" --received 02/11/2026 --due 16/11/2026 --channel "bưu chính" --unit QLTM
expect_rc 0
id=$(cat "$T/out")
run "$CCHC" dossier add --code TAY-001 --received 02/11/2026
expect_rc 1
expect_grep "Đã có hồ sơ mã TAY-001" "$T/err"
run "$CCHC" dossier add --code TAY-002 --received 02/11/2026 --due 01/11/2026
expect_rc 1
expect_grep "Hạn xử lý 01/11/2026 trước ngày tiếp nhận 02/11/2026" "$T/err"
run "$CCHC" dossier add --code TAY-002 --received 31/02/2026
expect_rc 1
expect_grep "không phải ngày" "$T/err"
run "$CCHC" dossier add --code TAY-002 --received 02/11/2026 --channel fax
expect_rc 1
expect_grep "Hình thức nộp \"fax\" không rõ" "$T/err"
run "$CCHC" dossier add --code TAY-002 --received 02/11/2026 --unit XYZ
expect_rc 1
run "$CCHC" dossier add --procedure x
expect_rc 2
run "$CCHC" dossier show TAY-001
expect_grep "Hình thức nộp: bưu chính" "$T/out"
# the codes --help names are taken as typed
for ch in truc-tiep:"trực tiếp" truc-tuyen:"trực tuyến" buu-chinh:"bưu chính"; do
	run "$CCHC" dossier edit TAY-001 --channel "${ch%%:*}"
	expect_rc 0
	run "$CCHC" dossier show TAY-001
	expect_grep "Hình thức nộp: ${ch#*:}" "$T/out"
done
expect_grep "Trễ hạn: 6 ngày làm việc" "$T/out"
run "$CCHC" dossier edit TAY-001 --resolved 18/11/2026
expect_rc 0
run "$CCHC" dossier show TAY-001
expect_grep "Ngày hoàn thành: 18/11/2026" "$T/out"
expect_grep "Trễ hạn: 2 ngày làm việc" "$T/out"
run "$CCHC" dossier edit TAY-001 --resolved 01/11/2026
expect_rc 1
expect_grep "Ngày hoàn thành 01/11/2026 trước ngày tiếp nhận 02/11/2026" "$T/err"
run "$CCHC" dossier edit TAY-001 --resolved ""
expect_rc 0
run "$CCHC" dossier list --pending --format tsv
expect_grep "TAY-001	" "$T/out"
run "$CCHC" dossier edit KHONG-CO --resolved 01/11/2026
expect_rc 1

# ---- list filters: by tone-less words, by code prefix, by unit, by period
run "$CCHC" dossier list --query "nong thi hanh" --format tsv
expect_rc 0
[ "$(wc -l <"$T/out")" -eq 1 ] || fail "query by holder: $(cat "$T/out")"
run "$CCHC" dossier list --query "000.00.18.H36-2603" --format tsv
[ "$(wc -l <"$T/out")" -eq 8 ] || fail "query by code prefix: $(wc -l <"$T/out")"
run "$CCHC" dossier list --period 2026-Q1 --unit QLCN --format tsv
awk -F'\t' '$6 != "QLCN" || $2 < "2025-12-15" || $2 > "2026-03-14" { exit 1 }' "$T/out" ||
	fail "unit/period filter: $(cat "$T/out")"
run "$CCHC" dossier list --limit 3 --format tsv
[ "$(wc -l <"$T/out")" -eq 3 ] || fail "limit"
# paging does not lose or repeat rows (the CLI pages by 500)
run "$CCHC" dossier list --format tsv
[ "$(cut -f1 "$T/out" | sort -u | wc -l)" -eq 42 ] || fail "rows repeated or lost"

# ---- a big export, read a block at a time (issue 9): the same bad rows by
# line, the same counts, all or nothing, whatever the block boundaries cut
# gen_export ROWS FILE: the sample's rows over and over with unique codes;
# row 2's holder has a line break inside quotes, row 20000 (or ROWS - 10)
# repeats row 100's code, row ROWS - 5 has a date that does not exist.
# Row i starts at line i + 2 from row 3 on.
gen_export() {
	awk -v n="$1" 'BEGIN { RS = "\r\n"; ORS = "\r\n"; dup = n > 20010 ? 20000 : n - 10 }
		NR == 1 { print; next }
		NF { row[m++] = $0 }
		END { for (i = 1; i <= n; i++) {
			r = row[(i - 1) % m]; c = index(r, ",")
			code = sprintf("%s%07d", substr(r, 1, c - 5), i); rest = substr(r, c)
			if (i == 100) first = code
			if (i == dup) code = first
			if (i == 2) rest = ",Cấp Giấy phép bán lẻ sản phẩm rượu,Lưu thông hàng hóa " \
				"trong nước,\"Hộ kinh doanh Trần Thị Bình\r\n(ủy quyền cho con trai)\"," \
				"\"Xã Chi Lăng, tỉnh Lạng Sơn\",0912 000 002,05/01/2026 09:30,19/01/2026,," \
				"Đang xử lý,Trực tuyến,QLTM"
			if (i == n - 5) rest = ",Cấp phép,Lĩnh vực,Người nộp,Địa chỉ,0912,31/02/2026," \
				"15/03/2026,,Đang xử lý,Trực tiếp,QLTM"
			printf "%s%s\r\n", code, rest } }' "$D/mot-cua-2026.csv" >"$2"
}
n=30000
if [ -n "${CCHC_VALGRIND:-}" ]; then
	n=3000
	echo "valgrind: a 3,000-row export instead of 30,000, memory peak not checked"
fi
dup=20000
[ "$n" -gt 20010 ] || dup=$((n - 10))
gen_export "$n" "$T/big.csv"
code2=$(sed -n 3p "$T/big.csv" | cut -d, -f1)
code100=$(sed -n 102p "$T/big.csv" | cut -d, -f1)
cat >"$T/want-bad" <<EOT
$((dup + 2))	mã hồ sơ "$code100" trùng với dòng 102
$((n - 3))	ngày tiếp nhận "31/02/2026" không phải ngày
EOT
# blocks that end between the CR and the LF inside row 2's quoted holder
off=$(grep -a -b -o '(ủy quyền cho con trai)' "$T/big.csv" | head -n 1 | cut -d: -f1)
export CCHC_IMPORT_BLOCK=$((off - 1))
rm -f "$T/big.db"
CCHC_DB="$T/big.db" run "$CCHC" dossier import "$T/big.csv"
expect_rc 1
sed -n 's/^cchc: dòng \([0-9]*\): /\1	/p' "$T/err" >"$T/bad"
expect_file "$T/want-bad" "$T/bad"
expect_grep "không nhập gì vì có 2 dòng lỗi; sửa tệp, hoặc thêm --skip-bad để nhập $((n - 2)) hồ sơ hợp lệ" "$T/err"
[ "$(CCHC_DB="$T/big.db" "$CCHC" dossier list --format tsv | wc -l)" -eq 0 ] ||
	fail "a refused import of $n rows stored some"
CCHC_DB="$T/big.db" run "$CCHC" dossier import "$T/big.csv" --skip-bad
expect_rc 0
expect_grep "Đã nhập $((n - 2)) hồ sơ: $((n - 2)) mới, 0 cập nhật, 0 không đổi; bỏ qua 2 dòng lỗi." "$T/out"
sed -n 's/^cchc: dòng \([0-9]*\): /\1	/p' "$T/err" >"$T/bad"
expect_file "$T/want-bad" "$T/bad"
[ "$(CCHC_DB="$T/big.db" "$CCHC" dossier list --format tsv | wc -l)" -eq $((n - 2)) ] ||
	fail "not $((n - 2)) dossiers after the import"
CCHC_DB="$T/big.db" run "$CCHC" dossier show "$code2"
expect_grep "Chủ hồ sơ: Hộ kinh doanh Trần Thị Bình (ủy quyền cho con trai)" "$T/out"
CCHC_DB="$T/big.db" run "$CCHC" dossier show "$code100"
expect_grep "Ngày tiếp nhận: " "$T/out"
# the same file again, in whole blocks: nothing new, the repeat still found
unset CCHC_IMPORT_BLOCK
CCHC_DB="$T/big.db" run "$CCHC" dossier import "$T/big.csv" --skip-bad
expect_rc 0
expect_grep "Đã nhập $((n - 2)) hồ sơ: 0 mới, 0 cập nhật, $((n - 2)) không đổi; bỏ qua 2 dòng lỗi." "$T/out"
sed -n 's/^cchc: dòng \([0-9]*\): /\1	/p' "$T/err" >"$T/bad"
expect_file "$T/want-bad" "$T/bad"
# a byte that is not UTF-8 near the end, after thousands of rows were
# stored: refused with its line, and the database is as before
{ cat "$T/big.csv"; printf 'X-1,Cấp phép \377,Lĩnh vực\r\n'; } >"$T/late-fault.csv"
CCHC_IMPORT_BLOCK=4096 CCHC_DB="$T/big.db" run "$CCHC" dossier import "$T/late-fault.csv" --skip-bad
expect_rc 1
expect_grep "late-fault.csv không phải UTF-8: dòng $((n + 3)) có byte không hợp lệ" "$T/err"
expect_grep "--encoding" "$T/err"
expect_no_grep "Đã nhập" "$T/out"
[ "$(CCHC_DB="$T/big.db" "$CCHC" dossier list --format tsv | wc -l)" -eq $((n - 2)) ] ||
	fail "a refused file changed the dossiers"

# ---- 200,000 rows in little memory; the big-import mode (date indexes and
# history triggers dropped, then put back) leaves the schema as it was, and
# a refusal puts everything back too
if [ -z "${CCHC_VALGRIND:-}" ]; then
	gen_export 200000 "$T/huge.csv"
	rm -f "$T/huge.db"
	CCHC_DB="$T/huge.db" "$CCHC" unit add "Phòng Quản lý Thương mại" --code QLTM >/dev/null || fail unit
	schema() {
		sqlite3 "$T/huge.db" "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'dossier' \
			ORDER BY name" >"$1"
	}
	schema "$T/schema.before"
	CCHC_DB="$T/huge.db" run "$CCHC" dossier import "$T/huge.csv"
	expect_rc 1
	expect_grep "không nhập gì vì có 2 dòng lỗi" "$T/err"
	schema "$T/schema.after"
	expect_file "$T/schema.before" "$T/schema.after"
	[ "$(sqlite3 "$T/huge.db" 'SELECT count(*) FROM dossier')" -eq 0 ] || fail "refused rows stored"
	rc=0
	CCHC_DB="$T/huge.db" /usr/bin/time -f %M -o "$T/rss" "$CCHC" dossier import "$T/huge.csv" \
		--skip-bad >"$T/out" 2>"$T/err" || rc=$?
	expect_rc 0
	expect_grep "Đã nhập 199998 hồ sơ: 199998 mới, 0 cập nhật, 0 không đổi; bỏ qua 2 dòng lỗi." "$T/out"
	# bulk mode dropped and made again the connection's temporary history
	# triggers, and did not put them into the file
	[ "$(sqlite3 "$T/huge.db" "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' \
		AND name GLOB 'history_*'")" = 0 ] || fail "the bulk import stored history triggers"
	expect_grep "mã hồ sơ \"$code100\" trùng với dòng 102" "$T/err"
	if ldd "$CCHC" 2>/dev/null | grep -q libasan; then
		echo "sanitizer build: memory peak not checked ($(cat "$T/rss") KB)"
	else
		[ "$(cat "$T/rss")" -lt 20480 ] || fail "peak memory $(cat "$T/rss") KB importing 200,000 rows"
	fi
	schema "$T/schema.after"
	expect_file "$T/schema.before" "$T/schema.after"
	[ "$(sqlite3 "$T/huge.db" 'PRAGMA integrity_check')" = ok ] || fail "integrity"
	[ "$(sqlite3 "$T/huge.db" "SELECT count(*) FROM dossier d JOIN unit u ON u.id = d.unit_id \
		WHERE u.code = 'QLTM'")" -gt 0 ] || fail "no dossier got its unit"
	CCHC_DB="$T/huge.db" run "$CCHC" dossier list --period 2026-Q1 --limit 3 --format tsv
	[ "$(wc -l <"$T/out")" -eq 3 ] || fail "list after a big import: $(cat "$T/err")"
	# what the import did is one labelled action in the history
	CCHC_DB="$T/huge.db" run "$CCHC" history
	expect_grep "Nhập 199998 hồ sơ từ tệp xuất của hệ thống một cửa" "$T/out"
fi
exit 0
