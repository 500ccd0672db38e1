/* A list on screen as a window onto a keyset-paged query: a few pages of
 * rows in memory, each page read after the last row of the page before it
 * (kept as an anchor once read), so a list of ten rows and one of a million
 * behave the same and only what is on screen, plus a page either side, is
 * held (the top of a list shown anew, by a list read both ways: the rows
 * on screen alone, the next ones read as the cursor reaches them).
 * Reaching a far row walks the pages up to it once (the anchors make
 * every later jump back one query), unless the list can also be read
 * backwards (fetch_back): then the end is one query away, and the window
 * moves either way from the keys of its own first and last rows.
 *
 * The window also owns the list's / filter and its prompt. A view whose
 * query filters by text reads kw->filter.text in its fetch; a view whose
 * query cannot filter (or not the way the screen wants) gives a keep
 * function, and the rows are then filtered here as they are read; while
 * the / filter is on they are also counted by reading them all (registers
 * of thousands, not millions). */
#ifndef CCHC_UI_KWIN_H
#define CCHC_UI_KWIN_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "ui/app.h"
#include "ui/filter.h"
#include "ui/list.h"

struct kwin;

struct kwin_ops {
	size_t size;                 /* of one row (a core struct) */
	size_t id;                   /* offset of the row's int64_t id */
	const size_t *texts;         /* offsets of the row's malloc'd strings: sanitised,
				      * copied and freed here */
	int ntexts;
	/* Up to limit (> 0) rows after row key (NULL: from the first), in the
	 * list's order; or, back (only with both_ways), before it (NULL: the
	 * last rows), still in the list's order. *rows is an array the caller
	 * frees. */
	int (*fetch)(struct app *app, void *ctx, const void *key, bool back, int limit,
		     void **rows, int *n, struct cchc_err *err);
	/* How many rows the list has, with the / filter (filtered) or without;
	 * with keep, the rows keep(row, false) accepts, asked only while the /
	 * filter is off. */
	int (*count)(struct app *app, void *ctx, bool filtered, int64_t *n, struct cchc_err *err);
	/* Optional: whether a fetched row is in the list, with the / filter too
	 * when text is true. */
	bool (*keep)(const struct kwin *kw, const void *row, bool text);
	/* Whether fetch reads backwards too (used while keep filters nothing).
	 * Then the window also moves back from its own first row, and a jump
	 * near the end (End) reads the last rows at once instead of walking the
	 * pages to them. */
	bool both_ways;
	/* Optional (with both_ways). Before the rows are counted again: a view
	 * that keeps its / filter's matches aside (a temporary table) makes the
	 * set here, once per change of the list, for the count and every page. */
	void (*prepare)(struct app *app, void *ctx);
	/* Optional (with both_ways). Where record id is in the list: *row its
	 * row (an array of one the caller frees; NULL when the list does not
	 * hold it) and *pos the rows before it. Lets the cursor land on a
	 * record far down the list (a search hit, a line of the home screen, a
	 * save) in a few queries instead of walking the pages to it. */
	int (*locate)(struct app *app, void *ctx, int64_t id, void **row, int64_t *pos,
		      struct cchc_err *err);
};

struct kwin {
	const struct kwin_ops *ops;
	void *ctx;
	char *rows;                  /* rows first .. first + nrows - 1 of the list */
	int nrows, first;
	char *anchors;               /* anchors[p]: a copy of the last row of page p */
	int nanchors, acap;
	int total, unfiltered;       /* rows of the list, and without the / filter */
	bool more;                   /* total is a lower bound (set by prepare): shown as
				      * "hơn N", counted when the keyboard is idle */
	/* Set by a view whose prepare can leave the count a lower bound (more:
	 * the / filter matched too many rows to count while typing): the work
	 * put off, the whole set and its count, run when the keyboard is idle
	 * (app_later). False when a key interrupted it. */
	bool (*finish)(struct app *app, void *ctx);
	struct list list;            /* cursor and scroll over all total rows */
	struct filter filter;
	bool loaded;
	unsigned version;            /* app->data_version when loaded */
	int64_t want;                /* a record to put the cursor on once read, or 0 */
	bool want_or_none;           /* ... and when it is not in the list, no row selected */
	bool nosel;                  /* no row selected: kwin_cur is NULL until a move */
};

void kwin_init(struct kwin *kw, const struct kwin_ops *ops, void *ctx);
void kwin_free(struct kwin *kw);
/* Counts the rows again and drops those held, after a change of the query
 * (top: the cursor goes to the first row; else it keeps its position). */
void kwin_reload(struct app *app, struct kwin *kw, bool top);
/* Before drawing height rows: reloads after any write (app->data_version)
 * and reads the rows on screen. */
void kwin_fit(struct app *app, struct kwin *kw, int height);
/* After a save: the cursor goes to record id when the rows read around the
 * cursor hold it, or wherever it is when the list can locate it (locate);
 * else it keeps its place. */
void kwin_select(struct kwin *kw, int64_t id);
/* The same, but when the list does not hold record id no row is selected
 * (the cursor shows nowhere, and the first move selects the top row). */
void kwin_select_only(struct kwin *kw, int64_t id);
/* Whether row k is the one selected. */
bool kwin_is_cur(const struct kwin *kw, int k);
/* Row k of the list when held, else NULL; the row under the cursor. */
const void *kwin_row(const struct kwin *kw, int k);
const void *kwin_cur(const struct kwin *kw);
/* Moves, the / filter (prompt, Esc clears it); -1 for other actions. */
int kwin_handle(struct app *app, struct kwin *kw, enum action a);
/* "lọc: TEXT  (N/M)" for the status line while filtered. */
void kwin_status(const struct kwin *kw, struct sbuf *out);
/* The title line of a list with several lists to switch between: the
 * title, the lists' labels with the current one as the active tab, then
 * extra (a unit, the count). */
void kwin_draw_title(struct rect r, const char *title, const char *const *labels, int n, int cur,
		     const char *extra);
/* Whether the row's words s match the / filter (true when there is none). */
bool kwin_match(const struct kwin *kw, const char *s);
/* A keep function's answer from the row's words, written by fmt: true
 * unless text is asked and the / filter is on and does not match them. */
bool kwin_keep_words(const struct kwin *kw, bool text, const char *fmt, ...)
	CCHC_PRINTF(3, 4);

#endif
