#include <config.h>
#include "ui/textedit.h"
#include <stdlib.h>
#include <string.h>
#include "text/utf8.h"
#include "ui/keymap.h"

#define C_(c) ((c) - 'a' + 1)

/* ---- the text ---- */

/* s with every line sanitised for the terminal and "\r\n", "\r" as "\n". */
static char *clean_lines(const char *s)
{
	struct sbuf b = SBUF_INIT;
	sbuf_add(&b, "");
	while (s && *s) {
		size_t n = strcspn(s, "\r\n");
		char *line = xstrndup(s, n), *safe = text_sanitize(line);
		sbuf_add(&b, safe);
		free(line);
		free(safe);
		s += n;
		if (*s == '\r' && s[1] == '\n')
			s++;
		if (*s) {
			sbuf_add(&b, "\n");
			s++;
		}
	}
	char *nfc = text_nfc(b.s);
	sbuf_free(&b);
	return nfc ? nfc : xstrdup("");
}

static const char *text(const struct textedit *e)
{
	return lineedit_text(&e->ed);
}

static size_t line_start(const struct textedit *e, size_t i)
{
	const char *s = text(e);
	while (i > 0 && s[i - 1] != '\n')
		i--;
	return i;
}

static size_t line_end(const struct textedit *e, size_t i)
{
	return i + strcspn(text(e) + i, "\n");
}

static int span_width(const char *s, size_t from, size_t to)
{
	int w = 0;
	for (size_t i = from; i < to;) {
		uint32_t cp;
		size_t len = utf8_decode(s + i, to - i, &cp);
		if (!len) {
			len = 1;
			cp = 0xfffd;
		}
		w += text_cp_width(cp);
		i += len;
	}
	return w;
}

/* ---- layout: rows of at most width - 1 columns (the last one is for the
 * cursor at a row's end); a space that reaches the edge stays on its row ---- */

static void push_row(struct textedit *e, size_t off, size_t end, bool last)
{
	if (e->nrows == e->cap) {
		e->cap = e->cap ? e->cap * 2 : 64;
		e->rows = xrealloc(e->rows, (size_t)e->cap * sizeof *e->rows);
	}
	e->rows[e->nrows++] = (struct textedit_row){ off, end, last };
}

/* The rows of the line [from, to). */
static void layout_line(struct textedit *e, size_t from, size_t to)
{
	const char *s = text(e);
	int w = e->width > 2 ? e->width : 2;
	size_t start = from, brk = from, i = from;
	int col = 0;
	while (i < to) {
		size_t next = lineedit_next(s, to, i);
		int gw = span_width(s, i, next);
		if (col + gw <= w - 1 || i == start) {
			col += gw;
			brk = s[i] == ' ' ? next : brk;
			i = next;
			continue;
		}
		size_t end = s[i] == ' ' && col + gw <= w ? next : brk > start ? brk : i;
		push_row(e, start, end, false);
		start = brk = end;
		i = end > i ? end : i;
		col = span_width(s, start, i);
	}
	push_row(e, start, to, true);
}

static void relayout(struct textedit *e)
{
	e->nrows = 0;
	size_t n = e->ed.text.len;
	for (size_t from = 0;;) {
		size_t to = line_end(e, from);
		layout_line(e, from, to);
		if (to >= n)
			break;
		from = to + 1;
	}
}

static int cursor_row(const struct textedit *e)
{
	size_t c = e->ed.cur;
	for (int i = 0; i < e->nrows; i++) {
		const struct textedit_row *r = &e->rows[i];
		if (c >= r->off && (c < r->end || (c == r->end && r->last)))
			return i;
	}
	return e->nrows - 1;
}

void textedit_cursor(struct textedit *e, int *row, int *col)
{
	*row = cursor_row(e);
	*col = span_width(text(e), e->rows[*row].off, e->ed.cur);
}

/* The offset on row k nearest column goal, at or before it. */
static size_t offset_at(const struct textedit *e, int k, int goal)
{
	const struct textedit_row *r = &e->rows[k];
	const char *s = text(e);
	size_t i = r->off;
	int col = 0;
	while (i < r->end) {
		size_t next = lineedit_next(s, r->end, i);
		col += span_width(s, i, next);
		if (col > goal || (next == r->end && !r->last))
			break;
		i = next;
	}
	return i;
}

/* ---- keys ---- */

static int vertical(struct textedit *e, int rows)
{
	int row, col;
	textedit_cursor(e, &row, &col);
	int to = row + rows < 0 ? 0 : row + rows >= e->nrows ? e->nrows - 1 : row + rows;
	if (e->goal < 0)
		e->goal = col;
	if (to == row)
		return LE_NONE;
	e->ed.cur = offset_at(e, to, e->goal);
	return LE_MOVED;
}

static int move_to(struct textedit *e, size_t to)
{
	if (to == e->ed.cur)
		return LE_NONE;
	e->ed.cur = to;
	return LE_MOVED;
}

/* Start of the word before the cursor, not before the line's start. */
static size_t word_start(const struct textedit *e)
{
	const char *s = text(e);
	size_t ls = line_start(e, e->ed.cur), i = e->ed.cur;
	while (i > ls && s[i - 1] == ' ')
		i--;
	while (i > ls && s[i - 1] != ' ')
		i = ls + lineedit_prev(s + ls, i - ls);
	return i;
}

/* Keys that work on lines; LE_IGNORED for the others. */
static int line_key(struct textedit *e, int key)
{
	size_t cur = e->ed.cur, ls = line_start(e, cur), le = line_end(e, cur);
	size_t kill = le > cur || le == e->ed.text.len ? le : le + 1;   /* at the end: the "\n" */
	int page = e->height > 2 ? e->height - 1 : 1;
	switch (key) {
	case KEY_FN(KEY_UP): return vertical(e, -1);
	case KEY_FN(KEY_DOWN): return vertical(e, 1);
	case KEY_FN(KEY_PPAGE): return vertical(e, -page);
	case KEY_FN(KEY_NPAGE): return vertical(e, page);
	case KEY_FN(KEY_HOME): case C_('a'): return move_to(e, ls);
	case KEY_FN(KEY_END): case C_('e'): return move_to(e, le);
	case KEY_FN(KEY_ENTER): return lineedit_insert(&e->ed, "\n", 1);
	case C_('u'): return lineedit_delete(&e->ed, ls, cur);
	case C_('k'): return lineedit_delete(&e->ed, cur, kill);
	case C_('w'): return lineedit_delete(&e->ed, word_start(e), cur);
	default: return LE_IGNORED;
	}
}

int textedit_key(struct textedit *e, int key)
{
	bool up_down = key == KEY_FN(KEY_UP) || key == KEY_FN(KEY_DOWN) ||
		       key == KEY_FN(KEY_PPAGE) || key == KEY_FN(KEY_NPAGE);
	int r = line_key(e, key);
	if (r == LE_IGNORED)
		r = lineedit_key(&e->ed, key);
	if (r == LE_CHANGED) {
		e->changed = true;
		relayout(e);
	}
	if (r > LE_NONE && !up_down)
		e->goal = -1;
	return r;
}

/* ---- life ---- */

void textedit_init(struct textedit *e, const char *s)
{
	memset(e, 0, sizeof *e);
	lineedit_init(&e->ed, NULL);
	char *clean = clean_lines(s);
	sbuf_add(&e->ed.text, clean);
	free(clean);
	e->ed.cur = 0;
	e->ed.max = TEXTEDIT_MAX;
	e->goal = -1;
	textedit_resize(e, 60, 10);
}

void textedit_free(struct textedit *e)
{
	lineedit_free(&e->ed);
	free(e->rows);
	e->rows = NULL;
	e->nrows = e->cap = 0;
}

const char *textedit_text(const struct textedit *e)
{
	return text(e);
}

void textedit_resize(struct textedit *e, int width, int height)
{
	e->width = width;
	e->height = height;
	relayout(e);
}

/* ---- drawing ---- */

void textedit_draw(struct textedit *e, struct rect r, attr_t a, int *cy, int *cx)
{
	*cy = r.y, *cx = r.x;
	if (r.h < 1 || r.w < 2)
		return;
	if (r.w != e->width || r.h != e->height)
		textedit_resize(e, r.w, r.h);
	int row, col;
	textedit_cursor(e, &row, &col);
	int max_top = e->nrows > r.h ? e->nrows - r.h : 0;
	e->top = e->top > max_top ? max_top : e->top;
	e->top = row < e->top ? row : row >= e->top + r.h ? row - r.h + 1 : e->top;
	draw_fill_rect(r, a);
	const char *s = text(e);
	for (int i = 0; i < r.h && e->top + i < e->nrows; i++) {
		const struct textedit_row *w = &e->rows[e->top + i];
		draw_textn(r.y + i, r.x, r.w, s + w->off, w->end - w->off, a);
	}
	*cy = r.y + row - e->top;
	*cx = r.x + col;
	const struct textedit_row *w = &e->rows[row];
	size_t end = e->ed.cur < w->end ? lineedit_next(s, w->end, e->ed.cur) : e->ed.cur;
	if (end > e->ed.cur)
		draw_textn(*cy, *cx, r.x + r.w - *cx, s + e->ed.cur, end - e->ed.cur, a | A_REVERSE);
	else
		draw_text(*cy, *cx, 1, " ", a | A_REVERSE);
}

/* ---- the box ---- */

struct box {
	struct modal m;
	struct textedit te;
	char *title, *hint;
	struct textedit_ops ops;
	void *ctx;
	bool confirming;         /* Esc after a change: "? [c/K]" */
};

static int box_save(struct app *app, struct box *b)
{
	b->confirming = false;
	char *t = xstrdup(textedit_text(&b->te));
	int r = b->ops.save(app, b->ctx, t);
	free(t);
	return r < 0 ? UI_ALL : app_modal_close(app) | r;
}

static int box_key(struct app *app, struct modal *m, int key)
{
	struct box *b = (struct box *)m;
	if (app_action(app, "", key) == ACT_SAVE)
		return box_save(app, b);
	if (b->confirming) {
		b->confirming = false;
		return key == 'c' || key == 'C' ? app_modal_close(app) : UI_VIEW;
	}
	if (key == KEY_CHAR_ESC || key == 7 /* C-g */) {
		if (!b->te.changed)
			return app_modal_close(app);
		b->confirming = true;
		return UI_VIEW;
	}
	return textedit_key(&b->te, key) > LE_NONE ? UI_VIEW : UI_NONE;
}

static void box_draw(struct app *app, struct modal *m)
{
	struct box *b = (struct box *)m;
	draw_fill_rect(app_body(), theme_attr(EL_TEXT));
	struct rect r = draw_centered(COLS - 4 < 100 ? COLS - 4 : 100, app_body().h);
	attr_t d = theme_attr(EL_DIALOG);
	draw_box(r, d, b->title);
	int y = r.y + 1;
	if (*b->hint)
		draw_text_clip(y++, r.x + 2, r.w - 4, b->hint, d | A_DIM);
	struct rect t = { y, r.x + 2, r.y + r.h - 2 - y, r.w - 4 };
	int cy, cx;
	textedit_draw(&b->te, t, theme_attr(EL_FORM_FIELD), &cy, &cx);
	if (b->te.top > 0)
		draw_text(t.y, r.x + r.w - 1, 1, "↑", theme_attr(EL_BORDER));
	if (b->te.top + t.h < b->te.nrows)
		draw_text(t.y + t.h - 1, r.x + r.w - 1, 1, "↓", theme_attr(EL_BORDER));
	int fy = r.y + r.h - 2;
	if (b->confirming)
		draw_text_clip(fy, r.x + 2, r.w - 4, "Đóng mà không lưu những gì vừa viết? [c/K]",
			       theme_attr(EL_ERROR));
	else
		draw_text_clip(fy, r.x + 2, r.w - 4, "Enter: xuống dòng  C-o: lưu  Esc: đóng, "
			       "không lưu", d | A_DIM);
	app_set_cursor(app, b->confirming ? fy : cy, b->confirming ? r.x + 2 : cx);
}

static void box_free(struct modal *m)
{
	struct box *b = (struct box *)m;
	if (b->ops.free)
		b->ops.free(b->ctx);
	textedit_free(&b->te);
	free(b->title);
	free(b->hint);
	free(b);
}

struct modal *textedit_open(const char *title, const char *hint, const char *text,
			    const struct textedit_ops *ops, void *ctx)
{
	struct box *b = xcalloc(1, sizeof *b);
	b->m = (struct modal){ box_key, box_draw, box_free };
	b->title = text_sanitize(title);
	b->hint = text_sanitize(hint ? hint : "");
	b->ops = *ops;
	b->ctx = ctx;
	textedit_init(&b->te, text);
	return &b->m;
}
