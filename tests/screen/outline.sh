#!/bin/sh
# Moving in the outline and opening/closing sections: j/k, <Enter>, l/h,
# expand-all (*), collapse-all (C), <Home>/<End>/<PageDown>/<PageUp>,
# <Backspace> (to the parent). The text pane follows the selected section.
. "$top_srcdir/tests/screen/lib.sh"
screen outline 80x24 <<'S'
key <Esc> 2
# down to "II. NHIỆM VỤ, GIẢI PHÁP", then its first child, then open it
key j j
dump
key l
dump
# <Enter> closes it again
key <Enter>
dump
# h on a closed section goes to its parent
key h
dump
# everything open, then to the end and back by pages
key *
dump
key <End>
dump
key <PageUp>
dump
key <Home> <PageDown>
dump
# <Backspace>: parent; C: everything closed, the cursor stays on its top section
key <Backspace>
dump
key C
dump
S
check outline
