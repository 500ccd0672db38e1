#!/bin/sh
# The plan picker (p) lists the plans; choosing one opens it, and the choice
# is remembered (setting ui.plan_id) for the next start. Esc closes it.
. "$top_srcdir/tests/screen/lib.sh"
import "$FIXTURES/so-cong-thuong-2024.txt"
import "$FIXTURES/so-gtvt-2024.md"
import "$FIXTURES/so-ngoai-vu-2024.txt"
screen pick 80x24 <<'S'
key 2
dump
key p
dump
key j j
dump
key <Esc>
dump
key p j <Enter>
dump
S
screen remembered 80x24 <<'S'
key 2
dump
S
check plan-picker
