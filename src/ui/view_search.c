/* Tìm kiếm: one query over every plan, section, unit, task, evidence record,
 * dossier, letter and feedback item (core/search.h), re-run on every key as
 * the clerk types (the last word a prefix), ranked, without tones by
 * default and with them when asked (search-exact). Each result shows its
 * kind in Vietnamese, its name, its plan's name and a line around the
 * match; Enter opens the record on its own screen with the words
 * highlighted. Printable keys (letters, digits, signs) and the editing keys
 * go to the query line; the others are actions (Tab, S-Tab and the F keys
 * switch screens). */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "core/search.h"
#include "text/fold.h"
#include "text/utf8.h"
#include "ui/app.h"
#include "ui/lineedit.h"
#include "ui/list.h"

#define MAX_SPANS 16

struct search_view {
	struct lineedit ed;
	bool exact;
	struct search_hit *hits;
	int nhits;
	struct list list;        /* over hits; two rows each */
	char *ran;               /* the query the hits are for */
	bool ran_exact;
	int ran_width;
	unsigned ran_version;    /* app->data_version the hits were read at */
	struct text_query q;     /* ran, for highlighting titles */
	bool partial;            /* the hits of a word typed, its prefix put off */
	int shown;               /* hits on screen: only those are named at once */
	struct search_cache *cache;   /* the indexes' rows of the last searches */
};

static const enum action search_hints[] = {
	ACT_HELP, ACT_QUIT, ACT_SELECT, ACT_SEARCH_EXACT, ACT_MOVE_DOWN, ACT_VIEW_NEXT, ACT_NONE
};

/* Columns of a hit: the kind ("Phiếu xin lỗi" is the widest), then the
 * name and the line around the match. */
#define KIND_W 13
#define TEXT_X (KIND_W + 3)

static void forget(struct search_view *sv)
{
	search_hits_free(sv->hits, sv->nhits);
	sv->hits = NULL;
	sv->nhits = 0;
	if (sv->ran)
		text_query_free(&sv->q);
	free(sv->ran);
	sv->ran = NULL;
	sv->list = (struct list){ 0 };
	sv->partial = false;
}

static void *search_open(struct app *app)
{
	struct search_view *sv = xcalloc(1, sizeof *sv);
	lineedit_init(&sv->ed, NULL);
	sv->cache = search_cache_new();
	return sv;
}

static void search_close(void *st)
{
	struct search_view *sv = st;
	forget(sv);
	lineedit_free(&sv->ed);
	search_cache_free(sv->cache);
	free(sv);
}

/* The options of the search of the text typed. */
static struct search_opts search_options(struct search_view *sv)
{
	return (struct search_opts){ .exact = sv->ran_exact, .prefix = true, .limit = 100,
				     .snippet_width = sv->ran_width, .name_first = sv->shown,
				     .cache = sv->cache };
}

/* Reads the hits of the text typed, naming those on screen; with cut, the
 * slow part of it (a word as a prefix over a big dossier register) is put
 * off (sv->partial). */
static int read_hits(struct app *app, struct search_view *sv, bool cut, struct cchc_err *err)
{
	struct search_hit *hits = NULL;
	int n = 0;
	bool was_cut = false;
	struct search_opts o = search_options(sv);
	o.cut_slow = cut;
	o.cut = &was_cut;
	int rc = search_run(app->db, sv->ran, &o, &hits, &n, err);
	if (rc != CCHC_OK)
		return rc;
	search_hits_free(sv->hits, sv->nhits);
	sv->hits = hits;
	sv->nhits = n;
	sv->partial = was_cut;
	sv->list.n = n;
	if (sv->list.cur >= n)
		sv->list.cur = n ? n - 1 : 0;
	return CCHC_OK;
}

/* At idle: the hits with the prefix put off; false when a key came first. */
static bool read_rest(struct app *app, void *ctx)
{
	struct search_view *sv = ctx;
	struct cchc_err err;
	if (!sv->partial || !sv->ran)
		return true;
	if (read_hits(app, sv, false, &err) == CCHC_OK)
		return true;
	if (sqlite3_errcode(app->db->h) == SQLITE_INTERRUPT)
		return false;
	sv->partial = false;
	app_message(app, true, "%s", err.msg);
	return true;
}

/* Runs the query when it, the mode or the width changed since last time. */
static void run(struct app *app, struct search_view *sv, int width)
{
	const char *text = lineedit_text(&sv->ed);
	if (sv->ran && strcmp(sv->ran, text) == 0 && sv->ran_exact == sv->exact &&
	    sv->ran_width == width && sv->ran_version == app->data_version) {
		if (sv->partial)   /* still put off (another screen's work took the turn) */
			app_later(app, read_rest, sv);
		return;
	}
	int cur = sv->ran && strcmp(sv->ran, text) == 0 ? sv->list.cur : 0;
	if (sv->ran_version != app->data_version)   /* the rows kept may be stale */
		search_cache_clear(sv->cache);
	forget(sv);
	sv->ran = xstrdup(text);
	sv->ran_exact = sv->exact;
	sv->ran_width = width;
	sv->ran_version = app->data_version;
	text_query_init(&sv->q, text, sv->exact, true);
	sv->list.cur = cur;
	struct cchc_err err;
	if (read_hits(app, sv, true, &err) != CCHC_OK)
		app_message(app, true, "%s", err.msg);
	if (sv->partial)
		app_later(app, read_rest, sv);
	else
		app_later_cancel(app, sv);
}

/* Draws a snippet: the text between \x01 and \x02 in hl, the rest in a;
 * nothing when it only repeats the title. */
static void draw_snippet(int y, int x, int w, const char *marked, const char *title, attr_t a,
			 attr_t hl)
{
	struct sbuf plain = SBUF_INIT;
	struct text_span sp[MAX_SPANS];
	int n = 0;
	for (const char *p = marked; *p;) {
		size_t len = strcspn(p, "\x01\x02");
		char *part = xstrndup(p, len), *safe = text_sanitize(part);
		sbuf_add(&plain, safe);
		free(part);
		free(safe);
		p += len;
		if (*p == '\x01' && n < MAX_SPANS)
			sp[n].start = plain.len;
		else if (*p == '\x02' && n < MAX_SPANS)
			sp[n++].end = plain.len;
		p += *p != '\0';
	}
	if (strcmp(plain.s ? plain.s : "", title) != 0)
		draw_text_spans(y, x, w, plain.s ? plain.s : "", a, sp, n, hl);
	sbuf_free(&plain);
}

/* The name of the hit's plan at the right of its title line, in at most a
 * third of it; returns the columns left for the title. */
static int draw_plan(const struct search_hit *h, int y, int x, int w, attr_t a)
{
	if (!h->plan)
		return w;
	char *plan = text_sanitize(h->plan);
	int pw = text_width(plan) + 2, max = w / 3;
	if (pw > max)
		pw = max;
	if (pw >= 8)
		draw_text_clip(y, x + w - pw + 2, pw - 2, plan, a);
	free(plan);
	return pw >= 8 ? w - pw : w;
}

static void draw_hit(struct search_view *sv, int k, int y, struct rect r)
{
	const struct search_hit *h = &sv->hits[k];
	bool cur = k == sv->list.cur;
	attr_t a = theme_attr(cur ? EL_CURSOR : EL_TEXT), hl = theme_attr(EL_MATCH);
	attr_t dim = cur ? a : theme_attr(EL_SEARCH_KIND);
	draw_fill(y, r.x, r.w, a);
	draw_fill(y + 1, r.x, r.w, a);
	if (cur)
		draw_text(y, r.x, 1, "›", a);
	draw_text(y, r.x + 2, KIND_W, search_kind_label(h->kind), dim);
	char *title = text_sanitize(h->title);
	int tw = draw_plan(h, y, r.x + TEXT_X, r.w - TEXT_X - 1, dim);
	draw_text_hl(y, r.x + TEXT_X, tw, title, a | A_BOLD, &sv->q, hl);
	draw_snippet(y + 1, r.x + TEXT_X, r.w - TEXT_X - 1, h->snippet, title, a, hl);
	free(title);
}

static void draw_info(struct search_view *sv, struct rect r)
{
	struct sbuf b = SBUF_INIT;
	const char *mode = sv->exact ? "đúng dấu" : "không phân biệt dấu";
	if (!sv->ran || !sv->q.nterms)
		sbuf_addf(&b, "Tìm kế hoạch, nhiệm vụ, hồ sơ, phiếu xin lỗi, phản ánh… (%s).", mode);
	else if (!sv->nhits)
		sbuf_addf(&b, "Không tìm thấy (%s).", mode);
	else
		sbuf_addf(&b, "%d kết quả%s (%s)", sv->nhits, sv->nhits >= 100 ? " đầu" : "", mode);
	draw_text_clip(r.y + 1, r.x + 1, r.w - 2, b.s, theme_attr(EL_LIST_HEADER));
	sbuf_free(&b);
}

static void search_draw(struct app *app, void *st, struct rect r)
{
	struct search_view *sv = st;
	draw_fill_rect(r, theme_attr(EL_TEXT));
	attr_t pa = theme_attr(EL_PROMPT);
	draw_fill(r.y, r.x, r.w, pa);
	int x = r.x + 1 + draw_text(r.y, r.x + 1, r.w - 2, "Tìm:", pa | A_BOLD) + 1;
	int cx = lineedit_draw(&sv->ed, r.y, x, r.x + r.w - 1 - x, pa);
	app_set_cursor(app, r.y, cx);
	sv->shown = (r.h - 2) / 2 > 0 ? (r.h - 2) / 2 : 1;
	run(app, sv, r.w - TEXT_X - 1);
	draw_info(sv, r);
	list_fit(&sv->list, (r.h - 2) / 2);
	if (sv->ran) {
		struct search_opts o = search_options(sv);
		search_hits_name(app->db, sv->hits, sv->nhits, sv->list.top,
				 sv->list.top + sv->list.height, sv->ran, &o);
	}
	for (int i = 0; i < sv->list.height && sv->list.top + i < sv->nhits; i++)
		draw_hit(sv, sv->list.top + i, r.y + 2 + 2 * i, r);
}

static int search_key(struct app *app, void *st, int key)
{
	struct search_view *sv = st;
	int r = lineedit_key(&sv->ed, key);
	if (r == LE_IGNORED)
		return -1;
	return r == LE_NONE ? UI_NONE : UI_VIEW;
}

static int open_hit(struct app *app, struct search_view *sv)
{
	if (!sv->nhits || !sv->ran)
		return UI_NONE;
	const struct search_hit *h = &sv->hits[sv->list.cur];
	app_set_query(app, sv->ran, sv->ran_exact);
	return app_goto(app, h->kind, h->id, h->plan_id);
}

static int search_handle(struct app *app, void *st, enum action a)
{
	struct search_view *sv = st;
	switch (a) {
	case ACT_SELECT: return open_hit(app, sv);
	case ACT_SEARCH_EXACT: sv->exact = !sv->exact; return UI_VIEW;
	case ACT_CANCEL:
		if (!lineedit_text(&sv->ed)[0])
			return UI_NONE;
		lineedit_set(&sv->ed, "");
		return UI_VIEW;
	default: break;
	}
	return list_move(&sv->list, a) ? UI_VIEW : UI_NONE;
}

const struct view_class view_search = {
	.name = "search",
	.title = "Tìm kiếm",
	.hints = search_hints,
	.open = search_open,
	.close = search_close,
	.draw = search_draw,
	.handle = search_handle,
	.key = search_key,
};
