/* Keyset paging over lists ordered "dated rows by date then number, then
 * the undated by number" (tasks, feedback). A page is read in at most two
 * arms, each a range of a plain index on (date, id) in index order: a
 * row-value comparison on the order's expressions, (date IS NULL,
 * coalesce(date, ''), id), cannot be a seek, and SQLite walked the index
 * from one end to the key (8 ms per Page Up in the middle of 100,000). */
#ifndef CCHC_KEYSET_H
#define CCHC_KEYSET_H
#include <stdbool.h>

struct keyset_arm {
	char where[200], order[80];
};

/* The arms (1 or 2, in list order) of the page after the key (before it
 * when reverse; without a key: from the first row, or from the last when
 * reverse). date and id are the columns ("t.due_on", "t.id"); p_date and
 * p_id the parameters bound to the key's date and number ("?14", "?15");
 * key_undated: the key has no date. Each arm's rows come in its order
 * (descending when reverse). */
int keyset_arms(const char *date, const char *id, const char *p_date, const char *p_id,
		bool has_key, bool key_undated, bool reverse, struct keyset_arm arms[2]);

#endif
