/* The form of a unit (the units screen's a and e): name, code, head, kind
 * and, when editing, whether it is still in use. Saved with the same core
 * calls and messages as `cchc unit add` / `unit edit`, one transaction. */
#ifndef CCHC_UI_UNIT_FORM_H
#define CCHC_UI_UNIT_FORM_H
#include <stdint.h>
#include "ui/app.h"

/* saved is told the unit's id after a save (to put the cursor on it). */
typedef void (*unit_saved_fn)(void *ctx, int64_t id);
/* The form for a new unit (id 0) or for unit id; NULL with a message in
 * the status line when the unit cannot be read. */
struct modal *unit_form_open(struct app *app, int64_t id, unit_saved_fn saved, void *ctx);

#endif
