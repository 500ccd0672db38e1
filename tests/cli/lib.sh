# Shared setup for command tests: a private temporary home and database,
# and small assertion helpers. Source it; it sets T, and fails the test on
# the first broken assertion (exit 1) with a readable message.
set -u
: "${CCHC:?CCHC must name the cchc binary (run through make check)}"
: "${FIXTURES:?FIXTURES must name tests/fixtures}"
T=$(mktemp -d "${TMPDIR:-/tmp}/cchc-test.XXXXXX") || exit 99
trap 'rm -rf "$T"' EXIT
export HOME="$T/home" XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config"
export CCHC_DB="$T/cchc.db"
mkdir -p "$HOME"

# The sqlite3 shell waits for a lock as cchc does: the day's backup runs in a
# process of its own after the first write of a day, and its open and close
# take brief locks a shell without a timeout reports as "database is locked".
sqlite3() { command sqlite3 -cmd '.timeout 10000' "$@"; }

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# run CMD...: runs it, keeping stdout in $T/out, stderr in $T/err, status in $rc.
run() {
	rc=0
	"$@" >"$T/out" 2>"$T/err" || rc=$?
}

expect_rc() {
	[ "$rc" -eq "$1" ] || fail "exit status $rc, expected $1 (stderr: $(cat "$T/err"))"
}

# expect_file EXPECTED ACTUAL: the two files are identical.
expect_file() {
	diff -u "$1" "$2" >&2 || fail "output differs from $1"
}

# expect_grep PATTERN FILE: a fixed string occurs in FILE.
expect_grep() {
	grep -qF -- "$1" "$2" || fail "\"$1\" not found in $2: $(head -c 600 "$2")"
}

expect_no_grep() {
	if grep -qF -- "$1" "$2"; then fail "\"$1\" unexpectedly found in $2"; fi
}

# raw_sql SQL: runs SQL on the test database through the sqlite3 shell, to
# plant faults. The history and kept-data triggers are cchc's temporary
# ones, so the edit is neither recorded nor counted nor indexed; the guards
# that refuse such a write (they call cchc's SQL function cchc_kept,
# unknown to the shell; the next open of cchc makes them again), and any
# history triggers stored by an older cchc, are dropped first.
raw_sql() {
	drops=$(sqlite3 "$CCHC_DB" "SELECT group_concat('DROP TRIGGER ' || name, '; ') FROM \
		sqlite_master WHERE type = 'trigger' AND (name GLOB 'history_*' OR \
		name GLOB 'kept_guard_*')")
	sqlite3 "$CCHC_DB" "${drops:+$drops;} $1"
}

# cchc_sql SQL: runs SQL in one transaction through cchc's own connection
# (tests/screen/run_sql), with its tokenizer and the triggers every cchc
# makes before it writes: a change no command makes (a row moved by hand)
# is then indexed and counted as cchc's writers would.
cchc_sql() {
	"$top_builddir/tests/screen/run_sql" "$1"
}

# sql_leave_wal DB SQL...: runs the statements on DB in WAL mode through
# Python's sqlite3 and exits without closing it, so that the changes stay in
# DB-wal (as after a kill, or in a copy taken while the program ran).
sql_leave_wal() {
	py=python3
	[ -x /usr/bin/python3 ] && py=/usr/bin/python3
	"$py" - "$@" <<'PYEOF'
import os, sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("PRAGMA journal_mode = WAL")
c.execute("PRAGMA wal_autocheckpoint = 0")
for sql in sys.argv[2:]:
    c.execute(sql)
c.commit()
os._exit(0)  # no close: no checkpoint, the -wal stays
PYEOF
}

# hold_write_lock DB: the sqlite3 shell takes DB's write lock and keeps it
# (until release_write_lock, or 20 s); returns once it holds it.
hold_write_lock() {
	(echo '.timeout 10000'; echo 'BEGIN IMMEDIATE;'; sleep 20; echo 'COMMIT;') | command sqlite3 "$1" >/dev/null 2>&1 &
	holder=$!
	i=0
	# (the shell itself, without the timeout: the probe must fail at once)
	while command sqlite3 "$1" 'BEGIN IMMEDIATE; ROLLBACK;' >/dev/null 2>&1; do
		i=$((i + 1))
		[ "$i" -lt 200 ] || fail "the sqlite3 shell did not take the write lock"
		sleep 0.05
	done
}

release_write_lock() {
	kill "$holder" 2>/dev/null
	wait "$holder" 2>/dev/null
	holder=
}

# cchc_open_waiting DB: a cchc that has DB open (it waits for the write lock
# held by hold_write_lock, as a clerk's program sits open); its pid in
# $waiting, returned once it has taken its place in DB-lock.
cchc_open_waiting() {
	CCHC_DB="$1" CCHC_NO_AUTO_BACKUP=1 "$CCHC" unit add "Phòng chờ" --code CHO >/dev/null 2>&1 &
	waiting=$!
	i=0
	until [ "$(head -c 1 "$1-lock" 2>/dev/null)" = 1 ] && [ -e "$1-wal" ]; do
		i=$((i + 1))
		[ "$i" -lt 200 ] || fail "cchc did not open $1"
		sleep 0.05
	done
	sleep 0.2   # in the busy wait for the lock
}

# cchc_killed DB: a cchc with DB open is killed (SIGKILL), as a crash or a
# power cut ends it. Under valgrind ($CCHC a wrapper script, which a kill
# would hit instead) the mark such a cchc leaves in DB-lock is planted.
cchc_killed() {
	if [ -n "${CCHC_VALGRIND:-}" ]; then
		printf 1 >"$1-lock"
		return
	fi
	hold_write_lock "$1"
	cchc_open_waiting "$1"
	kill -9 "$waiting"
	st=0
	wait "$waiting" 2>/dev/null || st=$?
	release_write_lock
	[ "$st" -eq 137 ] || fail "cchc ended by itself (status $st) before it was killed"
}
