/* Thiết lập: every setting the clerk may change (core/settings.h), grouped
 * (agency, report, apology letters, feedback, backups), with its value in
 * force and, under the list, what it means. Enter or e edits one in a
 * one-field form checked as it is typed (the save is refused while the
 * value is not valid); r takes it back to its default. Each save is one
 * transaction, undone with u. The rows are the fixed table of the core;
 * the values of the rows on screen are read when drawn. */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "core/settings.h"
#include "text/utf8.h"
#include "ui/app.h"
#include "ui/form.h"
#include "ui/list.h"
#include "ui/register_forms.h"
#include "ui/wrap.h"

#define HELP_ROWS 4              /* the meaning of the row under the cursor */

struct settings_view {
	struct list list;
};

static const enum action settings_hints[] = {
	ACT_HELP, ACT_QUIT, ACT_SETTING_EDIT, ACT_SETTING_RESET, ACT_MOVE_DOWN, ACT_MOVE_UP,
	ACT_UNDO, ACT_VIEW_NEXT, ACT_NONE
};

static int count_rows(void)
{
	int n = 0;
	while (settings_shown[n].key)
		n++;
	return n;
}

static void *settings_open(struct app *app)
{
	struct settings_view *sv = xcalloc(1, sizeof *sv);
	sv->list.n = count_rows();
	return sv;
}

static void settings_close(void *st)
{
	free(st);
}

/* Column widths: group, name, value (the rest). */
static void columns(int w, int *gw, int *nw, int *vw)
{
	*gw = 15;
	*nw = w >= 100 ? 24 : 20;
	*vw = w - *gw - *nw - 4;
}

/* A yes/no setting is shown as có/không (the core takes either). */
static const char *shown_value(const char *key, const char *v)
{
	if (settings_yes_no(key))
		return strcmp(v, "yes") == 0 ? "có" : strcmp(v, "no") == 0 ? "không" : v;
	return v;
}

/* k: the row; top: the first row on screen (which names its group too). */
static void draw_row(struct app *app, int y, int w, int k, int top, bool cur)
{
	const struct setting_shown *s = &settings_shown[k];
	int gw, nw, vw;
	columns(w, &gw, &nw, &vw);
	attr_t a = theme_attr(cur ? EL_CURSOR : EL_TEXT);
	draw_fill(y, 0, w, a);
	if (cur)
		draw_text(y, 0, 1, "›", a);
	if (k == top || strcmp(settings_shown[k - 1].group, s->group) != 0)
		draw_text_clip(y, 2, gw - 1, s->group, a | A_BOLD);
	draw_text_clip(y, 2 + gw, nw - 1, s->label, a);
	char *v = settings_get(app->db, s->key), *shown = text_sanitize(shown_value(s->key, v));
	bool set = settings_is_set(app->db, s->key);
	int used = draw_text_clip(y, 2 + gw + nw, vw, *shown ? shown : "(để trống)", a);
	if (!set && used + 12 <= vw)
		draw_text(y, 2 + gw + nw + used + 1, vw - used - 1, "(mặc định)", a | A_DIM);
	free(v);
	free(shown);
}

/* The meaning of the current setting, wrapped, and the command that sets
 * it on the command line. */
static void draw_help(const struct setting_shown *s, struct rect r)
{
	attr_t a = theme_attr(EL_TEXT);
	draw_fill(r.y, 0, r.w, theme_attr(EL_LIST_HEADER));
	draw_text_clip(r.y, 2, r.w - 4, s->label, theme_attr(EL_LIST_HEADER) | A_BOLD);
	struct sbuf b = SBUF_INIT;
	sbuf_addf(&b, "%s. Lệnh: cchc setting set %s GIÁ_TRỊ", settings_find(s->key)->help, s->key);
	struct wrap_line *lines;
	int n = wrap_text(b.s, r.w - 4, r.w - 4, &lines);
	for (int i = 0; i < n && i < r.h - 1; i++)
		draw_textn(r.y + 1 + i, 2, r.w - 4, b.s + lines[i].off, lines[i].len, a);
	free(lines);
	sbuf_free(&b);
}

static void settings_draw(struct app *app, void *st, struct rect r)
{
	struct settings_view *sv = st;
	draw_fill_rect(r, theme_attr(EL_TEXT));
	draw_fill(r.y, 0, r.w, theme_attr(EL_TITLE));
	draw_text_clip(r.y, 1, r.w - 2, "Thiết lập: cơ quan, người ký, báo cáo, phiếu xin lỗi, "
		       "phản ánh, sao lưu", theme_attr(EL_TITLE) | A_BOLD);
	int gw, nw, vw;
	columns(r.w, &gw, &nw, &vw);
	attr_t h = theme_attr(EL_LIST_HEADER);
	draw_fill(r.y + 1, 0, r.w, h);
	draw_text(r.y + 1, 2, gw - 1, "Nhóm", h);
	draw_text(r.y + 1, 2 + gw, nw - 1, "Thiết lập", h);
	draw_text(r.y + 1, 2 + gw + nw, vw, "Giá trị đang dùng", h);
	int help = r.h - 2 > HELP_ROWS + 3 ? HELP_ROWS + 1 : 0;
	list_fit(&sv->list, r.h - 2 - help);
	for (int i = 0; i < sv->list.height && sv->list.top + i < sv->list.n; i++)
		draw_row(app, r.y + 2 + i, r.w, sv->list.top + i, sv->list.top,
			 sv->list.top + i == sv->list.cur);
	if (help)
		draw_help(&settings_shown[sv->list.cur],
			  (struct rect){ r.y + r.h - help, 0, help, r.w });
}

/* ---- the form of one setting ---- */

struct setting_form {
	const struct setting_shown *s;
	char title[96];
	struct rf_cands yes_no;   /* the choices ↓ offers (also authorities) */
};

static void sf_free(void *p)
{
	struct setting_form *sf = p;
	rf_cands_free(&sf->yes_no);
	free(sf);
}

/* Checked at every edit: the meaning under the field while the value is
 * good, why it is refused while it is not. */
static void sf_changed(struct app *app, struct form *f, int i)
{
	struct setting_form *sf = f->ctx;
	struct cchc_err err;
	form_clear_error(f, 0);
	if (settings_check(sf->s->key, form_text(f, 0), &err))
		form_error(f, 0, "%s", err.msg);
}

static int sf_save(struct app *app, struct form *f)
{
	struct setting_form *sf = f->ctx;
	sf_changed(app, f, 0);
	if (f->f[0].error) {
		app_message(app, true, "Chưa lưu: giá trị chưa hợp lệ (xem dòng dưới ô)");
		return -1;
	}
	struct cchc_err err = { 0 };
	if (settings_set(app->db, sf->s->key, form_text(f, 0), &err)) {
		form_error(f, 0, "%s", err.msg);
		return -1;
	}
	app->data_version++;
	app_message(app, false, "Đã lưu «%s» (u: hoàn tác)", sf->s->label);
	return UI_ALL;
}

static const struct form_ops setting_ops = { sf_changed, sf_save, sf_free };

/* What ↓ offers: có/không, or the usual signing authorities. */
static void choices(struct setting_form *sf, struct form *f, const char *key)
{
	static const char *const yn[2] = { "có", "không" };
	static const char *const auth[3] = { "KT. GIÁM ĐỐC", "TL. GIÁM ĐỐC", "Q. GIÁM ĐỐC" };
	static const char *const auth_labels[3] = {
		"cấp phó ký thay", "ký thừa lệnh", "quyền Giám đốc",
	};
	const char *dot = strrchr(key, '.');
	if (settings_yes_no(key))
		rf_values(&sf->yes_no, yn, NULL, 2);
	else if (dot && strcmp(dot, ".authority") == 0)
		rf_values(&sf->yes_no, auth, auth_labels, 3);
	f->f[0].cand = sf->yes_no.v, f->f[0].ncand = sf->yes_no.n;
}

static int edit_setting(struct app *app, const struct setting_shown *s)
{
	static const char *const labels[1] = { "Giá trị" };
	struct setting_form *sf = xcalloc(1, sizeof *sf);
	sf->s = s;
	snprintf(sf->title, sizeof sf->title, "%s: %s", s->group, s->label);
	struct form *f = form_new(sf->title, labels, 1, &setting_ops, sf);
	char *v = settings_get(app->db, s->key);
	form_set(f, 0, shown_value(s->key, v));
	free(v);
	choices(sf, f, s->key);
	form_hint(f, 0, settings_find(s->key)->help);
	sf_changed(app, f, 0);
	return app_modal_open(app, &f->m);
}

static int reset_setting(struct app *app, const struct setting_shown *s)
{
	if (!settings_is_set(app->db, s->key)) {
		app_message(app, false, "«%s» đang dùng giá trị mặc định", s->label);
		return UI_STATUS;
	}
	struct cchc_err err = { 0 };
	if (settings_reset(app->db, s->key, &err) != CCHC_OK) {
		app_message(app, true, "%s", err.msg);
		return UI_STATUS;
	}
	app->data_version++;
	app_message(app, false, "«%s» dùng lại giá trị mặc định (u: hoàn tác)", s->label);
	return UI_ALL;
}

static int settings_handle(struct app *app, void *st, enum action a)
{
	struct settings_view *sv = st;
	const struct setting_shown *s = &settings_shown[sv->list.cur];
	if (a == ACT_SELECT || a == ACT_SETTING_EDIT)
		return edit_setting(app, s);
	if (a == ACT_SETTING_RESET)
		return reset_setting(app, s);
	return list_move(&sv->list, a) ? UI_VIEW : UI_NONE;
}

const struct view_class view_settings = {
	.name = "settings",
	.title = "Thiết lập",
	.hints = settings_hints,
	.open = settings_open,
	.close = settings_close,
	.draw = settings_draw,
	.handle = settings_handle,
};
