#!/bin/sh
# Tasks from the command line: add, list with filters and formats, overdue
# from CCHC_TODAY, recurring deadlines moving with progress notes, done,
# edit, suggestions from role blocks and an annex table, the agenda, errors.
. "${top_srcdir:-.}/tests/cli/lib.sh"
export CCHC_TODAY=2026-11-24
"$CCHC" plan import "$FIXTURES/corpus/so-tu-phap-2026.txt" >/dev/null 2>&1 || fail import
for u in "Văn phòng Sở:VP" "Thanh tra Sở:TTr" "Phòng Hành chính tư pháp:HCTP" \
	"Phòng Bổ trợ tư pháp:BTTP" "Trung tâm Trợ giúp pháp lý nhà nước:TGPL"; do
	"$CCHC" unit add "${u%%:*}" --code "${u##*:}" >/dev/null || fail "unit $u"
done

# suggestions: roles with + items (section 5, 17), a sentence whose subject
# is a unit (24: "Văn phòng Sở là đầu mối …") and the annex table (27)
run "$CCHC" task suggest --format tsv
expect_rc 0
[ "$(wc -l <"$T/out")" -eq 11 ] || fail "expected 11 suggestions: $(cat "$T/out")"
expect_grep "4	17	Rà soát, đề xuất đơn giản hóa ít nhất 03 thủ tục hành chính (TTHC) thuộc thẩm quyền giải quyết của Sở.	VP	HCTP,BTTP,TGPL	" "$T/out"
expect_grep "7	24	Văn phòng Sở là đầu mối tham mưu" "$T/out"
expect_grep "9	27	Kiểm tra công tác CCHC tại các đơn vị thuộc Sở	VP	TTr	Quý III/2026" "$T/out"
# "Các phòng, đơn vị thuộc Sở" coordinate: every unit but the lead
expect_grep "1	5	Ban hành Kế hoạch CCHC, Kế hoạch tuyên truyền CCHC, Kế hoạch kiểm tra CCHC năm 2026 của Sở trước ngày 15/01/2026.	VP	TTr,HCTP,BTTP,TGPL	" "$T/out"
run "$CCHC" task suggest --accept 9,10
expect_rc 0
printf '9\t1\n10\t2\n' >"$T/want"
expect_file "$T/want" "$T/out"

# accepting again creates nothing twice
run "$CCHC" task suggest --accept 9,10
expect_rc 0
[ ! -s "$T/out" ] || fail "accepted twice: $(cat "$T/out")"
expect_grep "đề xuất 9 đã có nhiệm vụ" "$T/err"
run "$CCHC" task suggest --accept 1,x
expect_rc 2

run "$CCHC" task add --section 5 --title "Báo cáo CCHC hằng quý" --lead vp --due "hằng quý"
[ "$(cat "$T/out")" = 3 ] || fail "add printed $(cat "$T/out")"
"$CCHC" task add --section 5 --title "Tuyên truyền" --lead TTr --co VP --due "thường xuyên" >/dev/null
"$CCHC" task add --section 5 --title "Tự chấm điểm" --lead VP --co TTr --co HCTP --due "25/11/2026" \
	--product "Báo cáo tự chấm điểm" >/dev/null

run "$CCHC" task list --format tsv
expect_rc 0
cat >"$T/want" <<'W'
3	todo	2026-12-31	VP	Báo cáo CCHC hằng quý
1	todo	2026-09-30	VP	Kiểm tra công tác CCHC tại các đơn vị thuộc Sở
2	todo	2026-11-29	VP	Rà soát, đơn giản hóa TTHC
5	todo	2026-11-25	VP	Tự chấm điểm
4	todo		TTr	Tuyên truyền
W
sort -t '	' -k3,3 -k1,1n "$T/want" | awk -F'\t' '$3!=""' >"$T/w1"
awk -F'\t' '$3==""' "$T/want" >>"$T/w1"
expect_file "$T/w1" "$T/out"

run "$CCHC" task list --overdue --format tsv
[ "$(cut -f1 "$T/out" | tr '\n' ' ')" = "1 " ] || fail "overdue (not the quarterly task added today): $(cat "$T/out")"
run "$CCHC" task list --due-within 5 --format tsv
[ "$(cut -f1 "$T/out" | tr '\n' ' ')" = "5 2 " ] || fail "due within 5: $(cat "$T/out")"
run "$CCHC" task list --unit TTr --format tsv
[ "$(cut -f1 "$T/out" | tr '\n' ' ')" = "1 5 4 " ] || fail "unit TTr (lead or co): $(cat "$T/out")"

# recurring, added today (24/11): quarters that ended before are not its to
# report; a note in Q4 reports the last occurrence of the plan's year
"$CCHC" task note 3 "Đã gửi báo cáo quý I" --period 2026-Q1 --date 20/03/2026 || fail note
run "$CCHC" task show 3
expect_grep "due: 31/12/2026" "$T/out"
expect_grep "status: đang thực hiện" "$T/out"
expect_grep "note: 20/03/2026 [2026-Q1] Đã gửi báo cáo quý I" "$T/out"
"$CCHC" task note 3 "Đã gửi báo cáo quý IV" --date 2026-11-24 || fail note
run "$CCHC" task show 3
grep -q "^due: ." "$T/out" && fail "reported Q4 left a deadline: $(cat "$T/out")"

# a note does not erase a one-off deadline
"$CCHC" task note 2 "Đã giao phòng rà soát" --date 2026-05-01 || fail note
run "$CCHC" task show 2
expect_grep "due: 29/11/2026" "$T/out"

# done: no longer overdue; edit
"$CCHC" task done 1 --date 2026-10-01 || fail done
run "$CCHC" task show 1
expect_grep "status: hoàn thành" "$T/out"
expect_grep "done: 01/10/2026" "$T/out"
"$CCHC" task edit 5 --title "Tự chấm điểm Chỉ số CCHC" --co BTTP --due "Quý IV/2026" --status doing || fail edit
run "$CCHC" task show 5
expect_grep "title: Tự chấm điểm Chỉ số CCHC" "$T/out"
expect_grep "co: BTTP" "$T/out"
expect_grep "due: 31/12/2026" "$T/out"
expect_grep "status: đang thực hiện" "$T/out"

run "$CCHC" task list --format json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert [x["id"] for x in d]==[1,2,5,3,4], d; assert not any(x["overdue"] for x in d) and d[3]["due"] is None and d[4]["due"] is None' "$T/out" ||
	fail "json: $(cat "$T/out")"

run "$CCHC" agenda --within 10
expect_rc 0
expect_grep "Quá hạn:" "$T/out"
grep -q "Báo cáo CCHC hằng quý" "$T/out" && fail "a reported recurring task in the agenda: $(cat "$T/out")"
grep -q "VP .*1/4 .*quá hạn 0" "$T/out" || fail "agenda by unit: $(cat "$T/out")"
grep -q "^  hoàn thành *1$" "$T/out" || fail "agenda by status: $(cat "$T/out")"
grep -q "^    0/2    PHỤ LỤC I" "$T/out" && fail "annex counts wrong"
grep -q "^    1/2    PHỤ LỤC I" "$T/out" || fail "agenda by section: $(cat "$T/out")"

# errors change nothing
before=$(sqlite3 "$CCHC_DB" "SELECT count(*) FROM task")
run "$CCHC" task add --section 5 --title X --lead NOPE
expect_rc 1
expect_grep 'Không có đơn vị mã "NOPE"' "$T/err"
run "$CCHC" task add --section 999 --title X --lead VP
expect_rc 1
expect_grep "Không có đề mục số 999" "$T/err"
run "$CCHC" task done 2 --date 31/02/2026
expect_rc 2
run "$CCHC" task edit 99 --title Y
expect_rc 1
expect_grep "Không có nhiệm vụ số 99" "$T/err"
[ "$(sqlite3 "$CCHC_DB" "SELECT count(*) FROM task")" = "$before" ] || fail "a failed command changed tasks"

# suggestions whose deadline is not understood are accepted, kept as written
cat >"$T/p2.txt" <<'P'
KẾ HOẠCH

Thử

I. PHỤ LỤC NHIỆM VỤ

| STT | Nhiệm vụ | Đơn vị chủ trì | Thời gian hoàn thành |
| 1 | Việc một | Văn phòng Sở | Quý I/2027 |
| 2 | Việc hai | Thanh tra Sở | sớm nhất có thể |
P
"$CCHC" plan import "$T/p2.txt" >/dev/null 2>&1 || fail "import p2"
n0=$(sqlite3 "$CCHC_DB" "SELECT count(*) FROM task")
# a deadline not understood no longer stops an accept: kept as written
run "$CCHC" task suggest 2 --accept all
expect_rc 0
[ "$(sqlite3 "$CCHC_DB" "SELECT count(*) FROM task")" = "$((n0 + 2))" ] || fail "accept created $(cat "$T/out")"
[ "$(sqlite3 "$CCHC_DB" "SELECT due_kind, coalesce(due_on, '-') FROM task WHERE due_text = 'sớm nhất có thể'")" = "unknown|-" ] ||
	fail "an unknown deadline was not kept as written"

# moving a task to another plan's section moves it to that plan
sec=$(sqlite3 "$CCHC_DB" "SELECT min(id) FROM section WHERE plan_id = 2")
"$CCHC" task edit 4 --section "$sec" || fail "move"
run "$CCHC" task show 4
expect_grep "plan: 2" "$T/out"
run "$CCHC" plan delete 2 --force
expect_rc 0

# a plan with tasks is not deleted without --force
run "$CCHC" plan delete 1
expect_rc 1
expect_grep "còn 4 nhiệm vụ" "$T/err"
run "$CCHC" plan delete 1 --force
expect_rc 0
[ "$(sqlite3 "$CCHC_DB" "SELECT count(*) FROM task")" = 0 ] || fail "tasks left"
"$CCHC" plan import "$FIXTURES/corpus/so-tu-phap-2026.txt" >/dev/null 2>&1 || fail "import again"
sec=$(sqlite3 "$CCHC_DB" "SELECT min(id) FROM section WHERE plan_id = (SELECT max(id) FROM plan)")
# recurring deadlines move with the day (issue 15): a quarterly task added
# on 10/09 is due 30/09, not 31/03, and not overdue; from 01/10 it is due
# 31/12 (the day's first list recomputes it) and Q3 is a missed report
q=$(CCHC_TODAY=2026-09-10 "$CCHC" task add --section "$sec" --title "Báo cáo nhanh hằng quý" --lead VP --due "hằng quý")
y=$(CCHC_TODAY=2026-01-05 "$CCHC" task add --section "$sec" --title "Báo cáo từ tháng Một" --lead VP --due "Hằng quý")
CCHC_TODAY=2026-02-10 "$CCHC" task note "$y" "Đã báo cáo quý I" || fail note
m=$(CCHC_TODAY=2026-02-15 "$CCHC" task add --section "$sec" --title "Báo cáo tháng" --lead TTr --due "hằng tháng")
a=$(CCHC_TODAY=2026-03-01 "$CCHC" task add --section "$sec" --title "Báo cáo năm" --lead TTr --due "hằng năm")
for id in $q $y $m $a; do
	CCHC_TODAY=2026-09-20 run "$CCHC" task show "$id"
	grep -q "^status: \(chưa\|đang\) thực hiện$" "$T/out" || fail "task $id on 20/09: $(cat "$T/out")"
	grep -q "quá hạn" "$T/out" && fail "task $id overdue on 20/09: $(cat "$T/out")"
done
CCHC_TODAY=2026-09-20 run "$CCHC" task list --format tsv
grep -q "^$q	todo	2026-09-30	" "$T/out" || fail "quarterly added 10/09: $(cat "$T/out")"
grep -q "^$y	doing	2026-09-30	" "$T/out" || fail "quarterly added in January: $(cat "$T/out")"
grep -q "^$m	todo	2026-09-30	" "$T/out" || fail "monthly: $(cat "$T/out")"
grep -q "^$a	todo	2026-12-31	" "$T/out" || fail "yearly: $(cat "$T/out")"
CCHC_TODAY=2026-09-20 run "$CCHC" task list --overdue --format tsv
grep -q "^\($q\|$y\|$m\|$a\)	" "$T/out" && fail "recurring listed overdue: $(cat "$T/out")"
CCHC_TODAY=2026-02-28 run "$CCHC" task show "$m"
expect_grep "due: 28/02/2026" "$T/out"
CCHC_TODAY=2026-10-05 run "$CCHC" task list --format tsv
grep -q "^$q	todo	2026-12-31	" "$T/out" || fail "quarterly on 05/10: $(cat "$T/out")"
grep -q "^$m	todo	2026-10-31	" "$T/out" || fail "monthly on 05/10: $(cat "$T/out")"
# the year over without a Q4 note: overdue from 31/12
CCHC_TODAY=2027-01-04 run "$CCHC" task list --overdue --format tsv
grep -q "^$y	doing	2026-12-31	" "$T/out" || fail "overdue after the year: $(cat "$T/out")"
# the Q3 report (data to 14/09): the quarterly tasks are not overdue; the one
# added in January missed its Q2 report, and its current quarter is named
CCHC_TODAY=2026-09-20 run "$CCHC" report --period 2026-Q3 --format md --out -
expect_rc 0
grep "Báo cáo nhanh hằng quý\|Báo cáo từ tháng Một" "$T/out" | grep -q "quá hạn" &&
	fail "recurring task overdue in the Q3 report: $(grep -n "quá hạn" "$T/out")"
expect_grep "chưa báo cáo quý II/2026" "$T/out"
grep "Báo cáo từ tháng Một" "$T/out" | grep -q "kỳ này hạn 30/09/2026" ||
	fail "current occurrence not named: $(grep -n "tháng Một" "$T/out")"
grep "Báo cáo tháng" "$T/out" | grep -q "chưa báo cáo tháng 2/2026, tháng 3/2026" ||
	fail "monthly missed reports: $(grep -n "Báo cáo tháng" "$T/out")"
grep "Báo cáo nhanh hằng quý" "$T/out" | grep -q "chưa báo cáo" && fail "reports missed before it existed"
# the annual report (data to 14/12), made in January: Q2 and Q3 missed
CCHC_TODAY=2027-01-04 run "$CCHC" report --period 2026 --format md --out -
expect_rc 0
grep "Báo cáo từ tháng Một" "$T/out" | grep -q "chưa báo cáo quý II/2026, quý III/2026" ||
	fail "annual: $(grep -n "tháng Một" "$T/out")"

exit 0
