#!/bin/sh
# The report's words as a clerk would send them (issue 15): the agency's
# short name, a plan cited by number and date (by title when the number is
# blank), the decree's first citation with its date, an empty area said in
# a sentence, "-" for a rate of nothing, the apology form named by the
# letters' dates, the annual report's comparison with the year before and
# the stored index results, and dossiers withdrawn at the applicant's
# request counted as the one-stop systems count them (on time).
#
# Hand-checked sample, 2026 (15/12/2025 .. 14/12/2026) and 2025:
#   2026 tasks: T1 done 10/02/2026, T2 open due 30/12/2026  -> 1/2 = 50,00%
#   2025 plan: T3 done 01/06/2025, T4 T5 T6 open           -> 1/4 = 25,00%
#   dossiers 2026: D1 online, due 10/03, resolved 05/03 (early)
#                  D2 in person, due 10/03, resolved 20/03 (late)
#                  D3 in person, due 10/03, resolved 25/03, "Công dân rút hồ sơ"
#                     (late by its dates: counted on time)
#                  D4 in person, due 10/04, open, "Trả lại hồ sơ theo yêu cầu"
#                     (past due at 14/12: pending, in time)
#      -> received 4 (online 1, offline 3); resolved 3 (early 1, on time 1,
#         late 1) = 66,67%; pending 1 (in time 1, overdue 0)
#   dossiers 2025: none -> "năm 2025 chưa có số liệu"
#   feedback: none in either year -> no rate
#   indices: PAR INDEX 2024 80,10 rank 20/63; 2025 83,77 rank 15/63
#            -> tăng 3,67 điểm %, tăng 5 bậc so với năm 2024
. "${top_srcdir:-.}/tests/cli/lib.sh"
export CCHC_TODAY=2026-12-20
cat >"$T/kh2026.txt" <<'EOPLAN'
UBND TỈNH LẠNG SƠN
BAN QUẢN LÝ CÁC KHU KINH TẾ
Số: 12/KH-BQL
Lạng Sơn, ngày 15 tháng 01 năm 2026
KẾ HOẠCH
Cải cách hành chính năm 2026
I. CẢI CÁCH THỂ CHẾ
1. Rà soát văn bản
EOPLAN
cat >"$T/kh2025.txt" <<'EOPLAN'
UBND TỈNH LẠNG SƠN
BAN QUẢN LÝ CÁC KHU KINH TẾ
Số: /KH-BQL
Lạng Sơn, ngày 20 tháng 01 năm 2025
KẾ HOẠCH
Cải cách hành chính năm 2025
I. CẢI CÁCH THỂ CHẾ
1. Rà soát văn bản
EOPLAN
"$CCHC" plan import "$T/kh2025.txt" >/dev/null 2>&1 || fail "import 2025"
"$CCHC" plan import "$T/kh2026.txt" >/dev/null 2>&1 || fail "import 2026"
"$CCHC" unit add "Văn phòng Ban" --code VP >/dev/null || fail unit
"$CCHC" setting set org.name "Ban Quản lý các Khu kinh tế" >/dev/null || fail org
"$CCHC" setting set org.place "Lạng Sơn" >/dev/null
run "$CCHC" setting get org.short
expect_grep "Ban" "$T/out"
sec() { # plan-id -> the id of its section "Rà soát văn bản"
	"$CCHC" plan tree "$1" --format tsv | awk -F'\t' '/Rà soát/ { print $1; exit }'
}
s25=$(sec 1); s26=$(sec 2)
[ -n "$s25" ] && [ -n "$s26" ] || fail "sections: $("$CCHC" plan tree 2 --format tsv)"
"$CCHC" task add --section "$s25" --title "Nhiệm vụ 2025 A" --lead VP --due 30/06/2025 >/dev/null || fail t3
for x in B C D; do
	"$CCHC" task add --section "$s25" --title "Nhiệm vụ 2025 $x" --lead VP --due 30/11/2025 >/dev/null || fail "t $x"
done
"$CCHC" task add --section "$s26" --title "Rà soát quy chế" --lead VP --due 31/03/2026 >/dev/null || fail t1
"$CCHC" task add --section "$s26" --title "Sửa quy chế" --lead VP --due 30/12/2026 >/dev/null || fail t2
"$CCHC" task done 1 --date 01/06/2025 >/dev/null || fail done3
"$CCHC" task done 5 --date 10/02/2026 >/dev/null || fail done1
dossier() { # code channel due resolved status
	"$CCHC" dossier add --code "$1" --received 02/03/2026 --procedure "Cấp phép" --field "Đầu tư" \
		--unit VP --channel "$2" --due "$3" ${4:+--resolved "$4"} ${5:+--status "$5"} >/dev/null ||
		fail "dossier $1"
}
dossier D1 "trực tuyến" 10/03/2026 05/03/2026 "Đã trả kết quả"
dossier D2 "trực tiếp" 10/03/2026 20/03/2026 "Đã trả kết quả"
dossier D3 "trực tiếp" 10/03/2026 25/03/2026 "Công dân rút hồ sơ"
dossier D4 "trực tiếp" 10/04/2026 "" "Trả lại hồ sơ theo yêu cầu"
"$CCHC" index add --year 2024 --index par --value 80,10 --rank 20/63 >/dev/null || fail idx1
"$CCHC" index add --year 2025 --index par --value 83,77 --rank 15/63 >/dev/null || fail idx2

run "$CCHC" report --period 2026 --format txt --out "$T/nam.txt" --date 16/12/2026
expect_rc 0
tr -s ' \n' ' ' <"$T/nam.txt" >"$T/flat"
for s in \
	"Thực hiện Kế hoạch số 12/KH-BQL ngày 15/01/2026 của Ban Quản lý các Khu kinh tế về cải cách hành chính năm 2026, Ban đã xác định" \
	"Tính đến ngày 14/12/2026, Ban đã hoàn thành 1/2 nhiệm vụ, đạt 50,00%" \
	"So sánh với năm 2025:" \
	"- Tỷ lệ nhiệm vụ hoàn thành: 50,00%, tăng 25,00 điểm % so với năm 2025 (25,00%)." \
	"- Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn: 66,67%; năm 2025 chưa có số liệu." \
	"- Tỷ lệ phản ánh, kiến nghị đã xử lý: năm 2026 chưa có số liệu." \
	"- Chỉ số cải cách hành chính (PAR INDEX) năm 2024: 80,10%, xếp thứ 20/63." \
	"- Chỉ số cải cách hành chính (PAR INDEX) năm 2025: 83,77%, xếp thứ 15/63; tăng 3,67 điểm %, tăng 5 bậc so với năm 2024." \
	"theo Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ, trong kỳ Ban nhận giải quyết 4 hồ sơ" \
	"đã giải quyết 3 hồ sơ (trước hạn 1, đúng hạn 1, quá hạn 1), tỷ lệ giải quyết đúng hạn đạt 66,67%; đang giải quyết 1 hồ sơ (trong hạn 1, quá hạn 0)." \
	"3. Cải cách tổ chức bộ máy hành chính nhà nước Trong kỳ, Ban không có nhiệm vụ nào thuộc lĩnh vực này." \
	"Trong kỳ có 1 hồ sơ giải quyết quá hạn," \
	"Trong kỳ, Ban không nhận được phản ánh, kiến nghị" \
	"IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027" \
	"Biểu 7. Kết quả các chỉ số qua các năm"; do
	expect_grep "$s" "$T/flat"
done
for s in "Sở đã" "Sở nhận" "KỲ TỚI" "số /KH" "đạt -" "-%"; do
	expect_no_grep "$s" "$T/flat"
done
# a clerk's note replaces the sentence of an empty area
"$CCHC" report note --period 2026 --section bo-may --text "Ban giữ ổn định bộ máy." >/dev/null || fail note
run "$CCHC" report --period 2026 --format txt --out - --date 16/12/2026
tr -s ' \n' ' ' <"$T/out" >"$T/flat"
expect_grep "3. Cải cách tổ chức bộ máy hành chính nhà nước Ban giữ ổn định bộ máy." "$T/flat"

# the 2025 report: the plan without a number is cited by its title and date;
# letters before 15/9/2025 are on the 2018 form; the old decree for a
# period before 01/7/2025
run "$CCHC" report --period 2025-Q1 --format txt --out - --date 16/03/2025
tr -s ' \n' ' ' <"$T/out" >"$T/flat"
expect_grep "Thực hiện Kế hoạch cải cách hành chính năm 2025 ngày 20/01/2025 của Ban Quản lý các Khu kinh tế, Ban" "$T/flat"
expect_grep "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ II NĂM 2025" "$T/flat"
expect_no_grep "So sánh với năm" "$T/flat"
"$CCHC" dossier add --code D5 --received 10/06/2025 --holder "Công ty A" --procedure "Cấp phép" --field "Đầu tư" --unit VP \
	--channel "trực tiếp" --due 20/06/2025 --resolved 30/06/2025 >/dev/null || fail d5
"$CCHC" letter add --dossier D5 --reason "Chờ ý kiến" --new-date 30/06/2025 --date 18/06/2025 \
	>/dev/null 2>&1 || fail letter
run "$CCHC" report --period 2025-H1 --format txt --out - --date 16/06/2025
tr -s ' \n' ' ' <"$T/out" >"$T/flat"
expect_grep "theo Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ" "$T/flat"
run "$CCHC" report --period 2025-Q3 --format txt --out - --date 16/09/2025
tr -s ' \n' ' ' <"$T/out" >"$T/flat"
expect_grep "theo Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ" "$T/flat"
expect_grep "1 hồ sơ đã có phiếu xin lỗi và hẹn lại ngày trả kết quả (đạt 100,00%); Ban đã ban hành 1 phiếu xin lỗi" "$T/flat"
expect_grep "Biểu 5. Phiếu xin lỗi và hẹn lại ngày trả kết quả" "$T/flat"

# the report number: a pattern with {n}, two digits below 10
"$CCHC" setting set report.number "{n}/BC-BQL" >/dev/null || fail number
run "$CCHC" report --period 2026 --format txt --out - --number 5 --date 16/12/2026
expect_grep "Số: 05/BC-BQL" "$T/out"
run "$CCHC" report --period 2026 --format txt --out - --number x
expect_rc 2
run "$CCHC" setting set report.number "05/BC-BQL"
expect_rc 1
exit 0
