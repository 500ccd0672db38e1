#!/bin/sh
# End to end in a real terminal: cchc inside tmux (100x30), keys sent with
# send-keys, the screen read with capture-pane; the window is resized to
# 70x20, then below the minimum, then back, and each redraw is checked.
# Typed text arrives as a terminal sends it, through get_wch: "thu tục"
# with the dot below as a combining mark (NFD) shows composed in the filter
# line and filters the outline; the search screen (F5) finds "xin loi".
. "$top_srcdir/tests/screen/lib.sh"
command -v tmux > /dev/null 2>&1 || { echo "tmux not installed: skipped"; exit 77; }
trap 'tm kill-server > /dev/null 2>&1 || true; rm -rf "$tmp"' EXIT

expect_size() {
	tm display-message -p '#{window_width}x#{window_height}' > "$tmp/size"
	[ "$(cat "$tmp/size")" = "$1" ] || { echo "window is $(cat "$tmp/size"), wanted $1"; return 1; }
}

tm -u new-session -d -s t -x 100 -y 30 \
	"env CCHC_DB='$CCHC_DB' HOME='$HOME' XDG_CONFIG_HOME='$XDG_CONFIG_HOME' \
	 XDG_DATA_HOME='$XDG_DATA_HOME' LC_ALL=C.UTF-8 TERM=screen '$CCHC'; \
	 echo cchc-exited-\$?; sleep 30"
wait_for "Đây là dữ liệu mẫu"
tm send-keys -t t Escape
wait_for "Tổng quan: việc cần làm ngay"
tm send-keys -t t 2
wait_for "? Trợ giúp  q Thoát"
tm send-keys -t t g 2 . 3 Enter
wait_for "2.3. Triển khai chỉ số hài lòng"

tm send-keys -t t /
tm send-keys -t t -l "$(printf 'thu tu\314\243c')"
wait_for "lọc: thu tục"
wait_for "(5/20)"   # headings and text (issue 17)
tm send-keys -t t C-w C-w
wait_for "(20/20)"
tm send-keys -t t Escape
tm send-keys -t t F5
wait_for "Tìm:"
tm send-keys -t t -l "xin loi"
wait_for "thư xin lỗi"
tm send-keys -t t F2
wait_for "2.3. Triển khai chỉ số hài lòng"

tm resize-window -t t -x 70 -y 20
expect_size 70x20
wait_for "────────────────────────────┬"
grep -qF "2.3. Triển khai chỉ số" "$tmp/pane"
[ "$(wc -l < "$tmp/pane")" -le 20 ]

tm resize-window -t t -x 50 -y 12
wait_for "Cửa sổ quá nhỏ: cần ít nhất 60×16"
tm resize-window -t t -x 100 -y 30
wait_for "2.3. Triển khai chỉ số hài lòng"
grep -qF "2 Kế hoạch" "$tmp/pane"

tm send-keys -t t q
wait_for "cchc-exited-0"
