#!/bin/sh
# The home screen (1, "Tổng quan"), the screen cchc opens on, today
# 15/05/2026 over the registers' data (registers-data.inc: four units, the
# one-stop export with 18 late dossiers without a letter) plus, made with
# the command line: tasks 1 (QLTM) and 2 (VP, QLTM coordinating) overdue,
# 3 (VP, also named coordinating: counted once) and 4 (QLCN) due within 10 working days, 5 later, 6 and 8 done
# without evidence, 7 done with, 9 done without evidence on 10/12/2025 --
# before this year's report period (15/12/2025 on), so not on the home
# screen's count of finished tasks without evidence; feedback 1 overdue, 3 due within 5 working
# days (as feedback.sh). Every count on the screen is the command line's;
# each unit lists its overdue tasks first (task.overdue, ^), then those due
# soon (task.due_soon, #).
. "$top_srcdir/tests/screen/lib.sh"
. "$screen_dir/registers-data.inc"
task() {
	"$CCHC" task add "$@" > /dev/null
}
task --section 3 --title "Rà soát thủ tục hành chính lĩnh vực thương mại" --lead QLTM \
	--due 30/04/2026
task --section 3 --title "Công khai thủ tục hành chính trên Cổng dịch vụ công" --lead VP \
	--co QLTM --due 08/05/2026
task --section 4 --title "Kiểm tra công tác cải cách hành chính tại các phòng" --lead VP \
	--co VP --due 22/05/2026
task --section 4 --title "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính" --lead QLCN \
	--due 27/05/2026
task --section 4 --title "Tập huấn nghiệp vụ một cửa" --lead QLCN --due 30/09/2026
task --section 3 --title "Ban hành kế hoạch cải cách hành chính năm 2026" --lead VP \
	--due 31/01/2026
task --section 3 --title "Báo cáo cải cách hành chính quý I" --lead VP --due 16/03/2026
task --section 4 --title "Tuyên truyền cải cách hành chính" --lead QLNL --due 31/03/2026
"$CCHC" task done 6 --date 2026-01-20
"$CCHC" task done 7 --date 2026-03-14
"$CCHC" task done 8 --date 2026-03-30
task --section 3 --title "Tổng kết cải cách hành chính năm 2025" --lead VP --due 10/12/2025
"$CCHC" task done 9 --date 2025-12-10
"$CCHC" evidence add --kind "báo cáo" --task 7 --number 12/BC-SCT --date 14/03/2026 \
	--summary "Báo cáo CCHC quý I" > /dev/null
fb() {
	"$CCHC" feedback "$@" > /dev/null
}
fb add --received 02/04/2026 --channel "điện thoại" --sender "Nguyễn Văn Hải" \
	--content "Phản ánh chậm cấp giấy phép bán lẻ rượu"
fb add --received 05/05/2026 --channel "cổng dvc" --sender "Trần Thị Lan" --kind "kiến nghị" \
	--content "Kiến nghị đơn giản hóa thành phần hồ sơ cấp phép bán lẻ xăng dầu"
fb add --received 12/05/2026 --channel "văn bản" --sender "Công ty TNHH Minh Phát" \
	--content "Hỏi về thủ tục cấp phép bán buôn thuốc lá"
fb add --received 20/03/2026 --channel "trực tiếp" --sender "Lê Thị Hoa" \
	--content "Phản ánh về an toàn thực phẩm tại chợ"
fb assign 2 --unit QLTM --date 06/05/2026
fb forward 4 --to "Sở Y tế" --number "45/SCT-VP" --date 25/03/2026

count() {
	"$CCHC" "$@" --format tsv | wc -l | tr -d ' '
}
over=$(count task list --overdue)
soon=$(count task list --due-within 10)
qltm_over=$(count task list --overdue --unit QLTM)
qltm_soon=$(count task list --due-within 10 --unit QLTM)
vp_over=$(count task list --overdue --unit VP)
vp_soon=$(count task list --due-within 10 --unit VP)
missing=$("$CCHC" evidence missing --format tsv | grep -c '^[0-9]*	[A-Z]')
[ "$missing" = 3 ] || { echo "home: evidence missing lists $missing tasks, not 3"; exit 1; }
missing=$((missing - 1))   # task 9, finished before the period
late=$(count dossier late --without-letter)
fb_over=$(count feedback list --overdue)
fb_soon=$(count feedback list --due-within 5)
note "counts: tasks $over overdue, $soon due soon (QLTM $qltm_over, $qltm_soon);" \
	"$missing done without evidence; $late late dossiers without a letter;" \
	"feedback $fb_over overdue, $fb_soon due soon"
screen home 80x24 <<'S'
dump task.overdue task.due_soon
S
expect() {
	grep -qF "$1" "$tmp/dump" || { echo "home: no \"$1\""; cat "$tmp/dump"; exit 1; }
}
expect "Nhiệm vụ quá hạn: $over · đến hạn trong 10 ngày làm việc: $soon"
expect "Phòng Quản lý thương mại: quá hạn $qltm_over, sắp đến hạn $qltm_soon"
expect "Văn phòng Sở: quá hạn $vp_over, sắp đến hạn $vp_soon"
expect "Nhiệm vụ hoàn thành từ 15/12/2025 chưa có tài liệu kiểm chứng: $missing"
expect "Hồ sơ trễ hạn chưa có phiếu xin lỗi: $late"
expect "Phản ánh, kiến nghị quá hạn: $fb_over · đến hạn trong 5 ngày làm việc: $fb_soon"
# Enter on a line: a task opens its details on the tasks screen; a unit,
# the unit's tasks; a finished task without evidence, the missing-evidence
# list on it; a dossier, the dossiers' to-do list on it, where x writes its
# letter, and back on the home screen (1) the count is one less; a feedback
# item, the overdue list on it; the report lines, the report screen on the
# next report (6 tháng đầu năm 2026, sent by 16/06/2026).
screen enter 80x24 <<'S'
key j j j j <Enter>
dump
key <Esc> 1 k <Enter>
dump
key 1 j j j j j j j j <Enter>
dump evidence.missing
key 1 j j j j <Enter>
dump
key x
type Chờ ý kiến thẩm định
key <Tab>
type 29/05/2026
key C-o 1
dump
key j j j <Enter>
dump feedback.overdue
key 1 <End> <Enter>
dump
S
expect "Hồ sơ trễ hạn chưa có phiếu xin lỗi: $((late - 1))"
# Wide: the titles and the holders whole.
screen wide 120x40 <<'S'
dump
S
check home
