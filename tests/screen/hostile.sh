#!/bin/sh
# Hostile text in an imported plan never reaches the terminal raw. The plan
# (written here with printf) has ESC sequences in its title, headings and
# paragraphs (clear screen \033[2J, a window title \033]0;title\007, CSI
# colours), other C0 controls (SOH, BS, DEL, BEL), C1 controls (CSI U+009B,
# NEL U+0085, OSC U+009D), bidi overrides and isolates (U+202E, U+2066) and
# very long lines (a long heading, a long paragraph, a 300-letter word).
# The outline, the text pane, scrolling, the search screen and the filter
# show U+FFFD where a control was (expected/hostile.dump); every dump has no
# control byte, no C1 or bidi character, and the layout is intact (each dump
# exactly the terminal's size, no line wider than the terminal). Then, when
# tmux is installed, the same plan is shown in a real terminal and every
# byte cchc sent to it is recorded (pipe-pane): none of the hostile
# sequences is among them and the window title is unchanged.
. "$top_srcdir/tests/screen/lib.sh"
word=$(printf 'x%.0s' $(seq 300))
{
	printf 'UBND TỈNH LẠNG SƠN\n\nSỞ THỬ NGHIỆM\n\nSố: 1/KH-STN\n\nKẾ HOẠCH\n\n'
	printf 'Kiểm tra văn bản lạ\033[2J năm 2026\n\n'
	printf 'I. XÓA MÀN HÌNH \033[2J\033[H NGAY\n\n'
	printf 'Đoạn có tiêu đề cửa sổ \033]0;title\007 và màu \033[31mĐỎ\033[0m hết.\n\n'
	printf '1. Điều khiển C0 \001\010\177 và C1 \302\23331m \302\205 \302\2350;x\302\234 cuối\n\n'
	printf 'Chữ đảo chiều \342\200\256abc.exe\342\200\254 và \342\201\246cô lập\342\201\251 xong.\n\n'
	printf '2. Dòng rất dài'
	for i in $(seq 40); do printf ' Tiêu đề dài'; done
	printf '\n\n'
	for i in $(seq 200); do printf 'Nội dung rất dài '; done
	printf '\n\n%s cuối từ dài.\n\n' "$word"
	printf -- '- mục có \033[1mđậm\033[0m\n+ mục có chuông \007\007 cuối\n\n'
	printf 'II. KẾT THÚC\n\nHết.\n'
} > "$tmp/hostile.txt"
import "$tmp/hostile.txt"

screen outline 80x24 <<'S'
key <Esc> 2
dump
key j
dump
key j
dump
key <Space> <Space> <Space> <Space> <Space>
dump
key <F5>
type title
dump
key <F2> /
type lạ
dump
S
screen small 60x16 <<'S'
key <Esc> 2 j
dump
S

# No control byte but tab and newline, no C1 control, no bidi control; each
# dump as wide and as high as the terminal (wc -L counts display columns).
LC_ALL=C tr -d -c '\000-\010\013-\037\177' < "$actual" > "$tmp/controls"
[ ! -s "$tmp/controls" ] || { echo "control bytes in the dumps:"; od -c "$tmp/controls" | head; exit 1; }
for pat in "$(printf '\302[\200-\237]')" "$(printf '\342\200[\252-\256]')" \
	"$(printf '\342\201[\246-\251]')" "$(printf '\342\200[\216\217]')"; do
	if LC_ALL=C grep -n "$pat" "$actual"; then echo "C1 or bidi control in the dumps"; exit 1; fi
done
awk -v out="$tmp/part" '/^## / { size = $NF; gsub(/[()]/, "", size) }
	/^## |^--- dump / { n++; next } { print > (out "." n "." size) }' "$actual"
for part in "$tmp"/part.*; do
	size=${part##*.} lines=$(wc -l < "$part") width=$(LC_ALL=C.UTF-8 wc -L < "$part")
	[ "$lines" -eq "${size#*x}" ] && [ "$width" -le "${size%x*}" ] ||
		{ echo "a $size dump is $lines lines, $width columns:"; cat "$part"; exit 1; }
done
check hostile

# The same in a real terminal: the bytes cchc writes to it.
command -v tmux > /dev/null 2>&1 || { echo "tmux not installed: real-terminal part skipped"; exit 0; }
sock="cchc-hostile-$$"
trap 'tm kill-server > /dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
tm -u new-session -d -s t -x 80 -y 24 \
	"sleep 0.5; env CCHC_DB='$CCHC_DB' HOME='$HOME' XDG_CONFIG_HOME='$XDG_CONFIG_HOME' \
	 XDG_DATA_HOME='$XDG_DATA_HOME' LC_ALL=C.UTF-8 TERM=screen '$CCHC'; \
	 echo cchc-exited-\$?; sleep 30"
tm pipe-pane -t t -o "cat > '$tmp/raw'"
tm display-message -p '#{pane_title}' > "$tmp/title0"
wait_for "Tổng quan"
tm send-keys -t t 2
wait_for "I. XÓA MÀN HÌNH"
tm send-keys -t t Escape j
wait_for "1. Điều khiển C0"
tm send-keys -t t j Space
wait_for "Nội dung rất dài"
tm send-keys -t t q
wait_for "cchc-exited-0"
tm display-message -p '#{pane_title}' > "$tmp/title1"
grep -qF "XÓA MÀN HÌNH" "$tmp/raw" || { echo "the terminal's bytes were not recorded"; exit 1; }
for seq in "$(printf '\033]0;title')" "$(printf '\033[31mĐỎ')" "$(printf '\033[2J\033[H NGAY')" \
	"$(printf '\033[1mđậm')" "$(printf '\302\233')" "$(printf '\302\235')" "$(printf '\302\205')" \
	"$(printf '\342\200\256')" "$(printf '\342\201\246')" "$(printf '\001')" "$(printf '\007')"; do
	if LC_ALL=C grep -qF -- "$seq" "$tmp/raw"; then
		echo "raw sequence reached the terminal:"; printf '%s' "$seq" | od -c | head -n 2
		exit 1
	fi
done
grep -qF "title" "$tmp/title1" && ! grep -qF "title" "$tmp/title0" &&
	{ echo "the window title was changed to: $(cat "$tmp/title1")"; exit 1; }
exit 0
