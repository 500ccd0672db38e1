/* Đơn vị: the divisions of the department with their code and head
 * (read-only for now; units are added with "cchc unit add"). */
#include <config.h>
#include <stdlib.h>
#include "core/unit.h"
#include "text/utf8.h"
#include "ui/app.h"
#include "ui/list.h"

struct unit_row {
	char *code, *name, *head;
};

struct units_view {
	struct unit_row *rows;
	struct list list;
};

static const enum action units_hints[] = {
	ACT_HELP, ACT_QUIT, ACT_MOVE_DOWN, ACT_MOVE_UP, ACT_VIEW_NEXT, ACT_NONE
};

static void *units_open(struct app *app)
{
	struct units_view *uv = xcalloc(1, sizeof *uv);
	struct unit_info *v = NULL;
	int n = 0;
	struct cchc_err err;
	if (unit_list(app->db, &v, &n, &err) != CCHC_OK) {
		app_message(app, true, "%s", err.msg);
		n = 0;
	}
	uv->rows = xcalloc(n ? (size_t)n : 1, sizeof *uv->rows);
	for (int i = 0; i < n; i++) {
		uv->rows[i].code = text_sanitize(v[i].code ? v[i].code : "");
		uv->rows[i].name = text_sanitize(v[i].name ? v[i].name : "");
		uv->rows[i].head = text_sanitize(v[i].head ? v[i].head : "");
	}
	uv->list.n = n;
	unit_list_free(v, n);
	return uv;
}

static void units_close(void *st)
{
	struct units_view *uv = st;
	for (int i = 0; i < uv->list.n; i++) {
		free(uv->rows[i].code);
		free(uv->rows[i].name);
		free(uv->rows[i].head);
	}
	free(uv->rows);
	free(uv);
}

/* Column widths: code, name (the rest), head. */
static void columns(int w, int *cw, int *nw, int *hw)
{
	*cw = 9;
	*hw = w >= 100 ? 28 : 22;
	*nw = w - *cw - *hw - 4;
}

static void draw_cells(int y, int w, const char *c, const char *n, const char *h, attr_t a)
{
	int cw, nw, hw;
	columns(w, &cw, &nw, &hw);
	draw_fill(y, 0, w, a);
	draw_text_clip(y, 2, cw - 1, c, a);
	draw_text_clip(y, 2 + cw, nw - 1, n, a);
	draw_text_clip(y, 2 + cw + nw, hw, h, a);
}

static void units_draw(struct app *app, void *st, struct rect r)
{
	struct units_view *uv = st;
	draw_fill_rect(r, theme_attr(EL_TEXT));
	char title[64];
	snprintf(title, sizeof title, "Các phòng, đơn vị thuộc Sở (%d)", uv->list.n);
	draw_fill(r.y, 0, r.w, theme_attr(EL_TITLE));
	draw_text_clip(r.y, 1, r.w - 2, title, theme_attr(EL_TITLE) | A_BOLD);
	draw_cells(r.y + 1, r.w, "Ký hiệu", "Tên đơn vị", "Trưởng đơn vị",
		   theme_attr(EL_LIST_HEADER));
	list_fit(&uv->list, r.h - 2);
	for (int i = 0; i < uv->list.height && uv->list.top + i < uv->list.n; i++) {
		int k = uv->list.top + i;
		const struct unit_row *u = &uv->rows[k];
		attr_t a = theme_attr(k == uv->list.cur ? EL_CURSOR : EL_TEXT);
		draw_cells(r.y + 2 + i, r.w, u->code, u->name, u->head, a);
		if (k == uv->list.cur)
			draw_text(r.y + 2 + i, 0, 1, "›", a);
	}
	if (!uv->list.n)
		draw_text_clip(r.y + 3, 2, r.w - 4, "Chưa có đơn vị nào. Thêm bằng lệnh: "
			       "cchc unit add TÊN --code KÝ_HIỆU --head TRƯỞNG_ĐƠN_VỊ",
			       theme_attr(EL_TEXT));
}

static int units_handle(struct app *app, void *st, enum action a)
{
	struct units_view *uv = st;
	return list_move(&uv->list, a) ? UI_VIEW : UI_NONE;
}

const struct view_class view_units = {
	.name = "units",
	.title = "Đơn vị",
	.hints = units_hints,
	.open = units_open,
	.close = units_close,
	.draw = units_draw,
	.handle = units_handle,
};
