#!/bin/sh
# The search screen (F5, s): the results follow every key ("xin" then
# "xin loi", the last word a prefix), ranked, each with its kind in
# Vietnamese, its name and a line around the match, the matches marked ^;
# C-t switches to exact search where tones count: "ma" finds both "ma túy"
# and "mà" without it, only "ma túy" with it, and "mà" only "mà". Enter on
# a section opens it in the plan screen (the match marked #), Enter on a
# unit opens the units screen on it.
. "$top_srcdir/tests/screen/lib.sh"
import "$screen_dir/plan-search.txt"
"$CCHC" unit add "Văn phòng Sở" --code VP --head "Nguyễn Văn An" > /dev/null
"$CCHC" unit add "Phòng Tiếp công dân" --code TCD --head "Lê Thị Mai" > /dev/null
screen incremental 80x24 <<'S'
key s
dump
type xin
dump match
type  loi
dump match
key <Down> <Down>
key <Enter>
dump match match.current
S
screen exact 80x24 <<'S'
key <F5>
type ma
key <Space>
dump match
key C-t
dump match
key C-u
type mà
key <Space>
dump match
key <Enter>
dump match match.current
S
screen unit 80x24 <<'S'
key <F5>
type tiep cong dan
dump match
key <Enter>
dump match
key <F5> <Down> <Down>
dump
key <Enter>
dump match match.current
S
check search
