/* The cursor and scroll position of a list drawn in a fixed number of rows:
 * shared by the outline, the units list, the plan picker and the help. */
#ifndef CCHC_UI_LIST_H
#define CCHC_UI_LIST_H
#include <stdbool.h>
#include "ui/action.h"

struct list {
	int n, cur, top, height;
};

/* Applies a movement action; returns true when it was one. */
bool list_move(struct list *l, enum action a);
void list_set(struct list *l, int cur);
/* Keeps cur visible in height rows. */
void list_fit(struct list *l, int height);
/* Scrolls the view (no cursor) by an action: for text and help. */
bool list_scroll(struct list *l, enum action a);
/* list_move for a list with rows the cursor never rests on (blank lines
 * between groups; skip(k, ctx) says which): the cursor goes on in the
 * direction of the move, or at either end back to the nearest other row. */
bool list_move_over(struct list *l, enum action a, bool (*skip)(int k, const void *ctx),
		    const void *ctx);

#endif
