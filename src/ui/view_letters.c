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
#include "ui/register_view.h"

struct lv {
	struct register_view rv;
	char from[11], to[11];       /* the period's days (ISO), "" for all */
	char period[32], what[64];   /* as typed, and in words */
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

static int lv_fetch(struct app *app, void *ctx, const void *after, bool back, int limit,
		    void **rows, int *n, struct cchc_err *err)
{
	struct lv *v = ctx;
	struct letter_filter f = { .from = v->from, .to = v->to, .unit_code = v->rv.unit.code,
				   .limit = limit, .after = after, .reverse = back };
	struct letter_info *out = NULL;
	int rc = letter_list(app->db, &f, &out, n, err);
	for (int i = 0, j = *n - 1; back && !rc && i < j; i++, j--) {   /* into the list's order */
		struct letter_info t = out[i];
		out[i] = out[j];
		out[j] = t;
	}
	*rows = out;
	return rc;
}

/* The letters of the period: of every unit from the index of dates alone
 * (grouped by unit, each letter's row was read: 9 ms for 3,400 letters),
 * of one unit from the count by unit. */
static int lv_count(struct app *app, void *ctx, bool filtered, int64_t *n, struct cchc_err *err)
{
	struct lv *v = ctx;
	struct letter_by_unit *u;
	int nu;
	const char *from = *v->from ? v->from : "0001-01-01", *to = *v->to ? v->to : "9999-12-31";
	*n = 0;
	if (!v->rv.unit.code)
		return letter_count(app->db, from, to, n, err);
	if (letter_count_by_unit(app->db, from, to, &u, &nu, err))
		return err->code;
	for (int i = 0; i < nu; i++)
		if (strcmp(u[i].unit_code, v->rv.unit.code) == 0)
			*n += u[i].count;
	free(u);
	return CCHC_OK;
}

static bool lv_keep(const struct kwin *kw, const void *row, bool text)
{
	const struct letter_info *l = row;
	return kwin_keep_words(kw, text, "%s %s %s %s", l->number, l->dossier_code, l->addressee,
			       l->reason);
}

static const struct kwin_ops lv_ops = {
	sizeof(struct letter_info), offsetof(struct letter_info, id), letter_texts,
	sizeof letter_texts / sizeof letter_texts[0], lv_fetch, lv_count, lv_keep, true, NULL, NULL,
};

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

static void draw_row(struct register_view *v, const void *row, bool cur, attr_t a, int y, int w)
{
	const struct letter_info *l = row;
	attr_t hl = theme_attr(EL_MATCH);
	const struct text_query *q = filter_query(&v->kw.filter);
	struct cols c = layout(w);
	char date[11], nd[11];
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

/* The period and unit in words, and the count. */
static void draw_title(struct register_view *rv, struct rect r)
{
	struct lv *v = (struct lv *)rv;
	struct sbuf b = SBUF_INIT;
	sbuf_addf(&b, "Phiếu xin lỗi: %s", *v->what ? v->what : "mọi kỳ");
	if (rv->unit.code)
		sbuf_addf(&b, " · đơn vị %s", rv->unit.code);
	sbuf_addf(&b, " (%d)", rv->kw.unfiltered);
	rv_draw_title_text(r, b.s);
	sbuf_free(&b);
}

static void draw_header(struct register_view *v, struct rect r)
{
	struct cols c = layout(r.w);
	const struct rv_heading h[] = {
		{ 1, 0, "Số" }, { c.date, 0, "Ngày" }, { c.next, 0, "Hẹn mới" }, { c.late, 0, "Gửi" },
		{ c.to, 0, "Người nhận" }, { c.code, 0, c.next > c.code ? "Hồ sơ" : NULL },
	};
	rv_draw_headings(r, h, (int)(sizeof h / sizeof h[0]));
}

static const char *empty(const struct register_view *rv)
{
	const struct lv *v = (const struct lv *)rv;
	return *v->what || rv->unit.code ? "Không có phiếu nào ở đây; K, U để đổi kỳ, đơn vị."
	       : "Chưa có phiếu xin lỗi nào. Lập phiếu ở màn Hồ sơ (x trên hồ sơ trễ hạn).";
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

static void detail_build(struct app *app, struct register_view *v, int64_t id, int variant,
			 struct tlines *l)
{
	struct letter_info t;
	struct cchc_err err;
	if (letter_get(app->db, id, &t, &err) != CCHC_OK) {
		panel_error(l, err.msg);
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
	panel_fields(l, f, sizeof f / sizeof f[0]);
	letter_info_free(&t);
}

static const enum action detail_keys[] = { ACT_LETTER_EDIT, ACT_LETTER_PRINT, ACT_NONE };
static const struct rv_detail detail = {
	"e: sửa  p: in ra tệp  ↑↓ cuộn  Esc: đóng", detail_build, detail_keys,
};

static int act_on(struct app *app, struct register_view *v, int64_t id, enum action a)
{
	struct modal *m;
	switch (a) {
	case ACT_SELECT: return rv_open_detail(app, v, &detail, id, 0, "Phiếu xin lỗi");
	case ACT_LETTER_PRINT: return print_letter(app, (struct lv *)v, id);
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
	kwin_reload(app, &v->rv.kw, true);
	return UI_ALL;
}

static int ask_period(struct app *app, struct register_view *rv, int64_t id, enum action a)
{
	static const struct prompt_ops period_ops = { .done = period_done };
	return app_modal_open(app, prompt_open_with("Kỳ báo cáo (2026-Q1, 2026-H1, 2026-9M, "
						    "2026; trống: mọi kỳ):",
						    ((struct lv *)rv)->period, &period_ops, rv));
}

static const struct rv_key lv_keys[] = {
	{ ACT_BY_PERIOD, ask_period, false }, { ACT_SELECT, act_on, true },
	{ ACT_LETTER_PRINT, act_on, true }, { ACT_LETTER_EDIT, act_on, true },
	{ ACT_NONE, NULL, false },
};

static void name_row(const void *row, struct sbuf *out)
{
	const struct letter_info *l = row;
	sbuf_addf(out, "phiếu xin lỗi số %s (hồ sơ %s)", l->number, l->dossier_code);
}

static const struct register_desc lv_desc = {
	.scope = "letters", .title = "Phiếu xin lỗi:", .ops = &lv_ops, .table = "letter",
	.no_match = "Không có phiếu nào khớp bộ lọc; Esc để bỏ lọc.",
	.unit_title = "Lọc phiếu theo đơn vị",
	.draw_header = draw_header, .draw_row = draw_row, .draw_title = draw_title,
	.empty = empty, .keys = lv_keys,
	.delete_row = letter_delete,
	.name_row = name_row,
};

static void *lv_open(struct app *app)
{
	return rv_open(&lv_desc, sizeof(struct lv));
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
	rv_show_filtered(app, &v->rv, v->rv.mode, l.dossier_code, id);
	letter_info_free(&l);
	return act_on(app, &v->rv, id, ACT_SELECT) | UI_ALL;
}

const struct view_class view_letters = {
	.name = "letters",
	.title = "Phiếu xin lỗi",
	.hints = lv_hints,
	.open = lv_open,
	RV_VIEW_METHODS,
	.go = lv_go,
};
