#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "core/due.h"
#include "text/fold.h"
#include "text/lunar.h"

const char *due_kind_name(enum due_kind k)
{
	static const char *const names[] = { "none", "date", "before", "quarter", "month",
					     "year", "recurring", "ongoing" };
	return names[k];
}

static bool starts(const char *s, const char *p)
{
	return strncmp(s, p, strlen(p)) == 0;
}

static const char *skip_spaces(const char *s)
{
	while (*s == ' ')
		s++;
	return s;
}

/* "III", "3" -> 3 */
static int quarter_number(const char **p)
{
	static const char *const roman[] = { "iv", "iii", "ii", "i" };
	static const int value[] = { 4, 3, 2, 1 };
	for (int i = 0; i < 4; i++)
		if (starts(*p, roman[i])) {
			*p += strlen(roman[i]);
			return value[i];
		}
	if (**p >= '1' && **p <= '4') {
		return *(*p)++ - '0';
	}
	return 0;
}

/* "/2026", " nam 2026", "-2026" or nothing (then the plan's year). */
static int year_after(const char **p, int year)
{
	const char *s = skip_spaces(*p);
	if (*s == '/' || *s == '-')
		s++;
	else if (starts(s, "nam "))
		s += 4;
	s = skip_spaces(s);
	int v = 0, k = 0;
	while (s[k] >= '0' && s[k] <= '9' && k < 5)
		v = v * 10 + (s[k++] - '0');
	if (k == 4) {
		*p = s + 4;
		return v;
	}
	return k == 0 ? year : -1; /* "Quý III/26": say so rather than guess */
}

/* What may follow a deadline: nothing, punctuation, or a remark in
 * parentheses; other words mean the text says more than was understood. */
static bool rest_ok(const char *p)
{
	p += strspn(p, " .,;");
	return *p == '\0' || *p == '(';
}

static struct ymd last_day(int y, int m)
{
	return (struct ymd){ y, m, date_days_in_month(y, m) };
}

/* A date at p: dd/mm/yyyy, dd/mm (plan's year) or ISO. */
static bool date_at(const char *p, int year, struct ymd *d)
{
	char buf[16];
	size_t n = strspn(p, "0123456789/-.");
	if (n == 0 || n >= sizeof buf)
		return false;
	memcpy(buf, p, n);
	buf[n] = '\0';
	if (date_parse_dmy(buf, d) || date_parse_iso(buf, d))
		return true;
	int dd, mm, k = 0;
	if (sscanf(buf, "%d/%d%n", &dd, &mm, &k) == 2 && (size_t)k == n && date_valid(year, mm, dd)) {
		*d = (struct ymd){ year, mm, dd };
		return true;
	}
	return false;
}

static int parse_folded(const char *f, int year, struct due *out)
{
	const char *p = skip_spaces(f);
	if (!*p)
		return out->kind = DUE_NONE, 0;
	if (starts(p, "thuong xuyen") || starts(p, "lien tuc"))
		return out->kind = DUE_ONGOING, 0;
	bool periodic = false;
	if (starts(p, "dinh ky ")) {
		p = skip_spaces(p + 8);
		periodic = true;
	}
	if (starts(p, "hang ")) {
		p = skip_spaces(p + 5);
		periodic = true;
	}
	if (periodic) {
		out->kind = DUE_RECURRING;
		out->every = starts(p, "thang") ? 'm' : starts(p, "quy") ? 'q' : starts(p, "nam") ? 'y' : 0;
		p += out->every == 'm' ? 5 : out->every ? 3 : 0;
		return out->every && rest_ok(p) ? 0 : -1;
	}
	bool before = false;
	static const char *const befores[] = { "truoc ngay ", "truoc ", "cham nhat ngay ",
					       "cham nhat ", "han chot ", "khong qua " };
	for (size_t i = 0; i < sizeof befores / sizeof befores[0]; i++)
		if (starts(p, befores[i])) {
			p = skip_spaces(p + strlen(befores[i]));
			before = strncmp(befores[i], "truoc", 5) == 0;
			break;
		}
	if (starts(p, "ngay "))
		p += 5;
	struct ymd start = { 0, 0, 0 }; /* the period's first day, for "trước" */
	if (starts(p, "quy ")) {
		p += 4;
		int q = quarter_number(&p);
		int y = year_after(&p, year);
		if (!q || y < 0)
			return -1;
		out->kind = DUE_QUARTER;
		out->date = last_day(y, q * 3);
		start = (struct ymd){ y, q * 3 - 2, 1 };
	} else if (starts(p, "thang ")) {
		p += 6;
		int m = atoi(p);
		p += strspn(p, "0123456789");
		int y = year_after(&p, year);
		if (m < 1 || m > 12 || y < 0)
			return -1;
		out->kind = DUE_MONTH;
		out->date = last_day(y, m);
		start = (struct ymd){ y, m, 1 };
	} else if (starts(p, "nam ")) {
		p += 4;
		int y = atoi(p);
		p += strspn(p, "0123456789");
		if (y < 1900 || y > 2999)
			return -1;
		out->kind = DUE_YEAR;
		out->date = (struct ymd){ y, 12, 31 };
		start = (struct ymd){ y, 1, 1 };
	} else if (date_at(p, year, &out->date)) {
		out->kind = DUE_DATE;
		start = out->date;
		p += strspn(p, "0123456789/-.");
	} else {
		return -1;
	}
	if (!rest_ok(p))
		return -1;
	if (before) { /* "trước 30/11": the 29th; "trước Quý III": 30/6 */
		out->kind = DUE_BEFORE;
		out->date = date_from_jd(date_to_jd(start) - 1);
	}
	return 0;
}

int due_parse(const char *text, int year, struct due *out, struct cchc_err *err)
{
	memset(out, 0, sizeof *out);
	char *f = text_fold(text, false);
	int r = parse_folded(f, year, out);
	free(f);
	if (r == 0 && out->kind != DUE_NONE && out->kind != DUE_ONGOING &&
	    out->kind != DUE_RECURRING && !date_valid(out->date.y, out->date.m, out->date.d))
		r = -1;
	if (r)
		return err_set(err, CCHC_EINPUT,
			       "Không hiểu thời hạn \"%s\": hãy ghi một ngày (30/11/2026), \"trước "
			       "30/11/2026\", \"Quý III/2026\", \"Tháng 6/2026\", \"Năm 2026\", \"hằng "
			       "quý\", \"hằng tháng\", \"hằng năm\" hoặc \"thường xuyên\"", text);
	return CCHC_OK;
}

int due_occurrences(const struct due *d, int year, struct ymd *out, int max)
{
	int n = 0;
	if (d->kind == DUE_RECURRING) {
		int step = d->every == 'm' ? 1 : d->every == 'q' ? 3 : 12;
		for (int m = step; m <= 12 && n < max; m += step)
			out[n++] = last_day(year, m);
	} else if (d->kind != DUE_NONE && d->kind != DUE_ONGOING && max > 0) {
		out[n++] = d->date;
	}
	return n;
}

static int ymd_cmp(struct ymd a, struct ymd b)
{
	return a.y != b.y ? a.y - b.y : a.m != b.m ? a.m - b.m : a.d - b.d;
}

/* The first day of the occurrence ending on end. */
static struct ymd occurrence_start(char every, struct ymd end)
{
	int m = every == 'y' ? 1 : every == 'q' ? end.m - 2 : end.m;
	return (struct ymd){ end.y, m < 1 ? 1 : m, 1 };
}

/* "2026-Q3", "2026-09", "2026": the period code a note may name. */
static void occurrence_code(char every, struct ymd end, char out[32])
{
	if (every == 'q')
		snprintf(out, 32, "%04d-Q%d", end.y, (end.m + 2) / 3);
	else if (every == 'm')
		snprintf(out, 32, "%04d-%02d", end.y, end.m);
	else
		snprintf(out, 32, "%04d", end.y);
}

static bool reported(char every, struct ymd end, const struct due_note *notes, int nnotes,
		     struct ymd asof)
{
	struct ymd start = occurrence_start(every, end);
	char code[32];
	occurrence_code(every, end, code);
	for (int i = 0; i < nnotes; i++) {
		if (ymd_cmp(notes[i].on, asof) > 0)
			continue;   /* not written yet on that day */
		if ((ymd_cmp(notes[i].on, start) >= 0 && ymd_cmp(notes[i].on, end) <= 0) ||
		    strcasecmp(notes[i].period, code) == 0)
			return true;
	}
	return false;
}

void due_track(char every, const struct ymd *ends, int nends, struct ymd assigned,
	       const struct due_note *notes, int nnotes, struct ymd asof, struct due_track *out)
{
	memset(out, 0, sizeof *out);
	int last = -1;   /* the last occurrence the task has, unreported or not */
	for (int i = 0; i < nends; i++) {
		if (ymd_cmp(ends[i], assigned) < 0)
			continue;   /* ended before the task existed */
		last = i;
		bool done = reported(every, ends[i], notes, nnotes, asof);
		if (ymd_cmp(ends[i], asof) >= 0) {
			if (!done && !out->due.y)
				out->due = ends[i];
		} else if (!done && out->nmissed < DUE_MAX_OCC) {
			out->missed[out->nmissed++] = ends[i];
		}
	}
	/* every occurrence has ended: the last one, unreported, is overdue */
	if (!out->due.y && last >= 0 && ymd_cmp(ends[last], asof) < 0 && out->nmissed &&
	    ymd_cmp(out->missed[out->nmissed - 1], ends[last]) == 0)
		out->due = out->missed[--out->nmissed];
}

void due_occurrence_label(char every, struct ymd end, char *out, size_t n)
{
	static const char *const roman[] = { "I", "II", "III", "IV" };
	if (every == 'q')
		snprintf(out, n, "quý %s/%d", roman[(end.m - 1) / 3], end.y);
	else if (every == 'm')
		snprintf(out, n, "tháng %d/%d", end.m, end.y);
	else
		snprintf(out, n, "năm %d", end.y);
}
