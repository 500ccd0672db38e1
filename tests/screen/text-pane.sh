#!/bin/sh
# The text pane: heading, paragraphs, and - / + list items with a hanging
# indent, wrapped at word boundaries by columns; scrolling a long section
# with <Space>, b, J and K at the minimum size (60x16); wider panes.
. "$top_srcdir/tests/screen/lib.sh"
import "$FIXTURES/so-cong-thuong-2024.txt"
screen text-60 60x16 <<'S'
key <Esc> 2 g
type 1.2
key <Enter>
dump
key <Space>
dump
key J J
dump
key b K
dump
S
screen text-120 120x40 <<'S'
key <Esc> 2 g
type 1.3
key <Enter>
dump
S
rm -f "$CCHC_DB"*
import "$screen_dir/plan-letters.txt"
screen items 80x24 <<'S'
key 2 g
type đ
key <Enter>
dump
S
rm -f "$CCHC_DB"*
import "$FIXTURES/so-gtvt-2024.md"
screen gtvt-items 120x40 <<'S'
key 2 g
type 2.4
key <Enter>
dump
S
check text-pane
