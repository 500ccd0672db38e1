/* Deadlines as plans write them: "30/11/2026", "trước 30/11/2026",
 * "Quý III/2026", "Tháng 6/2026", "Năm 2026", "hằng quý", "hằng tháng",
 * "hằng năm", "thường xuyên". The clerk's text is kept; this computes the
 * date(s) it means. Matching ignores tones and case. */
#ifndef CCHC_DUE_H
#define CCHC_DUE_H
#include "text/date.h"
#include "util/err.h"

enum due_kind {
	DUE_NONE,       /* no deadline written */
	DUE_DATE,       /* a day */
	DUE_BEFORE,     /* "trước 30/11/2026": the day before */
	DUE_QUARTER,    /* the quarter's last day */
	DUE_MONTH,      /* the month's last day */
	DUE_YEAR,       /* 31/12 */
	DUE_RECURRING,  /* one occurrence per month, quarter or year */
	DUE_ONGOING,    /* "thường xuyên": never overdue, reported every period */
};

struct due {
	enum due_kind kind;
	struct ymd date;   /* for the one-off kinds */
	char every;        /* recurring: 'm' month, 'q' quarter, 'y' year */
};

/* Parses text; year is the plan's year, used by "hằng quý" and by dates
 * without a year. An empty text is DUE_NONE. */
int due_parse(const char *text, int year, struct due *out, struct cchc_err *err);
/* Occurrences of a recurring deadline in year (or the one date); returns n. */
int due_occurrences(const struct due *d, int year, struct ymd *out, int max);
const char *due_kind_name(enum due_kind k);

#endif
