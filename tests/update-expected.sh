#!/bin/sh
# Regenerates the expected outputs of the importer tests from the current
# build. Run from the build directory: sh $srcdir/tests/update-expected.sh
# Then READ the diff (git diff tests/fixtures/expected): a golden file is only
# right when a person has checked it against the plan text.
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
E="$src/tests/fixtures/expected"
db=$(mktemp -d)/cchc.db
trap 'rm -rf "$(dirname "$db")"' EXIT
for f in so-ngoai-vu-2024.txt so-cong-thuong-2024.txt so-gtvt-2024.md; do
	./tests/unit/test_plan_parse --dump "$src/tests/fixtures/$f" >"$E/$f.parse"
	id=$(./cchc --create --db "$db" plan import "$src/tests/fixtures/$f" 2>/dev/null)
	./cchc --db "$db" plan tree "$id" >"$E/$f.tree"
	./cchc --db "$db" plan tree "$id" --format tsv | cut -f2- >"$E/$f.tree.tsv"
	./cchc --db "$db" plan show "$id" | grep -vE '^(sha256|imported_at|id): ' >"$E/$f.show"
done
echo "updated $E; now read: git diff -- tests/fixtures/expected"
