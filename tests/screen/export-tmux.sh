#!/bin/sh
# Where the full-screen program writes (issue 14), in a real terminal under
# tmux (220x30, wide enough for the whole status line). The report export
# (F9, p) and the letter print (F11, p) refuse the open database and its
# -wal by any spelling, with the message, never asking "Ghi đè?"; the
# database stays whole. A file that is there is replaced only after "Ghi
# đè? [c/K]": k keeps it byte for byte, c replaces it; a csv folder the
# same way. A file in a folder that is not there asks "Tạo thư mục?" first.
. "$top_srcdir/tests/screen/lib.sh"
command -v tmux > /dev/null 2>&1 || { echo "tmux not installed: skipped"; exit 77; }
. "$screen_dir/registers-data.inc"
"$CCHC" letter add --dossier 000.00.18.H36-260128-0001 --date 20/02/2026 --new-date 10/03/2026 \
	--reason "Chờ ý kiến thẩm định" > /dev/null 2>&1
trap 'tm kill-server > /dev/null 2>&1 || true; rm -rf "$tmp"' EXIT

WAIT_SECONDS=10

# no_question: the status line does not ask "Ghi đè?".
no_question() {
	tm capture-pane -p > "$tmp/pane"
	if grep -qF "Ghi đè?" "$tmp/pane"; then echo "asked Ghi đè? for $1"; cat "$tmp/pane"; exit 1; fi
}

db_intact() {
	[ "$(head -c 15 "$CCHC_DB")" = "SQLite format 3" ] || { echo "the database was replaced ($1)"; exit 1; }
	[ "$(sqlite3 "$CCHC_DB" 'PRAGMA integrity_check')" = ok ] || { echo "integrity ($1)"; exit 1; }
	[ "$(sqlite3 "$CCHC_DB" 'SELECT count(*) FROM dossier')" = "$dossiers" ] ||
		{ echo "dossiers lost ($1)"; exit 1; }
}

# path_prompt FORMAT KEYS...: opens the file prompt (KEYS, then FORMAT
# typed in the list of formats), clears it.
path_prompt() {
	fmt=$1
	shift
	tm send-keys -t t "$@"
	wait_for "chọn định dạng"
	tm send-keys -t t -l "$fmt"
	tm send-keys -t t Enter
	if [ "$fmt" = csv ]; then wait_for "Ghi các biểu vào thư mục:"; else wait_for "$prompt"; fi
	tm send-keys -t t C-u
}

dossiers=$(sqlite3 "$CCHC_DB" 'SELECT count(*) FROM dossier')
mkdir "$tmp/sub"
tm -u new-session -d -s t -x 220 -y 30 \
	"env CCHC_DB='$CCHC_DB' HOME='$HOME' XDG_CONFIG_HOME='$XDG_CONFIG_HOME' \
	 XDG_DATA_HOME='$XDG_DATA_HOME' CCHC_TODAY=$CCHC_TODAY CCHC_NO_AUTO_BACKUP=1 \
	 LC_ALL=C.UTF-8 TERM=screen '$CCHC'; echo cchc-exited-\$?; sleep 30"
wait_for "Trợ giúp"

# ---- the report: the database by name, by another spelling, its -wal
prompt="Ghi báo cáo vào tệp:"
for target in "$CCHC_DB" "$tmp/sub/../cchc.db" "$CCHC_DB-wal"; do
	path_prompt docx F9 p
	tm send-keys -t t -l "$target"
	tm send-keys -t t Enter
	wait_for "Chưa ghi được: Không ghi vào $target: đó là tệp dữ liệu cchc đang dùng"
	no_question "$target"
	db_intact "report to $target"
done

# ---- the report into a file that is there: k keeps it, c replaces it
printf 'bản cũ\n' > "$tmp/bc.txt"
cp "$tmp/bc.txt" "$tmp/keep"
path_prompt txt F9 p
tm send-keys -t t -l "$tmp/bc.txt"
tm send-keys -t t Enter
wait_for "Đã có $tmp/bc.txt. Ghi đè? [c/K]"
tm send-keys -t t k
sleep 0.3
cmp -s "$tmp/keep" "$tmp/bc.txt" || { echo "k replaced bc.txt"; exit 1; }
path_prompt txt p
tm send-keys -t t -l "$tmp/bc.txt"
tm send-keys -t t Enter
wait_for "Ghi đè? [c/K]"
tm send-keys -t t c
wait_for "Đã ghi báo cáo 6 tháng đầu năm 2026 vào $tmp/bc.txt"
grep -q "BÁO CÁO" "$tmp/bc.txt" || { echo "c did not replace bc.txt"; exit 1; }

# ---- a csv folder: made, then asked about, then replaced whole
path_prompt csv p
tm send-keys -t t -l "$tmp/bieu/"
tm send-keys -t t Enter
wait_for "Đã ghi báo cáo 6 tháng đầu năm 2026 vào $tmp/bieu/"
[ "$(ls "$tmp/bieu" | wc -l)" -eq 7 ] || { echo "csv: $(ls "$tmp/bieu")"; exit 1; }
printf 'x\n' > "$tmp/bieu/01-cu.csv"
path_prompt csv p
tm send-keys -t t -l "$tmp/bieu/"
tm send-keys -t t Enter
wait_for "Đã có $tmp/bieu/. Ghi đè? [c/K]"
tm send-keys -t t c
wait_for "Đã ghi báo cáo 6 tháng đầu năm 2026 vào $tmp/bieu/"
[ ! -e "$tmp/bieu/01-cu.csv" ] && [ "$(ls "$tmp/bieu" | wc -l)" -eq 7 ] ||
	{ echo "csv folder not replaced whole: $(ls "$tmp/bieu")"; exit 1; }
[ -z "$(ls -A "$tmp" | grep '^\.bieu')" ] || { echo "hidden folders left: $(ls -A "$tmp")"; exit 1; }

# ---- a folder that is not there: offered for creation; k makes nothing,
# c makes it and writes the report into it
path_prompt txt F9 p
tm send-keys -t t -l "$tmp/moi/quy-4/bc.txt"
tm send-keys -t t Enter
wait_for "Chưa có thư mục $tmp/moi/quy-4. Tạo thư mục? [c/K]"
tm send-keys -t t k
sleep 0.3
[ ! -e "$tmp/moi" ] || { echo "k made the folder"; exit 1; }
path_prompt txt F9 p
tm send-keys -t t -l "$tmp/moi/quy-4/bc.txt"
tm send-keys -t t Enter
wait_for "Tạo thư mục? [c/K]"
tm send-keys -t t c
wait_for "Đã ghi báo cáo 6 tháng đầu năm 2026 vào $tmp/moi/quy-4/bc.txt"
grep -q "BÁO CÁO" "$tmp/moi/quy-4/bc.txt" || { echo "no report in the new folder"; exit 1; }

# ---- the letter: the database refused; a file there asked about
prompt="Ghi phiếu vào tệp:"
for target in "$CCHC_DB" "$tmp/sub/../cchc.db" "$CCHC_DB-wal"; do
	path_prompt docx F11 p
	tm send-keys -t t -l "$target"
	tm send-keys -t t Enter
	wait_for "Chưa in được: Không ghi vào $target: đó là tệp dữ liệu cchc đang dùng"
	no_question "$target"
	db_intact "letter to $target"
done
printf 'phiếu cũ\n' > "$tmp/phieu.txt"
cp "$tmp/phieu.txt" "$tmp/keep"
path_prompt txt p
tm send-keys -t t -l "$tmp/phieu.txt"
tm send-keys -t t Enter
wait_for "Đã có $tmp/phieu.txt. Ghi đè? [c/K]"
tm send-keys -t t Escape
sleep 0.3
cmp -s "$tmp/keep" "$tmp/phieu.txt" || { echo "Esc replaced phieu.txt"; exit 1; }
path_prompt txt p
tm send-keys -t t -l "$tmp/phieu.txt"
tm send-keys -t t Enter
wait_for "Ghi đè? [c/K]"
tm send-keys -t t c
wait_for "Đã ghi phiếu ra tệp $tmp/phieu.txt"
grep -q "VĂN BẢN XIN LỖI" "$tmp/phieu.txt" || { echo "c did not replace phieu.txt"; exit 1; }

tm send-keys -t t q
wait_for "cchc-exited-0"
db_intact end
"$CCHC" check > /dev/null || { echo "cchc check fails afterwards"; exit 1; }
exit 0
