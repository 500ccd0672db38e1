/* A form: labelled fields in a box over the screen, each with the shared
 * line editor, an optional list of candidates that completes what is typed
 * (without tones or case, on the value or the label; for a list field, on
 * the item after the last comma), a hint (what the value means) and an
 * error, both shown under the field. Tab/S-Tab (or Down/Up) move between
 * fields, Up/Down/Tab/Enter pick a completion, Enter on the last field or
 * the save action (C-o) saves, Esc closes the completions or the form
 * (after asking, when a field was changed: c drops the changes, any other
 * key goes back to typing). The
 * owner checks and stores the values (form_ops.save) and sets errors. */
#ifndef CCHC_UI_FORM_H
#define CCHC_UI_FORM_H
#include <stdbool.h>
#include <stdint.h>
#include "ui/app.h"
#include "ui/lineedit.h"

struct form_cand {
	int64_t id;
	char *value;             /* put in the field when picked */
	char *label;             /* shown in the list after the value, may be "" */
};

struct form_field {
	const char *label;
	struct lineedit ed;
	bool hidden, multi;
	bool path;               /* file paths separated by ";": Tab completes
	                          * the last one from the file system */
	struct form_cand *cand;  /* owned by the owner, or NULL */
	int ncand;
	int64_t picked;          /* id of the candidate picked, 0 after any edit */
	char *hint, *error;      /* malloc'd or NULL */
};

struct form;
struct form_ops {
	/* After an edit of field i (hints, live checks); may be NULL. */
	void (*changed)(struct app *app, struct form *f, int i);
	/* Checks and stores: returns UI_* flags to close the form, or -1 to
	 * keep it open (errors set with form_error). */
	int (*save)(struct app *app, struct form *f);
	void (*free)(void *ctx);
};

struct form {
	struct modal m;
	const char *title;
	struct form_field *f;
	int nf, cur;
	struct form_ops ops;
	void *ctx;
	int *match, nmatch, pick, pick_top;  /* completions of the current field */
	int top;                             /* first field drawn when the form scrolls */
	bool dropdown;
	struct form_cand *pcand;             /* path completions (form's own) */
	int npcand;
	char **orig;             /* the fields' texts when the first key came
	                          * (the owner fills them before): Esc asks
	                          * before dropping what differs from them */
	bool asking;             /* Esc after a change: "Bỏ các thay đổi…?" */
};

/* A form of nf fields (labels static); fill f->f[i] then open it with
 * app_modal_open. */
struct form *form_new(const char *title, const char *const *labels, int nf,
		      const struct form_ops *ops, void *ctx);
const char *form_text(const struct form *f, int i);
void form_set(struct form *f, int i, const char *text);
void form_hint(struct form *f, int i, const char *hint);
void form_error(struct form *f, int i, const char *fmt, ...) CCHC_PRINTF(3, 4);
/* Clears the error of field i. */
void form_clear_error(struct form *f, int i);
/* Clears every error. */
void form_clear_errors(struct form *f);
/* Whether any field's text differs from when the form was first shown. */
bool form_changed(const struct form *f);
/* Puts the cursor on the first field with an error. */
void form_focus_error(struct form *f);
/* The candidate whose value is s (case-insensitive), or -1. */
int form_find(const struct form_field *fd, const char *s);

#endif
