/* A one-line prompt on the status line: the clerk types text (UTF-8, any
 * Vietnamese letter), Enter hands it to a callback, Esc cancels. Editing
 * keys are fixed (Backspace, C-u), not actions: they are typing, not
 * commands. */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "text/utf8.h"
#include "ui/app.h"

struct prompt {
	struct modal m;
	const char *label;
	prompt_done_fn done;
	void *ctx;
	struct sbuf text;
};

/* Removes the last letter with its combining marks. */
static void erase_last(struct sbuf *b)
{
	while (b->len) {
		size_t i = b->len - 1;
		while (i > 0 && ((unsigned char)b->s[i] & 0xc0) == 0x80)
			i--;
		uint32_t cp;
		utf8_decode(b->s + i, b->len - i, &cp);
		sbuf_trunc(b, i);
		if (text_cp_width(cp) > 0)
			break;
	}
}

static int prompt_key(struct app *app, struct modal *m, int key)
{
	struct prompt *p = (struct prompt *)m;
	if (key == KEY_FN(KEY_ENTER)) {
		char *text = sbuf_detach(&p->text);
		prompt_done_fn done = p->done;
		void *ctx = p->ctx;
		int flags = app_modal_close(app);
		flags |= done(app, ctx, text);
		free(text);
		return flags;
	}
	if (key == KEY_CHAR_ESC || key == 7 /* C-g */)
		return app_modal_close(app);
	if (key == KEY_FN(KEY_BACKSPACE))
		erase_last(&p->text);
	else if (key == 21 /* C-u */)
		sbuf_trunc(&p->text, 0);
	else if (!KEY_IS_FN(key) && key >= 0x20 && key != 0x7f && p->text.len < 200) {
		char u[5];
		sbuf_addn(&p->text, u, utf8_encode((uint32_t)key, u));
	} else
		return UI_NONE;
	return UI_STATUS;
}

static void prompt_draw(struct app *app, struct modal *m)
{
	struct prompt *p = (struct prompt *)m;
	int y = LINES - 1;
	attr_t a = theme_attr(EL_PROMPT);
	draw_fill(y, 0, COLS, a);
	int x = 1 + draw_text(y, 1, COLS - 2, p->label, a | A_BOLD);
	x += draw_text(y, x, COLS - x, " ", a);
	const char *t = p->text.s ? p->text.s : "";
	int w = text_width(t);
	if (w > COLS - x - 2) {
		int used;
		t += text_fit(t, w - (COLS - x - 2), &used);
	}
	x += draw_text(y, x, COLS - x - 1, t, a);
	draw_text(y, x, 1, " ", a | A_REVERSE);
}

static void prompt_free(struct modal *m)
{
	sbuf_free(&((struct prompt *)m)->text);
	free(m);
}

struct modal *prompt_open(const char *label, prompt_done_fn done, void *ctx)
{
	struct prompt *p = xcalloc(1, sizeof *p);
	p->m = (struct modal){ prompt_key, prompt_draw, prompt_free };
	p->label = label;
	p->done = done;
	p->ctx = ctx;
	return &p->m;
}
