#!/bin/sh
# With no plan in the database (the demo plan loaded once, then deleted),
# the task form (2 a) has no section to offer: the section field's hint
# says so, "Chưa có kế hoạch: nhập bằng cchc plan import TỆP", on the
# field (marked ^ as form.hint) and, as the error (# as form.error), when
# C-o tries to save.
. "$top_srcdir/tests/screen/lib.sh"
"$CCHC" unit add "Văn phòng Sở" --code VP > /dev/null
printf 'key q\n' > "$tmp/first"
"$CCHC" --script "$tmp/first" --dump "$tmp/first.dump"   # loads the demo plan
for id in $("$CCHC" plan list | cut -f1); do "$CCHC" plan delete "$id" --force > /dev/null 2>&1; done
note "plans: $("$CCHC" plan list | wc -l)"
# the agency is named, so the first-run form does not come first
"$CCHC" setting set org.name "Sở Tư pháp" > /dev/null
screen form-noplan 80x24 <<'S'
key 3 a
type Kiểm tra văn bản
key <Tab>
dump form.hint
key C-o
dump form.hint form.error
S
check form-noplan
