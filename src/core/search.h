/* Full-text search over every searchable record (plans, sections, units,
 * tasks, evidence, dossiers, letters, feedback), ranked, tone- and
 * case-insensitive by default, with an exact mode where tones count. A query
 * typed with tones ranks the records that have its words with those tones
 * first ("Kỳ Lừa" before "kỷ luật"); one typed without tones ranks by
 * relevance alone. */
#ifndef CCHC_SEARCH_H
#define CCHC_SEARCH_H
#include <stdbool.h>
#include <stdint.h>
#include "store/db.h"

struct search_opts {
	bool exact;         /* tones count: "mà" does not find "ma" */
	bool prefix;        /* the last word matches as a prefix (search as you type) */
	const char *kind;   /* only this kind, or NULL */
	int64_t plan_id;    /* only this plan's records, or 0 */
	int limit;          /* at most this many records (0: 50) */
	int snippet_width;  /* columns of the snippet (0: 60) */
	/* As the clerk types (the search screen): one word typed as a prefix
	 * is looked for among a big dossier register (SEARCH_BIG_REGISTER
	 * dossiers) as a whole word, and *cut is set: the prefix, whose words
	 * there cover most of a million dossiers, is for a run without it
	 * when the keyboard is idle. */
	bool cut_slow;
	bool *cut;
	/* Only the first name_first hits are named (title, plan, snippet:
	 * search_hits_name names the others when they are shown); 0: all. */
	int name_first;
	/* Rows of the indexes kept from the searches before (NULL: none). */
	struct search_cache *cache;
};

/* The rows the last search read from each index, for a caller that
 * searches again as the clerk types: a letter typed often asks an index
 * the same question again ("thu " and "thu t" ask for "thu", the prefix
 * of one letter being checked on the rows read; the dossiers' index is
 * asked without the word being typed). The caller clears it when the
 * data may have changed. */
struct search_cache;
struct search_cache *search_cache_new(void);
void search_cache_clear(struct search_cache *c);
void search_cache_free(struct search_cache *c);

#define SEARCH_BIG_REGISTER 100000

struct search_hit {
	char kind[16];
	int64_t id, plan_id;
	double rank;        /* bm25: lower is better */
	int tones;          /* words typed with tones that the record has with them */
	char *title;        /* the record's name: "1.2. Cải cách thể chế" */
	char *plan;         /* the name of the plan the record is in, or NULL */
	char *snippet;      /* one line around the match, matches between \x01 and \x02 */
	/* Not yet named (search_opts.name_first): title, plan and snippet are
	 * NULL, and text is what the snippet is cut from: the indexed title
	 * (title_len bytes), a newline, the body. */
	char *text;
	size_t title_len;
};

/* Kinds that can be searched, NULL-terminated. */
extern const char *const search_kinds[];
/* The kind as the clerk reads it ("Hồ sơ", "Phiếu xin lỗi"); kind itself
 * when unknown. */
const char *search_kind_label(const char *kind);

/* The FTS5 MATCH expression for query (folded words, quoted; the last one a
 * prefix when asked), or NULL when the query has no word. Free it. A last
 * prefix of one letter, or of two when it is the only word, is left out (it
 * would read most of the index): the expression is then broader than the
 * query, and "" when that prefix is all the query holds. */
char *search_match_expr(const char *query, bool exact, bool prefix);
/* The same for an index with prefixes of one to three letters (search_task):
 * every word kept, the last a prefix unless the query ends in a space;
 * tones ignored. NULL when the query has no word. */
char *search_filter_expr(const char *query);

int search_run(struct db *db, const char *query, const struct search_opts *o,
	       struct search_hit **out, int *n, struct cchc_err *err);
/* Names hits from .. to - 1 of v (n of them) that are not yet named, for
 * the query and options they were found with. */
void search_hits_name(struct db *db, struct search_hit *v, int n, int from, int to,
		      const char *query, const struct search_opts *o);
void search_hits_free(struct search_hit *v, int n);

#endif
