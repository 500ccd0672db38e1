#!/bin/sh
# In a non-UTF-8 locale the program switches to C.UTF-8 and still draws
# Vietnamese exactly (the screen read back through the wide-char API).
. "${top_srcdir:-.}/tests/cli/lib.sh"
printf 'key x\nkey 2\ndump\n' >"$T/script"
LC_ALL=C LANG=C run "$CCHC" --script "$T/script" --dump "$T/dump" --size 80x24
expect_rc 0
expect_grep "I. MỤC ĐÍCH, YÊU CẦU" "$T/dump"
expect_grep "Kế hoạch chưa có số, năm 2026 (dữ liệu mẫu)" "$T/dump"
exit 0
