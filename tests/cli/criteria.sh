#!/bin/sh
# Criteria catalogues, self-assessed scores (leaves summed into areas and a
# total), index history, evidence linked to criteria, and what still lacks
# evidence.
. "${top_srcdir:-.}/tests/cli/lib.sh"
D="$top_srcdir/data/criteria"

# a new database holds the national catalogues (PAR INDEX areas, SIPAS,
# PAPI); the department's set with its points is loaded by the clerk
run "$CCHC" criteria list --format tsv
[ "$(cut -f1 "$T/out" | sort -u | tr '\n' ' ')" = "1 2 3 " ] || fail "national catalogues: $(cat "$T/out")"
[ "$(sqlite3 "$CCHC_DB" "SELECT group_concat(idx, ' ') FROM (SELECT idx FROM criteria_catalogue ORDER BY id)")" = "par sipas papi" ] ||
	fail "national catalogues in a new database"
"$CCHC" criteria load "$D/vi-du-so-2026.txt" >"$T/ids" 2>"$T/err" || fail "load: $(cat "$T/err")"
[ "$(cat "$T/ids")" = 4 ] || fail "catalogue id: $(cat "$T/ids")"
run "$CCHC" criteria load "$D/papi.txt"
expect_rc 1
expect_grep 'Đã có bộ tiêu chí "PAPI — tám nội dung"' "$T/err"

# the shipped catalogues round-trip: every line comes back
run "$CCHC" criteria list --catalogue 4 --format tsv
[ "$(wc -l <"$T/out")" -eq "$(grep -c '^[0-9].*|' "$D/vi-du-so-2026.txt")" ] || fail "lines lost"
expect_grep "4	3.2	8	Tỷ lệ hồ sơ giải quyết đúng hạn" "$T/out"
run "$CCHC" criteria list --index papi --format tsv
[ "$(wc -l <"$T/out")" -eq 8 ] || fail "PAPI has 8 dimensions: $(cat "$T/out")"
run "$CCHC" criteria list --index par
expect_grep "8 Tác động của cải cách hành chính" "$T/out"

# bad catalogues: a child before its parent, a bad number, duplicate code
printf '[catalogue]\nindex = par\nname = Hỏng\n[criteria]\n1.1 | Con | 2 |\n' >"$T/bad1.txt"
run "$CCHC" criteria load "$T/bad1.txt"
expect_rc 1
expect_grep "bad1.txt:5: mã 1.1 đứng trước mã cha 1" "$T/err"
printf '[catalogue]\nindex = par\nname = Hỏng 2\n[criteria]\n1 | A | nhiều |\n' >"$T/bad2.txt"
run "$CCHC" criteria load "$T/bad2.txt"
expect_rc 1
expect_grep 'điểm tối đa "nhiều" không hợp lệ' "$T/err"
[ "$(sqlite3 "$CCHC_DB" "SELECT count(*) FROM criteria_catalogue")" = 4 ] || fail "a bad load left a catalogue"

# scores: within the maximum, decimal comma accepted, areas and total summed
"$CCHC" score set 1.1 3 --year 2026 || fail "score 1.1"
"$CCHC" score set 1.2 3,5 --year 2026 || fail "score 1.2"
"$CCHC" score set 3.2 7.5 --year 2026 || fail "score 3.2"
run "$CCHC" score set 1.1 4 --year 2026
expect_rc 1
expect_grep "Điểm 4 của tiêu chí 1.1 phải từ 0 đến 3" "$T/err"
run "$CCHC" score set 9.9 1 --year 2026
expect_rc 1
run "$CCHC" score list --year 2026 --catalogue 4 --format tsv
expect_grep "1	13	6.5	0	Công tác chỉ đạo, điều hành CCHC" "$T/out"
expect_grep "total	100	14	" "$T/out"
run "$CCHC" score list --year 2026 --catalogue 4
expect_grep "Tổng: 14/100 điểm" "$T/out"
expect_grep "1.2    3,5/4" "$T/out"

# index history with decimal commas and ranks, drawn as bars
"$CCHC" index add --year 2022 --index par --value 81,45 --rank 54/63 || fail "index"
"$CCHC" index add --year 2023 --index par --value 84.1 --rank 40/63 --target "top 35" || fail "index"
"$CCHC" index add --year 2022 --index papi --value 43,85 --rank 13/61 || fail "index"
run "$CCHC" index add --year 2022 --index sipas --value 175
expect_rc 1
run "$CCHC" index list --format tsv
printf '2022\tpapi\t43.85\t13\t61\t\n2022\tpar\t81.45\t54\t63\t\n2023\tpar\t84.1\t40\t63\ttop 35\n' >"$T/want"
expect_file "$T/want" "$T/out"
run "$CCHC" index list
expect_grep "par    2022  ████████████████████████░░░░░░ 81,45%  hạng 54/63" "$T/out"

# evidence for a criterion and a task; what is still missing
"$CCHC" plan import "$FIXTURES/so-ngoai-vu-2024.txt" >/dev/null 2>&1 || fail import
"$CCHC" unit add "Văn phòng Sở" --code VP >/dev/null || fail unit
"$CCHC" task add --section 2 --title "Ban hành kế hoạch" --lead VP >/dev/null || fail task
"$CCHC" task add --section 2 --title "Kiểm tra CCHC" --lead VP >/dev/null || fail task
"$CCHC" task done 1 --date 2026-01-20 || fail done
"$CCHC" task done 2 --date 2026-03-01 || fail done
run "$CCHC" evidence missing --format tsv
printf '1\tVP\tBan hành kế hoạch\n2\tVP\tKiểm tra CCHC\n' >"$T/want"
expect_file "$T/want" "$T/out"
printf 'Kế hoạch CCHC\n' >"$T/kh.txt"
"$CCHC" evidence add --kind "kế hoạch" --task 1 --criterion 1.1 --file "$T/kh.txt" --date 2026-01-15 \
	>/dev/null || fail "evidence"
run "$CCHC" evidence missing --format tsv
printf '2\tVP\tKiểm tra CCHC\n' >"$T/want"
expect_file "$T/want" "$T/out"
run "$CCHC" evidence missing
expect_grep "2026  1.2    Mức độ hoàn thành kế hoạch CCHC" "$T/out"
expect_no_grep "2026  1.1 " "$T/out"
run "$CCHC" score list --year 2026 --catalogue 4 --format tsv
expect_grep "1.1	3	3	1	Kế hoạch CCHC năm" "$T/out"
# criteria suggested from section headings, as whole phrases without tones
"$CCHC" plan import "$FIXTURES/so-cong-thuong-2024.txt" >/dev/null 2>&1 || fail import2
run "$CCHC" criteria suggest 2 --catalogue 4
expect_rc 0
expect_grep "3	13	1.3. Cải cách thủ tục hành chính	3 Cải cách thủ tục hành chính" "$T/out"
expect_no_grep "Công chức trực tại Trung tâm" "$T/out"
[ "$(wc -l <"$T/out")" -eq 8 ] || fail "suggestions: $(cat "$T/out")"
run "$CCHC" criteria suggest 2 --catalogue 4 --accept 3
expect_rc 0
run "$CCHC" criteria suggest 2 --catalogue 4
[ "$(wc -l <"$T/out")" -eq 7 ] || fail "an accepted section is still suggested"
# a task of the mapped section counts its evidence for the criterion
"$CCHC" task add --section 13 --title "Rà soát TTHC" --lead VP >/dev/null || fail task3
"$CCHC" evidence add --kind "báo cáo" --task 3 --file "$T/kh.txt" >/dev/null || fail ev3
run "$CCHC" score list --year 2026 --catalogue 4 --format tsv
expect_grep "3	25	7.5	1	Cải cách thủ tục hành chính" "$T/out"
"$CCHC" criteria map 3.2 --task 3 || fail map
run "$CCHC" score list --year 2026 --catalogue 4 --format tsv
expect_grep "3.2	8	7.5	1	" "$T/out"
run "$CCHC" evidence list --criterion 3.2 --format tsv
[ "$(cut -f1 "$T/out")" = 2 ] || fail "evidence of 3.2 (through task 3): $(cat "$T/out")"
run "$CCHC" evidence list --criterion 1.1 --format tsv
[ "$(cut -f1 "$T/out")" = 1 ] || fail "evidence of 1.1: $(cat "$T/out")"
run "$CCHC" criteria map 3.2 --task 99
expect_rc 1
expect_grep "Không có nhiệm vụ số 99" "$T/err"

# open a file with the viewer, without a shell: a stand-in records its argv
cat >"$T/opener" <<'O'
#!/bin/sh
printf '%s\n' "$@" >"$(dirname "$0")/opened"
O
chmod +x "$T/opener"
XDG_RUNTIME_DIR="$T/run" CCHC_OPENER="$T/opener" CCHC_OPENER_WAIT=1 run "$CCHC" evidence open 1
mkdir -p "$T/run"
XDG_RUNTIME_DIR="$T/run" CCHC_OPENER="$T/opener" CCHC_OPENER_WAIT=1 run "$CCHC" evidence open 1
expect_rc 0
[ "$(cat "$T/opened")" = "$T/run/cchc/1-kh.txt" ] || fail "opener got: $(cat "$T/opened")"
cmp "$T/run/cchc/1-kh.txt" "$T/kh.txt" || fail "opened file differs"
[ "$(stat -c %a "$T/run/cchc")" = 700 ] || fail "private folder is not 0700"
run "$CCHC" evidence open 1 5
expect_rc 1
expect_grep "không có tệp số 5" "$T/err"

# no program opens the file: an opener that prints and fails (xdg-open's
# exit 3) says nothing on cchc's output, and cchc says how to get the file
cat >"$T/noviewer" <<'O'
#!/bin/sh
echo "xdg-open: no method available for opening '$1'"
echo "garbage on stderr" >&2
exit 3
O
chmod +x "$T/noviewer"
XDG_RUNTIME_DIR="$T/run" CCHC_OPENER="$T/noviewer" run "$CCHC" evidence open 1
expect_rc 1
expect_grep "Máy này chưa có chương trình mở tệp .txt ($T/noviewer báo lỗi 3)" "$T/err"
expect_grep "cchc evidence get 1 --out THƯ_MỤC" "$T/err"
grep -q "no method\|garbage" "$T/out" "$T/err" && fail "the opener's output reached the terminal"
XDG_RUNTIME_DIR="$T/run" CCHC_OPENER="$T/no-such-opener" run "$CCHC" evidence open 1
expect_rc 1
expect_grep "Máy này chưa có $T/no-such-opener để mở tệp .txt" "$T/err"
# a viewer that stays open is left running: cchc returns at once
cat >"$T/stays" <<'O'
#!/bin/sh
echo "viewer chatter"
exec sleep 5
O
chmod +x "$T/stays"
start=$(date +%s)
XDG_RUNTIME_DIR="$T/run" CCHC_OPENER="$T/stays" run "$CCHC" evidence open 1
expect_rc 0
[ $(( $(date +%s) - start )) -lt 4 ] || fail "cchc waited for the viewer to close"
grep -q "chatter" "$T/out" "$T/err" && fail "the viewer's output reached the terminal"

run "$CCHC" evidence add --kind "khác" --criterion 77.7 --file "$T/kh.txt"
expect_rc 1
expect_grep "Không có tiêu chí mã 77.7" "$T/err"
exit 0
