#!/bin/sh
# The suggestions screen (6) finds the task already made from a proposal by
# its section and title (one indexed lookup): here two tasks of PHỤ LỤC I
# (section 27) carry the title of proposal 9, "Kiểm tra công tác CCHC tại
# các đơn vị thuộc Sở"; the proposal shows as made into the first of them
# (no. 6, the lowest number), though no. 7 is due sooner. The heading
# counts it: 11 đề xuất, 1 đã tạo.
. "$top_srcdir/tests/screen/lib.sh"
. "$screen_dir/tasks-data.inc"
task --section 27 --title "Kiểm tra công tác CCHC tại các đơn vị thuộc Sở" --lead VP \
	--due 31/12/2026
task --section 27 --title "Kiểm tra công tác CCHC tại các đơn vị thuộc Sở" --lead VP \
	--due 15/12/2026
screen suggest-made 80x24 <<'S'
key 7 j j j j j j j j
dump task.done
S
check suggest-made
