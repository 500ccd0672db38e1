#!/bin/sh
# Esc on a form (issue 17): with nothing typed it closes at once; after a
# change it asks "Bỏ các thay đổi vừa gõ?" — c drops them (nothing saved),
# any other key goes back to the form with the text kept. Checked on the
# task form and on the dossier form (both built on ui/form.c).
. "$top_srcdir/tests/screen/lib.sh"
import "$FIXTURES/so-gtvt-2024.md"
screen task-form 80x24 <<'S'
key 3 a <Esc>
dump
key a
type Rà soát thủ tục
key <Esc>
dump
key x
dump
key <Esc> c
dump
S
note task list
"$CCHC" task list >> "$actual"
screen dossier-form 80x24 <<'S'
key 0 a
type H36-0001
key C-u
key <Esc>
dump
key a
type H36-0002
key <Esc> c
dump
S
check form-esc
