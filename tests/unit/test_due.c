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
	/* on a day inside the quarter: due that day; a note later in the
	 * quarter still reports it */
	struct ymd qd[12];
	CHECK(due_parse("ngày 10 tháng cuối mỗi quý", 2026, &due, &err) == CCHC_OK);
	int nqd = due_occurrences(&due, 2026, qd, 12);
	due_track('q', qd, nqd, D(2026, 1, 5), NULL, 0, D(2026, 3, 10), &t);
	CHECK(same(t.due, 2026, 3, 10) && t.nmissed == 0);
	due_track('q', qd, nqd, D(2026, 1, 5), NULL, 0, D(2026, 4, 1), &t);
	CHECK(same(t.due, 2026, 6, 10) && t.nmissed == 1 && same(t.missed[0], 2026, 3, 10));
	struct due_note late = { D(2026, 3, 20), "" };
	due_track('q', qd, nqd, D(2026, 1, 5), &late, 1, D(2026, 4, 1), &t);
	CHECK(same(t.due, 2026, 6, 10) && t.nmissed == 0);
	/* half-yearly: the first half missed, then reported by naming it */
	struct ymd h[12];
	CHECK(due_parse("định kỳ 6 tháng", 2026, &due, &err) == CCHC_OK && due.every == 'h');
	int nh = due_occurrences(&due, 2026, h, 12);
	due_track('h', h, nh, D(2026, 1, 5), NULL, 0, D(2026, 7, 1), &t);
	CHECK(same(t.due, 2026, 12, 31) && t.nmissed == 1 && same(t.missed[0], 2026, 6, 30));
	struct due_note h1 = { D(2026, 7, 3), "2026-H1" };
	due_track('h', h, nh, D(2026, 1, 5), &h1, 1, D(2026, 7, 5), &t);
	CHECK(t.nmissed == 0);
	/* a note in the second half reports it: nothing due for the year */
	struct due_note h2 = { D(2026, 9, 3), "" };
	due_track('h', h, nh, D(2026, 1, 5), &h2, 1, D(2026, 9, 5), &t);
	CHECK(t.due.y == 0 && t.nmissed == 1);
	char label[32];
	due_occurrence_label('q', D(2026, 6, 30), label, sizeof label);
	CHECK(strcmp(label, "quý II/2026") == 0);
	due_occurrence_label('m', D(2028, 2, 29), label, sizeof label);
	CHECK(strcmp(label, "tháng 2/2028") == 0);
	due_occurrence_label('y', D(2026, 12, 31), label, sizeof label);
	CHECK(strcmp(label, "năm 2026") == 0);
}

/* Every wording a plan may write: its kind and its day (one-off), or its
 * period, number of occurrences and first one (recurring). None refused. */
struct wording {
	const char *text;
	enum due_kind kind;
	int y, m, d;      /* the one-off day, or the first occurrence */
	char every;       /* recurring */
	int nocc;
};

static const struct wording wordings[] = {
	/* the wordings, refused before */
	{ "Trước ngày 30 tháng 11 năm 2026", DUE_BEFORE, 2026, 11, 29, 0, 1 },
	{ "cuối năm 2026", DUE_YEAR, 2026, 12, 31, 0, 1 },
	{ "trong tháng 10/2026", DUE_MONTH, 2026, 10, 31, 0, 1 },
	{ "6 tháng đầu năm 2026", DUE_PERIOD, 2026, 6, 30, 0, 1 },
	{ "định kỳ 6 tháng", DUE_RECURRING, 2026, 6, 30, 'h', 2 },
	{ "tháng 10/2026", DUE_MONTH, 2026, 10, 31, 0, 1 },
	{ "Quý IV/2026", DUE_QUARTER, 2026, 12, 31, 0, 1 },
	{ "6 tháng cuối năm", DUE_PERIOD, 2026, 12, 31, 0, 1 },
	{ "trước 15/12 hằng năm", DUE_RECURRING, 2026, 12, 14, 'y', 1 },
	{ "năm 2026", DUE_YEAR, 2026, 12, 31, 0, 1 },
	{ "trong năm", DUE_YEAR, 2026, 12, 31, 0, 1 },
	{ "hoàn thành trước 31/12", DUE_BEFORE, 2026, 12, 30, 0, 1 },
	{ "tuần đầu tháng", DUE_RECURRING, 2026, 1, 7, 'm', 12 },
	{ "trước ngày 10 của tháng cuối quý", DUE_RECURRING, 2026, 3, 9, 'q', 4 },
	{ "từ tháng 3 đến tháng 6/2026", DUE_PERIOD, 2026, 6, 30, 0, 1 },
	{ "theo kế hoạch", DUE_ASNEEDED, 0, 0, 0, 0, 0 },
	{ "theo chỉ đạo", DUE_ASNEEDED, 0, 0, 0, 0, 0 },
	{ "khi có yêu cầu", DUE_ASNEEDED, 0, 0, 0, 0, 0 },
	/* the families behind them */
	{ "ngày 30 tháng 11 năm 2026", DUE_DATE, 2026, 11, 30, 0, 1 },
	{ "Ngày 30 tháng 11", DUE_DATE, 2026, 11, 30, 0, 1 },
	{ "cuối năm", DUE_YEAR, 2026, 12, 31, 0, 1 },
	{ "trong quý IV/2026", DUE_QUARTER, 2026, 12, 31, 0, 1 },
	{ "Quý 4 năm 2027", DUE_QUARTER, 2027, 12, 31, 0, 1 },
	{ "quý II", DUE_QUARTER, 2026, 6, 30, 0, 1 },
	{ "Quý IV / 2026", DUE_QUARTER, 2026, 12, 31, 0, 1 },
	{ "9 tháng đầu năm", DUE_PERIOD, 2026, 9, 30, 0, 1 },
	{ "6 tháng đầu năm", DUE_PERIOD, 2026, 6, 30, 0, 1 },
	{ "12 tháng đầu năm 2027", DUE_YEAR, 2027, 12, 31, 0, 1 },
	{ "ngày 10 tháng cuối mỗi quý", DUE_RECURRING, 2026, 3, 10, 'q', 4 },
	{ "hằng quý, trước ngày 10 của tháng cuối quý", DUE_RECURRING, 2026, 3, 9, 'q', 4 },
	{ "hằng tuần", DUE_ONGOING, 0, 0, 0, 0, 0 },
	{ "Định kỳ hằng tuần", DUE_ONGOING, 0, 0, 0, 0, 0 },
	{ "hằng ngày", DUE_ONGOING, 0, 0, 0, 0, 0 },
	{ "trong năm 2026", DUE_YEAR, 2026, 12, 31, 0, 1 },
	{ "hoàn thành trong tháng 3", DUE_MONTH, 2026, 3, 31, 0, 1 },
	{ "từ 01/3 đến 30/6/2026", DUE_DATE, 2026, 6, 30, 0, 1 },
	{ "tháng 3-6/2026", DUE_PERIOD, 2026, 6, 30, 0, 1 },
	{ "tháng 3 – 6/2026", DUE_PERIOD, 2026, 6, 30, 0, 1 },
	{ "Quý I, II/2026", DUE_PERIOD, 2026, 6, 30, 0, 1 },
	{ "Quý I - Quý III năm 2026", DUE_PERIOD, 2026, 9, 30, 0, 1 },
	{ "theo yêu cầu", DUE_ASNEEDED, 0, 0, 0, 0, 0 },
	{ "Theo quy định", DUE_ASNEEDED, 0, 0, 0, 0, 0 },
	{ "Đột xuất", DUE_ASNEEDED, 0, 0, 0, 0, 0 },
	{ "Theo chỉ đạo của UBND tỉnh", DUE_ASNEEDED, 0, 0, 0, 0, 0 },
	{ "Thời gian: Quý III/2026", DUE_QUARTER, 2026, 9, 30, 0, 1 },
	{ "Thời hạn: 30/11/2026", DUE_DATE, 2026, 11, 30, 0, 1 },
	{ "Thời gian thực hiện: năm 2026", DUE_YEAR, 2026, 12, 31, 0, 1 },
	{ "Thời hạn hoàn thành trước 31/08/2026", DUE_BEFORE, 2026, 8, 30, 0, 1 },
	{ "Hoàn thành trước ngày 15/10/2026", DUE_BEFORE, 2026, 10, 14, 0, 1 },
	{ "xong trước 30/9", DUE_BEFORE, 2026, 9, 29, 0, 1 },
	{ "chậm nhất ngày 20/12/2026", DUE_DATE, 2026, 12, 20, 0, 1 },
	{ "tháng 10 năm 2026", DUE_MONTH, 2026, 10, 31, 0, 1 },
	{ "Tháng 12/2026, báo cáo kết quả về Sở Nội vụ", DUE_MONTH, 2026, 12, 31, 0, 1 },
	{ "Quý III/2026 (lồng ghép báo cáo quý)", DUE_QUARTER, 2026, 9, 30, 0, 1 },
	{ "Năm 2026 và các năm tiếp theo", DUE_YEAR, 2026, 12, 31, 0, 1 },
	{ "giai đoạn 2026 - 2030", DUE_YEAR, 2030, 12, 31, 0, 1 },
	{ "đến hết năm 2026", DUE_YEAR, 2026, 12, 31, 0, 1 },
	{ "tuần đầu tháng 10/2026", DUE_DATE, 2026, 10, 7, 0, 1 },
	{ "trước ngày 20 hằng tháng", DUE_RECURRING, 2026, 1, 19, 'm', 12 },
	{ "ngày 25 hằng tháng", DUE_RECURRING, 2026, 1, 25, 'm', 12 },
	{ "Trước 25 hằng tháng", DUE_RECURRING, 2026, 1, 24, 'm', 12 },
	{ "Hằng tháng (trước ngày 25)", DUE_RECURRING, 2026, 1, 24, 'm', 12 },
	{ "Trước ngày 15 tháng 12 hằng năm", DUE_RECURRING, 2026, 12, 14, 'y', 1 },
	{ "Trước ngày 20 của tháng cuối quý", DUE_RECURRING, 2026, 3, 19, 'q', 4 },
	{ "hằng quý (trước ngày 15 tháng cuối quý)", DUE_RECURRING, 2026, 3, 14, 'q', 4 },
	{ "Báo cáo định kỳ 6 tháng, năm", DUE_RECURRING, 2026, 6, 30, 'h', 2 },
	{ "Tháng 10, 11/2026", DUE_PERIOD, 2026, 11, 30, 0, 1 },
	{ "Quý II và Quý III năm 2026", DUE_PERIOD, 2026, 9, 30, 0, 1 },
	{ "Cuối Quý IV/2026", DUE_QUARTER, 2026, 12, 31, 0, 1 },
	{ "Từ tháng 01 đến tháng 12 năm 2026", DUE_YEAR, 2026, 12, 31, 0, 1 },
	{ "không quá ngày 30/9/2026", DUE_DATE, 2026, 9, 30, 0, 1 },
	{ "Trước 31/12/2026 (báo cáo kết quả)", DUE_BEFORE, 2026, 12, 30, 0, 1 },
	{ "Khi có văn bản chỉ đạo", DUE_ASNEEDED, 0, 0, 0, 0, 0 },
	{ "Quý 1/2027", DUE_QUARTER, 2027, 3, 31, 0, 1 },
	{ "từ ngày 01/3/2026 đến ngày 30/6/2026", DUE_DATE, 2026, 6, 30, 0, 1 },
	{ "Trong năm học 2026", DUE_UNKNOWN, 0, 0, 0, 0, 0 },
	{ "Đầu năm 2026", DUE_UNKNOWN, 0, 0, 0, 0, 0 },
	{ "hằng tháng, trước ngày 20", DUE_RECURRING, 2026, 1, 19, 'm', 12 },
	{ "Hằng năm, trước ngày 15/12", DUE_RECURRING, 2026, 12, 14, 'y', 1 },
	{ "hằng năm (trước 15/12)", DUE_RECURRING, 2026, 12, 14, 'y', 1 },
	{ "15/12 hằng năm", DUE_RECURRING, 2026, 12, 15, 'y', 1 },
	{ "Định kỳ hằng quý, 6 tháng, năm", DUE_RECURRING, 2026, 3, 31, 'q', 4 },
	{ "định kỳ 06 tháng/lần", DUE_RECURRING, 2026, 6, 30, 'h', 2 },
	{ "6 tháng một lần", DUE_RECURRING, 2026, 6, 30, 'h', 2 },
	{ "định kỳ hằng quý và đột xuất", DUE_RECURRING, 2026, 3, 31, 'q', 4 },
	{ "Thực hiện thường xuyên", DUE_ONGOING, 0, 0, 0, 0, 0 },
	{ "thường xuyên, liên tục", DUE_ONGOING, 0, 0, 0, 0, 0 },
	{ "mỗi quý", DUE_RECURRING, 2026, 3, 31, 'q', 4 },
	{ "2026", DUE_YEAR, 2026, 12, 31, 0, 1 },
	{ "30.11.2026", DUE_DATE, 2026, 11, 30, 0, 1 },
	{ "30-11-2026", DUE_DATE, 2026, 11, 30, 0, 1 },
	/* a hostile tester's: wrong dates before */
	{ "Từ ngày 01/01/2026", DUE_UNKNOWN, 0, 0, 0, 0, 0 },
	{ "Từ tháng 01/2026", DUE_UNKNOWN, 0, 0, 0, 0, 0 },
	{ "Từ Quý II/2026", DUE_UNKNOWN, 0, 0, 0, 0, 0 },
	{ "Kể từ ngày 01/7/2026", DUE_UNKNOWN, 0, 0, 0, 0, 0 },
	{ "Sau ngày 30/6/2026", DUE_UNKNOWN, 0, 0, 0, 0, 0 },
	{ "Tháng 11/2026 - tháng 01/2027", DUE_PERIOD, 2027, 1, 31, 0, 1 },
	{ "15/12/2026 - 20/12/2026", DUE_DATE, 2026, 12, 20, 0, 1 },
	{ "Năm 2026, 2027", DUE_YEAR, 2027, 12, 31, 0, 1 },
	{ "Quý I/2026 và Quý III/2026", DUE_PERIOD, 2026, 9, 30, 0, 1 },
	{ "Trước ngày 15/6/2026 (6 tháng); trước ngày 15/12/2026 (năm)", DUE_UNKNOWN, 0, 0, 0, 0, 0 },
	{ "Trước 15/12/2026; riêng báo cáo quý trước ngày 15 tháng cuối quý", DUE_UNKNOWN, 0, 0, 0, 0,
	  0 },
	{ "Năm 2026 (trước 15/12)", DUE_BEFORE, 2026, 12, 14, 0, 1 },
	{ "Quý I/2026 (trước ngày 31/3/2026)", DUE_BEFORE, 2026, 3, 30, 0, 1 },
	{ "Quý IV/2026 (tổng kết)", DUE_QUARTER, 2026, 12, 31, 0, 1 },
	{ "Trước 30/11/2026 (số liệu tính đến 15/11/2026)", DUE_BEFORE, 2026, 11, 29, 0, 1 },
	{ "Năm 2026 (trước 15/12/2027)", DUE_YEAR, 2026, 12, 31, 0, 1 },
	{ "Từ nay đến hết năm 2026", DUE_YEAR, 2026, 12, 31, 0, 1 },
	{ "Thực hiện từ năm 2026 đến năm 2030", DUE_YEAR, 2030, 12, 31, 0, 1 },
	/* ... and common wordings left unclear */
	{ "Quí IV/2026", DUE_QUARTER, 2026, 12, 31, 0, 1 },
	{ "Qùi IV/2026", DUE_QUARTER, 2026, 12, 31, 0, 1 },
	{ "Quì 2/2026", DUE_QUARTER, 2026, 6, 30, 0, 1 },
	{ "quỉ III/2026", DUE_QUARTER, 2026, 9, 30, 0, 1 },
	{ "Quĩ I", DUE_QUARTER, 2026, 3, 31, 0, 1 },
	{ "Quị II", DUE_QUARTER, 2026, 6, 30, 0, 1 },
	{ "hằng quí", DUE_RECURRING, 2026, 3, 31, 'q', 4 },
	{ "9 tháng năm 2026", DUE_PERIOD, 2026, 9, 30, 0, 1 },
	{ "6 tháng/lần", DUE_RECURRING, 2026, 6, 30, 'h', 2 },
	{ "3 tháng một lần", DUE_RECURRING, 2026, 3, 31, 'q', 4 },
	{ "Muộn nhất 30/11/2026", DUE_DATE, 2026, 11, 30, 0, 1 },
	{ "15 tháng 12", DUE_DATE, 2026, 12, 15, 0, 1 },
	{ "Trước 15 - 12 - 2026", DUE_BEFORE, 2026, 12, 14, 0, 1 },
	{ "2026/12/15", DUE_DATE, 2026, 12, 15, 0, 1 },
	{ "Tháng 6 và tháng 12", DUE_RECURRING, 2026, 6, 30, 'h', 2 },
	{ "Tháng 6/2026 và tháng 12/2026", DUE_RECURRING, 2026, 6, 30, 'h', 2 },
	{ "Tháng 6, tháng 12 hằng năm", DUE_RECURRING, 2026, 6, 30, 'h', 2 },
	{ "Định kỳ tháng 6 và tháng 12", DUE_RECURRING, 2026, 6, 30, 'h', 2 },
	{ "Tháng 3, 6, 9, 12", DUE_RECURRING, 2026, 3, 31, 'q', 4 },
	{ "Tháng 6/2027 và tháng 12/2027", DUE_PERIOD, 2027, 12, 31, 0, 1 },
	{ "Trong 30 ngày kể từ ngày ban hành Kế hoạch", DUE_UNKNOWN, 0, 0, 0, 0, 0 },
	/* still not understood: kept as written, never refused */
	{ "31/02/2026", DUE_UNKNOWN, 0, 0, 0, 0, 0 },
	{ "Quý V/2026", DUE_UNKNOWN, 0, 0, 0, 0, 0 },
	{ "tháng 13/2026", DUE_UNKNOWN, 0, 0, 0, 0, 0 },
	{ "sớm", DUE_UNKNOWN, 0, 0, 0, 0, 0 },
	{ "Quý III/26", DUE_UNKNOWN, 0, 0, 0, 0, 0 },
	{ "Quý IV/2026 nếu đủ kinh phí", DUE_UNKNOWN, 0, 0, 0, 0, 0 },
	{ "trong vòng 30 ngày", DUE_UNKNOWN, 0, 0, 0, 0, 0 },
	{ "Thời hạn:", DUE_UNKNOWN, 0, 0, 0, 0, 0 },
};

static void check_wordings(void)
{
	int n = (int)(sizeof wordings / sizeof wordings[0]);
	CHECK(n >= 60);
	for (int i = 0; i < n; i++) {
		const struct wording *w = &wordings[i];
		struct due due;
		struct cchc_err err = { 0 };
		struct ymd occ[12];
		int rc = due_parse(w->text, 2026, &due, &err);
		int nocc = due_occurrences(&due, 2026, occ, 12);
		bool ok = rc == CCHC_OK && due.kind == w->kind && nocc == w->nocc &&
			  (!nocc || (occ[0].y == w->y && occ[0].m == w->m && occ[0].d == w->d)) &&
			  due.every == w->every && (w->kind == DUE_UNKNOWN) == (due.why[0] != 0);
		check_count++;
		if (!ok) {
			check_failures++;
			fprintf(stderr, "due \"%s\": rc %d kind %s every %c, %d occurrences from "
				"%04d-%02d-%02d; why \"%s\"\n", w->text, rc, due_kind_name(due.kind),
				due.every ? due.every : '-', nocc, nocc ? occ[0].y : 0,
				nocc ? occ[0].m : 0, nocc ? occ[0].d : 0, due.why);
		}
	}
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
	check_wordings();
	/* what was not understood is named for the clerk */
	due_parse("31/02/2026", 2026, &due, &err);
	CHECK(due.kind == DUE_UNKNOWN &&
	      strcmp(due.why, "không có ngày 31/02/2026 (tháng 2 chỉ có 28 ngày)") == 0);
	due_parse("Quý IV/2026 nếu đủ kinh phí", 2026, &due, &err);
	CHECK(strcmp(due.why, "phần \"nếu đủ kinh phí\" chưa hiểu") == 0);
	due_parse("Quý III/26", 2026, &due, &err);
	CHECK(strstr(due.why, "bốn chữ số") != NULL);
	/* reasons that say what is wrong, not something else */
	due_parse("Từ ngày 01/01/2026", 2026, &due, &err);
	CHECK(strstr(due.why, "chỉ ghi lúc bắt đầu") != NULL);
	due_parse("Báo cáo quý trước ngày 15 của tháng cuối quý; báo cáo năm trước ngày 15/12", 2026,
		  &due, &err);
	CHECK(strstr(due.why, "ghi 2 thời hạn") != NULL);
	due_parse("Trong 30 ngày kể từ ngày ban hành Kế hoạch", 2026, &due, &err);
	CHECK(strstr(due.why, "ngày ban hành kế hoạch") != NULL);
	due_parse("Trong vòng 10 ngày làm việc", 2026, &due, &err);
	CHECK(strstr(due.why, "không ghi tính từ ngày nào") != NULL);
	due_parse("2026/13/15", 2026, &due, &err);
	CHECK(strcmp(due.why, "tháng phải từ 1 đến 12") == 0);
	due_parse("Quý V/2026", 2026, &due, &err);
	CHECK(strcmp(due.why, "quý phải là I, II, III hoặc IV") == 0);
	/* a range of months keeps its first day */
	due_parse("Tháng 11/2026 - tháng 01/2027", 2026, &due, &err);
	CHECK(same(due.from, 2026, 11, 1));
	/* a range keeps its first day */
	due_parse("từ 01/3 đến 30/6/2026", 2026, &due, &err);
	CHECK(same(due.from, 2026, 3, 1) && same(due.date, 2026, 6, 30));
	/* the half-year's occurrences and their names */
	due_parse("định kỳ 6 tháng", 2026, &due, &err);
	CHECK_INT(due_occurrences(&due, 2026, occ, 12), 2);
	CHECK(same(occ[1], 2026, 12, 31));
	char label[40];
	due_occurrence_label('h', occ[0], label, sizeof label);
	CHECK(strcmp(label, "6 tháng đầu năm 2026") == 0);
	due_occurrence_label('h', occ[1], label, sizeof label);
	CHECK(strcmp(label, "6 tháng cuối năm 2026") == 0);
	/* the kinds with no day, as lists show them */
	CHECK(strcmp(due_kind_label("unknown"), "chưa xác định") == 0);
	CHECK(strcmp(due_kind_label("asneeded"), "theo yêu cầu") == 0);
	CHECK(strcmp(due_kind_label("ongoing"), "thường xuyên") == 0);
	CHECK(strcmp(due_kind_label("date"), "-") == 0);
	return check_report("test_due");
}
