#!/bin/sh
# Each unit's rank is its place in the Vietnamese order of names (Â after
# A, Đ after D; schema 21), kept by the database when a unit is added or
# renamed, and the lists sorted by unit (unit list, the report by unit)
# follow it.
. "${top_srcdir:-.}/tests/cli/lib.sh"
command -v sqlite3 >/dev/null || { echo "SKIP: sqlite3 command not installed"; exit 77; }

ranks() {
	sqlite3 "$CCHC_DB" "SELECT group_concat(code || '=' || rank, ' ') FROM (SELECT code, rank
		FROM unit ORDER BY id)"
}
"$CCHC" unit add "Phòng Đối ngoại" --code PDN > /dev/null
"$CCHC" unit add "Phòng Dân tộc" --code PDT > /dev/null
"$CCHC" unit add "Phòng Âm nhạc" --code PAN > /dev/null
"$CCHC" unit add "Phòng Bảo tàng" --code PBT > /dev/null
[ "$(ranks)" = "PDN=3 PDT=2 PAN=0 PBT=1" ] || fail "ranks after adding: $(ranks)"
run "$CCHC" unit list
expect_rc 0
[ "$(cut -f2 "$T/out" | tr '\n' ' ')" = "PAN PBT PDT PDN " ] ||
	fail "unit list order: $(cut -f2 "$T/out" | tr '\n' ' ')"
# a rename numbers them all again: "Ánh" comes before "Âm"
"$CCHC" unit edit PDN --name "Phòng Ánh sáng" > /dev/null
[ "$(ranks)" = "PDN=0 PDT=3 PAN=1 PBT=2" ] || fail "ranks after renaming: $(ranks)"
run "$CCHC" unit list
[ "$(cut -f2 "$T/out" | tr '\n' ' ')" = "PDN PAN PBT PDT " ] ||
	fail "unit list order after renaming: $(cut -f2 "$T/out" | tr '\n' ' ')"
# undoing the rename puts the rank back with the name
"$CCHC" undo > /dev/null
[ "$(ranks)" = "PDN=3 PDT=2 PAN=0 PBT=1" ] || fail "ranks after undo: $(ranks)"
# the schema is the one cchc makes
run "$CCHC" check
expect_grep "Lược đồ: bảng, chỉ mục, view, trigger đúng như cchc tạo" "$T/out"
