#!/bin/sh
# The check at open (issue 19): PRAGMA quick_check runs only when the last
# cchc to have the database open did not close it (killed, a power cut),
# not whenever a -wal file is there: another cchc open, the sqlite3 shell
# open, or a -wal a read-only session left behind costs no check. The
# full-screen program runs a due check in the background after the first
# screen, and says so on the status line. CCHC_TRACE_SQL shows the check.
. "${top_srcdir:-.}/tests/cli/lib.sh"
command -v sqlite3 >/dev/null || { echo "SKIP: sqlite3 command not installed"; exit 77; }
if [ -n "${CCHC_VALGRIND:-}" ]; then
	echo "SKIP: under valgrind \$CCHC is a wrapper script, which a kill would hit instead of cchc"
	exit 77
fi
export CCHC_NO_AUTO_BACKUP=1
holder= waiting=
trap 'release_write_lock; [ -z "$waiting" ] || kill -9 "$waiting" 2>/dev/null; rm -rf "$T"' EXIT

# checked LABEL: runs `unit list` traced; $checks is how many quick_checks ran
checked() {
	rm -f "$T/trace"
	CCHC_TRACE_SQL="$T/trace" run "$CCHC" unit list
	expect_rc 0
	expect_grep "Văn phòng" "$T/out"
	checks=$(grep -c 'PRAGMA quick_check' "$T/trace" || true)
}
expect_checks() {
	[ "$checks" -eq "$1" ] || fail "$2: $checks quick_check(s), expected $1"
}

"$CCHC" --create unit add "Văn phòng" --code VP >/dev/null || fail "create"
[ "$(head -c 1 "$CCHC_DB-lock")" = 0 ] || fail "no clean mark after a clean close"
checked; expect_checks 0 "a clean start"

# another cchc has the file open (and a -wal beside it): no check
hold_write_lock "$CCHC_DB"
cchc_open_waiting "$CCHC_DB"
[ -e "$CCHC_DB-wal" ] || fail "no -wal while another cchc is open"
checked; expect_checks 0 "another cchc open"
release_write_lock
wait "$waiting" || fail "the waiting cchc failed"
waiting=
checked; expect_checks 0 "after the other cchc closed"

# the sqlite3 shell open, and a -wal a read-only session left: no check
hold_write_lock "$CCHC_DB"
checked; expect_checks 0 "the sqlite3 shell open"
release_write_lock
: >>"$CCHC_DB-wal"
checked; expect_checks 0 "a -wal left by another program"

# a cchc killed: the next open checks, once
cchc_killed "$CCHC_DB"
checked; expect_checks 1 "after a cchc was killed"
checked; expect_checks 0 "the open after the check"

# a cchc that only reads leaves the lock file as it was (no write and no
# fsync of its own: the mark is made at the first write), and killed, it
# costs the next open no check; a writer still marks before it writes
# (cchc_open_waiting waits for the mark while the writer waits for its lock)
printf 'key q\n' >"$T/script"   # the first run writes: the demo data, the day's deadlines
"$CCHC" --script "$T/script" --dump "$T/dump" --size 100x20 || fail "the program did not run"
rm -f "$T/dump"
printf 'dump\nrun sleep 30\nkey q\n' >"$T/script"
"$CCHC" --script "$T/script" --dump "$T/dump" --size 100x20 &
reader=$!
i=0
until grep -q "Tổng quan" "$T/dump" 2>/dev/null; do
	i=$((i + 1))
	[ "$i" -lt 200 ] || fail "the program did not paint"
	sleep 0.05
done
[ "$(head -c 1 "$CCHC_DB-lock")" = 0 ] || fail "a cchc that only reads marked the lock file"
kill -9 "$reader"
wait "$reader" 2>/dev/null
checked; expect_checks 0 "after a cchc that only read was killed"

# killed while another cchc stays open: the one that is left does not
# check; once all are gone the mark of the killed one is cleared by the last
hold_write_lock "$CCHC_DB"
cchc_open_waiting "$CCHC_DB"
first=$waiting
cchc_open_waiting "$CCHC_DB"
kill -9 "$waiting"
wait "$waiting" 2>/dev/null
waiting=$first
checked; expect_checks 0 "a neighbour killed, another still open"
release_write_lock
wait "$waiting" 2>/dev/null
waiting=

# the day's backup a write starts (a cchc of its own) holds the writer's
# lock from the start: the writer killed before the backup has taken a lock
# of its own leaves no moment when the file looks closed to the next cchc.
# strace holds every open of the lock file for 1.5 s: the writer's, then
# the backup's, during which the writer is killed.
if command -v strace >/dev/null && command -v flock >/dev/null &&
	strace -f -o /dev/null -e inject=openat:delay_enter=1 true 2>/dev/null; then
	rm -rf "$(dirname "$CCHC_DB")/backups"
	CCHC_NO_AUTO_BACKUP= CCHC_BACKUP_WAIT=1 strace -f -o /dev/null -P "$CCHC_DB-lock" \
		-e trace=openat -e inject=openat:delay_enter=1500000 \
		"$CCHC" unit add "Phòng sao lưu" --code SL >/dev/null 2>&1 &
	tracer=$!
	i=0
	until pgrep -f -- "--db $CCHC_DB backup --daily" >/dev/null; do
		i=$((i + 1))
		[ $i -lt 100 ] || fail "the day's backup did not start"
		sleep 0.05
	done
	writer=$(pgrep -f -- "^$CCHC unit add Phòng sao lưu") || fail "no writer to kill"
	kill -9 $writer
	sleep 0.2
	if flock -n -x "$CCHC_DB-lock" true; then
		fail "the lock was free while the day's backup of a killed cchc started"
	fi
	wait "$tracer" 2>/dev/null
	flock -w 30 -x "$CCHC_DB-lock" true || fail "the day's backup did not end"
	checked
	[ "$checks" -le 1 ] || fail "after the backup's handover: $checks checks"
	checked; expect_checks 0 "after the backup's handover, the next open"
else
	echo "note: strace with fault injection or flock missing: the backup's lock handover is not tested"
fi

# without waiting for it (as the clerk's cchc does): the writer ends while
# its backup starts, and neither waits for the other's lock, nor does the
# next cchc
rm -rf "$(dirname "$CCHC_DB")/backups"
CCHC_NO_AUTO_BACKUP= timeout 30 "$CCHC" unit add "Phòng sao lưu 2" --code SL2 >/dev/null 2>&1 ||
	fail "the first write of a day did not end by itself"
CCHC_NO_AUTO_BACKUP= timeout 30 "$CCHC" unit list >/dev/null 2>&1 ||
	fail "the cchc after the day's first write waited for its backup's lock"
if command -v flock >/dev/null; then
	flock -w 30 -x "$CCHC_DB-lock" true || fail "the day's backup never ended"
fi
ls "$(dirname "$CCHC_DB")/backups/"*.db >/dev/null 2>&1 || fail "no backup of the day"
checked; expect_checks 0 "after the day's backup ended"

# a database of an older cchc (no lock file) with a -wal left: checked
rm -f "$CCHC_DB-lock"
: >>"$CCHC_DB-wal"
checked; expect_checks 1 "no lock file and a -wal left over"
checked; expect_checks 0 "the lock file made"

# the full-screen program: the first screen is up, the check runs behind it
cchc_killed "$CCHC_DB"
printf 'dump\nrun sleep 1\nidle\ndump\nkey q\n' >"$T/script"
CCHC_TRACE_SQL="$T/trace" "$CCHC" --script "$T/script" --dump "$T/dump" --size 100x20 ||
	fail "the program did not run"
expect_grep "Đang kiểm tra cơ sở dữ liệu (lần trước cchc không được đóng đúng cách)" "$T/dump"
expect_grep "Đã kiểm tra cơ sở dữ liệu: tốt." "$T/dump"
expect_grep "Tổng quan" "$T/dump"
expect_no_grep "quick_check" "$T/trace"
checked; expect_checks 0 "after the program's check passed"

# the program quits before its check ends: the check is still due
cchc_killed "$CCHC_DB"
printf 'key q\n' >"$T/script"
"$CCHC" --exit-after-paint --script "$T/script" --dump "$T/dump" || fail "program"
checked; expect_checks 1 "after a program that quit before its check"

# a damaged page found by the program's check: the error names the backup
"$CCHC" backup >/dev/null || fail "backup"
pages=$(sqlite3 "$CCHC_DB" 'PRAGMA page_count')
head -c 4096 /dev/zero | tr '\0' '\377' |
	dd of="$CCHC_DB" bs=4096 seek=$((pages / 2)) conv=notrunc 2>/dev/null
cchc_killed "$CCHC_DB"
printf 'dump\nrun sleep 1\nidle\ndump\nkey j\ndump\nkey 3 1\ndump\nkey q\n' >"$T/script"
"$CCHC" --script "$T/script" --dump "$T/dump" --size 160x30 || fail "the program did not run"
# the damage is a box with the whole message (the backup to restore) until a
# key, then stays on the Overview, also after going to another screen and back
awk '/^--- dump 2 ---/ { p = 1 } /^--- dump 3 ---/ { p = 0 } p' "$T/dump" > "$T/d2"
awk '/^--- dump 3 ---/ { p = 1 } /^--- dump 4 ---/ { p = 0 } p' "$T/dump" > "$T/d3"
awk '/^--- dump 4 ---/ { p = 1 } p' "$T/dump" > "$T/d4"
expect_grep "bị hỏng" "$T/d2"
expect_grep "Nhấn phím bất kỳ để đóng" "$T/d2"
expect_grep "Bản sao lưu tốt mới nhất" "$T/d2"
expect_no_grep "Nhấn phím bất kỳ để đóng" "$T/d3"
for d in "$T/d3" "$T/d4"; do
	expect_grep "LỖI: kiểm tra cơ sở dữ liệu không đạt" "$d"
	expect_grep "bị hỏng" "$d"
	expect_grep "cchc restore" "$d"
done
run "$CCHC" unit list
expect_rc 1
expect_grep "cchc restore" "$T/err"
