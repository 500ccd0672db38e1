/* Drawing UTF-8 text on the screen by display columns, through the wide
 * curses API so that Vietnamese letters and their marks stay whole. Text
 * reaching these functions is already sanitised (text_sanitize). */
#ifndef CCHC_UI_DRAW_H
#define CCHC_UI_DRAW_H
#include <stddef.h>
#include "text/fold.h"
#include "ui/theme.h"

struct rect {
	int y, x, h, w;
};

/* Draws s at (y, x), at most maxw columns; returns the columns used. */
int draw_text(int y, int x, int maxw, const char *s, attr_t a);
/* The same for the first n bytes of s. */
int draw_textn(int y, int x, int maxw, const char *s, size_t n, attr_t a);
/* Like draw_text, but ends with "…" when s does not fit. */
int draw_text_clip(int y, int x, int maxw, const char *s, attr_t a);
/* Like draw_text_clip, with the bytes of the spans sp (in order, not
 * overlapping, on letter boundaries) drawn in hl. */
int draw_text_spans(int y, int x, int maxw, const char *s, attr_t a,
		    const struct text_span *sp, int nsp, attr_t hl);
/* Like draw_text_clip, with the words of s that match q drawn in hl (q may
 * be NULL: nothing highlighted). */
int draw_text_hl(int y, int x, int maxw, const char *s, attr_t a, const struct text_query *q,
		 attr_t hl);
void draw_fill(int y, int x, int w, attr_t a);
void draw_fill_rect(struct rect r, attr_t a);
/* A frame around r (inside r) with an optional title on the top edge. */
void draw_box(struct rect r, attr_t a, const char *title);
void draw_vline(int y, int x, int h, attr_t a);
/* A rectangle of w x h centred in the screen's body (between the tab bar
 * and the status bar), clipped to it. */
struct rect draw_centered(int w, int h);
/* The first row of the body: 1, or 2 while a banner shows under the tab
 * bar (the read-only database). */
void draw_set_body_top(int top);
int draw_body_top(void);

#endif
