#!/bin/sh
# Faults (issue 8): a full disk, a read-only database or folder, and a
# database another process is writing. In every case cchc says what is wrong
# in Vietnamese, exits 1 without crashing, and loses nothing: the database
# passes integrity_check, holds exactly what it held before, and takes the
# next write once the fault is gone; an export leaves no file at all.
#   - disk full, two ways: a file-size limit (ulimit -f; cchc must ignore
#     SIGXFSZ) and, when running as root where mount works, a small tmpfs
#     (elsewhere that part says why it did not run);
#   - read-only, as the unprivileged user nobody (setpriv or runuser; root
#     ignores permissions): a read-only file, a read-only folder; viewing
#     works, the full-screen program opens with a read-only banner;
#   - locked: sqlite3 holding BEGIN IMMEDIATE, and a second cchc importing.
# Each case prints a line "case: outcome"; the test fails if any failed, and
# is skipped (77) only if it cannot run the read-only part while all the
# others passed.
. "${top_srcdir:-.}/tests/cli/lib.sh"
. "${top_srcdir:-.}/tests/crash/lib.sh"

holder= mnt= bgpid=
cleanup() {
	[ -n "$bgpid" ] && kill -9 "$bgpid" 2>/dev/null
	[ -n "$holder" ] && kill -9 "$holder" 2>/dev/null
	[ -n "$mnt" ] && umount -l "$mnt" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 2' HUP INT TERM

where=set-up
make_base
make_big_csv 20000
counts "$T/base.db" >"$T/sig.base"
report() { # report CASE: prints the outcome of CASE from the failures since case_start
	if [ "$failures" -eq "$case_failures" ]; then
		echo "$1: ok"
	else
		echo "$1: FAILED ($((failures - case_failures)))"
	fi
}
case_start() {
	where=$1
	case_failures=$failures
}

# run_cchc DB CMD...: runs cchc on DB; $rc, $T/out, $T/err as run() does.
run_cchc() {
	db=$1
	shift
	rc=0
	CCHC_DB="$db" "$CCHC" "$@" >"$T/out" 2>"$T/err" || rc=$?
}

# said TEXT: cchc exited 1 and its message holds TEXT, with no English from
# SQLite, libxlsxwriter or the C library in it.
said() {
	[ "$rc" -ne 153 ] || { bad "killed by SIGXFSZ: main() must ignore it"; return; }
	[ "$rc" -eq 1 ] || bad "exit status $rc, expected 1 (stderr: $(cat "$T/err"))"
	grep -qF -- "$1" "$T/err" || bad "message without \"$1\": $(cat "$T/err")"
	if sed "s|$T|T|g" "$T/err" |
		grep -qiE 'error|disk|full|readonly|read-only|locked|busy|denied|too large|no such'; then
		bad "English in the message: $(cat "$T/err")"
	fi
}

# unchanged DB: DB passes the checks and holds what the base held.
unchanged() {
	check_db "$1" || return
	counts "$1" >"$T/sig.now"
	cmp -s "$T/sig.base" "$T/sig.now" ||
		bad "$1 changed: $(diff "$T/sig.base" "$T/sig.now" | grep '^>' | head -n 5 | tr '\n' ' ')"
}

# blocks BYTES: the argument of ulimit -f for BYTES (blocks of 512 bytes in
# dash and POSIX, of 1024 in bash).
blocks() {
	(
		ulimit -f 2
		trap '' XFSZ
		head -c 1500 /dev/zero >"$T/ulimit-probe"
	) 2>/dev/null
	unit=1024
	[ "$(stat -c %s "$T/ulimit-probe")" -lt 1500 ] && unit=512
	echo $(($1 / unit))
}

# hold DB SQL: a sqlite3 shell on DB runs SQL then waits (until release) for
# more on a fifo; returns once the shell printed "held".
hold() {
	rm -f "$T/fifo" "$T/held"
	mkfifo "$T/fifo"
	command sqlite3 -batch "$1" <"$T/fifo" >"$T/held" 2>&1 &
	holder=$!
	exec 3>"$T/fifo"
	printf '%s\nSELECT %s;\n' "$2" "'held'" >&3
	i=0
	until grep -q held "$T/held" 2>/dev/null; do
		i=$((i + 1))
		[ "$i" -lt 500 ] || { bad "sqlite3 did not take the database: $(cat "$T/held")"; break; }
		sleep 0.01
	done
}
release() {
	[ -n "${1:-}" ] && printf '%s\n' "$1" >&3
	exec 3>&-
	wait "$holder"
	holder=
}

# ------------------------------------------------ disk full: file-size limit
case_start "disk full (ulimit -f 2 MB): dossier import of 20000 rows"
fresh limit.db
lim=$(blocks $((2 * 1024 * 1024)))
rc=0
(
	ulimit -f "$lim"
	CCHC_DB="$T/limit.db" exec "$CCHC" dossier import "$T/big.csv"
) >"$T/out" 2>"$T/err" || rc=$?
said "đã đầy nên không lưu hồ sơ được"
grep -qF "dữ liệu đã lưu không bị mất" "$T/err" || bad "the message does not say nothing was lost"
unchanged "$T/limit.db"
run_cchc "$T/limit.db" dossier list --format tsv
[ "$rc" -eq 0 ] && [ "$(wc -l <"$T/out")" -eq 41 ] || bad "the 41 dossiers are not all listed"
# a small write still fits under the limit, and any write once it is lifted
rc=0
(
	ulimit -f "$lim"
	CCHC_DB="$T/limit.db" exec "$CCHC" unit add "Phòng nhỏ" --code NHO
) >"$T/out" 2>"$T/err" || rc=$?
[ "$rc" -eq 0 ] || bad "a small write under the limit failed: $(cat "$T/err")"
check_write "$T/limit.db" ulimit
report "$where"

# Exports under a 4 kB limit. A sqlite3 shell keeps the database open so
# that cchc finds its 32 kB index (-shm) there and only the export is big.
case_start "disk full (ulimit -f 4 kB): report docx, report xlsx, letter docx"
fresh export.db
hold "$T/export.db" "SELECT count(*) FROM unit;"
mkdir "$T/out-limit"
lim=$(blocks 4096)
for kind in docx xlsx letter; do
	case $kind in
	letter) set -- letter print "$letter" --format docx --out "$T/out-limit/phieu.docx" ;;
	*) set -- report --period 2026 --format "$kind" --out "$T/out-limit/bao-cao.$kind" ;;
	esac
	rc=0
	(
		ulimit -f "$lim"
		CCHC_DB="$T/export.db" exec "$CCHC" "$@"
	) >"$T/out" 2>"$T/err" || rc=$?
	said "tệp quá lớn"
	[ -z "$(ls -A "$T/out-limit")" ] || bad "$kind export left $(ls -A "$T/out-limit")"
	rm -f "$T/out-limit/"*
done
release
unchanged "$T/export.db"
report "$where"

# ------------------------------------------------ disk full: a small tmpfs
mnt="$T/mnt"
mkdir "$mnt"
echo "mount needs root" >"$T/err"
if [ "$(id -u)" -ne 0 ] || ! mount -t tmpfs -o size=4m tmpfs "$mnt" 2>"$T/err"; then
	echo "disk full (tmpfs of 4 MB): not run, cannot mount here ($(id -un):" \
		"$(head -n 1 "$T/err"))"
	rmdir "$mnt"
	mnt=
else
	case_start "disk full (tmpfs of 4 MB): dossier import of 20000 rows"
	cp "$T/base.db" "$mnt/cchc.db"
	run_cchc "$mnt/cchc.db" dossier import "$T/big.csv"
	said "đã đầy nên không lưu hồ sơ được"
	unchanged "$mnt/cchc.db"
	check_write "$mnt/cchc.db" tmpfs1
	report "$where"

	case_start "disk full (tmpfs filled up): unit add, then after freeing space"
	counts "$mnt/cchc.db" >"$T/sig.full"
	dd if=/dev/zero of="$mnt/filler" bs=64k >/dev/null 2>&1
	run_cchc "$mnt/cchc.db" unit add "Phòng đầy" --code DAY
	said "đã đầy"
	rm -f "$mnt/filler"
	check_db "$mnt/cchc.db" && counts "$mnt/cchc.db" >"$T/sig.now" &&
		{ cmp -s "$T/sig.full" "$T/sig.now" || bad "a failed write changed the database"; }
	check_write "$mnt/cchc.db" tmpfs2
	report "$where"

	case_start "disk full (tmpfs filled up): report docx and xlsx written there"
	mkdir "$mnt/out"
	dd if=/dev/zero of="$mnt/filler" bs=64k >/dev/null 2>&1
	for kind in docx xlsx; do
		run_cchc "$T/base.db" report --period 2026 --format "$kind" --out "$mnt/out/bao-cao.$kind"
		said "ổ đĩa đã đầy"
		[ -z "$(ls -A "$mnt/out")" ] || bad "$kind export left $(ls -A "$mnt/out")"
	done
	report "$where"
	umount "$mnt" || umount -l "$mnt"
	mnt=
fi

# ------------------------------------------------ locked by another writer
case_start "locked (sqlite3 holds BEGIN IMMEDIATE): view, unit add, dossier import"
fresh lock.db
hold "$T/lock.db" "BEGIN IMMEDIATE;"
run_cchc "$T/lock.db" unit list
[ "$rc" -eq 0 ] && grep -q "Văn phòng Sở" "$T/out" || bad "cannot view while locked: $(cat "$T/err")"
t0=$(now_ms)
run_cchc "$T/lock.db" unit add "Phòng chờ" --code CHO
waited=$(($(now_ms) - t0))
said "đang được một chương trình khác ghi"
[ "$waited" -ge 1000 ] || bad "gave up after $waited ms without waiting for the lock"
run_cchc "$T/lock.db" dossier import "$T/big.csv"
said "đang được một chương trình khác ghi"
release "COMMIT;"
unchanged "$T/lock.db"
check_write "$T/lock.db" lock
report "$where (the write waited $waited ms)"

case_start "locked (a second cchc importing 20000 dossiers): unit add meanwhile"
fresh lock2.db
CCHC_DB="$T/lock2.db" "$CCHC" dossier import "$T/big.csv" >"$T/bg.out" 2>"$T/bg.err" &
bgpid=$!
i=0 # wait until the import writes (holds the lock), at most 10 s
while [ "$(stat -c %s "$T/lock2.db-wal" 2>/dev/null || echo 0)" -lt 102400 ] && [ "$i" -lt 1000 ]; do
	read -r line <"/proc/$bgpid/stat" || break
	case $line in *") Z "*) break ;; esac
	i=$((i + 1))
	sleep 0.01
done
t0=$(now_ms)
run_cchc "$T/lock2.db" unit add "Phòng chen" --code CHEN
waited=$(($(now_ms) - t0))
if [ "$rc" -eq 0 ]; then
	outcome="waited $waited ms for the import, then wrote"
else
	said "đang được một chương trình khác ghi"
	outcome="gave up after $waited ms with the message"
fi
wait "$bgpid" || bad "the import failed: $(cat "$T/bg.err")"
bgpid=
check_db "$T/lock2.db"
n=$(sql "$T/lock2.db" "SELECT count(*) FROM dossier WHERE code GLOB 'KILL-[0-9]*'")
[ "$n" -eq 20000 ] || bad "the import left $n dossiers"
n=$(sql "$T/lock2.db" "SELECT count(*) FROM unit WHERE code = 'CHEN'")
[ "$rc" -eq 0 ] && [ "$n" -ne 1 ] && bad "unit add said done but the unit is missing"
[ "$rc" -ne 0 ] && [ "$n" -ne 0 ] && bad "unit add failed but the unit is there"
report "$where ($outcome)"

# ------------------------------------------------ read-only, as nobody
ro_skip=
if setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
	as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
elif runuser -u nobody -- true 2>/dev/null; then
	as_nobody() { runuser -u nobody -- "$@"; }
else
	ro_skip="neither setpriv nor runuser can run a command as nobody (not root?)"
fi
if [ -z "$ro_skip" ]; then
	chmod 755 "$T"
	mkdir -m 777 "$T/nobody"
	as_nobody "$CCHC" --version >/dev/null 2>&1 ||
		ro_skip="nobody cannot run $CCHC (a folder on the way is closed to others)"
fi
if [ -n "$ro_skip" ]; then
	echo "read-only: not run: $ro_skip"
else
	# ro DIR: DIR/cchc.db, a copy of the base that nobody cannot write.
	mkdir -m 777 "$T/ro-file"
	mkdir -m 755 "$T/ro-folder"
	for dir in ro-file ro-folder; do
		cp "$T/base.db" "$T/$dir/cchc.db"
		chmod 444 "$T/$dir/cchc.db"
	done
	printf 'dump\nkey j\ndump\n' >"$T/nobody/script"
	for dir in ro-file ro-folder; do
		db="$T/$dir/cchc.db"
		case $dir in
		ro-file) case_start "read-only file (0444, folder writable)" ;;
		*) case_start "read-only folder (0755 root, no -wal file)" ;;
		esac
		# nobody_cchc CMD...: cchc as nobody on db; $rc, $T/out, $T/err
		nobody_cchc() {
			rc=0
			as_nobody env HOME="$T/nobody" XDG_CONFIG_HOME="$T/nobody" XDG_DATA_HOME="$T/nobody" \
				CCHC_DB="$db" "$CCHC" "$@" >"$T/out" 2>"$T/err" || rc=$?
		}
		nobody_cchc dossier list --format tsv
		[ "$rc" -eq 0 ] && [ "$(wc -l <"$T/out")" -eq 41 ] ||
			bad "viewing fails (status $rc): $(cat "$T/err")"
		nobody_cchc plan tree
		[ "$rc" -eq 0 ] && grep -q "MỤC ĐÍCH, YÊU CẦU" "$T/out" ||
			bad "plan tree fails (status $rc): $(cat "$T/err")"
		nobody_cchc unit add "Phòng chỉ đọc" --code RO
		said "chỉ đọc"
		nobody_cchc dossier import "$T/big.csv"
		said "chỉ đọc"
		rm -f "$T/nobody/dump"
		rc=0
		as_nobody env HOME="$T/nobody" XDG_CONFIG_HOME="$T/nobody" XDG_DATA_HOME="$T/nobody" \
			TERM=xterm-256color CCHC_DB="$db" "$CCHC" --script "$T/nobody/script" \
			--dump "$T/nobody/dump" --size 80x24 >"$T/out" 2>"$T/err" </dev/null || rc=$?
		if [ "$rc" -ne 0 ] || ! grep -q "Trợ giúp" "$T/nobody/dump" 2>/dev/null; then
			bad "the full-screen program does not open it (status $rc): $(cat "$T/err")"
		elif ! head -n 3 "$T/nobody/dump" | grep -q "chỉ đọc"; then
			bad "no read-only banner at the top of the screen: $(head -n 3 "$T/nobody/dump")"
		fi
		chmod 644 "$db"
		unchanged "$db"
		report "$where: viewing works, writes refused, the screen opens with a read-only banner"
	done
	case_start "writable database: the screen shows no read-only banner"
	fresh rw.db
	printf 'dump\n' >"$T/script"
	rc=0
	TERM=xterm-256color CCHC_DB="$T/rw.db" "$CCHC" --script "$T/script" --dump "$T/dump" \
		--size 80x24 >"$T/out" 2>"$T/err" </dev/null || rc=$?
	[ "$rc" -eq 0 ] && grep -q "Trợ giúp" "$T/dump" || bad "the screen does not open: $(cat "$T/err")"
	! grep -q "chỉ đọc" "$T/dump" || bad "read-only banner on a writable database"
	report "$where"

	case_start "read-only folder for an export (report docx into a 0755 root folder)"
	db="$T/base.db"
	chmod 644 "$db"
	nobody_cchc report --period 2026 --format docx --out "$T/ro-folder/bao-cao.docx"
	said "không có quyền"
	[ ! -e "$T/ro-folder/bao-cao.docx" ] || bad "a report was written"
	[ "$(ls -A "$T/ro-folder")" = cchc.db ] ||
		bad "the export left $(ls -A "$T/ro-folder")"
	report "$where"
fi

echo "crash/faults.sh: $failures failures"
[ "$failures" -eq 0 ] || exit 1
[ -z "$ro_skip" ] || exit 77
exit 0
