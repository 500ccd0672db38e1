# Shared set-up of the crash and fault tests (tests/crash/*.sh): on top of
# tests/cli/lib.sh (private home, $T), a base database with units, a plan and
# the 40 dossiers of the fixture, a big dossier export and a big plan, and
# checks of a database file. Source it after tests/cli/lib.sh.
if [ -n "${CCHC_VALGRIND:-}" ]; then
	echo "SKIP: under valgrind \$CCHC is a wrapper script: a kill would hit the wrapper, not" \
		"cchc, and the timings, file-size limits and other users do not apply"
	exit 77
fi
for tool in sqlite3 od; do
	command -v "$tool" >/dev/null 2>&1 || { echo "SKIP: $tool is not installed"; exit 77; }
done
export CCHC_TODAY=2026-11-24
# The day's backup runs in a cchc of its own; each command waits for it, so
# that no backup still starting up shares the file with the open after it
# (check_write waits for one a kill left running).
export CCHC_BACKUP_WAIT=1
D="$FIXTURES/dossiers"

failures=0
# bad MESSAGE: counts a failure and goes on, so that one run shows them all.
bad() {
	failures=$((failures + 1))
	echo "FAIL: ${where:-}: $*" >&2
}

# rand N: a random whole number from 0 to N-1.
rand() {
	r=$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')
	echo $((r % $1))
}
now_ms() {
	date +%s%3N
}
sleep_ms() {
	sleep "$(($1 / 1000)).$(printf '%03d' $(($1 % 1000)))"
}
sql() {
	sqlite3 -batch "$@"
}

# make_base: $T/base.db with five units, the plan of so-cong-thuong-2024.txt,
# the 40 dossiers of mot-cua-2026.csv, and a dossier with an apology letter
# (its id in $letter); $section is a section of the plan.
make_base() {
	for u in "Văn phòng Sở:VP" "Phòng Quản lý Thương mại:QLTM" "Phòng Quản lý Công nghiệp:QLCN" \
		"Phòng Kỹ thuật an toàn - Môi trường:KTAT" "Phòng Quản lý Năng lượng:QLNL"; do
		CCHC_DB="$T/base.db" "$CCHC" unit add "${u%:*}" --code "${u#*:}" >/dev/null ||
			fail "unit $u"
	done
	CCHC_DB="$T/base.db" "$CCHC" plan import "$FIXTURES/so-cong-thuong-2024.txt" >/dev/null 2>&1 ||
		fail "plan import"
	CCHC_DB="$T/base.db" "$CCHC" dossier import "$D/mot-cua-2026.csv" >/dev/null || fail "dossier import"
	CCHC_DB="$T/base.db" "$CCHC" dossier add --code KILL-LETTER --received 2026-11-02 \
		--due 2026-11-10 --holder "Nguyễn Văn An" >/dev/null || fail "dossier add"
	letter=$(CCHC_DB="$T/base.db" "$CCHC" letter add --dossier KILL-LETTER --reason "Chờ ý kiến" \
		--new-date 2026-11-30 2>/dev/null) || fail "letter add"
	section=$(sql "$T/base.db" "SELECT min(id) FROM section WHERE parent_id IS NOT NULL")
	[ -n "$section" ] || fail "no section in the base database"
	[ ! -e "$T/base.db-wal" ] || fail "cchc left a -wal file after a clean exit"
	count_sql=$(sql "$T/base.db" "SELECT group_concat('SELECT ''' || name || '='' || count(*) \
		FROM \"' || name || '\"', ' UNION ALL ') FROM sqlite_master WHERE type = 'table' \
		AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'")
}

# make_big_csv ROWS: $T/big.csv, a dossier export of ROWS rows: the 40 rows
# of the fixture over and over, each with a code of its own.
make_big_csv() {
	{
		head -n 1 "$D/mot-cua-2026.csv"
		awk -F, -v n="$1" 'NR > 1 { row[m++] = $0 }
			END { for (i = 0; i < n; i++) { r = row[i % m]
				sub(/^[^,]*/, sprintf("KILL-%06d", i), r); print r } }' "$D/mot-cua-2026.csv"
	} >"$T/big.csv"
}

# make_big_plan GROUPS: $T/plan.txt, a plan of 20 + 100 * GROUPS headings:
# the fixture with GROUPS groups of 99 items added before its part III.
make_big_plan() {
	plan="$FIXTURES/so-cong-thuong-2024.txt"
	cut=$(grep -n '^ *III\. ' "$plan" | head -n 1 | cut -d: -f1)
	{
		head -n $((cut - 1)) "$plan"
		awk -v g="$1" 'BEGIN { for (k = 3; k < 3 + g; k++) {
			printf "%d. Nhóm nhiệm vụ bổ sung %d\n\n", k, k
			for (i = 1; i <= 99; i++)
				printf "%d.%d. Nhiệm vụ bổ sung %d.%d về thủ tục hành chính\n\nNội dung.\n\n", \
					k, i, k, i } }'
		tail -n +"$cut" "$plan"
	} >"$T/plan.txt"
}

# fresh NAME: $T/NAME, a copy of the base database without WAL or index files.
fresh() {
	rm -f "$T/$1" "$T/$1-wal" "$T/$1-shm"
	cp "$T/base.db" "$T/$1"
}

# counts DB: "table=rows" for every ordinary table: two equal fingerprints
# tell that nothing was added or removed.
counts() {
	sql "$1" "$count_sql"
}

# check_db DB: the file passes integrity_check and has no broken foreign key.
check_db() {
	ic=$(sql "$1" 'PRAGMA integrity_check' 2>&1)
	[ "$ic" = ok ] || { bad "integrity_check of $1: $ic"; return 1; }
	fk=$(sql "$1" 'PRAGMA foreign_key_check' 2>&1)
	[ -z "$fk" ] || { bad "foreign_key_check of $1: $fk"; return 1; }
}

# check_write DB TAG: cchc opens DB, and a new unit is written and there.
# When the killed cchc had marked DB-lock open ('1'), the open checks the
# file (quick_check, counted in $crash_checked); when it had ended by itself
# (and no cchc is left), nothing is checked.
crash_checked=0
check_write() {
	# a day's backup the killed cchc started runs on in a cchc of its own:
	# it ends first, so that the open below is alone
	if command -v flock >/dev/null 2>&1 && [ -e "$1-lock" ]; then
		flock -w 60 "$1-lock" true || bad "a cchc still has $1 open after 60 s"
	fi
	mark=$(head -c 1 "$1-lock" 2>/dev/null || true)
	rm -f "$T/trace"
	id=$(CCHC_DB="$1" CCHC_TRACE_SQL="$T/trace" "$CCHC" unit add "Phòng kiểm tra $2" --code "CK$2" \
		2>"$T/err") || { bad "cchc cannot write $1 afterwards: $(cat "$T/err")"; return 1; }
	if [ "$mark" = 1 ]; then
		grep -q 'PRAGMA quick_check' "$T/trace" &&
			crash_checked=$((crash_checked + 1)) || bad "no check after a cchc was killed"
	elif grep -q 'PRAGMA quick_check' "$T/trace"; then
		bad "checked though the last cchc closed (mark '$mark')"
	fi
	n=$(sql "$1" "SELECT count(*) FROM unit WHERE id = $id AND name = 'Phòng kiểm tra $2'")
	[ "$n" = 1 ] || { bad "the write afterwards (unit $id) is not in $1"; return 1; }
}

# is_zip FILE: FILE is a whole zip archive (docx, xlsx).
is_zip() {
	if command -v unzip >/dev/null 2>&1; then
		unzip -tqq "$1" >/dev/null 2>&1
	else # the end-of-central-directory record closes the file
		[ "$(tail -c 22 "$1" | head -c 4 | od -An -tx1 | tr -d ' ')" = 504b0506 ]
	fi
}
