#!/bin/sh
# libzip (with libcrypto behind it) and libxlsxwriter are loaded only when a
# Word or Excel file is written or read: a command that makes none never
# maps them; a report in docx and xlsx and a plan read from docx load them
# and come out whole; a library that cannot be loaded is a clear message,
# not a crash. glibc's LD_DEBUG=files names every object loaded.
. "${top_srcdir:-.}/tests/cli/lib.sh"
grep -q '^#define CCHC_LAZY_LIBS 1' "$top_builddir/config.h" 2>/dev/null ||
	{ echo "SKIP: this build links libzip and libxlsxwriter at start-up (--disable-lazy-libs)"; exit 77; }
if [ "$(head -c 2 "$CCHC")" = "#!" ]; then
	echo "SKIP: \$CCHC is a wrapper script (valgrind): LD_DEBUG would name the wrapper's objects"
	exit 77
fi
LD_DEBUG=files "$CCHC" --version > /dev/null 2> "$T/ld" || fail "cchc --version"
grep -q "file=.*libc\.so" "$T/ld" || { echo "SKIP: LD_DEBUG=files says nothing (not glibc)"; exit 77; }

# ld CMD...: runs CMD with LD_DEBUG=files written to $T/ld (not stderr:
# the xlsx writer silences stderr while libxlsxwriter works)
ld() {
	rm -f "$T"/ld.*
	LD_DEBUG=files LD_DEBUG_OUTPUT="$T/ld" "$@"
	st=$?
	cat "$T"/ld.* > "$T/ld" 2> /dev/null
	return $st
}

# loaded: the libraries a run mapped (file=NAME in LD_DEBUG's lines)
loaded() {
	sed -n 's/.*file=\([^ ]*\) \[0\];  *\(needed\|dynamically loaded\).*/\1/p' "$T/ld" | sort -u
}

"$CCHC" demo > /dev/null 2>&1 || fail "demo"
for cmd in "task list" "unit list" "search thu tuc" "report --period 2026-Q3 --format txt --out -"; do
	ld "$CCHC" $cmd > /dev/null 2> "$T/err" || fail "$cmd"
	if loaded | grep -E 'libzip|libxlsxwriter|libcrypto|libminizip'; then
		fail "\"cchc $cmd\" loaded the export libraries: $(loaded | tr '\n' ' ')"
	fi
done

# the full-screen program too
printf 'key 3\ndump\nkey q\n' > "$T/script"
ld "$CCHC" --script "$T/script" --dump "$T/dump" > /dev/null 2> "$T/err" ||
	fail "the program did not run"
expect_grep "Nhiệm vụ" "$T/dump"
if loaded | grep -E 'libzip|libxlsxwriter|libcrypto'; then
	fail "the program loaded the export libraries at start: $(loaded | tr '\n' ' ')"
fi

# a docx: libzip is loaded, the document is a whole zip with its parts
ld "$CCHC" report --period 2026-Q3 --format docx --out "$T/q3.docx" > /dev/null 2> "$T/err" ||
	fail "report docx: $(cat "$T/err")"
loaded | grep -q 'libzip' || fail "docx written without loading libzip?"
grep -q "dynamically loaded by" "$T/ld" || fail "libzip not loaded on demand: $(loaded | tr '\n' ' ')"
unzip -l "$T/q3.docx" > "$T/list" 2>&1 || fail "q3.docx is not a zip: $(cat "$T/list")"
expect_grep "word/document.xml" "$T/list"
# an xlsx: libxlsxwriter
ld "$CCHC" report --period 2026-Q3 --format xlsx --out "$T/q3.xlsx" > /dev/null 2> "$T/err" ||
	fail "report xlsx"
loaded | grep -q 'libxlsxwriter' || fail "xlsx written without loading libxlsxwriter?"
unzip -l "$T/q3.xlsx" > "$T/list" 2>&1 || fail "q3.xlsx is not a zip"
expect_grep "xl/worksheets/sheet1.xml" "$T/list"
# a plan read from a docx (zipped here from the fixture's XML)
py=python3
[ -x /usr/bin/python3 ] && py=/usr/bin/python3
(cd "$FIXTURES/docx/so-noi-vu" && "$py" -m zipfile -c "$T/KH-45.docx" '[Content_Types].xml' _rels word) ||
	fail "python3 is needed to build the .docx"
CCHC_CREATE=1 ld "$CCHC" --db "$T/p.db" plan import "$T/KH-45.docx" > "$T/out" 2> "$T/err" ||
	fail "plan import docx: $(cat "$T/err")"
loaded | grep -q 'libzip' || fail "docx read without loading libzip?"
[ "$(sqlite3 "$T/p.db" 'SELECT count(*) FROM section')" -gt 10 ] || fail "plan not imported"

# a library that cannot be loaded: a message naming it and the package
mkdir "$T/badlib"
: > "$T/badlib/libzip.so.4"
: > "$T/badlib/libxlsxwriter.so.4"
LD_LIBRARY_PATH="$T/badlib" run "$CCHC" report --period 2026-Q3 --format docx --out "$T/x.docx"
expect_rc 1
expect_grep "Không nạp được thư viện libzip" "$T/err"
expect_grep "apt-get install libzip" "$T/err"
[ ! -e "$T/x.docx" ] || fail "a docx was written without libzip"
LD_LIBRARY_PATH="$T/badlib" run "$CCHC" report --period 2026-Q3 --format xlsx --out "$T/x.xlsx"
expect_rc 1
expect_grep "Không nạp được thư viện libxlsxwriter" "$T/err"
# commands that need neither still work with the broken libraries around
LD_LIBRARY_PATH="$T/badlib" run "$CCHC" task list
expect_rc 0
exit 0
