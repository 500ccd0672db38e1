/* Working days: Monday to Friday minus public holidays, plus make-up working
 * days. Each year's official days come from data/holidays/YYYY.txt (the
 * clerk's own ~/.config/cchc/holidays/YYYY.txt wins); for a year with no
 * file they are computed by the Labour Code's rules, Tết and Giỗ Tổ from the
 * lunar calendar, and calendar_computed() says which years those were so
 * the program can ask the clerk to check them. A file with no dates counts
 * as no file (calendar_empty_file() names it). */
#ifndef CCHC_CALENDAR_H
#define CCHC_CALENDAR_H
#include <stdbool.h>
#include "text/date.h"
#include "util/err.h"

struct calendar;

struct calendar *calendar_new(void);
void calendar_free(struct calendar *c);
/* Loads (once) the year's days; an error only for a malformed file. */
int calendar_load(struct calendar *c, int year, struct cchc_err *err);
bool calendar_is_workday(struct calendar *c, struct ymd d);
/* The n-th working day after from (n > 0), before it (n < 0), or from (0). */
int calendar_add(struct calendar *c, struct ymd from, int n, struct ymd *out, struct cchc_err *err);
/* The same for dates as ISO text (a whole calendar of its own): out gets
 * YYYY-MM-DD; a clear error for a date that is not one. */
int calendar_add_iso(const char *from, int n, char out[11], struct cchc_err *err);
/* Working days d with a < d <= b (negative when b is before a). */
int calendar_between(struct calendar *c, struct ymd a, struct ymd b, int *out, struct cchc_err *err);

struct holiday {
	struct ymd d;
	bool work;          /* a make-up working day (làm bù), else a day off */
	char name[96];
};
/* The year's special days in date order; *n set. Pointer valid until free. */
const struct holiday *calendar_year(struct calendar *c, int year, int *n, struct cchc_err *err);
/* Whether the year was computed rather than read from a file. */
bool calendar_computed(struct calendar *c, int year);
/* The holiday file of a loaded year that had no dates at all (only comments
 * or blank lines), else NULL: the year was then computed as if there were
 * no file, and the program should say that the file was empty. */
const char *calendar_empty_file(struct calendar *c, int year);

/* Parses one holidays file (text) for year into the calendar; for tests. */
int calendar_parse(struct calendar *c, int year, const char *text, const char *what,
		   struct cchc_err *err);

#endif
