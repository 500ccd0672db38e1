#!/bin/sh
# Jumping to a section by its label: "đ" finds "đ)" (Vietnamese letter
# order), "2.3" finds "2.3.", "II" finds "II.", and an unknown label says so.
. "$top_srcdir/tests/screen/lib.sh"
import "$screen_dir/plan-letters.txt"
screen letters 80x24 <<'S'
key 2 g
type đ
dump
key <Enter>
dump
key :
type II
key <Enter>
dump
key g
type 9.9
key <Enter>
dump
key j
dump
S
rm -f "$CCHC_DB"*
import "$FIXTURES/so-gtvt-2024.md"
screen gtvt 120x40 <<'S'
key 2 g
type 2.3
key <Enter>
dump
S
check jump
