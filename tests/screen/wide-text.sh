#!/bin/sh
# A section heading imported in NFD (decomposed marks) with CJK (two columns
# wide) characters: composed in the outline and the text pane, wrapped at
# word boundaries with the wide characters whole, cut with "…" in the
# outline without splitting a wide character or a letter from its marks,
# at two sizes; the filter finds and highlights "thu tuc" in it.
. "$top_srcdir/tests/screen/lib.sh"
import "$screen_dir/plan-wide.txt"
screen wide-80 80x24 <<'S'
key 2 j
dump
key j
dump
S
screen wide-61 61x16 <<'S'
key 2 j
dump
key j
dump
key k /
type thu tuc
key <Enter>
dump match
S
check wide-text
