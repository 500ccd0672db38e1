#include <config.h>
#include "ui/choice.h"
#include <stdlib.h>
#include "text/utf8.h"
#include "ui/filter.h"
#include "ui/lineedit.h"
#include "ui/list.h"

struct choice {
	struct modal m;
	const char *title;
	int64_t *id;
	char **value, **label;
	int n;
	int *shown;
	struct list list;
	struct lineedit ed;
	choice_fn chosen;
	void *ctx;
};

static void refilter(struct choice *c)
{
	struct filter f = { 0 };
	filter_set(&f, lineedit_text(&c->ed));
	c->list.n = 0;
	for (int i = 0; i < c->n; i++) {
		struct sbuf b = SBUF_INIT;
		sbuf_addf(&b, "%s %s", c->value[i], c->label[i]);
		if (filter_match(&f, b.s))
			c->shown[c->list.n++] = i;
		sbuf_free(&b);
	}
	filter_clear(&f);
	c->list.top = 0;
	list_set(&c->list, 0);
}

static int choice_key(struct app *app, struct modal *m, int key)
{
	struct choice *c = (struct choice *)m;
	if (key == KEY_CHAR_ESC || key == 7)
		return app_modal_close(app);
	if (key == KEY_FN(KEY_ENTER) && c->list.n) {
		int i = c->shown[c->list.cur];
		char *value = xstrdup(c->value[i]);
		int64_t id = c->id[i];
		choice_fn fn = c->chosen;
		void *ctx = c->ctx;
		int flags = app_modal_close(app);  /* first: fn may open a modal */
		flags |= fn(app, ctx, id, value);
		free(value);
		return flags;
	}
	enum action a = key == KEY_FN(KEY_DOWN) ? ACT_MOVE_DOWN : key == KEY_FN(KEY_UP) ? ACT_MOVE_UP
		      : key == KEY_FN(KEY_NPAGE) ? ACT_MOVE_PAGE_DOWN
		      : key == KEY_FN(KEY_PPAGE) ? ACT_MOVE_PAGE_UP : ACT_NONE;
	if (a != ACT_NONE)
		return list_move(&c->list, a) ? UI_VIEW : UI_NONE;
	int r = lineedit_key(&c->ed, key);
	if (r == LE_CHANGED)
		refilter(c);
	return r > LE_NONE ? UI_VIEW : UI_NONE;
}

static void choice_draw(struct app *app, struct modal *m)
{
	struct choice *c = (struct choice *)m;
	struct rect r = draw_centered(COLS - 8 < 70 ? COLS - 8 : 70, c->n + 6 < 10 ? 10 : c->n + 6);
	attr_t d = theme_attr(EL_DIALOG);
	draw_box(r, d, c->title);
	list_fit(&c->list, r.h - 5);
	for (int k = 0; k < c->list.height && c->list.top + k < c->list.n; k++) {
		int row = c->list.top + k, i = c->shown[row];
		attr_t a = theme_attr(row == c->list.cur ? EL_CURSOR : EL_DIALOG);
		int y = r.y + 1 + k;
		draw_fill(y, r.x + 1, r.w - 2, a);
		if (row == c->list.cur)
			draw_text(y, r.x + 1, 1, "›", a);
		int used = draw_text(y, r.x + 3, r.w - 5, c->value[i], a | A_BOLD);
		if (*c->label[i])
			draw_text_clip(y, r.x + 4 + used, r.w - 6 - used, c->label[i], a);
	}
	if (!c->list.n)
		draw_text(r.y + 1, r.x + 3, r.w - 5, "Không có mục nào khớp.", d);
	draw_text_clip(r.y + r.h - 3, r.x + 2, r.w - 4, "Gõ để lọc, ↑↓ chọn, Enter: lấy, Esc: đóng",
		       d | A_DIM);
	int y = r.y + r.h - 2;
	int x = r.x + 2 + draw_text(y, r.x + 2, r.w - 4, "lọc: ", d | A_BOLD);
	app_set_cursor(app, y, lineedit_draw(&c->ed, y, x, r.x + r.w - 2 - x,
					     theme_attr(EL_PROMPT)));
}

static void choice_free(struct modal *m)
{
	struct choice *c = (struct choice *)m;
	for (int i = 0; i < c->n; i++) {
		free(c->value[i]);
		free(c->label[i]);
	}
	free(c->id);
	free(c->value);
	free(c->label);
	free(c->shown);
	lineedit_free(&c->ed);
	free(c);
}

struct modal *choice_open(const char *title, const struct choice_item *items, int n,
			  choice_fn chosen, void *ctx)
{
	struct choice *c = xcalloc(1, sizeof *c);
	c->m = (struct modal){ choice_key, choice_draw, choice_free };
	c->title = title;
	c->n = n;
	c->id = xcalloc((size_t)n + 1, sizeof *c->id);
	c->value = xcalloc((size_t)n + 1, sizeof *c->value);
	c->label = xcalloc((size_t)n + 1, sizeof *c->label);
	c->shown = xcalloc((size_t)n + 1, sizeof *c->shown);
	for (int i = 0; i < n; i++) {
		c->id[i] = items[i].id;
		c->value[i] = text_sanitize(items[i].value ? items[i].value : "");
		c->label[i] = text_sanitize(items[i].label ? items[i].label : "");
	}
	c->chosen = chosen;
	c->ctx = ctx;
	lineedit_init(&c->ed, NULL);
	refilter(c);
	return &c->m;
}

void choice_select(struct modal *m, int64_t id)
{
	struct choice *c = (struct choice *)m;
	for (int k = 0; k < c->list.n; k++)
		if (c->id[c->shown[k]] == id) {
			list_set(&c->list, k);
			return;
		}
}
