/* One engine for the register screens (tasks, evidence, dossiers, letters,
 * feedback, and the registers to come): each is a description (struct
 * register_desc) of its rows, query, lists, columns and keys, over one
 * generic screen that owns
 * the keyset window (kwin), the / filter, the lists switched with v, the
 * unit filter (U), the title, the empty message, the status line, the
 * record under the cursor for its history, and delete (d, Delete) with a
 * confirmation naming the record. tig's views are the model: callbacks over
 * one view engine.
 *
 * A register's state is a struct whose first member is a struct
 * register_view; its view_class uses the rv_* functions below, with an open
 * function of its own (rv_open with its description and state size). */
#ifndef CCHC_UI_REGISTER_VIEW_H
#define CCHC_UI_REGISTER_VIEW_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "ui/app.h"
#include "ui/kwin.h"
#include "ui/register_forms.h"
#include "ui/tlines.h"

struct register_view;

/* A key of the register: the action, and what it does to the record under
 * the cursor (id 0 when the list is empty; needs_row: then nothing
 * happens). One function may serve several actions (a). Returns UI_*
 * flags. */
typedef int (*rv_key_fn)(struct app *app, struct register_view *v, int64_t id, enum action a);
struct rv_key {
	enum action action;
	rv_key_fn fn;
	bool needs_row;
};

struct register_desc {
	const char *scope;           /* the view's name, for the keys of its panels */
	const char *title;           /* the title line's start: "Hồ sơ:" */
	const struct kwin_ops *ops;  /* the rows and their keyset query */
	const char *table;           /* the row's table, as the history names it */
	/* The lists switched with v, shown as tabs after the title (none:
	 * nmodes 0), each with what an empty list says. */
	const char *const *modes, *const *mode_empty;
	int nmodes;
	const char *no_match;        /* the list empty under the / filter */
	const char *unit_title;      /* the unit filter's chooser (U); NULL: none */
	/* The column headings (line r.y + 1) and one row at y, after the engine
	 * filled it in attribute a (the cursor's when cur) and drew the marker. */
	void (*draw_header)(struct register_view *v, struct rect r);
	void (*draw_row)(struct register_view *v, const void *row, bool cur, attr_t a, int y,
			 int w);
	/* Optional. The row's own element (a late dossier); EL_TEXT otherwise. */
	enum elem (*row_elem)(const void *row);
	/* Optional. The whole title line, instead of title, tabs, unit and count;
	 * and the empty message, instead of the list's. */
	void (*draw_title)(struct register_view *v, struct rect r);
	const char *(*empty)(const struct register_view *v);
	const struct rv_key *keys;   /* ended by ACT_NONE */
	/* Optional. Deletes record id (to the trash: restorable, undoable); with
	 * name_row, naming the row for the confirmation ("hồ sơ «…»"). NULL:
	 * d says this kind of record cannot be deleted yet. */
	int (*delete_row)(struct db *db, int64_t id, struct cchc_err *err);
	void (*name_row)(const void *row, struct sbuf *out);
};

struct register_view {
	const struct register_desc *d;
	struct kwin kw;
	int mode;                    /* index in d->modes */
	struct rf_unit_filter unit;
	void (*free_extra)(struct register_view *v);   /* the state's own fields */
};

/* The view_class functions every register shares. */
#define RV_VIEW_METHODS \
	.close = rv_close, .draw = rv_draw, .handle = rv_handle, .status = rv_status, \
	.record = rv_record

/* A register's state of size bytes (at least a struct register_view),
 * zeroed, over description d. */
void *rv_open(const struct register_desc *d, size_t size);
void rv_close(void *st);
void rv_draw(struct app *app, void *st, struct rect r);
int rv_handle(struct app *app, void *st, enum action a);
void rv_status(struct app *app, void *st, struct sbuf *out);
bool rv_record(struct app *app, void *st, const char **table, int64_t *id);
/* The id of a row (through the description's ops). */
int64_t rv_row_id(const struct register_view *v, const void *row);
/* Back to list mode without the unit and / filters, the cursor on record id
 * when it is among the first rows read (for the home screen's lines). */
void rv_show(struct app *app, struct register_view *v, int mode, int64_t id);
/* The same with the / filter set to words (a search hit: the record's
 * code, so that it is on screen whatever the register's size). */
void rv_show_filtered(struct app *app, struct register_view *v, int mode, const char *words,
		      int64_t id);
/* The details of record id (Enter) in a panel titled title: build writes
 * its lines (variant: which page of them, as the register's open chose);
 * the actions in keys (ACT_NONE-ended) close the panel and go to the
 * register's key table for the same record. */
struct rv_detail {
	const char *footer;
	void (*build)(struct app *app, struct register_view *v, int64_t id, int variant,
		      struct tlines *l);
	const enum action *keys;
};
int rv_open_detail(struct app *app, struct register_view *v, const struct rv_detail *d,
		   int64_t id, int variant, const char *title);
/* A column heading: x from the left (from the right edge when negative);
 * width w, or up to the right edge leaving one cell (w 0) or -w cells (w
 * negative); text NULL: the column is not shown at this width. */
struct rv_heading {
	int x, w;
	const char *text;
};
/* The headings line (r.y + 1). */
void rv_draw_headings(struct rect r, const struct rv_heading *h, int n);
/* The title line as plain text (a register whose title is not tabs). */
void rv_draw_title_text(struct rect r, const char *text);

/* The confirmation before deleting row (also for screens with a list of
 * their own): "Xóa NAME? [c/K]"; c deletes through fn and reloads, keeping
 * the cursor near. name says what the row is. */
int rv_delete_ask(struct app *app, int (*fn)(struct db *, int64_t, struct cchc_err *),
		  int64_t id, const char *name);

#endif
