/* The filter of a list (/): what the clerk typed, as a query whose last
 * word is a prefix, matched without tones or case (text/fold.h). A list
 * keeps one and shows the rows it matches; the outline adds their
 * ancestors. */
#ifndef CCHC_UI_FILTER_H
#define CCHC_UI_FILTER_H
#include <stdbool.h>
#include "text/fold.h"
#include "util/sbuf.h"

struct filter {
	char *text;              /* NULL when the list is not filtered */
	struct text_query q;
};

/* Sets the filter to text; a text without any word clears it. */
void filter_set(struct filter *f, const char *text);
void filter_clear(struct filter *f);
bool filter_active(const struct filter *f);
/* True when s holds every word (always when inactive). */
bool filter_match(const struct filter *f, const char *s);
/* The query, for highlighting; NULL when inactive. */
const struct text_query *filter_query(const struct filter *f);
/* "lọc: TEXT  (N/M)" for the status line (n < 0: as filter_count). */
void filter_status(const struct filter *f, int n, int m, struct sbuf *out);
/* Joins spans of s separated by nothing but spaces, so that "thủ tục" is
 * one match; returns the new count. */
int spans_join(const char *s, struct text_span *sp, int n);
/* "(N/M)" for the end of the prompt line; n < 0 when only a lower bound
 * is known, -n - 1 rows at least (more may come): "(hơn 1.000/M)" for
 * 1,001 rows, "(đang tìm/M)" for none yet. */
void filter_count(int n, int m, struct sbuf *out);

#endif
