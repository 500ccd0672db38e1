#!/bin/sh
# The help screen is generated from the action table and the keys in
# force: opened by ? or <F1>, scrolled, closed by q, <Esc> or ?; it
# survives a resize; at 120 columns it also shows the action names.
. "$top_srcdir/tests/screen/lib.sh"
screen help-80 80x24 <<'S'
key <Esc> 2 ?
dump
key <PageDown> <PageDown>
dump
key q
dump
key <F1>
resize 100x30
dump
key <Esc>
dump
key 3 ?
dump
key ?
dump
S
screen help-120 120x40 <<'S'
key <Esc> 2 <F1>
dump
S
check help
