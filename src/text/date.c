#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "text/date.h"

int date_days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m < 1 || m > 12)
		return 0;
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

bool date_valid(int y, int m, int d)
{
	return y >= 1900 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= date_days_in_month(y, m);
}

/* Whether s is "DDDD-DD-DD" with digits, read without sscanf (a year's
 * report reads some 15,000 dates). */
static bool plain_iso(const char *s, int *y, int *m, int *d)
{
	for (int i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : s[i] < '0' || s[i] > '9')
			return false;
	if (s[10])
		return false;
	*y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	*m = (s[5] - '0') * 10 + (s[6] - '0');
	*d = (s[8] - '0') * 10 + (s[9] - '0');
	return true;
}

bool date_parse_iso(const char *s, struct ymd *out)
{
	int y, m, d, n = 0;
	if (!plain_iso(s, &y, &m, &d) && (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%n", &y, &m,
										  &d, &n) != 3 || n != 10))
		return false;
	if (!date_valid(y, m, d))
		return false;
	out->y = y, out->m = m, out->d = d;
	return true;
}

static int read_num(const char **p, int maxdigits)
{
	int v = 0, k = 0;
	while (k < maxdigits && **p >= '0' && **p <= '9') {
		v = v * 10 + (**p - '0');
		(*p)++;
		k++;
	}
	return k ? v : -1;
}

bool date_parse_dmy(const char *s, struct ymd *out)
{
	const char *p = s;
	int d = read_num(&p, 2);
	if (d < 0 || (*p != '/' && *p != '-' && *p != '.'))
		return false;
	char sep = *p++;
	int m = read_num(&p, 2);
	if (m < 0 || *p != sep)
		return false;
	p++;
	const char *ys = p;
	int y = read_num(&p, 4);
	if (p - ys != 4 || *p != '\0' || !date_valid(y, m, d))
		return false;
	out->y = y, out->m = m, out->d = d;
	return true;
}

/* v (below 10^width) in width digits, zeros before. */
static char *put_digits(char *p, unsigned v, int width)
{
	for (int i = width - 1; i >= 0; i--, v /= 10)
		p[i] = (char)('0' + v % 10);
	return p + width;
}

/* Both written by hand: a year's report formats some 20,000 dates, each
 * through snprintf before. */
void date_format_iso(struct ymd d, char out[11])
{
	char *p = put_digits(out, (unsigned)d.y % 10000u, 4);
	*p++ = '-';
	p = put_digits(p, (unsigned)d.m % 100u, 2);
	*p++ = '-';
	put_digits(p, (unsigned)d.d % 100u, 2)[0] = 0;
}

void date_format_vn(struct ymd d, char out[11])
{
	char *p = put_digits(out, (unsigned)d.d % 100u, 2);
	*p++ = '/';
	p = put_digits(p, (unsigned)d.m % 100u, 2);
	*p++ = '/';
	put_digits(p, (unsigned)d.y % 10000u, 4)[0] = 0;
}

int date_today(struct ymd *out, struct cchc_err *err)
{
	const char *env = getenv("CCHC_TODAY");
	if (env && *env) {
		if (!date_parse_iso(env, out))
			return err_set(err, CCHC_EINPUT,
				       "CCHC_TODAY=\"%s\" không hợp lệ: hãy ghi ngày dạng YYYY-MM-DD", env);
		return CCHC_OK;
	}
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	out->y = tm.tm_year + 1900, out->m = tm.tm_mon + 1, out->d = tm.tm_mday;
	return CCHC_OK;
}
