/* A one-line prompt on the status line: the clerk types text (any
 * Vietnamese letter, composed or not; lineedit.c), Enter hands it to a
 * callback, Esc cancels. A prompt may also report every edit, for lists
 * filtered as the clerk types, and show a count at the right end. */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "text/utf8.h"
#include "ui/app.h"
#include "ui/lineedit.h"

struct prompt {
	struct modal m;
	const char *label;
	struct prompt_ops ops;
	void *ctx;
	struct lineedit ed;
};

/* Closes the prompt, then calls fn (if any) with its text. */
static int finish(struct app *app, struct prompt *p, prompt_done_fn fn)
{
	char *text = xstrdup(lineedit_text(&p->ed));
	void *ctx = p->ctx;
	int flags = app_modal_close(app);
	if (fn)
		flags |= fn(app, ctx, text);
	free(text);
	return flags;
}

static int prompt_key(struct app *app, struct modal *m, int key)
{
	struct prompt *p = (struct prompt *)m;
	if (key == KEY_FN(KEY_ENTER))
		return finish(app, p, p->ops.done);
	if (key == KEY_CHAR_ESC || key == 7 /* C-g */)
		return finish(app, p, p->ops.cancel);
	int r = lineedit_key(&p->ed, key);
	if (r == LE_CHANGED && p->ops.changed)
		return UI_STATUS | p->ops.changed(app, p->ctx, lineedit_text(&p->ed));
	return r == LE_IGNORED || r == LE_NONE ? UI_NONE : UI_STATUS;
}

static void prompt_draw(struct app *app, struct modal *m)
{
	struct prompt *p = (struct prompt *)m;
	int y = LINES - 1;
	attr_t a = theme_attr(EL_PROMPT);
	draw_fill(y, 0, COLS, a);
	int x = 1 + draw_text(y, 1, COLS - 2, p->label, a | A_BOLD);
	x += draw_text(y, x, COLS - x, " ", a);
	int right = COLS - 1;
	if (p->ops.extra) {
		struct sbuf b = SBUF_INIT;
		p->ops.extra(app, p->ctx, &b);
		int w = b.s ? text_width(b.s) : 0;
		if (w && right - w - 2 > x + 8) {
			right -= w + 1;
			draw_text(y, right + 1, w, b.s, a);
		}
		sbuf_free(&b);
	}
	app_set_cursor(app, y, lineedit_draw(&p->ed, y, x, right - x, a));
}

static void prompt_free(struct modal *m)
{
	lineedit_free(&((struct prompt *)m)->ed);
	free(m);
}

struct modal *prompt_open_with(const char *label, const char *initial,
			       const struct prompt_ops *ops, void *ctx)
{
	struct prompt *p = xcalloc(1, sizeof *p);
	p->m = (struct modal){ prompt_key, prompt_draw, prompt_free };
	p->label = label;
	p->ops = *ops;
	p->ctx = ctx;
	lineedit_init(&p->ed, initial);
	return &p->m;
}

struct modal *prompt_open(const char *label, prompt_done_fn done, void *ctx)
{
	struct prompt_ops ops = { .done = done };
	return prompt_open_with(label, NULL, &ops, ctx);
}
