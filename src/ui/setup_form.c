#include <config.h>
#include "ui/setup_form.h"
#include <stdlib.h>
#include <string.h>
#include "core/settings.h"
#include "ui/form.h"

enum { F_NAME, F_PARENT, F_PLACE, F_SIGNER, NFIELDS };

static const char *const labels[NFIELDS] = {
	"Tên cơ quan", "Cấp trên", "Địa danh", "Người ký",
};
static const char *const keys[NFIELDS] = {
	"org.name", "org.parent", "org.place", "report.signer",
};
static const char *const hints[NFIELDS] = {
	"ví dụ Sở Công Thương; in ở đầu báo cáo, phiếu xin lỗi",
	"dòng trên tên cơ quan, ví dụ UBND TỈNH LẠNG SƠN",
	"ghi trước ngày tháng, ví dụ Lạng Sơn",
	"họ tên người ký báo cáo; chức vụ, thẩm quyền: màn Thiết lập",
};

/* The actions that print a document with the agency's name on it. */
static const enum action printing[] = { ACT_REPORT_EXPORT, ACT_LETTER_PRINT };

struct setup {
	enum action then;
};

/* Each field is checked as it is typed, as the settings screen does. */
static void su_changed(struct app *app, struct form *f, int i)
{
	struct cchc_err err;
	form_clear_error(f, i);
	if (*form_text(f, i) && settings_check(keys[i], form_text(f, i), &err) != CCHC_OK)
		form_error(f, i, "%s", err.msg);
}

static int su_save(struct app *app, struct form *f)
{
	struct setup *su = f->ctx;
	const char *k[NFIELDS], *v[NFIELDS];
	int n = 0;
	for (int i = 0; i < NFIELDS; i++) {
		su_changed(app, f, i);
		if (*form_text(f, i))
			k[n] = keys[i], v[n++] = form_text(f, i);
	}
	if (!*form_text(f, F_NAME))
		form_error(f, F_NAME, "Cần tên cơ quan (Esc để bỏ qua lúc này)");
	for (int i = 0; i < NFIELDS; i++)
		if (f->f[i].error)
			return -1;
	struct cchc_err err = { 0 };
	if (settings_set_many(app->db, k, v, n, &err) != CCHC_OK) {
		form_error(f, F_NAME, "%s", err.msg);
		return -1;
	}
	app->data_version++;
	app->after = su->then;
	app_message(app, false, "Đã lưu thông tin cơ quan; sửa thêm ở màn Thiết lập (u: hoàn tác)");
	return UI_ALL;
}

static const struct form_ops setup_ops = { su_changed, su_save, free };

struct modal *setup_form_open(struct app *app, enum action then)
{
	if (!settings_setup_needed(app->db))
		return NULL;
	struct setup *su = xcalloc(1, sizeof *su);
	su->then = then;
	struct form *f = form_new(then == ACT_NONE ? "Bắt đầu: thông tin cơ quan (Esc: để sau)"
				  : "Trước khi in: thông tin cơ quan", labels, NFIELDS,
				  &setup_ops, su);
	for (int i = 0; i < NFIELDS; i++) {
		char *val = settings_get(app->db, keys[i]);
		form_set(f, i, val);
		form_hint(f, i, hints[i]);
		free(val);
	}
	return &f->m;
}

bool setup_before_print(struct app *app, enum action a)
{
	for (size_t i = 0; i < sizeof printing / sizeof printing[0]; i++)
		if (a == printing[i]) {
			struct modal *m = setup_form_open(app, a);
			if (m)
				app_modal_open(app, m);
			return m != NULL;
		}
	return false;
}
