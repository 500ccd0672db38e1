#include <config.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "core/period.h"

/* Each named period covers calendar months first..last of its year. */
static const struct {
	enum period_kind kind;
	const char *code;       /* after "YYYY-"; "" for the year */
	const char *alias;      /* another spelling, or NULL */
	int first, last;
	const char *label;      /* before "năm YYYY" */
} named[] = {
	{ PERIOD_Q1, "Q1", NULL, 1, 3, "quý I " },
	{ PERIOD_Q2, "Q2", NULL, 4, 6, "quý II " },
	{ PERIOD_Q3, "Q3", NULL, 7, 9, "quý III " },
	{ PERIOD_Q4, "Q4", NULL, 10, 12, "quý IV " },
	{ PERIOD_H1, "H1", "6T", 1, 6, "6 tháng đầu " },
	{ PERIOD_9M, "9M", "9T", 1, 9, "9 tháng " },
	{ PERIOD_YEAR, "", NULL, 1, 12, "" },
};
#define NNAMED (sizeof named / sizeof named[0])

static struct ymd month_day(int y, int m, int d)
{
	if (m < 1) {
		m += 12;
		y--;
	}
	struct ymd r = { y, m, d };
	return r;
}

void period_bounds(int year, enum period_kind kind, int cutoff_day, struct ymd *from,
		   struct ymd *to)
{
	size_t i = 0;
	while (i < NNAMED - 1 && named[i].kind != kind)
		i++;
	if (cutoff_day < 1 || cutoff_day > 28)
		cutoff_day = 15;
	if (cutoff_day == 1) {
		*from = month_day(year, named[i].first, 1);
		*to = month_day(year, named[i].last, date_days_in_month(year, named[i].last));
	} else {
		*from = month_day(year, named[i].first - 1, cutoff_day);
		*to = month_day(year, named[i].last, cutoff_day - 1);
	}
}

static void fill_named(struct period *p, int year, size_t i, int cutoff_day)
{
	p->kind = named[i].kind;
	p->year = year;
	period_bounds(year, p->kind, cutoff_day, &p->from, &p->to);
	snprintf(p->code, sizeof p->code, "%d%s%s", year, *named[i].code ? "-" : "", named[i].code);
	snprintf(p->label, sizeof p->label, "%snăm %d", named[i].label, year);
}

static bool parse_day(const char *s, struct ymd *d)
{
	return date_parse_iso(s, d) || date_parse_dmy(s, d);
}

static int ymd_cmp(struct ymd a, struct ymd b)
{
	return a.y != b.y ? a.y - b.y : a.m != b.m ? a.m - b.m : a.d - b.d;
}

static int parse_range(const char *s, const char *dots, struct period *p, struct cchc_err *err)
{
	char a[32];
	size_t n = (size_t)(dots - s);
	if (n < sizeof a) {
		memcpy(a, s, n);
		a[n] = 0;
	}
	if (n >= sizeof a || !parse_day(a, &p->from) || !parse_day(dots + 2, &p->to))
		return err_set(err, CCHC_EINPUT, "Kỳ \"%s\": ngày không hợp lệ (dạng TỪ..ĐẾN, ví dụ "
			       "2026-01-01..2026-03-31 hoặc 01/01/2026..31/03/2026)", s);
	if (ymd_cmp(p->from, p->to) > 0)
		return err_set(err, CCHC_EINPUT, "Kỳ \"%s\": ngày bắt đầu sau ngày kết thúc", s);
	char f[11], t[11];
	date_format_iso(p->from, f);
	date_format_iso(p->to, t);
	p->kind = PERIOD_CUSTOM;
	p->year = p->to.y;
	snprintf(p->code, sizeof p->code, "%s..%s", f, t);
	date_format_vn(p->from, f);
	date_format_vn(p->to, t);
	snprintf(p->label, sizeof p->label, "từ %s đến %s", f, t);
	return CCHC_OK;
}

int period_parse(const char *s, int cutoff_day, struct period *out, struct cchc_err *err)
{
	memset(out, 0, sizeof *out);
	const char *dots = strstr(s, "..");
	if (dots)
		return parse_range(s, dots, out, err);
	int year = 0, used = 0;
	/* from 1901: the year 1900's periods start in December 1899, before
	 * the first date the program knows */
	if (sscanf(s, "%4d%n", &year, &used) == 1 && used == 4 && year >= 1901 && year <= 2999) {
		const char *rest = s + 4;
		if (*rest == '-')
			rest++;
		for (size_t i = 0; i < NNAMED; i++) {
			bool dash_ok = *named[i].code ? s[4] == '-' : s[4] == 0;
			if (dash_ok && (strcasecmp(rest, named[i].code) == 0 ||
					(named[i].alias && strcasecmp(rest, named[i].alias) == 0))) {
				fill_named(out, year, i, cutoff_day);
				return CCHC_OK;
			}
		}
	}
	return err_set(err, CCHC_EINPUT, "Kỳ báo cáo \"%s\" không hiểu: dùng 2026-Q1, 2026-H1, "
		       "2026-Q3, 2026-9M, 2026, 2026-Q2, 2026-Q4 hoặc TỪ..ĐẾN", s);
}

void period_containing(struct ymd d, enum period_kind kind, int cutoff_day, struct period *out)
{
	size_t i = 0;
	while (i < NNAMED - 1 && named[i].kind != kind)
		i++;
	memset(out, 0, sizeof *out);
	for (int y = d.y - 1; y <= d.y + 1; y++) {
		fill_named(out, y, i, cutoff_day);
		if (ymd_cmp(out->from, d) <= 0 && ymd_cmp(d, out->to) <= 0)
			return;
	}
	/* Between periods of this kind (e.g. after 9 tháng's cut-off): the next one. */
	for (int y = d.y; y <= d.y + 1; y++) {
		fill_named(out, y, i, cutoff_day);
		if (ymd_cmp(d, out->to) <= 0)
			return;
	}
}

void period_iso(const struct period *p, char from[11], char to[11])
{
	date_format_iso(p->from, from);
	date_format_iso(p->to, to);
}
