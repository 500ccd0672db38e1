/* The line editor of every prompt (jump, filter, search): UTF-8 text kept in
 * NFC, a cursor that moves and deletes by letter — a base letter with its
 * combining marks (a grapheme cluster, as utf8proc finds them) is one step,
 * whether it arrived composed or as NFD from some keyboards — and a view that
 * scrolls horizontally by display columns when the text is wider than its
 * field. The editing keys are fixed, not actions: they are typing. */
#ifndef CCHC_UI_LINEEDIT_H
#define CCHC_UI_LINEEDIT_H
#include <stdbool.h>
#include <stddef.h>
#include "ui/theme.h"
#include "util/sbuf.h"

/* Longest text accepted, in bytes; further letters are dropped. */
#define LINEEDIT_MAX 1024

struct lineedit {
	struct sbuf text;     /* NFC, never NULL after init */
	size_t cur;           /* byte offset of the cursor, on a letter boundary */
	int scroll;           /* display column of the first letter shown */
	size_t max;           /* longest text in bytes; 0: LINEEDIT_MAX */
};

/* What a key did: not an editing key, nothing (Left at the start), moved
 * the cursor, changed the text. */
enum { LE_IGNORED = -1, LE_NONE = 0, LE_MOVED = 1, LE_CHANGED = 2 };

/* Starts with s (may be NULL), the cursor at its end. */
void lineedit_init(struct lineedit *e, const char *s);
void lineedit_free(struct lineedit *e);
void lineedit_set(struct lineedit *e, const char *s);
const char *lineedit_text(const struct lineedit *e);
/* Applies one key (a code point or KEY_FN(curses code)): a printable letter
 * is inserted and the text re-composed to NFC; Left/Right, Home/End, C-a/C-e
 * move; Backspace/Delete remove one letter; C-u removes up to the cursor,
 * C-k from it, C-w the word before it. Returns LE_IGNORED for any other key. */
int lineedit_key(struct lineedit *e, int key);
/* Inserts the n bytes of s (valid UTF-8, any characters: the multi-line
 * editor inserts its new lines here) at the cursor and re-composes to NFC;
 * LE_NONE, with nothing inserted, when the text would pass its limit. */
int lineedit_insert(struct lineedit *e, const char *s, size_t n);
/* Removes bytes [from, to) (letter boundaries), the cursor left at from;
 * LE_NONE when the range is empty. */
int lineedit_delete(struct lineedit *e, size_t from, size_t to);
/* Draws the text in w columns at (y, x), scrolled so the cursor shows, the
 * letter under the cursor in reverse video. Returns the cursor's column on
 * the screen. */
int lineedit_draw(struct lineedit *e, int y, int x, int w, attr_t a);

/* Letter boundaries, exposed for tests: the offset after the letter at i,
 * and the offset of the letter before i. */
size_t lineedit_next(const char *s, size_t n, size_t i);
size_t lineedit_prev(const char *s, size_t i);

#endif
