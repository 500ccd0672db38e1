#!/bin/sh
# Recording an index result on the scorecard (i): a small form with the
# year (the catalogue's, 2026), the index completed from par, sipas, papi
# ("pa" lists par and papi, Tab takes par), the value with a decimal
# comma, the rank R/N and the target. A value over 100 and a rank "12 of
# 63" are refused under their fields (^ form.error), the cursor on the
# first; corrected, PAR INDEX 2025 = 83,2, rank 21/63, target 85 is
# saved (index_add) and the chart below the scorecard shows it with its
# bar. cchc index list --format tsv confirms it.
. "$top_srcdir/tests/screen/lib.sh"
. "$screen_dir/tasks-data.inc"
. "$screen_dir/evidence-data.inc"
screen add 80x24 <<'S'
key <F6> i
dump
key C-u
type 2025
key <Tab>
type pa
dump
key <Tab> <Tab>
type 183,2
key <Tab>
type 12 of 63
key <Tab>
type 85
key C-o
dump form.error
key C-u
type 83,2
key <Tab> C-u
type 21/63
key C-o
key <End>
dump agenda.bar
S
note "index list --format tsv:"
"$CCHC" index list --format tsv >> "$actual"
check index-form
