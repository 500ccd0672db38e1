#!/bin/sh
# The province (issue 20): each agency's report figures as a package
# (report --format cchc), and Sở Nội vụ's table of all of them (consolidate):
# one row per agency, ranked, with totals; a package of another period, an
# altered or cut one, or two of one agency refuse the table.
. "${top_srcdir:-.}/tests/cli/lib.sh"
command -v sqlite3 >/dev/null || { echo "SKIP: sqlite3 command not installed"; exit 77; }
cd "$T" || exit 99
export CCHC_TODAY=2026-12-07

# three agencies: the demo year, with different names and progress
i=0
for a in "Sở Công Thương" "Sở Tư pháp" "Sở Y tế"; do
	i=$((i + 1))
	CCHC_CREATE=1 "$CCHC" --db "a$i.db" demo > /dev/null || fail "demo $i"
	"$CCHC" --db "a$i.db" setting set org.name "$a" > /dev/null || fail "org.name $i"
done
# Sở Tư pháp finishes four more tasks within the quarter, Sở Y tế two
for k in 1 2 3 4; do
	t=$(sqlite3 a2.db "SELECT id FROM task WHERE status <> 'done' ORDER BY id LIMIT 1")
	"$CCHC" --db a2.db task done "$t" --date 2026-08-0$k > /dev/null || fail "done a2"
	if [ "$k" -le 2 ]; then
		t=$(sqlite3 a3.db "SELECT id FROM task WHERE status <> 'done' ORDER BY id LIMIT 1")
		"$CCHC" --db a3.db task done "$t" --date 2026-08-0$k > /dev/null || fail "done a3"
	fi
done
for i in 1 2 3; do
	run "$CCHC" --db "a$i.db" report --period 2026-Q3 --format cchc --out "bc-$i.cchc"
	expect_rc 0
	expect_grep "Đã ghi gói số liệu báo cáo quý III năm 2026" "$T/out"
done
# the package is an SQLite file; its figures are the report's
[ "$(sqlite3 bc-1.cchc "SELECT value FROM manifest WHERE key = 'kind'")" = report ] || fail "kind"
"$CCHC" --db a1.db report --period 2026-Q3 --format txt --out r1.txt > /dev/null || fail "txt report"
done1=$(sqlite3 bc-1.cchc "SELECT value FROM figure WHERE key = 'tasks.done'")
total1=$(sqlite3 bc-1.cchc "SELECT value FROM figure WHERE key = 'tasks.total'")
tr '\n' ' ' < r1.txt | grep -q "hoàn thành $done1/$total1 nhiệm vụ" ||
	fail "the package's tasks.done/total ($done1/$total1) is not the report's"
# every table of the report is in it, cell by cell
cells=$(sqlite3 bc-1.cchc "SELECT count(*) FROM report_cell")
[ "$cells" -gt 50 ] || fail "the report's tables are not in the package ($cells cells)"
run "$CCHC" --db a1.db report --period 2026-Q3 --format cchc --out bc-1.cchc
expect_rc 1
expect_grep "--force" "$T/err"

run "$CCHC" --db a1.db consolidate bc-1.cchc bc-2.cchc bc-3.cchc --period 2026-Q3 --format txt --out -
expect_rc 0
expect_grep "Kết quả cải cách hành chính của các cơ quan quý III năm 2026" "$T/out"
expect_grep "3 cơ quan" "$T/out"
# ranked: Sở Tư pháp (most done), Sở Y tế, Sở Công Thương; then the totals
order=$(grep -oE '^\| +[0-9]+ \| Sở [^ |]+' "$T/out" | sed 's/^| *//; s/ *| */ /' | tr '\n' ',')
[ "$order" = "1 Sở Tư,2 Sở Y,3 Sở Công," ] || fail "ranking: $order"
d=$(sqlite3 bc-1.cchc "SELECT sum(value) FROM figure WHERE key = 'tasks.done'")
d2=$(sqlite3 bc-2.cchc "SELECT value FROM figure WHERE key = 'tasks.done'")
d3=$(sqlite3 bc-3.cchc "SELECT value FROM figure WHERE key = 'tasks.done'")
[ "$d2" -eq $((d + 4)) ] && [ "$d3" -eq $((d + 2)) ] || fail "tasks done: $d, $d2, $d3"
grep -E '^\| +\| Tổng' "$T/out" | grep -q "| *$((d + d2 + d3)) |" || fail "totals row: $(grep -A1 'Tổng' "$T/out")"
run "$CCHC" consolidate bc-1.cchc bc-2.cchc bc-3.cchc --period 2026-Q3 --format xlsx --out tong.xlsx
expect_rc 0
expect_grep "Đã tổng hợp 3 cơ quan" "$T/out"
[ -s tong.xlsx ] || fail "no xlsx"

# refusals: another period, an altered figure, a cut file, one agency twice
"$CCHC" --db a1.db report --period 2026-Q2 --format cchc --out q2.cchc > /dev/null
run "$CCHC" consolidate bc-2.cchc q2.cchc --period 2026-Q3 --format txt --out -
expect_rc 1
expect_grep "là báo cáo kỳ 2026-Q2, không phải kỳ 2026-Q3" "$T/err"
cp bc-2.cchc altered.cchc
sqlite3 altered.cchc "UPDATE figure SET value = value + 1 WHERE key = 'tasks.done'"
run "$CCHC" consolidate bc-1.cchc altered.cchc --period 2026-Q3 --format txt --out -
expect_rc 1
expect_grep "không khớp mã kiểm tra" "$T/err"
head -c 20000 bc-2.cchc > cut.cchc
run "$CCHC" consolidate bc-1.cchc cut.cchc --period 2026-Q3 --format txt --out -
expect_rc 1
expect_grep "cut.cchc" "$T/err"
cp bc-3.cchc again.cchc
run "$CCHC" consolidate bc-1.cchc bc-3.cchc again.cchc --period 2026-Q3 --format txt --out -
expect_rc 1
expect_grep "Hai gói của cùng cơ quan Sở Y tế" "$T/err"
# a division's exchange package is not a report
"$CCHC" --db a1.db exchange export --unit QLTM --to goi.cchc > /dev/null
run "$CCHC" consolidate bc-1.cchc goi.cchc --period 2026-Q3 --format txt --out -
expect_rc 1
expect_grep "không phải gói báo cáo" "$T/err"
exit 0
