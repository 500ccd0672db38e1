/* Report periods (kỳ báo cáo) and their data cut-offs. A period named by
 * the clerk ("2026-Q1", "2026-H1", "2026-Q3", "2026-9M", "2026", "2026-Q2",
 * "2026-Q4", or "FROM..TO") becomes a range of days. Reports count data from
 * the cut-off day of the month before the period to the day before the
 * cut-off in its last month: Quý I 2026 is 15/12/2025 → 14/3/2026 with the
 * usual cut-off 15 (setting period.cutoff_day; 1 gives calendar periods). */
#ifndef CCHC_PERIOD_H
#define CCHC_PERIOD_H
#include <stdbool.h>
#include "text/date.h"
#include "util/err.h"

enum period_kind {
	PERIOD_Q1, PERIOD_Q2, PERIOD_Q3, PERIOD_Q4, PERIOD_H1, PERIOD_9M, PERIOD_YEAR,
	PERIOD_CUSTOM
};

struct period {
	enum period_kind kind;
	int year;                /* the report year (of `to` for custom ranges) */
	struct ymd from, to;     /* inclusive */
	char code[32];           /* "2026-Q1", or "2026-01-01..2026-03-31" */
	char label[64];          /* "quý I năm 2026", "6 tháng đầu năm 2026", "năm 2026",
	                            "từ 01/01/2026 đến 31/03/2026" */
};

/* The first and last day of a named period of year with cut-off day
 * (1..28). Custom is not a named period. */
void period_bounds(int year, enum period_kind kind, int cutoff_day, struct ymd *from,
		   struct ymd *to);
/* Parses what the clerk typed: YYYY-Q1..Q4, YYYY-H1 (also YYYY-6T), YYYY-9M
 * (also YYYY-9T), YYYY, or FROM..TO with dates as YYYY-MM-DD or dd/mm/yyyy.
 * Case does not matter. A clear Vietnamese error otherwise. */
int period_parse(const char *s, int cutoff_day, struct period *out, struct cchc_err *err);
/* The named period of kind that contains day d (the one whose range holds d). */
void period_containing(struct ymd d, enum period_kind kind, int cutoff_day, struct period *out);
/* Writes d as YYYY-MM-DD into the period strings for SQL binding. */
void period_iso(const struct period *p, char from[11], char to[11]);

#endif
