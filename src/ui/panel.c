#include <config.h>
#include "ui/panel.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "text/utf8.h"
#include "ui/list.h"

struct panel {
	struct modal m;
	char scope[16];
	char *title, *footer;
	struct panel_ops ops;
	void *ctx;
	struct tlines l;
	bool built;
	struct list scroll;
};

void panel_field(struct tlines *l, const char *name, const char *value)
{
	char *s = text_sanitize(value && *value ? value : "-");
	tl_wrapped(l, 0, name, EL_FORM_LABEL, s, EL_TEXT);
	free(s);
}

void panel_fields(struct tlines *l, const char *const f[][2], size_t n)
{
	for (size_t i = 0; i < n; i++)
		panel_field(l, f[i][0], f[i][1]);
}

void panel_error(struct tlines *l, const char *msg)
{
	tl_add(l, 0, NULL, EL_ERROR, msg, strlen(msg), EL_ERROR);
}

void panel_heading(struct tlines *l, const char *text)
{
	tl_blank(l);
	tl_add(l, 0, NULL, EL_TEXT, text, strlen(text), EL_LIST_HEADER);
}

static int panel_key(struct app *app, struct modal *m, int key)
{
	struct panel *p = (struct panel *)m;
	enum action a = app_action(app, p->scope, key);
	if (list_scroll(&p->scroll, a))
		return UI_VIEW;
	int r = p->ops.key ? p->ops.key(app, p->ctx, a) : -1;
	if (r >= 0)
		return r;
	if (a == ACT_CANCEL || a == ACT_SELECT || a == ACT_QUIT)
		return app_modal_close(app);
	return UI_NONE;
}

static void panel_draw(struct app *app, struct modal *m)
{
	struct panel *p = (struct panel *)m;
	draw_fill_rect(app_body(), theme_attr(EL_TEXT));
	struct rect r = draw_centered(COLS - 4 < 100 ? COLS - 4 : 100, LINES - 2);
	draw_box(r, theme_attr(EL_DIALOG), p->title);
	if (!p->built || p->l.width != r.w - 4) {
		tl_clear(&p->l);
		p->l.width = r.w - 4;
		p->ops.build(app, p->ctx, &p->l);
		p->built = true;
	}
	p->scroll.n = p->l.n;
	p->scroll.cur = p->scroll.top;
	list_fit(&p->scroll, r.h - 3);
	for (int i = 0; i < r.h - 3 && p->scroll.top + i < p->l.n; i++)
		tl_draw(&p->l, p->scroll.top + i, r.y + 1 + i, r.x + 2, r.w - 4);
	if (p->scroll.top + r.h - 3 < p->l.n)
		draw_text(r.y + r.h - 3, r.x + r.w - 1, 1, "↓", theme_attr(EL_BORDER));
	draw_text_clip(r.y + r.h - 2, r.x + 2, r.w - 4, p->footer, theme_attr(EL_DIALOG) | A_DIM);
}

static void panel_free(struct modal *m)
{
	struct panel *p = (struct panel *)m;
	if (p->ops.free)
		p->ops.free(p->ctx);
	tl_free(&p->l);
	free(p->title);
	free(p->footer);
	free(p);
}

struct modal *panel_open(const char *scope, const char *title, const char *footer,
			 const struct panel_ops *ops, void *ctx)
{
	struct panel *p = xcalloc(1, sizeof *p);
	p->m = (struct modal){ panel_key, panel_draw, panel_free };
	snprintf(p->scope, sizeof p->scope, "%s", scope);
	p->title = text_sanitize(title);
	p->footer = text_sanitize(footer);
	p->ops = *ops;
	p->ctx = ctx;
	return &p->m;
}
