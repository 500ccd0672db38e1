#!/bin/sh
# n/N after a search: from the section opened from the search screen, n
# goes to the next match of "xin loi" in the text pane (the matched words in
# their original form, "xin lỗi", marked # as match.current, the others ^),
# scrolling to it; past the last match of the section it goes on to the next
# section that has every word ("ma túy", with only "xin", is passed by),
# then round to the start of the plan with a message; N goes back, to the
# previous section's last match. n without a search says so.
. "$top_srcdir/tests/screen/lib.sh"
import "$screen_dir/plan-search.txt"
screen no-query 80x24 <<'S'
key 2 n
dump
S
screen next 60x16 <<'S'
key <F5>
type xin loi
key <Enter>
dump match match.current
key n
dump match match.current
key n
dump match match.current
key n
dump match match.current
key n
dump match match.current
key n
dump match match.current
key N
dump match match.current
key N N
dump match match.current
S
check match-next
