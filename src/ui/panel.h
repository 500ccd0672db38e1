/* A box of text over the screen that scrolls: the details of a record, the
 * history of a petition, the bad rows of a file about to be imported. The
 * owner lays the lines out for the box's width (build, called again after a
 * resize) and may act on the keys the panel does not use; movement keys
 * scroll, and cancel, select and quit close it. */
#ifndef CCHC_UI_PANEL_H
#define CCHC_UI_PANEL_H
#include "ui/app.h"
#include "ui/tlines.h"

struct panel_ops {
	void (*build)(struct app *app, void *ctx, struct tlines *l);
	/* Optional: an action (in the panel's scope) that is not a movement;
	 * UI_* flags, or -1 for the panel's own handling. Closing the panel
	 * (app_modal_close) frees ctx: copy what is needed first. */
	int (*key)(struct app *app, void *ctx, enum action a);
	void (*free)(void *ctx);
};

/* scope: the view whose keys apply; title and footer are copied. */
struct modal *panel_open(const char *scope, const char *title, const char *footer,
			 const struct panel_ops *ops, void *ctx);
/* Adds "name value" with the value wrapped under itself ("-" when empty);
 * value is sanitised here. */
void panel_field(struct tlines *l, const char *name, const char *value);
/* A heading line in the list.header element, after a blank line. */
void panel_heading(struct tlines *l, const char *text);
/* n fields, each { name, value }, one panel_field a line. */
void panel_fields(struct tlines *l, const char *const f[][2], size_t n);
/* A record that could not be read: the core's message in the error colour. */
void panel_error(struct tlines *l, const char *msg);

#endif
