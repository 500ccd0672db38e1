#!/bin/sh
# The report screen (F9, "Báo cáo") over the task data (tasks-data.inc,
# today 24/11/2026). It opens on the next report due (năm 2026: data
# 15/12/2025–14/12/2026, sent by 16/12/2026) as a preview of the text
# rendering, scrolled with PageDown. K lists this year's and last year's
# periods with their ranges and deadlines (the current one selected);
# choosing quý III rebuilds the preview; "khác…" asks for FROM..TO.
. "$top_srcdir/tests/screen/lib.sh"
. "$screen_dir/tasks-data.inc"
screen period 80x24 <<'S'
key <F9>
dump
key K
dump
key <Up> <Up> <Enter>
dump
key <PageDown> <PageDown>
dump
key K
type khac
key <Enter>
type 01/01/2026..30/06/2026
key <Enter>
dump
S
# The annex's one-stop table (Biểu 4a, 13 figures a row) is wider than the
# window: the preview starts at the left edge with → shown, <Right> scrolls
# sideways (← then shown), <Left> back.
screen wide-table 80x24 <<'S'
key <F9> <End> <PageUp> <PageUp> <PageUp>
dump
key <Right> <Right>
dump
key <Left> <Left> <Left>
dump
S
# e lists the report's sections; "uu diem" finds III.1. Ưu điểm; Enter
# opens its text for the period in the multi-line editor: a long line wraps
# at a space, Enter starts a new line (a paragraph), Up and End go back to
# the end of the first line to add to it. Esc after a change asks first
# ([c/K]); any key but c goes back to the text. C-o saves (report_note_set)
# and the preview, built again, shows the paragraphs under "1. Ưu điểm";
# e again marks the section ✓ with its first line.
screen note 80x24 <<'S'
key <F9> e
dump
type uu diem
key <Enter>
type Sở đã hoàn thành đúng hạn các nhiệm vụ trọng tâm về thẩm định văn bản và
type  kiện toàn tổ hòa giải ở cơ sở
key <Enter>
type Người dân hài lòng với thái độ phục vụ.
key <Up> <End>
type , vượt kế hoạch
dump
key <Esc>
dump error
key x C-o
dump
key e
dump
S
note "report_note rows (period, section, text):"
sqlite3 "$CCHC_DB" "SELECT period, section, text FROM report_note" >> "$actual"
# p asks the format (docx first), then the file, ~/bao-cao-cchc-2026.docx by
# default; the Word file holds the title and the Office's text. A folder
# that cannot be made (under a file) is told in Vietnamese; csv writes one file per table
# into ~/bao-cao-cchc-2026/.
printf 'x\n' > "$HOME/tep"
screen export 80x24 <<'S'
key <F9> p
dump
key <Enter>
dump
key <Enter>
dump
key p <Enter> C-u
type ~/tep/khong-co/bao-cao.docx
key <Enter>
dump error
key p
type csv
key <Enter>
dump
key <Enter>
dump
S
unzip -p "$HOME/bao-cao-cchc-2026.docx" word/document.xml > "$tmp/document.xml"
grep -q "BÁO CÁO" "$tmp/document.xml" || { echo "docx: no BÁO CÁO"; exit 1; }
grep -q "hòa giải ở cơ sở, vượt kế hoạch" "$tmp/document.xml" &&
	grep -q "Người dân hài lòng với thái độ phục vụ." "$tmp/document.xml" ||
	{ echo "docx: the note is missing"; exit 1; }
note "csv folder:"
(cd "$HOME/bao-cao-cchc-2026" && ls) >> "$actual"
# Wide: the preview centred, the header whole.
screen wide 120x40 <<'S'
key <F9> <PageDown>
dump
S
check report
