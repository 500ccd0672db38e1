#!/bin/sh
# Regenerates tests/screen/expected/*.dump from the program as built, for a
# human to read (git diff) before committing: every screen must show the
# Vietnamese intact, the right pane wrapped at word boundaries, nothing cut
# inside a letter.
#   tests/screen/update-expected.sh [BUILDDIR] [TEST...]
# BUILDDIR defaults to the current directory; TEST names like "outline".
set -eu
srcdir=$(cd "$(dirname "$0")/../.." && pwd)
builddir=$(cd "${1:-.}" && pwd)
[ $# -gt 0 ] && shift
[ -x "$builddir/cchc" ] || { echo "no cchc in $builddir: build first" >&2; exit 1; }
if [ $# -eq 0 ]; then
	set -- $(cd "$srcdir/tests/screen" && ls *.sh | grep -v '^lib.sh$\|^update-expected.sh$\|^tmux.sh$' | sed 's/\.sh$//')
fi
for t; do
	env CCHC="$builddir/cchc" top_srcdir="$srcdir" top_builddir="$builddir" \
		FIXTURES="$srcdir/tests/fixtures" CCHC_TODAY=2026-11-24 \
		CCHC_UPDATE_EXPECTED=1 sh "$srcdir/tests/screen/$t.sh"
done
