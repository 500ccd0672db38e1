#!/bin/sh
# The first-run form (issue 17): a database of the clerk's own with no
# agency name opens on a short form (agency, parent body, place, signer);
# Esc skips it, and printing (the report's p) opens it again first; once
# saved, the print goes on (the format chooser). The demo database is not
# asked: it opens on its notice. What was saved is in the settings.
. "$top_srcdir/tests/screen/lib.sh"
"$CCHC" unit add "Văn phòng Sở" --code VP > /dev/null
# a real file, not the demo: the program does not load the demo into it
"$top_builddir/tests/screen/run_sql" "INSERT INTO setting(key, value) VALUES('demo.seeded', '1')"
screen first-run 80x24 <<'S'
dump
key <Esc>
dump
key <F9> p
dump
key C-o
dump form.error
type Sở Nội vụ
key <Tab>
type UBND TỈNH LẠNG SƠN
key <Tab>
type Lạng Sơn
key <Tab>
type Nguyễn Văn Bình
key C-o
dump
S
note setting list
"$CCHC" setting list --format tsv | grep -E '^(org.name|org.parent|org.place|report.signer)	' >> "$actual"
screen named 80x24 <<'S'
dump
S
export CCHC_DB="$tmp/demo.db"
screen demo 80x24 <<'S'
dump
S
check first-run
