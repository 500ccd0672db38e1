#include <config.h>
#include "ui/unit_form.h"
#include <stdlib.h>
#include <string.h>
#include "core/task.h"
#include "core/unit.h"
#include "text/fold.h"
#include "text/utf8.h"
#include "ui/form.h"
#include "ui/register_forms.h"

enum { F_NAME, F_CODE, F_HEAD, F_KIND, F_ACTIVE, NFIELDS };

static const char *const labels[NFIELDS] = {
	"Tên đơn vị", "Ký hiệu", "Trưởng đơn vị", "Loại", "Còn hoạt động",
};

/* The kinds as the clerk reads them; the core's names stay inside. */
static const struct {
	const char *kind, *label;
} kinds[] = {
	{ "phong", "Phòng thuộc Sở" }, { "don-vi", "Đơn vị trực thuộc" },
	{ "so-nganh", "Sở, ngành tỉnh" }, { "huyen", "UBND cấp huyện" },
	{ "xa", "UBND cấp xã" }, { "khac", "Khác" },
};
#define NKINDS ((int)(sizeof kinds / sizeof kinds[0]))

static const char *const yes_no[2] = { "có", "không" };

struct unit_form {
	int64_t id;
	char *code, *kind;       /* as stored, for "unchanged" */
	struct rf_cands kinds, yes_no;
	unit_saved_fn saved;
	void *ctx;
};

static const char *kind_label(const char *kind)
{
	for (int i = 0; i < NKINDS; i++)
		if (strcmp(kinds[i].kind, kind) == 0)
			return kinds[i].label;
	return "";
}

/* The core's kind for the label typed ("" for none, NULL when unknown). */
static const char *kind_of_label(const char *label)
{
	char *f = text_fold(label, false);
	const char *k = *f ? NULL : "";
	for (int i = 0; !k && i < NKINDS; i++) {
		char *g = text_fold(kinds[i].label, false);
		if (strcmp(f, g) == 0)
			k = kinds[i].kind;
		free(g);
	}
	free(f);
	return k;
}

static void uf_free(void *p)
{
	struct unit_form *uf = p;
	rf_cands_free(&uf->kinds);
	rf_cands_free(&uf->yes_no);
	free(uf->code);
	free(uf->kind);
	free(uf);
}

/* Hints that follow the typing: the kind read from the name when none is
 * chosen; a kind or yes/no that is not one of the choices is said at once. */
static void uf_changed(struct app *app, struct form *f, int i)
{
	const char *k = kind_of_label(form_text(f, F_KIND));
	form_clear_error(f, F_KIND);
	form_clear_error(f, F_ACTIVE);
	if (!k)
		form_error(f, F_KIND, "Loại «%s» không có; ↓ để chọn trong danh sách",
			   form_text(f, F_KIND));
	struct sbuf b = SBUF_INIT;
	if (*form_text(f, F_NAME))
		sbuf_addf(&b, "theo tên: %s; ↓ để chọn",
			  kind_label(unit_kind_guess(form_text(f, F_NAME))));
	else
		sbuf_add(&b, "↓ để chọn; để trống: đoán theo tên đơn vị");
	form_hint(f, F_KIND, k && !*k ? b.s : "↓ để chọn");
	sbuf_free(&b);
	if (form_find(&f->f[F_ACTIVE], form_text(f, F_ACTIVE)) < 0)
		form_error(f, F_ACTIVE, "Ghi «có» hoặc «không»");
}

static const struct rf_where unit_where[] = {
	{ "Tên", F_NAME }, { "mã", F_CODE }, { "Loại", F_KIND }, { NULL, 0 },
};

/* Empty field: NULL (left as it is) when it was empty before too. */
static const char *changed_or_null(const char *typed, const char *was)
{
	return *typed || (was && *was) ? typed : NULL;
}

static int uf_store(struct app *app, struct form *f, struct unit_form *uf, int64_t *id,
		    struct cchc_err *err)
{
	const char *kind = kind_of_label(form_text(f, F_KIND));
	kind = kind && *kind ? kind : NULL;
	if (!uf->id)
		return unit_add(app->db, form_text(f, F_NAME), rf_or_null(f, F_CODE),
				form_text(f, F_HEAD), kind, id, err);
	*id = uf->id;
	int active = form_find(&f->f[F_ACTIVE], form_text(f, F_ACTIVE)) == 0;
	return unit_edit_id(app->db, uf->id, form_text(f, F_NAME),
			    changed_or_null(form_text(f, F_CODE), uf->code), form_text(f, F_HEAD),
			    kind, active, err);
}

static int uf_save(struct app *app, struct form *f)
{
	struct unit_form *uf = f->ctx;
	uf_changed(app, f, 0);
	if (uf->code && *uf->code && !*form_text(f, F_CODE))
		form_error(f, F_CODE, "Cần ký hiệu: các sổ và lệnh tìm đơn vị theo ký hiệu");
	int64_t other = *form_text(f, F_CODE) ? unit_id_by_code(app->db, form_text(f, F_CODE)) : 0;
	if (other && other != uf->id)
		form_error(f, F_CODE, "Đã có đơn vị khác ký hiệu «%s»", form_text(f, F_CODE));
	for (int i = 0; i < NFIELDS; i++)
		if (f->f[i].error)
			return -1;
	struct cchc_err err = { 0 };
	int64_t id = 0;
	if (uf_store(app, f, uf, &id, &err)) {
		rf_place_error(app, f, unit_where, F_NAME, err.msg);
		return -1;
	}
	app->data_version++;
	if (uf->saved)
		uf->saved(uf->ctx, id);
	char *name = text_sanitize(form_text(f, F_NAME));
	app_message(app, false, uf->id ? "Đã sửa đơn vị %s" : "Đã thêm đơn vị %s", name);
	free(name);
	return UI_ALL;
}

static const struct form_ops unit_ops = { uf_changed, uf_save, uf_free };

static void uf_fill(struct app *app, struct form *f, const struct unit_info *u)
{
	struct unit_form *uf = f->ctx;
	if (u) {
		form_set(f, F_NAME, u->name);
		form_set(f, F_CODE, u->code);
		form_set(f, F_HEAD, u->head);
		form_set(f, F_KIND, kind_label(u->kind ? u->kind : ""));
		form_set(f, F_ACTIVE, yes_no[u->active ? 0 : 1]);
		uf->code = xstrdup(u->code ? u->code : "");
	} else {
		form_set(f, F_ACTIVE, yes_no[0]);
		f->f[F_ACTIVE].hidden = true;
	}
	form_hint(f, F_CODE, "viết tắt dùng trong các sổ và lệnh, ví dụ VP, TTr; để trống nếu "
		  "chưa có");
	form_hint(f, F_ACTIVE, "«không» khi đơn vị thôi hoạt động (nhiệm vụ cũ vẫn giữ)");
	uf_changed(app, f, F_KIND);
}

static bool read_unit(struct app *app, int64_t id, struct unit_info **v, int *n, int *at)
{
	struct cchc_err err;
	if (unit_list(app->db, v, n, &err) != CCHC_OK) {
		app_message(app, true, "%s", err.msg);
		return false;
	}
	for (*at = 0; *at < *n; (*at)++)
		if ((*v)[*at].id == id)
			return true;
	unit_list_free(*v, *n);
	app_message(app, true, "Đơn vị này không còn trong cơ sở dữ liệu");
	return false;
}

struct modal *unit_form_open(struct app *app, int64_t id, unit_saved_fn saved, void *ctx)
{
	struct unit_info *v = NULL;
	int n = 0, at = 0;
	if (id && !read_unit(app, id, &v, &n, &at))
		return NULL;
	struct unit_form *uf = xcalloc(1, sizeof *uf);
	uf->id = id;
	uf->saved = saved;
	uf->ctx = ctx;
	const char *kl[NKINDS];
	for (int i = 0; i < NKINDS; i++)
		kl[i] = kinds[i].label;
	rf_values(&uf->kinds, kl, NULL, NKINDS);
	rf_values(&uf->yes_no, yes_no, NULL, 2);
	struct form *f = form_new(id ? "Sửa đơn vị" : "Thêm đơn vị", labels, NFIELDS, &unit_ops, uf);
	f->f[F_KIND].cand = uf->kinds.v, f->f[F_KIND].ncand = uf->kinds.n;
	f->f[F_ACTIVE].cand = uf->yes_no.v, f->f[F_ACTIVE].ncand = uf->yes_no.n;
	uf_fill(app, f, id ? &v[at] : NULL);
	if (id)
		unit_list_free(v, n);
	return &f->m;
}
