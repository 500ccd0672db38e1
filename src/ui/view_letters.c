/* Phiếu xin lỗi: the register of apology letters as a window onto
 * letter_list, by date, with number, date, dossier, new date, the "gửi
 * muộn" flag (letter.late) and the addressee; filtered by report period
 * (K, "2026-Q1") and unit (U) in SQL, and by the / filter on the rows read.
 * Enter shows a letter; e edits it in the letter form (the rules checked
 * again by the core); p prints it to docx, txt, md or html. */
#include <config.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "core/letter.h"
#include "core/period.h"
#include "core/settings.h"
#include "text/utf8.h"
#include "ui/app.h"
#include "ui/choice.h"
#include "ui/kwin.h"
#include "ui/panel.h"
#include "ui/register_forms.h"

struct lv {
	struct rf_unit_filter unit;
	char from[11], to[11];       /* the period's days (ISO), "" for all */
	char period[32], what[64];   /* as typed, and in words */
	struct kwin kw;
	int64_t print_id;            /* the letter being printed, between its dialogs */
	int print_fmt;
};

static const enum action lv_hints[] = {
	ACT_HELP, ACT_LETTER_EDIT, ACT_LETTER_PRINT, ACT_SELECT, ACT_BY_PERIOD, ACT_BY_UNIT,
	ACT_FILTER, ACT_QUIT, ACT_NONE
};

/* ---- the query ---- */

#define LT(f) offsetof(struct letter_info, f)
static const size_t letter_texts[] = {
	LT(number), LT(letter_on), LT(addressee), LT(address), LT(contact), LT(reason),
	LT(unit_code), LT(unit_name), LT(original_due), LT(new_due), LT(authority),
	LT(signer_title), LT(signer), LT(channel), LT(sent_on), LT(template_name),
	LT(dossier_code), LT(procedure), LT(field), LT(received_on),
};

static int lv_fetch(struct app *app, void *ctx, const void *after, int limit, void **rows,
		    int *n, struct cchc_err *err)
{
	struct lv *v = ctx;
	struct letter_filter f = { .from = v->from, .to = v->to, .unit_code = v->unit.code,
				   .limit = limit, .after = after };
	struct letter_info *out = NULL;
	int rc = letter_list(app->db, &f, &out, n, err);
	*rows = out;
	return rc;
}

/* The letters of the period (and unit), from the count by unit. */
static int lv_count(struct app *app, void *ctx, bool filtered, int64_t *n, struct cchc_err *err)
{
	struct lv *v = ctx;
	struct letter_by_unit *u;
	int nu;
	*n = 0;
	if (letter_count_by_unit(app->db, *v->from ? v->from : "0001-01-01",
				 *v->to ? v->to : "9999-12-31", &u, &nu, err))
		return err->code;
	for (int i = 0; i < nu; i++)
		if (!v->unit.code || strcmp(u[i].unit_code, v->unit.code) == 0)
			*n += u[i].count;
	free(u);
	return CCHC_OK;
}

static bool lv_keep(const struct kwin *kw, const void *row, bool text)
{
	const struct letter_info *l = row;
	if (!text || !filter_active(&kw->filter))
		return true;
	struct sbuf b = SBUF_INIT;
	sbuf_addf(&b, "%s %s %s %s", l->number, l->dossier_code, l->addressee, l->reason);
	bool ok = kwin_match(kw, b.s);
	sbuf_free(&b);
	return ok;
}

static const struct kwin_ops lv_ops = {
	sizeof(struct letter_info), offsetof(struct letter_info, id), letter_texts,
	sizeof letter_texts / sizeof letter_texts[0], lv_fetch, lv_count, lv_keep, NULL,
};

static void *lv_open(struct app *app)
{
	struct lv *v = xcalloc(1, sizeof *v);
	kwin_init(&v->kw, &lv_ops, v);
	v->unit.kw = &v->kw;
	return v;
}

static void lv_close(void *st)
{
	struct lv *v = st;
	kwin_free(&v->kw);
	rf_unit_filter_free(&v->unit);
	free(v);
}

/* ---- drawing ---- */

/* Columns; below 80 columns the dossier's code is left out. */
struct cols {
	int date, code, next, late, to;
};

static struct cols layout(int w)
{
	struct cols c = { 11, 22, 22, 0, 0 };
	if (w >= 80)
		c.next = c.code + 26;
	c.late = c.next + 11;
	c.to = c.late + 9;
	return c;
}

static void draw_row(struct lv *v, int k, int y, int w)
{
	const struct letter_info *l = kwin_row(&v->kw, k);
	if (!l)
		return;
	bool cur = k == v->kw.list.cur;
	attr_t a = theme_attr(cur ? EL_CURSOR : EL_TEXT), hl = theme_attr(EL_MATCH);
	const struct text_query *q = filter_query(&v->kw.filter);
	struct cols c = layout(w);
	char date[11], nd[11];
	draw_fill(y, 0, w, a);
	if (cur)
		draw_text(y, 0, 1, "›", a);
	draw_text_hl(y, 1, c.date - 2, l->number, a, q, hl);
	rf_vn_date(l->letter_on, date);
	rf_vn_date(l->new_due, nd);
	draw_text(y, c.date, 10, date, a);
	if (c.next > c.code)
		draw_text_hl(y, c.code, c.next - c.code - 1, l->dossier_code, a, q, hl);
	draw_text(y, c.next, 10, nd, a);
	if (l->late)
		draw_text(y, c.late, 8, "gửi muộn", cur ? a : theme_attr(EL_LETTER_LATE));
	draw_text_hl(y, c.to, w - c.to - 1, l->addressee, a, q, hl);
}

static void draw_title(struct lv *v, struct rect r)
{
	struct sbuf b = SBUF_INIT;
	sbuf_addf(&b, "Phiếu xin lỗi: %s", *v->what ? v->what : "mọi kỳ");
	if (v->unit.code)
		sbuf_addf(&b, " · đơn vị %s", v->unit.code);
	sbuf_addf(&b, " (%d)", v->kw.unfiltered);
	attr_t a = theme_attr(EL_TITLE);
	draw_fill(r.y, 0, r.w, a);
	draw_text_clip(r.y, 1, r.w - 2, b.s, a | A_BOLD);
	sbuf_free(&b);
	attr_t h = theme_attr(EL_LIST_HEADER);
	draw_fill(r.y + 1, 0, r.w, h);
	struct cols c = layout(r.w);
	const struct { int x; const char *s; } cols[] = {
		{ 1, "Số" }, { c.date, "Ngày" }, { c.next, "Hẹn mới" }, { c.late, "Gửi" },
		{ c.to, "Người nhận" }, { c.next > c.code ? c.code : -1, "Hồ sơ" },
	};
	for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++)
		if (cols[i].x >= 0)
			draw_text(r.y + 1, cols[i].x, r.w - cols[i].x - 1, cols[i].s, h);
}

static void lv_draw(struct app *app, void *st, struct rect r)
{
	struct lv *v = st;
	kwin_fit(app, &v->kw, r.h - 2);
	draw_fill_rect(r, theme_attr(EL_TEXT));
	draw_title(v, r);
	struct list *l = &v->kw.list;
	for (int i = 0; i < l->height && l->top + i < l->n; i++)
		draw_row(v, l->top + i, r.y + 2 + i, r.w);
	const char *empty = filter_active(&v->kw.filter)
			    ? "Không có phiếu nào khớp bộ lọc; Esc để bỏ lọc."
			    : *v->what || v->unit.code ? "Không có phiếu nào ở đây; K, U để đổi kỳ, đơn vị."
			    : "Chưa có phiếu xin lỗi nào. Lập phiếu ở màn Hồ sơ (x trên hồ sơ trễ hạn).";
	if (!l->n)
		draw_text_clip(r.y + 3, 2, r.w - 4, empty, theme_attr(EL_TEXT));
}

static void lv_status(struct app *app, void *st, struct sbuf *out)
{
	struct lv *v = st;
	kwin_status(&v->kw, out);
}

/* ---- printing (p): the format, then the file ---- */

static const struct {
	enum doc_format fmt;
	const char *ext, *label;
} formats[] = {
	{ DOC_DOCX, "docx", "Word, để ký và đóng dấu" }, { DOC_TXT, "txt", "văn bản thường" },
	{ DOC_MD, "md", "Markdown" }, { DOC_HTML, "html", "trang web, để xem và in" },
};

/* Writes the letter to path (typed as the clerk typed it) and says how it
 * went. */
static int print_to(struct app *app, void *ctx, const char *path, const char *typed, int flags)
{
	struct lv *v = ctx;
	struct cchc_err err = { 0 };
	if (letter_print(app->db, v->print_id, formats[v->print_fmt].fmt, path, NULL, flags, &err))
		app_message(app, true, "Chưa in được: %s", err.msg);
	else
		app_message(app, false, "Đã ghi phiếu ra tệp %s", typed);
	return UI_ALL;
}

static int print_done(struct app *app, void *ctx, const char *text)
{
	return rf_write_typed(app, text, "Chưa in", print_to, ctx);
}

/* ~/phieu-xin-loi-<number with "/" as "-">.<ext> */
static void default_path(struct app *app, const struct lv *v, struct sbuf *out)
{
	struct letter_info l;
	struct cchc_err err;
	char *num = xstrdup("");
	if (letter_get(app->db, v->print_id, &l, &err) == CCHC_OK) {
		free(num);
		num = text_sanitize(l.number);
		letter_info_free(&l);
	}
	for (char *p = num; *p; p++)
		if (*p == '/' || *p == ' ')
			*p = '-';
	sbuf_addf(out, "~/phieu-xin-loi-%s.%s", num, formats[v->print_fmt].ext);
	free(num);
}

static int format_chosen(struct app *app, void *ctx, int64_t id, const char *value)
{
	struct lv *v = ctx;
	v->print_fmt = (int)id;
	struct sbuf b = SBUF_INIT;
	default_path(app, v, &b);
	static const struct prompt_ops ops = { .done = print_done };
	int r = app_modal_open(app, prompt_open_with("Ghi phiếu vào tệp:", b.s, &ops, v));
	sbuf_free(&b);
	return r;
}

static int print_letter(struct app *app, struct lv *v, int64_t id)
{
	struct choice_item items[sizeof formats / sizeof formats[0]];
	int n = (int)(sizeof formats / sizeof formats[0]);
	for (int i = 0; i < n; i++)
		items[i] = (struct choice_item){ i, formats[i].ext, formats[i].label };
	v->print_id = id;
	return app_modal_open(app, choice_open("In phiếu xin lỗi: chọn định dạng", items, n,
					       format_chosen, v));
}

/* ---- details (Enter) ---- */

struct detail {
	struct lv *v;
	int64_t id;
};

static int act_on(struct app *app, struct lv *v, int64_t id, enum action a);

static void detail_build(struct app *app, void *ctx, struct tlines *l)
{
	struct detail *d = ctx;
	struct letter_info t;
	struct cchc_err err;
	if (letter_get(app->db, d->id, &t, &err) != CCHC_OK) {
		tl_add(l, 0, NULL, EL_ERROR, err.msg, strlen(err.msg), EL_ERROR);
		return;
	}
	char date[11], rec[11], due[11], nd[11], sent[11], unit[256], signer[320];
	rf_vn_date(t.letter_on, date);
	rf_vn_date(t.received_on, rec);
	rf_vn_date(t.original_due, due);
	rf_vn_date(t.new_due, nd);
	rf_vn_date(t.sent_on, sent);
	snprintf(unit, sizeof unit, "%s %s", t.unit_code, t.unit_name);
	snprintf(signer, sizeof signer, "%s (%s, %s)", *t.signer ? t.signer : "chưa ghi tên",
		 t.authority, t.signer_title);
	const char *form = t.template_name; /* chosen again by the date when printed */
	letter_template_for(app->db, t.letter_on, &form, &err);
	const char *f[][2] = {
		{ "Số phiếu:", t.number }, { "Ngày phiếu:", date },
		{ "Gửi muộn:", t.late ? "có (lập sau một ngày làm việc trước hạn)" : "không" },
		{ "Hồ sơ:", t.dossier_code }, { "Thủ tục:", t.procedure }, { "Ngày nhận:", rec },
		{ "Hạn cũ:", due }, { "Ngày hẹn mới:", nd }, { "Lý do:", t.reason },
		{ "Đơn vị:", unit }, { "Người nhận:", t.addressee }, { "Địa chỉ:", t.address },
		{ "Liên hệ:", t.contact }, { "Người ký:", signer },
		{ "Cách gửi:", letter_channel_label(t.channel) }, { "Ngày gửi:", sent },
		{ "Mẫu phiếu:", form },
	};
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
		panel_field(l, f[i][0], f[i][1]);
	letter_info_free(&t);
}

static int detail_key(struct app *app, void *ctx, enum action a)
{
	struct detail *d = ctx;
	if (a != ACT_LETTER_EDIT && a != ACT_LETTER_PRINT)
		return -1;
	struct lv *v = d->v;
	int64_t id = d->id;
	return app_modal_close(app) | act_on(app, v, id, a);
}

static int open_detail(struct app *app, struct lv *v, int64_t id)
{
	static const struct panel_ops ops = { detail_build, detail_key, free };
	struct detail *d = xmalloc(sizeof *d);
	*d = (struct detail){ v, id };
	return app_modal_open(app, panel_open("letters", "Phiếu xin lỗi", "e: sửa  p: in ra tệp  "
					      "↑↓ cuộn  Esc: đóng", &ops, d));
}

static int act_on(struct app *app, struct lv *v, int64_t id, enum action a)
{
	struct modal *m;
	switch (a) {
	case ACT_SELECT: return open_detail(app, v, id);
	case ACT_LETTER_PRINT: return print_letter(app, v, id);
	case ACT_LETTER_EDIT:
		m = letter_form_edit(app, id);
		return m ? app_modal_open(app, m) : UI_STATUS;
	default: return UI_NONE;
	}
}

/* ---- filters ---- */

static int period_done(struct app *app, void *ctx, const char *text)
{
	struct lv *v = ctx;
	char *t = text_squeeze(text);
	struct period p;
	struct cchc_err err = { 0 };
	if (*t && period_parse(t, settings_get_int(app->db, "period.cutoff_day", 15), &p, &err)) {
		app_message(app, true, "%s", err.msg);
		free(t);
		return UI_ALL;
	}
	v->from[0] = v->to[0] = v->what[0] = v->period[0] = '\0';
	if (*t) {
		period_iso(&p, v->from, v->to);
		snprintf(v->period, sizeof v->period, "%s", p.code);
		snprintf(v->what, sizeof v->what, "%s", p.label);
	}
	free(t);
	kwin_reload(app, &v->kw, true);
	return UI_ALL;
}

static int lv_handle(struct app *app, void *st, enum action a)
{
	struct lv *v = st;
	static const struct prompt_ops period_ops = { .done = period_done };
	int r = kwin_handle(app, &v->kw, a);
	if (r >= 0)
		return r;
	const struct letter_info *l = kwin_cur(&v->kw);
	switch (a) {
	case ACT_BY_PERIOD:
		return app_modal_open(app, prompt_open_with("Kỳ báo cáo (2026-Q1, 2026-H1, 2026-9M, "
							    "2026; trống: mọi kỳ):", v->period,
							    &period_ops, v));
	case ACT_BY_UNIT:
		return app_modal_open(app, rf_unit_filter_open(app, "Lọc phiếu theo đơn vị",
							       &v->unit));
	default: return l ? act_on(app, v, l->id, a) : UI_NONE;
	}
}

/* The letter under the cursor, for its history. */
static bool lv_record(struct app *app, void *st, const char **table, int64_t *id)
{
	const struct letter_info *l = kwin_cur(&((struct lv *)st)->kw);
	*table = "letter";
	*id = l ? l->id : 0;
	return l != NULL;
}

/* "letter" (a search hit): every letter, filtered to its dossier's code so
 * that it is on screen, and its details open. */
static int lv_go(struct app *app, void *st, const char *kind, int64_t id, int64_t plan_id)
{
	struct lv *v = st;
	struct letter_info l;
	struct cchc_err err;
	if (strcmp(kind, "letter") != 0)
		return -1;
	if (letter_get(app->db, id, &l, &err) != CCHC_OK) {
		app_message(app, true, "%s", err.msg);
		return UI_STATUS;
	}
	v->from[0] = v->to[0] = v->period[0] = v->what[0] = '\0';
	rf_unit_filter_free(&v->unit);
	filter_set(&v->kw.filter, l.dossier_code);
	letter_info_free(&l);
	kwin_reload(app, &v->kw, true);
	kwin_select(&v->kw, id);
	return open_detail(app, v, id) | UI_ALL;
}

const struct view_class view_letters = {
	.name = "letters",
	.title = "Phiếu xin lỗi",
	.hints = lv_hints,
	.open = lv_open,
	.close = lv_close,
	.draw = lv_draw,
	.handle = lv_handle,
	.status = lv_status,
	.go = lv_go,
	.record = lv_record,
};
