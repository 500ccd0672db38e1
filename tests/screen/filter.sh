#!/bin/sh
# / filters a list as one types, the words without tones ("thu tuc" finds
# "thủ tục"), the matches highlighted (lines of ^ under the cells drawn as
# the theme element "match"): in the outline only sections whose heading or
# text matches (issue 17: text too, not only headings) and
# their ancestors stay, the count shows at the end of the input line and,
# after Enter, in the status line; Esc while typing, or after, brings every
# section back with the cursor where it was. The same in the units list and
# in the plan picker.
. "$top_srcdir/tests/screen/lib.sh"
screen outline 80x24 <<'S'
key <Esc> 2 /
type thu t
dump match
type uc
dump match
key <Enter>
dump match
key j
dump match
key <Esc>
dump match
key /
type xyz
dump
key <Esc>
dump
S
screen units 80x24 <<'S'
key <Esc> 5 /
type phong
dump match
key <Enter> j j
dump match
key <Esc>
dump match
S
import "$FIXTURES/so-cong-thuong-2024.txt"
import "$FIXTURES/so-gtvt-2024.md"
import "$FIXTURES/so-ngoai-vu-2024.txt"
screen picker 80x24 <<'S'
key 2 p /
type trien kh
dump match
key <Enter>
dump match
key <Esc>
dump
key /
type thuc hien
key <Enter> <Enter>
dump
S
check filter
