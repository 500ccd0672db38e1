/* Text laid out for a pane of fixed width: lines of wrapped text, each with
 * an optional prefix (a section label, a list marker) and its theme
 * elements. The plan's text pane and the task details share it, so a
 * section's text reads the same in both. */
#ifndef CCHC_UI_TLINES_H
#define CCHC_UI_TLINES_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "ui/theme.h"

struct app;

/* One line: prefix (or NULL) then text, from column x of the pane. */
struct tline {
	int x;
	char *pre;
	enum elem pre_el, el;
	char *text;
	bool own;                /* the section's own text, where n/N stop */
};

struct tlines {
	struct tline *v;
	int n, cap;
	int width;               /* columns the lines are wrapped to */
	bool own;                /* value of .own for the lines added next */
};

void tl_clear(struct tlines *t);   /* empties, keeps the array */
void tl_free(struct tlines *t);
void tl_add(struct tlines *t, int x, const char *pre, enum elem pre_el, const char *s,
	    size_t n, enum elem el);
/* A blank line, unless the last line is blank already (or there is none). */
void tl_blank(struct tlines *t);
/* s (sanitised) wrapped from column x; the prefix goes before the first line
 * and the other lines hang under the text. */
void tl_wrapped(struct tlines *t, int x, const char *pre, enum elem pre_el, const char *s,
		enum elem el);
/* The paragraphs and list items of a section, read from the database. */
void tl_section_items(struct app *app, struct tlines *t, int64_t section_id);
/* Draws line i at row y of a pane starting at column x, w wide. */
void tl_draw(const struct tlines *t, int i, int y, int x, int w);

#endif
