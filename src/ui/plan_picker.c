/* The plan picker: every imported plan (year, number, title), newest first;
 * Enter opens the one under the cursor. */
#include <config.h>
#include <stdlib.h>
#include "core/plan.h"
#include "text/utf8.h"
#include "ui/app.h"
#include "ui/list.h"

struct picker_row {
	int64_t id;
	char year[12];
	char *doc_no, *title;
};

struct picker {
	struct modal m;
	struct picker_row *rows;
	struct list list;
	plan_chosen_fn chosen;
	void *ctx;
};

static int picker_key(struct app *app, struct modal *m, int key)
{
	struct picker *p = (struct picker *)m;
	enum action a = app_action(app, "", key);
	if (a == ACT_QUIT || a == ACT_CANCEL || a == ACT_PLAN_PICK)
		return app_modal_close(app);
	if (a == ACT_SELECT && p->list.n) {
		int64_t id = p->rows[p->list.cur].id;
		plan_chosen_fn chosen = p->chosen;
		void *ctx = p->ctx;
		int flags = app_modal_close(app);
		return flags | chosen(app, ctx, id);
	}
	return list_move(&p->list, a) ? UI_VIEW : UI_NONE;
}

static void draw_row(const struct picker_row *r, int y, int x, int w, attr_t a)
{
	draw_fill(y, x, w, a);
	draw_text(y, x + 1, 4, r->year, a);
	int used = draw_text_clip(y, x + 7, 16, r->doc_no, a);
	int tx = x + 7 + (used < 16 ? 16 : used) + 2;
	draw_text_clip(y, tx, x + w - tx - 1, r->title, a);
}

static void picker_draw(struct app *app, struct modal *m)
{
	struct picker *p = (struct picker *)m;
	int h = p->list.n + 5;
	struct rect r = draw_centered(COLS - 6 < 100 ? COLS - 6 : 100, h < 8 ? 8 : h);
	draw_box(r, theme_attr(EL_DIALOG), "Chọn kế hoạch");
	attr_t hdr = theme_attr(EL_LIST_HEADER);
	draw_text(r.y + 1, r.x + 2, 4, "Năm", hdr);
	draw_text(r.y + 1, r.x + 8, 16, "Số, ký hiệu", hdr);
	draw_text(r.y + 1, r.x + 27, r.w - 29, "Trích yếu", hdr);
	list_fit(&p->list, r.h - 4);
	for (int i = 0; i < p->list.height && p->list.top + i < p->list.n; i++) {
		int k = p->list.top + i;
		attr_t a = theme_attr(k == p->list.cur ? EL_CURSOR : EL_DIALOG);
		draw_row(&p->rows[k], r.y + 2 + i, r.x + 1, r.w - 2, a);
		if (k == p->list.cur)
			draw_text(r.y + 2 + i, r.x + 1, 1, "›", a);
	}
	if (!p->list.n)
		draw_text(r.y + 2, r.x + 2, r.w - 4, "Chưa có kế hoạch nào.", theme_attr(EL_DIALOG));
	draw_text_clip(r.y + r.h - 2, r.x + 2, r.w - 4, "Enter: mở kế hoạch   Esc: đóng",
		       theme_attr(EL_DIALOG) | A_DIM);
}

static void picker_free(struct modal *m)
{
	struct picker *p = (struct picker *)m;
	for (int i = 0; i < p->list.n; i++) {
		free(p->rows[i].doc_no);
		free(p->rows[i].title);
	}
	free(p->rows);
	free(p);
}

static void fill_row(struct picker_row *r, const struct plan_info *pi)
{
	r->id = pi->id;
	if (pi->year > 0)
		snprintf(r->year, sizeof r->year, "%d", pi->year);
	r->doc_no = text_sanitize(pi->doc_no && *pi->doc_no ? pi->doc_no : "chưa có số");
	char *t = text_squeeze(pi->title ? pi->title : "");
	r->title = text_sanitize(t);
	free(t);
}

struct modal *plan_picker_open(struct app *app, int64_t current, plan_chosen_fn chosen, void *ctx)
{
	struct picker *p = xcalloc(1, sizeof *p);
	p->m = (struct modal){ picker_key, picker_draw, picker_free };
	p->chosen = chosen;
	p->ctx = ctx;
	struct plan_info *v = NULL;
	int n = 0;
	struct cchc_err err;
	if (plan_list(app->db, &v, &n, &err) != CCHC_OK) {
		app_message(app, true, "%s", err.msg);
		n = 0;
	}
	p->rows = xcalloc(n ? (size_t)n : 1, sizeof *p->rows);
	for (int i = 0; i < n; i++) {
		fill_row(&p->rows[i], &v[i]);
		if (v[i].id == current)
			p->list.cur = i;
	}
	p->list.n = n;
	plan_list_free(v, n);
	return &p->m;
}
