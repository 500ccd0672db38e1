#!/bin/sh
# Dossier import guesses the encoding (text/detect.h): the same export in
# UTF-8 with and without a BOM, UTF-16 with a BOM (LE and BE), Windows-1258
# and TCVN3, imported without --encoding, gives the same records, and a line
# says which encoding was read; --encoding overrides the guess and says so;
# bytes that are none of these are refused with a clear message, nothing
# imported. The whole-file reading (the program's i on the dossiers screen)
# guesses the same way: see tests/screen/dossiers.sh.
. "${top_srcdir:-.}/tests/cli/lib.sh"
command -v iconv >/dev/null || { echo "SKIP: iconv command not installed"; exit 77; }
D="$FIXTURES/dossiers"
for u in VP QLTM QLCN KTAT QLNL; do
	CCHC_DB="$T/units.db" "$CCHC" unit add "Đơn vị $u" --code $u >/dev/null || fail "unit $u"
done
sqlite3 "$T/units.db" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null

# the files: the UTF-8 export (it has a BOM) and what iconv makes of it
cp "$D/mot-cua-2026.csv" "$T/bom8.csv"
tail -c +4 "$D/mot-cua-2026.csv" >"$T/plain8.csv"
{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$T/plain8.csv"; } >"$T/le16.csv"
{ printf '\376\377'; iconv -f UTF-8 -t UTF-16BE "$T/plain8.csv"; } >"$T/be16.csv"
cp "$D/mot-cua-2026.cp1258.csv" "$T/cp1258.csv"
cp "$D/mot-cua-2026.tcvn3.csv" "$T/tcvn3.csv"

# import NAME: imports $T/NAME.csv into a fresh copy of the units database;
# its records go to $T/NAME.tsv.
import() {
	rm -f "$T/$1.db"
	cp "$T/units.db" "$T/$1.db"
	shift_name=$1
	shift
	CCHC_DB="$T/$shift_name.db" run "$CCHC" dossier import "$T/$shift_name.csv" "$@"
	expect_rc 0
	expect_grep "Đã nhập 40 hồ sơ: 40 mới" "$T/out"
	CCHC_DB="$T/$shift_name.db" "$CCHC" dossier list --format tsv >"$T/$shift_name.tsv"
}

import plain8
expect_grep "Bảng mã: UTF-8 (tự nhận biết)" "$T/out"
[ "$(wc -l <"$T/plain8.tsv")" -eq 40 ] || fail "not 40 records: $(cat "$T/plain8.tsv")"
expect_grep "Nông Thị Hạnh" "$T/plain8.tsv"
for f in "bom8:UTF-8 có BOM" "le16:UTF-16LE có BOM" "be16:UTF-16BE có BOM" \
	 "cp1258:Windows-1258" "tcvn3:TCVN3"; do
	name=${f%%:*} said=${f#*:}
	import "$name"
	[ "$(head -n 1 "$T/out")" = "Bảng mã: $said (tự nhận biết)" ] ||
		fail "$name: first line $(head -n 1 "$T/out")"
	expect_file "$T/plain8.tsv" "$T/$name.tsv"
done

# --encoding overrides the guess, and the line says so
import cp1258 --encoding cp1258
expect_grep "Bảng mã: Windows-1258 (theo --encoding)" "$T/out"
expect_file "$T/plain8.tsv" "$T/cp1258.tsv"
import tcvn3 --encoding tcvn3
expect_grep "Bảng mã: TCVN3 (theo --encoding)" "$T/out"

# none of these: German in Latin-1, after a good first line; nothing imported
{ head -n 1 "$T/plain8.csv"; printf 'X-1,Gr\374\337e aus M\374nchen,Stra\337e,\304rger \326l,a,b,01/02/2026,,,,,\r\n'; } >"$T/latin1.csv"
cp "$T/units.db" "$T/latin1.db"
CCHC_DB="$T/latin1.db" run "$CCHC" dossier import "$T/latin1.csv"
expect_rc 1
expect_grep "cchc: Tệp hồ sơ $T/latin1.csv không phải UTF-8: dòng 2 có byte không hợp lệ, và đọc theo Windows-1258 hay TCVN3 cũng không ra chữ tiếng Việt. Hãy lưu lại tệp dưới dạng UTF-8, hoặc ghi rõ bảng mã bằng --encoding" "$T/err"
[ "$(sqlite3 "$T/latin1.db" 'SELECT count(*) FROM dossier')" = 0 ] || fail "latin1 imported"
exit 0
