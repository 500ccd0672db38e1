#!/bin/sh
# Task suggestions from every way a plan writes responsibility (issue 16):
# role lines as paragraphs and list items, a heading as the task of its
# role block, sentences whose subject is a unit, annex tables; units matched
# by words and abbreviations, unknown ones proposed for creation, generic
# subjects as one group suggestion made into one task per unit of its kind.
. "${top_srcdir:-.}/tests/cli/lib.sh"
cat >"$T/plan.txt" <<'P'
KẾ HOẠCH
Cải cách hành chính năm 2026

I. NHIỆM VỤ

1. Công tác chỉ đạo, điều hành

- Cơ quan chủ trì tham mưu: Văn phòng Sở.
- Cơ quan thực hiện: Phòng Kế hoạch - Tài chính; Thanh tra Sở.
- Nhiệm vụ, giải pháp:
+ Văn phòng Sở chịu trách nhiệm tổng hợp, chủ trì tham mưu kế hoạch CCHC.
+ Thanh tra Sở thường xuyên đôn đốc, theo dõi việc khắc phục sau kiểm tra.
+ Tổ chức hội nghị sơ kết công tác CCHC.

2. Cải cách thể chế

Cơ quan chủ trì: P. Kế hoạch - Tài chính

Đơn vị phối hợp: VP

Thời gian thực hiện: Quý II/2026

Nhiệm vụ, giải pháp:

Rà soát văn bản quy phạm pháp luật thuộc lĩnh vực quản lý.

3. Cải cách thủ tục hành chính

3.1. Ban hành kế hoạch rà soát thủ tục hành chính năm 2026

- Cơ quan chủ trì thực hiện: VP

- Thời hạn hoàn thành: Trước ngày 30 tháng 11 năm 2026

3.2. Công khai thủ tục hành chính

Đơn vị chủ trì: Trung tâm Công nghệ thông tin

Cơ quan phối hợp: Các phòng, đơn vị thuộc Sở

3.3. Số hóa hồ sơ

Trách nhiệm thực hiện: Các phòng chuyên môn

4. Cải cách tổ chức bộ máy

Văn phòng Sở chủ trì, phối hợp với Thanh tra Sở và Sở Nội vụ rà soát vị trí việc làm.

Giao Phòng Kế hoạch - Tài chính chủ trì xây dựng phương án tự chủ tài chính.

Sở Tài chính chịu trách nhiệm hướng dẫn cơ chế tài chính.

Lĩnh vực công chức, viên chức: Văn phòng Sở chủ trì tham mưu.

Lĩnh vực đất đai: Phòng Quản lý đất đai chủ trì tham mưu.

5. Phối hợp liên ngành

- Các Sở, ban, ngành chủ trì rà soát thủ tục hành chính thuộc lĩnh vực quản lý.

- UBND các huyện, thành phố chịu trách nhiệm triển khai tại địa phương.

- Ủy ban nhân dân tỉnh ban hành quyết định công bố.

- Báo cáo kết quả về Văn phòng Sở trước ngày 15/12.

6. Hiện đại hóa hành chính

Cơ quan thực hiện: Thanh tra Sở; Văn phòng Sở

+ Duy trì hệ thống quản lý chất lượng.

II. PHỤ LỤC

| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn |
| 1 | Tuyên truyền CCHC | Đài Phát thanh và Truyền hình tỉnh | Văn phòng Sở, Sở Thông tin và Truyền thông | Thường xuyên |
| 2 | Khảo sát sự hài lòng | Các phòng, đơn vị thuộc Sở | VP | Quý IV/2026 |
| 3 | Cập nhật cổng thông tin | Sở TT&TT | van phong so | Quý III/2026 |

III. TỔ CHỨC THỰC HIỆN

1. Các Sở, ban, ngành, UBND các huyện, thành phố chủ trì tổ chức tuyên truyền Kế hoạch.

2. Kiểm tra việc giải quyết thủ tục hành chính

Cơ quan chủ trì: VĂN PHÒNG SỞ

Cơ quan phối hợp: Phòng Quản lý vận tải, phương tiện và người lái; Ủy ban nhân dân các xã, phường

3. Chi cục Kiểm lâm chủ trì, phối hợp với Phòng Nghiệp vụ dược kiểm tra việc cấp phép.

4. Ủy ban nhân dân huyện Cao Lộc chịu trách nhiệm thí điểm liên thông.

5. Cải cách tài chính công

- Cơ quan chủ trì tham mưu: Phòng Kế hoạch - Tài chính.
- Nhiệm vụ, giải pháp:

a) Xây dựng dự toán ngân sách năm 2027.

b) Thanh tra Sở chủ trì kiểm tra việc sử dụng kinh phí.

6. Văn phòng HĐND và UBND huyện chủ trì, phối hợp với Văn phòng Đăng ký đất đai - Chi nhánh Đức Trọng rà soát quy trình.

7. Tăng cường kỷ luật, kỷ cương

Cơ quan chủ trì: Văn phòng Sở

Cơ quan phối hợp: Chi cục Thủy lợi

+ Chi cục Thủy lợi soạn thảo quy chế làm việc.
P
"$CCHC" plan import "$T/plan.txt" >/dev/null 2>&1 || fail import
for u in "Văn phòng Sở:VP" "Thanh tra Sở:TTr" "Phòng Kế hoạch - Tài chính:KHTC" \
	"Trung tâm Công nghệ thông tin:CNTT" "Sở Thông tin và Truyền thông:STTTT"; do
	"$CCHC" unit add "${u%%:*}" --code "${u##*:}" >/dev/null || fail "unit $u"
done
q() { sqlite3 "$CCHC_DB" "$1"; }

# the table: phrasing -> title, lead, co-units, due, group, new units.
# 1-3 role lines as list items, "+" items led by their subject or the block;
# 4 role lines as paragraphs; 5-7 a heading as the task of its role lines;
# 8-12 sentences; 13-14 generic subjects; 15 "thực hiện" without a lead;
# 16-18 an annex table (abbreviations, no tones); 19 groups leading
# together; 20 a heading task, a listed name with commas; 21 names with
# folded words that are also verbs; 22 "Ủy ban nhân dân" (UBND); 23-24 the
# subsections of a role block as its tasks (the block itself none); 25 an
# office of two councils, a branch joined by a dash; 26 an item led by its
# own subject, which is then not its own co-unit.
run "$CCHC" task suggest --format tsv
expect_rc 0
tab=$(printf '\t')
sed "s/|/$tab/g" >"$T/want" <<'W'
1|2|Văn phòng Sở chịu trách nhiệm tổng hợp, chủ trì tham mưu kế hoạch CCHC.|VP|KHTC,TTr|||||
2|2|Thanh tra Sở thường xuyên đôn đốc, theo dõi việc khắc phục sau kiểm tra.|TTr|KHTC|||||
3|2|Tổ chức hội nghị sơ kết công tác CCHC.|VP|KHTC,TTr|||||
4|3|Rà soát văn bản quy phạm pháp luật thuộc lĩnh vực quản lý.|KHTC|VP|Quý II/2026||||
5|5|Ban hành kế hoạch rà soát thủ tục hành chính năm 2026|VP||Trước ngày 30 tháng 11 năm 2026||||
6|6|Công khai thủ tục hành chính|CNTT|VP,TTr,KHTC|||||
7|7|Số hóa hồ sơ||||phong|Các phòng chuyên môn||
8|8|Văn phòng Sở chủ trì, phối hợp với Thanh tra Sở và Sở Nội vụ rà soát vị trí việc làm.|VP|TTr|||||Sở Nội vụ
9|8|Giao Phòng Kế hoạch - Tài chính chủ trì xây dựng phương án tự chủ tài chính.|KHTC||||||
10|8|Sở Tài chính chịu trách nhiệm hướng dẫn cơ chế tài chính.||||||Sở Tài chính|
11|8|Cải cách tổ chức bộ máy (lĩnh vực công chức, viên chức)|VP||||||
12|8|Cải cách tổ chức bộ máy (lĩnh vực đất đai)||||||Phòng Quản lý đất đai|
13|9|Các Sở, ban, ngành chủ trì rà soát thủ tục hành chính thuộc lĩnh vực quản lý.||||so-nganh|Các Sở, ban, ngành||
14|9|UBND các huyện, thành phố chịu trách nhiệm triển khai tại địa phương.||||huyen|UBND các huyện, thành phố||
15|10|Duy trì hệ thống quản lý chất lượng.|TTr|VP|||||
16|11|Tuyên truyền CCHC||VP,STTTT|Thường xuyên|||Đài Phát thanh và Truyền hình tỉnh|
17|11|Khảo sát sự hài lòng||VP|Quý IV/2026|phong,don-vi|Các phòng, đơn vị thuộc Sở||
18|11|Cập nhật cổng thông tin|STTTT|VP|Quý III/2026||||
19|13|Các Sở, ban, ngành, UBND các huyện, thành phố chủ trì tổ chức tuyên truyền Kế hoạch.||||so-nganh,huyen|Các Sở, ban, ngành, UBND các huyện, thành phố||
20|14|Kiểm tra việc giải quyết thủ tục hành chính|VP||||||Phòng Quản lý vận tải, phương tiện và người lái
21|15|Chi cục Kiểm lâm chủ trì, phối hợp với Phòng Nghiệp vụ dược kiểm tra việc cấp phép.||||||Chi cục Kiểm lâm|Phòng Nghiệp vụ dược
22|16|Ủy ban nhân dân huyện Cao Lộc chịu trách nhiệm thí điểm liên thông.||||||Ủy ban nhân dân huyện Cao Lộc|
23|18|Xây dựng dự toán ngân sách năm 2027.|KHTC||||||
24|19|Thanh tra Sở chủ trì kiểm tra việc sử dụng kinh phí.|TTr||||||
25|20|Văn phòng HĐND và UBND huyện chủ trì, phối hợp với Văn phòng Đăng ký đất đai - Chi nhánh Đức Trọng rà soát quy trình.||||||Văn phòng HĐND và UBND huyện|Văn phòng Đăng ký đất đai - Chi nhánh Đức Trọng
26|21|Chi cục Thủy lợi soạn thảo quy chế làm việc.||||||Chi cục Thủy lợi|
W
expect_file "$T/want" "$T/out"

# the text form says what a lead without a code is
run "$CCHC" task suggest
expect_rc 0
expect_grep "chủ trì: (nhóm: Các phòng chuyên môn → mỗi đơn vị một nhiệm vụ: VP,TTr,KHTC)" "$T/out"
expect_grep "chủ trì: (nhóm: UBND các huyện, thành phố → chưa có đơn vị loại huyen)" "$T/out"
expect_grep "chủ trì: (đơn vị mới: Sở Tài chính)" "$T/out"
expect_grep "phối hợp: TTr (đơn vị mới: Sở Nội vụ)" "$T/out"
run "$CCHC" task suggest --create-units
expect_rc 2
run "$CCHC" task suggest --format json
expect_rc 2

# kinds: shown by unit list (guessed from the name until set), refused when unknown
run "$CCHC" unit list
expect_grep "CNTT	Trung tâm Công nghệ thông tin		don-vi" "$T/out"
expect_grep "STTTT	Sở Thông tin và Truyền thông		so-nganh" "$T/out"
run "$CCHC" unit add "Phòng X" --kind quan
expect_rc 2
expect_grep 'loại "quan" không có' "$T/err"
run "$CCHC" unit edit CNTT --kind tinh
expect_rc 2

# a group with no unit of its kind creates nothing and says so; all or none
n0=$(q "SELECT count(*) FROM task")
u0=$(q "SELECT count(*) FROM unit")
run "$CCHC" task suggest --accept 12,14 --create-units
expect_rc 1
expect_grep 'đề xuất 14: Chưa có đơn vị nào thuộc nhóm "UBND các huyện, thành phố" (loại huyen)' "$T/err"
expect_grep "Không tạo nhiệm vụ nào" "$T/err"
[ "$(q "SELECT count(*) FROM task")" = "$n0" ] || fail "a failed accept created tasks"
[ "$(q "SELECT count(*) FROM unit")" = "$u0" ] || fail "a failed accept created units"

# a group: one task per unit of its kind, the lead taken out of the co-units
run "$CCHC" unit add "UBND huyện Cao Lộc" --code CL
# "UBND" is "Ủy ban nhân dân": the unit just added is the lead of proposal 22
run "$CCHC" task suggest --format tsv
expect_grep "22	16	Ủy ban nhân dân huyện Cao Lộc chịu trách nhiệm thí điểm liên thông.	CL	" "$T/out"
run "$CCHC" unit add "UBND thành phố Lạng Sơn" --code TPLS --kind huyen
[ "$(q "SELECT kind FROM unit WHERE code = 'TPLS'")" = huyen ] || fail "kind not stored"
run "$CCHC" unit edit TTr --kind don-vi
expect_rc 0
[ "$(q "SELECT kind FROM unit WHERE code = 'TTr'")" = don-vi ] || fail "kind not edited"
run "$CCHC" task suggest --accept 7,14,17
expect_rc 0
[ "$(wc -l <"$T/out")" -eq 8 ] || fail "expected 2 + 2 + 4 tasks: $(cat "$T/out")"
[ "$(q "SELECT group_concat(code, ',') FROM (SELECT u.code FROM task t JOIN unit u ON \
	u.id = t.lead_unit_id WHERE t.title = 'Số hóa hồ sơ' ORDER BY u.code)")" = "KHTC,VP" ] ||
	fail "group phong: $(q "SELECT lead_unit_id FROM task WHERE title = 'Số hóa hồ sơ'")"
[ "$(q "SELECT group_concat(code, ',') FROM (SELECT u.code FROM task t JOIN unit u ON \
	u.id = t.lead_unit_id WHERE t.title LIKE 'UBND các huyện%' ORDER BY u.code)")" = "CL,TPLS" ] ||
	fail "group huyen"
[ "$(q "SELECT group_concat(code, ',') FROM (SELECT u.code FROM task t JOIN unit u ON \
	u.id = t.lead_unit_id WHERE t.title = 'Khảo sát sự hài lòng' ORDER BY u.code)")" = \
	"CNTT,KHTC,TTr,VP" ] || fail "group phong,don-vi"
# the unit that leads is not its own co-unit: VP leads one, coordinates the others
[ "$(q "SELECT count(*) FROM task_unit tu JOIN task t ON t.id = tu.task_id JOIN unit u ON \
	u.id = tu.unit_id WHERE t.title = 'Khảo sát sự hài lòng' AND u.code = 'VP'")" = 3 ] ||
	fail "co-units of the group tasks"
run "$CCHC" task suggest --accept 7
expect_rc 0
[ ! -s "$T/out" ] || fail "group accepted twice: $(cat "$T/out")"
expect_grep "đề xuất 7 đã có nhiệm vụ" "$T/err"

# an unknown unit without --create-units: the task has no lead, the clerk is told
u0=$(q "SELECT count(*) FROM unit")
run "$CCHC" task suggest --accept 10
expect_rc 0
expect_grep 'đề xuất 10: chưa có đơn vị "Sở Tài chính" trong danh sách' "$T/err"
[ "$(q "SELECT lead_unit_id IS NULL FROM task WHERE title LIKE 'Sở Tài chính chịu%'")" = 1 ] ||
	fail "task of an unknown unit"
[ "$(q "SELECT count(*) FROM unit")" = "$u0" ] || fail "a unit was created without --create-units"

# with --create-units: created with a code from the initials (a number added
# when it is taken), in the same transaction
"$CCHC" unit add "Nhà văn hóa" --code SNV >/dev/null || fail "unit SNV"
run "$CCHC" task suggest --accept 8,12,16 --create-units
expect_rc 0
[ "$(wc -l <"$T/out")" -eq 3 ] || fail "expected 3 tasks: $(cat "$T/out")"
expect_grep 'đã thêm đơn vị "Sở Nội vụ", ký hiệu SNV2 (loại so-nganh)' "$T/err"
expect_grep 'đã thêm đơn vị "Phòng Quản lý đất đai", ký hiệu PQLDD (loại phong)' "$T/err"
expect_grep 'ký hiệu DPTTHT' "$T/err"
[ "$(q "SELECT u.code FROM task t JOIN unit u ON u.id = t.lead_unit_id WHERE t.title LIKE \
	'%(lĩnh vực đất đai)'")" = PQLDD ] || fail "lead created"
[ "$(q "SELECT group_concat(code, ',') FROM (SELECT u.code FROM task t JOIN task_unit tu ON \
	tu.task_id = t.id JOIN unit u ON u.id = tu.unit_id WHERE t.title LIKE \
	'Văn phòng Sở chủ trì, phối hợp%' ORDER BY u.code)")" = "SNV2,TTr" ] || fail "co-unit created"
# the new units are matched from now on
run "$CCHC" task suggest --format tsv
expect_grep "8	8	Văn phòng Sở chủ trì, phối hợp với Thanh tra Sở và Sở Nội vụ rà soát vị trí việc làm.	VP	TTr,SNV2	" "$T/out"
expect_grep "12	8	Cải cách tổ chức bộ máy (lĩnh vực đất đai)	PQLDD	" "$T/out"

# role labels inside a paragraph: a deadline after the sentence is its due
# (and not part of its title); a block written on one line, its labels
# separated by ". ", "; " or nothing, is read label by label, its product
# kept; a deadline line of its own is the due of the section's sentences
cat >"$T/plan2.txt" <<'P'
KẾ HOẠCH
Kiểm tra công vụ năm 2026

I. NHIỆM VỤ

1. Kiểm tra công vụ

Văn phòng Sở chủ trì tổ chức kiểm tra; thời hạn hoàn thành: trước 30/11/2026.

Thanh tra Sở chủ trì thực hiện. Thời gian thực hiện: Quý II/2026.

2. Rà soát quy trình nội bộ

- Văn phòng Sở chủ trì rà soát quy trình; thời gian: Quý III/2026

3. Kiểm tra đột xuất

Cơ quan chủ trì: VP. Cơ quan phối hợp: Thanh tra Sở. Thời hạn hoàn thành: 30/11/2026.

4. Kiểm tra việc thực hiện quy chế

Đơn vị chủ trì: VP; Đơn vị phối hợp: Thanh tra Sở.

5. Cập nhật cổng thông tin

Cơ quan chủ trì: Sở TT&TT; Cơ quan phối hợp: Văn phòng Sở, Phòng Kế hoạch - Tài chính; Thời gian: năm 2026.

6. Lập kế hoạch kiểm tra

Cơ quan chủ trì: Văn phòng Sở Cơ quan phối hợp: Thanh tra Sở Thời gian hoàn thành: Quý III/2026 Sản phẩm: Kế hoạch kiểm tra

7. Báo cáo kết quả

- Thanh tra Sở chủ trì thực hiện.

- Thời gian: Tháng 10/2026.
P
"$CCHC" plan import "$T/plan2.txt" >/dev/null 2>&1 || fail "import plan2"
run "$CCHC" task suggest --format tsv
expect_rc 0
cut -f3- "$T/out" >"$T/got"
sed "s/|/$tab/g" >"$T/want" <<'W'
Văn phòng Sở chủ trì tổ chức kiểm tra|VP||trước 30/11/2026||||
Thanh tra Sở chủ trì thực hiện.|TTr||Quý II/2026||||
Văn phòng Sở chủ trì rà soát quy trình|VP||Quý III/2026||||
Kiểm tra đột xuất|VP|TTr|30/11/2026||||
Kiểm tra việc thực hiện quy chế|VP|TTr|||||
Cập nhật cổng thông tin|STTTT|VP,KHTC|năm 2026||||
Lập kế hoạch kiểm tra|VP|TTr|Quý III/2026||||
Thanh tra Sở chủ trì thực hiện.|TTr||Tháng 10/2026||||
W
expect_file "$T/want" "$T/got"
# a block's product goes with its task
k=$(grep -n "Lập kế hoạch kiểm tra" "$T/out" | cut -f1 | cut -d: -f2)
run "$CCHC" task suggest --accept "$k"
expect_rc 0
[ "$(q "SELECT product FROM task WHERE title = 'Lập kế hoạch kiểm tra'")" = "Kế hoạch kiểm tra" ] ||
	fail "product: $(q "SELECT product FROM task WHERE title = 'Lập kế hoạch kiểm tra'")"

# units written one after another: each name start begins a new unit
# (provincial bodies, ministry departments, mass organisations); the unit
# told to lead leads, not the one who tells it; co-units written before
# "phối hợp" or after "cùng"; "các cơ quan, đơn vị có liên quan" and "các
# cơ quan báo chí" name no group; a lettered block "a) Nội dung: …
# b) Cơ quan chủ trì: …" (subsections or one paragraph) is one task
cat >"$T/plan3.txt" <<'P'
KẾ HOẠCH
Phối hợp liên ngành năm 2026

I. NHIỆM VỤ

1. Phối hợp

Công an tỉnh chủ trì, phối hợp với Bộ Chỉ huy Quân sự tỉnh, Bảo hiểm xã hội tỉnh, Cục Thuế tỉnh thực hiện.

Văn phòng Sở chủ trì, phối hợp với Viện Kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh thực hiện.

Văn phòng Sở chủ trì, phối hợp với Chi cục Thuế khu vực II, Ngân hàng Nhà nước chi nhánh tỉnh thực hiện.

Văn phòng Sở chủ trì, phối hợp với Liên đoàn Lao động tỉnh, Tỉnh đoàn, Hội Liên hiệp Phụ nữ tỉnh, Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh thực hiện.

Tỉnh đoàn chủ trì, phối hợp với Văn phòng Sở thực hiện.

- Vụ Pháp luật hình sự - hành chính chủ trì, phối hợp với Văn phòng Sở thực hiện.

2. Giao nhiệm vụ

Ban Giám đốc Sở chỉ đạo Văn phòng Sở chủ trì tổ chức kiểm tra.

Giám đốc Sở giao Phòng Kế hoạch - Tài chính chủ trì triển khai.

Văn phòng Sở chủ trì; Thanh tra Sở, Phòng Kế hoạch - Tài chính phối hợp thực hiện.

Chi cục Thủy lợi và Thanh tra Sở chủ trì thực hiện; Văn phòng Sở phối hợp.

Văn phòng Sở chủ trì cùng Thanh tra Sở thực hiện.

Thanh tra Sở chủ trì, phối hợp với các cơ quan, đơn vị có liên quan thực hiện.

Thanh tra Sở chủ trì, phối hợp với các cơ quan báo chí của tỉnh thực hiện.

3. Kiểm tra quy chế

a) Nội dung: Rà soát quy chế làm việc.

b) Cơ quan chủ trì: Văn phòng Sở.

c) Cơ quan phối hợp: Thanh tra Sở.

d) Thời gian hoàn thành: Quý IV/2026.

4. Cập nhật thủ tục

Nội dung: Cập nhật danh mục thủ tục. Cơ quan chủ trì: Thanh tra Sở. Cơ quan phối hợp: Văn phòng Sở. Thời gian hoàn thành: tháng 10/2026.
P
"$CCHC" plan import "$T/plan3.txt" >/dev/null 2>&1 || fail "import plan3"
run "$CCHC" task suggest --format tsv
expect_rc 0
cut -f4- "$T/out" >"$T/got"
sed "s/|/$tab/g" >"$T/want" <<'W'
|||||Công an tỉnh|Bộ Chỉ huy Quân sự tỉnh; Bảo hiểm xã hội tỉnh; Cục Thuế tỉnh
VP||||||Viện Kiểm sát nhân dân tỉnh; Tòa án nhân dân tỉnh
VP||||||Chi cục Thuế khu vực II; Ngân hàng Nhà nước chi nhánh tỉnh
VP||||||Liên đoàn Lao động tỉnh; Tỉnh đoàn; Hội Liên hiệp Phụ nữ tỉnh; Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh
|VP||||Tỉnh đoàn|
|VP||||Vụ Pháp luật hình sự - hành chính|
VP||||||
KHTC||||||
VP|TTr,KHTC|||||
|TTr,VP||||Chi cục Thủy lợi|
VP|TTr|||||
TTr||||||
TTr||||||
VP|TTr|Quý IV/2026||||
TTr|VP|tháng 10/2026||||
W
expect_file "$T/want" "$T/got"
expect_grep "$tab""Rà soát quy chế làm việc$tab""VP$tab" "$T/out"
expect_grep "$tab""Cập nhật danh mục thủ tục$tab""TTr$tab" "$T/out"

# groups at accept time: a unit of the group's kind without a code gets one
# (and its task); units created in the same run are members whatever the
# order of the proposals; a failed proposal among several says which one
# failed and that the others were not created either
"$CCHC" unit add "Phòng Tổ chức cán bộ" >/dev/null || fail "unit without code"
[ "$(q "SELECT coalesce(code, '') FROM unit WHERE name = 'Phòng Tổ chức cán bộ'")" = "" ] ||
	fail "unit add gave a code: the case below tests nothing"
cat >"$T/plan4.txt" <<'P'
KẾ HOẠCH
Rà soát văn bản năm 2026

I. NHIỆM VỤ

1. Rà soát

Các phòng chuyên môn chịu trách nhiệm rà soát văn bản.

Phòng Pháp chế chủ trì tổng hợp kết quả rà soát.

UBND các xã, phường chịu trách nhiệm niêm yết kết quả.
P
"$CCHC" plan import "$T/plan4.txt" >/dev/null 2>&1 || fail "import plan4"
n0=$(q "SELECT count(*) FROM task")
run "$CCHC" task suggest --accept 1,3
expect_rc 1
expect_grep "đề xuất 3: Chưa có đơn vị nào thuộc nhóm" "$T/err"
expect_grep "Không tạo nhiệm vụ nào, kể cả của các đề xuất 1; sửa hoặc bỏ đề xuất 3" "$T/err"
[ "$(q "SELECT count(*) FROM task")" = "$n0" ] || fail "a failed accept created tasks"
[ "$(q "SELECT coalesce(code, '') FROM unit WHERE name = 'Phòng Tổ chức cán bộ'")" = "" ] ||
	fail "a failed accept kept a code"
run "$CCHC" task suggest --accept 1,2 --create-units
expect_rc 0
expect_grep 'đơn vị "Phòng Tổ chức cán bộ" chưa có ký hiệu: đặt PTCCB' "$T/err"
expect_grep 'đã thêm đơn vị "Phòng Pháp chế", ký hiệu PPC' "$T/err"
leads=$(q "SELECT group_concat(code, ',') FROM (SELECT u.code FROM task t JOIN unit u ON \
	u.id = t.lead_unit_id WHERE t.title LIKE 'Các phòng chuyên môn%' ORDER BY u.code)")
case ",$leads," in *,PPC,*PTCCB,*) ;; *) fail "group members: $leads" ;; esac
