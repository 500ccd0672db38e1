# Shared set-up of the screen tests: a private temporary home and database,
# a fixed terminal type, and helpers to run cchc on a key script and compare
# its screen dumps with tests/screen/expected/NAME.dump.
# See tests/screen/README for the script format.
set -eu
: "${CCHC:?run through make check}" "${top_srcdir:?run through make check}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cchc-screen.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export CCHC_DB="$tmp/cchc.db" HOME="$tmp" XDG_CONFIG_HOME="$tmp/config" \
	XDG_DATA_HOME="$tmp/data" TERM=xterm-256color LC_ALL=C.UTF-8
unset NO_COLOR CCHC_DATADIR
screen_dir="$top_srcdir/tests/screen"
FIXTURES="${FIXTURES:-$top_srcdir/tests/fixtures}"
actual="$tmp/actual"
: > "$actual"

# The sqlite3 shell waits for a lock as cchc does: the day's backup runs in a
# process of its own after the first write of a day, and its open and close
# take brief locks a shell without a timeout reports as "database is locked".
sqlite3() { command sqlite3 -cmd '.timeout 10000' "$@"; }

# tm ARGS...: tmux on the test's own server, named by $sock (the test may
# set another name before it starts one).
sock="cchc-test-$$"
tm() { tmux -L "$sock" -f /dev/null "$@"; }

# wait_for TEXT: polls the pane until it shows TEXT, for WAIT_SECONDS (5).
wait_for() {
	i=0
	while [ $i -lt $((${WAIT_SECONDS:-5} * 10)) ]; do
		tm capture-pane -p > "$tmp/pane" 2> /dev/null || true
		grep -qF -- "$1" "$tmp/pane" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	echo "timed out waiting for: $1"; cat "$tmp/pane"
	return 1
}

# import FILE: imports a plan quietly.
import() {
	"$CCHC" plan import "$1" > /dev/null 2>&1
}

# screen LABEL SIZE [OPTION...] < SCRIPT: runs cchc on the script and adds
# its dumps to the test's output under a "## LABEL" line.
screen() {
	label=$1 size=$2
	shift 2
	cat > "$tmp/script"
	rm -f "$tmp/dump"
	"$CCHC" --script "$tmp/script" --dump "$tmp/dump" --size "$size" "$@"
	printf '## %s (%s)\n' "$label" "$size" >> "$actual"
	cat "$tmp/dump" >> "$actual"
}

# note TEXT: adds a line of its own to the output (exit codes, messages).
note() {
	printf '## %s\n' "$*" >> "$actual"
}

# check NAME: compares the output, with the temporary folder written $TMP,
# with expected/NAME.dump (or, with
# CCHC_UPDATE_EXPECTED=1, writes it there for a human to review).
check() {
	expected="$screen_dir/expected/$1.dump"
	# the time a long export took (" (1,3 giây)", shown from one second on)
	# depends on the machine's load, not on the program: left out
	sed -e "s|$tmp|\$TMP|g" -e 's/ ([0-9][0-9]*,[0-9] giây)$//' "$actual" > "$actual.sed" &&
		mv "$actual.sed" "$actual"
	if [ -n "${CCHC_UPDATE_EXPECTED:-}" ]; then
		cp "$actual" "$expected"
		echo "updated $expected"
		return 0
	fi
	diff -u "$expected" "$actual"
}
