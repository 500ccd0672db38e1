#!/bin/sh
# Themes: each built-in theme as applied; a user theme with an alias, an
# element left to the default theme and a bad line (reported in the status
# line); NO_COLOR and a terminal without colours give mono; an unknown
# --theme is an error before the screen starts; template.theme lists every
# element of src/ui/elements.def.
. "$top_srcdir/tests/screen/lib.sh"
for t in default light mono; do
	printf 'theme\n' | screen "theme $t" 80x24 --theme "$t"
done
mkdir -p "$XDG_CONFIG_HOME/cchc/themes"
cat > "$XDG_CONFIG_HOME/cchc/themes/office.theme" <<'T'
[theme]
name = office
colors = 8
[elements]
cursor = white;magenta;bold
section.label = @cursor
outline = purple;default;
T
screen "theme office" 80x24 --theme office <<'S'
theme
dump
S
(export NO_COLOR=1; printf 'theme\n' | screen "NO_COLOR with light" 80x24 --theme light)
(export TERM=vt100; printf 'theme\n' | screen "TERM=vt100" 80x24)
printf 'theme\n' | screen "theme by path" 80x24 --theme "$top_srcdir/themes/light.theme"
rc=0
"$CCHC" --script /dev/null --dump "$tmp/none" --theme nosuch 2> "$tmp/err" || rc=$?
note "--theme nosuch: exit $rc, dump written: $(test -e "$tmp/none" && echo yes || echo no)"
cat "$tmp/err" >> "$actual"
check theme
# every element has a line in the template, and nothing else does
sed -n 's/^ELEMENT([A-Z_]*, *"\([^"]*\)".*/\1/p' "$top_srcdir/src/ui/elements.def" | sort > "$tmp/elements"
sed -n 's/^\([a-z._]*\) *=.*/\1/p' "$top_srcdir/themes/template.theme" | grep -v '^name$\|^colors$' | sort > "$tmp/template"
diff -u "$tmp/elements" "$tmp/template"
