#!/bin/sh
# The search screen as the clerk types, over a big dossier register
# (issue 19): one word typed is looked for among the dossiers as a whole
# word on the key (the prefix, whose words cover most of a million
# dossiers, took 100-300 ms a key), and as the prefix it is once the
# keyboard is idle; a small register gets the prefix at once.
. "${top_srcdir:-.}/tests/cli/lib.sh"
"$CCHC" setting set org.name "Sở Công Thương" >/dev/null || fail setting
"$CCHC" unit add "Phòng Quản lý Thương mại" --code QLTM >/dev/null || fail unit
sqlite3 "$CCHC_DB" "INSERT INTO setting(key, value) VALUES('demo.seeded', '1')" || fail seed
# rows: 100,000 dossiers without the word, then one whose holder has the
# word "Thu" and, newest, one with only a word that begins with it
big() {
	head -n 1 "$FIXTURES/dossiers/mot-cua-2026.csv"
	awk -v n="$1" 'BEGIN { for (i = 1; i <= n; i++)
		printf "B-%07d,Cấp phép,Lĩnh vực,Nguyễn Văn An,,,02/03/2026,12/03/2026,,,Trực tiếp,QLTM\r\n", i
	printf "X-THU,Cấp phép,Lĩnh vực,Lê Thu,,,02/03/2026,12/03/2026,,,Trực tiếp,QLTM\r\n"
	printf "X-THUAN,Cấp phép,Lĩnh vực,Công ty Thuận Phát,,,02/03/2026,12/03/2026,,,Trực tiếp,QLTM\r\n" }'
}
printf 'key 6\ntype thu\ndump\nidle\ndump\n' > "$T/script"

# small: the prefix at once
big 10 > "$T/small.csv"
"$CCHC" dossier import "$T/small.csv" > /dev/null || fail "import small"
"$CCHC" --script "$T/script" --size 100x40 --dump "$T/screen" > /dev/null ||
	fail "search screen (small)"
sed '/^--- dump 2 ---$/,$d' "$T/screen" > "$T/typed"
expect_grep "X-THUAN" "$T/typed"
expect_grep "X-THU " "$T/typed"

# big: the whole word on the key, the prefix at idle
"$CCHC" dossier delete X-THU --force > /dev/null || fail "delete"
"$CCHC" dossier delete X-THUAN --force > /dev/null || fail "delete"
big 100000 | sed 's/^B-/C-/' > "$T/big.csv"
"$CCHC" dossier import "$T/big.csv" > /dev/null || fail "import big"
"$CCHC" --script "$T/script" --size 100x40 --dump "$T/screen" > /dev/null ||
	fail "search screen (big)"
sed '/^--- dump 2 ---$/,$d' "$T/screen" > "$T/typed"
sed '1,/^--- dump 2 ---$/d' "$T/screen" > "$T/idle"
expect_grep "X-THU · Lê Thu" "$T/typed"
expect_no_grep "X-THUAN" "$T/typed"
expect_grep "2 kết quả" "$T/typed"
expect_grep "X-THUAN · Công ty Thuận Phát" "$T/idle"
expect_grep "X-THU · Lê Thu" "$T/idle"
expect_grep "3 kết quả" "$T/idle"
exit 0
