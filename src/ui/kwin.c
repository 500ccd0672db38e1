#include <config.h>
#include "ui/kwin.h"
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "text/utf8.h"

#define PAGE 100          /* rows of a page: the window holds the pages on screen and one
			   * either side */
#define CHUNK 500         /* rows a query reads when filtering or counting here */
#define WALK 2000         /* ... and when walking the pages up to a far one */

/* ---- rows as opaque structs with a table of their strings ---- */

static char *at(const struct kwin *kw, const char *base, int i)
{
	return (char *)base + (size_t)i * kw->ops->size;
}

static char **text_at(const struct kwin *kw, void *row, int t)
{
	return (char **)((char *)row + kw->ops->texts[t]);
}

static void rows_free(const struct kwin *kw, char *rows, int n)
{
	for (int i = 0; i < n; i++)
		for (int t = 0; t < kw->ops->ntexts; t++)
			free(*text_at(kw, at(kw, rows, i), t));
	free(rows);
}

static void row_copy(const struct kwin *kw, void *dst, const void *src)
{
	memcpy(dst, src, kw->ops->size);
	for (int t = 0; t < kw->ops->ntexts; t++) {
		char **p = text_at(kw, dst, t);
		*p = xstrdup(*p ? *p : "");
	}
}

/* Sanitises the row's texts (for the screen), then tells whether it is in
 * the list. */
static bool shown(const struct kwin *kw, void *row, bool text)
{
	for (int t = 0; t < kw->ops->ntexts; t++) {
		char **p = text_at(kw, row, t), *s = text_sanitize(*p ? *p : "");
		free(*p);
		*p = s;
	}
	return !kw->ops->keep || kw->ops->keep(kw, row, text);
}

/* ---- reading ---- */

typedef bool (*visit_fn)(struct kwin *kw, void *row, void *acc);

/* Reads the query after `after`, chunk rows a query, handing every row to
 * visit until it returns false or the rows end; false on error (told on the
 * status line). */
static bool walk(struct app *app, struct kwin *kw, const void *after, int chunk, visit_fn visit,
		 void *acc)
{
	char *prev = NULL;
	int nprev = 0;
	bool ok = true, more = true;
	while (more) {
		void *v = NULL;
		int m = 0;
		struct cchc_err err = { 0 };
		if (kw->ops->fetch(app, kw->ctx, after, false, chunk, &v, &m, &err)) {
			app_message(app, true, "%s", err.msg);
			ok = false;
			break;
		}
		rows_free(kw, prev, nprev);
		prev = v, nprev = m;
		for (int i = 0; i < m && more; i++)
			more = visit(kw, at(kw, prev, i), acc);
		if (m < chunk)
			break;
		after = at(kw, prev, m - 1);
	}
	rows_free(kw, prev, nprev);
	return ok;
}

/* Keeps a copy of row, the pos-th of the list, when it ends the first page
 * without an anchor yet. */
static void note_anchor(struct kwin *kw, int pos, const void *row)
{
	if (pos % PAGE || pos / PAGE - 1 != kw->nanchors)
		return;
	if (kw->nanchors == kw->acap) {
		kw->acap = kw->acap ? 2 * kw->acap : 16;
		kw->anchors = xrealloc(kw->anchors, (size_t)kw->acap * kw->ops->size);
	}
	row_copy(kw, at(kw, kw->anchors, kw->nanchors++), row);
}

struct collect {
	char *rows;
	int n, cap, limit, pos;  /* pos: place in the list of the row before the first */
};

static bool collect_row(struct kwin *kw, void *row, void *acc)
{
	struct collect *c = acc;
	if (!shown(kw, row, true))
		return true;
	if (c->n == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 64;
		c->rows = xrealloc(c->rows, (size_t)c->cap * kw->ops->size);
	}
	row_copy(kw, at(kw, c->rows, c->n++), row);
	note_anchor(kw, c->pos + c->n, row);
	return c->n < c->limit;
}

struct tally {
	int64_t all, kept;
};

static bool tally_row(struct kwin *kw, void *row, void *acc)
{
	struct tally *t = acc;
	if (shown(kw, row, false))
		t->all++;
	if (kw->ops->keep(kw, row, true))
		t->kept++;
	return true;
}

struct anchor_walk {
	int pos, target;
};

static bool anchor_row(struct kwin *kw, void *row, void *acc)
{
	struct anchor_walk *w = acc;
	if (kw->ops->keep && !shown(kw, row, true))
		return true;
	note_anchor(kw, ++w->pos, row);
	return kw->nanchors < w->target;
}

/* ---- the window ---- */

static void drop(struct kwin *kw)
{
	rows_free(kw, kw->rows, kw->nrows);
	rows_free(kw, kw->anchors, kw->nanchors);
	kw->rows = kw->anchors = NULL;
	kw->nrows = kw->first = kw->nanchors = kw->acap = 0;
}

static int clamp_int(int64_t n)
{
	return n > INT_MAX ? INT_MAX : n < 0 ? 0 : (int)n;
}

static bool finish_later(struct app *app, void *ctx);

/* The rows of the list with and without the / filter: counted by the query
 * (twice only while filtering), or by reading them all when the rows are
 * filtered here; a count the view puts off (more) is finished when the
 * keyboard is idle. */
static void count_rows(struct app *app, struct kwin *kw)
{
	struct tally t = { 0, 0 };
	struct cchc_err err = { 0 };
	bool filtered = filter_active(&kw->filter);
	kw->more = false;
	if (kw->ops->prepare)
		kw->ops->prepare(app, kw->ctx);
	if (kw->more && kw->finish)
		app_later(app, finish_later, kw);
	else
		app_later_cancel(app, kw);
	if (kw->ops->keep && filtered)
		walk(app, kw, NULL, CHUNK, tally_row, &t);
	else if (kw->ops->count(app, kw->ctx, true, &t.kept, &err) ||
		 (filtered && kw->ops->count(app, kw->ctx, false, &t.all, &err)))
		app_message(app, true, "%s", err.msg);
	else if (!filtered)
		t.all = t.kept;
	kw->total = clamp_int(t.kept);
	kw->unfiltered = clamp_int(t.all);
}

/* Reads the anchors of the pages before page target (walking from the
 * last one known). */
static void walk_anchors(struct app *app, struct kwin *kw, int target)
{
	if (kw->nanchors >= target)
		return;
	struct anchor_walk w = { kw->nanchors * PAGE, target };
	const void *after = kw->nanchors ? at(kw, kw->anchors, kw->nanchors - 1) : NULL;
	walk(app, kw, after, WALK, anchor_row, &w);
}

static void load_pages(struct app *app, struct kwin *kw, int start, int npages)
{
	struct collect c = { NULL, 0, 0, npages * PAGE, start * PAGE };
	const void *after = start ? at(kw, kw->anchors, start - 1) : NULL;
	walk(app, kw, after, kw->ops->keep ? CHUNK : c.limit, collect_row, &c);
	rows_free(kw, kw->rows, kw->nrows);
	kw->rows = c.rows;
	kw->nrows = c.n;
	kw->first = start * PAGE;
}

/* ---- both ways (fetch_back) ---- */

/* Positions counted from the end need every row read to be in the list:
 * no rows filtered here (keep) while they are read. */
static bool both_ways(const struct kwin *kw)
{
	return kw->ops->both_ways && (!kw->ops->keep || !filter_active(&kw->filter));
}

/* Reads up to limit rows before `before` (NULL: the last ones) or after
 * `after`, sanitised; NULL on error (told on the status line). */
static char *read_rows(struct app *app, struct kwin *kw, const void *before, const void *after,
		       bool back, int limit, int *n)
{
	void *v = NULL;
	struct cchc_err err = { 0 };
	int rc = kw->ops->fetch(app, kw->ctx, back ? before : after, back, limit, &v, n, &err);
	if (rc) {
		app_message(app, true, "%s", err.msg);
		*n = 0;
		return NULL;
	}
	for (int i = 0; i < *n; i++)
		shown(kw, at(kw, v, i), true);
	return v;
}

/* Keeps rows from .. to - 1 of the window (positions in the list). */
static void trim(struct kwin *kw, int from, int to)
{
	int a = from > kw->first ? from - kw->first : 0;
	int b = to < kw->first + kw->nrows ? to - kw->first : kw->nrows;
	if (a == 0 && b == kw->nrows)
		return;
	if (b < a)
		b = a;
	for (int i = 0; i < kw->nrows; i++)
		if (i < a || i >= b)
			for (int t = 0; t < kw->ops->ntexts; t++)
				free(*text_at(kw, at(kw, kw->rows, i), t));
	memmove(kw->rows, at(kw, kw->rows, a), (size_t)(b - a) * kw->ops->size);
	kw->nrows = b - a;
	kw->first += a;
}

/* Joins rows v (n of them) before (front) or after the window. */
static void join(struct kwin *kw, char *v, int n, bool front)
{
	if (!n) {
		free(v);
		return;
	}
	kw->rows = xrealloc(kw->rows, (size_t)(kw->nrows + n) * kw->ops->size);
	if (front) {
		memmove(at(kw, kw->rows, n), kw->rows, (size_t)kw->nrows * kw->ops->size);
		memcpy(kw->rows, v, (size_t)n * kw->ops->size);
		kw->first -= n;
	} else
		memcpy(at(kw, kw->rows, kw->nrows), v, (size_t)n * kw->ops->size);
	kw->nrows += n;
	free(v);
}

/* Moves the window by its own edge rows, or to the end, when that is the
 * short way to rows lo .. hi - 1; false when it is not. */
static bool move_both_ways(struct app *app, struct kwin *kw, int lo, int hi)
{
	if (!both_ways(kw))
		return false;
	int end = kw->first + kw->nrows, n = 0;
	char *v;
	if (kw->nrows && lo >= kw->first && lo <= end && hi > end && hi - end <= 2 * PAGE) {
		v = read_rows(app, kw, NULL, at(kw, kw->rows, kw->nrows - 1), false,
			      hi - end + PAGE / 2, &n);
		join(kw, v, n, false);
		if (n < hi - end)   /* fewer rows than counted: changed meanwhile */
			kw->total = kw->first + kw->nrows;
	} else if (kw->nrows && hi <= end && hi >= kw->first && lo < kw->first &&
		   kw->first - lo <= 2 * PAGE) {
		int want = kw->first - lo + PAGE / 2;
		v = read_rows(app, kw, at(kw, kw->rows, 0), NULL, true,
			      want < kw->first ? want : kw->first, &n);
		join(kw, v, n, true);
	} else if (lo > kw->nanchors * PAGE + 2 * PAGE &&
		   kw->total - lo < lo - kw->nanchors * PAGE) {
		int want = kw->total - lo + PAGE;
		v = read_rows(app, kw, NULL, NULL, true, want < kw->total ? want : kw->total, &n);
		rows_free(kw, kw->rows, kw->nrows);
		kw->rows = v;
		kw->nrows = n;
		kw->first = kw->total - n;
	} else
		return false;
	if (kw->first < 0) {   /* more rows before than counted */
		kw->total -= kw->first;
		kw->first = 0;
	}
	trim(kw, lo - PAGE, hi + PAGE);
	return true;
}

/* The top of the list on screen, the window not next to it (a list just
 * read again, Home): only the rows on screen are read (two pages of rows,
 * each sanitised and copied, were most of the time of the key that shows
 * a register); the rows below come from move_both_ways as the cursor
 * reaches them. False when the list cannot be read that way, or when a
 * record is wanted under the cursor: it is looked for in the pages read. */
static bool top_rows(struct app *app, struct kwin *kw, int lo, int hi)
{
	if (!both_ways(kw) || lo >= PAGE || kw->want)
		return false;
	int n = 0;
	char *v = read_rows(app, kw, NULL, NULL, false, hi, &n);
	rows_free(kw, kw->rows, kw->nrows);
	kw->rows = v;
	kw->nrows = n;
	kw->first = 0;
	if (n < hi)   /* fewer rows than counted: changed meanwhile */
		kw->total = n;
	return true;
}

/* Moves the window so that it holds rows lo .. hi - 1. */
static void ensure(struct app *app, struct kwin *kw, int lo, int hi)
{
	if (hi > kw->total)
		hi = kw->total;
	if (hi <= lo || (lo >= kw->first && hi <= kw->first + kw->nrows))
		return;
	if (move_both_ways(app, kw, lo, hi))
		return;
	if (top_rows(app, kw, lo, hi))
		return;
	int start = lo / PAGE > 0 ? lo / PAGE - 1 : 0, end = (hi - 1) / PAGE + 1;
	walk_anchors(app, kw, start);
	if (start > kw->nanchors)   /* fewer rows than counted: changed meanwhile */
		start = kw->nanchors;
	load_pages(app, kw, start, end - start + 1);
	if (kw->first + kw->nrows < hi)
		kw->total = kw->first + kw->nrows;
}

void kwin_init(struct kwin *kw, const struct kwin_ops *ops, void *ctx)
{
	memset(kw, 0, sizeof *kw);
	kw->ops = ops;
	kw->ctx = ctx;
}

void kwin_free(struct kwin *kw)
{
	drop(kw);
	filter_clear(&kw->filter);
}

void kwin_reload(struct app *app, struct kwin *kw, bool top)
{
	drop(kw);
	count_rows(app, kw);
	kw->list.n = kw->total;
	if (top)
		kw->list.cur = kw->list.top = 0;
	list_fit(&kw->list, kw->list.height);
	kw->loaded = true;
	kw->version = app->data_version;
	kw->nosel = false;
}

/* The count put off while typing: once the view has it, the list is
 * counted again with the cursor on its record. */
static bool finish_later(struct app *app, void *ctx)
{
	struct kwin *kw = ctx;
	if (!kw->more)
		return true;
	if (!kw->finish(app, kw->ctx))
		return false;
	const char *cur = kwin_cur(kw);
	if (cur && !kw->want)
		kw->want = *(const int64_t *)(cur + kw->ops->id);
	kwin_reload(app, kw, false);
	return true;
}

void kwin_select(struct kwin *kw, int64_t id)
{
	kw->want = id;
	kw->want_or_none = false;
}

void kwin_select_only(struct kwin *kw, int64_t id)
{
	kw->want = id;
	kw->want_or_none = true;
}

bool kwin_is_cur(const struct kwin *kw, int k)
{
	return !kw->nosel && k == kw->list.cur;
}

/* The window around the wanted record wherever it is, when the list can
 * locate it: half a page before it, a page after. */
static bool locate_wanted(struct app *app, struct kwin *kw)
{
	void *row = NULL;
	int64_t pos = 0;
	struct cchc_err err = { 0 };
	if (!kw->ops->locate || !both_ways(kw))
		return false;
	if (kw->ops->locate(app, kw->ctx, kw->want, &row, &pos, &err)) {
		app_message(app, true, "%s", err.msg);
		return false;
	}
	if (!row)
		return false;
	shown(kw, row, true);
	int nb = 0, na = 0;
	char *before = read_rows(app, kw, row, NULL, true, PAGE / 2, &nb);
	char *after = read_rows(app, kw, NULL, row, false, PAGE, &na);
	rows_free(kw, kw->rows, kw->nrows);
	kw->rows = row;
	kw->nrows = 1;
	kw->first = kw->list.cur = clamp_int(pos);
	join(kw, before, nb, true);
	join(kw, after, na, false);
	if (kw->first < 0) {   /* more rows before than counted */
		kw->total -= kw->first;
		kw->list.cur -= kw->first;
		kw->first = 0;
	}
	if (kw->first + kw->nrows > kw->total)
		kw->total = kw->first + kw->nrows;
	kw->want = 0;
	return true;
}

/* Moves the cursor to the wanted record if the window holds it. */
static bool find_wanted(struct kwin *kw)
{
	int64_t id = kw->want;
	kw->want = 0;
	for (int i = 0; id && i < kw->nrows; i++)
		if (*(const int64_t *)(at(kw, kw->rows, i) + kw->ops->id) == id) {
			kw->list.cur = kw->first + i;
			return true;
		}
	return false;
}

void kwin_fit(struct app *app, struct kwin *kw, int height)
{
	if (!kw->loaded || kw->version != app->data_version) {
		const char *cur = kw->loaded && !kw->want ? kwin_cur(kw) : NULL;
		if (cur)   /* the cursor stays on its record where it can */
			kw->want = *(const int64_t *)(cur + kw->ops->id);
		kwin_reload(app, kw, false);
	}
	bool or_none = kw->want && kw->want_or_none;
	bool found = kw->want && locate_wanted(app, kw);
	kw->want_or_none = false;
	for (int pass = 0; pass < 3; pass++) {
		kw->list.n = kw->total;
		list_fit(&kw->list, height);
		ensure(app, kw, kw->list.top, kw->list.top + kw->list.height);
		bool hit = kw->want && find_wanted(kw);
		found = found || hit;
		if (kw->list.n == kw->total && !hit)
			break;
	}
	if (or_none && !found)
		kw->nosel = true;
}

const void *kwin_row(const struct kwin *kw, int k)
{
	if (k < kw->first || k >= kw->first + kw->nrows || k >= kw->total)
		return NULL;
	return at(kw, kw->rows, k - kw->first);
}

const void *kwin_cur(const struct kwin *kw)
{
	return kw->nosel ? NULL : kwin_row(kw, kw->list.cur);
}

void kwin_draw_title(struct rect r, const char *title, const char *const *labels, int n, int cur,
		     const char *extra)
{
	attr_t a = theme_attr(EL_TITLE);
	draw_fill(r.y, 0, r.w, a);
	int x = 1 + draw_text(r.y, 1, r.w - 2, title, a | A_BOLD);
	for (int i = 0; i < n && x < r.w - 1; i++) {
		struct sbuf b = SBUF_INIT;
		sbuf_addf(&b, " %s ", labels[i]);
		x += 1 + draw_text(r.y, x + 1, r.w - x - 2, b.s,
				   i == cur ? theme_attr(EL_TAB_ACTIVE) : a);
		sbuf_free(&b);
	}
	if (x + 2 < r.w - 1)
		draw_text_clip(r.y, x + 2, r.w - x - 3, extra, a | A_BOLD);
}

bool kwin_match(const struct kwin *kw, const char *s)
{
	return filter_match(&kw->filter, s);
}

bool kwin_keep_words(const struct kwin *kw, bool text, const char *fmt, ...)
{
	if (!text || !filter_active(&kw->filter))
		return true;
	struct sbuf b = SBUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	sbuf_vaddf(&b, fmt, ap);
	va_end(ap);
	bool ok = filter_match(&kw->filter, b.s ? b.s : "");
	sbuf_free(&b);
	return ok;
}

/* ---- the / filter ---- */

static int filter_changed(struct app *app, void *ctx, const char *text)
{
	struct kwin *kw = ctx;
	filter_set(&kw->filter, text);
	app_set_query(app, kw->filter.text, false);
	const char *cur = kwin_cur(kw);
	if (cur)   /* the record stays under the cursor when the new list shows it */
		kw->want = *(const int64_t *)(cur + kw->ops->id);
	kwin_reload(app, kw, true);
	return UI_VIEW;
}

static int filter_cancel(struct app *app, void *ctx, const char *text)
{
	return filter_changed(app, ctx, "");
}

static void filter_extra(struct app *app, void *ctx, struct sbuf *out)
{
	struct kwin *kw = ctx;
	filter_count(kw->more ? -kw->total - 1 : kw->total, kw->unfiltered, out);
}

int kwin_handle(struct app *app, struct kwin *kw, enum action a)
{
	static const struct prompt_ops ops = {
		.done = filter_changed, .changed = filter_changed, .cancel = filter_cancel,
		.extra = filter_extra,
	};
	switch (a) {
	case ACT_FILTER:
		return app_modal_open(app, prompt_open_with("lọc:", kw->filter.text, &ops, kw));
	case ACT_CANCEL:
		return filter_active(&kw->filter) ? filter_cancel(app, kw, NULL) : UI_NONE;
	default:
		if (!list_move(&kw->list, a))
			return -1;
		if (kw->nosel)   /* the first move selects the top row */
			kw->list.cur = kw->list.top;
		kw->nosel = false;
		return UI_VIEW;
	}
}

void kwin_status(const struct kwin *kw, struct sbuf *out)
{
	filter_status(&kw->filter, kw->more ? -kw->total - 1 : kw->total, kw->unfiltered, out);
}
