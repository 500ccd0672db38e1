/* The plan picker: every imported plan (year, number, title), newest first;
 * Enter opens the one under the cursor. / filters the list as one types on
 * the dialog's last line; Enter keeps the filter, Esc drops it; i imports
 * a plan file (plan_import.c). */
#include <config.h>
#include <stdlib.h>
#include "core/plan.h"
#include "text/utf8.h"
#include "ui/app.h"
#include "ui/filter.h"
#include "ui/lineedit.h"
#include "ui/list.h"

struct picker_row {
	int64_t id;
	char year[12];
	char *doc_no, *title;
};

struct picker {
	struct modal m;
	struct picker_row *rows;
	int nrows;
	int *shown;              /* rows the filter keeps */
	struct list list;        /* over shown */
	struct filter filter;
	struct lineedit ed;
	bool editing;
	plan_chosen_fn chosen;
	void *ctx;
};

static bool row_matches(const struct picker *p, const struct picker_row *r)
{
	struct sbuf b = SBUF_INIT;
	sbuf_addf(&b, "%s %s %s", r->year, r->doc_no, r->title);
	bool m = filter_match(&p->filter, b.s);
	sbuf_free(&b);
	return m;
}

static void refilter(struct picker *p, const char *text)
{
	int was = p->list.n ? p->shown[p->list.cur] : -1, cur = 0;
	filter_set(&p->filter, text);
	p->list.n = 0;
	for (int i = 0; i < p->nrows; i++)
		if (row_matches(p, &p->rows[i])) {
			cur = i == was ? p->list.n : cur;
			p->shown[p->list.n++] = i;
		}
	p->list.top = 0;
	list_set(&p->list, cur);
}

static int edit_key(struct app *app, struct picker *p, int key)
{
	if (key == KEY_FN(KEY_ENTER) || key == KEY_CHAR_ESC) {
		p->editing = false;
		if (key == KEY_CHAR_ESC)
			refilter(p, "");
		app_set_query(app, p->filter.text, false);
		return UI_VIEW;
	}
	int r = lineedit_key(&p->ed, key);
	if (r == LE_CHANGED)
		refilter(p, lineedit_text(&p->ed));
	return r > LE_NONE ? UI_VIEW : UI_NONE;
}

static int picker_key(struct app *app, struct modal *m, int key)
{
	struct picker *p = (struct picker *)m;
	if (p->editing)
		return edit_key(app, p, key);
	if (app_action(app, "plan", key) == ACT_PLAN_IMPORT)
		return changes_refused(app, ACT_PLAN_IMPORT)
			? UI_STATUS : app_modal_open(app, plan_import_open(app, p->chosen, p->ctx));
	enum action a = app_action(app, "", key);
	if (a == ACT_FILTER) {
		p->editing = true;
		lineedit_set(&p->ed, p->filter.text);
		return UI_VIEW;
	}
	if (a == ACT_CANCEL && filter_active(&p->filter)) {
		refilter(p, "");
		return UI_VIEW;
	}
	if (a == ACT_QUIT || a == ACT_CANCEL || a == ACT_PLAN_PICK)
		return app_modal_close(app);
	if (a == ACT_SELECT && p->list.n) {
		int64_t id = p->rows[p->shown[p->list.cur]].id;
		plan_chosen_fn chosen = p->chosen;
		void *ctx = p->ctx;
		int flags = app_modal_close(app);
		return flags | chosen(app, ctx, id);
	}
	return list_move(&p->list, a) ? UI_VIEW : UI_NONE;
}

static void draw_row(const struct picker_row *r, int y, int x, int w, attr_t a,
		     const struct text_query *q)
{
	attr_t hl = theme_attr(EL_MATCH);
	draw_fill(y, x, w, a);
	draw_text_hl(y, x + 1, 4, r->year, a, q, hl);
	int used = draw_text_hl(y, x + 7, 16, r->doc_no, a, q, hl);
	int tx = x + 7 + (used < 16 ? 16 : used) + 2;
	draw_text_hl(y, tx, x + w - tx - 1, r->title, a, q, hl);
}

/* The last line of the dialog: the filter being typed or in force, or the
 * keys. */
static void draw_foot(struct app *app, struct picker *p, struct rect r)
{
	attr_t a = theme_attr(EL_DIALOG);
	int y = r.y + r.h - 2;
	if (!p->editing && !filter_active(&p->filter)) {
		draw_text_clip(y, r.x + 2, r.w - 4, "Enter: mở kế hoạch   /: lọc   i: nhập từ tệp   Esc: đóng", a | A_DIM);
		return;
	}
	struct sbuf count = SBUF_INIT;
	filter_count(p->list.n, p->nrows, &count);
	int x = r.x + 2 + draw_text(y, r.x + 2, r.w - 4, "lọc: ", a | A_BOLD);
	int right = r.x + r.w - 3 - text_width(count.s);
	draw_text(y, right + 1, r.x + r.w - 2 - right, count.s, a);
	if (p->editing)
		app_set_cursor(app, y, lineedit_draw(&p->ed, y, x, right - x - 1,
						     theme_attr(EL_PROMPT)));
	else
		draw_text_clip(y, x, right - x - 1, p->filter.text, a);
	sbuf_free(&count);
}

static void picker_draw(struct app *app, struct modal *m)
{
	struct picker *p = (struct picker *)m;
	int h = p->nrows + 5;
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
		draw_row(&p->rows[p->shown[k]], r.y + 2 + i, r.x + 1, r.w - 2, a,
			 filter_query(&p->filter));
		if (k == p->list.cur)
			draw_text(r.y + 2 + i, r.x + 1, 1, "›", a);
	}
	if (!p->list.n)
		draw_text(r.y + 2, r.x + 2, r.w - 4, p->nrows ? "Không có kế hoạch nào khớp."
			  : "Chưa có kế hoạch nào.", theme_attr(EL_DIALOG));
	draw_foot(app, p, r);
}

static void picker_free(struct modal *m)
{
	struct picker *p = (struct picker *)m;
	for (int i = 0; i < p->nrows; i++) {
		free(p->rows[i].doc_no);
		free(p->rows[i].title);
	}
	free(p->rows);
	free(p->shown);
	filter_clear(&p->filter);
	lineedit_free(&p->ed);
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
	p->shown = xcalloc(n ? (size_t)n : 1, sizeof *p->shown);
	lineedit_init(&p->ed, NULL);
	for (int i = 0; i < n; i++) {
		fill_row(&p->rows[i], &v[i]);
		p->shown[i] = i;
		if (v[i].id == current)
			p->list.cur = i;
	}
	p->list.n = p->nrows = n;
	plan_list_free(v, n);
	return &p->m;
}
