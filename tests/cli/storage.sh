#!/bin/sh
# Where the data lives, its permissions, a read-only database, a database
# from a newer cchc, another cchc holding the write lock.
. "${top_srcdir:-.}/tests/cli/lib.sh"
command -v sqlite3 >/dev/null || { echo "SKIP: sqlite3 command not installed"; exit 77; }

# default location: $XDG_DATA_HOME/cchc/cchc.db, folder 0700, file 0600
unset CCHC_DB
run "$CCHC" plan import "$FIXTURES/so-ngoai-vu-2024.txt"
expect_rc 0
db="$XDG_DATA_HOME/cchc/cchc.db"
[ -f "$db" ] || fail "no database at $db"
[ "$(stat -c %a "$XDG_DATA_HOME/cchc")" = 700 ] || fail "folder mode $(stat -c %a "$XDG_DATA_HOME/cchc")"
[ "$(stat -c %a "$db")" = 600 ] || fail "file mode $(stat -c %a "$db")"
[ "$(sqlite3 "$db" 'PRAGMA journal_mode')" = wal ] || fail "not in WAL mode"

# without XDG_DATA_HOME: ~/.local/share/cchc/cchc.db (the default place
# needs no --create)
(unset XDG_DATA_HOME CCHC_CREATE; "$CCHC" plan list >/dev/null) || fail "plan list with HOME only"
[ -f "$HOME/.local/share/cchc/cchc.db" ] || fail "no database under ~/.local/share"

# a path given with --db or CCHC_DB that is not there is refused, nothing
# made (no folder either), unless --create (CCHC_CREATE=1 in the harnesses)
mkdir "$T/cwd"
run env -u CCHC_CREATE "$CCHC" --db "$T/typo/sub/cchc.bd" unit list
expect_rc 1
expect_grep "Không có tệp dữ liệu $T/typo/sub/cchc.bd" "$T/err"
expect_grep "--create" "$T/err"
[ ! -e "$T/typo" ] || fail "a mistyped --db made $T/typo"
# an empty --db, or a folder, is no database name, --create or not
run "$CCHC" --db "" unit list
expect_rc 1
expect_grep "--db cần tên một tệp dữ liệu" "$T/err"
run "$CCHC" --db "$T/typo/" --create unit list
expect_rc 1
expect_grep "không phải thư mục $T/typo/" "$T/err"
[ ! -e "$T/typo" ] || fail "--db FOLDER/ --create made $T/typo"
CCHC_DB="$T/typo/env.db" run env -u CCHC_CREATE "$CCHC" unit add "Phòng A" --code A
expect_rc 1
expect_grep "Không có tệp dữ liệu $T/typo/env.db" "$T/err"
expect_grep "CCHC_DB" "$T/err"
[ ! -e "$T/typo" ] || fail "a mistyped CCHC_DB made $T/typo"
run env -u CCHC_CREATE "$CCHC" --db "$T/typo/r.db" restore "$T/nothing.db"
expect_rc 1
expect_grep "Không có tệp dữ liệu" "$T/err"
[ ! -e "$T/typo" ] || fail "restore to a mistyped --db made $T/typo"
# commands that need no database do not ask for one
for cmd in "--help" "--version" "unit list --help" "workdays 2026-11-24 5" "holidays 2026"; do
	# shellcheck disable=SC2086
	run env -u CCHC_CREATE "$CCHC" --db "$T/typo/x.db" $cmd
	expect_rc 0
	expect_no_grep "Không có tệp dữ liệu" "$T/err"
done
[ ! -e "$T/typo" ] || fail "a command that needs no database made $T/typo"
run env -u CCHC_CREATE "$CCHC" --create --db "$T/typo/sub/new.db" unit list
expect_rc 0
[ -f "$T/typo/sub/new.db" ] || fail "--create did not make the database"
[ "$(sqlite3 "$T/typo/sub/new.db" 'PRAGMA application_id')" = 1128482883 ] || fail "not cchc's"
run env -u CCHC_CREATE "$CCHC" --db "$T/typo/sub/new.db" unit list
expect_rc 0
# no HOME (nor XDG_DATA_HOME, CCHC_DB, --db): refused, nothing under the
# current folder
(cd "$T/cwd" && env -u HOME -u XDG_DATA_HOME -u CCHC_DB -u CCHC_CREATE "$CCHC" unit list \
	>"$T/out" 2>"$T/err") && fail "no HOME: accepted"
expect_grep "HOME" "$T/err"
[ -z "$(ls -A "$T/cwd")" ] || fail "no HOME: made $(ls -A "$T/cwd")"

# --db wins over CCHC_DB
export CCHC_DB="$T/env.db"
run "$CCHC" --db "$T/opt.db" plan import "$FIXTURES/so-gtvt-2024.md"
expect_rc 0
[ -f "$T/opt.db" ] && [ ! -e "$T/env.db" ] || fail "--db did not take precedence over CCHC_DB"

# a read-only database opens for reading and refuses writes clearly
chmod 0444 "$T/opt.db"
run "$CCHC" --db "$T/opt.db" plan list
expect_rc 0
expect_grep "/KH-SGTVT" "$T/out"
run "$CCHC" --db "$T/opt.db" plan import "$FIXTURES/so-cong-thuong-2024.txt"
expect_rc 1
expect_grep "chỉ đọc" "$T/err"
chmod 0644 "$T/opt.db"
[ "$(sqlite3 "$T/opt.db" 'SELECT count(*) FROM plan')" -eq 1 ] || fail "read-only import wrote"

# a database from a newer cchc is refused and left as it is
sqlite3 "$T/opt.db" 'PRAGMA user_version = 999'
run "$CCHC" --db "$T/opt.db" plan list
expect_rc 1
expect_grep "phiên bản cchc mới hơn" "$T/err"
[ "$(sqlite3 "$T/opt.db" 'PRAGMA user_version')" -eq 999 ] || fail "newer database was changed"

# a file that is not a cchc database
echo "not a database" >"$T/text.db"
cp "$T/text.db" "$T/text.orig"
run "$CCHC" --db "$T/text.db" plan list
expect_rc 1
expect_grep "$T/text.db" "$T/err"
cmp -s "$T/text.db" "$T/text.orig" || fail "a file that is not SQLite was changed"
[ ! -e "$T/text.db-wal" ] && [ ! -e "$T/text.db-shm" ] || fail "-wal or -shm made beside a text file"

# another program's SQLite file is refused before anything is written to it:
# it stays byte for byte as it was (not taken into WAL mode), nothing beside it
sqlite3 "$T/foreign.db" "PRAGMA journal_mode = DELETE; CREATE TABLE t(x); INSERT INTO t VALUES(1);" >/dev/null
cp "$T/foreign.db" "$T/foreign.orig"
for cmd in "plan list" "unit add X --code X" "check" "backup"; do
	# shellcheck disable=SC2086
	run "$CCHC" --db "$T/foreign.db" $cmd
	expect_rc 1
	expect_grep "không phải của cchc" "$T/err"
	cmp -s "$T/foreign.db" "$T/foreign.orig" || fail "$cmd changed another program's database"
	[ ! -e "$T/foreign.db-wal" ] && [ ! -e "$T/foreign.db-shm" ] && [ ! -e "$T/foreign.db-journal" ] ||
		fail "$cmd left a journal beside another program's database"
done
# the same for one in WAL mode (reading it would make -wal and -shm files)
sqlite3 "$T/foreign-wal.db" "PRAGMA journal_mode = WAL; CREATE TABLE t(x);" >/dev/null
cp "$T/foreign-wal.db" "$T/foreign-wal.orig"
run "$CCHC" --db "$T/foreign-wal.db" plan list
expect_rc 1
cmp -s "$T/foreign-wal.db" "$T/foreign-wal.orig" || fail "a foreign WAL database was changed"
[ ! -e "$T/foreign-wal.db-wal" ] && [ ! -e "$T/foreign-wal.db-shm" ] || fail "-wal/-shm beside a foreign WAL database"
# ... and one whose last changes are still in its -wal (its program was
# killed): the header says nothing yet; the file and the -wal stay as they were
sql_leave_wal "$T/fw.db" "CREATE TABLE t(x)" "INSERT INTO t VALUES (1)" ||
	fail "could not make a foreign database with a -wal"
[ -s "$T/fw.db-wal" ] || fail "the foreign database has no -wal to test with"
cp "$T/fw.db" "$T/fw.orig"
cp "$T/fw.db-wal" "$T/fw.wal.orig"
run "$CCHC" --db "$T/fw.db" unit list
expect_rc 1
expect_grep "không phải của cchc" "$T/err"
cmp -s "$T/fw.db" "$T/fw.orig" || fail "a foreign database with a -wal was changed"
cmp -s "$T/fw.db-wal" "$T/fw.wal.orig" || fail "the -wal of a foreign database was changed"
# a cchc database left with its -wal still opens
CCHC_NO_AUTO_BACKUP=1 "$CCHC" --db "$T/cw.db" --create unit add "Phòng Kiểm tra WAL" --code KTW >/dev/null ||
	fail "create cw.db"
sql_leave_wal "$T/cw.db" \
	"INSERT OR REPLACE INTO setting(key, value) VALUES ('org.name', 'Sở Thử WAL')" ||
	fail "could not leave a -wal beside cw.db"
run "$CCHC" --db "$T/cw.db" setting get org.name
expect_rc 0
expect_grep "Sở Thử WAL" "$T/out"

# a file of 0 bytes named with --db (a database lost on a full disk or a bad
# copy) is not quietly made a new, empty database: it needs --create
: >"$T/zero.db"
run env -u CCHC_CREATE "$CCHC" --db "$T/zero.db" unit list
expect_rc 1
expect_grep "trống" "$T/err"
expect_grep "--create" "$T/err"
[ ! -s "$T/zero.db" ] || fail "a 0-byte database was filled without --create"
: >"$T/zero2.db"
run env -u CCHC_CREATE "$CCHC" --db "$T/zero.db" --create unit list
expect_rc 0
# restore is how such a file comes back, and needs no --create
"$CCHC" --db "$T/zero.db" backup --to "$T/zero-backup.db" >/dev/null || fail "backup of zero.db"
run env -u CCHC_CREATE "$CCHC" --db "$T/zero2.db" restore "$T/zero-backup.db"
expect_rc 0
[ "$(head -c 15 "$T/zero2.db")" = "SQLite format 3" ] || fail "restore onto a 0-byte file"

# an empty SQLite file (no table, no application id) may still become cchc's
sqlite3 "$T/empty.db" "PRAGMA user_version = 0; VACUUM;"
run "$CCHC" --db "$T/empty.db" unit list
expect_rc 0

# another program holds the write lock: a clear message after the busy timeout
"$CCHC" --db "$T/lock.db" plan list >/dev/null || fail "create lock.db"
# (under valgrind cchc starts slowly: the lock is held longer than its wait)
hold=6
[ -z "${CCHC_VALGRIND:-}" ] || { hold=20; echo "valgrind: the lock is held 20 s"; }
{ echo "BEGIN IMMEDIATE;"; echo "INSERT INTO setting VALUES('x', 'y');"; sleep "$hold"; echo "COMMIT;"; } |
	sqlite3 "$T/lock.db" &
holder=$!
sleep 1
run "$CCHC" --db "$T/lock.db" plan import "$FIXTURES/so-ngoai-vu-2024.txt"
wait "$holder"
expect_rc 1
expect_grep "đang được một chương trình khác ghi (một cchc khác, hoặc một chương trình như sqlite3)" "$T/err"
expect_no_grep "bị một chương trình cchc khác ghi" "$T/err"

# CCHC_TRACE_SQL: each finished statement's time and text, appended
CCHC_TRACE_SQL="$T/trace" run "$CCHC" --db "$T/lock.db" unit list
expect_rc 0
grep -Eq '^ *[0-9]+\.[0-9]{3} ms  SELECT .* FROM unit' "$T/trace" || fail "no unit query in the trace"
lines=$(wc -l < "$T/trace")
CCHC_TRACE_SQL="$T/trace" run "$CCHC" --db "$T/lock.db" unit list
[ "$(wc -l < "$T/trace")" -eq $((lines * 2)) ] || fail "the trace was not appended to"
# ... but never to the database itself, nor its -wal
cp "$T/lock.db" "$T/lock.before"
for target in "$T/lock.db" "$T/lock.db-wal"; do
	CCHC_TRACE_SQL="$target" run "$CCHC" --db "$T/lock.db" unit list
	expect_rc 0
	expect_grep "CCHC_TRACE_SQL: Không ghi vào $target" "$T/err"
done
cmp -s "$T/lock.db" "$T/lock.before" || fail "CCHC_TRACE_SQL appended to the database"
exit 0
