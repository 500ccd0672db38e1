#!/bin/sh
# In a real terminal (tmux): the full-screen program asked to open a
# database file that is not there (--db demo.db) asks before making it.
# "k" makes nothing and exits 1; "c" makes it and shows the sample data;
# without a terminal the same command is refused, as on the command line.
. "$top_srcdir/tests/screen/lib.sh"
command -v tmux > /dev/null 2>&1 || { echo "tmux not installed: skipped"; exit 77; }
unset CCHC_CREATE
# one tmux server per run of cchc (a new one on a socket just left races
# with the old one's exit)
sock="cchc-test-$$-1"
trap 'for sock in "cchc-test-$$-1" "cchc-test-$$-2"; do tm kill-server > /dev/null 2>&1 || true; done;
	rm -rf "$tmp"' EXIT

mkdir "$tmp/w"
start() {
	tm -u new-session -d -s t -x 100 -y 30 -c "$tmp/w" \
		"env -u CCHC_CREATE -u CCHC_DB HOME='$HOME' XDG_CONFIG_HOME='$XDG_CONFIG_HOME' \
		 XDG_DATA_HOME='$XDG_DATA_HOME' LC_ALL=C.UTF-8 TERM=screen '$CCHC' --db demo.db; \
		 echo cchc-exited-\$?; sleep 30"
}

# "k": nothing is made
start
wait_for "Không có tệp dữ liệu demo.db."
wait_for "Tạo một cơ sở dữ liệu mới ở đó? Gõ c (có) hoặc k (không) rồi Enter:"
tm send-keys -t t k Enter
wait_for "cchc-exited-1"
grep -qF "không tạo cơ sở dữ liệu mới" "$tmp/pane"
[ ! -e "$tmp/w/demo.db" ] || { echo "demo.db made after k"; exit 1; }
sock="cchc-test-$$-2"

# "c": made, the sample data shown
start
wait_for "Tạo một cơ sở dữ liệu mới ở đó?"
tm send-keys -t t c Enter
wait_for "Đây là dữ liệu mẫu"
tm send-keys -t t Escape
tm send-keys -t t q
wait_for "cchc-exited-0"
[ -f "$tmp/w/demo.db" ] || { echo "demo.db not made after c"; exit 1; }

# no terminal: refused, nothing made
rc=0
(cd "$tmp/w" && env -u CCHC_DB "$CCHC" --db other.db < /dev/null > "$tmp/out" 2> "$tmp/err") || rc=$?
[ "$rc" -eq 1 ] || { echo "exit $rc without a terminal"; exit 1; }
grep -qF "Không có tệp dữ liệu other.db" "$tmp/err"
[ ! -e "$tmp/w/other.db" ]
exit 0
