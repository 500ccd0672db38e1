#include <config.h>
#include "ui/lineedit.h"
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "text/utf8.h"
#include "ui/draw.h"
#include "ui/keymap.h"

#define C_(c) ((c) - 'a' + 1)

static uint32_t cp_at(const char *s, size_t n, size_t i, size_t *len)
{
	uint32_t cp;
	*len = utf8_decode(s + i, n - i, &cp);
	if (!*len) {
		*len = 1;
		cp = 0xfffd;
	}
	return cp;
}

size_t lineedit_next(const char *s, size_t n, size_t i)
{
	if (i >= n)
		return n;
	utf8proc_int32_t state = 0;
	size_t len;
	uint32_t prev = cp_at(s, n, i, &len);
	i += len;
	while (i < n) {
		uint32_t cp = cp_at(s, n, i, &len);
		if (utf8proc_grapheme_break_stateful((utf8proc_int32_t)prev,
						     (utf8proc_int32_t)cp, &state))
			break;
		prev = cp;
		i += len;
	}
	return i;
}

size_t lineedit_prev(const char *s, size_t i)
{
	size_t n = strlen(s), last = 0;
	for (size_t b = 0; b < i && b < n; b = lineedit_next(s, n, b))
		last = b;
	return last;
}

static size_t snap(const char *s, size_t i)
{
	size_t n = strlen(s), b = 0;
	while (b < i && b < n) {
		size_t next = lineedit_next(s, n, b);
		if (next > i)
			break;
		b = next;
	}
	return b;
}

void lineedit_init(struct lineedit *e, const char *s)
{
	memset(e, 0, sizeof *e);
	lineedit_set(e, s);
}

void lineedit_free(struct lineedit *e)
{
	sbuf_free(&e->text);
}

void lineedit_set(struct lineedit *e, const char *s)
{
	/* text from the database may hold control characters: shown and kept
	 * as U+FFFD, never sent to the terminal */
	char *clean = text_sanitize(s ? s : ""), *nfc = text_nfc(clean);
	free(clean);
	sbuf_trunc(&e->text, 0);
	sbuf_add(&e->text, nfc ? nfc : "");
	free(nfc);
	e->cur = e->text.len;
	e->scroll = 0;
}

const char *lineedit_text(const struct lineedit *e)
{
	return e->text.s ? e->text.s : "";
}

/* Replaces bytes [from, to) with ins (n bytes), re-composes the text to NFC
 * and leaves the cursor after what was inserted. */
static void splice(struct lineedit *e, size_t from, size_t to, const char *ins, size_t n)
{
	struct sbuf b = SBUF_INIT;
	sbuf_addn(&b, e->text.s, from);
	sbuf_addn(&b, ins, n);
	size_t cur = b.len;
	sbuf_add(&b, e->text.s + to);
	char *whole = text_nfc(b.s), *pre;
	b.s[cur] = '\0';
	pre = text_nfc(b.s);
	if (whole && pre) {
		size_t pl = strlen(pre);
		sbuf_trunc(&e->text, 0);
		sbuf_add(&e->text, whole);
		e->cur = snap(whole, strncmp(whole, pre, pl) == 0 ? pl : cur);
	}
	free(whole);
	free(pre);
	sbuf_free(&b);
}

int lineedit_insert(struct lineedit *e, const char *s, size_t n)
{
	if (e->text.len + n > (e->max ? e->max : LINEEDIT_MAX))
		return LE_NONE;   /* full: the letter is dropped */
	splice(e, e->cur, e->cur, s, n);
	return LE_CHANGED;
}

static int insert(struct lineedit *e, uint32_t cp)
{
	char u[4];
	return lineedit_insert(e, u, utf8_encode(cp, u));
}

int lineedit_delete(struct lineedit *e, size_t from, size_t to)
{
	if (from >= to)
		return LE_NONE;
	splice(e, from, to, "", 0);
	e->cur = from;
	return LE_CHANGED;
}

static int move_to(struct lineedit *e, size_t to)
{
	if (to == e->cur)
		return LE_NONE;
	e->cur = to;
	return LE_MOVED;
}

static bool space_before(const char *s, size_t i)
{
	return i > 0 && s[lineedit_prev(s, i)] == ' ';
}

/* Start of the word before the cursor, with the spaces after it. */
static size_t word_start(const char *s, size_t i)
{
	while (space_before(s, i))
		i = lineedit_prev(s, i);
	while (i > 0 && !space_before(s, i))
		i = lineedit_prev(s, i);
	return i;
}

static bool printable(int key)
{
	return !KEY_IS_FN(key) && key >= 0x20 && key != 0x7f && !(key >= 0x80 && key < 0xa0) &&
	       key <= 0x10ffff && !(key >= 0xd800 && key <= 0xdfff);
}

int lineedit_key(struct lineedit *e, int key)
{
	const char *s = lineedit_text(e);
	size_t n = e->text.len;
	switch (key) {
	case KEY_FN(KEY_LEFT): return move_to(e, lineedit_prev(s, e->cur));
	case KEY_FN(KEY_RIGHT): return move_to(e, lineedit_next(s, n, e->cur));
	case KEY_FN(KEY_HOME): case C_('a'): return move_to(e, 0);
	case KEY_FN(KEY_END): case C_('e'): return move_to(e, n);
	case KEY_FN(KEY_BACKSPACE): return lineedit_delete(e, lineedit_prev(s, e->cur), e->cur);
	case KEY_FN(KEY_DC): return lineedit_delete(e, e->cur, lineedit_next(s, n, e->cur));
	case C_('u'): return lineedit_delete(e, 0, e->cur);
	case C_('k'): return lineedit_delete(e, e->cur, n);
	case C_('w'): return lineedit_delete(e, word_start(s, e->cur), e->cur);
	default: break;
	}
	return printable(key) ? insert(e, (uint32_t)key) : LE_IGNORED;
}

static int cols(const char *s, size_t from, size_t to)
{
	char *part = xstrndup(s + from, to - from);
	int w = text_width(part);
	free(part);
	return w;
}

/* Scrolls so that the cursor's column is inside the w columns of the field
 * (the last one kept for the cursor at the end); returns the byte offset of
 * the first letter shown. */
static size_t scroll_start(struct lineedit *e, int w)
{
	const char *s = lineedit_text(e);
	int cc = cols(s, 0, e->cur), total = text_width(s);
	if (e->scroll > 0 && total - e->scroll < w - 1)
		e->scroll = total - (w - 1) < 0 ? 0 : total - (w - 1);
	if (cc < e->scroll)
		e->scroll = cc - w / 3 < 0 ? 0 : cc - w / 3;
	if (cc - e->scroll > w - 1)
		e->scroll = cc - (w - 1);
	size_t start = 0;
	int col = 0;
	while (col < e->scroll && start < e->text.len) {
		size_t next = lineedit_next(s, e->text.len, start);
		col += cols(s, start, next);
		start = next;
	}
	e->scroll = col;
	return start;
}

int lineedit_draw(struct lineedit *e, int y, int x, int w, attr_t a)
{
	if (w < 2)
		return x;
	const char *s = lineedit_text(e);
	size_t start = scroll_start(e, w);
	draw_fill(y, x, w, a);
	draw_text(y, x, w, s + start, a);
	int cx = x + cols(s, start, e->cur);
	size_t end = lineedit_next(s, e->text.len, e->cur);
	if (end > e->cur)
		draw_textn(y, cx, x + w - cx, s + e->cur, end - e->cur, a | A_REVERSE);
	else
		draw_text(y, cx, 1, " ", a | A_REVERSE);
	return cx;
}
