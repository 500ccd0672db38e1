/* The forms of the tasks: add or edit a task (task_form.c) and add a
 * progress note. Each save is one call to the core, one transaction. */
#ifndef CCHC_UI_TASK_FORM_H
#define CCHC_UI_TASK_FORM_H
#include <stdint.h>
#include "ui/app.h"

/* What the form starts with; NULL strings are empty. task_id 0 adds. */
struct task_form_init {
	int64_t task_id, plan_id, section_id;
	const char *title, *lead, *co, *due, *product, *description;
	int status;
};

/* Called after a successful save with the task's id. */
typedef int (*task_saved_fn)(struct app *app, void *ctx, int64_t task_id);

struct modal *task_form_open(struct app *app, const struct task_form_init *init,
			     task_saved_fn saved, void *ctx);
/* The form of an existing task, read from the database; NULL (with a
 * message) when it is gone. */
struct modal *task_form_edit(struct app *app, int64_t task_id, task_saved_fn saved, void *ctx);
/* A progress note: text and period (default the current quarter, 2026-Q4). */
struct modal *note_form_open(struct app *app, int64_t task_id, task_saved_fn saved, void *ctx);
/* The current quarter as "YYYY-Qn". */
void current_quarter(char out[16]);

#endif
