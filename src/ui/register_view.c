#include <config.h>
#include "ui/register_view.h"
#include <stdlib.h>
#include <string.h>
#include "text/utf8.h"
#include "ui/panel.h"
#include "util/sbuf.h"

void *rv_open(const struct register_desc *d, size_t size)
{
	struct register_view *v = xcalloc(1, size);
	v->d = d;
	kwin_init(&v->kw, d->ops, v);
	v->unit.kw = &v->kw;
	return v;
}

void rv_close(void *st)
{
	struct register_view *v = st;
	if (v->free_extra)
		v->free_extra(v);
	kwin_free(&v->kw);
	rf_unit_filter_free(&v->unit);
	free(v);
}

int64_t rv_row_id(const struct register_view *v, const void *row)
{
	return *(const int64_t *)((const char *)row + v->d->ops->id);
}

/* ---- drawing ---- */

/* The title, the lists as tabs, the unit and the count. */
static void draw_title(struct register_view *v, struct rect r)
{
	struct sbuf b = SBUF_INIT;
	if (v->unit.code)
		sbuf_addf(&b, "đơn vị %s ", v->unit.code);
	sbuf_addf(&b, "(%d)", v->kw.unfiltered);
	kwin_draw_title(r, v->d->title, v->d->modes, v->d->nmodes, v->mode, b.s);
	sbuf_free(&b);
}

static void draw_row(struct register_view *v, int k, int y, int w)
{
	const void *row = kwin_row(&v->kw, k);
	if (!row)
		return;
	bool cur = kwin_is_cur(&v->kw, k);
	enum elem el = v->d->row_elem ? v->d->row_elem(row) : EL_TEXT;
	attr_t a = theme_attr(cur ? EL_CURSOR : el);
	draw_fill(y, 0, w, a);
	if (cur)
		draw_text(y, 0, 1, "›", a);
	v->d->draw_row(v, row, cur, a, y, w);
}

static const char *empty_text(const struct register_view *v)
{
	if (filter_active(&v->kw.filter))
		return v->d->no_match;
	if (v->d->empty)
		return v->d->empty(v);
	return v->d->nmodes ? v->d->mode_empty[v->mode] : "";
}

void rv_draw(struct app *app, void *st, struct rect r)
{
	struct register_view *v = st;
	kwin_fit(app, &v->kw, r.h - 2);
	draw_fill_rect(r, theme_attr(EL_TEXT));
	(v->d->draw_title ? v->d->draw_title : draw_title)(v, r);
	v->d->draw_header(v, r);
	struct list *l = &v->kw.list;
	for (int i = 0; i < l->height && l->top + i < l->n; i++)
		draw_row(v, l->top + i, r.y + 2 + i, r.w);
	if (!l->n)
		draw_text_clip(r.y + 3, 2, r.w - 4, empty_text(v), theme_attr(EL_TEXT));
}

void rv_status(struct app *app, void *st, struct sbuf *out)
{
	struct register_view *v = st;
	kwin_status(&v->kw, out);
}

/* ---- delete ---- */

struct delete_req {
	int (*fn)(struct db *, int64_t, struct cchc_err *);
	int64_t id;
	char *name;
};

static void delete_req_free(void *p)
{
	struct delete_req *r = p;
	free(r->name);
	free(r);
}

/* The lists reload at their next drawing (data_version), the cursor
 * staying where it was: on the row after the one deleted. */
static int delete_confirmed(struct app *app, void *ctx)
{
	struct delete_req *r = ctx;
	struct cchc_err err = { 0 };
	if (r->fn(app->db, r->id, &err) != CCHC_OK) {
		app_message(app, true, "Chưa xóa: %s", err.msg);
		return UI_STATUS;
	}
	app->data_version++;
	app_message(app, false, "Đã xóa %s (R: thùng rác, khôi phục được)", r->name);
	return UI_ALL;
}

int rv_delete_ask(struct app *app, int (*fn)(struct db *, int64_t, struct cchc_err *),
		  int64_t id, const char *name)
{
	if (!fn) {
		app_message(app, true, "Chưa xóa được loại bản ghi này");
		return UI_STATUS;
	}
	struct delete_req *r = xmalloc(sizeof *r);
	*r = (struct delete_req){ fn, id, text_sanitize(name) };
	struct sbuf q = SBUF_INIT;
	sbuf_addf(&q, "Xóa %s", r->name);
	struct modal *m = confirm_open(q.s, NULL, delete_confirmed, r, delete_req_free);
	sbuf_free(&q);
	return app_modal_open(app, m);
}

static int delete_row(struct app *app, struct register_view *v, const void *row)
{
	struct sbuf name = SBUF_INIT;
	if (v->d->name_row)
		v->d->name_row(row, &name);
	int r = rv_delete_ask(app, v->d->delete_row, rv_row_id(v, row), name.s ? name.s : "");
	sbuf_free(&name);
	return r;
}

/* ---- keys ---- */

static int next_mode(struct app *app, struct register_view *v)
{
	if (!v->d->nmodes)
		return UI_NONE;
	v->mode = (v->mode + 1) % v->d->nmodes;
	kwin_reload(app, &v->kw, true);
	return UI_VIEW;
}

/* The register's key table on record id (0: none). */
static int act(struct app *app, struct register_view *v, int64_t id, enum action a)
{
	for (const struct rv_key *k = v->d->keys; k && k->action != ACT_NONE; k++)
		if (k->action == a)
			return k->needs_row && !id ? UI_NONE : k->fn(app, v, id, a);
	return UI_NONE;
}

/* The engine's own keys, then the register's table. */
int rv_handle(struct app *app, void *st, enum action a)
{
	struct register_view *v = st;
	int r = kwin_handle(app, &v->kw, a);
	if (r >= 0)
		return r;
	const void *row = kwin_cur(&v->kw);
	if (a == ACT_VIEW_CYCLE)
		return next_mode(app, v);
	if (a == ACT_BY_UNIT && v->d->unit_title)
		return app_modal_open(app, rf_unit_filter_open(app, v->d->unit_title, &v->unit));
	if (a == ACT_DELETE)
		return row ? delete_row(app, v, row) : UI_NONE;
	return act(app, v, row ? rv_row_id(v, row) : 0, a);
}

bool rv_record(struct app *app, void *st, const char **table, int64_t *id)
{
	struct register_view *v = st;
	const void *row = kwin_cur(&v->kw);
	*table = v->d->table;
	*id = row ? rv_row_id(v, row) : 0;
	return row != NULL;
}

/* ---- details ---- */

struct detail_ctx {
	struct register_view *v;
	const struct rv_detail *d;
	int64_t id;
	int variant;
};

static void detail_build(struct app *app, void *ctx, struct tlines *l)
{
	struct detail_ctx *c = ctx;
	c->d->build(app, c->v, c->id, c->variant, l);
}

static int detail_key(struct app *app, void *ctx, enum action a)
{
	struct detail_ctx c = *(struct detail_ctx *)ctx;   /* closing frees ctx */
	for (const enum action *k = c.d->keys; *k != ACT_NONE; k++)
		if (*k == a)
			return app_modal_close(app) | act(app, c.v, c.id, a);
	return -1;
}

int rv_open_detail(struct app *app, struct register_view *v, const struct rv_detail *d,
		   int64_t id, int variant, const char *title)
{
	static const struct panel_ops ops = { detail_build, detail_key, free };
	struct detail_ctx *c = xmalloc(sizeof *c);
	*c = (struct detail_ctx){ v, d, id, variant };
	return app_modal_open(app, panel_open(v->d->scope, title, d->footer, &ops, c));
}

void rv_draw_headings(struct rect r, const struct rv_heading *h, int n)
{
	attr_t a = theme_attr(EL_LIST_HEADER);
	draw_fill(r.y + 1, 0, r.w, a);
	for (int i = 0; i < n; i++) {
		int x = h[i].x < 0 ? r.w + h[i].x : h[i].x;
		int w = h[i].w > 0 ? h[i].w : r.w - x + (h[i].w ? h[i].w : -1);
		if (h[i].text)
			draw_text(r.y + 1, x, w, h[i].text, a);
	}
}

void rv_draw_title_text(struct rect r, const char *text)
{
	attr_t a = theme_attr(EL_TITLE);
	draw_fill(r.y, 0, r.w, a);
	draw_text_clip(r.y, 1, r.w - 2, text, a | A_BOLD);
}

void rv_show(struct app *app, struct register_view *v, int mode, int64_t id)
{
	rv_show_filtered(app, v, mode, NULL, id);
}

void rv_show_filtered(struct app *app, struct register_view *v, int mode, const char *words,
		      int64_t id)
{
	v->mode = mode;
	rf_unit_filter_free(&v->unit);
	if (words)
		filter_set(&v->kw.filter, words);
	else
		filter_clear(&v->kw.filter);
	kwin_reload(app, &v->kw, true);
	kwin_select(&v->kw, id);
}
