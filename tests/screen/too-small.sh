#!/bin/sh
# Below 60x16 the program says the window is too small (ignoring keys but
# q), and draws itself again when enlarged; also with the jump prompt or
# the help open while the size changes.
. "$top_srcdir/tests/screen/lib.sh"
screen small-start 50x12 <<'S'
dump
key j
resize 80x24
dump
S
import "$screen_dir/plan-letters.txt"
screen small-resize 80x24 <<'S'
key 2 g
type đ
resize 59x24
dump
resize 60x16
dump
key <Enter>
resize 120x40
dump
key ?
resize 40x10
dump
resize 80x24
dump
S
check too-small
