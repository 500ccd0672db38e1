#!/bin/sh
# An empty database starts with the demo plan and shows the demo notice
# over the home screen until a key is pressed (the key does nothing else);
# 2 then opens the plan browser; at 80x24 and 120x40.
. "$top_srcdir/tests/screen/lib.sh"
screen first-80 80x24 <<'S'
dump
key j
dump
key 2
dump
S
rm -f "$CCHC_DB"*
screen first-120 120x40 <<'S'
dump
key <Enter> 2
dump
S
check first-screen
