#!/bin/sh
# Correcting a plan from the program (issue 17), each edit one action that
# u takes back: / finds a section by a word of its text (not only of its
# heading); e edits a heading and the paragraphs (first line the heading,
# Enter splits a paragraph at the cursor); ] moves a section below its next
# sibling, numbers following the place; ^ joins a section to the one
# before it; I corrects the plan's header fields.
. "$top_srcdir/tests/screen/lib.sh"
import "$FIXTURES/so-ngoai-vu-2024.txt"
screen filter-text 80x24 <<'S'
key <Esc> 2
# "SIPA" is in the text of III.1 only, not in any heading
key /
type sipa
dump match
key <Enter> <Esc>
# a filter nothing matches, kept with Enter, is dropped by Esc
key /
type xyz
key <Enter>
dump
key <Esc>
dump
S
screen section 80x24 <<'S'
key <Esc> 2 j
key e
dump
# the heading changed, the first paragraph split after its first words
key C-e
type  (sửa)
key <Down> <Home> <Right> <Right> <Right> <Right> <Right> <Right> <Right> <Right> <Right>
key <Enter>
dump
key C-o
dump
key u
dump
key c
dump
S
screen move-join 80x24 <<'S'
key <Esc> 2 <End> k
dump
key ]
dump
key ]
dump
key u c
dump
key ^
dump
key u c
dump
# the first section has nothing before it
key <Home> ^
dump
S
screen plan-fields 80x24 <<'S'
key <Esc> 2 I
dump
key C-u
type Cải cách hành chính năm 2024
key <Tab> <Tab> <Tab> C-u
type 20x4
key C-o
dump
key C-u
type 2024
key C-o
dump
key u c
dump
S
# the undo preview shows the action's time, from the clock
sed -E -e 's|[0-9]{2}/[0-9]{2}/[0-9]{4} [0-9]{2}:[0-9]{2}|DD/MM/YYYY HH:MM|g' \
	"$actual" > "$actual.masked" && mv "$actual.masked" "$actual"
check plan-edit
