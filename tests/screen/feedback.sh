#!/bin/sh
# The citizen feedback screen (F12, "Phản ánh, kiến nghị"), today
# 15/05/2026, over four records made with cchc feedback: no. 1 overdue
# (feedback.overdue, ^), no. 3 due within 5 working days (feedback.due_soon,
# #), no. 2 assigned to QLTM, no. 4 forwarded (closed, so only in "Tất cả").
# v switches open items, overdue, due soon, all; / filters without tones.
# b offers only the steps allowed now: right after registering, phân loại,
# trả lại, chuyển, giao — not trả lời. Assigning (the default deadline shown
# as the hint) then answering changes the status shown; a step dated after
# today is refused by the core under the date, the form kept. h lists the
# history with dates. After a step or a save the cursor stays on the
# record. a registers a record (a missing channel refused under its field;
# "dien thoai" picks the hotline channel from the list), e edits one (date
# and channel are not editable).
. "$top_srcdir/tests/screen/lib.sh"
. "$screen_dir/registers-data.inc"
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
screen list 80x24 <<'S'
key <F12> G
dump feedback.overdue feedback.due_soon
key v
dump
key v v
dump
key v /
type tran thi
key <Enter>
dump match
key <Esc>
S
screen workflow 80x24 <<'S'
key <F12> j b
dump
key <Down> <Down> <Down> <Enter>
dump form.hint
type QLTM
key C-o
dump
key b
dump
key <Down> <Enter>
type Sở đã hướng dẫn thủ tục và gửi văn bản trả lời
key <Tab>
type Nguyễn Văn An
key <Tab>
type email
key <Tab> C-u
type 20/05/2026
key C-o
dump form.error error
key C-u
type 15/05/2026
key C-o
dump
key v v v
dump
key j j h
dump
S
screen add 80x24 <<'S'
key <F12> a
dump
key C-o
dump form.error
type dien thoai
dump
key <Enter> <Tab>
type Hoàng Văn Nam
key <Tab> <Tab>
type Đề nghị công khai thời gian giải quyết thủ tục
key C-o
dump
key e
dump
S
screen wide 120x40 <<'S'
key <F12>
dump
resize 60x16
dump
S
check feedback
