/* Đơn vị: the divisions of the department with their code and head; a
 * adds one and e edits the one under the cursor (ui/unit_form.c). The list
 * can be filtered (/) on code, name and head. */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "core/unit.h"
#include "text/utf8.h"
#include "ui/app.h"
#include "ui/register_view.h"
#include "ui/filter.h"
#include "ui/list.h"
#include "ui/unit_form.h"

struct unit_row {
	int64_t id;
	char *code, *name, *head;  /* name: with "(đã thôi)" when no longer in use */
	bool active;
};

struct units_view {
	struct unit_row *rows;
	int nrows;
	int *shown;              /* indices of the rows the filter keeps */
	struct list list;        /* over shown */
	struct filter filter;
	bool loaded;
	unsigned version;        /* app->data_version the rows were read at */
	int64_t select;          /* a unit just saved: the cursor goes to it */
};

static int units_go(struct app *app, void *st, const char *kind, int64_t id, int64_t plan_id);

static const enum action units_hints[] = {
	ACT_HELP, ACT_QUIT, ACT_UNIT_ADD, ACT_UNIT_EDIT, ACT_DELETE, ACT_MOVE_DOWN, ACT_MOVE_UP, ACT_FILTER,
	ACT_SEARCH, ACT_VIEW_NEXT, ACT_NONE
};

static bool row_matches(const struct units_view *uv, const struct unit_row *u)
{
	struct sbuf b = SBUF_INIT;
	sbuf_addf(&b, "%s %s %s", u->code, u->name, u->head);
	bool m = filter_match(&uv->filter, b.s);
	sbuf_free(&b);
	return m;
}

/* Recomputes the shown rows, keeping the cursor on the same unit if it
 * stays. */
static void refilter(struct units_view *uv)
{
	int was = uv->list.n ? uv->shown[uv->list.cur] : -1, cur = 0;
	uv->list.n = 0;
	for (int i = 0; i < uv->nrows; i++) {
		if (!row_matches(uv, &uv->rows[i]))
			continue;
		if (i == was)
			cur = uv->list.n;
		uv->shown[uv->list.n++] = i;
	}
	uv->list.top = 0;
	list_set(&uv->list, cur);
}

static void rows_free(struct units_view *uv)
{
	for (int i = 0; i < uv->nrows; i++) {
		free(uv->rows[i].code);
		free(uv->rows[i].name);
		free(uv->rows[i].head);
	}
	free(uv->rows);
	free(uv->shown);
	uv->rows = NULL;
	uv->shown = NULL;
	uv->nrows = 0;
}

/* Reads the units, keeping the filter and the cursor on the same unit. */
static void load(struct app *app, struct units_view *uv)
{
	int64_t keep = uv->list.n ? uv->rows[uv->shown[uv->list.cur]].id : 0;
	struct unit_info *v = NULL;
	int n = 0;
	struct cchc_err err;
	if (unit_list(app->db, &v, &n, &err) != CCHC_OK) {
		app_message(app, true, "%s", err.msg);
		n = 0;
	}
	rows_free(uv);
	uv->rows = xcalloc(n ? (size_t)n : 1, sizeof *uv->rows);
	uv->shown = xcalloc(n ? (size_t)n : 1, sizeof *uv->shown);
	for (int i = 0; i < n; i++) {
		uv->rows[i].id = v[i].id;
		uv->rows[i].code = text_sanitize(v[i].code ? v[i].code : "");
		struct sbuf b = SBUF_INIT;
		sbuf_addf(&b, "%s%s", v[i].name ? v[i].name : "", v[i].active ? "" : " (đã thôi)");
		uv->rows[i].active = v[i].active;
		uv->rows[i].name = text_sanitize(b.s);
		sbuf_free(&b);
		uv->rows[i].head = text_sanitize(v[i].head ? v[i].head : "");
	}
	uv->nrows = n;
	unit_list_free(v, n);
	uv->list.n = 0;          /* the old shown rows are gone */
	refilter(uv);
	for (int k = 0; keep && k < uv->list.n; k++)
		if (uv->rows[uv->shown[k]].id == keep) {
			list_set(&uv->list, k);
			break;
		}
	uv->loaded = true;
	uv->version = app->data_version;
}

/* Reloads after a write anywhere (a form saved, a suggestion accepted). */
static void ensure(struct app *app, struct units_view *uv)
{
	if (!uv->loaded || uv->version != app->data_version)
		load(app, uv);
	if (uv->select) {
		int64_t id = uv->select;
		uv->select = 0;
		units_go(app, uv, "unit", id, 0);
	}
}

static void *units_open(struct app *app)
{
	struct units_view *uv = xcalloc(1, sizeof *uv);
	load(app, uv);
	return uv;
}

static void units_close(void *st)
{
	struct units_view *uv = st;
	rows_free(uv);
	filter_clear(&uv->filter);
	free(uv);
}

/* Column widths: code, name (the rest), head. */
static void columns(int w, int *cw, int *nw, int *hw)
{
	*cw = 9;
	*hw = w >= 100 ? 28 : 22;
	*nw = w - *cw - *hw - 4;
}

static void draw_cells(int y, int w, const char *const cell[3], attr_t a,
		       const struct text_query *q)
{
	int cw, nw, hw;
	columns(w, &cw, &nw, &hw);
	attr_t hl = theme_attr(EL_MATCH);
	draw_fill(y, 0, w, a);
	draw_text_hl(y, 2, cw - 1, cell[0], a, q, hl);
	draw_text_hl(y, 2 + cw, nw - 1, cell[1], a, q, hl);
	draw_text_hl(y, 2 + cw + nw, hw, cell[2], a, q, hl);
}

static void draw_empty(struct units_view *uv, struct rect r)
{
	if (uv->nrows)
		draw_text_clip(r.y + 3, 2, r.w - 4, "Không có đơn vị nào khớp bộ lọc; Esc để bỏ lọc.",
			       theme_attr(EL_TEXT));
	else
		draw_text_clip(r.y + 3, 2, r.w - 4, "Chưa có đơn vị nào. Bấm a để thêm (tên, ký hiệu, "
			       "trưởng đơn vị).", theme_attr(EL_TEXT));
}

static void units_draw(struct app *app, void *st, struct rect r)
{
	struct units_view *uv = st;
	ensure(app, uv);
	draw_fill_rect(r, theme_attr(EL_TEXT));
	char title[64];
	snprintf(title, sizeof title, "Các phòng, đơn vị thuộc Sở (%d)", uv->nrows);
	draw_fill(r.y, 0, r.w, theme_attr(EL_TITLE));
	draw_text_clip(r.y, 1, r.w - 2, title, theme_attr(EL_TITLE) | A_BOLD);
	static const char *const header[3] = { "Ký hiệu", "Tên đơn vị", "Trưởng đơn vị" };
	draw_cells(r.y + 1, r.w, header, theme_attr(EL_LIST_HEADER), NULL);
	list_fit(&uv->list, r.h - 2);
	const struct text_query *q = filter_query(&uv->filter);
	for (int i = 0; i < uv->list.height && uv->list.top + i < uv->list.n; i++) {
		int k = uv->list.top + i;
		const struct unit_row *u = &uv->rows[uv->shown[k]];
		attr_t a = theme_attr(k == uv->list.cur ? EL_CURSOR
				      : u->active ? EL_TEXT : EL_UNIT_INACTIVE);
		const char *const cell[3] = { u->code, u->name, u->head };
		draw_cells(r.y + 2 + i, r.w, cell, a, q);
		if (k == uv->list.cur)
			draw_text(r.y + 2 + i, 0, 1, "›", a);
	}
	if (!uv->list.n)
		draw_empty(uv, r);
}

static int apply_filter(struct app *app, void *ctx, const char *text)
{
	struct units_view *uv = ctx;
	filter_set(&uv->filter, text);
	app_set_query(app, uv->filter.text, false);
	refilter(uv);
	return UI_VIEW;
}

static int cancel_filter(struct app *app, void *ctx, const char *text)
{
	return apply_filter(app, ctx, "");
}

static void filter_extra(struct app *app, void *ctx, struct sbuf *out)
{
	struct units_view *uv = ctx;
	filter_count(uv->list.n, uv->nrows, out);
}

static void units_status(struct app *app, void *st, struct sbuf *out)
{
	struct units_view *uv = st;
	filter_status(&uv->filter, uv->list.n, uv->nrows, out);
}

/* After a save: the list is read again (data_version moved) with the
 * cursor on the unit saved, shown even if the filter would hide it. */
static void unit_saved(void *ctx, int64_t id)
{
	struct units_view *uv = ctx;
	uv->select = id;
}

static int open_form(struct app *app, struct units_view *uv, bool edit)
{
	int64_t id = edit && uv->list.n ? uv->rows[uv->shown[uv->list.cur]].id : 0;
	if (edit && !id) {
		app_message(app, true, "Chưa có đơn vị nào để sửa; bấm a để thêm");
		return UI_STATUS;
	}
	struct modal *m = unit_form_open(app, id, unit_saved, uv);
	return m ? app_modal_open(app, m) : UI_STATUS;
}

/* d: a unit no record names goes to the trash; the core says what still
 * names one (and suggests marking it no longer in use). */
static int delete_unit(struct app *app, struct units_view *uv)
{
	if (!uv->list.n)
		return UI_NONE;
	const struct unit_row *u = &uv->rows[uv->shown[uv->list.cur]];
	struct sbuf name = SBUF_INIT;
	sbuf_addf(&name, "đơn vị %s «%s»", *u->code ? u->code : "(chưa có ký hiệu)", u->name);
	int r = rv_delete_ask(app, unit_delete, u->id, name.s);
	sbuf_free(&name);
	return r;
}

static int units_handle(struct app *app, void *st, enum action a)
{
	struct units_view *uv = st;
	static const struct prompt_ops ops = {
		.done = apply_filter, .changed = apply_filter, .cancel = cancel_filter,
		.extra = filter_extra,
	};
	ensure(app, uv);
	if (a == ACT_FILTER)
		return app_modal_open(app, prompt_open_with("lọc:", uv->filter.text, &ops, uv));
	if (a == ACT_CANCEL && filter_active(&uv->filter))
		return cancel_filter(app, uv, NULL);
	if (a == ACT_UNIT_ADD || a == ACT_UNIT_EDIT)
		return open_form(app, uv, a == ACT_UNIT_EDIT);
	if (a == ACT_DELETE)
		return delete_unit(app, uv);
	return list_move(&uv->list, a) ? UI_VIEW : UI_NONE;
}

static int units_go(struct app *app, void *st, const char *kind, int64_t id, int64_t plan_id)
{
	struct units_view *uv = st;
	if (strcmp(kind, "unit") != 0)
		return -1;
	ensure(app, uv);
	for (int pass = 0; pass < 2; pass++) {
		for (int k = 0; k < uv->list.n; k++)
			if (uv->rows[uv->shown[k]].id == id) {
				list_set(&uv->list, k);
				return UI_ALL;
			}
		filter_clear(&uv->filter);   /* hidden by the filter: show all */
		refilter(uv);
	}
	return UI_ALL;
}

/* The unit under the cursor, for its history. */
static bool units_record(struct app *app, void *st, const char **table, int64_t *id)
{
	const struct units_view *uv = st;
	*table = "unit";
	*id = uv->list.n ? uv->rows[uv->shown[uv->list.cur]].id : 0;
	return *id != 0;
}

const struct view_class view_units = {
	.name = "units",
	.title = "Đơn vị",
	.hints = units_hints,
	.open = units_open,
	.close = units_close,
	.draw = units_draw,
	.handle = units_handle,
	.status = units_status,
	.go = units_go,
	.record = units_record,
};
