/* The full-screen program: a frame with one screen per area (plan now;
 * tasks, evidence, registers, reports later) over one table of actions. */
#ifndef CCHC_UI_H
#define CCHC_UI_H
#include <stdbool.h>
#include "store/db.h"
#include "util/err.h"

struct ui_options {
	const char *theme;      /* --theme NAME, or NULL for the setting / default */
	const char *script;     /* test mode: file of scripted keys (see tests/screen) */
	const char *dump;       /* test mode: where the script's dumps are written */
	const char *timing;     /* test mode: "key<TAB>microseconds" per key, to this file */
	int cols, lines;        /* test mode: terminal size (0 = 80x24) */
	bool exit_after_paint;  /* benchmarks: exit once the first screen is drawn */
	const char *notice;     /* one-off message for the status line (e.g. demo data) */
};

/* Runs the program until the clerk quits. Returns CCHC_OK or an error. */
int ui_run(struct db *db, const struct ui_options *opt, struct cchc_err *err);

#endif
