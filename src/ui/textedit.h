/* A multi-line text editor for the clerk's paragraphs (the notes of a
 * report), on top of the line editor: the text is kept in NFC with "\n"
 * between its lines, and the cursor moves and deletes by letter as in a
 * prompt (a letter with its marks is one step, whether typed composed or
 * not; a wide letter takes two columns). Lines wider than the box wrap at
 * spaces (inside a word only when the word alone is wider), so a paragraph
 * reads as it will in the report.
 *
 * Keys: letters insert; Enter starts a new line; Left/Right move by letter
 * (across line ends), Up/Down by row keeping the column, PageUp/PageDown by
 * a box; Home/End (C-a/C-e) go to the ends of the line; Backspace/Delete
 * remove a letter (joining lines at their ends); C-u and C-k remove the
 * line before and after the cursor.
 *
 * textedit_open() puts it in a box over the screen: the save action (C-o)
 * hands the text to a callback, Esc closes, first asking "? [c/K]" when the
 * text was changed. */
#ifndef CCHC_UI_TEXTEDIT_H
#define CCHC_UI_TEXTEDIT_H
#include <stdbool.h>
#include <stddef.h>
#include "ui/app.h"
#include "ui/lineedit.h"

/* Longest text accepted, in bytes. */
#define TEXTEDIT_MAX (64 * 1024)

/* One row on screen: bytes [off, end) of the text, without the "\n";
 * last when it ends its line. */
struct textedit_row {
	size_t off, end;
	bool last;
};

struct textedit {
	struct lineedit ed;      /* the text and the cursor (a byte offset) */
	int width, height;       /* of the box, as last drawn (or set by textedit_resize) */
	int top;                 /* first row shown */
	int goal;                /* column Up/Down keep, or -1 */
	bool changed;            /* edited since textedit_init */
	struct textedit_row *rows;
	int nrows, cap;
};

/* Starts with s (may be NULL; control characters become U+FFFD, "\r\n"
 * and "\r" become "\n"), the cursor at its start. */
void textedit_init(struct textedit *e, const char *s);
void textedit_free(struct textedit *e);
const char *textedit_text(const struct textedit *e);
/* The box's size in columns and rows; lays the text out again. */
void textedit_resize(struct textedit *e, int width, int height);
/* Applies one key (as lineedit_key); returns LE_IGNORED, LE_NONE,
 * LE_MOVED or LE_CHANGED. */
int textedit_key(struct textedit *e, int key);
/* The cursor's row (in the whole layout) and column. */
void textedit_cursor(struct textedit *e, int *row, int *col);
/* Draws the rows that fit in r (the letter under the cursor in reverse
 * video) and returns the cursor's screen position. */
void textedit_draw(struct textedit *e, struct rect r, attr_t a, int *cy, int *cx);

/* The box: save gets the text (UI_* flags to close the box, or -1 to keep
 * it open after telling why); free (may be NULL) frees ctx when the box
 * closes. title and hint (a line under the title, may be NULL) are copied. */
struct textedit_ops {
	int (*save)(struct app *app, void *ctx, const char *text);
	void (*free)(void *ctx);
};
struct modal *textedit_open(const char *title, const char *hint, const char *text,
			    const struct textedit_ops *ops, void *ctx);

#endif
