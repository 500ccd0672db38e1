#!/bin/sh
# Search results stay as they were while search is made faster (issue 19):
# over the benchmark's S database (tests/bench/gen S, a fixed seed: ten
# thousand dossiers, more matches than search ranks), every query below
# gives the same hits, in the same order, with the same titles and
# snippets, as recorded in tests/fixtures/search-results.sha256 (one
# digest per query; made by `tests/cli/search-results.sh --record FILE`
# with the cchc whose results are the reference). The queries are the slow
# ones of issue 19: common words, a word being typed, one letter, marks.
. "${top_srcdir:-.}/tests/cli/lib.sh"
GEN="$top_builddir/tests/bench/gen"
CCHC_TODAY=2026-12-07 "$GEN" S "$T/s.db" > /dev/null 2>&1 || fail "gen S"
export CCHC_DB="$T/s.db" CCHC_NO_AUTO_BACKUP=1 CCHC_TODAY=2026-12-07

# one line a query: its arguments, tab-separated
cat > "$T/queries" <<'Q'
giay phep ban le
giấy phép bán lẻ
giấy phép bán lẻ	--exact
thu tuc
thủ tục
thủ tục	--exact
thu
thu t
t
đ
gi
giay
báo cáo
bao cao tinh hinh
nguyen van
Nguyễn Văn
Nguyễn Văn	--exact
le thi
xin loi
cải cách hành chính
kiem tra
so	--limit	300
h36
000
thu	--kind	dossier
thu	--kind	task
thu	--kind	letter
thu	--kind	feedback
thu	--kind	evidence
thu	--kind	section
bao cao	--plan	1
Q
: > "$T/got"
hits=0
while IFS= read -r line; do
	# shellcheck disable=SC2086 # the tab-separated arguments, split on tabs
	(IFS='	'; set -f; "$CCHC" search $line --format json > "$T/one" 2> "$T/err") ||
		fail "search $line: $(cat "$T/err")"
	hits=$((hits + $(grep -c '"kind"' "$T/one")))
	printf '%s  %s\n' "$(sha256sum < "$T/one" | cut -c1-64)" "$line" >> "$T/got"
done < "$T/queries"
# as the search screen asks (gen query --typed: the last word a prefix)
for q in "giay phep ban le" "giấy phép bán lẻ" "giay phep ban l" "thu tuc" "thu t" "thu" "th" \
	"t" "đ" "gi" "gia" "Nguyễn V" "nguyen van a" "le" "bao cao tinh h" "so" "h3" "000.0"; do
	"$GEN" query "$T/s.db" 1 --typed --print $q > "$T/one" 2> "$T/err" ||
		fail "gen query --typed $q: $(cat "$T/err")"
	hits=$((hits + $(wc -l < "$T/one")))
	printf '%s  typed %s\n' "$(sha256sum < "$T/one" | cut -c1-64)" "$q" >> "$T/got"
done
# the digests would match for empty results too: the queries find things
[ "$hits" -ge 2000 ] || fail "only $hits hits in all: the data is not what it was"
if [ "${1:-}" = --record ]; then
	cp "$T/got" "$2"
	exit 0
fi
expect_file "$FIXTURES/search-results.sha256" "$T/got"
