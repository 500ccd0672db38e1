/* What the screens of the registers (dossiers, apology letters, citizen
 * feedback) share: the apology letter's form, opened from a dossier or from
 * the letters list, and small helpers for their forms — candidate lists,
 * date fields, putting a core error under the field it is about. Every save
 * is one core call, one transaction; a refusal keeps the form open with
 * what the clerk typed. */
#ifndef CCHC_UI_REGISTER_FORMS_H
#define CCHC_UI_REGISTER_FORMS_H
#include <stdbool.h>
#include <stdint.h>
#include "core/dossier.h"
#include "ui/app.h"
#include "ui/choice.h"
#include "ui/kwin.h"
#include "ui/form.h"

/* A form's candidate list (value, label), owned by the form's context. */
struct rf_cands {
	struct form_cand *v;
	int n;
};
void rf_cands_free(struct rf_cands *c);
/* The units in use: value the code, label the name. */
void rf_units(struct app *app, struct rf_cands *c);
/* A register's filter by unit: the code chosen (NULL: every unit) and the
 * list it reloads. */
struct rf_unit_filter {
	char *code;
	struct kwin *kw;
};
/* The choice of the units in use, first "Mọi đơn vị" (clears the filter). */
struct modal *rf_unit_filter_open(struct app *app, const char *title, struct rf_unit_filter *uf);
void rf_unit_filter_free(struct rf_unit_filter *uf);
/* n values with their labels (labels may be NULL). */
void rf_values(struct rf_cands *c, const char *const *values, const char *const *labels, int n);

/* The state of a register's record form (a dossier, a feedback item): the
 * record (0: a new one), the list whose cursor goes to it once saved, the
 * candidate lists its fields offer, the title. Free with rf_record_free. */
#define RF_RECORD_CANDS 4
struct rf_record {
	int64_t id;
	struct kwin *kw;
	struct rf_cands cands[RF_RECORD_CANDS];
	int fields[RF_RECORD_CANDS];
	int ncands;
	char title[160];
};
struct rf_record *rf_record_new(int64_t id, struct kwin *kw);
void rf_record_free(void *p);
/* The candidate list for field (filled by the caller, then offered by
 * rf_record_offer). */
struct rf_cands *rf_record_cands(struct rf_record *r, int field);
/* Gives the form's fields their candidate lists. */
void rf_record_offer(const struct rf_record *r, struct form *f);
/* After a save: the lists read again, the cursor on id, msg on the status
 * line. */
int rf_record_saved(struct app *app, const struct rf_record *r, int64_t id, const char *msg);

/* ISO to dd/mm/yyyy ("" stays ""); today as dd/mm/yyyy. */
void rf_vn_date(const char *iso, char out[11]);
void rf_today(char out[11]);
/* Checks date field i (empty is fine unless required): the error under it,
 * or the date as understood as its hint. */
bool rf_check_date(struct form *f, int i, bool required);
/* Shows the name of the unit whose code field i holds as its hint. */
void rf_unit_hint(struct form *f, int i);

/* Where a core message goes: the first entry whose text the message holds
 * (ASCII case ignored); the table ends with a NULL text. */
struct rf_where {
	const char *text;
	int field;
};
/* Puts msg under its field (else under fallback), without the command
 * line's option names ("(--reason)"), and moves the cursor there; the
 * status line shows it whole too (a field's line may be too short). */
void rf_place_error(struct app *app, struct form *f, const struct rf_where *w, int fallback,
		    const char *msg);
/* NULL for an empty field: the core's default (or "unchanged") applies. */
const char *rf_or_null(const struct form *f, int i);
/* "~/x" with $HOME; malloc'd. */
char *rf_expand_home(const char *path);

/* Writes the file the clerk named: path (~ expanded) for what was typed,
 * flags FS_NEW or, after "Ghi đè?", FS_OVERWRITE. */
/* Asks "Chưa có thư mục DIR. Tạo thư mục?"; on c makes it (with its
 * parents) and calls next(app, ctx); free_ctx(ctx) afterwards either way. */
int rf_offer_mkdir(struct app *app, const char *dir, confirm_fn next, void *ctx,
		   void (*free_ctx)(void *));
typedef int (*rf_write_fn)(struct app *app, void *ctx, const char *path, const char *typed,
			   int flags);
/* An output path typed in a prompt: empty refused ("<not_yet>: cần tên tệp"),
 * "Chưa có thư mục X. Tạo thư mục?" asked when its folder is not there, the
 * open database or its journals refused with the reason, "Đã có X. Ghi
 * đè?" asked when something is there, else written at once. */
int rf_write_typed(struct app *app, const char *text, const char *not_yet, rf_write_fn write,
		   void *ctx);

/* The apology letter for dossier d, filled from it (addressee, unit, today,
 * the signer from settings); saving applies the rules (letter_add). */
struct modal *letter_form_new(struct app *app, const struct dossier_info *d);
/* The form of letter id; NULL (with a message) when it is gone. */
struct modal *letter_form_edit(struct app *app, int64_t id);

#endif
