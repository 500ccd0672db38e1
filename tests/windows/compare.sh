#!/bin/bash
# The Windows build against the Linux build, command by command:
#
#   tests/windows/compare.sh LINUX_CCHC WIN_RUNNER...
#
# e.g. tests/windows/compare.sh _build/cchc wine _win/build/cchc.exe
# (or, as a dry run of the script itself, the Linux cchc on both sides).
#
# Each scenario runs once with each program, each on its own fresh database
# and its own copy of the inputs, and then compares what they printed
# (stdout, stderr and exit status of every command, in order) and what they
# wrote: databases as a dump of every row (dbdump below), docx and xlsx
# member by member (zipdump below), text files byte for byte. Any difference
# fails the scenario and is shown as a diff. Output is TAP; the exit status
# is 1 when a scenario failed, 77 when wine (the runner's first word) is not
# installed. CCHC_KEEP=1 keeps the work folder and says where it is;
# CCHC_ONLY=PATTERN runs only the scenarios whose name matches (a glob).
#
# What is made equal before comparing, and only that:
# - the scenario's folder, which differs by construction: written @D@;
# - wall-clock stamps, which differ between any two runs of the same
#   program: ISO date-times (plan show's imported_at, the rows' created_at,
#   updated_at, history times, also inside history's JSON), a backup's
#   name stamp YYYY-MM-DD-HHMMSS and the time in "backup list", the sqlar
#   mtime column, and docProps/core.xml of an xlsx, where libxlsxwriter
#   writes the moment of writing as dcterms:created/modified (the docx
#   writer dates its core.xml by CCHC_TODAY, so it is compared as it is).
#   Two Linux runs a few seconds apart differ in exactly these and nothing
#   else. Nothing else is normalised: CR LF line ends from a Windows build
#   writing in text mode are a difference, and reported as one.
set -u

usage() {
	echo "usage: $0 LINUX_CCHC WIN_RUNNER..." >&2
	exit 2
}
[ $# -ge 2 ] || usage
LIN=("$1")
shift
WIN=("$@")
here=$(cd "$(dirname "$0")" && pwd)
top_srcdir=${top_srcdir:-$(cd "$here/../.." && pwd)}
FIXTURES=${FIXTURES:-$top_srcdir/tests/fixtures}

skip() {
	echo "1..0 # SKIP $*"
	exit 77
}
command -v "${WIN[0]}" >/dev/null 2>&1 || skip "${WIN[0]} not installed"
for tool in sqlite3 python3 iconv; do
	command -v $tool >/dev/null 2>&1 || skip "$tool not installed"
done
[ -x "${LIN[0]}" ] || { echo "$0: ${LIN[0]} is not a program" >&2; exit 2; }
for w in "${WIN[@]}"; do
	case $w in *.exe) [ -f "$w" ] || { echo "$0: no $w" >&2; exit 2; } ;; esac
done

T=$(mktemp -d "${TMPDIR:-/tmp}/cchc-wincmp.XXXXXX") || exit 99
if [ -n "${CCHC_KEEP:-}" ]; then
	trap 'echo "# kept $T"' EXIT
else
	trap 'rm -rf "$T"' EXIT
fi

# Wine: quiet, and one prefix kept beside the .exe (in the build tree) unless
# WINEPREFIX says otherwise. Making a prefix costs ~10 s and prints
# "wine: created the configuration directory" on the first command's stderr,
# so the prefix is made (or woken) here, before anything is compared. A
# private prefix per run would cost those 10 s every time and isolate nothing
# the scenarios use: each has its own database, passed as CCHC_DB, and the
# backups go beside it. What the prefix does hold for cchc.exe is its
# %APPDATA% (settings folder: user templates, keys); Wine sets APPDATA from
# the prefix's registry, not from the environment, so a stray
# %APPDATA%\cchc there is reported below rather than silently used.
case ${WIN[0]##*/} in
wine | wine64 | wine-stable)
	export WINEDEBUG=-all
	if [ -z "${WINEPREFIX:-}" ]; then
		for w in "${WIN[@]}"; do
			case $w in *.exe) WINEPREFIX=$(cd "$(dirname "$w")" && pwd)/wine-prefix ;; esac
		done
		export WINEPREFIX=${WINEPREFIX:-$T/wine}
	fi
	start=$(date +%s)
	"${WIN[@]}" --version >/dev/null 2>&1 </dev/null
	echo "# wine prefix $WINEPREFIX ready in $(($(date +%s) - start)) s"
	for d in "$WINEPREFIX"/drive_c/users/*/AppData/Roaming/cchc; do
		[ -e "$d" ] && echo "# note: $d exists; cchc.exe reads its settings from there"
	done
	;;
esac

# The environment of every command, on both sides (as tests/local.mk sets it).
export CCHC_TODAY=2026-11-24 CCHC_CREATE=1 CCHC_NO_AUTO_BACKUP=1 LC_ALL=C.UTF-8
export USER=${USER:-$(id -un)}  # history's os_user: Wine's user name is the Unix one
unset CCHC_DB CCHC_DATADIR NO_COLOR XDG_DATA_HOME XDG_CONFIG_HOME CCHC_TRACE_SQL CCHC_NO_TMPFILE

# ---------------------------------------------------------------- helpers
# Python does the two dumps that the shell cannot do well.
#   dbdump DB: the file's header facts, its schema, then every row of every
#     table ordered by rowid (or all columns), one line per value, named
#     table[primary key].column; blobs as length + sha256. The
#     FTS5 index's own tables (_data, _idx, _docsize, _config) are binary
#     and derived: their content shows through the search scenario.
#   zipdump ZIP DIR: DIR/members lists the members in order with size and
#     compression method; DIR/m/NAME is each member's bytes.
PY='
import hashlib, os, re, sqlite3, sys, zipfile
STAMP = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(\.\d+)?Z?")
def dbdump(path, out):
    c = sqlite3.connect("file:" + path + "?mode=ro", uri=True)
    o = open(out, "w", encoding="utf-8")
    for p in ("user_version", "application_id", "page_size", "journal_mode",
              "encoding", "auto_vacuum"):
        o.write("pragma %s = %s\n" % (p, c.execute("PRAGMA " + p).fetchone()[0]))
    for row in c.execute("SELECT type, name, tbl_name, sql FROM sqlite_master "
                         "ORDER BY type, name"):
        o.write("schema %r\n" % (row,))
    tables = [r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type = "
              "\"table\" AND sql NOT LIKE \"CREATE VIRTUAL%\" ORDER BY name")]
    for t in tables:
        if re.search(r"_(data|idx|docsize|config)$", t) and t.startswith("search_"):
            continue
        info = c.execute("PRAGMA table_info(\"%s\")" % t).fetchall()
        cols = [r[1] for r in info]
        pk = [i for _, i in sorted((r[5], n) for n, r in enumerate(info) if r[5])] or [0]
        try:
            rows = c.execute("SELECT * FROM \"%s\" ORDER BY rowid" % t).fetchall()
        except sqlite3.OperationalError:  # WITHOUT ROWID
            rows = c.execute("SELECT * FROM \"%s\" ORDER BY %s" % (t, ", ".join(
                "\"%s\"" % x for x in cols))).fetchall()
        o.write("table %s (%s): %d rows\n" % (t, ", ".join(cols), len(rows)))
        for r in rows:
            key = ",".join(repr(r[i]) for i in pk)
            for name, v in zip(cols, r):
                if isinstance(v, bytes):
                    v = "blob:%d:%s" % (len(v), hashlib.sha256(v).hexdigest()[:16])
                elif isinstance(v, str):
                    v = STAMP.sub("<time>", v)
                if t == "sqlar" and name == "mtime":
                    v = "<mtime>"
                o.write("  %s[%s].%s = %r\n" % (t, key, name, v))
def zipdump(path, out):
    z = zipfile.ZipFile(path)
    os.makedirs(out + "/m")
    kind = path.rsplit(".", 1)[-1]
    with open(out + "/members", "w") as o:
        for i in z.infolist():
            o.write("%s %d %d\n" % (i.filename, i.file_size, i.compress_type))
            data = z.read(i)
            if kind == "xlsx" and i.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\1<time>", data)
            name = i.filename.replace("/", "%")
            with open(out + "/m/" + name, "wb") as f:
                f.write(data)
def mkzip(src, out):
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for root, dirs, files in sorted(os.walk(src)):
            for f in sorted(files):
                p = os.path.join(root, f)
                z.write(p, os.path.relpath(p, src))
globals()[sys.argv[1]](*sys.argv[2:])
'
py() { python3 -c "$PY" "$@"; }

# The normalisation of the transcript, as the header says.
norm() {
	sed -E -e "s|$D|@D@|g" \
		-e 's/[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?Z?/<time>/g' \
		-e 's/([0-9]{4}-[0-9]{2}-[0-9]{2})-[0-9]{6}/\1-<hhmmss>/g' \
		-e 's/^([0-9]{4}-[0-9]{2}-[0-9]{2}) [0-9]{2}:[0-9]{2} /\1 <hh:mm> /' \
		-e 's/\t([0-9]{4}-[0-9]{2}-[0-9]{2})\t[0-9]{6}\t/\t\1\t<hhmmss>\t/'
}

# record WHO EXPECTED_RC ARGS...: runs a program (WHO: side = this side's,
# lin = the Linux one) with no input, appends the command, its stdout, stderr
# and status to the transcript, and notes a problem when the status is not
# the one expected ("-" for any).
record() {
	local who=$1 want=$2 rc=0
	shift 2
	if [ "$who" = lin ] || [ "$SIDE" = lin ]; then
		"${LIN[@]}" "$@" >"$D/.out" 2>"$D/.err" </dev/null || rc=$?
	else
		"${WIN[@]}" "$@" >"$D/.out" 2>"$D/.err" </dev/null || rc=$?
	fi
	{
		printf '$ cchc%s%s\n' "$([ "$who" = lin ] && echo ' [linux build]')" \
			"$(printf ' %q' "$@")"
		echo "--- stdout"
		cat "$D/.out"
		echo "--- stderr"
		cat "$D/.err"
		echo "--- exit $rc"
	} | norm >>"$D/transcript"
	if [ "$want" != - ] && [ "$rc" != "$want" ]; then
		echo "$SIDE: cchc $* exited $rc, expected $want: $(head -c 300 "$D/.err")" >>"$D/problems"
	fi
	return 0
}
cc() { record side 0 "$@"; }         # this side's program, must succeed
cc_rc() { record side "$@"; }        # this side's program, status $1
lc() { record lin 0 "$@"; }          # the Linux program, must succeed
# want TEXT: the last command printed TEXT (a check that the scenario did
# what it is about, so that two equal failures cannot pass).
want() {
	grep -qF -- "$1" "$D/.out" "$D/.err" ||
		echo "$SIDE: \"$1\" not in the output of the last command" >>"$D/problems"
}
# keep_db FILE NAME, keep_zip FILE NAME, keep_text FILE NAME: what a
# scenario wrote, kept for the comparison under $D/kept.
keep_db() {
	if [ -f "$1" ]; then py dbdump "$1" /dev/stdout | norm >"$D/kept/$2.db.txt"; else echo "no $1" >"$D/kept/$2.missing"; fi
}
keep_zip() {
	if [ -f "$1" ]; then
		py zipdump "$1" "$D/kept/$2" 2>"$D/kept/$2.error" || true
		[ -s "$D/kept/$2.error" ] || rm -f "$D/kept/$2.error"
	else
		echo "no $1" >"$D/kept/$2.missing"
	fi
}
keep_text() {
	if [ -f "$1" ]; then cp "$1" "$D/kept/$2"; else echo "no $1" >"$D/kept/$2.missing"; fi
}

# show_diff A B: a readable diff of two differing files: XML broken at tags,
# binary as hex; a note when they hold different numbers of CRs.
show_diff() {
	local a=$1 b=$2 cra crb
	cra=$(tr -cd '\r' <"$a" 2>/dev/null | wc -c)
	crb=$(tr -cd '\r' <"$b" 2>/dev/null | wc -c)
	[ "$cra" = "$crb" ] ||
		echo "CR characters (CR LF line ends?): $cra in ${a#$T/}, $crb in ${b#$T/}"
	case $a in
	*.xml | *.rels | *%*)
		diff -u <(sed 's/></>\n</g' "$a") <(sed 's/></>\n</g' "$b") ;;
	*)
		if grep -qI . "$a" 2>/dev/null || [ ! -s "$a" ]; then
			diff -u "$a" "$b"
		else
			diff -u <(od -An -tx1 "$a") <(od -An -tx1 "$b")
		fi ;;
	esac | head -n "${CCHC_DIFF_LINES:-80}"
}

# compare A B: prints the differences between two sides' folders, if any.
compare_sides() {
	local a=$1 b=$2 f
	cmp -s "$a/transcript" "$b/transcript" || show_diff "$a/transcript" "$b/transcript"
	diff -rq "$a/kept" "$b/kept" 2>&1 | while read -r line; do
		case $line in
		Files\ *\ and\ *\ differ)
			f=${line#Files }
			f=${f%% and *}
			echo "${f#$a/}:"
			show_diff "$f" "$b/${f#$a/}" ;;
		*) echo "$line" ;;
		esac
	done
}

# scenario NAME FUNCTION: runs FUNCTION on each side in a fresh folder $D
# ($D/in holds copies of the inputs made by FUNCTION's inputs step), then
# compares, and prints the TAP line.
n=0
failed=0
scenario() {
	local name=$1 fn=$2 side t0 t1
	n=$((n + 1))
	# shellcheck disable=SC2254 # CCHC_ONLY is a glob on purpose
	case $name in
	${CCHC_ONLY:-*}) ;;
	*) echo "ok $n - $name # SKIP not in CCHC_ONLY"; return ;;
	esac
	t0=$(date +%s%N)
	for side in lin win; do
		(
			SIDE=$side
			D=$T/$n-$name/$side
			mkdir -p "$D/in" "$D/out" "$D/kept" "$D/home"
			: >"$D/transcript"
			export HOME=$D/home XDG_DATA_HOME=$D/home/data XDG_CONFIG_HOME=$D/home/config
			export CCHC_DB=$D/cchc.db
			cd "$D" && "$fn"
		)
	done
	t1=$(date +%s%N)
	local dir=$T/$n-$name report=$T/$n-$name/report
	{
		cat "$dir/lin/problems" "$dir/win/problems" 2>/dev/null
		compare_sides "$dir/lin" "$dir/win"
	} >"$report"
	if [ -s "$report" ]; then
		echo "not ok $n - $name"
		sed 's/^/# /' "$report"
		failed=$((failed + 1))
	else
		t1=$(((t1 - t0) / 100000000))
		echo "ok $n - $name ($((t1 / 10)).$((t1 % 10)) s)"
	fi
}

# ---------------------------------------------------------------- scenarios
# Each runs in $D with this side's CCHC_DB; inputs are copied into $D/in.

# (not the general --help: it names the data folder, which differs by design)
help_version() {
	cc --version
	cc plan import --help
	cc_rc 2 plan frobnicate
}

plan_import() {
	# one file named in Vietnamese: Windows must open it through the wide API
	cp "$FIXTURES"/so-cong-thuong-2024.txt "$FIXTURES"/so-ngoai-vu-2024.txt "$T/KH-45.docx" in/
	cp "$FIXTURES"/so-gtvt-2024.md "in/Kế hoạch Sở GTVT.md"
	local i=0 f
	for f in so-cong-thuong-2024.txt "Kế hoạch Sở GTVT.md" so-ngoai-vu-2024.txt KH-45.docx; do
		i=$((i + 1))
		cc plan import "$D/in/$f"
		want "đã nhập kế hoạch $i"
	done
	cc plan list
	for i in 1 2 3 4; do
		cc plan tree $i
		cc plan tree $i --format tsv
		cc plan show $i
	done
	cc plan section 6
	cc task suggest 1 --format tsv
	cc_rc 1 plan import "$D/in/missing.txt"
	keep_db "$CCHC_DB" cchc
}

dossier_cp1258() {
	cp "$FIXTURES/dossiers/mot-cua-2026.cp1258.csv" in/
	# the bytes really are Windows-1258: not UTF-8
	if iconv -f UTF-8 -t UTF-8 in/mot-cua-2026.cp1258.csv >/dev/null 2>&1; then
		echo "$SIDE: the cp1258 fixture is valid UTF-8" >>"$D/problems"
	fi
	local u
	for u in "Văn phòng Sở:VP" "Phòng Quản lý Thương mại:QLTM" "Phòng Quản lý Công nghiệp:QLCN" \
		"Phòng Kỹ thuật an toàn - Môi trường:KTAT" "Phòng Quản lý Năng lượng:QLNL"; do
		cc unit add "${u%:*}" --code "${u#*:}"
	done
	cc dossier import "$D/in/mot-cua-2026.cp1258.csv"
	want "Bảng mã: Windows-1258 (tự nhận biết)"
	want "Đã nhập 40 hồ sơ: 40 mới"
	cc dossier import "$D/in/mot-cua-2026.cp1258.csv" --encoding cp1258
	want "0 mới, 0 cập nhật, 40 không đổi"
	cc dossier list --format tsv
	want "Nông Thị Hạnh"
	cc dossier list --limit 5
	cc dossier show 000.00.18.H36-251120-0001
	cc dossier stats --period 2026-Q1
	want "70,83"
	cc dossier stats --period 2026-Q1 --format tsv
	cc dossier stats --period 2026-Q1 --by field
	cc dossier stats --period 2026-Q1 --by unit --format tsv
	cc dossier late --format tsv
	cc report --period 2026-Q1 --format txt --out "$D/out/bc.txt"
	keep_text out/bc.txt report-q1.txt
	keep_db "$CCHC_DB" cchc
}

letters() {
	cc unit add "Phòng Quản lý Thương mại" --code QLTM
	cc unit add "Văn phòng Sở" --code VP
	cc setting set org.name "Sở Công Thương"
	cc setting set org.place "Lạng Sơn"
	cc setting set org.parent "UBND TỈNH LẠNG SƠN"
	cc setting set letter.signer "Liễu Anh Minh"
	local a
	for a in "PXL-1 02/03/2026 12/03/2026" "PXL-2 26/02/2026 09/03/2026" \
		"PXL-3 01/04/2026 28/04/2026 05/05/2026"; do
		set -- $a
		cc dossier add --code "$1" --received "$2" --due "$3" ${4:+--resolved "$4"} --unit QLTM \
			--holder "Nguyễn Thị Hoa" --address "Số 5 Lê Lợi, phường Vĩnh Trại" \
			--contact "0912 000 111" --procedure "Cấp Giấy phép bán lẻ sản phẩm rượu"
	done
	cc dossier late --format tsv
	want "PXL-3"
	cc letter add --dossier PXL-1 --reason "Hồ sơ phải lấy ý kiến Sở Xây dựng." \
		--new-date 20/03/2026 --date 11/03/2026
	cc letter add --dossier PXL-2 --reason "Thiếu hồ sơ" --new-date 16/03/2026 --date 07/03/2026
	want "gửi muộn"
	cc letter add --dossier PXL-3 --reason "Chờ kết quả kiểm tra đường điện" \
		--new-date 08/05/2026 --date 24/04/2026 --channel email --sent 24/04/2026
	cc_rc 1 letter add --dossier PXL-1 --reason "Lần nữa" --new-date 30/03/2026 --date 19/03/2026
	want "mỗi hồ sơ chỉ được hẹn lại một lần"
	cc letter list
	cc letter list --format tsv
	cc letter list --late --format tsv
	cc letter show 1
	want "Số phiếu: 01/PXL"
	cc letter stats --period 2026-Q1
	local id
	for id in 1 2 3; do
		cc letter print $id --format docx --out "$D/out/phieu-$id.docx"
		keep_zip out/phieu-$id.docx phieu-$id.docx
	done
	cc letter print 1 --format txt --out "$D/out/phieu-1.txt"
	cc letter print 1 --format txt --encoding tcvn3 --out "$D/out/phieu-1-tcvn3.txt"
	cc letter print 1 --format md --out "$D/out/phieu-1.md"
	cc letter print 2 --format html --out "$D/out/phieu-2.html"
	cc letter print 3 --format txt --out -
	want "Nguyễn Thị Hoa"
	cc_rc 1 letter print 1 --format txt --out "$D/out/phieu-1.txt"
	for f in phieu-1.txt phieu-1-tcvn3.txt phieu-1.md phieu-2.html; do
		keep_text "out/$f" "$f"
	done
	keep_db "$CCHC_DB" cchc
}

report_q3() {
	cc demo
	want "500 hồ sơ"
	cc report note --period 2026-Q3 --section uu-diem --text "Lãnh đạo Sở quan tâm chỉ đạo sát sao."
	cc report note --period 2026-Q3 --section kien-nghi --text "Đề nghị Sở Nội vụ tập huấn."
	cc dossier stats --period 2026-Q3
	cc report --period 2026-Q3 --format docx --out "$D/out/Báo cáo quý III.docx" --date 05/10/2026 \
		--number 7
	cc report --period 2026-Q3 --format xlsx --out "$D/out/bc.xlsx"
	cc report --period 2026-Q3 --format md --out -
	want "quý III năm 2026"
	cc report --period 2026-Q3 --format txt --out "$D/out/bc.txt" --date 05/10/2026
	cc report --period 2026-Q3 --format html --out "$D/out/bc.html"
	cc report --period 2026-Q3 --format csv --out "$D/out/csv/"
	cc_rc 1 report --period 2026-Q3 --format xlsx --out "$D/out/bc.xlsx"
	keep_zip "out/Báo cáo quý III.docx" bc.docx
	keep_zip out/bc.xlsx bc.xlsx
	keep_text out/bc.txt bc.txt
	keep_text out/bc.html bc.html
	local f
	for f in out/csv/*; do keep_text "$f" "csv-${f##*/}"; done
	keep_db "$CCHC_DB" cchc
}

backup_restore_check() {
	cp "$FIXTURES/so-ngoai-vu-2024.txt" in/
	printf 'không phải cơ sở dữ liệu\n' >in/rac.db
	cc unit add "Văn phòng Sở" --code VP
	cc plan import "$D/in/so-ngoai-vu-2024.txt"
	cc backup --to "$D/out/copy.db"
	cc backup --to "$D/out/bản sao lưu.db"
	cc backup
	cc backup list --format tsv
	cc unit add "Phòng Mới" --code MOI
	cc restore "$D/out/copy.db"
	want "Đã khôi phục"
	cc unit list
	cc check
	want "Kết luận: cơ sở dữ liệu tốt"
	cc_rc 1 backup --to "$D/out/copy.db"
	cc backup --to "$D/out/copy.db" --force
	cc_rc 1 restore "$D/in/rac.db"
	cc_rc 1 backup --to "$CCHC_DB" --force
	ls backups | norm >"$D/kept/backups.list"
	keep_db "$CCHC_DB" cchc
	keep_db out/copy.db copy
	keep_db "out/bản sao lưu.db" ban-sao-luu
}

# Evidence files in and out: bytes that text mode would change (CR LF, a
# lone LF, Ctrl-Z, NUL) and names in Vietnamese must come back as they were.
evidence_files() {
	printf 'PDF\r\ndòng 1\nCtrl-Z:\032 NUL:\000 end\r\n' >"in/Quyết định 12.pdf"
	head -c 70000 "$FIXTURES/so-cong-thuong-2024.txt" >in/bien-ban.txt
	printf '\r\n\032\000\377' >>in/bien-ban.txt
	cp "$FIXTURES/so-cong-thuong-2024.txt" in/
	mkdir out/got
	cc plan import "$D/in/so-cong-thuong-2024.txt"
	cc unit add "Văn phòng Sở" --code VP
	cc task add --section 5 --title "Rà soát văn bản" --lead VP --due 30/09/2026
	cc evidence add --kind "quyết định" --task 1 --number 12/QĐ-SCT --date 20/01/2026 \
		--summary "Ban hành kết quả rà soát" --file "$D/in/Quyết định 12.pdf" --file "$D/in/bien-ban.txt"
	cc evidence show 1
	want "Quyết định 12.pdf"
	cc evidence list --format tsv
	cc evidence get 1 --out "$D/out/got"
	cc_rc 1 evidence get 1 --out "$D/out/got"
	cc check
	keep_text "out/got/Quyết định 12.pdf" qd12.pdf
	keep_text out/got/bien-ban.txt bien-ban.txt
	cmp -s "in/Quyết định 12.pdf" "out/got/Quyết định 12.pdf" ||
		echo "$SIDE: the file got back is not the file added" >>"$D/problems"
	keep_db "$CCHC_DB" cchc
}

search_toneless() {
	cp "$FIXTURES/so-cong-thuong-2024.txt" "$FIXTURES/so-ngoai-vu-2024.txt" \
		"$FIXTURES/dossiers/mot-cua-2026.csv" in/
	cc plan import "$D/in/so-cong-thuong-2024.txt"
	cc plan import "$D/in/so-ngoai-vu-2024.txt"
	local u
	for u in "Văn phòng Sở" "Đội Kiểm tra Đồng Đăng" "Ban Quản lý cửa khẩu" "Chi cục Mà Sao"; do
		cc unit add "$u"
	done
	cc dossier import "$D/in/mot-cua-2026.csv"
	cc search thu tuc --format tsv
	want "[thủ tục]"
	cc search "giay phep" --format tsv
	want "[Giấy phép]"
	cc search "giay phep" --limit 5
	cc search "xin loi" --format json
	cc search "XIN LOI"
	cc search "giấy phép" --kind dossier --limit 3 --format tsv
	cc search dong dang --kind unit --format tsv
	cc search ma --exact --kind unit --format tsv
	cc search "Nong Thi Hanh" --format tsv
	cc search "khong co gi nhu the nay"
	want "không tìm thấy gì"
}

# make_data: a small office: a plan, units, two tasks, the cp1258 dossiers.
# $1 is the recorder that makes it (cc or lc).
make_data() {
	local by=$1
	$by plan import "$D/in/so-cong-thuong-2024.txt"
	$by unit add "Văn phòng Sở" --code VP
	$by unit add "Phòng Quản lý Thương mại" --code QLTM
	$by task add --section 5 --title "Rà soát văn bản quy phạm pháp luật" --lead VP --due 30/09/2026
	$by task add --section 6 --title "Số hóa kết quả giải quyết thủ tục hành chính" --lead QLTM \
		--co VP --due 31/12/2026
	$by dossier import "$D/in/mot-cua-2026.cp1258.csv"
	$by backup
}
# use_data: lists tasks, adds a note, searches it, checks the file.
use_data() {
	local by=$1
	$by task list
	$by task list --format tsv
	$by task note 1 "Đã tổ chức họp triển khai; giao Phòng Pháp chế rà soát" --period 2026-Q3
	$by task show 1
	want "họp triển khai"
	$by search hop trien khai --format tsv
	$by dossier stats --period 2026-Q1 --format tsv
	$by check
	want "Kết luận: cơ sở dữ liệu tốt"
}
data_inputs() {
	cp "$FIXTURES/so-cong-thuong-2024.txt" "$FIXTURES/dossiers/mot-cua-2026.cp1258.csv" in/
}

# A database made by the Linux build, used by this side's (then checked and
# read again by the Linux one); and the reverse.
linux_db_elsewhere() {
	data_inputs
	make_data lc
	use_data cc
	lc check
	lc task show 1
	keep_db "$CCHC_DB" cchc
}
elsewhere_db_linux() {
	data_inputs
	make_data cc
	use_data lc
	cc check
	cc task show 1
	keep_db "$CCHC_DB" cchc
}

# ---------------------------------------------------------------- run
py mkzip "$FIXTURES/docx/so-noi-vu" "$T/KH-45.docx"
echo "1..10"
started=$(date +%s)
scenario help-version help_version
scenario plan-import plan_import
scenario dossier-import-cp1258 dossier_cp1258
scenario letters letters
scenario report-2026-Q3 report_q3
scenario backup-restore-check backup_restore_check
scenario search-without-tones search_toneless
scenario evidence-files evidence_files
scenario linux-db-used-by-other linux_db_elsewhere
scenario other-db-used-by-linux elsewhere_db_linux
echo "# $failed of $n failed, $(($(date +%s) - started)) s"
[ $failed -eq 0 ] || exit 1
exit 0
