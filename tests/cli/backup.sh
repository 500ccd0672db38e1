#!/bin/sh
# Backups and checks: cchc backup, the daily automatic backup at the first
# write of a day and its rotation, restore and what it refuses, cchc check,
# a damaged database at start, a database from an older cchc.
. "${top_srcdir:-.}/tests/cli/lib.sh"
command -v sqlite3 >/dev/null || { echo "SKIP: sqlite3 command not installed"; exit 77; }

B="$T/backups"
unset CCHC_NO_AUTO_BACKUP
# the daily backup runs in a process of its own, which the write does not
# wait for; here each command waits for it, so that its work can be looked
# at (the background itself is tested at the end)
export CCHC_BACKUP_WAIT=1
q() { sqlite3 "$1" "$2"; }
# the daily backups, by name
dailies() { ls "$B" | grep -E '^cchc-[0-9]{4}-[0-9]{2}-[0-9]{2}\.db$' || true; }
sum() { sha256sum "$1" | cut -d' ' -f1; }

# ---- the daily backup: after the first write of a day, once ----
run "$CCHC" unit list
expect_rc 0
[ ! -e "$B" ] || fail "reading made a backup"
CCHC_TODAY=2026-03-02 run "$CCHC" unit add "Văn phòng" --code VP
expect_rc 0
[ -f "$B/cchc-2026-03-02.db" ] || fail "no daily backup after the day's first write"
[ "$(stat -c %a "$B")" = 700 ] || fail "backups folder mode $(stat -c %a "$B")"
[ "$(stat -c %a "$B/cchc-2026-03-02.db")" = 600 ] || fail "backup file mode"
[ "$(q "$B/cchc-2026-03-02.db" 'PRAGMA integrity_check')" = ok ] || fail "daily backup not ok"
[ "$(q "$B/cchc-2026-03-02.db" 'SELECT count(*) FROM unit')" = 1 ] ||
	fail "the daily backup should hold the database with the day's first write"
inode=$(stat -c %i "$B/cchc-2026-03-02.db")
CCHC_TODAY=2026-03-02 run "$CCHC" unit add "Phòng Kế hoạch" --code KH
expect_rc 0
[ "$(stat -c %i "$B/cchc-2026-03-02.db")" = "$inode" ] || fail "second write of the day backed up again"
[ "$(dailies | wc -l)" -eq 1 ] || fail "more than one daily backup: $(dailies)"
CCHC_TODAY=2026-03-03 run "$CCHC" unit add "Phòng Tài chính" --code TC
expect_rc 0
[ "$(q "$B/cchc-2026-03-03.db" 'SELECT count(*) FROM unit')" = 3 ] || fail "backup of 03-03"

# turned off by the setting, or by CCHC_NO_AUTO_BACKUP=1
CCHC_TODAY=2026-03-03 run "$CCHC" setting set backup.auto no
expect_rc 0
CCHC_TODAY=2026-03-04 run "$CCHC" unit add "Phòng A" --code PA
[ ! -e "$B/cchc-2026-03-04.db" ] || fail "backup.auto no still backed up"
CCHC_TODAY=2026-03-04 run "$CCHC" setting set backup.auto yes
CCHC_TODAY=2026-03-05 CCHC_NO_AUTO_BACKUP=1 run "$CCHC" unit add "Phòng B" --code PB
expect_rc 0
[ ! -e "$B/cchc-2026-03-05.db" ] || fail "CCHC_NO_AUTO_BACKUP=1 still backed up"
[ ! -e "$B/cchc-2026-03-04.db" ] || fail "setting backup.auto back on backed up a day already written"
run "$CCHC" setting set backup.auto maybe
expect_rc 1
run "$CCHC" setting set backup.keep_daily 0
expect_rc 1

# a daily backup that fails does not stop the write: a warning
run sh -c 'ulimit -f 256; trap "" XFSZ; exec "$0" unit add "Phòng C" --code PC' "$CCHC"
expect_rc 0
expect_grep "Chưa sao lưu tự động được: Đĩa đầy" "$T/err"
[ ! -e "$B/cchc-2026-11-24.db" ] || fail "a partial daily backup was left"
[ "$(q "$CCHC_DB" "SELECT count(*) FROM unit WHERE code = 'PC'")" = 1 ] || fail "the write did not go through"
# ... kept until a daily backup succeeds: in cchc check and on the Overview
run "$CCHC" check
expect_rc 0
expect_grep "Sao lưu tự động ngày 2026-11-24: Chưa sao lưu tự động được: Đĩa đầy" "$T/out"
printf 'dump\nkey q\n' >"$T/script"
CCHC_NO_AUTO_BACKUP=1 "$CCHC" --script "$T/script" --dump "$T/dump" --size 120x30 || fail "program"
expect_grep "Lưu ý: sao lưu tự động ngày 24/11/2026 chưa làm được" "$T/dump"
expect_grep "Chưa sao lưu tự động được: Đĩa đầy" "$T/dump"

# ---- rotation: 3 daily, then the newest of each month for 2 months ----
CCHC_TODAY=2026-03-03 run "$CCHC" setting set backup.keep_daily 3
CCHC_TODAY=2026-03-03 run "$CCHC" setting set backup.keep_monthly 2
CCHC_TODAY=2026-03-03 run "$CCHC" backup
expect_rc 0
manual=$(cat "$T/out")
printf '2026-03-02\n2026-03-03\n' >"$T/days"
# 30 days of work six days apart (under valgrind, 12 days fifteen apart:
# the same six months, each day one command of about 3 s there)
days=30 step=6
[ -z "${CCHC_VALGRIND:-}" ] || days=12 step=15
i=0
while [ "$i" -lt "$days" ]; do
	d=$(date -d "2026-03-06 + $((i * step)) days" +%F)
	CCHC_TODAY=$d run "$CCHC" unit add "Đơn vị $i" --code "U$i"
	expect_rc 0
	echo "$d" >>"$T/days"
	i=$((i + 1))
done
sort -r "$T/days" | awk 'NR <= 3 { print; next }
	{ m = substr($0, 1, 7) } m != last && months < 2 { print; last = m; months++ }' |
	sed 's/.*/cchc-&.db/' | sort >"$T/expected-dailies"
dailies | sort >"$T/actual-dailies"
expect_file "$T/expected-dailies" "$T/actual-dailies"
[ -f "$manual" ] || fail "rotation deleted a manual backup"

# ---- cchc backup ----
run "$CCHC" backup --to "$T/copy.db"
expect_rc 0
[ "$(cat "$T/out")" = "$T/copy.db" ] || fail "backup --to printed $(cat "$T/out")"
[ "$(q "$T/copy.db" 'PRAGMA integrity_check')" = ok ] || fail "backup not ok"
[ "$(q "$T/copy.db" 'SELECT group_concat(code) FROM unit')" = \
  "$(q "$CCHC_DB" 'SELECT group_concat(code) FROM unit')" ] || fail "backup rows differ"
[ "$(q "$T/copy.db" 'PRAGMA journal_mode')" = delete ] || fail "a backup should not be in WAL mode"
[ ! -e "$T/copy.db-wal" ] || fail "backup left a -wal"
run "$CCHC" backup --to "$T/copy.db"
expect_rc 1
expect_grep "Đã có tệp" "$T/err"
expect_grep "--force" "$T/err"
# --force replaces it with a checked copy; the database and its journals,
# by any name, never; a folder is named as one
printf 'cũ' >"$T/copy.db"
run "$CCHC" backup --to "$T/copy.db" --force
expect_rc 0
[ "$(q "$T/copy.db" 'PRAGMA integrity_check')" = ok ] || fail "backup --force did not replace"
for target in "$CCHC_DB" "$CCHC_DB-wal" "$CCHC_DB-shm" "$T/./$(basename "$CCHC_DB")"; do
	run "$CCHC" backup --to "$target" --force
	expect_rc 1
	expect_grep "đó là tệp dữ liệu cchc đang dùng" "$T/err"
done
[ "$(q "$CCHC_DB" 'PRAGMA integrity_check')" = ok ] || fail "backup --to wrote over the database"
run "$CCHC" backup --to "$T"
expect_rc 1
expect_grep "là một thư mục" "$T/err"
run "$CCHC" backup --to "$T/missing/copy.db"
expect_rc 1
expect_grep "$T/missing" "$T/err"
[ ! -e "$T/missing" ] || fail "backup into a missing folder left something"
run "$CCHC" backup --to
expect_rc 2
# a full disk (here a file-size limit): a clear message, nothing left
run sh -c 'ulimit -f 64; trap "" XFSZ; exec "$0" backup --to "$1"' "$CCHC" "$T/full.db"
expect_rc 1
expect_grep "Đĩa đầy" "$T/err"
[ ! -e "$T/full.db" ] || fail "a partial backup was left"
ls -a "$T" "$B" | grep -q '\.tmp\.' && fail "a temporary file was left: $(ls -a "$T" "$B")"
run "$CCHC" backup list --format tsv
expect_rc 0
last=$(tail -n 1 "$T/days")
head -n 1 "$T/out" | grep -q "^$B/cchc-$last.db	$last	" || fail "list: $(head -n 2 "$T/out")"
expect_grep "$manual" "$T/out"
run "$CCHC" backup list
expect_grep "hằng ngày" "$T/out"

# ---- restore ----
units=$(q "$CCHC_DB" 'SELECT count(*) FROM unit')
"$CCHC" unit add "Phòng Sau" --code SAU >/dev/null || fail "unit add"
run "$CCHC" restore "$T/copy.db"
expect_rc 0
expect_grep "Đã khôi phục" "$T/out"
[ "$(q "$CCHC_DB" 'SELECT count(*) FROM unit')" = "$units" ] || fail "restore did not bring the rows back"
kept=$(ls "$B" | grep '^cchc-before-restore-' | head -n 1)
[ -n "$kept" ] || fail "the replaced database was not kept"
expect_grep "$B/$kept" "$T/out"
[ "$(q "$B/$kept" "SELECT count(*) FROM unit WHERE code = 'SAU'")" = 1 ] || fail "kept copy lacks the newer row"
[ "$(stat -c %a "$CCHC_DB")" = 600 ] || fail "restored file mode"
run "$CCHC" unit list
expect_rc 0
expect_no_grep "SAU" "$T/out"

# what restore refuses, leaving the database as it was
"$CCHC" unit list >/dev/null
before=$(sum "$CCHC_DB")
echo "không phải cơ sở dữ liệu" >"$T/text.db"
q "$T/other.db" 'CREATE TABLE t(a); INSERT INTO t VALUES(1);'
head -c 100000 "$T/copy.db" >"$T/truncated.db"
cp "$T/copy.db" "$T/page.db"
pages=$(q "$T/page.db" 'PRAGMA page_count')
# the page in use nearest the middle: a free page's bytes are no one's, and
# integrity_check rightly passes them (which page is free follows the schema)
page=$(q "$T/page.db" "SELECT max(pageno) FROM dbstat WHERE pageno <= $((pages / 2 + 1))")
head -c 4096 /dev/zero | tr '\0' '\377' |
	dd of="$T/page.db" bs=4096 seek=$((${page:-$((pages / 2 + 1))} - 1)) conv=notrunc 2>/dev/null
cp "$T/copy.db" "$T/newer.db"
q "$T/newer.db" 'PRAGMA user_version = 999'
for f in text other truncated page newer missing; do
	run "$CCHC" restore "$T/$f.db"
	expect_rc 1
	expect_grep "$T/$f.db" "$T/err"
	[ "$(sum "$CCHC_DB")" = "$before" ] || fail "restore of $f.db changed the database"
done
run "$CCHC" restore "$T/page.db"
expect_grep "bị hỏng" "$T/err"
run "$CCHC" restore "$T/other.db"
expect_grep "không phải của cchc" "$T/err"
run "$CCHC" restore
expect_rc 2

# a file whose schema is not cchc's: a hostile trigger (it would empty the
# registers at the next `unit add`), a foreign view or table, a modified
# index; each refused by name, the database left as it was
cp "$T/copy.db" "$T/trigger.db"
q "$T/trigger.db" "CREATE TRIGGER zz AFTER INSERT ON unit BEGIN DELETE FROM letter; DELETE FROM dossier; END;"
cp "$T/copy.db" "$T/view.db"
q "$T/view.db" "CREATE VIEW vv AS SELECT * FROM unit"
cp "$T/copy.db" "$T/table.db"
q "$T/table.db" "CREATE TABLE extra(x)"
cp "$T/copy.db" "$T/index.db"
q "$T/index.db" "DROP INDEX plan_by_year; CREATE INDEX plan_by_year ON plan(title)"
for f in trigger:"trigger zz (của bảng unit) không phải của cchc" view:"view vv không phải của cchc" \
	table:"bảng extra không phải của cchc" index:"chỉ mục plan_by_year (của bảng plan) khác với bản cchc tạo"; do
	run "$CCHC" restore "$T/${f%%:*}.db"
	expect_rc 1
	expect_grep "${f#*:}" "$T/err"
	expect_grep "Cơ sở dữ liệu không bị thay đổi" "$T/err"
	[ "$(sum "$CCHC_DB")" = "$before" ] || fail "restore of ${f%%:*}.db changed the database"
done
# `check` names the same in a database that has them (exit 1)
for f in trigger:"Lược đồ: trigger zz (của bảng unit) không phải của cchc" \
	view:"Lược đồ: view vv không phải của cchc" table:"Lược đồ: bảng extra không phải của cchc" \
	index:"Lược đồ: chỉ mục plan_by_year (của bảng plan) khác với bản cchc tạo"; do
	run "$CCHC" --db "$T/${f%%:*}.db" check
	expect_rc 1
	expect_grep "[LỖI]   ${f#*:}" "$T/out"
done
cp "$T/copy.db" "$T/clean.db"
run "$CCHC" --db "$T/clean.db" check
expect_grep "[tốt]   Lược đồ: bảng, chỉ mục, view, trigger đúng như cchc tạo" "$T/out"

# refused while another program has the database open
nkept=$(ls "$B" | grep -c '^cchc-before-restore-')
mkfifo "$T/fifo"
command sqlite3 "$CCHC_DB" <"$T/fifo" >/dev/null &
holder=$!
exec 3>"$T/fifo"
echo "SELECT count(*) FROM unit;" >&3
i=0
while [ ! -e "$CCHC_DB-shm" ] && [ "$i" -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
run "$CCHC" restore "$T/copy.db"
exec 3>&-
wait "$holder"
expect_rc 1
expect_grep "đang mở" "$T/err"
[ "$(ls "$B" | grep -c '^cchc-before-restore-')" = "$nkept" ] || fail "refused restore kept a copy"

# ---- cchc check ----
run "$CCHC" check
expect_rc 0
expect_grep "không có vấn đề" "$T/out"
raw_sql "INSERT INTO sqlar(name, mode, mtime, sz, data) VALUES('files/ab/ab00', 420, 0, 3, x'616263')"
run "$CCHC" check
expect_rc 1
expect_grep "files/ab/ab00" "$T/out"
expect_grep "không thuộc tài liệu nào" "$T/out"
raw_sql "DELETE FROM sqlar WHERE name = 'files/ab/ab00'"
raw_sql "PRAGMA foreign_keys = OFF; INSERT INTO task_unit(task_id, unit_id) VALUES(9999, 1)"
run "$CCHC" check
expect_rc 1
expect_grep "Khóa ngoại: một dòng của bảng task_unit trỏ đến bản ghi không có trong bảng task" "$T/out"
raw_sql "DELETE FROM task_unit WHERE task_id = 9999"
run "$CCHC" check
expect_rc 0

# ---- a damaged database at start: the newest good backup is named ----
"$CCHC" backup >/dev/null || fail backup
good=$(ls "$B" | grep -E '^cchc-[0-9-]{17}\.db$' | sort | tail -n 1)
head -c 50000 "$B/$good" >"$B/cchc-2099-01-01.db"   # a damaged newer one is passed over
cp "$CCHC_DB" "$T/saved.db"
printf 'XXXXXXXXXXXXXXXX' | dd of="$CCHC_DB" conv=notrunc 2>/dev/null
run "$CCHC" unit list
expect_rc 1
expect_grep "bị hỏng" "$T/err"
expect_grep "cchc restore $B/$good" "$T/err"
run "$CCHC" restore "$B/$good"
expect_rc 0
kept=$(sed -n 's/^Cơ sở dữ liệu trước đó được giữ ở: //p' "$T/out")
[ "$(head -c 16 "$kept")" = XXXXXXXXXXXXXXXX ] || fail "the damaged file was not kept as it was"
run "$CCHC" unit list
expect_rc 0

# a page damaged in the middle is found when the last run did not close
# cleanly (a cchc killed)
cp "$T/saved.db" "$CCHC_DB"
pages=$(q "$CCHC_DB" 'PRAGMA page_count')
for p in $((pages / 3)) $((pages / 2)) $((2 * pages / 3)); do
	head -c 4096 /dev/zero | tr '\0' '\377' | dd of="$CCHC_DB" bs=4096 seek="$p" conv=notrunc 2>/dev/null
done
cchc_killed "$CCHC_DB"
run "$CCHC" unit list
expect_rc 1
expect_grep "cchc restore $B/$good" "$T/err"
run "$CCHC" restore "$B/$good"
expect_rc 0
[ ! -e "$CCHC_DB-wal" ] || fail "stale -wal left after restore"
kept=$(sed -n 's/^Cơ sở dữ liệu trước đó được giữ ở: //p' "$T/out")
[ "$(q "$kept" 'PRAGMA integrity_check' 2>&1 | head -n 1)" != ok ] ||
	fail "the damaged database was not kept page for page"
rm -f "$B/cchc-2099-01-01.db"
run "$CCHC" check
expect_rc 0

# ---- a database from an older cchc is backed up before the upgrade ----
# An "older" database: this one with its schema version lowered by one, so
# that the newest migration runs again. Whether that succeeds depends on the
# migration; either way the backup comes first, and a failed upgrade leaves
# the database as it was.
mkdir "$T/old"
cp "$T/copy.db" "$T/old/cchc.db"
version=$(q "$T/old/cchc.db" 'PRAGMA user_version')
q "$T/old/cchc.db" "PRAGMA user_version = $((version - 1))"
run "$CCHC" --db "$T/old/cchc.db" unit list
old=$(ls "$T/old/backups" | grep "^cchc-before-upgrade-v$((version - 1))-" || true)
[ -n "$old" ] || fail "no backup before the upgrade: $(ls "$T/old/backups" 2>&1)"
[ "$(q "$T/old/backups/$old" 'PRAGMA user_version')" = $((version - 1)) ] ||
	fail "the backup before the upgrade is not of the old version"
[ "$(q "$T/old/backups/$old" 'PRAGMA integrity_check')" = ok ] || fail "upgrade backup not ok"
if [ "$rc" -eq 0 ]; then
	[ "$(q "$T/old/cchc.db" 'PRAGMA user_version')" = "$version" ] || fail "not upgraded"
else
	expect_grep "nâng cấp" "$T/err"
	[ "$(q "$T/old/cchc.db" 'PRAGMA user_version')" = $((version - 1)) ] ||
		fail "a failed upgrade changed the database"
fi

# ---- a database reached through a symbolic link ----
# restore replaces the file the link leads to: the link stays a link, the
# target holds the restored data, the replaced one is kept in the backups
# folder beside the link (where `backup list` for that path looks)
mkdir -p "$T/real" "$T/lnk"
cp "$T/copy.db" "$T/real/cchc.db"
ln -s "$T/real/cchc.db" "$T/lnk/cchc.db"
"$CCHC" --db "$T/lnk/cchc.db" unit add "Phòng Liên Kết" --code LK >/dev/null || fail "unit add through the link"
run "$CCHC" --db "$T/lnk/cchc.db" restore "$T/copy.db"
expect_rc 0
[ -L "$T/lnk/cchc.db" ] || fail "restore replaced the symbolic link by a file"
[ "$(readlink "$T/lnk/cchc.db")" = "$T/real/cchc.db" ] || fail "the link leads elsewhere now"
[ "$(q "$T/real/cchc.db" "SELECT count(*) FROM unit WHERE code = 'LK'")" = 0 ] ||
	fail "the link's target was not restored"
[ "$(sum "$T/real/cchc.db")" = "$(sum "$T/copy.db")" ] || fail "the target is not the backup's copy"
kept=$(sed -n 's/^Cơ sở dữ liệu trước đó được giữ ở: //p' "$T/out")
case $kept in "$T/lnk/backups/cchc-before-restore-"*) ;; *) fail "kept at $kept" ;; esac
[ "$(q "$kept" "SELECT count(*) FROM unit WHERE code = 'LK'")" = 1 ] || fail "the kept copy lacks LK"
"$CCHC" --db "$T/lnk/cchc.db" unit add "Phòng Sau Liên Kết" --code LK2 >/dev/null || fail "unit add after"
[ "$(q "$T/real/cchc.db" "SELECT count(*) FROM unit WHERE code = 'LK2'")" = 1 ] ||
	fail "a write after the restore did not reach the target"
[ ! -e "$T/real/cchc.db-journal" ] && [ ! -f "$T/lnk/cchc.db-wal" ] || fail "stray journal files"
# a link that leads nowhere: refused, the link left as it is
ln -s "$T/real/nothing.db" "$T/lnk/dangling.db"
run "$CCHC" --db "$T/lnk/dangling.db" restore "$T/copy.db"
expect_rc 1
expect_grep "liên kết tượng trưng" "$T/err"
[ -L "$T/lnk/dangling.db" ] && [ ! -e "$T/real/nothing.db" ] || fail "a dangling link was replaced"

# ---- a copy brought with its -wal: the changes in the -wal come back too ----
mkdir "$T/walsrc"
"$CCHC" --db "$T/walsrc/a.db" unit add "Phòng Nguồn" --code NG >/dev/null || fail "create a.db"
# the change stays in a.db-wal, as when the copy was taken
sql_leave_wal "$T/walsrc/a.db" \
	"INSERT OR REPLACE INTO setting(key, value) VALUES ('org.name', 'Chỉ có trong WAL')" ||
	fail "could not leave a -wal beside a.db"
cp "$T/walsrc/a.db" "$T/walsrc/copy.db"
cp "$T/walsrc/a.db-wal" "$T/walsrc/copy.db-wal"
"$CCHC" --db "$T/walsrc/target.db" unit list >/dev/null || fail "create target.db"
run "$CCHC" --db "$T/walsrc/target.db" restore "$T/walsrc/copy.db"
expect_rc 0
run "$CCHC" --db "$T/walsrc/target.db" setting get org.name
expect_grep "Chỉ có trong WAL" "$T/out"
exit 0

# ---- the daily backup runs behind the write, which does not wait for it ----
unset CCHC_BACKUP_WAIT
# wait_until MESSAGE COMMAND...: runs COMMAND every 0.05 s until it succeeds;
# fails with MESSAGE after 20 s
wait_until() {
	msg=$1
	shift
	i=0
	until "$@"; do
		i=$((i + 1))
		[ "$i" -lt 400 ] || fail "$msg"
		sleep 0.05
	done
}
no_daily_backup_running() {
	! pgrep -f -- "--db $DBG backup --daily" >/dev/null
}
if command -v flock >/dev/null 2>&1 && command -v pgrep >/dev/null 2>&1; then
	mkdir "$T/bg"
	DBG="$T/bg/cchc.db"
	"$CCHC" --create --db "$DBG" unit add "Phòng A" --code PA >/dev/null || fail "bg: create"
	wait_until "bg: the day's backup never came" test -f "$T/bg/backups/cchc-2026-11-24.db"
	# a backup being written elsewhere (its lock held): the next day's first
	# write returns while its backup waits behind it
	flock -o "$T/bg/backups/.cchc-daily.lock" sleep 60 >/dev/null 2>&1 &
	lockpid=$!
	trap 'pkill -P "$lockpid" sleep; kill "$lockpid" 2>/dev/null; rm -rf "$T"' EXIT
	sleep 0.3
	CCHC_TODAY=2026-11-25 run "$CCHC" --db "$DBG" unit add "Phòng B" --code PB
	expect_rc 0
	[ "$(q "$DBG" "SELECT count(*) FROM unit")" = 2 ] || fail "bg: the write is not there"
	[ ! -e "$T/bg/backups/cchc-2026-11-25.db" ] || fail "bg: the backup was made before the write returned"
	pgrep -f -- "--db $DBG backup --daily" >/dev/null || fail "bg: no backup running behind the write"
	pkill -P "$lockpid" sleep
	wait "$lockpid" 2>/dev/null
	wait_until "bg: the backup did not follow once the lock was free" \
		test -f "$T/bg/backups/cchc-2026-11-25.db"
	[ "$(q "$T/bg/backups/cchc-2026-11-25.db" 'PRAGMA integrity_check')" = ok ] || fail "bg: backup not ok"
	[ "$(q "$T/bg/backups/cchc-2026-11-25.db" 'SELECT count(*) FROM unit')" = 2 ] ||
		fail "bg: the backup does not hold the day's first write"
	wait_until "bg: the backup process did not end" no_daily_backup_running
fi
