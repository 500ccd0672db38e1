#!/bin/sh
# The search screen over the registers (issue 17). A holder's name finds
# the dossier, its apology letter and the holder's feedback, each with its
# kind in Vietnamese ("Hồ sơ", "Phiếu xin lỗi", "Phản ánh"); a plan's
# section shows the plan's name. Typed without tones, "ky lua" ranks by
# relevance; typed with them, "Kỳ Lừa" puts the holder "Kỳ Lừa" before
# "kỷ luật" (a procedure). Digits go into the query (a code's "251201"
# switches no screen). Enter on a dossier opens the Hồ sơ screen filtered
# to its code with its details open; Enter on a letter and on a feedback
# item opens them in their screens. Tab still switches screens, and the
# screen's help says so.
. "$top_srcdir/tests/screen/lib.sh"
. "$screen_dir/registers-data.inc"
kl=000.00.18.H36-251201-0001   # Công ty TNHH Điện máy Kỳ Lừa, late, no letter
"$CCHC" dossier add --code KL-2 --received 2026-05-04 --holder "Lê Văn Lựa" \
	--procedure "Xử lý kỷ luật viên chức" --field "Nội vụ" > /dev/null
"$CCHC" letter add --dossier "$kl" --reason "Chờ ý kiến thẩm định." --new-date 2025-12-15 \
	--date 2025-12-05 --addressee "Công ty TNHH Điện máy Kỳ Lừa" > /dev/null
"$CCHC" feedback add --received 2026-05-10 --channel email --sender "Công ty Điện máy Kỳ Lừa" \
	--content "Chưa nhận được kết quả đúng hẹn" > /dev/null
screen holder 80x24 <<'S'
key s
type dien may ky lua
dump match
key C-u
type ky lua
dump match
key C-u
type Kỳ Lừa
dump match
key <Enter>
dump
key <Esc>
dump match
S
screen digits 80x24 <<'S'
key <F5>
type 251201 0001
dump match
key <Tab>
dump
S
screen feedback 80x24 <<'S'
key <F5>
type dien may ky lua
key <Down> <Enter>
dump
S
screen letter 80x24 <<'S'
key <F5>
type dien may ky lua
key <Down> <Down> <Enter>
dump
S
screen plan 80x24 <<'S'
key <F5>
type cai cach
dump match
S
screen help 80x30 <<'S'
key <F5> <F1>
dump
S
# A file imported from the Hồ sơ screen (i) is searchable at once: the
# import indexes its new rows when it ends (store/search_index.h).
head -2 "$FIXTURES/dossiers/mot-cua-2026.csv" |
	sed 's/H36-251120-0001/H36-260514-0009/; s/Nông Thị Hạnh/Vi Thị Xuân/' > "$tmp/moi.csv"
screen import 80x24 <<'S'
key 0 i
type ~/moi.csv
key <Enter> <Enter> <Enter>
key <F5>
type vi thi xuan
dump
S
check search-registers
