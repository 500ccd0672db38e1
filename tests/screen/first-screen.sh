#!/bin/sh
# An empty database starts with the demo plan and shows the demo notice
# over the plan browser until a key is pressed; at 80x24 and 120x40.
. "$top_srcdir/tests/screen/lib.sh"
screen first-80 80x24 <<'S'
dump
key j
dump
S
rm -f "$CCHC_DB"*
screen first-120 120x40 <<'S'
dump
key <Enter>
dump
S
check first-screen
