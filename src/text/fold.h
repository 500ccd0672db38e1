/* Folding for search, tokens, and query matching.
 *
 * Folding drops tones and case and maps đ to d, so "dong dang" finds
 * "Đồng Đăng"; the exact form keeps tones and drops only case, so "mà" does
 * not find "ma". A token is a run of letters, digits and combining marks.
 * The same tokens feed the FTS5 index (store/fts.c), the search ranking and
 * the highlighting of matches in the original text, with its tones. */
#ifndef CCHC_FOLD_H
#define CCHC_FOLD_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Folds one code point into out (up to max code points); returns how many. */
size_t text_fold_cp(uint32_t cp, bool exact, uint32_t *out, size_t max);
/* The folded (exact: case-folded, NFC) form of s, malloc'd. */
char *text_fold(const char *s, bool exact);

struct text_span {
	size_t start, end; /* byte offsets into the text */
};

/* Finds the next token at or after pos in s (n bytes). */
bool text_next_token(const char *s, size_t n, size_t pos, struct text_span *tok);
/* Folds bytes s[start, end) into buf (NUL-terminated, cut at cap); returns length. */
size_t text_fold_span(const char *s, struct text_span span, bool exact, char *buf, size_t cap);

/* A query: its terms folded (and, in exact mode, case-folded with tones). */
struct text_query {
	int nterms;
	char **terms;       /* as used for matching (exact or folded) */
	char **folded;      /* always folded: what the index holds */
	bool exact;
	bool last_prefix;   /* the last term matches as a prefix (search as you type) */
};

void text_query_init(struct text_query *q, const char *text, bool exact, bool last_prefix);
void text_query_free(struct text_query *q);
/* Does the token s[span] match some term of q? Returns the term index or -1. */
int text_query_token_term(const struct text_query *q, const char *s, struct text_span span);
/* True when every term of q occurs in s. */
bool text_query_matches_all(const struct text_query *q, const char *s);
/* Whether every term of q is matched by some word of s, one word serving
 * several terms ("thu th" matches "thủ tục": thủ is both): how the
 * full-text index (FTS5, an AND of its terms) reads a query. */
bool text_query_matches_each(const struct text_query *q, const char *s);
/* Fills out with the spans of s that match a term, in order; returns the
 * count (at most max). */
int text_query_spans(const struct text_query *q, const char *s, struct text_span *out, int max);
/* A one-line excerpt of s around its first match, about width columns, the
 * matches wrapped in open/close, "…" where cut. Malloc'd. */
char *text_snippet(const struct text_query *q, const char *s, int width, const char *open,
		   const char *close);

#endif
