/* Calendar dates as plain year-month-day triples, and "today", which
 * CCHC_TODAY=YYYY-MM-DD overrides everywhere (tests, demos). */
#ifndef CCHC_DATE_H
#define CCHC_DATE_H
#include <stdbool.h>
#include "util/err.h"

struct ymd {
	int y, m, d;
};

bool date_valid(int y, int m, int d);
int date_days_in_month(int y, int m);
/* Parses YYYY-MM-DD exactly. */
bool date_parse_iso(const char *s, struct ymd *out);
/* Parses d/m/yyyy with one or two digit day and month (also with - or .). */
bool date_parse_dmy(const char *s, struct ymd *out);
/* Writes YYYY-MM-DD (11 bytes with the NUL). */
void date_format_iso(struct ymd d, char out[11]);
/* Writes dd/mm/yyyy (11 bytes with the NUL). */
void date_format_vn(struct ymd d, char out[11]);
/* Today from CCHC_TODAY, else the local clock. A malformed CCHC_TODAY is an error. */
int date_today(struct ymd *out, struct cchc_err *err);

#endif
