/* The first-run form: while the agency has no name (settings_setup_needed)
 * the program opens with a short form for it — the agency, its parent
 * body, the place and the report's signer — and so does anything that
 * prints before the name is given. Esc skips it: the clerk may look
 * around first. */
#ifndef CCHC_UI_SETUP_FORM_H
#define CCHC_UI_SETUP_FORM_H
#include <stdbool.h>
#include "ui/app.h"

/* The form, or NULL when the agency is named already (or the database is
 * the demo, or read-only). then: the action to run once it is saved (a
 * print it stood before), ACT_NONE for none. */
struct modal *setup_form_open(struct app *app, enum action then);
/* For the main loop: when action a prints and the agency is not named,
 * opens the form in front of it and returns true. */
bool setup_before_print(struct app *app, enum action a);

#endif
