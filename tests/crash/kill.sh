#!/bin/sh
# Crash safety (issues 8, 19): cchc is killed with SIGKILL at a random moment,
# many times over, while it imports a dossier export of 20,000 rows or a plan
# of 1,020 headings (fewer where cchc is slow, as under the sanitizers), while a script runs one edit after another, and while it
# writes a report, a letter, a backup or the files of an evidence record
# (evidence get). After every kill:
#   - PRAGMA integrity_check says ok and no foreign key is broken;
#   - every record a command reported done (printed its id) is there, with
#     its text, and the records it owns (co-units, files) are complete;
#   - an import is all there or not at all: the row count of every table is
#     either the one before the import or the one after a complete import;
#   - cchc opens the database again and a new write works, and that open
#     checks the file (quick_check) when the killed cchc had it open;
#   - the output folder holds nothing or one complete file (a valid zip, or
#     a database that passes integrity_check): no temporary file is left;
#   - killed while it writes a record's files (evidence get), it leaves no
#     temporary file, and each file is absent or whole.
# CRASH_ITERATIONS (default 100) sets the number of kills, CRASH_ROWS (default
# 20000) the size of the dossier export. The figures are printed at the end;
# the test fails (exit 1) if any iteration broke a rule.
. "${top_srcdir:-.}/tests/cli/lib.sh"
. "${top_srcdir:-.}/tests/crash/lib.sh"
command -v setsid >/dev/null 2>&1 || { echo "SKIP: setsid (util-linux) is not installed"; exit 77; }
ITER=${CRASH_ITERATIONS:-100}
ROWS=${CRASH_ROWS:-20000}
# libxlsxwriter keeps its scratch files in TMPDIR: keep them where we can look.
export TMPDIR="$T/tmp"
mkdir -p "$TMPDIR"

pid= group=
cleanup() {
	[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null
	[ -n "$group" ] && kill -9 -"$group" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 2' HUP INT TERM
it=0 scenario=setup
where="set-up"
begin=$(now_ms)

# kill_at MS CMD...: starts CMD in the background, kills it with SIGKILL
# after MS milliseconds, and sets st to its exit status (137 if the kill
# landed while it ran).
kill_at() {
	ms=$1
	shift
	"$@" >"$T/out" 2>"$T/err" &
	pid=$!
	sleep_ms "$ms"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	st=$?
	pid=
}

# kill_at_wal BYTES CMD...: as kill_at, but the kill comes once the -wal file
# of w.db has grown to BYTES (the transaction is under way), or when CMD ends.
kill_at_wal() {
	bytes=$1
	shift
	"$@" >"$T/out" 2>"$T/err" &
	pid=$!
	limit=$((20 * t_dossier + 5000))
	deadline=$(($(now_ms) + limit))
	while :; do
		read -r line <"/proc/$pid/stat" || break
		case $line in *") Z "*) break ;; esac
		size=$(stat -c %s "$T/w.db-wal" 2>/dev/null || echo 0)
		[ "$size" -lt "$bytes" ] || break
		[ "$(now_ms)" -lt "$deadline" ] || { bad "still running after $limit ms"; break; }
	done
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	st=$?
	pid=
}

# ------------------------------------------------------------------ set-up
make_base
counts "$T/base.db" >"$T/sig.base"
NGROUPS=10
make_big_csv "$ROWS"
make_big_plan "$NGROUPS"

# Complete runs, timed: they give the fingerprints of a whole import and the
# time over which to spread the kills. Where cchc is slow (sanitizers, a busy
# machine) the imports are made smaller, unless CRASH_ROWS says otherwise,
# so that the whole test stays near 30 s.
time_dossier() {
	fresh dossier.db
	t0=$(now_ms)
	CCHC_DB="$T/dossier.db" "$CCHC" dossier import "$T/big.csv" >"$T/out" 2>/dev/null ||
		fail "the dossier export does not import"
	t_dossier=$(($(now_ms) - t0))
	expect_grep "Đã nhập $ROWS hồ sơ: $ROWS mới" "$T/out"
}
time_plan() {
	fresh plan.db
	t0=$(now_ms)
	CCHC_DB="$T/plan.db" "$CCHC" plan import "$T/plan.txt" >/dev/null 2>"$T/err" ||
		fail "the big plan does not import: $(cat "$T/err")"
	t_plan=$(($(now_ms) - t0))
	expect_grep "với $((20 + 100 * NGROUPS)) đề mục" "$T/err"
}
time_dossier
if [ -z "${CRASH_ROWS:-}" ] && [ "$t_dossier" -gt 900 ]; then
	ROWS=$((ROWS * 600 / t_dossier / 1000 * 1000))
	[ "$ROWS" -ge 4000 ] || ROWS=4000
	make_big_csv "$ROWS"
	time_dossier
fi
counts "$T/dossier.db" >"$T/sig.dossier"
grow=$(($(stat -c %s "$T/dossier.db") - $(stat -c %s "$T/base.db")))
time_plan
if [ "$t_plan" -gt 300 ]; then
	NGROUPS=$((NGROUPS * 200 / t_plan))
	[ "$NGROUPS" -ge 2 ] || NGROUPS=2
	make_big_plan "$NGROUPS"
	time_plan
fi
counts "$T/plan.db" >"$T/sig.plan"
# The reports read the database with the big import and the big plan.
mv "$T/dossier.db" "$T/full.db"
CCHC_DB="$T/full.db" "$CCHC" plan import "$T/plan.txt" >/dev/null 2>&1 || fail "plan into full.db"
# run_export KIND OUT: becomes (exec) the command of KIND writing OUT from
# full.db; run it in a subshell or in the background.
run_export() {
	export CCHC_DB="$T/full.db"
	case $1 in
	docx | xlsx) exec "$CCHC" report --period 2026 --format "$1" --out "$2" ;;
	letter) exec "$CCHC" letter print "$letter" --format docx --out "$2" ;;
	backup) exec "$CCHC" backup --to "$2" ;;
	esac
}
kinds="docx xlsx letter"
if "$CCHC" backup --help 2>&1 | grep -q -- '--to'; then
	kinds="$kinds backup"
fi
# Timed twice: after a kill cchc finds the file marked open in its -lock
# file and checks the database first, which takes longer.
for k in $kinds; do
	eval "t_$k=0"
	for start in clean unclean; do
		[ "$start" = clean ] || printf 1 >"$T/full.db-lock"
		mkdir -p "$T/measure"
		t0=$(now_ms)
		(run_export "$k" "$T/measure/$k.out") >/dev/null 2>"$T/err" ||
			fail "$k export: $(cat "$T/err")"
		t=$(($(now_ms) - t0))
		eval "[ \$t -le \$t_$k ] || t_$k=\$t"
		rm -rf "$T/measure"
	done
done

# The script of edits: one record after another, each logged as
# "table id tag" once cchc has printed its id (reported it done).
cat >"$T/edits.sh" <<'EOS'
#!/bin/sh
# edits.sh TAG: adds records until killed (or the test is gone); a failed
# command is logged "ERR".
tag=$1 i=0
must() {
	what=$1
	shift
	out=$("$@" 2>>"$LOG.err") || { echo "ERR $what $?" >>"$LOG"; exit 1; }
}
while kill -0 "$PARENT" 2>/dev/null; do
	i=$((i + 1))
	t=$tag-$i
	must unit "$CCHC" unit add "Phòng thử $t" --code "U$t"
	echo "unit $out $t" >>"$LOG"
	must task "$CCHC" task add --section "$SECTION" --title "Nhiệm vụ thử $t" --lead VP --co QLTM \
		--due 31/12/2026
	task=$out
	echo "task $task $t" >>"$LOG"
	must feedback "$CCHC" feedback add --received 20/11/2026 --channel email \
		--sender "Người gửi $t" --content "Phản ánh $t"
	echo "feedback $out $t" >>"$LOG"
	must dossier "$CCHC" dossier add --code "KD-$t" --received 02/11/2026 --due 10/11/2026 \
		--holder "Chủ hồ sơ $t"
	echo "dossier $out $t" >>"$LOG"
	must letter "$CCHC" letter add --dossier "KD-$t" --reason "Chờ ý kiến $t" --new-date 30/11/2026
	echo "letter $out $t" >>"$LOG"
	printf 'Tệp kiểm chứng %s\n' "$t" >"$DIR/ev-$t.txt"
	must evidence "$CCHC" evidence add --kind "báo cáo" --task "$task" --file "$DIR/ev-$t.txt" \
		--summary "Tài liệu $t"
	echo "evidence $out $t" >>"$LOG"
	must note "$CCHC" task note "$task" "Tiến độ $t"
done
EOS
chmod +x "$T/edits.sh"
fresh edits.db
: >"$T/edits.log"
mkdir -p "$T/ev"

# check_edits: every logged record is in edits.db with its own text, and
# what it owns is whole.
check_edits() {
	if grep -q '^ERR' "$T/edits.log" && grep '^ERR' "$T/edits.log" | grep -qv ' 137$'; then
		bad "an edit failed: $(grep '^ERR' "$T/edits.log" | head -n 3) $(tail -n 3 "$T/edits.log.err")"
	fi
	sed -i '/^ERR /d' "$T/edits.log"
	# a line cut short by the kill is the last one and was not reported done
	if ! awk 'NF != 3 || $2 !~ /^[0-9]+$/ { if (NR < n) exit 1 }' \
		n="$(wc -l <"$T/edits.log")" "$T/edits.log"; then
		bad "malformed line in the log: $(awk 'NF != 3' "$T/edits.log" | head -n 2)"
	fi
	awk 'NF == 3 && $2 ~ /^[0-9]+$/ {
		if ($1 == "unit") w = "name = '\''Phòng thử " $3 "'\''"
		else if ($1 == "task") w = "title = '\''Nhiệm vụ thử " $3 "'\''"
		else if ($1 == "feedback") w = "sender = '\''Người gửi " $3 "'\''"
		else if ($1 == "dossier") w = "code = '\''KD-" $3 "'\''"
		else if ($1 == "letter") w = "dossier_id = (SELECT id FROM dossier WHERE code = '\''KD-" $3 "'\'')"
		else if ($1 == "evidence") w = "summary = '\''Tài liệu " $3 "'\''"
		else next
		printf "SELECT '\''%s %s %s'\'' WHERE NOT EXISTS (SELECT 1 FROM %s WHERE id = %s AND %s);\n",
			$1, $2, $3, $1, $2, w }' "$T/edits.log" >"$T/edits.sql"
	missing=$(sql "$T/edits.db" <"$T/edits.sql" 2>&1)
	[ -z "$missing" ] || bad "reported done but not in the database: $(echo "$missing" | head -n 5)"
	whole=$(sql "$T/edits.db" "
		SELECT 'task ' || id || ' is not whole' FROM task t
		 WHERE title GLOB 'Nhiệm vụ thử *' AND (lead_unit_id IS NULL
		    OR (SELECT count(*) FROM task_unit WHERE task_id = t.id) <> 1
		    OR (SELECT count(*) FROM task_due WHERE task_id = t.id) <> 1);
		SELECT 'evidence ' || id || ' is not whole' FROM evidence e
		 WHERE summary GLOB 'Tài liệu *' AND (
		       (SELECT count(*) FROM evidence_file WHERE evidence_id = e.id) <> 1
		    OR (SELECT count(*) FROM evidence_task WHERE evidence_id = e.id) <> 1
		    OR NOT EXISTS (SELECT 1 FROM evidence_file f JOIN sqlar s
		                   ON s.name = 'files/' || substr(f.sha256, 1, 2) || '/' || f.sha256
		                   WHERE f.evidence_id = e.id));" 2>&1)
	[ -z "$whole" ] || bad "half-done records: $(echo "$whole" | head -n 5)"
	checks=$((checks + $(grep -c . "$T/edits.sql")))
}

# ------------------------------------------------------------ the kills
n_dossier=0 n_plan=0 n_edits=0 n_export=0
mid_dossier=0 wal_dossier=0 after_dossier=0 done_dossier=0
mid_plan=0 after_plan=0 done_plan=0
checks=0 leftover=0 export_absent=0 export_whole=0 export_done=0 scratch=0
exports=""
start=$(now_ms)
setup=$((start - begin))
while [ "$it" -lt "$ITER" ]; do
	it=$((it + 1))
	case $((it % 10)) in
	1 | 4 | 7) scenario=dossier ;;
	2 | 8) scenario=plan ;;
	3 | 6 | 9) scenario=edits ;;
	*) scenario=export ;;
	esac
	where="iteration $it ($scenario)"
	case $scenario in
	dossier | plan)
		fresh w.db
		if [ "$scenario" = dossier ]; then
			n_dossier=$((n_dossier + 1))
			if [ $((n_dossier % 2)) -eq 1 ]; then
				kill_at "$(rand $((t_dossier * 6 / 5 + 1)))" \
					env CCHC_DB="$T/w.db" "$CCHC" dossier import "$T/big.csv"
			else
				kill_at_wal "$(($(rand 1000) * grow / 1000))" \
					env CCHC_DB="$T/w.db" "$CCHC" dossier import "$T/big.csv"
			fi
		else
			n_plan=$((n_plan + 1))
			kill_at "$(rand $((t_plan * 6 / 5 + 1)))" \
				env CCHC_DB="$T/w.db" "$CCHC" plan import "$T/plan.txt"
		fi
		wal=$(stat -c %s "$T/w.db-wal" 2>/dev/null || echo 0)
		check_db "$T/w.db" || continue
		counts "$T/w.db" >"$T/sig.now"
		if cmp -s "$T/sig.now" "$T/sig.base"; then
			whole=no
		elif cmp -s "$T/sig.now" "$T/sig.$scenario"; then
			whole=yes
		else
			bad "half an import is in the database: $(diff "$T/sig.base" "$T/sig.now" | grep '^>' |
				head -n 5 | tr '\n' ' ')"
			continue
		fi
		if [ "$st" -eq 0 ]; then
			eval "done_$scenario=\$((done_$scenario + 1))"
			[ "$whole" = yes ] || bad "the import said it was done but it is not in the database"
		elif [ "$st" -eq 137 ]; then
			if [ "$whole" = yes ]; then
				eval "after_$scenario=\$((after_$scenario + 1))"
			else
				eval "mid_$scenario=\$((mid_$scenario + 1))"
				# more than 100 kB of uncommitted pages: killed deep in the transaction
				[ "$scenario" = dossier ] && [ "$wal" -gt 102400 ] && wal_dossier=$((wal_dossier + 1))
			fi
		else
			bad "the import failed by itself (status $st): $(cat "$T/err")"
		fi
		check_write "$T/w.db" "$it"
		;;
	edits)
		n_edits=$((n_edits + 1))
		LOG="$T/edits.log" DIR="$T/ev" SECTION=$section CCHC_DB="$T/edits.db" CCHC=$CCHC \
			PARENT=$$ setsid "$T/edits.sh" "k$it" 2>/dev/null &
		group=$!
		sleep_ms "$(rand 600)"
		kill -9 -"$group" 2>/dev/null
		wait "$group" 2>/dev/null
		group=
		check_write "$T/edits.db" "$it"
		check_db "$T/edits.db" && check_edits
		;;
	export)
		n_export=$((n_export + 1))
		set -- $kinds
		shift $(((it / 10) % $#))
		kind=$1
		exports="$exports $kind"
		out="$T/out-$it"
		mkdir "$out"
		case $kind in backup) f=sao-luu.db ;; letter) f=phieu.docx ;; *) f=bao-cao.$kind ;; esac
		eval "t=\$t_$kind"
		kill_at "$(rand $((t * 6 / 5 + 1)))" run_export "$kind" "$out/$f"
		left=$(ls -A "$out")
		if [ -z "$left" ]; then
			export_absent=$((export_absent + 1))
			[ "$st" -ne 0 ] || bad "$kind export said done but wrote no file"
		elif [ "$left" != "$f" ]; then
			leftover=$((leftover + 1))
			bad "$kind export left files beside $f: $(echo "$left" | tr '\n' ' ')"
		elif [ "$kind" = backup ]; then
			[ "$(sql "$out/$f" 'PRAGMA integrity_check' 2>&1)" = ok ] &&
				export_whole=$((export_whole + 1)) || bad "backup $f is not a whole database"
		elif is_zip "$out/$f"; then
			export_whole=$((export_whole + 1))
		else
			bad "$kind export $f is not a whole zip file"
		fi
		[ "$st" -eq 0 ] && export_done=$((export_done + 1))
		[ "$st" -eq 0 ] || [ "$st" -eq 137 ] || bad "$kind export failed by itself: $(cat "$T/err")"
		rm -rf "$out"
		# libxlsxwriter creates each scratch file and unlinks it at once
		scratch=$((scratch + $(ls -A "$TMPDIR" | wc -l)))
		rm -rf "$TMPDIR" && mkdir "$TMPDIR"
		;;
	esac
done

# ------------------------------------------------- evidence get, killed
# A record with a 24 MB scan (kept raw) and a 6 MB text (compressed): its
# get is killed at a random moment, or aimed, a random moment after it has
# opened a file in the output folder. After every kill the folder holds no
# temporary file, and each file is either absent or whole and right.
where="evidence get set-up"
fresh ev.db
head -c 25165824 /dev/urandom >"$T/scan.pdf"
yes "Biên bản kiểm tra công tác cải cách hành chính" | head -c 6291456 >"$T/bien-ban.txt"
ev=$(CCHC_DB="$T/ev.db" "$CCHC" evidence add --kind "biên bản" --file "$T/scan.pdf" \
	--file "$T/bien-ban.txt" 2>"$T/err") || fail "evidence add: $(cat "$T/err")"
t_get=0
for how in clean unclean; do
	[ "$how" = clean ] || printf 1 >"$T/ev.db-lock"
	mkdir -p "$T/measure"
	t0=$(now_ms)
	CCHC_DB="$T/ev.db" "$CCHC" evidence get "$ev" --out "$T/measure" 2>"$T/err" ||
		fail "evidence get: $(cat "$T/err")"
	t=$(($(now_ms) - t0))
	[ "$t" -le "$t_get" ] || t_get=$t
	cmp -s "$T/scan.pdf" "$T/measure/scan.pdf" && cmp -s "$T/bien-ban.txt" "$T/measure/bien-ban.txt" ||
		fail "evidence get does not give the files back"
	rm -rf "$T/measure"
done

# kill_writing DIR CMD...: as kill_at, but the kill comes a random moment
# (up to a third of a whole get) after CMD has a file open in DIR.
kill_writing() {
	dir=$1
	shift
	"$@" >"$T/out" 2>"$T/err" &
	pid=$!
	deadline=$(($(now_ms) + 3 * t_get + 5000))
	opened=no
	while :; do
		read -r line <"/proc/$pid/stat" || break
		case $line in *") Z "*) break ;; esac
		if ls -l "/proc/$pid/fd" 2>/dev/null | grep -qF -- "-> $dir/"; then
			opened=yes
			break
		fi
		[ "$(now_ms)" -lt "$deadline" ] || { bad "evidence get still running after 3 times its time"; break; }
	done
	[ "$opened" = no ] || sleep_ms "$(rand $((t_get / 3 + 1)))"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	st=$?
	pid=
}

GET_ITER=${CRASH_GET_ITERATIONS:-$((ITER / 5 > 10 ? ITER / 5 : 10))}
n_get=0 get_absent=0 get_one=0 get_whole=0 get_done=0 get_left=0 get_aimed=0
while [ "$n_get" -lt "$GET_ITER" ]; do
	n_get=$((n_get + 1))
	where="evidence get $n_get"
	out="$T/get-$n_get"
	mkdir "$out"
	if [ $((n_get % 2)) -eq 1 ]; then
		kill_at "$(rand $((t_get * 6 / 5 + 1)))" \
			env CCHC_DB="$T/ev.db" "$CCHC" evidence get "$ev" --out "$out"
	else
		kill_writing "$out" env CCHC_DB="$T/ev.db" "$CCHC" evidence get "$ev" --out "$out"
		[ "$opened" = yes ] && [ "$st" -eq 137 ] && get_aimed=$((get_aimed + 1))
	fi
	n=0
	for f in $(ls -A "$out"); do
		case $f in
		scan.pdf | bien-ban.txt)
			n=$((n + 1))
			cmp -s "$T/$f" "$out/$f" || bad "$f was left, not whole"
			;;
		*)
			get_left=$((get_left + 1))
			bad "evidence get left $f beside the files"
			;;
		esac
	done
	case $n in
	0) get_absent=$((get_absent + 1)) ;;
	1) get_one=$((get_one + 1)) ;;
	*) get_whole=$((get_whole + 1)) ;;
	esac
	if [ "$st" -eq 0 ]; then
		get_done=$((get_done + 1))
		[ "$n" -eq 2 ] || bad "evidence get said done but wrote $n of 2 files"
	elif [ "$st" -ne 137 ]; then
		bad "evidence get failed by itself (status $st): $(cat "$T/err")"
	fi
	rm -rf "$out"
done
check_db "$T/ev.db"

where=end
check_db "$T/full.db"
elapsed=$(($(now_ms) - start))

secs() { echo "$(($1 / 1000)).$(printf '%03d' $(($1 % 1000)))"; }
echo "crash/kill.sh: $it iterations in $(secs "$elapsed") s (set-up $(secs "$setup") s), $failures failures"
echo "  dossier import ($ROWS rows, $t_dossier ms whole; half the kills at a random time, half" \
	"when the WAL reached a random size): $n_dossier runs; $mid_dossier kills landed" \
	"mid-import and left nothing ($wal_dossier of them with uncommitted pages in the WAL);" \
	"$after_dossier after the commit, all there; $done_dossier finished first"
echo "  plan import ($((20 + 100 * NGROUPS)) headings, $t_plan ms whole): $n_plan runs; $mid_plan kills landed" \
	"mid-import and left nothing; $after_plan after the commit, all there; $done_plan finished first"
echo "  edits: $n_edits runs killed; $(wc -l <"$T/edits.log") records reported done, each checked" \
	"present and whole after every later kill ($checks checks)"
echo "  the open after a kill: $crash_checked opens found a cchc killed with the file open" \
	"and checked it (quick_check); none checked after a clean end"
echo "  exports ($(echo "$exports" | tr ' ' '\n' | grep . | sort | uniq -c |
	awk '{ printf "%s%s %s", s, $2, $1; s = ", " }'); whole in ms:$(for k in $kinds; do
	eval "printf ' %s %s' $k \$t_$k"; done)):" \
	"$n_export runs; $export_absent left no file, $export_whole a whole file" \
	"($export_done had finished); $leftover left temporary files beside them"
echo "  evidence get (24 MB raw and 6 MB compressed, $t_get ms whole; half the kills at a random" \
	"time, half aimed while it had a file open in the folder): $n_get runs; $get_aimed aimed" \
	"kills landed while writing; $get_absent left no file, $get_one one whole file of two," \
	"$get_whole both ($get_done had finished); $get_left temporary files left"
case " $kinds " in *" backup "*) ;; *) echo "  backup: no \"cchc backup --to\" in this build, not tested" ;; esac
echo "  libxlsxwriter scratch files left in TMPDIR (outside the output folder): $scratch"
[ "$failures" -eq 0 ] || exit 1
exit 0
