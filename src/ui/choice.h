/* A dialog to choose one of a short list (a status, a unit): typing
 * filters it (without tones), Up/Down move, Enter chooses, Esc closes. */
#ifndef CCHC_UI_CHOICE_H
#define CCHC_UI_CHOICE_H
#include <stdint.h>
#include "ui/app.h"

struct choice_item {
	int64_t id;
	const char *value, *label;   /* copied */
};

typedef int (*choice_fn)(struct app *app, void *ctx, int64_t id, const char *value);
struct modal *choice_open(const char *title, const struct choice_item *items, int n,
			  choice_fn chosen, void *ctx);
/* Puts the cursor on the item with that id (when shown). */
void choice_select(struct modal *m, int64_t id);

#endif
