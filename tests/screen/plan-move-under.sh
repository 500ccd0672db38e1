#!/bin/sh
# Moving a plan section under another parent from the program (issue 17):
# > opens a picker of the plan's sections by number and heading, without
# the section and its subsections, starting on the sibling just before;
# typing filters; Enter moves the section (its subsections along) under the
# chosen one, opened so it shows (or to the top level); u takes it back.
. "$top_srcdir/tests/screen/lib.sh"
import "$FIXTURES/so-ngoai-vu-2024.txt"
screen move-under 80x24 <<'S'
key <Esc> 2 <End>
key >
dump
type muc dich
dump
key <Down> <Enter>
dump
key u c
dump
# III. with its subsections: they are not offered
key <End> k k
key >
dump
key <Esc>
dump
# III.1 up to the top level, the picker's first choice
key j
key >
type cap cao
dump
key <Enter>
dump
S
check plan-move-under
