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

static struct ymd D(int y, int m, int d)
{
	return (struct ymd){ y, m, d };
}

static bool same(struct ymd a, int y, int m, int d)
{
	return a.y == y && a.m == m && a.d == d;
}

/* Where a recurring task stands: due at the end of its current occurrence,
 * never one that ended before it was assigned; missed reports apart. */
static void check_track(void)
{
	struct due due;
	struct cchc_err err = { 0 };
	struct ymd q[12], m[12], y[12];
	struct due_track t;
	CHECK(due_parse("hằng quý", 2026, &due, &err) == CCHC_OK);
	int nq = due_occurrences(&due, 2026, q, 12);
	/* added 10/09: due 30/09, nothing missed, not 31/03 */
	due_track('q', q, nq, D(2026, 9, 10), NULL, 0, D(2026, 9, 20), &t);
	CHECK(same(t.due, 2026, 9, 30) && t.nmissed == 0);
	due_track('q', q, nq, D(2026, 9, 10), NULL, 0, D(2026, 9, 14), &t);
	CHECK(same(t.due, 2026, 9, 30) && t.nmissed == 0);
	/* added in January, reported in Q1 only: Q2 missed, due 30/09 */
	struct due_note n[3] = { { D(2026, 2, 10), "" } };
	due_track('q', q, nq, D(2026, 1, 5), n, 1, D(2026, 9, 14), &t);
	CHECK(same(t.due, 2026, 9, 30) && t.nmissed == 1 && same(t.missed[0], 2026, 6, 30));
	due_track('q', q, nq, D(2026, 1, 5), n, 1, D(2026, 11, 24), &t);
	CHECK(same(t.due, 2026, 12, 31) && t.nmissed == 2 && same(t.missed[1], 2026, 9, 30));
	/* the year over, Q4 unreported: the task is overdue from 31/12 */
	due_track('q', q, nq, D(2026, 1, 5), n, 1, D(2027, 1, 10), &t);
	CHECK(same(t.due, 2026, 12, 31) && t.nmissed == 2);
	/* a note in the current quarter moves the deadline to the next */
	n[1] = (struct due_note){ D(2026, 8, 1), "" };
	due_track('q', q, nq, D(2026, 1, 5), n, 2, D(2026, 9, 20), &t);
	CHECK(same(t.due, 2026, 12, 31) && t.nmissed == 1);
	/* ... but not a note written after the day looked at */
	due_track('q', q, nq, D(2026, 1, 5), n, 2, D(2026, 7, 20), &t);
	CHECK(same(t.due, 2026, 9, 30) && t.nmissed == 1);
	/* a note after the quarter naming it reports it */
	n[2] = (struct due_note){ D(2026, 7, 3), "2026-q2" };
	due_track('q', q, nq, D(2026, 1, 5), n, 3, D(2026, 9, 20), &t);
	CHECK(same(t.due, 2026, 12, 31) && t.nmissed == 0);
	/* assigned after the plan's last occurrence: nothing due */
	due_track('q', q, nq, D(2027, 1, 3), NULL, 0, D(2027, 1, 5), &t);
	CHECK(t.due.y == 0 && t.nmissed == 0);
	/* monthly in a leap year: February ends on the 29th */
	CHECK(due_parse("hằng tháng", 2028, &due, &err) == CCHC_OK);
	int nm = due_occurrences(&due, 2028, m, 12);
	CHECK(same(m[1], 2028, 2, 29));
	due_track('m', m, nm, D(2028, 2, 15), NULL, 0, D(2028, 2, 29), &t);
	CHECK(same(t.due, 2028, 2, 29) && t.nmissed == 0);
	due_track('m', m, nm, D(2028, 2, 15), NULL, 0, D(2028, 3, 1), &t);
	CHECK(same(t.due, 2028, 3, 31) && t.nmissed == 1 && same(t.missed[0], 2028, 2, 29));
	struct due_note feb = { D(2028, 2, 29), "" };
	due_track('m', m, nm, D(2028, 2, 15), &feb, 1, D(2028, 3, 1), &t);
	CHECK(same(t.due, 2028, 3, 31) && t.nmissed == 0);
	/* a month ending on the day assigned is the task's */
	due_track('m', m, nm, D(2028, 4, 30), NULL, 0, D(2028, 6, 2), &t);
	CHECK(same(t.due, 2028, 6, 30) && t.nmissed == 2 && same(t.missed[0], 2028, 4, 30));
	/* yearly: due 31/12, overdue only after it */
	CHECK(due_parse("hằng năm", 2026, &due, &err) == CCHC_OK);
	int ny = due_occurrences(&due, 2026, y, 12);
	due_track('y', y, ny, D(2026, 3, 1), NULL, 0, D(2026, 9, 20), &t);
	CHECK(same(t.due, 2026, 12, 31) && t.nmissed == 0);
	due_track('y', y, ny, D(2026, 3, 1), NULL, 0, D(2027, 1, 5), &t);
	CHECK(same(t.due, 2026, 12, 31) && t.nmissed == 0);
	struct due_note yn = { D(2026, 12, 10), "" };
	due_track('y', y, ny, D(2026, 3, 1), &yn, 1, D(2027, 1, 5), &t);
	CHECK(t.due.y == 0 && t.nmissed == 0);
	char label[32];
	due_occurrence_label('q', D(2026, 6, 30), label, sizeof label);
	CHECK(strcmp(label, "quý II/2026") == 0);
	due_occurrence_label('m', D(2028, 2, 29), label, sizeof label);
	CHECK(strcmp(label, "tháng 2/2028") == 0);
	due_occurrence_label('y', D(2026, 12, 31), label, sizeof label);
	CHECK(strcmp(label, "năm 2026") == 0);
}

int main(void)
{
	check_track();
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
