#include <config.h>
#include "ui/tlines.h"
#include <stdlib.h>
#include <string.h>
#include "core/plan.h"
#include "text/utf8.h"
#include "ui/app.h"
#include "ui/wrap.h"

void tl_clear(struct tlines *t)
{
	for (int i = 0; i < t->n; i++) {
		free(t->v[i].pre);
		free(t->v[i].text);
	}
	t->n = 0;
}

void tl_free(struct tlines *t)
{
	tl_clear(t);
	free(t->v);
	t->v = NULL;
	t->cap = 0;
}

void tl_add(struct tlines *t, int x, const char *pre, enum elem pre_el, const char *s,
	    size_t n, enum elem el)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		t->v = xrealloc(t->v, (size_t)t->cap * sizeof *t->v);
	}
	t->v[t->n++] = (struct tline){ x, pre ? xstrdup(pre) : NULL, pre_el, el, xstrndup(s, n),
				       t->own };
}

void tl_blank(struct tlines *t)
{
	if (t->n && t->v[t->n - 1].text[0])
		tl_add(t, 0, NULL, EL_TEXT, "", 0, EL_TEXT);
}

void tl_wrapped(struct tlines *t, int x, const char *pre, enum elem pre_el, const char *s,
		enum elem el)
{
	int prew = pre && *pre ? text_width(pre) + 1 : 0;
	int w = t->width - x - prew;
	struct wrap_line *lines;
	int n = wrap_text(s, w, w, &lines);
	for (int i = 0; i < n; i++)
		tl_add(t, i ? x + prew : x, i ? NULL : pre, pre_el, s + lines[i].off,
		       lines[i].len, el);
	free(lines);
}

void tl_section_items(struct app *app, struct tlines *t, int64_t section_id)
{
	struct section_item *items = NULL;
	int n = 0;
	struct cchc_err err;
	if (section_items(app->db, section_id, &items, &n, &err) != CCHC_OK) {
		app_message(app, true, "%s", err.msg);
		return;
	}
	for (int i = 0; i < n; i++) {
		char *s = text_sanitize(items[i].text);
		if (i == 0 || !items[i].is_list_item || !items[i - 1].is_list_item)
			tl_blank(t);
		if (items[i].is_list_item) {
			char *m = text_sanitize(items[i].marker);
			tl_wrapped(t, 2, m, EL_TEXT_ITEM_MARKER, s, EL_TEXT);
			free(m);
		} else
			tl_wrapped(t, 0, NULL, EL_TEXT, s, EL_TEXT);
		free(s);
	}
	section_items_free(items, n);
}

void tl_draw(const struct tlines *t, int i, int y, int x, int w)
{
	const struct tline *l = &t->v[i];
	int cx = x + l->x;
	if (l->pre)
		cx += draw_text(y, cx, w - l->x, l->pre, theme_attr(l->pre_el)) + 1;
	draw_text(y, cx, x + w - cx, l->text, theme_attr(l->el));
}
