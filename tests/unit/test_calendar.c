/* The lunar calendar, the holiday rules and files, working-day arithmetic. */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "core/calendar.h"
#include "text/lunar.h"

static struct ymd D(int y, int m, int d)
{
	return (struct ymd){ y, m, d };
}

#define CHECK_DATE(got, YY, MM, DD) do { \
	struct ymd g__ = (got); \
	check_count++; \
	if (g__.y != (YY) || g__.m != (MM) || g__.d != (DD)) { \
		check_failures++; \
		fprintf(stderr, "%s:%d: got %04d-%02d-%02d, want %04d-%02d-%02d\n", __FILE__, \
			__LINE__, g__.y, g__.m, g__.d, YY, MM, DD); \
	} \
} while (0)

static struct ymd lunar(int d, int m, int y)
{
	struct ymd r = { 0, 0, 0 };
	CHECK(lunar_to_solar(d, m, y, false, &r));
	return r;
}

static void test_lunar(void)
{
	CHECK_INT(date_weekday(D(2026, 11, 24)), 1); /* a Tuesday */
	CHECK_DATE(date_from_jd(date_to_jd(D(2024, 2, 29)) + 1), 2024, 3, 1);
	/* Tết as DOMAIN.md gives it, and more years */
	CHECK_DATE(lunar(1, 1, 2025), 2025, 1, 29);
	CHECK_DATE(lunar(1, 1, 2026), 2026, 2, 17);
	CHECK_DATE(lunar(1, 1, 2027), 2027, 2, 6);
	CHECK_DATE(lunar(1, 1, 2024), 2024, 2, 10);
	/* 2030: the new moon falls before midnight at UTC+7 but after it at
	 * UTC+8, so Vietnam's Tết is a day before China's (3/2) */
	CHECK_DATE(lunar(1, 1, 2030), 2030, 2, 2);
	/* 1985: Vietnam's Tết a month before China's; 1991 near midnight */
	CHECK_DATE(lunar(1, 1, 1985), 1985, 1, 21);
	CHECK_DATE(lunar(1, 1, 1991), 1991, 2, 15);
	/* Giỗ Tổ Hùng Vương, 10/3 lunar */
	CHECK_DATE(lunar(10, 3, 2025), 2025, 4, 7);
	CHECK_DATE(lunar(10, 3, 2026), 2026, 4, 26);
	/* 2025 has a leap 6th month */
	struct ymd r;
	CHECK(lunar_to_solar(1, 6, 2025, true, &r));
	CHECK_DATE(r, 2025, 7, 25);
	CHECK(!lunar_to_solar(1, 5, 2025, true, &r));
}

/* Every year 1901-2199 against a table from an independent implementation. */
static void test_lunar_table(void)
{
	const char *dir = getenv("top_srcdir");
	char path[1024];
	snprintf(path, sizeof path, "%s/tests/fixtures/lunar-1901-2199.txt", dir ? dir : ".");
	FILE *f = fopen(path, "r");
	CHECK(f != NULL);
	if (!f)
		return;
	char line[128];
	int years = 0;
	while (fgets(line, sizeof line, f)) {
		int y, ty, tm, td, gy, gm, gd;
		if (line[0] == '#' || sscanf(line, "%d %d-%d-%d %d-%d-%d", &y, &ty, &tm, &td, &gy, &gm,
					     &gd) != 7)
			continue;
		CHECK_DATE(lunar(1, 1, y), ty, tm, td);
		CHECK_DATE(lunar(10, 3, y), gy, gm, gd);
		years++;
	}
	fclose(f);
	CHECK_INT(years, 299);
}

static struct ymd add(struct calendar *c, struct ymd from, int n)
{
	struct ymd out = { 0, 0, 0 };
	struct cchc_err err = { 0 };
	CHECK(calendar_add(c, from, n, &out, &err) == CCHC_OK);
	return out;
}

/* The day-by-day count that calendar_between must equal. */
static int walked(struct calendar *c, struct ymd a, struct ymd b)
{
	long ja = date_to_jd(a), jb = date_to_jd(b);
	int n = 0;
	for (long jd = ja + 1; jd <= jb; jd++)
		n += calendar_is_workday(c, date_from_jd(jd));
	return n;
}

static void test_between_counted(struct calendar *c)
{
	unsigned seed = 12345;
	for (int i = 0; i < 3000; i++) {
		seed = seed * 1103515245u + 12345u;
		long ja = date_to_jd((struct ymd){ 2019, 1, 1 }) + (long)(seed >> 8) % 4000;
		seed = seed * 1103515245u + 12345u;
		long jb = ja + (long)(seed >> 8) % 900;
		struct ymd a = date_from_jd(ja), b = date_from_jd(jb);
		int n = -1;
		struct cchc_err err;
		check_count++;
		if (calendar_between(c, a, b, &n, &err) || n != walked(c, a, b)) {
			check_failures++;
			fprintf(stderr, "between %04d-%02d-%02d %04d-%02d-%02d: %d, walked %d\n", a.y,
				a.m, a.d, b.y, b.m, b.d, n, walked(c, a, b));
		}
	}
}

static int between(struct calendar *c, struct ymd a, struct ymd b)
{
	int n = -999;
	struct cchc_err err = { 0 };
	CHECK(calendar_between(c, a, b, &n, &err) == CCHC_OK);
	return n;
}

static void test_working_days(void)
{
	struct calendar *c = calendar_new();
	/* the example: 30/4 and 1/5 are holidays, then a weekend */
	CHECK_DATE(add(c, D(2026, 4, 29), 1), 2026, 5, 4);
	CHECK_INT(between(c, D(2026, 4, 29), D(2026, 5, 4)), 1);
	CHECK_DATE(add(c, D(2026, 5, 4), -1), 2026, 4, 29);
	/* Tết 2026 (computed): 16/2 to 20/2 off, with the weekends 14-22/2 */
	CHECK_DATE(add(c, D(2026, 2, 13), 1), 2026, 2, 23);
	CHECK(calendar_computed(c, 2026));
	/* Giỗ Tổ 2026 is a Sunday: Monday 27/4 is the day in lieu */
	CHECK(!calendar_is_workday(c, D(2026, 4, 27)));
	CHECK(calendar_is_workday(c, D(2026, 4, 28)));
	/* 2025 from its file: Tết 27/1 to 31/1, Saturday 8/2 made up */
	CHECK(calendar_is_workday(c, D(2025, 2, 8)));
	CHECK(!calendar_is_workday(c, D(2025, 1, 27)));
	CHECK(!calendar_computed(c, 2025));
	CHECK_DATE(add(c, D(2025, 1, 24), 1), 2025, 2, 3);
	CHECK_DATE(add(c, D(2025, 2, 7), 1), 2025, 2, 8);
	/* 30/4-1/5 2025: 2/5 swapped for Saturday 26/4 */
	CHECK(calendar_is_workday(c, D(2025, 4, 26)));
	CHECK_DATE(add(c, D(2025, 4, 29), 1), 2025, 5, 5);
	CHECK_INT(between(c, D(2025, 4, 25), D(2025, 5, 5)), 4); /* 26/4, 28/4, 29/4, 5/5 */
	/* Quốc khánh: 2025 (file) 1-2/9; 2026 (computed) 1-2/9; 2027 2/9 is a Thursday: 3/9 */
	CHECK_DATE(add(c, D(2025, 8, 29), 1), 2025, 9, 3);
	CHECK_DATE(add(c, D(2026, 8, 31), 1), 2026, 9, 3);
	CHECK(!calendar_is_workday(c, D(2027, 9, 3)));
	CHECK_DATE(add(c, D(2027, 9, 1), 1), 2027, 9, 6);
	/* across a year end and Tết 2027 (6/2 Saturday: days in lieu after) */
	CHECK_DATE(add(c, D(2026, 12, 31), 1), 2027, 1, 4);
	CHECK(!calendar_is_workday(c, D(2027, 2, 5)));
	CHECK(!calendar_is_workday(c, D(2027, 2, 9)));
	/* between and add agree both ways */
	struct ymd a = D(2026, 1, 5);
	for (int n = 1; n <= 300; n += 37)
		CHECK_INT(between(c, a, add(c, a, n)), n);
	CHECK_INT(between(c, D(2026, 5, 4), D(2026, 4, 29)), -1);
	calendar_free(c);
}

static void test_files(void)
{
	struct calendar *c = calendar_new();
	struct cchc_err err = { 0 };
	CHECK(calendar_parse(c, 2031, "# x\n2031-01-02 nghỉ Nghỉ thêm\n04/01/2031 làm Làm bù\n",
			     "f", &err) == CCHC_OK);
	CHECK(!calendar_is_workday(c, D(2031, 1, 2)));
	CHECK(calendar_is_workday(c, D(2031, 1, 4)));    /* a Saturday made up */
	CHECK(calendar_is_workday(c, D(2031, 1, 1)));    /* a file replaces the rules */
	CHECK(calendar_parse(c, 2032, "2032-02-31 nghỉ X\n", "f.txt", &err) == CCHC_EINPUT);
	CHECK(strstr(err.msg, "f.txt:1: ngày \"2032-02-31\" không hợp lệ") != NULL);
	CHECK(calendar_parse(c, 2033, "\n2034-01-02 nghỉ X\n", "g", &err) == CCHC_EINPUT);
	CHECK(strstr(err.msg, "g:2:") && strstr(err.msg, "không thuộc năm 2033"));
	CHECK(calendar_parse(c, 2033, "2033-01-03 chơi X\n", "g", &err) == CCHC_EINPUT);
	CHECK(strstr(err.msg, "\"nghỉ\" hoặc \"làm\"") != NULL);
	/* a failed parse leaves the year to the rules */
	CHECK(!calendar_is_workday(c, D(2033, 1, 3))); /* 1/1/2033 is a Saturday */
	CHECK(calendar_is_workday(c, D(2033, 1, 4)));
	/* a file with no dates: the rules, and the file named as empty */
	CHECK(calendar_empty_file(c, 2031) == NULL);
	CHECK(calendar_parse(c, 2034, "# chưa có thông báo\n\n", "h.txt", &err) == CCHC_OK);
	CHECK(calendar_computed(c, 2034));
	CHECK_STR(calendar_empty_file(c, 2034), "h.txt");
	CHECK(calendar_parse(c, 2035, "", "i.txt", &err) == CCHC_OK);
	CHECK_STR(calendar_empty_file(c, 2035), "i.txt");
	/* a file saved with a BOM (Notepad's UTF-8) reads like one without */
	CHECK(calendar_parse(c, 2036, "\xef\xbb\xbf# Tết\n2036-01-01 nghỉ Tết Dương lịch\n", "j.txt",
			     &err) == CCHC_OK);
	CHECK(!calendar_is_workday(c, D(2036, 1, 1)));
	CHECK(!calendar_computed(c, 2036));
	CHECK(calendar_parse(c, 2037, "\xef\xbb\xbf" "2037-01-01 nghỉ Tết Dương lịch\n", "k.txt",
			     &err) == CCHC_OK);
	struct calendar *rules = calendar_new();
	int n, m;
	const struct holiday *a = calendar_year(c, 2034, &n, &err);
	const struct holiday *b = calendar_year(rules, 2034, &m, &err);
	CHECK(a && b && n == m && n > 8);
	for (int i = 0; a && b && i < n && i < m; i++)
		CHECK(date_to_jd(a[i].d) == date_to_jd(b[i].d) && a[i].work == b[i].work);
	CHECK(calendar_empty_file(rules, 2034) == NULL);
	calendar_free(rules);
	calendar_free(c);
}

int main(void)
{
	setenv("XDG_CONFIG_HOME", "/nonexistent", 1);
	test_lunar();
	test_lunar_table();
	test_working_days();
	struct calendar *c = calendar_new();
	test_between_counted(c);
	calendar_free(c);
	test_files();
	return check_report("test_calendar");
}
