#!/bin/sh
# Long work in the program (util/progress.h, ui/progress_bar.c): on the
# dossiers screen (registers-data.inc, 40 dossiers), i imports a generated
# export of 20,000 rows through the streaming import, which reads and
# stores as it goes with the bar on the status line. An Esc typed
# meanwhile stops it: the status line says it was stopped and that nothing
# was stored, and the database still holds its 40 dossiers, with no import
# in the history. (The Esc is on the same script line as the Enter that
# starts the import, so the program finds it while it works, as it finds a
# key the clerk types; 20,000 rows take far more than the tenth of a
# second between looks at the keyboard.) Imported again without Esc, the
# panel shows the file, the encoding read and its 20,000 good rows before
# anything is stored; Enter stores them.
. "$top_srcdir/tests/screen/lib.sh"
. "$screen_dir/registers-data.inc"
command -v sqlite3 > /dev/null || { echo "SKIP: no sqlite3 shell"; exit 77; }
awk -v n=20000 'BEGIN { RS = "\r\n"; ORS = "\r\n" }
	NR == 1 { print; next }
	NF { row[m++] = $0 }
	END { for (i = 0; i < n; i++) { r = row[i % m]; c = index(r, ",")
		printf "%s%07d%s\r\n", substr(r, 1, c - 5), i + 1, substr(r, c) } }' \
	"$FIXTURES/dossiers/mot-cua-2026.csv" > "$tmp/big.csv"
history_before=$(sqlite3 "$CCHC_DB" 'SELECT count(*) FROM history_action')
screen cancel 80x24 <<S
key 0 i
type ~/big.csv
key <Enter> <Enter> <Esc>
dump
S
note "dossiers after the stopped import: $(sqlite3 "$CCHC_DB" 'SELECT count(*) FROM dossier')"
note "history actions added: $(($(sqlite3 "$CCHC_DB" 'SELECT count(*) FROM history_action') - history_before))"
screen store 80x24 <<S
key 0 i
type ~/big.csv
key <Enter> <Enter>
dump
key <Enter>
dump
S
note "dossiers after the import: $(sqlite3 "$CCHC_DB" 'SELECT count(*) FROM dossier')"
# An export stopped: F9's p (docx, the default file), with an Esc typed
# while the report is built; the status line says it was stopped and the
# file is not there. Without the Esc the same keys write it. (The preview
# of 20,040 dossiers is made at idle, the idle line.)
screen export-stop 80x24 <<S
key <F9>
idle
key p
key <Enter>
key <Enter> <Esc>
dump
S
note "after the stopped export: $(ls -A "$HOME" | grep -c 'bao-cao') report files, temporary ones included"
screen export 80x24 <<S
key <F9>
idle
key p
key <Enter>
key <Enter>
dump
S
note "after the export: $(ls "$HOME" | grep '^bao-cao')"
check progress
