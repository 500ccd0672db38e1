#!/bin/sh
# The Gửi/nhận screen (issue 20): at the office one row per division with
# the packages sent and received; e writes the package for the division
# under the cursor (the path offered, an existing file only after "Ghi
# đè?"), i takes a division's package in from a path typed with Tab
# completion: a box says what arrived and the change the office's own
# decision kept out, the row shows the package received, u undoes the whole
# package. A package taken twice is refused in a box with the whole reason,
# nothing written, and i offers the path again. In the division's own
# database the screen shows the office, and e sends what the division did.
. "$top_srcdir/tests/screen/lib.sh"
export CCHC_TODAY=2026-12-07
command -v sqlite3 >/dev/null || { echo "SKIP: sqlite3 command not installed"; exit 77; }
CCHC_CREATE=1 "$CCHC" demo > /dev/null
cd "$tmp"   # paths typed relative: the same screens whatever TMPDIR is
mkdir goi
"$CCHC" exchange export --unit QLTM --to goi/goi-QLTM.cchc > /dev/null
"$CCHC" --db qltm.db exchange join goi/goi-QLTM.cchc > /dev/null
task=$(sqlite3 qltm.db "SELECT min(id) FROM task WHERE status <> 'done' AND lead_unit_id =
	(SELECT id FROM unit WHERE code = 'QLTM')")
"$CCHC" --db qltm.db task note "$task" "Đã họp quán triệt toàn phòng" > /dev/null
"$CCHC" --db qltm.db task done "$task" > /dev/null
"$CCHC" --db qltm.db task edit "$task" --due 2026-12-20 > /dev/null
"$CCHC" task edit "$task" --due 2026-12-31 > /dev/null   # the office decides otherwise
note "task $task"

# the division: its screen shows the office; e writes its package
screen division 80x24 --db qltm.db <<S
key <F8>
dump
key e
dump
key C-u
type goi/ve-QLTM.cchc
key <Enter>
dump
S
note "division's package: $(sqlite3 goi/ve-QLTM.cchc "SELECT value FROM manifest WHERE key = 'seq'")"

# the office: i takes it in (Tab completes the name), the box, the row
screen office 80x24 <<S
key <F8>
dump
key i
type goi/ve
key <Tab>
dump
key <Enter>
dump
key <Space>
dump
key i <Enter>
dump
key <Space> i
dump
key <Esc>
S
note "after import: $(sqlite3 "$CCHC_DB" "SELECT recv_seq FROM exchange_peer
	WHERE unit_id = (SELECT id FROM unit WHERE code = 'QLTM')") received,\
 status $(sqlite3 "$CCHC_DB" "SELECT status || ' ' || due_on FROM task WHERE id = $task"),\
 notes $(sqlite3 "$CCHC_DB" "SELECT count(*) FROM task_note WHERE task_id = $task
	AND text = 'Đã họp quán triệt toàn phòng'")"

# u undoes the whole package; e writes the next package for QLTM, and
# again to the same file only after Ghi đè?
screen undo 80x24 <<S
key <F8> u
dump
key c
dump
key j j j j
key e
dump
key <Enter>
dump
key e <Enter>
dump
key c
dump
S
note "after undo: $(sqlite3 "$CCHC_DB" "SELECT recv_seq FROM exchange_peer
	WHERE unit_id = (SELECT id FROM unit WHERE code = 'QLTM')") received,\
 notes $(sqlite3 "$CCHC_DB" "SELECT count(*) FROM task_note WHERE task_id = $task
	AND text = 'Đã họp quán triệt toàn phòng'")"
# the undo preview and the dates of packages come from the clock
sed -E -e 's|[0-9]{2}/[0-9]{2}/[0-9]{4} [0-9]{2}:[0-9]{2}|DD/MM/YYYY HH:MM|g' \
	-e 's|số ([0-9]+) \([0-9]{2}/[0-9]{2}/[0-9]{4}\)|số \1 (DD/MM/YYYY)|g' \
	-e 's#([│┐┘])[0-9/]*[0-9]{4}\)$#\1DD/MM/YYYY)#' \
	"$actual" > "$actual.masked" && mv "$actual.masked" "$actual"
check exchange
