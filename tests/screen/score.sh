#!/bin/sh
# The scorecard (9, "Chấm điểm"): the example catalogue of 2026 (cchc
# criteria load) with areas in bold summing their leaves' points (1: 3 +
# 3,5 = 6,5), maximum points, evidence counts (1.1 has one), the total
# line; below, the index results with a bar scaled to 100 (PAPI: 80), the
# value with a decimal comma, the rank and the target (85 marked | on the
# bar; "tăng 5 bậc" as text). Enter on an area only explains; on leaf 1.3
# it edits the points: 7 (more than the maximum 3) and "abc" are refused
# under the field (^ form.error), 2,5 is saved and the total becomes 13.
# cchc score list --format tsv confirms it. c picks another catalogue (a
# second one loaded without a year: scored for this year, 2026). At
# 120x40 the bars are wider.
. "$top_srcdir/tests/screen/lib.sh"
. "$screen_dir/tasks-data.inc"
. "$screen_dir/evidence-data.inc"
screen scorecard 80x24 <<'S'
key <F6>
dump
key <End>
dump agenda.bar
S
screen edit 80x24 <<'S'
key <F6> <Enter>
dump
key j j j <Enter>
dump
type 7
key <Enter>
dump form.error
key C-u
type abc
key <Enter>
dump form.error
key C-u
type 2,5
key <Enter>
dump
S
note "score list --format tsv:"
"$CCHC" score list --year 2026 --format tsv >> "$actual"
cat > "$tmp/khac.txt" <<'T'
[catalogue]
index = sipas
name = Khảo sát hài lòng — thử

[criteria]
1 | Tiếp cận dịch vụ | 50 |
2 | Kết quả dịch vụ | 50 |
T
"$CCHC" criteria load "$tmp/khac.txt" > /dev/null
screen pick 80x24 <<'S'
key <F6> c
dump
type khao sat
key <Enter>
dump
S
screen wide 120x40 <<'S'
key <F6>
dump
S
# m in the plan browser maps the selected section to a criterion, chosen
# from the criteria of every catalogue ("code name"); on "2. Cải cách thể
# chế" the criterion criteria_suggest proposes (2) is preselected. Section
# a) (tasks 1 and 5) mapped to 2.1 ("ra soat" finds it): cchc score list then counts the
# evidence of those tasks under 2.1.
# the example set: the national catalogues of every new database come first
example=$(sqlite3 "$CCHC_DB" "SELECT id FROM criteria_catalogue WHERE year = 2026")
note "score list before: 2.1"
"$CCHC" score list --year 2026 --catalogue "$example" --format tsv | grep '^2\.1' >> "$actual"
screen map 80x24 <<'S'
key 2 E j j j j j m
dump
key <Esc> j m
type ra soat
dump
key <Enter>
dump
S
note "score list after: 2.1"
"$CCHC" score list --year 2026 --catalogue "$example" --format tsv | grep '^2\.1' >> "$actual"
check score
