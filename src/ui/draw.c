#include <config.h>
#include "ui/draw.h"
#include <stdlib.h>
#include <stdbool.h>
#include <string.h>
#include <wchar.h>
#include "text/utf8.h"
#include "ui/filter.h"
#include "util/sbuf.h"

/* Sets the drawing attributes: the colour pair goes apart (attr_set with
 * pair 0 would drop the colour carried in a). */
static void use_attr(attr_t a)
{
	attr_set(a & ~A_COLOR, (short)PAIR_NUMBER(a), NULL);
}

int draw_textn(int y, int x, int maxw, const char *s, size_t n, attr_t a)
{
	if (maxw <= 0 || n == 0)
		return 0;
	/* the last line of defence: text should come here sanitised already */
	char *raw = xstrndup(s, n), *copy = text_sanitize(raw);
	free(raw);
	int used = 0;
	size_t fit = text_fit(copy, maxw, &used);
	wchar_t *w = xmalloc((fit + 1) * sizeof *w);
	size_t nw = 0;
	for (size_t i = 0; i < fit;) {
		uint32_t cp;
		size_t len = utf8_decode(copy + i, fit - i, &cp);
		if (len == 0) {
			cp = 0xfffd;
			len = 1;
		}
		w[nw++] = (wchar_t)cp;
		i += len;
	}
	w[nw] = L'\0';
	use_attr(a);
	mvaddnwstr(y, x, w, (int)nw);
	free(w);
	free(copy);
	return used;
}

int draw_text(int y, int x, int maxw, const char *s, attr_t a)
{
	return draw_textn(y, x, maxw, s, strlen(s), a);
}

int draw_text_clip(int y, int x, int maxw, const char *s, attr_t a)
{
	if (maxw <= 0)
		return 0;
	if (text_width(s) <= maxw)
		return draw_text(y, x, maxw, s, a);
	int used = draw_text(y, x, maxw - 1, s, a);
	return used + draw_text(y, x + used, 1, "…", a);
}

int draw_text_spans(int y, int x, int maxw, const char *s, attr_t a,
		    const struct text_span *sp, int nsp, attr_t hl)
{
	if (maxw <= 0)
		return 0;
	size_t n = strlen(s);
	bool clip = text_width(s) > maxw;
	size_t limit = clip ? text_fit(s, maxw - 1, NULL) : n;
	int used = 0;
	size_t pos = 0;
	for (int k = 0; k <= nsp && pos < limit; k++) {
		size_t start = k < nsp && sp[k].start < limit ? sp[k].start : limit;
		if (start > pos)
			used += draw_textn(y, x + used, maxw - used, s + pos, start - pos, a);
		if (k == nsp || start >= limit)
			break;
		size_t end = sp[k].end < limit ? sp[k].end : limit;
		used += draw_textn(y, x + used, maxw - used, s + start, end - start, hl);
		pos = end;
	}
	if (clip)
		used += draw_text(y, x + used, 1, "…", a);
	return used;
}

int draw_text_hl(int y, int x, int maxw, const char *s, attr_t a, const struct text_query *q,
		 attr_t hl)
{
	struct text_span sp[32];
	int nsp = q ? spans_join(s, sp, text_query_spans(q, s, sp, 32)) : 0;
	return draw_text_spans(y, x, maxw, s, a, sp, nsp, hl);
}

/* One hline (a plain blank takes the attributes set, as addch's does): a
 * cell at a time was half of the work of a key that redraws a list. */
void draw_fill(int y, int x, int w, attr_t a)
{
	if (w <= 0)
		return;
	use_attr(a);
	mvhline(y, x, ' ', w);
}

void draw_fill_rect(struct rect r, attr_t a)
{
	for (int i = 0; i < r.h; i++)
		draw_fill(r.y + i, r.x, r.w, a);
}

void draw_vline(int y, int x, int h, attr_t a)
{
	for (int i = 0; i < h; i++)
		draw_text(y + i, x, 1, "│", a);
}

static void box_edge(int y, int x, int w, const char *left, const char *right, attr_t a)
{
	draw_text(y, x, 1, left, a);
	for (int i = 1; i < w - 1; i++)
		draw_text(y, x + i, 1, "─", a);
	draw_text(y, x + w - 1, 1, right, a);
}

void draw_box(struct rect r, attr_t a, const char *title)
{
	if (r.w < 4 || r.h < 2)
		return;
	draw_fill_rect(r, a);
	box_edge(r.y, r.x, r.w, "┌", "┐", a);
	box_edge(r.y + r.h - 1, r.x, r.w, "└", "┘", a);
	draw_vline(r.y + 1, r.x, r.h - 2, a);
	draw_vline(r.y + 1, r.x + r.w - 1, r.h - 2, a);
	if (title && *title) {
		int used = draw_text(r.y, r.x + 2, r.w - 6, " ", a);
		used += draw_text_clip(r.y, r.x + 2 + used, r.w - 6, title, a | A_BOLD);
		draw_text(r.y, r.x + 2 + used, 1, " ", a);
	}
}

/* The first row of the body: below the tab bar, and below the read-only
 * banner when it shows. */
static int body_top = 1;

void draw_set_body_top(int top)
{
	body_top = top;
}

int draw_body_top(void)
{
	return body_top;
}

struct rect draw_centered(int w, int h)
{
	int body = LINES - 1 - body_top;
	if (w > COLS - 2)
		w = COLS - 2;
	if (h > body)
		h = body;
	return (struct rect){ body_top + (body - h) / 2, (COLS - w) / 2, h, w };
}
