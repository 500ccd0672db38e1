#!/bin/sh
# Progress of long work on a terminal (util/progress.h): through a pty
# (script(1)) a dossier import, a backup, a restore and a check each draw a
# line that updates in place ("\r", erase to the end of the line) with what
# is done, the rows or pages and the percent, and clear it before their own
# last words; with stderr not a terminal they print no progress at all.
. "${top_srcdir:-.}/tests/cli/lib.sh"
command -v script >/dev/null || { echo "SKIP: script(1) not installed"; exit 77; }
export CCHC_NO_AUTO_BACKUP=1

# on_pty OUT CMD...: runs CMD with a terminal for its output, kept in OUT.
on_pty() {
	out=$1
	shift
	rc=0
	script -qec "$*" /dev/null </dev/null >"$out" 2>&1 || rc=$?
}
# has FILE TEXT: TEXT (printf escapes allowed) occurs in FILE, bytes as they are.
has() {
	want=$(printf "$2")
	grep -qF -- "$want" "$1" || fail "\"$2\" not in $1: $(head -c 800 "$1" | cat -v)"
}
no_progress() {
	if grep -q "$(printf '\033')" "$1"; then fail "escape sequences in $1: $(cat -v "$1")"; fi
	expect_no_grep "$2" "$1"
}

# A 3,000-row export: the sample's rows over again, each code made unique.
awk -v n=3000 'BEGIN { RS = "\r\n"; ORS = "\r\n" }
	NR == 1 { print; next }
	NF { row[m++] = $0 }
	END { for (i = 0; i < n; i++) { r = row[i % m]; c = index(r, ",")
		printf "%s%07d%s\r\n", substr(r, 1, c - 5), i + 1, substr(r, c) } }' \
	"$FIXTURES/dossiers/mot-cua-2026.csv" >"$T/big.csv"

on_pty "$T/pty" "'$CCHC' dossier import '$T/big.csv'"
expect_rc 0
has "$T/pty" '\r\033[KNhập hồ sơ: 0 dòng · 0%%'
has "$T/pty" '\r\033[KNhập hồ sơ: 3.000 dòng · 100%%'
has "$T/pty" '\r\033[KBảng mã: UTF-8 có BOM (tự nhận biết)'
has "$T/pty" 'Đã nhập 3000 hồ sơ: 3000 mới'
[ "$(sqlite3 "$CCHC_DB" 'SELECT count(*) FROM dossier')" = 3000 ] || fail "not 3000 dossiers"

# not a terminal: the same import, no progress
CCHC_DB="$T/quiet.db" run "$CCHC" dossier import "$T/big.csv"
expect_rc 0
expect_grep "Đã nhập 3000 hồ sơ" "$T/out"
no_progress "$T/err" "Nhập hồ sơ:"

# backup: the pages copied, then the check of the copy
on_pty "$T/pty" "'$CCHC' backup --to '$T/copy.db'"
expect_rc 0
has "$T/pty" '\r\033[KSao lưu: 0 trang'
has "$T/pty" '\r\033[KSao lưu, kiểm tra bản chép: '
has "$T/pty" "\r\033[K$T/copy.db"
run "$CCHC" backup --to "$T/copy2.db"
expect_rc 0
no_progress "$T/err" "Sao lưu"

# check: the structure, then the evidence files
on_pty "$T/pty" "'$CCHC' check"
expect_rc 0
has "$T/pty" '\r\033[KKiểm tra cấu trúc tệp: '
run "$CCHC" check
no_progress "$T/err" "Kiểm tra cấu trúc"

# restore: the copy of the backup, and of the database kept before it
on_pty "$T/pty" "'$CCHC' restore '$T/copy.db'"
expect_rc 0
has "$T/pty" '\r\033[KKhôi phục: 0 trang'
has "$T/pty" '\r\033[KKhôi phục, giữ bản hiện tại: '
run "$CCHC" restore "$T/copy2.db"
expect_rc 0
no_progress "$T/err" "Khôi phục"

# export: the register of the 2,250 dossiers of 2026 reads its rows (count and
# percent), builds the document, then writes the file; xlsx builds and
# writes in one step. Not on a terminal: the same files, no progress.
run "$CCHC" setting set org.name "Sở Công Thương"
expect_rc 0
on_pty "$T/pty" "'$CCHC' dossier register --period 2026 --format docx --out '$T/so.docx'"
expect_rc 0
has "$T/pty" '\r\033[KSổ theo dõi hồ sơ, đọc hồ sơ: 0 hồ sơ · 0%%'
has "$T/pty" '\r\033[KSổ theo dõi hồ sơ, đọc hồ sơ: 2.250 hồ sơ · 100%%'
has "$T/pty" '\r\033[KXuất tệp, dựng văn bản: 0%%'
has "$T/pty" '\r\033[KXuất tệp, ghi tệp: '
[ "$(head -c 2 "$T/so.docx")" = PK ] || fail "so.docx is not a docx"
on_pty "$T/pty" "'$CCHC' dossier register --period 2026 --format xlsx --out '$T/so.xlsx'"
expect_rc 0
has "$T/pty" '\r\033[KXuất tệp, dựng và ghi tệp: '
run "$CCHC" dossier register --period 2026 --format docx --out "$T/so2.docx"
expect_rc 0
no_progress "$T/err" "Sổ theo dõi hồ sơ, đọc"
expect_no_grep "Xuất tệp" "$T/err"
[ "$(head -c 2 "$T/so2.docx")" = PK ] || fail "so2.docx is not a docx"

# the CCHC report: the period's figures, then the document and the file
on_pty "$T/pty" "'$CCHC' report --period 2026 --format docx --out '$T/bc.docx'"
expect_rc 0
has "$T/pty" '\r\033[KBáo cáo, đọc số liệu của kỳ: '
has "$T/pty" '\r\033[KXuất tệp, dựng văn bản: 0%%'
has "$T/pty" '\r\033[KXuất tệp, ghi tệp: '
run "$CCHC" report --period 2026 --format docx --out "$T/bc2.docx"
expect_rc 0
no_progress "$T/err" "Báo cáo, đọc"
[ "$(head -c 2 "$T/bc2.docx")" = PK ] || fail "bc2.docx is not a docx"
exit 0
