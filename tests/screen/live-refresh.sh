#!/bin/sh
# Another process writes while the program is open (a cchc command, a
# colleague's window on the same file): the screen shows it without a key
# (an idle tick, as when the clerk types nothing for a second) or at the
# next key. Units: a unit added on the command line appears and the count
# moves. Tasks: the cursor is on task no. 3 (29/11); a task due earlier is
# added and another marked done elsewhere; the list shows both and the
# cursor stays on no. 3, one row lower. Home: the counts follow. Dossiers
# (the engine of the registers): one added elsewhere, due before the row
# under the cursor, shows, and the cursor stays on its record. An idle
# tick with nothing new keeps the message on the status line.
. "$top_srcdir/tests/screen/lib.sh"
. "$screen_dir/tasks-data.inc"
screen live-refresh 80x24 <<'S'
key 5
dump
run "$CCHC" unit add "Phòng Phổ biến giáo dục pháp luật" --code PBGDPL > /dev/null
idle
dump
key 3 j j
dump
run "$CCHC" task add --section 7 --title "Rà soát văn bản mới ban hành" --lead VP --due 25/11/2026 > /dev/null
run "$CCHC" task done 1 --date 2026-11-20 > /dev/null
idle
dump
key 1
dump
S
screen live-refresh-idle 80x24 <<'S'
key 3 j
key x
idle
idle
dump
S
export CCHC_DB="$tmp/registers.db"
. "$screen_dir/registers-data.inc"
screen live-refresh-dossiers 80x24 <<'S'
key 0 j j j
dump
run "$CCHC" dossier add --code 000.00.18.H36-251215-0999 --received 15/12/2025 --due 20/12/2025 --holder "Hà Văn Mới" --unit VP > /dev/null
idle
dump
S
check live-refresh
