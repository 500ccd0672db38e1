#!/bin/sh
# Citizen feedback (PAKN) from the command line: channels as the clerk types
# them, the workflow with its history and its refusals, deadlines in working
# days and the settings behind them, list filters under different "today"s,
# the tsv layout, and the report figures on a hand-checked sample.
. "${top_srcdir:-.}/tests/cli/lib.sh"
export CCHC_TODAY=2026-11-24

units() {
	for u in "Văn phòng Sở:VP" "Thanh tra Sở:TTr"; do
		"$CCHC" unit add "${u%%:*}" --code "${u##*:}" >/dev/null || fail "unit $u"
	done
}

# add SENDER CHANNEL RECEIVED [OPTION...]: one record, which must be accepted.
add() {
	s=$1 c=$2 d=$3
	shift 3
	"$CCHC" feedback add --received "$d" --channel "$c" --sender "$s" \
		--content "Nội dung phản ánh của $s" "$@" >/dev/null || fail "add $s"
}

# fb VERB ID [OPTION...]: a workflow step that must be accepted.
fb() {
	"$CCHC" feedback "$@" 2>"$T/fb-err" || fail "feedback $*: $(cat "$T/fb-err")"
}

# on DATE CMD...: run CMD with CCHC_TODAY=DATE.
on() {
	d=$1
	shift
	run env CCHC_TODAY="$d" "$@"
}

ids() {
	cut -f1 "$T/out" | tr '\n' ' '
}

workdays() {
	"$CCHC" workdays "$1" "$2" 2>/dev/null
}

q() {
	sqlite3 "$CCHC_DB" "$1"
}

units

# ---- Channels: codes and labels, with and without tones, any case ----------
export CCHC_DB="$T/channels.db"
# channel TYPED CODE: what the clerk types is stored as CODE. Under valgrind
# (about 2 s a command) two spellings of each channel are tried, not all.
last_code= tried=0
channel() {
	[ "$2" = "$last_code" ] || tried=0
	last_code=$2 tried=$((tried + 1))
	[ -z "${CCHC_VALGRIND:-}" ] || [ "$tried" -le 2 ] || return 0
	run "$CCHC" feedback add --received 01/10/2026 --channel "$1" --sender "Người gửi" \
		--content "Thử kênh"
	expect_rc 0
	got=$(q "SELECT channel FROM feedback WHERE id = $(cat "$T/out")")
	[ "$got" = "$2" ] || fail "channel \"$1\" stored as \"$got\", expected $2"
}
channel "van-ban" van-ban
channel "Văn bản" van-ban
channel "VAN BAN" van-ban
channel "bưu chính" van-ban
channel "buu chinh" van-ban
channel "thư" van-ban
channel "thu" van-ban
channel "truc-tiep" truc-tiep
channel "Trực tiếp" truc-tiep
channel "truc tiep" truc-tiep
channel "dien-thoai" dien-thoai
channel "điện thoại" dien-thoai
channel "Đường dây nóng" dien-thoai
channel "duong day nong" dien-thoai
channel "hotline" dien-thoai
channel "điện thoại/đường dây nóng" dien-thoai
channel "email" email
channel "E-mail" email
channel "thư điện tử" email
channel "thu dien tu" email
channel "cong-dvc" cong-dvc
channel "Cổng DVC quốc gia" cong-dvc
channel "cong dvc quoc gia" cong-dvc
channel "Cổng dịch vụ công" cong-dvc
channel "cong dich vu cong" cong-dvc
channel "portal" cong-dvc
channel "DVC" cong-dvc
channel "phieu" phieu
channel "Phiếu lấy ý kiến" phieu
channel "phieu lay y kien" phieu
run "$CCHC" feedback show 1
expect_grep "Kênh: văn bản" "$T/out"
run "$CCHC" feedback show "$(q "SELECT min(id) FROM feedback WHERE channel = 'cong-dvc'")"
expect_grep "Kênh: Cổng DVC quốc gia" "$T/out"
run "$CCHC" feedback add --received 01/10/2026 --channel fax --sender X --content Y
expect_rc 1
expect_grep 'Kênh tiếp nhận "fax" không có' "$T/err"
expect_grep "cong-dvc (Cổng DVC quốc gia)" "$T/err"

export CCHC_DB="$T/cchc.db"

# ---- The full path: add → classify → assign → progress → answer → publish → archive
# Received on Friday 06/03/2026 through the portal: the forwarding (or
# classification) deadline is 5 working days later, Friday 13/03.
run "$CCHC" feedback add --received 06/03/2026 --channel "Cổng DVC quốc gia" \
	--sender "Nguyễn Văn An" --contact "0912 345 678" \
	--content "Hồ sơ cấp giấy phép bị trả chậm, không được hẹn lại" \
	--related "Cấp Giấy phép kinh doanh"
expect_rc 0
[ "$(cat "$T/out")" = 1 ] || fail "add printed $(cat "$T/out")"
[ "$(workdays 2026-03-06 5)" = 2026-03-13 ] || fail "calendar: 5 working days after 06/03"
[ "$(q "SELECT status || ' ' || due_on FROM feedback WHERE id = 1")" = "da-vao-so 2026-03-13" ] ||
	fail "after add: $(q "SELECT status, due_on FROM feedback WHERE id = 1")"
[ "$(q "SELECT group_concat(seq || ' ' || step || ' ' || on_date, ', ') FROM feedback_step
	WHERE feedback_id = 1")" = "1 tiep-nhan 2026-03-06, 2 da-vao-so 2026-03-06" ] ||
	fail "steps after add: $(q "SELECT * FROM feedback_step")"

# answering before assigning is refused, naming the status and what comes first
run "$CCHC" feedback answer 1 --date 2026-03-10 --text "Trả lời"
expect_rc 1
expect_grep 'cchc: Phản ánh 1 đang ở bước "Đã vào sổ": phải giao phòng xử lý (cchc feedback assign) trước khi trả lời.' "$T/err"
run "$CCHC" feedback publish 1 --date 2026-03-10 --where "Trang tin"
expect_rc 1
expect_grep 'phải giao phòng xử lý (cchc feedback assign), rồi trả lời (cchc feedback answer) trước khi công khai kết quả.' "$T/err"

fb classify 1 --topic "hanh vi" --date 2026-03-09
[ "$(q "SELECT status || ' ' || topic || ' ' || kind FROM feedback WHERE id = 1")" = \
	"phan-loai hanh-vi phan-anh" ] || fail "classify"
# 20 working days from Friday 06/03 (the portal's default): Friday 03/04
[ "$(workdays 2026-03-06 20)" = 2026-04-03 ] || fail "calendar: 20 working days after 06/03"
fb assign 1 --unit vp --date 2026-03-10
run "$CCHC" feedback list --format tsv
printf '1\tgiao\t2026-04-03\tVP\tNguyễn Văn An\n' >"$T/want"
expect_file "$T/want" "$T/out"

run "$CCHC" feedback publish 1 --date 2026-03-10 --where "Trang tin"
expect_rc 1
expect_grep 'cchc: Phản ánh 1 đang ở bước "Đã giao phòng xử lý": phải trả lời (cchc feedback answer) trước khi công khai kết quả.' "$T/err"
run "$CCHC" feedback forward 1 --to "Sở Xây dựng" --date 2026-03-11
expect_rc 1
expect_grep 'Phản ánh 1 đang ở bước "Đã giao phòng xử lý": không thể chuyển cơ quan có thẩm quyền nữa.' "$T/err"
# a date before the previous step's, or after today
run "$CCHC" feedback progress 1 --note "Ghi lùi ngày" --date 09/03/2026
expect_rc 1
expect_grep 'Ngày 09/03/2026 trước ngày của bước trước ("Đã giao phòng xử lý" ngày 10/03/2026)' "$T/err"
run "$CCHC" feedback progress 1 --note "Ghi trước" --date 2026-11-25
expect_rc 1
expect_grep "Ngày 25/11/2026 chưa tới (hôm nay là 24/11/2026)" "$T/err"
on 2026-03-09 "$CCHC" feedback progress 1 --note "Hôm nay là trước ngày giao"
expect_rc 1
expect_grep "Ngày 09/03/2026 trước ngày của bước trước" "$T/err"
[ "$(q "SELECT count(*) FROM feedback_step WHERE feedback_id = 1")" = 4 ] || fail "a refusal wrote a step"

# the step's date defaults to today; more progress notes while in progress
on 2026-03-16 "$CCHC" feedback progress 1 --note "Đã mời người gửi đến làm việc"
expect_rc 0
fb progress 1 --note "Đã làm việc với Bộ phận Một cửa" --date 20/03/2026
fb answer 1 --date 2026-03-30 --text "Sở đã chỉ đạo trả kết quả và xin lỗi ông." \
	--signer "Trần Văn Bình" --channel "thư điện tử"
run "$CCHC" feedback progress 1 --note "Muộn"
expect_rc 1
expect_grep 'Phản ánh 1 đang ở bước "Đã trả lời": không thể ghi tiến độ xử lý nữa.' "$T/err"
run "$CCHC" feedback archive 1 --date 2026-03-31
expect_rc 1
expect_grep 'Phản ánh 1 đang ở bước "Đã trả lời": chỉ lưu hồ sơ đã công khai kết quả trả lời (cchc feedback publish)' "$T/err"
fb publish 1 --date 02/04/2026 --where "Trang thông tin điện tử của Sở"
fb archive 1 --date 2026-04-06
run "$CCHC" feedback show 1
expect_rc 0
expect_grep "Phản ánh số 1" "$T/out"
expect_grep "Kênh: Cổng DVC quốc gia" "$T/out"
expect_grep "Nội dung phân loại: hành vi chậm trễ, gây phiền hà của cơ quan, cán bộ" "$T/out"
expect_grep "Trạng thái: Lưu" "$T/out"
expect_grep "Đơn vị xử lý: VP (Văn phòng Sở)" "$T/out"
expect_grep "Ngày kết thúc xử lý: 30/03/2026" "$T/out"
expect_grep "đúng hạn (hạn 03/04/2026)" "$T/out"
expect_grep "Người ký: Trần Văn Bình" "$T/out"
expect_grep "Kênh trả lời: thư điện tử" "$T/out"
expect_grep "Ngày công khai: 02/04/2026" "$T/out"
expect_grep "Bước tiếp theo: không còn (đã lưu)" "$T/out"
sed -n '/^Quá trình xử lý:/,/^Bước/p' "$T/out" >"$T/hist"
cat >"$T/want" <<'H'
Quá trình xử lý:
  06/03/2026  Tiếp nhận — Qua Cổng DVC quốc gia
  06/03/2026  Vào sổ — Hạn chuyển hoặc phân loại: 13/03/2026
  09/03/2026  Đã phân loại — phản ánh; hành vi chậm trễ, gây phiền hà của cơ quan, cán bộ
  10/03/2026  Đã giao phòng xử lý — VP (Văn phòng Sở); hạn xử lý: 03/04/2026
  16/03/2026  Đang xử lý — Đã mời người gửi đến làm việc
  20/03/2026  Đang xử lý — Đã làm việc với Bộ phận Một cửa
  30/03/2026  Đã trả lời — Sở đã chỉ đạo trả kết quả và xin lỗi ông.
  02/04/2026  Đã công khai — Trang thông tin điện tử của Sở
  06/04/2026  Lưu
Bước tiếp theo: không còn (đã lưu)
H
expect_file "$T/want" "$T/hist"
[ "$(q "SELECT coalesce(due_on, 'NULL') || ' ' || closed_on || ' ' || published_on || ' ' ||
	answer_channel FROM feedback WHERE id = 1")" = "NULL 2026-03-30 2026-04-02 email" ] ||
	fail "closed fields: $(q "SELECT * FROM feedback WHERE id = 1")"
run "$CCHC" feedback archive 1
expect_rc 1
expect_grep 'Phản ánh 1 đang ở bước "Lưu": không thể lưu hồ sơ nữa.' "$T/err"

# ---- Forwarding: on time, and late (allowed, but reported late) -------------
add "Trần Thị Bình" "bưu chính" 06/03/2026                       # 2: deadline 13/03
add "Lê Văn Cường" email 2026-03-02                              # 3: deadline 09/03
[ "$(workdays 2026-03-02 5)" = 2026-03-09 ] || fail "calendar: 5 working days after 02/03"
on 2026-03-09 "$CCHC" feedback list --due-within 0 --format tsv
[ "$(ids)" = "3 " ] || fail "due today on 09/03: $(cat "$T/out")"
on 2026-03-09 "$CCHC" feedback list --overdue --format tsv
[ "$(ids)" = "" ] || fail "nothing overdue on 09/03: $(cat "$T/out")"
on 2026-03-10 "$CCHC" feedback list --overdue --format tsv
[ "$(ids)" = "3 " ] || fail "overdue on 10/03: $(cat "$T/out")"
run "$CCHC" feedback forward 2 --to "Sở Xây dựng"
expect_rc 2
expect_grep "thiếu --date" "$T/err"
fb forward 2 --to "Sở Xây dựng" --number "45/SCT-VP" --date 12/03/2026
on 2026-03-16 "$CCHC" feedback forward 3 --to "UBND tỉnh" --date 2026-03-16
expect_rc 0
run "$CCHC" feedback show 2
expect_grep "Trạng thái: Đã chuyển cơ quan có thẩm quyền" "$T/out"
expect_grep "Chuyển đến: Sở Xây dựng" "$T/out"
expect_grep "Văn bản chuyển số: 45/SCT-VP" "$T/out"
expect_grep "đúng hạn (hạn 13/03/2026)" "$T/out"
expect_grep "12/03/2026  Đã chuyển cơ quan có thẩm quyền — Chuyển đến Sở Xây dựng, văn bản số 45/SCT-VP" "$T/out"
run "$CCHC" feedback show 3
expect_grep "trễ hạn (hạn 09/03/2026)" "$T/out"
run "$CCHC" feedback list --status chuyen
expect_rc 0
grep -q "^    2  Đã chuyển cơ quan có thẩm quyền  *-  " "$T/out" || fail "list text 2: $(cat "$T/out")"
grep -q "^    3  Đã chuyển cơ quan có thẩm quyền trễ hạn  *-  " "$T/out" || fail "list text 3: $(cat "$T/out")"
run "$CCHC" feedback assign 2 --unit VP
expect_rc 1
expect_grep 'cchc: Phản ánh 2 đang ở bước "Đã chuyển cơ quan có thẩm quyền": không thể giao phòng xử lý nữa.' "$T/err"
fb archive 2 --date 2026-03-20
[ "$(q "SELECT status || ' ' || closed_on FROM feedback WHERE id = 2")" = "luu 2026-03-12" ] ||
	fail "archive after forward"

# ---- Not acceptable: the sender is guided, then the record is archived -----
add "Phạm Thị Dung" "Trực tiếp" 15/06/2026 --kind "kien nghi"   # 4
run "$CCHC" feedback answer 4 --date 2026-06-16 --text "x"
expect_rc 1
expect_grep 'cchc: Kiến nghị 4 đang ở bước "Đã vào sổ": phải giao phòng xử lý (cchc feedback assign) trước khi trả lời.' "$T/err"
run "$CCHC" feedback archive 4
expect_rc 1
expect_grep 'Kiến nghị 4 đang ở bước "Đã vào sổ": chỉ lưu hồ sơ đã công khai kết quả trả lời' "$T/err"
run "$CCHC" feedback reject 4 --date 2026-06-16
expect_rc 2
expect_grep "thiếu --note" "$T/err"
fb reject 4 --note "Đã hướng dẫn gửi UBND xã nơi cư trú" --date 2026-06-16
run "$CCHC" feedback forward 4 --to X --date 2026-06-17
expect_rc 1
expect_grep 'đang ở bước "Không đủ điều kiện xử lý": không thể chuyển cơ quan có thẩm quyền nữa.' "$T/err"
fb archive 4
run "$CCHC" feedback show 4
expect_grep "Kiến nghị số 4" "$T/out"
expect_grep "  16/06/2026  Không đủ điều kiện xử lý — Đã hướng dẫn gửi UBND xã nơi cư trú" "$T/out"
expect_grep "  24/11/2026  Lưu" "$T/out"
expect_grep "đúng hạn (hạn 22/06/2026)" "$T/out"

# ---- Other refusals change nothing ------------------------------------------
add "Hoàng Văn Em" "điện thoại" 2026-10-01                          # 5
run "$CCHC" feedback assign 5 --unit XYZ
expect_rc 1
expect_grep 'cchc: Không có đơn vị mã "XYZ" (xem cchc unit list)' "$T/err"
run "$CCHC" feedback assign 5 --unit VP --date 2026-10-05 --due 2026-10-02
expect_rc 1
expect_grep "Hạn xử lý 02/10/2026 trước ngày giao 05/10/2026" "$T/err"
run "$CCHC" feedback assign 5 --unit VP --due 31/02/2026
expect_rc 2
[ "$(q "SELECT status || ' ' || coalesce(unit_id, '-') || ' ' ||
	(SELECT count(*) FROM feedback_step WHERE feedback_id = 5) FROM feedback WHERE id = 5")" = \
	"da-vao-so - 2" ] || fail "a refused step changed record 5"
run "$CCHC" feedback list --status "xong rồi"
expect_rc 2
expect_grep 'trạng thái "xong rồi" không có' "$T/err"
run "$CCHC" feedback list --unit XYZ
expect_rc 1
expect_grep 'Không có đơn vị mã "XYZ"' "$T/err"
run "$CCHC" feedback show 99
expect_rc 1
expect_grep "Không có phản ánh, kiến nghị số 99" "$T/err"
run "$CCHC" feedback progress 99 --note x
expect_rc 1
run "$CCHC" feedback add --received 25/11/2026 --channel email --sender X --content Y
expect_rc 1
expect_grep "Ngày tiếp nhận 25/11/2026 chưa tới" "$T/err"
run "$CCHC" feedback add --received 31/02/2026 --channel email --sender X --content Y
expect_rc 2
run "$CCHC" feedback add --received 01/10/2026 --channel email --sender "  " --content Y
expect_rc 1
expect_grep "Cần người gửi" "$T/err"
run "$CCHC" feedback add --received 01/10/2026 --channel email --content Y
expect_rc 2
expect_grep "thiếu --sender" "$T/err"
run "$CCHC" feedback classify 5 --topic "lung tung"
expect_rc 1
expect_grep 'Nội dung "lung tung" không có' "$T/err"
run "$CCHC" feedback assign x --unit VP
expect_rc 2
[ "$(q "SELECT count(*) FROM feedback")" = 5 ] || fail "a refused add wrote a record"

# edit: descriptive fields only
fb edit 5 --sender "Hoàng Văn Em (đại diện hộ kinh doanh)" --topic "quy dinh khong hop phap"
[ "$(q "SELECT sender || ' | ' || topic FROM feedback WHERE id = 5")" = \
	"Hoàng Văn Em (đại diện hộ kinh doanh) | khong-hop-phap" ] || fail "edit"
run "$CCHC" feedback edit 5 --received 02/10/2026
expect_rc 2

# ---- Deadlines follow the settings --------------------------------------------
"$CCHC" setting set feedback.due.cong-dvc 10 >/dev/null || fail "setting"
add "Vũ Thị Phương" cong-dvc 06/03/2026                              # 6
fb assign 6 --unit TTr --date 2026-03-09
[ "$(q "SELECT due_on FROM feedback WHERE id = 6")" = "$(workdays 2026-03-06 10)" ] ||
	fail "due with feedback.due.cong-dvc = 10: $(q "SELECT due_on FROM feedback WHERE id = 6")"
[ "$(q "SELECT due_on FROM feedback WHERE id = 6")" = 2026-03-20 ] || fail "10 working days"
"$CCHC" setting reset feedback.due.cong-dvc >/dev/null || fail "setting reset"
add "Đặng Văn Giang" "cổng dịch vụ công" 06/03/2026                  # 7
fb assign 7 --unit TTr --date 2026-03-09
[ "$(q "SELECT due_on FROM feedback WHERE id = 7")" = 2026-04-03 ] || fail "default 20 days again"
"$CCHC" setting set feedback.forward_days 3 >/dev/null || fail "setting"
add "Bùi Thị Hoa" "dien thoai" 06/03/2026                            # 8
[ "$(q "SELECT due_on FROM feedback WHERE id = 8")" = "$(workdays 2026-03-06 3)" ] || fail "forward_days 3"
"$CCHC" setting reset feedback.forward_days >/dev/null || fail "setting reset"
fb assign 8 --unit VP --date 2026-03-09
[ "$(q "SELECT due_on FROM feedback WHERE id = 8")" = "$(workdays 2026-03-06 10)" ] ||
	fail "hotline default 10 working days"
fb assign 5 --unit VP --date 2026-10-05 --due 15/10/2026
[ "$(q "SELECT due_on FROM feedback WHERE id = 5")" = 2026-10-15 ] || fail "explicit --due"

# text from the record never reaches the terminal raw
add "$(printf 'Kẻ\033[2Jxấu')" email 01/10/2026 --contact "$(printf 'a\tb')"    # 9
run "$CCHC" feedback show 9
expect_rc 0
expect_grep "Người gửi: Kẻ" "$T/out"
if grep -q "$(printf '\033')" "$T/out"; then fail "escape sequence in show"; fi
run "$CCHC" feedback list --format tsv
if grep -q "$(printf '\033')" "$T/out"; then fail "escape sequence in list"; fi
[ "$(awk -F'\t' 'NF != 5' "$T/out" | wc -l)" -eq 0 ] || fail "a tsv row without 5 fields"

# ---- Report figures and list filters on a hand-made sample ---------------------
# Period P = 01/06/2026..30/06/2026, today 24/11/2026, so as-of = 30/06/2026.
# Direct channel: 5 working days to forward. June has no holidays.
#  A 1  received 20/05, assigned VP due 10/06, answered 05/06 (on time), published 08/06
#  B 2  received 25/05, assigned TTr due 03/06, answered 12/06 (late)
#  C 3  received 11/05, forwarded 15/05 (closed before P)
#  D 4  received 02/06, forwarding deadline 09/06, forwarded 11/06 (late)
#  E 5  received 08/06, deadline 15/06, turned away 09/06 (on time)
#  F 6  received 15/06, assigned VP due 26/06, answered 10/07 (after P)
#  G 7  received 22/06, nothing done; forwarding deadline 29/06
#  H 8  received 24/06, nothing done; forwarding deadline 01/07
#  I 9  received 10/04, assigned VP due 15/07, still open
#  J 10 received 04/05, assigned TTr due 29/05, answered 28/05, published 03/06
#  L 11 received 01/07 (after P), deadline 08/07
#  N 12 received 16/06, deadline 23/06, assigned TTr only on 01/07 with due 30/07
export CCHC_DB="$T/stats.db"
units
add A "truc tiep" 2026-05-20
add B "truc tiep" 2026-05-25
add C "truc tiep" 2026-05-11
add D "truc tiep" 2026-06-02
add E "truc tiep" 2026-06-08
add F "truc tiep" 2026-06-15
add G "truc tiep" 2026-06-22
add H "truc tiep" 2026-06-24
add I "truc tiep" 2026-04-10
add J "truc tiep" 2026-05-04
add L "truc tiep" 2026-07-01
add N "truc tiep" 2026-06-16
fb assign 1 --unit VP --date 2026-05-21 --due 2026-06-10
fb answer 1 --date 2026-06-05 --text "Đã trả lời"
fb publish 1 --date 2026-06-08 --where "Trang thông tin điện tử"
fb assign 2 --unit TTr --date 2026-05-26 --due 2026-06-03
fb answer 2 --date 2026-06-12 --text "Đã trả lời"
fb forward 3 --to "Sở Y tế" --date 2026-05-15
fb forward 4 --to "Sở Tài chính" --date 2026-06-11
fb reject 5 --note "Đã hướng dẫn" --date 2026-06-09
fb assign 6 --unit VP --date 2026-06-16 --due 2026-06-26
fb progress 6 --note "Đang xác minh" --date 2026-06-20
fb answer 6 --date 2026-07-10 --text "Đã trả lời"
fb assign 9 --unit VP --date 2026-04-13 --due 2026-07-15
fb assign 10 --unit TTr --date 2026-05-05 --due 2026-05-29
fb answer 10 --date 2026-05-28 --text "Đã trả lời"
fb publish 10 --date 2026-06-03 --where "Niêm yết tại trụ sở"
fb assign 12 --unit TTr --date 2026-07-01 --due 2026-07-30
for d in 2026-06-02:5:2026-06-09 2026-06-08:5:2026-06-15 2026-06-22:5:2026-06-29 \
	2026-06-24:5:2026-07-01 2026-06-16:5:2026-06-23 2026-07-01:5:2026-07-08; do
	from=${d%%:*} want=${d##*:}
	[ "$(workdays "$from" 5)" = "$want" ] || fail "calendar: 5 working days after $from"
done

# received:        D E F G H N (received in June)                         = 6
# carried:         A B (received in May, closed in June), I (still open)  = 3
#                  (C and J were closed in May)
# handled:         A B D E (closed in June; F closed in July)             = 4
#   on time:       A (05/06 <= 10/06), E (09/06 <= 15/06)                 = 2
#   late:          B (12/06 > 03/06), D (11/06 > 09/06)                   = 2
# pending at 30/06: F G H I N (L is received after P)                     = 5
#   overdue at 30/06: F (due 26/06), G (29/06), N (its deadline on 30/06
#                  was still the forwarding one, 23/06); not H (01/07), I (15/07) = 3
# published:       A (08/06), J (03/06)                                   = 2
run "$CCHC" feedback stats --period 2026-06-01..2026-06-30 --format tsv
expect_rc 0
printf 'received\t6\ncarried\t3\nhandled_total\t4\nhandled_on_time\t2\nhandled_late\t2\npending_total\t5\npending_overdue\t3\npublished\t2\n' >"$T/want"
expect_file "$T/want" "$T/out"
run "$CCHC" feedback stats --period 01/06/2026..30/06/2026
expect_rc 0
expect_grep "Phản ánh, kiến nghị từ 01/06/2026 đến 30/06/2026" "$T/out"
grep -q "^Tiếp nhận trong kỳ  *6$" "$T/out" || fail "stats text: $(cat "$T/out")"
grep -q "^  trong đó quá hạn  *3$" "$T/out" || fail "stats text: $(cat "$T/out")"
# Quý III with the cut-off on the 15th is 15/06 → 14/09: received F G H L N
# (5); carried only I (A B D E were closed before 15/06); handled F (10/07,
# late: its due was 26/06); pending at 14/09 G H I L N, all past their
# deadlines by then; published none.
run "$CCHC" feedback stats --period 2026-Q3 --format tsv
printf 'received\t5\ncarried\t1\nhandled_total\t1\nhandled_on_time\t0\nhandled_late\t1\npending_total\t5\npending_overdue\t5\npublished\t0\n' >"$T/want"
expect_file "$T/want" "$T/out"
run "$CCHC" feedback stats --period 2026-Q7
expect_rc 2
run "$CCHC" feedback stats
expect_rc 2

# the tsv layout: id, status, due (ISO or empty), unit code (or empty), sender;
# by due date, those with none last, then by number
run "$CCHC" feedback list --format tsv
expect_rc 0
cat >"$T/want" <<'W'
7	da-vao-so	2026-06-29		G
8	da-vao-so	2026-07-01		H
11	da-vao-so	2026-07-08		L
9	giao	2026-07-15	VP	I
12	giao	2026-07-30	TTr	N
1	da-cong-khai		VP	A
2	da-tra-loi		TTr	B
3	chuyen			C
4	chuyen			D
5	khong-du-dk			E
6	da-tra-loi		VP	F
10	da-cong-khai		TTr	J
W
expect_file "$T/want" "$T/out"

run "$CCHC" feedback list --overdue --format tsv
[ "$(ids)" = "7 8 11 9 12 " ] || fail "overdue on 24/11: $(cat "$T/out")"
on 2026-07-06 "$CCHC" feedback list --overdue --format tsv
[ "$(ids)" = "7 8 " ] || fail "overdue on 06/07: $(cat "$T/out")"
on 2026-07-06 "$CCHC" feedback list --due-within 5 --format tsv
[ "$(ids)" = "11 " ] || fail "due within 5 on 06/07: $(cat "$T/out")"
on 2026-07-08 "$CCHC" feedback list --due-within 0 --format tsv
[ "$(ids)" = "11 " ] || fail "due within 0 on 08/07: $(cat "$T/out")"
on 2026-07-08 "$CCHC" feedback list --due-within 5 --format tsv
[ "$(ids)" = "11 9 " ] || fail "due within 5 on 08/07: $(cat "$T/out")"
on 2026-07-08 "$CCHC" feedback list --overdue --unit vp --format tsv
[ "$(ids)" = "" ] || fail "VP overdue on 08/07: $(cat "$T/out")"
on 2026-07-16 "$CCHC" feedback list --overdue --unit VP --format tsv
[ "$(ids)" = "9 " ] || fail "VP overdue on 16/07: $(cat "$T/out")"
run "$CCHC" feedback list --unit TTr --format tsv
[ "$(ids)" = "12 2 10 " ] || fail "unit TTr: $(cat "$T/out")"
run "$CCHC" feedback list --status giao --format tsv
[ "$(ids)" = "9 12 " ] || fail "status giao: $(cat "$T/out")"
run "$CCHC" feedback list --status "Đã vào sổ" --format tsv
[ "$(ids)" = "7 8 11 " ] || fail "status by label: $(cat "$T/out")"
run "$CCHC" feedback list --status "da tra loi" --format tsv
[ "$(ids)" = "2 6 " ] || fail "status by label without tones: $(cat "$T/out")"
run "$CCHC" feedback list --period 2026-06-01..2026-06-30 --format tsv
[ "$(ids)" = "7 8 12 4 5 6 " ] || fail "received in June: $(cat "$T/out")"
run "$CCHC" feedback list --period 2026-Q3 --status "da vao so" --overdue --format tsv
[ "$(ids)" = "7 8 11 " ] || fail "combined filters: $(cat "$T/out")"
run "$CCHC" feedback list --due-within x
expect_rc 2
run "$CCHC" feedback list --format json
expect_rc 2

# text list: overdue and late are marked
run "$CCHC" feedback list
expect_rc 0
grep -q "^    7  Đã vào sổ  *quá hạn  29/06/2026  -  *G$" "$T/out" || fail "list text: $(cat "$T/out")"
grep -q "^    2  Đã trả lời  *trễ hạn  -  *TTr  *B$" "$T/out" || fail "list text: $(cat "$T/out")"
grep -q "^    1  Đã công khai  *-  *VP  *A$" "$T/out" || fail "list text: $(cat "$T/out")"

# help is generated from the table
run "$CCHC" feedback --help
expect_rc 0
expect_grep "cchc feedback assign MÃ --unit MÃ_ĐV [--due NGÀY] [--date NGÀY]" "$T/out"
run "$CCHC" feedback stats --help
expect_rc 0
expect_grep "Cách dùng: cchc feedback stats --period KỲ" "$T/out"
exit 0
