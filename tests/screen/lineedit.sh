#!/bin/sh
# The line editor of every prompt, here the filter of the outline: "lỗi"
# typed as NFD (o, combining circumflex, combining tilde) shows composed and
# filters; Left passes "ỗ" in one step (X lands before it); Backspace
# removes a whole letter; C-w the last word; a long paste scrolls the field
# horizontally to keep the cursor in view, <Home> scrolls back; a resize
# while typing redraws the field at the new width with the text intact.
. "$top_srcdir/tests/screen/lib.sh"
import "$screen_dir/plan-search.txt"
nfd=$(printf 'lo\314\202\314\203i')
screen nfd 80x24 <<S
key 2 /
type xin $nfd
dump match
key <Left> <Left>
type X
dump
key <Backspace>
dump match
key <End> <Backspace> <Backspace>
dump
key C-w
dump
S
screen scroll 60x16 <<'S'
key 2 g
type một hai ba bốn năm sáu bảy tám chín mười mười một mười hai
dump
key <Home>
dump
key <Right> <Right> <Right> <Delete>
dump
resize 80x24
dump
resize 70x20
dump
resize 60x16
key <Enter>
dump
S
check lineedit
