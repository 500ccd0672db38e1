#!/bin/sh
# The monthly counts of dossiers (schema 22, issue 19): kept by triggers
# through every writer — import, re-import, add, edit, delete, undo, the
# big-import mode that recounts them at the end — equal to a recount from
# the rows after each; rolled back with a refused import; the report's
# dossier figures, summed from them, equal to dossier stats (which reads
# the rows); and cchc check finds and repairs counts that went wrong.
. "${top_srcdir:-.}/tests/cli/lib.sh"
D="$FIXTURES/dossiers"
export CCHC_TODAY=2026-11-24
for u in "Văn phòng Sở:VP" "Phòng Quản lý Thương mại:QLTM" "Phòng Quản lý Công nghiệp:QLCN" \
	"Phòng Kỹ thuật an toàn - Môi trường:KTAT" "Phòng Quản lý Năng lượng:QLNL"; do
	"$CCHC" unit add "${u%:*}" --code "${u#*:}" >/dev/null || fail "unit $u"
done

# counts_match [DB]: the stored counts (rows of zeros left out) equal a
# recount written here, independently of cchc's own
counts_match() {
	db=${1:-$CCHC_DB}
	for g in "field:field:field" "unit:unit_id:coalesce(unit_id, 0)"; do
		t=dossier_tally_${g%%:*}
		k=${g#*:}
		got=$(sqlite3 "$db" "SELECT month, ${k%%:*}, status, r_online, r_offline, s_early, \
			s_on_time, s_late FROM $t WHERE r_online OR r_offline OR s_early OR s_on_time \
			OR s_late ORDER BY 1, 2, 3") || fail "read $t"
		want=$(sqlite3 "$db" "SELECT m, k, status, sum(a), sum(b), sum(c), sum(d), sum(e) FROM ( \
			SELECT substr(received_on, 1, 7) AS m, ${k#*:} AS k, status, \
			channel = 'truc-tuyen' AS a, channel <> 'truc-tuyen' AS b, 0 AS c, 0 AS d, \
			0 AS e FROM dossier UNION ALL SELECT substr(resolved_on, 1, 7), ${k#*:}, \
			status, 0, 0, resolved_on < due_on, due_on IS NULL OR resolved_on = due_on, \
			resolved_on > due_on FROM dossier WHERE resolved_on IS NOT NULL) \
			GROUP BY 1, 2, 3 ORDER BY 1, 2, 3") || fail "recount $t"
		[ "$got" = "$want" ] || fail "$t differs from a recount ($2):
stored:
$got
recount:
$want"
	done
	# the late ones without a letter (schema 25)
	got=$(sqlite3 "$db" "SELECT no_letter FROM dossier_tally_late") || fail "read late"
	want=$(sqlite3 "$db" "SELECT count(*) FROM dossier d WHERE resolved_on > due_on AND \
		NOT EXISTS (SELECT 1 FROM letter l WHERE l.dossier_id = d.id)") || fail "recount late"
	[ "$got" = "$want" ] || fail "dossier_tally_late $got, a recount $want ($2)"
}

# figures_agree PERIOD WHEN: the report's sentence on dossiers (from the
# counts) gives dossier stats' figures (from the rows)
figures_agree() {
	"$CCHC" dossier stats --period "$1" --format tsv >"$T/stats" || fail "stats $1"
	v() { awk -F'\t' -v k="$1" '$1 == k { print $2 }' "$T/stats"; }
	"$CCHC" report --period "$1" --format txt --out - 2>/dev/null | tr '\n' ' ' |
		tr -s ' ' >"$T/report" || fail "report $1"
	if [ "$(v received_total)" = 0 ]; then
		expect_grep "không có hồ sơ thủ tục hành chính phải giải quyết" "$T/report"
		return
	fi
	expect_grep "nhận giải quyết $(v received_total) hồ sơ thủ tục hành chính (tiếp nhận trực \
tuyến $(v received_online); trực tiếp và qua dịch vụ bưu chính công ích $(v received_offline); \
kỳ trước chuyển sang $(v received_carried)); đã giải quyết $(v resolved_total) hồ sơ (trước hạn \
$(v resolved_early), đúng hạn $(v resolved_on_time), quá hạn $(v resolved_late))" "$T/report"
	expect_grep "đang giải quyết $(v pending_total) hồ sơ (trong hạn $(v pending_in_time), quá \
hạn $(v pending_overdue))." "$T/report"
}

all_agree() {
	counts_match "" "$1"
	for p in 2026-Q1 2026-H1 2026-9M 2026 2025 2025-Q4; do
		figures_agree "$p"
	done
}

# ---- an empty register counts nothing
counts_match "" empty
figures_agree 2026

# ---- an import (small: row by row, through the triggers)
run "$CCHC" dossier import "$D/mot-cua-2026.csv"
expect_rc 0
all_agree import
# the hand-checked figures of tests/cli/dossiers.sh, from the counts
"$CCHC" report --period 2026-Q1 --format txt --out - | tr '\n' ' ' | tr -s ' ' >"$T/report"
expect_grep "nhận giải quyết 33 hồ sơ thủ tục hành chính (tiếp nhận trực tuyến 12; trực tiếp \
và qua dịch vụ bưu chính công ích 14; kỳ trước chuyển sang 7); đã giải quyết 24 hồ sơ (trước \
hạn 11, đúng hạn 6, quá hạn 7)" "$T/report"
expect_grep "đang giải quyết 9 hồ sơ (trong hạn 4, quá hạn 5)." "$T/report"

# ---- add, edit (dates, unit, field, channel, a withdrawal), delete, undo
"$CCHC" dossier add --code HS-1 --received 02/03/2026 --due 12/03/2026 --unit VP \
	--field "Lưu thông hàng hóa trong nước" --holder "Nguyễn Thị Hoa" >/dev/null || fail add
"$CCHC" dossier add --code HS-2 --received 14/12/2025 --due 13/03/2026 --resolved 20/03/2026 \
	--channel truc-tuyen --unit QLTM >/dev/null || fail add2
all_agree add
"$CCHC" dossier edit HS-1 --resolved 12/03/2026 --unit QLCN --channel buu-chinh >/dev/null ||
	fail edit
"$CCHC" dossier edit HS-2 --status "Công dân rút hồ sơ" --field "Kinh doanh khí" >/dev/null ||
	fail edit2
code=$(sed -n 5p "$D/mot-cua-2026.csv" | cut -d, -f1)
"$CCHC" dossier edit "$code" --received 01/01/2025 --resolved "" >/dev/null || fail edit3
all_agree edit
"$CCHC" dossier delete HS-1 --force >/dev/null || fail delete
all_agree delete
"$CCHC" undo >/dev/null || fail undo
[ "$("$CCHC" dossier list --format tsv | grep -c '^HS-1	')" = 1 ] || fail "undo lost HS-1"
all_agree undo
# a dossier resolved before it was received (a typing slip), by hand
cchc_sql "UPDATE dossier SET resolved_on = '2025-12-01' WHERE code = 'HS-1'"
all_agree "resolved first"

# ---- a re-import that changes dates and statuses of known codes
sed -e 's/,Đã trả kết quả,Trực tiếp,QLTM/,Đã trả kết quả,Trực tuyến,QLCN/' \
	-e 's|,Đang xử lý,|,Trả lại hồ sơ theo yêu cầu,|' -e 's|/12/2025,,|/12/2025,10/03/2026,|' \
	"$D/mot-cua-2026.csv" >"$T/again.csv"
run "$CCHC" dossier import "$T/again.csv"
expect_rc 0
expect_grep "cập nhật" "$T/out"
all_agree re-import

# ---- a refused import rolls its counts back with its rows
cp "$CCHC_DB" "$T/before.db"
{ cat "$D/mot-cua-2026.csv"; printf 'X-1,Thủ tục,Lĩnh vực,A,B,C,31/02/2026,,,,Trực tiếp,QLTM\r\n'
  printf 'X-2,Thủ tục,Lĩnh vực mới,A,B,C,03/03/2026,,,,Trực tiếp,QLTM\r\n'; } >"$T/bad.csv"
run "$CCHC" dossier import "$T/bad.csv"
expect_rc 1
for t in dossier_tally_field dossier_tally_unit; do
	[ "$(sqlite3 "$T/before.db" "SELECT * FROM $t ORDER BY 1, 2, 3")" = \
	  "$(sqlite3 "$CCHC_DB" "SELECT * FROM $t ORDER BY 1, 2, 3")" ] ||
		fail "$t changed by a refused import"
done

# ---- cchc check: counts that went wrong are found and recounted
run "$CCHC" check
expect_grep "[tốt]   Số đếm hồ sơ theo tháng: khớp với hồ sơ" "$T/out"
sqlite3 "$CCHC_DB" "UPDATE dossier_tally_unit SET s_late = s_late + 3 WHERE month = '2026-01'; \
	DELETE FROM dossier_tally_field WHERE month = '2025-12'" || fail "plant a fault"
run "$CCHC" check
expect_grep "[chú ý] Số đếm hồ sơ theo tháng lệch với hồ sơ (" "$T/out"
expect_grep "): đã đếm lại từ hồ sơ" "$T/out"
counts_match "" "after check"
run "$CCHC" check
expect_grep "[tốt]   Số đếm hồ sơ theo tháng: khớp với hồ sơ" "$T/out"
all_agree "after check"

# ---- the big-import mode drops the triggers and recounts at the end
awk 'BEGIN { RS = "\r\n"; ORS = "\r\n" } NR == 1 { print; next } NF { row[m++] = $0 }
	END { for (i = 1; i <= 60000; i++) { r = row[(i - 1) % m]; c = index(r, ",")
		printf "B-%07d%s\r\n", i, substr(r, c) } }' "$D/mot-cua-2026.csv" >"$T/big.csv"
run "$CCHC" dossier import "$T/big.csv"
expect_rc 0
expect_grep "60000 mới" "$T/out"
# (each writer's temporary copies: the file's kept rows stay as they were)
[ "$(sqlite3 "$CCHC_DB" "SELECT (SELECT count(*) FROM kept_trigger WHERE name GLOB \
	'dossier_tally_*') || (SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND \
	name GLOB 'dossier_tally_*')")" = 80 ] || fail "the big import changed the kept triggers"
all_agree "big import"
exit 0
