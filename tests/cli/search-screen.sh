#!/bin/sh
# The search screen names the hits it shows (issue 19): the title, the
# plan and the line around the match of a hit below the first screen are
# read when it is scrolled into view, and show as for the first ones; the
# rows an index gave for the same question are kept while the clerk types
# ("thi diem " and "thi diem t" ask for the same words, the prefix of one
# letter checked on the rows) and read again after another program wrote:
# a task added elsewhere is found at the next letter.
. "${top_srcdir:-.}/tests/cli/lib.sh"
export CCHC_TODAY=2026-11-24
"$CCHC" plan import "$FIXTURES/so-cong-thuong-2024.txt" > /dev/null 2>&1 || fail import
"$CCHC" unit add "Văn phòng Sở" --code VP > /dev/null || fail unit
i=1
while [ $i -le 25 ]; do
	"$CCHC" task add --section 5 --title "Kiểm tra thí điểm số $i" --lead VP \
		--description "Đánh giá kết quả thí điểm lần $i ở bộ phận một cửa" \
		--due 30/12/2026 > /dev/null || fail "task $i"
	i=$((i + 1))
done
cat > "$T/script" <<S
key 6
type thi diem
dump
key <PageDown> <PageDown>
dump
key C-u
type thi diem 
dump
run "$CCHC" task add --section 5 --title "Thí điểm tiếp nhận mới" --lead VP > /dev/null
type t
dump
S
"$CCHC" --script "$T/script" --size 80x24 --dump "$T/screen" > /dev/null 2> "$T/err" ||
	fail "the search screen: $(cat "$T/err")"
awk -v dir="$T" 'NR == 1 || /^--- dump [0-9]+ ---$/ { n++ } { print > (dir "/dump" n) }' \
	"$T/screen"
# hits: the numbers of the tasks shown, in order
hits() { sed -n 's/.*Nhiệm vụ *Kiểm tra thí điểm số \([0-9]*\).*/\1/p' "$1" | tr '\n' ' '; }
first=$(hits "$T/dump1") scrolled=$(hits "$T/dump2")
[ "$(echo $first | wc -w)" -eq 10 ] || fail "first screen: hits '$first' ($(cat "$T/dump1"))"
[ "$(echo $scrolled | wc -w)" -eq 10 ] || fail "scrolled: hits '$scrolled' ($(cat "$T/dump2"))"
for n in $scrolled; do
	case " $first " in *" $n "*) fail "task $n is on both screens" ;; esac
done
# each hit scrolled to with its plan's name and its line around the match,
# as on the first screen
for d in 1 2; do
	[ "$(grep -c "Kiểm tra thí điểm số [0-9]* *Triển khai" "$T/dump$d")" -eq 10 ] ||
		fail "dump $d: a hit without its plan: $(cat "$T/dump$d")"
	[ "$(grep -c "Đánh giá kết quả thí điểm lần [0-9]* ở bộ phận một cửa" "$T/dump$d")" -eq 10 ] ||
		fail "dump $d: a hit without its line: $(cat "$T/dump$d")"
done
for n in $scrolled; do
	expect_grep "Đánh giá kết quả thí điểm lần $n ở" "$T/dump2"
done
expect_grep "25 kết quả" "$T/dump1"
expect_grep "25 kết quả" "$T/dump3"
expect_no_grep "tiếp nhận mới" "$T/dump3"
expect_grep "26 kết quả" "$T/dump4"
exit 0
