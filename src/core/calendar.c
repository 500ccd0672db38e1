#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/calendar.h"
#include "store/datafile.h"
#include "text/fold.h"
#include "text/lunar.h"
#include "text/utf8.h"
#include "util/fsutil.h"
#include "util/sbuf.h"

struct year_days {
	int year;
	bool computed;
	char *empty;        /* the holiday file that had no dates, if one had none */
	struct holiday *v;
	int n;
};

struct calendar {
	struct year_days *years;
	int nyears;
};

struct calendar *calendar_new(void)
{
	return xcalloc(1, sizeof(struct calendar));
}

void calendar_free(struct calendar *c)
{
	if (!c)
		return;
	for (int i = 0; i < c->nyears; i++) {
		free(c->years[i].v);
		free(c->years[i].empty);
	}
	free(c->years);
	free(c);
}

static struct year_days *find_year(struct calendar *c, int year)
{
	for (int i = 0; i < c->nyears; i++)
		if (c->years[i].year == year)
			return &c->years[i];
	return NULL;
}

static struct year_days *new_year(struct calendar *c, int year)
{
	c->years = xrealloc(c->years, sizeof *c->years * (size_t)(c->nyears + 1));
	struct year_days *y = &c->years[c->nyears++];
	memset(y, 0, sizeof *y);
	y->year = year;
	return y;
}

static void add_day(struct year_days *y, struct ymd d, bool work, const char *name)
{
	for (int i = 0; i < y->n; i++)
		if (date_to_jd(y->v[i].d) == date_to_jd(d))
			return;
	y->v = xrealloc(y->v, sizeof *y->v * (size_t)(y->n + 1));
	struct holiday *h = &y->v[y->n++];
	h->d = d;
	h->work = work;
	snprintf(h->name, sizeof h->name, "%s", name);
}

static int by_date(const void *a, const void *b)
{
	long x = date_to_jd(((const struct holiday *)a)->d), y = date_to_jd(((const struct holiday *)b)->d);
	return (x > y) - (x < y);
}

static bool is_weekend(struct ymd d)
{
	return date_weekday(d) >= 5;
}

static bool listed_off(const struct year_days *y, long jd)
{
	for (int i = 0; i < y->n; i++)
		if (!y->v[i].work && date_to_jd(y->v[i].d) == jd)
			return true;
	return false;
}

/* The Labour Code's days off: 1/1; Tết, the last day of the lunar year and
 * the first four of the new one; Giỗ Tổ 10/3 lunar; 30/4; 1/5; 2/9 and a
 * neighbouring day (the one next to a weekend). A day off on a weekend is
 * made up on the next working day. */
static void compute_year(struct year_days *y)
{
	int yr = y->year;
	y->computed = true;
	add_day(y, (struct ymd){ yr, 1, 1 }, false, "Tết Dương lịch");
	struct ymd tet;
	if (lunar_to_solar(1, 1, yr, false, &tet))
		for (int i = -1; i <= 3; i++)
			add_day(y, date_from_jd(date_to_jd(tet) + i), false, "Tết Nguyên đán");
	struct ymd gio;
	if (lunar_to_solar(10, 3, yr, false, &gio))
		add_day(y, gio, false, "Giỗ Tổ Hùng Vương");
	add_day(y, (struct ymd){ yr, 4, 30 }, false, "Ngày Chiến thắng");
	add_day(y, (struct ymd){ yr, 5, 1 }, false, "Quốc tế Lao động");
	struct ymd qk = { yr, 9, 2 };
	int wd = date_weekday(qk);
	int next = wd == 0 || wd == 3 || wd == 6 ? 1 : -1; /* Mon, Thu, Sun: 3/9 */
	add_day(y, qk, false, "Quốc khánh");
	add_day(y, date_from_jd(date_to_jd(qk) + next), false, "Quốc khánh");
	int base = y->n;
	for (int i = 0; i < base; i++) {
		if (!is_weekend(y->v[i].d))
			continue;
		long jd = date_to_jd(y->v[i].d) + 1;
		while (is_weekend(date_from_jd(jd)) || listed_off(y, jd))
			jd++;
		add_day(y, date_from_jd(jd), false, "Nghỉ bù");
	}
	qsort(y->v, (size_t)y->n, sizeof *y->v, by_date);
}

/* One line: "YYYY-MM-DD nghỉ|làm Name" (also dd/mm/yyyy); # comments. */
static int parse_line(struct year_days *y, char *line, const char *what, int lineno,
		      struct cchc_err *err)
{
	char *hash = strchr(line, '#');
	if (hash)
		*hash = '\0';
	char date[32] = "", kind[32] = "";
	int used = 0;
	if (sscanf(line, " %31s %31s %n", date, kind, &used) < 1 || !*date)
		return CCHC_OK;
	struct ymd d;
	if (!date_parse_iso(date, &d) && !date_parse_dmy(date, &d))
		return err_set(err, CCHC_EINPUT, "%s:%d: ngày \"%s\" không hợp lệ", what, lineno, date);
	if (d.y != y->year)
		return err_set(err, CCHC_EINPUT, "%s:%d: ngày %s không thuộc năm %d", what, lineno,
			       date, y->year);
	char *k = text_fold(kind, false);
	bool work = strcmp(k, "lam") == 0, off = strcmp(k, "nghi") == 0;
	free(k);
	if (!work && !off)
		return err_set(err, CCHC_EINPUT, "%s:%d: sau ngày phải ghi \"nghỉ\" hoặc \"làm\" "
			       "(làm bù)", what, lineno);
	char *name = text_squeeze(line + used);
	add_day(y, d, work, *name ? name : (work ? "Làm bù" : "Ngày nghỉ"));
	free(name);
	return CCHC_OK;
}

int calendar_parse(struct calendar *c, int year, const char *text, const char *what,
		   struct cchc_err *err)
{
	if (find_year(c, year))
		return err_set(err, CCHC_EINPUT, "%s: năm %d đã có ngày nghỉ", what, year);
	struct year_days *y = new_year(c, year);
	if (strncmp(text, "\xef\xbb\xbf", 3) == 0) /* a BOM, as Notepad saves UTF-8 */
		text += 3;
	char *copy = xstrdup(text), *save = NULL;
	int lineno = 0, rc = CCHC_OK;
	for (char *p = copy; rc == CCHC_OK && p; p = save) {
		save = strchr(p, '\n');
		if (save)
			*save++ = '\0';
		rc = parse_line(y, p, what, ++lineno, err);
	}
	free(copy);
	if (rc) {
		c->nyears--; /* forget the half-read year */
		free(y->v);
		return rc;
	}
	if (!y->n) { /* only comments or blank lines: the rules, and say so */
		y->empty = xstrdup(what);
		compute_year(y);
		return CCHC_OK;
	}
	qsort(y->v, (size_t)y->n, sizeof *y->v, by_date);
	return CCHC_OK;
}

/* The clerk's file, else the installed or built-in one, else NULL. */
static char *holiday_file(int year, char **what)
{
	char name[64];
	snprintf(name, sizeof name, "data/holidays/%d.txt", year);
	char *dir = datafile_config_dir();
	struct sbuf path = SBUF_INIT;
	sbuf_addf(&path, "%s/holidays/%d.txt", dir, year);
	free(dir);
	char *text = NULL;
	size_t n;
	struct cchc_err ignored;
	if (fs_read_file(path.s, 1 << 20, &text, &n, &ignored) == CCHC_OK) {
		*what = sbuf_detach(&path);
		return text;
	}
	sbuf_free(&path);
	*what = xstrdup(name);
	return datafile_read(name, NULL, NULL);
}

int calendar_load(struct calendar *c, int year, struct cchc_err *err)
{
	if (find_year(c, year))
		return CCHC_OK;
	char *what = NULL;
	char *text = holiday_file(year, &what);
	int rc = CCHC_OK;
	if (text)
		rc = calendar_parse(c, year, text, what, err);
	else
		compute_year(new_year(c, year));
	free(text);
	free(what);
	return rc;
}

bool calendar_is_workday(struct calendar *c, struct ymd d)
{
	struct cchc_err err;
	if (calendar_load(c, d.y, &err) != CCHC_OK)
		return !is_weekend(d);
	const struct year_days *y = find_year(c, d.y);
	long jd = date_to_jd(d);
	for (int i = 0; i < y->n; i++)
		if (date_to_jd(y->v[i].d) == jd)
			return y->v[i].work;
	return !is_weekend(d);
}

int calendar_add(struct calendar *c, struct ymd from, int n, struct ymd *out, struct cchc_err *err)
{
	long jd = date_to_jd(from);
	int step = n < 0 ? -1 : 1, left = n < 0 ? -n : n;
	while (left > 0) {
		jd += step;
		struct ymd d = date_from_jd(jd);
		if (calendar_load(c, d.y, err))
			return err->code;
		if (calendar_is_workday(c, d))
			left--;
	}
	*out = date_from_jd(jd);
	return CCHC_OK;
}

/* Monday to Friday in (ja, jb]: whole weeks, then the days left. */
static long weekdays_between(long ja, long jb)
{
	long n = jb - ja, count = n / 7 * 5;
	for (long jd = ja + 1 + n / 7 * 7; jd <= jb; jd++)
		count += !is_weekend(date_from_jd(jd));
	return count;
}

/* Counted, not walked day by day: the weekdays, less the listed days off
 * that fall on a weekday, plus the make-up working days on a weekend. */
int calendar_add_iso(const char *from, int n, char out[11], struct cchc_err *err)
{
	struct ymd d, r;
	if (!from || !date_parse_iso(from, &d))
		return err_set(err, CCHC_EINPUT, "Ngày \"%s\" không hợp lệ (dd/mm/yyyy hoặc "
			       "YYYY-MM-DD)", from ? from : "");
	struct calendar *c = calendar_new();
	int rc = calendar_add(c, d, n, &r, err);
	calendar_free(c);
	if (rc == CCHC_OK)
		date_format_iso(r, out);
	return rc;
}

int calendar_between(struct calendar *c, struct ymd a, struct ymd b, int *out, struct cchc_err *err)
{
	long ja = date_to_jd(a), jb = date_to_jd(b);
	int sign = 1;
	if (jb < ja) {
		long t = ja;
		ja = jb, jb = t, sign = -1;
	}
	long count = weekdays_between(ja, jb);
	int last = date_from_jd(jb).y;
	for (int year = date_from_jd(ja + 1).y; jb > ja && year <= last; year++) {
		if (calendar_load(c, year, err))
			return err->code;
		const struct year_days *y = find_year(c, year);
		for (int i = 0; i < y->n; i++) {
			long jd = date_to_jd(y->v[i].d);
			bool weekend = is_weekend(y->v[i].d);
			if (jd > ja && jd <= jb)
				count += y->v[i].work ? weekend : -(long)!weekend;
		}
	}
	*out = sign * (int)count;
	return CCHC_OK;
}

const struct holiday *calendar_year(struct calendar *c, int year, int *n, struct cchc_err *err)
{
	if (calendar_load(c, year, err))
		return NULL;
	const struct year_days *y = find_year(c, year);
	*n = y->n;
	return y->v;
}

bool calendar_computed(struct calendar *c, int year)
{
	const struct year_days *y = find_year(c, year);
	return y && y->computed;
}

const char *calendar_empty_file(struct calendar *c, int year)
{
	const struct year_days *y = find_year(c, year);
	return y ? y->empty : NULL;
}
