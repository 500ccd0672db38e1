/* Deadlines as plans write them: "30/11/2026", "trước 30/11/2026",
 * "Quý III/2026", "Tháng 6/2026", "Năm 2026", "hằng quý", "hằng tháng",
 * "hằng năm", "thường xuyên". The clerk's text is kept; this computes the
 * date(s) it means. Matching ignores tones and case. */
#ifndef CCHC_DUE_H
#define CCHC_DUE_H
#include <stddef.h>
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

/* ---- where a recurring task stands on a day ----
 * Each occurrence is a period (month, quarter, year) ending on one of the
 * task's deadlines. An occurrence that ended before the task was assigned
 * is not the task's to report. A progress note dated inside an occurrence
 * (and not after the day looked at), or naming its period ("2026-Q3",
 * "2026-09", "2026"), reports it. On a day:
 * - the deadline in force is the end of the first unreported occurrence
 *   ending on or after that day (the current one, or the next when the
 *   current one is reported already);
 * - the occurrences that ended unreported are missed reports, not days
 *   overdue of the task;
 * - only when every occurrence has ended is the last one, unreported, the
 *   deadline in force, then passed: the task is overdue. */
#define DUE_MAX_OCC 12

struct due_note {
	struct ymd on;
	char period[16];         /* as the clerk named it, or "" */
};

struct due_track {
	struct ymd due;          /* the deadline in force; y == 0: none */
	int nmissed;
	struct ymd missed[DUE_MAX_OCC]; /* ends of the missed occurrences, in order */
};

/* ends: the occurrences' last days, ascending; every: 'm', 'q' or 'y'. */
void due_track(char every, const struct ymd *ends, int nends, struct ymd assigned,
	       const struct due_note *notes, int nnotes, struct ymd asof, struct due_track *out);
/* The occurrence ending on end, as a report names it: "tháng 2/2026",
 * "quý II/2026", "năm 2026". */
void due_occurrence_label(char every, struct ymd end, char *out, size_t n);

#endif
