/* The frame of the full-screen program: tab bar, one view (screen) at a
 * time, status bar, and at most one modal (notice, help, prompt, picker) on
 * top. Views and modals are small modules plugged into it; handlers return
 * UI_* flags telling the main loop what to redraw. */
#ifndef CCHC_UI_APP_H
#define CCHC_UI_APP_H
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "store/db.h"
#include "ui/action.h"
#include "ui/draw.h"
#include "ui/keymap.h"
#include "ui/ui.h"

enum {
	UI_NONE = 0,
	UI_STATUS = 1 << 0,   /* the status bar */
	UI_VIEW = 1 << 1,     /* the current view, the status bar and any modal */
	UI_ALL = 1 << 2,      /* everything, from a blank screen */
	UI_QUIT = 1 << 3,
};

/* Smallest usable terminal. */
#define UI_MIN_COLS 60
#define UI_MIN_LINES 16

struct app;
struct term;

/* A screen: one file (view_*.c) and one line in views.def. */
struct view_class {
	const char *name;            /* in keys files: bind NAME KEY ACTION */
	const char *title;           /* on the tab bar */
	const enum action *hints;    /* status bar hints, ACT_NONE-terminated */
	void *(*open)(struct app *app);
	void (*close)(void *st);
	void (*draw)(struct app *app, void *st, struct rect r);
	int (*handle)(struct app *app, void *st, enum action a);
	/* Optional. Sees every key before the keymap (a screen with a line to
	 * type in); returns -1 to leave the key to the actions. */
	int (*key)(struct app *app, void *st, int key);
	/* Optional. Text for the left of the status line (an active filter). */
	void (*status)(struct app *app, void *st, struct sbuf *out);
	/* Optional. Shows the record kind/id ("plan", "section", "unit" as in
	 * core/search.h) of plan plan_id; returns UI_* flags, or -1 when the
	 * screen does not show that kind. */
	int (*go)(struct app *app, void *st, const char *kind, int64_t id, int64_t plan_id);
	/* Optional. The record under the cursor, as the history names it (a
	 * table: "task", "unit", "plan"...) and its id, for its history (H);
	 * false when there is none. */
	bool (*record)(struct app *app, void *st, const char **table, int64_t *id);
	/* Optional. Called each time the screen is switched to (to read again
	 * what may have changed meanwhile). */
	void (*enter)(struct app *app, void *st);
};

#define VIEW(id) extern const struct view_class view_##id;
#include "ui/views.def"
#undef VIEW

/* A box on top of the view that takes the keys until it closes. */
struct modal {
	int (*key)(struct app *app, struct modal *m, int key);
	void (*draw)(struct app *app, struct modal *m);
	void (*free)(struct modal *m);
};

struct app {
	struct db *db;
	const struct ui_options *opt;
	struct keymap keymap;
	int nviews, cur;
	const struct view_class **views;
	void **state;
	struct modal *modal;
	char *status;                /* one-off message, until the next key */
	bool status_error;
	struct sbuf pending;         /* further messages shown one per key */
	char *query;                 /* the last search or filter, for match-next */
	bool query_exact;
	int cursor_y, cursor_x;      /* where the terminal cursor goes (-1: nowhere) */
	unsigned data_version;       /* bumped by every write (task saved, done, note):
				      * screens holding rows reload when it moved */
	enum action after;           /* run by the current screen once the modal
				      * closes (the print the first-run form
				      * stood in front of), or ACT_NONE */
	sqlite3_stmt *db_version_stmt; /* PRAGMA data_version, kept prepared */
	int64_t db_version;          /* its last value: it moves when another process
				      * (a cchc command, a second window) commits */
	struct term *term;           /* the keys, for app_run_modal */
	char *check_failed;          /* what the background check found wrong (the
				      * database damaged, or not checkable): kept on
				      * the Overview for the rest of the session */
	/* Work put off while keys come (a filter's whole set, typed fast):
	 * done when the keyboard is idle, interrupted by the next key. */
	bool (*later)(struct app *app, void *ctx);
	void *later_ctx;
};

/* The current view's name, for keymap lookups. */
const char *app_scope(const struct app *app);
enum action app_action(const struct app *app, const char *scope, int key);
/* Shows msg in the status line until the next key. */
void app_message(struct app *app, bool error, const char *fmt, ...)
	CCHC_PRINTF(3, 4);
/* Puts m on top (replacing any other modal); returns UI_VIEW. */
int app_modal_open(struct app *app, struct modal *m);
int app_modal_close(struct app *app);
/* Opens m and takes the keys until it closes, for work that needs the
 * clerk's answer before it goes on (an import's rows shown before they are
 * stored, inside the import's transaction); m's key handler leaves the
 * answer where the caller finds it. */
void app_run_modal(struct app *app, struct modal *m);
/* Puts off work until the keyboard is idle (one piece at a time: it
 * replaces any other): fn runs when no key is waiting, its SQLite
 * statements interrupted (SQLITE_INTERRUPT) as soon as one is typed; it
 * returns false when interrupted, to run again at the next pause, true
 * when done (the screen is then drawn again). In test mode it runs on the
 * script's "idle" lines. */
void app_later(struct app *app, bool (*fn)(struct app *app, void *ctx), void *ctx);
/* Forgets the work put off for ctx, if any. */
void app_later_cancel(struct app *app, void *ctx);
/* Gives back to the system the memory the last piece of work left free
 * (SQLite's caches, the allocator's free blocks): after a report is laid
 * out, where a session's memory peaks. Leaving a screen gives nothing
 * back: the report's release is what holds a session under 20 MB, and a
 * release at every change of screen cost the next screen half a
 * millisecond of page faults for no lower peak. */
void app_release_memory(struct app *app);
/* Remembers the last search or filter (NULL or "" forgets it). */
void app_set_query(struct app *app, const char *text, bool exact);
/* Switches to the screen that shows the record (see view_class.go). Besides
 * the kinds of core/search.h, the tasks screen takes "tasks-section" (id: a
 * section), "tasks-unit" (id: a unit), "tasks-status" (id: a status),
 * "tasks-overdue", "tasks-due-soon" and "tasks-due-unclear": the task list
 * filtered so. The home screen's lines also use "missing-task" (the
 * missing-evidence list, the cursor on task id), "dossiers-todo" (late
 * dossiers without a letter, on dossier id), "feedback-overdue" and
 * "feedback-soon" (on item id; 0: the first) and "report-next" (the report
 * screen on the next report due). */
int app_goto(struct app *app, const char *kind, int64_t id, int64_t plan_id);
/* Switches to the screen called name; returns UI_* flags. */
int app_show_view(struct app *app, const char *name);
/* Puts the terminal cursor at (y, x) after this paint (for input methods,
 * which draw what is being composed at the cursor). */
void app_set_cursor(struct app *app, int y, int x);
/* The plan the clerk is working on: the one chosen in the plan browser
 * (setting ui.plan_id), else the latest; 0 when there is none. */
int64_t app_plan_id(struct app *app);
/* The setting ui.due_within: "due soon" means within this many working
 * days (default 10). */
int app_due_within(struct app *app);
/* Drawing area of the views: between the tab bar and the status bar. */
struct rect app_body(void);

/* A box with a title and text (a line of it each paragraph, wrapped), and
 * hint as its last line; any key closes it. */
struct modal *app_notice_open(const char *title, const char *text, const char *hint);
/* Modals (help.c, prompt.c). */
struct modal *help_open(struct app *app);
typedef int (*prompt_done_fn)(struct app *app, void *ctx, const char *text);
struct modal *prompt_open(const char *label, prompt_done_fn done, void *ctx);
struct prompt_ops {
	prompt_done_fn done;      /* Enter */
	prompt_done_fn changed;   /* after every edit (filtering as one types), or NULL */
	prompt_done_fn cancel;    /* Esc, or NULL */
	/* Text for the right end of the line (a count), or NULL. */
	void (*extra)(struct app *app, void *ctx, struct sbuf *out);
};
/* A prompt starting with initial (may be NULL). */
struct modal *prompt_open_with(const char *label, const char *initial,
			       const struct prompt_ops *ops, void *ctx);
/* The plan picker (plan_picker.c): chosen is called with the plan's id. */
typedef int (*plan_chosen_fn)(struct app *app, void *ctx, int64_t plan_id);
struct modal *plan_picker_open(struct app *app, int64_t current, plan_chosen_fn chosen, void *ctx);
/* Importing a plan file (plan_import.c): chosen is called with the new
 * plan's id once the clerk has seen its tree and kept it. */
struct modal *plan_import_open(struct app *app, plan_chosen_fn chosen, void *ctx);

/* Undo, a record's history, the trash and the read-only database
 * (changes.c). */
/* The actions undo, history and trash; -1 for any other. */
int changes_action(struct app *app, enum action a);
/* With a read-only database, refuses an action that writes (says why in
 * the status line) and returns true. */
bool changes_refused(struct app *app, enum action a);
/* The banner line shown under the tab bar while the database is read-only. */
void changes_draw_banner(struct app *app, int y);
/* A yes/no question on the status line: question (cut to fit), keep (may
 * be NULL; always shown), then "? [c/K]"; c calls yes (after closing), any
 * other key just closes. ctx is freed with free_ctx (may be NULL) either
 * way. */
typedef int (*confirm_fn)(struct app *app, void *ctx);
struct modal *confirm_open(const char *question, const char *keep, confirm_fn yes, void *ctx,
			   void (*free_ctx)(void *));

#endif
