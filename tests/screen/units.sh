#!/bin/sh
# The units screen (4, or <S-Tab> from the search screen): code, name and
# head of each unit of the demo department; moving in it; back to the plan
# with 1.
. "$top_srcdir/tests/screen/lib.sh"
screen units-80 80x24 <<'S'
key <Esc> 5
dump
key j j <End>
dump
key 2
dump
key 6 <S-Tab>
dump
S
screen units-120 120x40 <<'S'
key <Esc> 5
dump
S
check units
