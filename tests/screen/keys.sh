#!/bin/sh
# A user keys file (~/.config/cchc/keys) rebinds keys: x quits, <F5> jumps
# in the plan screen, n moves down, q no longer quits; its bad lines are
# reported one per key in the status line as file:line: message, and the
# help shows the new bindings.
. "$top_srcdir/tests/screen/lib.sh"
import "$screen_dir/plan-letters.txt"
mkdir -p "$XDG_CONFIG_HOME/cchc"
cat > "$XDG_CONFIG_HOME/cchc/keys" <<'K'
# my keys
bind x quit
bind plan <F5> jump
bind n move-down
unbind q
bind plan Q no-such-action
bind <Nope> quit
K
screen keys 80x24 <<'S'
dump
key 2
dump
key n
dump
key n n
dump
key q
dump
key <F5>
type đ
key <Enter>
dump
key ?
dump
key <Esc> x
key j
dump
S
check keys
