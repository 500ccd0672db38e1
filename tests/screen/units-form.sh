#!/bin/sh
# The units screen's a (add) and e (edit), issue 17: the same rules and
# messages as "cchc unit add/edit" — a kind not in the list is said under
# its field as it is typed, a code another unit has is refused with the
# form kept, a unit set "không" shows (đã thôi); the list puts the cursor
# on the unit saved, and the database holds what the form said.
. "$top_srcdir/tests/screen/lib.sh"
screen units-add 80x24 <<'S'
key <Esc> 5 a
dump
type Phòng Kế hoạch
key <Tab>
type KH
key <Tab>
type Nguyễn Văn An
key <Tab>
type xyz
dump form.error
key C-u
type đơn vị
key <Down> <Enter>
key C-o
dump
S
screen units-edit 80x24 <<'S'
key 5 j e
dump
key <Tab> C-u
type VP
key C-o
dump form.error
key C-u
type KHDT
key <Tab> <Tab> <Tab> C-u
type không
key C-o
dump unit.inactive
S
note unit list --all
"$CCHC" unit list --all | awk -F '\t' '$2 == "KH" || $2 == "KHDT" || $2 == "VP"' >> "$actual"
check units-form
