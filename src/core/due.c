#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "core/calendar.h"
#include "core/due.h"
#include "text/fold.h"
#include "text/lunar.h"
#include "text/utf8.h"
#include "util/sbuf.h"

const char *due_kind_name(enum due_kind k)
{
	static const char *const names[] = { "none", "date", "before", "quarter", "month",
					     "year", "recurring", "ongoing", "period", "asneeded",
					     "unknown" };
	return names[k];
}

const char *due_kind_label(const char *kind)
{
	if (kind && strcmp(kind, "ongoing") == 0)
		return "thường xuyên";
	if (kind && strcmp(kind, "asneeded") == 0)
		return "theo yêu cầu";
	if (kind && strcmp(kind, "unknown") == 0)
		return "chưa xác định";
	return "-";
}

void due_unclear_why(const char *kind, const char *text, int year, char *out, size_t n)
{
	struct due d;
	if (kind && strcmp(kind, "recurring") == 0) {
		snprintf(out, n, "%s", DUE_PASSED_WHY);
		return;
	}
	due_parse(text ? text : "", year, &d, NULL);
	snprintf(out, n, "%s", d.why);
}

/* ---- reading the folded text ----
 * The text is folded (no tones, lower case, đ as d), its spaces made one,
 * none around '/', and its dashes '-'. Each reader below takes its words at
 * *p (and the spaces after) and returns 1, or 0 leaving *p when the words
 * are not there, or -1 when they are there but wrong (why then says how). */

struct rd {
	int year;          /* the plan's */
	char why[160];
	const char *rest;  /* words left after what was understood */
};

static bool alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (unsigned char)c >= 0x80;
}

static bool digit(char c)
{
	return c >= '0' && c <= '9';
}

static const char *skip_spaces(const char *s)
{
	while (*s == ' ')
		s++;
	return s;
}

/* The words w, whole, at *p. */
static bool take(const char **p, const char *w)
{
	size_t n = strlen(w);
	if (strncmp(*p, w, n) != 0 || (alnum(w[n - 1]) && alnum((*p)[n])))
		return false;
	*p = skip_spaces(*p + n);
	return true;
}

/* The first of the words in list (NULL-terminated) at *p; its index or -1. */
static int take_any(const char **p, const char *const *list)
{
	for (int i = 0; list[i]; i++)
		if (take(p, list[i]))
			return i;
	return -1;
}

/* A number of at most max digits, not followed by another digit. */
static bool take_num(const char **p, int max, int *v, int *ndigits)
{
	const char *s = *p;
	int n = 0, k = 0;
	while (digit(s[k]) && k < max)
		n = n * 10 + (s[k++] - '0');
	if (k == 0 || digit(s[k]) || (s[k] >= 'a' && s[k] <= 'z'))
		return false;
	*v = n;
	if (ndigits)
		*ndigits = k;
	*p = skip_spaces(s + k);
	return true;
}

static int bad(struct rd *r, const char *why)
{
	snprintf(r->why, sizeof r->why, "%s", why);
	return -1;
}

static struct ymd last_day(int y, int m)
{
	return (struct ymd){ y, m, date_days_in_month(y, m) };
}

/* "/2026", "-2026", "năm 2026", "2026" after a month or quarter, else the
 * plan's year (*given false). -1 for a year not of four digits. */
static int take_year(const char **p, struct rd *r, int *y, bool *given)
{
	const char *s = *p;
	int v, nd;
	bool sep = *s == '/' || *s == '-' || *s == '.';
	if (sep)
		s = skip_spaces(s + 1);
	else if (!take(&s, "nam"))
		s = NULL;
	if (s && take_num(&s, 5, &v, &nd) && nd == 4 && v >= 1900 && v <= 2999) {
		*p = s, *y = v, *given = true;
		return 1;
	}
	if (s && (*p)[0] == '/' && digit(skip_spaces(*p + 1)[0]))
		return bad(r, "năm phải ghi đủ bốn chữ số (ví dụ 2026)");
	*y = r->year, *given = false;
	return 1;
}

/* "quý", or "quí" as older texts spell it (with the tone on either vowel:
 * both fold to "qui"). */
static bool take_quy(const char **p)
{
	return take(p, "quy") || take(p, "qui");
}

/* "iv", "iii", "ii", "i", "4": the quarter. */
static int take_quarter(const char **p)
{
	static const char *const roman[] = { "iv", "iii", "ii", "i", NULL };
	int i = take_any(p, roman), v;
	if (i >= 0)
		return 4 - i;
	const char *s = *p;
	if (take_num(&s, 2, &v, NULL) && v >= 1 && v <= 4) {
		*p = s;
		return v;
	}
	return 0;
}

/* Words that join two items of a list or a range. */
static bool take_join(const char **p)
{
	static const char *const joins[] = { ",", "-", "va", "den", "&", "/", NULL };
	const char *s = *p;
	if (take_any(&s, joins) < 0)
		return false;
	*p = s;
	return true;
}

/* What an item means: its first and last days; kind as a one-off. */
struct span {
	enum due_kind kind;
	struct ymd first, last;
	bool year_given;
};

static int span_months(struct rd *r, int m1, int m2, int y, bool given, struct span *out)
{
	if (m1 < 1 || m1 > 12 || m2 < m1 || m2 > 12)
		return bad(r, "tháng phải từ 1 đến 12");
	*out = (struct span){ m1 == m2 ? DUE_MONTH : m1 == 1 && m2 == 12 ? DUE_YEAR : DUE_PERIOD,
			      { y, m1, 1 }, last_day(y, m2), given };
	if (m2 - m1 == 2 && m1 % 3 == 1)
		out->kind = DUE_QUARTER;
	return 1;
}

/* "quý IV/2026", "quý I, II/2026", "quý I - quý II năm 2026" */
static int item_quarter(const char **p, struct rd *r, struct span *out)
{
	const char *s = *p;
	if (!take_quy(&s))
		return 0;
	int q1 = take_quarter(&s), q2 = q1;
	/* "quý V/2026" is a wrong quarter; "báo cáo quý trước ngày 15" is
	 * the word for a quarterly report, not a quarter */
	if (!q1)
		return digit(*s) || (*s && strchr("ivx", *s) && !alnum(s[strspn(s, "ivx")]))
		       ? bad(r, "quý phải là I, II, III hoặc IV") : 0;
	for (const char *t = s; take_join(&t) && (take_quy(&t), 1);) {
		int q = take_quarter(&t);
		if (!q)
			break;
		q2 = q, s = t;
	}
	int y;
	bool given;
	if (take_year(&s, r, &y, &given) < 0)
		return -1;
	*p = s;
	return span_months(r, q1 * 3 - 2, q2 * 3, y, given, out);
}

/* "tháng 10/2026", "tháng 10 năm 2026", "tháng 3-6/2026", "tháng 3 và
 * tháng 4" */
static int item_month(const char **p, struct rd *r, struct span *out)
{
	const char *s = *p;
	int m1, m2;
	if (!take(&s, "thang") || !take_num(&s, 2, &m1, NULL))
		return 0;
	m2 = m1;
	for (const char *t = s; take_join(&t) && (take(&t, "thang"), 1);) {
		int m, nd;
		const char *u = t;
		if (!take_num(&u, 2, &m, &nd) || m > 12)
			break;
		m2 = m, s = t = u;
	}
	int y;
	bool given;
	if (take_year(&s, r, &y, &given) < 0)
		return -1;
	*p = s;
	return span_months(r, m1, m2, y, given, out);
}

/* "6 tháng đầu năm 2026", "6 tháng cuối năm", "9 tháng đầu năm" */
static int item_part_year(const char **p, struct rd *r, struct span *out)
{
	const char *s = *p, *t;
	int n, y = r->year, v, nd;
	bool given = false;
	if (!take_num(&s, 2, &n, NULL) || !take(&s, "thang"))
		return 0;
	/* "9 tháng năm 2026" (a report's period) counts from January too */
	bool first = take(&s, "dau") || (!strncmp(s, "nam", 3) && digit(skip_spaces(s + 3)[0]));
	if ((!first && !take(&s, "cuoi")) || !take(&s, "nam"))
		return 0;
	t = *s == '/' || *s == '-' ? skip_spaces(s + 1) : s;
	if (take_num(&t, 5, &v, &nd) && nd == 4)
		y = v, given = true, s = t;
	if (n < 1 || n > 12)
		return bad(r, "số tháng phải từ 1 đến 12");
	*p = s;
	return first ? span_months(r, 1, n, y, given, out) : span_months(r, 13 - n, 12, y, given, out);
}

/* "năm 2026", "năm" (the plan's), "năm 2026-2030", "giai đoạn 2026 - 2030", "2026" */
static int item_year(const char **p, struct rd *r, struct span *out)
{
	const char *s = *p;
	bool word = take(&s, "giai doan") || take(&s, "nam");
	int y1 = r->year, y2, nd;
	bool given = take_num(&s, 5, &y1, &nd);
	if (given && (nd != 4 || y1 < 1900 || y1 > 2999))
		return word ? bad(r, "năm phải ghi đủ bốn chữ số (ví dụ 2026)") : 0;
	if (!word && !given)
		return 0;
	if (!given && (digit(*s) || *s == '/'))
		return 0;
	y2 = y1;
	const char *t = s;
	if (given && (take(&t, "-") || take(&t, "den")) && (take(&t, "nam"), 1) &&
	    take_num(&t, 5, &y2, &nd) && nd == 4 && y2 >= y1)
		s = t;
	else
		y2 = y1;
	*p = s;
	*out = (struct span){ DUE_YEAR, { y1, 1, 1 }, { y2, 12, 31 }, given };
	return 1;
}

/* A day written year first, as "2026-12-15" or "2026/12/15": the same
 * separator twice, no other order is possible with a four-digit first. */
static int item_ymd(const char **p, struct rd *r, const char *num, struct span *out)
{
	const char *s = num + 4;
	char sep = *s++;
	int y = atoi(num), m, d;
	if (!take_num(&s, 2, &m, NULL) || *s != sep)
		return 0;
	s++;
	if (!take_num(&s, 2, &d, NULL))
		return 0;
	if (m < 1 || m > 12)
		return bad(r, "tháng phải từ 1 đến 12");
	if (!date_valid(y, m, d))
		return bad(r, "không có ngày này");
	*p = s;
	*out = (struct span){ DUE_DATE, { y, m, d }, { y, m, d }, true };
	return 1;
}

/* A day: "30/11/2026", "30/11", "30-11-2026", "2026-11-30", "ngày 30
 * tháng 11 năm 2026", "ngày 30 tháng 11". */
static int item_day(const char **p, struct rd *r, struct span *out)
{
	const char *s = *p;
	bool word = take(&s, "ngay");
	int d, m, y, nd;
	bool given = false;
	const char *num = s;
	if (!take_num(&s, 4, &d, &nd))
		return 0;
	char sep = *s;
	if (nd == 4 && num[4] && strchr("-/.", num[4]))   /* the year first: "2026-12-15", "2026/12/15" */
		return item_ymd(p, r, num, out);
	if (sep == '/' || sep == '-' || sep == '.')
		s = skip_spaces(s + 1);   /* "15 - 12 - 2026" */
	else if (!take(&s, "thang") || (!word && !digit(*s)))
		return 0;   /* "ngày 30 tháng 11", or "15 tháng 12" without "ngày" */
	if (!take_num(&s, 2, &m, NULL))
		return 0;
	const char *t = s;
	if ((sep == '/' || sep == '-' || sep == '.') && *t == sep) {
		t = skip_spaces(t + 1);
		if (!take_num(&t, 5, &y, &nd))
			return 0;
		if (nd != 4)
			return bad(r, "năm phải ghi đủ bốn chữ số (ví dụ 2026)");
		given = true, s = t;
	} else if (take_year(&s, r, &y, &given) < 0) {
		return -1;
	}
	if (m < 1 || m > 12)
		return bad(r, "tháng phải từ 1 đến 12");
	if (!date_valid(y, m, d)) {
		snprintf(r->why, sizeof r->why, "không có ngày %02d/%02d/%d (tháng %d chỉ có %d ngày)",
			 d, m, y, m, date_days_in_month(y, m));
		return -1;
	}
	*p = s;
	*out = (struct span){ DUE_DATE, { y, m, d }, { y, m, d }, given };
	return 1;
}

/* "tuần đầu tháng 10/2026": by the 7th; "tuần cuối tháng 10": its last day */
static int item_week(const char **p, struct rd *r, struct span *out)
{
	const char *s = *p;
	bool first = take(&s, "tuan dau");
	if (!first && !take(&s, "tuan cuoi"))
		return 0;
	int rc = item_month(&s, r, out);
	if (rc <= 0 || out->kind != DUE_MONTH)
		return rc < 0 ? -1 : 0;
	if (first)
		out->last.d = 7;
	out->first = out->last, out->kind = DUE_DATE;
	*p = s;
	return 1;
}

static int item(const char **p, struct rd *r, struct span *out)
{
	static const char *const ends[] = { "cuoi", "het", "trong", "ca", NULL };
	const char *s = *p;
	take_any(&s, ends);
	int (*const readers[])(const char **, struct rd *, struct span *) = {
		item_quarter, item_month, item_week, item_part_year, item_day, item_year,
	};
	for (size_t i = 0; i < sizeof readers / sizeof readers[0]; i++) {
		int rc = readers[i](&s, r, out);
		if (rc) {
			if (rc > 0)
				*p = s;
			return rc;
		}
	}
	return 0;
}

/* ---- recurring ---- */

/* The step of a period word: "tháng", "quý", "6 tháng", "năm", "tuần" ('w'). */
static char take_period(const char **p)
{
	static const char *const words[] = { "thang", "quy", "qui", "nam", "tuan", "ngay", NULL };
	static const char every[] = "mqqywd";
	const char *s = *p;
	int n;
	if (take_num(&s, 2, &n, NULL) && take(&s, "thang")) {
		char e = n == 1 ? 'm' : n == 3 ? 'q' : n == 6 ? 'h' : n == 12 ? 'y' : 0;
		const char *t = s;
		if (e && (take(&t, "dau") || take(&t, "cuoi")))
			return 0;   /* "6 tháng đầu năm" is a span */
		if (e) {
			(void)(take(&s, "/lan") || take(&s, "mot lan") || take(&s, "1 lan"));
			*p = s;
		}
		return e;
	}
	s = *p;
	int i = take_any(&s, words);
	if (i < 0 || digit(*s))   /* "ngày 10 ...": a day, not "hằng ngày" */
		return 0;
	*p = s;
	return every[i];
}

static int every_rank(char e)
{
	return e == 'd' ? 0 : e == 'w' ? 1 : e == 'm' ? 2 : e == 'q' ? 3 : e == 'h' ? 4 : 5;
}

/* "hằng quý", "định kỳ 6 tháng", "hằng quý, 6 tháng và năm": the finest
 * period named, after a word that says it recurs. */
static char take_recurs(const char **p)
{
	static const char *const marks[] = { "hang", "moi", NULL };
	const char *s = *p;
	bool periodic = take(&s, "dinh ky");
	bool marked = take_any(&s, marks) >= 0;
	char e = (periodic || marked) ? take_period(&s) : 0;
	if (!e)
		return 0;
	for (const char *t = s; take_join(&t) || take(&t, "hoac");) {
		take_any(&t, marks);
		char f = take_period(&t);
		if (!f)
			break;
		if (every_rank(f) < every_rank(e))
			e = f;
		s = t;
	}
	*p = s;
	return e;
}

static bool take_before(const char **p)
{
	static const char *const inclusive[] = { "cham nhat la", "cham nhat vao", "cham nhat",
						 "muon nhat la", "muon nhat vao", "muon nhat",
						 "han chot", "khong qua", "khong muon hon", "den het",
						 "vao", "den", NULL };
	take_any(p, inclusive);
	return take(p, "truoc");   /* "ngày" stays: item_day reads "ngày 30 tháng 11" */
}

/* The day of a recurring deadline: "trước ngày 10 của tháng cuối quý",
 * "ngày 15 hằng tháng", "15/12 hằng năm", "tuần đầu tháng", or after
 * "hằng tháng" (*every set) "trước ngày 20". Sets *every; 0 when the words
 * are not such a day ("30/11" alone is one day, not every year). */
static int rec_day(const char **p, struct due *d, char *every)
{
	static const char *const periods[] = { "quy", "qui", "nam", "ky", NULL };
	const char *s = *p, *t;
	bool before = take_before(&s), dm = false;
	int day = 0, month = 0;
	char e = 0;
	if (take(&s, "tuan dau")) {
		(void)(take(&s, "cua") || take(&s, "hang") || take(&s, "moi"));
		if (!take(&s, "thang") || digit(*s))
			return 0;
		day = 7, e = 'm';
	} else {
		bool word = take(&s, "ngay");
		if (!take_num(&s, 2, &day, NULL) || day < 1 || day > 31)
			return 0;
		t = s;
		if (*t == '/' ? (t++, true) : word && take(&t, "thang") && digit(*t)) {
			if (!take_num(&t, 2, &month, NULL) || month < 1 || month > 12 || *t == '/' ||
			    *t == '-' || (take(&t, "nam") && digit(*t)))
				return 0;   /* a day of a given year */
			dm = true, e = 'y', s = t;
		} else {
			take(&s, "cua");
			t = s;
			if ((take(&t, "hang") || take(&t, "moi")) && take(&t, "thang")) {
				e = 'm', s = t;   /* "(ngày) 25 hằng tháng" */
			} else if (!word) {
				return 0;
			} else if (take(&s, "thang")) {
				bool last = take(&s, "cuoi");
				if (!last && !take(&s, "dau"))
					return 0;
				take(&s, "cung");
				while (take(&s, "cua") || take(&s, "moi") || take(&s, "hang"))
					;
				int i = take_any(&s, periods);
				e = i == 0 || i == 1 ? 'q' : i == 2 ? 'y' : i == 3 ? *every : 0;
				if (!e)
					return 0;
				month = last ? 0 : 1;
			}   /* else "ngày 20" alone: the period comes from around it */
		}
	}
	char named = take_recurs(&s);
	char want = *every ? *every : named;
	if (named && named != want)
		return 0;
	if (!want) {
		if (!e || dm)
			return 0;
		want = e;
	} else if (e && e != want) {
		return 0;
	}
	*every = want;
	d->day = day, d->month = month, d->before = before;
	*p = s;
	return 1;
}

/* ---- the whole text ---- */

/* Remarks after what was understood: punctuation, or words that add
 * nothing to the day. */
static bool rest_ok(const char *p)
{
	static const char *const words[] = { "va cac nam tiep theo", "va nhung nam tiep theo",
					     "va cac nam sau", "tro di", "va dot xuat",
					     "hoac dot xuat", "va khi co yeu cau",
					     "hoac khi co yeu cau", "theo quy dinh", NULL };
	p = skip_spaces(p);
	while (take_any(&p, words) >= 0)
		;
	return *p == '\0' || strchr(",;(.:-[)", *p);
}

/* "Thời hạn:", "Thời gian thực hiện", "hoàn thành", "xong" before the day. */
static const char *skip_lead(const char *p)
{
	static const char *const labels[] = { "thoi gian thuc hien", "thoi gian hoan thanh",
					      "thoi han hoan thanh", "thoi han thuc hien",
					      "thoi han", "thoi gian", "tien do", "han", NULL };
	static const char *const verbs[] = { "hoan thanh", "thuc hien", "xong", "trien khai",
					     "to chuc", "ban hanh", "bao cao", "gui", "nop",
					     "trinh", "xay dung", NULL };
	const char *s = p;
	int i = take_any(&s, labels);
	if (i >= 0 && *s == ':')
		p = skip_spaces(s + 1);
	else if (i >= 0 && strcmp(labels[i], "han") != 0)
		p = s;
	while (take_any(&p, verbs) >= 0)
		;
	return p;
}

static bool no_fixed_day(const char *p)
{
	static const char *const words[] = { "theo", "khi", "dot xuat", "ngay khi", "kip thoi",
					     "sau khi", NULL };
	return take_any(&p, words) >= 0;
}

static void parse_recurring(const char **p, struct due *out, char every)
{
	out->kind = every == 'w' || every == 'd' ? DUE_ONGOING : DUE_RECURRING;
	out->every = out->kind == DUE_RECURRING ? every : 0;
	const char *s = *p;
	while (*s == ',' || *s == ':' || *s == '(' || *s == ' ' || *s == '-')
		s++;
	if (out->kind == DUE_RECURRING && rec_day(&s, out, &out->every) > 0)
		*p = s;
}

/* After item a at *p: "đến" or "-" and another item is a range to it
 * ("tháng 11/2026 - tháng 01/2027", "15/12 - 20/12/2026"); "," or "và" and
 * another month, quarter or year runs the span on to it ("năm 2026, 2027").
 * Two days in a list are two deadlines, not a span: left for the caller
 * to refuse. *ranged says a range was read. */
static void extend(const char **p, struct rd *r, struct span *a, bool *ranged, struct due *out)
{
	for (;;) {
		const char *t = *p;
		struct span b;
		bool to = take(&t, "den") || take(&t, "-");
		if (!to && !take(&t, ",") && !take(&t, "va"))
			return;
		if (to)
			take_before(&t);
		if (item(&t, r, &b) <= 0 || (!to && (a->kind == DUE_DATE || b.kind == DUE_DATE)))
			return;
		struct ymd first = a->first;
		if (!a->year_given) {   /* "từ 01/7 đến 31/12/2026": the year of the end */
			first.y = b.last.y;
			if (date_to_jd(first) > date_to_jd(b.last))
				first.y--;
		}
		if (date_to_jd(b.last) < date_to_jd(first))
			return;
		if (to)
			out->from = first, *ranged = true;
		a->kind = to && b.kind == DUE_DATE ? DUE_DATE
			  : a->kind == DUE_YEAR && b.kind == DUE_YEAR ? DUE_YEAR : DUE_PERIOD;
		a->first = first, a->last = b.last, a->year_given = true;
		*p = t;
	}
}

/* "Năm 2026 (trước 15/12)": a remark in parentheses that is itself a day
 * inside what it remarks on is the sharper deadline, and wins. */
static void sharper(const char **p, struct rd *r, struct span a, struct due *out)
{
	const char *s = *p;
	if (*s != '(')
		return;
	s = skip_lead(skip_spaces(s + 1));
	struct rd r2 = { r->year, "", NULL };
	struct due d = { 0 };
	bool before = take_before(&s);
	struct span b;
	if (item(&s, &r2, &b) <= 0 || b.kind != DUE_DATE || *s != ')')
		return;
	if (!b.year_given)
		b.first.y = b.last.y = a.last.y;
	d.date = before ? date_from_jd(date_to_jd(b.first) - 1) : b.last;
	if (date_to_jd(d.date) < date_to_jd(a.first) || date_to_jd(d.date) > date_to_jd(a.last))
		return;
	out->kind = before ? DUE_BEFORE : DUE_DATE;
	out->date = d.date;
	*p = skip_spaces(s + 1);
}

/* "Từ ngày 01/01/2026", "Kể từ Quý II/2026", "Sau ngày 30/6/2026": when
 * the work starts, not when it is due. */
static bool take_start(const char **p)
{
	static const char *const words[] = { "ke tu", "bat dau tu", "bat dau", "tu", "sau", NULL };
	return take_any(p, words) >= 0;
}

static void parse_one_off(const char **p, struct rd *r, struct due *out)
{
	const char *s = *p;
	bool before = take_before(&s);
	/* "từ nay đến hết năm 2026": from now is no day, the end is */
	if (take(&s, "tu nay") || take(&s, "tu bay gio")) {
		(void)(take(&s, "den") || take(&s, "-"));
		before = take_before(&s) || before;
	}
	bool start = !before && take_start(&s), ranged = false;
	struct span a;
	const char *item_at = s;
	int rc = item(&s, r, &a);
	/* an item may hold its own range: "tháng 01 đến tháng 12", "2026-2030" */
	for (const char *c = item_at; rc > 0 && a.kind != DUE_DATE && c < s; c++)
		ranged |= *c == '-' || ((c == item_at || c[-1] == ' ') && !strncmp(c, "den ", 4));
	if (rc > 0)
		extend(&s, r, &a, &ranged, out);
	if (rc > 0 && start && !ranged) {
		snprintf(r->why, sizeof r->why, "chỉ ghi lúc bắt đầu (từ, sau …), không ghi hạn "
			 "hoàn thành");
		rc = -1;
	}
	if (rc <= 0) {
		if (rc == 0)
			snprintf(r->why, sizeof r->why, "không thấy ngày, tháng, quý, năm");
		out->kind = DUE_UNKNOWN;
		return;
	}
	out->kind = a.kind;
	out->date = a.last;
	if (before) {   /* "trước 30/11": the 29th; "trước Quý III": 30/6 */
		out->kind = DUE_BEFORE;
		out->date = date_from_jd(date_to_jd(a.first) - 1);
	} else {
		sharper(&s, r, a, out);
	}
	*p = s;
}

/* "Tháng 6 và tháng 12", "Tháng 6/2026 và tháng 12/2026", "Tháng 3, 6, 9,
 * 12", "Tháng 6, tháng 12 hằng năm" in the plan's year: the ends of the
 * halves or quarters, a report each ('h' or 'q'); 0 for other months. */
static char rec_months(const char **p, struct rd *r)
{
	const char *s = *p, *t;
	unsigned mask = 0;
	take(&s, "dinh ky");
	if (!take(&s, "thang"))
		return 0;
	for (;;) {
		int m, y;
		bool given;
		if (!take_num(&s, 2, &m, NULL) || m < 1 || m > 12)
			return 0;
		mask |= 1u << m;
		if (take_year(&s, r, &y, &given) < 0 || (given && y != r->year))
			return 0;
		t = s;
		if (!take(&t, ",") && !take(&t, "va"))
			break;
		take(&t, "thang");
		if (!digit(*t))
			break;
		s = t;
	}
	(void)(take(&s, "hang nam") || take(&s, "moi nam"));
	char e = mask == (1u << 6 | 1u << 12) ? 'h'
		 : mask == (1u << 3 | 1u << 6 | 1u << 9 | 1u << 12) ? 'q' : 0;
	if (e)
		*p = s;
	return e;
}

/* "6 tháng/lần", "3 tháng một lần": recurring without "định kỳ". */
static char take_every_n(const char **p)
{
	const char *s = *p;
	int n;
	if (!take_num(&s, 2, &n, NULL) || !take(&s, "thang") ||
	    (!take(&s, "/lan") && !take(&s, "mot lan") && !take(&s, "1 lan")))
		return 0;
	char e = n == 1 ? 'm' : n == 3 ? 'q' : n == 6 ? 'h' : n == 12 ? 'y' : 0;
	if (e)
		*p = s;
	return e;
}

/* "Trong 30 ngày kể từ ngày ban hành Kế hoạch", "sau 15 ngày kể từ ngày
 * ký", "trong vòng 10 ngày làm việc": a count of days from a day this
 * text does not give; why says so. */
static bool days_from(const char *p, struct rd *r)
{
	static const char *const leads[] = { "trong vong", "trong thoi han", "trong", "sau",
					     "chua qua", "khong qua", NULL };
	int n;
	take_any(&p, leads);
	if (!take_num(&p, 3, &n, NULL) || !take(&p, "ngay"))
		return false;
	snprintf(r->why, sizeof r->why, "%s",
		 strstr(p, "ban hanh") ? "tính từ ngày ban hành kế hoạch, chưa có ngày đó ở đây: "
		 "ghi lại bằng ngày cụ thể (dd/mm/yyyy)"
		 : strstr(p, "ke tu") || strstr(p, "tinh tu") ? "tính bằng số ngày kể từ một mốc: "
		 "ghi lại bằng ngày cụ thể (dd/mm/yyyy)"
		 : "ghi số ngày mà không ghi tính từ ngày nào: ghi lại bằng ngày cụ thể");
	return true;
}

/* "Trước 15/6/2026 (6 tháng); trước 15/12/2026 (năm)": several deadlines
 * for one task. Taking any one of them would hide the others: each part
 * after a ';' (outside parentheses) that writes a number is one. */
static bool several(const char *p, struct rd *r)
{
	int parts = 0, depth = 0;
	bool num = false;
	for (;; p++) {
		if (!*p || (*p == ';' && !depth)) {
			parts += num, num = false;
			if (!*p)
				break;
		}
		depth += *p == '(' ? 1 : *p == ')' && depth ? -1 : 0;
		num |= digit(*p);
	}
	if (parts < 2)
		return false;
	snprintf(r->why, sizeof r->why, "ghi %d thời hạn (cách nhau bởi \";\"): ghi lại một "
		 "thời hạn, hoặc tách thành từng nhiệm vụ", parts);
	return true;
}

static void parse_folded(const char *f, struct rd *r, struct due *out)
{
	const char *p = skip_lead(f);
	char every = 0;
	if (!*f) {
		out->kind = DUE_NONE;
		return;
	}
	if (!*p) {
		out->kind = DUE_UNKNOWN;
		snprintf(r->why, sizeof r->why, "không ghi ngày, tháng, quý hay năm");
		return;
	}
	if (take(&p, "thuong xuyen") || take(&p, "lien tuc")) {
		out->kind = DUE_ONGOING;
		return;
	}
	if (no_fixed_day(p)) {
		out->kind = DUE_ASNEEDED;
		return;
	}
	if (several(p, r) || days_from(p, r)) {
		out->kind = DUE_UNKNOWN;
		return;
	}
	if ((every = rec_months(&p, r))) {
		out->kind = DUE_RECURRING;
		out->every = every;
	} else if ((every = take_recurs(&p)) || (every = take_every_n(&p))) {
		parse_recurring(&p, out, every);
	} else if (rec_day(&p, out, &every) > 0) {
		out->kind = DUE_RECURRING;
		out->every = every;
	} else {
		parse_one_off(&p, r, out);
		if (out->kind == DUE_UNKNOWN)
			return;
	}
	if (!rest_ok(p)) {
		out->kind = DUE_UNKNOWN;
		r->rest = p;
	}
}

/* The folded text, its spaces one, none around '/', its dashes '-'. */
static char *normalize(const char *text)
{
	char *f = text_fold(text, false);
	size_t n = 0;
	for (const char *s = f; *s; s++) {
		char c = *s;
		if ((unsigned char)s[0] == 0xe2 && (unsigned char)s[1] == 0x80 &&
		    (unsigned char)s[2] >= 0x90 && (unsigned char)s[2] <= 0x95)
			c = '-', s += 2;
		else if (c == '\t' || c == '\n' || c == '\r')
			c = ' ';
		if (c == ' ' && (n == 0 || f[n - 1] == ' ' || f[n - 1] == '/' || s[1] == '/' ||
				 s[1] == ' ' || s[1] == '\t' || s[1] == '\n' || s[1] == '\r'))
			continue;
		f[n++] = c;
	}
	while (n && f[n - 1] == ' ')
		n--;
	f[n] = 0;
	return f;
}

/* The last n words of text, for naming what was not understood. */
static const char *last_words(const char *text, int n)
{
	const char *e = text + strlen(text);
	while (e > text && (e[-1] == ' ' || e[-1] == '\n'))
		e--;
	const char *s = e;
	for (int k = 0; s > text; s--)
		if ((s[-1] == ' ' || s[-1] == '\n') && ++k == n)
			break;
	return s;
}

static int count_words(const char *s)
{
	int n = 0;
	for (bool in = false; *s; s++) {
		if (*s != ' ' && !in)
			n++;
		in = *s != ' ';
	}
	return n;
}

int due_parse(const char *text, int year, struct due *out, struct cchc_err *err)
{
	(void)err;
	memset(out, 0, sizeof *out);
	char *f = normalize(text ? text : "");
	struct rd r = { year, "", NULL };
	parse_folded(f, &r, out);
	/* a day the calendar cannot hold ("2990-6971": the year 6971) is not
	 * a deadline */
	if (out->kind != DUE_NONE && out->kind != DUE_ONGOING && out->kind != DUE_ASNEEDED &&
	    out->kind != DUE_UNKNOWN && out->kind != DUE_RECURRING &&
	    !date_valid(out->date.y, out->date.m, out->date.d)) {
		out->kind = DUE_UNKNOWN;
		r.rest = NULL;
		snprintf(r.why, sizeof r.why, "năm phải từ 1900 đến 2999");
	}
	if (out->kind == DUE_UNKNOWN) {
		memset(out, 0, sizeof *out);
		out->kind = DUE_UNKNOWN;
		if (r.rest) {   /* at most 40 columns of it, cut between letters */
			const char *w = last_words(text, count_words(r.rest));
			int used;
			size_t n = text_fit(w, 40, &used);
			/* control characters take no columns: keep the bytes within
			 * the buffer too, cut between letters */
			size_t room = sizeof out->why - sizeof "phần \"…\" chưa hiểu";
			while (n > room || (n > 0 && ((unsigned char)w[n] & 0xc0) == 0x80))
				n--;
			snprintf(out->why, sizeof out->why, "phần \"%.*s%s\" chưa hiểu", (int)n, w,
				 w[n] ? "…" : "");
		}
		else
			snprintf(out->why, sizeof out->why, "%s", r.why);
	}
	free(f);
	return CCHC_OK;
}

int due_occurrences(const struct due *d, int year, struct ymd *out, int max)
{
	int n = 0;
	if (d->kind == DUE_RECURRING) {
		int step = d->every == 'm' ? 1 : d->every == 'q' ? 3 : d->every == 'h' ? 6 : 12;
		for (int m = 1; m <= 12 && n < max; m += step) {
			int mon = m + (d->month > 0 && d->month <= step ? d->month : step) - 1;
			struct ymd e = last_day(year, mon);
			if (d->day && d->day < e.d)
				e.d = d->day;
			if (d->before)
				e = date_from_jd(date_to_jd(e) - 1);
			out[n++] = e;
		}
	} else if (d->kind != DUE_NONE && d->kind != DUE_ONGOING && d->kind != DUE_ASNEEDED &&
		   d->kind != DUE_UNKNOWN && max > 0) {
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
	int m = every == 'y' ? 1 : every == 'h' ? (end.m <= 6 ? 1 : 7)
		: every == 'q' ? (end.m - 1) / 3 * 3 + 1 : end.m;
	return (struct ymd){ end.y, m, 1 };
}

/* "2026-Q3", "2026-09", "2026": the period code a note may name. */
static void occurrence_code(char every, struct ymd end, char out[32])
{
	if (every == 'q')
		snprintf(out, 32, "%04d-Q%d", end.y, (end.m + 2) / 3);
	else if (every == 'm')
		snprintf(out, 32, "%04d-%02d", end.y, end.m);
	else if (every == 'h')
		snprintf(out, 32, "%04d-H%d", end.y, end.m <= 6 ? 1 : 2);
	else
		snprintf(out, 32, "%04d", end.y);
}

static bool reported(char every, struct ymd end, const struct due_note *notes, int nnotes,
		     struct ymd asof)
{
	struct ymd start = occurrence_start(every, end);
	/* the whole period: a deadline on a day inside it ("ngày 10 tháng
	 * cuối quý") is still reported by a note later in the period */
	int last = every == 'y' ? 12 : every == 'h' ? start.m + 5 : every == 'q' ? start.m + 2
		   : start.m;
	struct ymd period_end = last_day(end.y, last);
	char code[32];
	occurrence_code(every, end, code);
	for (int i = 0; i < nnotes; i++) {
		if (ymd_cmp(notes[i].on, asof) > 0)
			continue;   /* not written yet on that day */
		if ((ymd_cmp(notes[i].on, start) >= 0 && ymd_cmp(notes[i].on, period_end) <= 0) ||
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
	else if (every == 'h')
		snprintf(out, n, "6 tháng %s năm %d", end.m <= 6 ? "đầu" : "cuối", end.y);
	else
		snprintf(out, n, "năm %d", end.y);
}

bool due_working_day(struct calendar *c, struct ymd d, struct ymd *out)
{
	struct cchc_err err;
	if (!date_valid(d.y, d.m, d.d) || calendar_is_workday(c, d) ||
	    calendar_add(c, d, -1, out, &err) != CCHC_OK)
		return false;
	return true;
}

bool due_day_off_note(struct calendar *c, struct ymd d, char *out, size_t n)
{
	struct ymd w;
	if (n)
		*out = 0;
	if (!due_working_day(c, d, &w))
		return false;
	int wd = date_weekday(d), nh = 0;
	char day[11], what[128];
	struct cchc_err err;
	snprintf(what, sizeof what, "%s", wd == 6 ? "Chủ nhật" : wd == 5 ? "Thứ Bảy" : "ngày nghỉ");
	const struct holiday *h = calendar_year(c, d.y, &nh, &err);
	for (int i = 0; h && i < nh; i++)   /* a holiday says its name */
		if (!h[i].work && date_to_jd(h[i].d) == date_to_jd(d))
			snprintf(what, sizeof what, "nghỉ %s", h[i].name);
	date_format_vn(w, day);
	snprintf(out, n, "%s → hoàn thành trong ngày làm việc %s", what, day);
	return true;
}
