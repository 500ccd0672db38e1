/* Deadlines as plans write them. */
#include <config.h>
#include <string.h>
#include "check.h"
#include "core/due.h"

static void check_due(const char *text, enum due_kind kind, int y, int m, int d)
{
	struct due due;
	struct cchc_err err = { 0 };
	check_count++;
	if (due_parse(text, 2026, &due, &err) != CCHC_OK || due.kind != kind ||
	    (kind != DUE_NONE && kind != DUE_ONGOING && kind != DUE_RECURRING &&
	     (due.date.y != y || due.date.m != m || due.date.d != d))) {
		check_failures++;
		fprintf(stderr, "due \"%s\": kind %d %04d-%02d-%02d (%s)\n", text, due.kind, due.date.y,
			due.date.m, due.date.d, err.msg);
	}
}

int main(void)
{
	check_due("30/11/2026", DUE_DATE, 2026, 11, 30);
	check_due("2026-11-30", DUE_DATE, 2026, 11, 30);
	check_due("30/11", DUE_DATE, 2026, 11, 30);               /* the plan's year */
	check_due("trước 30/11/2026", DUE_BEFORE, 2026, 11, 29);
	check_due("Trước ngày 01/01/2027", DUE_BEFORE, 2026, 12, 31);
	check_due("TRUOC 15/01/2026", DUE_BEFORE, 2026, 1, 14);
	check_due("Chậm nhất ngày 15/12/2026", DUE_DATE, 2026, 12, 15);
	check_due("Quý III/2026", DUE_QUARTER, 2026, 9, 30);
	check_due("quý 1 năm 2027", DUE_QUARTER, 2027, 3, 31);
	check_due("Quý IV", DUE_QUARTER, 2026, 12, 31);
	check_due("Tháng 6/2026", DUE_MONTH, 2026, 6, 30);
	check_due("tháng 02/2028", DUE_MONTH, 2028, 2, 29);
	check_due("Năm 2026", DUE_YEAR, 2026, 12, 31);
	check_due("Thường xuyên", DUE_ONGOING, 0, 0, 0);
	check_due("", DUE_NONE, 0, 0, 0);
	check_due("hằng quý", DUE_RECURRING, 0, 0, 0);
	check_due("Định kỳ hằng quý", DUE_RECURRING, 0, 0, 0);
	check_due("định kỳ hàng tháng", DUE_RECURRING, 0, 0, 0);
	/* "trước" a period: the day before it starts */
	check_due("trước Quý III/2026", DUE_BEFORE, 2026, 6, 30);
	check_due("Trước tháng 6/2026", DUE_BEFORE, 2026, 5, 31);
	check_due("trước năm 2027", DUE_BEFORE, 2026, 12, 31);
	check_due("30/11/2026 (báo cáo năm)", DUE_DATE, 2026, 11, 30);
	struct due due;
	struct cchc_err err = { 0 };
	struct ymd occ[12];
	CHECK(due_parse("Hàng tháng", 2026, &due, &err) == CCHC_OK && due.every == 'm');
	CHECK_INT(due_occurrences(&due, 2026, occ, 12), 12);
	CHECK(occ[1].m == 2 && occ[1].d == 28);
	CHECK(due_parse("hằng quý", 2026, &due, &err) == CCHC_OK && due.every == 'q');
	CHECK_INT(due_occurrences(&due, 2026, occ, 12), 4);
	CHECK(occ[2].m == 9 && occ[2].d == 30);
	CHECK(due_parse("hằng năm", 2026, &due, &err) == CCHC_OK);
	CHECK_INT(due_occurrences(&due, 2026, occ, 12), 1);
	/* bad dates and words are refused with the accepted forms */
	CHECK(due_parse("31/02/2026", 2026, &due, &err) == CCHC_EINPUT);
	CHECK(strstr(err.msg, "Không hiểu thời hạn \"31/02/2026\"") != NULL);
	CHECK(due_parse("Quý V/2026", 2026, &due, &err) == CCHC_EINPUT);
	CHECK(due_parse("tháng 13/2026", 2026, &due, &err) == CCHC_EINPUT);
	CHECK(due_parse("sớm", 2026, &due, &err) == CCHC_EINPUT);
	/* a two-digit year, or words not understood, are refused, not guessed */
	CHECK(due_parse("Quý III/26", 2024, &due, &err) == CCHC_EINPUT);
	CHECK(due_parse("Năm 2026 và các năm tiếp theo", 2026, &due, &err) == CCHC_EINPUT);
	CHECK(due_parse("hằng tuần", 2026, &due, &err) == CCHC_EINPUT);
	return check_report("test_due");
}
