#!/bin/sh
# What a dossier import leaves in the database, pinned (issue 19): the
# rows, the words of the dossiers' search index (search_dossier, read
# through fts5vocab with cchc's tokenizer: tests/bench/gen sql) and the
# monthly counts, as digests of their contents recorded before the import
# was made faster, for a file of generated rows with awkward ones added
# (letters decomposed, upper case with tones, a word longer than the
# tokenizer keeps, letters that fold to two, other scripts, quotes and
# line breaks in cells, empty cells, unknown units, repeated codes, bad
# dates) — imported row by row (a small file), and in the big-import mode
# (a file of more than 50,000 rows: date indexes rebuilt, words indexed in
# one statement, counts recounted at the end). The index is also checked
# against the rows (FTS5 'integrity-check') and by cchc check.
. "${top_srcdir:-.}/tests/cli/lib.sh"
GEN="$top_builddir/tests/bench/gen"
export CCHC_TODAY=2026-12-07

# the awkward rows: 40 of each kind, codes Z-<kind>-<n>
awkward() {
	nfd=$(printf 'Nguye\314\202\314\203n Thi\314\243 Hoa\314\200ng')   # Nguyễn Thị Hoàng, NFD
	long=$(printf '%0300d' 0 | sed 's/0/Đ/g')
	shy=$(printf '\302\255') nbsp=$(printf '\302\240')
	awk -v nfd="$nfd" -v long="$long" -v shy="$shy" -v nbsp="$nbsp" 'BEGIN {
		ORS = "\r\n"
		for (i = 1; i <= 40; i++) {
			d = sprintf("%02d/%02d/2026", i % 28 + 1, i % 11 + 1)
			print "Z-A-" i ",Cấp Giấy phép bán lẻ rượu," "Lưu thông," nfd ",\"Số " i \
				", đường \"\"Lê Lợi\"\"\",0912 345 678," d " 08:20," d ",," \
				"Đang giải quyết,Trực tuyến,QLTM"
			print "Z-B-" i ",CẤP LẠI GIẤY CHỨNG NHẬN ĐỦ ĐIỀU KIỆN,ĐIỆN LỰC,CÔNG TY TNHH " \
				"ĐẦU TƯ XÂY DỰNG ƯU VIỆT,\"Khối 7,\nxã Bắc Sơn\",a.b@c.vn," d "," d "," \
				d ",Đã trả kết quả,Trực tiếp,KHTC"
			print "Z-C-" i ",Thủ tục " long ",Khác,\"Straße İstanbul ﬁnal Ωmega ǅ " \
				"東京 🏠 ٣٤ A-12/B \"\"3,5kg\"\"\",,," d ",," d ",Đã trả kết quả,Bưu chính,XYZ"
			print "Z-D-" i ",,,,,," d ",31/12/2026,15/12/2026,Đã trả kết quả,Trực tiếp,"
			print "Z-E-" i ",Ưu đãi ơn ư ơ,Mềm" shy "gạch" nbsp "cách,Trần  Văn\tBa," \
				",," d "," d "," d ",Trả lại,Trực tuyến,Văn phòng Sở"
		}
		print "Z-A-1,Lặp lại mã,Khác,Người khác,,,02/02/2026,,,Đang giải quyết,Trực tiếp,"
		print "Z-F-1,Ngày sai,Khác,Người khác,,,31/02/2026,,,Đang giải quyết,Trực tiếp,"
	}'
}

# digests DB: one line for each of the rows, the index's words, the counts
digests() {
	rows=$(sqlite3 "$1" "SELECT id, code, procedure, field, holder, address, contact, \
		received_on, due_on, resolved_on, status, channel, unit_id, source, import_id, \
		import_line FROM dossier ORDER BY id" | sha256sum | cut -c1-16) || fail "rows of $1"
	words=$("$GEN" sql "$1" "CREATE VIRTUAL TABLE temp.words USING fts5vocab(main, \
		search_dossier, instance); SELECT term, doc, col FROM temp.words ORDER BY term, doc, \
		col" | sha256sum | cut -c1-16) || fail "words of $1"
	counts=$(sqlite3 "$1" "SELECT * FROM dossier_tally_field WHERE r_online OR r_offline OR \
		s_early OR s_on_time OR s_late ORDER BY 1, 2, 3; SELECT * FROM dossier_tally_unit \
		WHERE r_online OR r_offline OR s_early OR s_on_time OR s_late ORDER BY 1, 2, 3; \
		SELECT * FROM dossier_tally_late" | sha256sum | cut -c1-16) || fail "counts of $1"
	echo "rows $rows words $words counts $counts"
}

# import_pinned NAME FILE ROWS WANT: FILE imported into a new database
# gives the digests WANT, an index that matches the rows, and a clean check
import_pinned() {
	db="$T/$1.db"
	"$GEN" empty "$db" >/dev/null 2>&1 || fail "gen empty"
	CCHC_DB="$db" run "$CCHC" dossier import "$2" --skip-bad
	expect_rc 0
	expect_grep "Đã nhập $3 hồ sơ: $3 mới, 0 cập nhật, 0 không đổi; bỏ qua 2 dòng lỗi." "$T/out"
	got=$(digests "$db")
	[ "$got" = "$4" ] || fail "$1 import: $got, before: $4"
	"$GEN" sql "$db" "INSERT INTO search_dossier(search_dossier) VALUES('integrity-check')" \
		>"$T/out" 2>&1 || fail "$1 import: the index does not match the rows: $(cat "$T/out")"
	CCHC_DB="$db" run "$CCHC" check
	expect_grep "[tốt]   Chỉ mục tìm kiếm: khớp với dữ liệu" "$T/out"
	expect_grep "[tốt]   Số đếm hồ sơ theo tháng: khớp với hồ sơ" "$T/out"
	# words of the awkward rows are found (40 rows of each kind)
	for q in "nguyen thi hoang" "dau tu xay dung uu viet" "istanbul" "strasse" "final" \
		"uu dai" "mem" "gach" "東京" "a 12 b"; do
		CCHC_DB="$db" run "$CCHC" search $q --kind dossier --limit 1000 --format tsv
		expect_rc 0
		[ "$(wc -l <"$T/out")" -eq 40 ] || fail "$1 import: \"$q\" finds $(wc -l <"$T/out")"
	done
}

# ---- row by row: 2,000 generated rows and the awkward ones
"$GEN" csv 2000 "$T/small.csv" >/dev/null || fail "gen csv"
awkward >>"$T/small.csv"
import_pinned small "$T/small.csv" 2200 \
	"rows ca98a029f084c507 words 7625281bbeb7fdb7 counts 938c2b246c6a5e12"

# ---- the big-import mode: 52,000 generated rows and the same awkward ones
if [ -z "${CCHC_VALGRIND:-}" ]; then
	"$GEN" csv 52000 "$T/big.csv" >/dev/null || fail "gen csv"
	awkward >>"$T/big.csv"
	import_pinned big "$T/big.csv" 52200 \
		"rows 63a65e88e16eb378 words f98072f7cf755cf7 counts edbcbb9c7a5f68d6"
fi
exit 0
