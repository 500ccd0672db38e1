#!/bin/sh
# At the smallest size (60x16) the task form scrolls: the field being edited
# is always on screen, so nothing is typed into a field the clerk cannot see.
. "${top_srcdir:-.}/tests/cli/lib.sh"
export CCHC_TODAY=2026-11-24
printf 'key x\n' >"$T/s0"
"$CCHC" --script "$T/s0" --dump "$T/d0" >/dev/null 2>&1 || fail "demo"
"$CCHC" task add --section 3 --title "Rà soát TTHC" --lead VP >/dev/null || fail "add"
cat >"$T/script" <<'S'
key 3 e
dump
key <Tab> <Tab> <Tab> <Tab> <Tab> <Tab>
type Mô tả mới
dump
key <Tab>
dump
key <S-Tab> <S-Tab> <S-Tab> <S-Tab> <S-Tab> <S-Tab> <S-Tab>
dump
S
run "$CCHC" --script "$T/script" --dump "$T/dump" --size 60x16
expect_rc 0
# split the dumps: dump 2 has "Mô tả" with the typed text, dump 3 "Trạng thái"
awk -v dir="$T" '/^--- dump/{n++} {print > (dir "/part" n+0)}' "$T/dump"
expect_grep "Tên nhiệm vụ" "$T/part0"
expect_grep "Mô tả mới" "$T/part1"
expect_grep "↑" "$T/part1"
expect_grep "Trạng thái" "$T/part2"
expect_grep "Tên nhiệm vụ" "$T/part3"
expect_grep "↓" "$T/part3"
exit 0
