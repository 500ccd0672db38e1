#!/bin/sh
# Opening an evidence file on a machine with no program for its type, in a
# real terminal under tmux: the opener (a stand-in for xdg-open that prints
# on stdout and stderr and ends with xdg-open's "no method" status 3) never
# writes across the screen; the status line says why the file did not open
# and asks for a folder to take it out to; the file arrives there byte for
# byte, in a folder made after asking "Tạo thư mục?". Esc on that prompt
# leaves everything as it was.
. "$top_srcdir/tests/screen/lib.sh"
command -v tmux > /dev/null 2>&1 || { echo "tmux not installed: skipped"; exit 77; }
. "$screen_dir/tasks-data.inc"
. "$screen_dir/evidence-data.inc"
trap 'tm kill-server > /dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
WAIT_SECONDS=10
mkdir -p "$tmp/run" "$tmp/out"
chmod 700 "$tmp/run"
cat > "$tmp/noviewer" <<'O'
#!/bin/sh
echo "xdg-open: no method available for opening '$1'"
echo "OPENER-STDERR-NOISE" >&2
exit 3
O
chmod +x "$tmp/noviewer"
tm -u new-session -d -s t -x 120 -y 30 \
	"env CCHC_DB='$CCHC_DB' HOME='$HOME' XDG_CONFIG_HOME='$XDG_CONFIG_HOME' \
	 XDG_DATA_HOME='$XDG_DATA_HOME' XDG_RUNTIME_DIR='$tmp/run' CCHC_OPENER='$tmp/noviewer' \
	 CCHC_TODAY=$CCHC_TODAY CCHC_NO_AUTO_BACKUP=1 LC_ALL=C.UTF-8 TERM=screen '$CCHC'; \
	 echo cchc-exited-\$?; sleep 30"
wait_for "Trợ giúp"
tm send-keys -t t 8
wait_for "Ban hành Kế hoạch"
# no. 1 (one file, ke-hoach.txt) is the row with the decision
tm send-keys -t t -l /
tm send-keys -t t -l "15/QĐ"
tm send-keys -t t Enter
tm send-keys -t t o
wait_for "Máy này chưa có chương trình mở tệp .txt ($tmp/noviewer báo lỗi 3). Xuất ra thư mục"
if grep -q "no method\|OPENER-STDERR-NOISE" "$tmp/pane"; then
	echo "the opener's output reached the screen:"; cat "$tmp/pane"; exit 1
fi
tm send-keys -t t Escape
sleep 0.3
[ -z "$(ls "$tmp/out")" ] || { echo "Esc exported files"; exit 1; }
tm send-keys -t t o
wait_for "Xuất ra thư mục (Esc: thôi):"
tm send-keys -t t -l "$tmp/out/moi"
tm send-keys -t t Enter
wait_for "Chưa có thư mục $tmp/out/moi. Tạo thư mục? [c/K]"
tm send-keys -t t c
wait_for "Đã xuất các tệp của tài liệu số 1 vào $tmp/out/moi"
cmp "$tmp/out/moi/ke-hoach.txt" "$tmp/ke-hoach.txt" || { echo "the file differs"; exit 1; }
tm capture-pane -p > "$tmp/pane"
if grep -q "no method\|OPENER-STDERR-NOISE" "$tmp/pane"; then
	echo "the opener's output reached the screen:"; cat "$tmp/pane"; exit 1
fi
exit 0
