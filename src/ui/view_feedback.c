/* Phản ánh, kiến nghị: the register of citizen feedback as a window onto
 * feedback_list, ordered by deadline, in four lists switched with v (open
 * items first, overdue, due within 5 working days, all) and by unit (U);
 * overdue deadlines in feedback.overdue, near ones in feedback.due_soon.
 * a registers one, e edits its description; b records the next workflow
 * step, offering only the steps allowed now (feedback_allowed), each with a
 * small form of its own fields; h shows the history of steps with dates. */
#include <config.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "core/calendar.h"
#include "core/feedback.h"
#include "core/settings.h"
#include "text/utf8.h"
#include "ui/app.h"
#include "ui/choice.h"
#include "ui/kwin.h"
#include "ui/panel.h"
#include "ui/register_forms.h"
#include "ui/register_view.h"

/* "Due soon": within this many working days. */
#define SOON_DAYS 5

enum mode { FM_OPEN, FM_OVERDUE, FM_SOON, FM_ALL, NMODES };

static const char *const mode_labels[NMODES] = {
	"Đang giải quyết", "Quá hạn", "Sắp đến hạn", "Tất cả",
};
static const char *const mode_empty[NMODES] = {
	"Không có phản ánh, kiến nghị nào đang chờ xử lý. a: vào sổ; v: xem danh sách khác.",
	"Không có phản ánh, kiến nghị nào quá hạn. v: xem danh sách khác.",
	"Không có phản ánh, kiến nghị nào đến hạn trong 5 ngày làm việc. v: xem danh sách khác.",
	"Chưa có phản ánh, kiến nghị nào. a: vào sổ phản ánh, kiến nghị đầu tiên.",
};

struct fv {
	struct register_view rv;  /* rv.mode: an enum mode */
	char soon[11];            /* ISO: the last day of "due soon" */
	int64_t step_id;          /* the record whose step is being chosen */
};

static const enum action fv_hints[] = {
	ACT_HELP, ACT_FEEDBACK_STEP, ACT_FEEDBACK_HISTORY, ACT_FEEDBACK_ADD, ACT_FEEDBACK_EDIT,
	ACT_VIEW_CYCLE, ACT_BY_UNIT, ACT_FILTER, ACT_QUIT, ACT_NONE
};

/* ---- the query ---- */

#define FT(f) offsetof(struct feedback_info, f)
static const size_t feedback_texts[] = {
	FT(sender), FT(contact), FT(content), FT(related), FT(unit_code), FT(unit_name),
	FT(forward_to), FT(forward_no), FT(answer_text), FT(answer_signer), FT(published_where),
	FT(updated_at),
};

static struct feedback_filter fv_filter(const struct fv *v)
{
	struct feedback_filter f = { .status = -1, .due_within = -1, .unit_code = v->rv.unit.code };
	f.open_only = v->rv.mode == FM_OPEN;
	f.overdue = v->rv.mode == FM_OVERDUE;
	if (v->rv.mode == FM_SOON)
		f.due_within = SOON_DAYS;
	return f;
}

static int fv_fetch(struct app *app, void *ctx, const void *key, bool back, int limit,
		    void **rows, int *n, struct cchc_err *err)
{
	struct feedback_filter f = fv_filter(ctx);
	f.after = key, f.reverse = back, f.limit = limit;
	struct feedback_info *out = NULL;
	int rc = feedback_list(app->db, &f, &out, n, err);
	*rows = out;
	return rc;
}

static void set_soon(struct fv *v);

/* Counted at every reload: "due soon" is then reckoned from today again. */
static int fv_count(struct app *app, void *ctx, bool filtered, int64_t *n, struct cchc_err *err)
{
	set_soon(ctx);
	struct feedback_filter f = fv_filter(ctx);
	int k = 0;
	int rc = feedback_count(app->db, &f, &k, err);
	*n = k;
	return rc;
}

/* The / filter, on the row's words (the modes are conditions in SQL). */
static bool fv_keep(const struct kwin *kw, const void *row, bool text)
{
	const struct feedback_info *r = row;
	return kwin_keep_words(kw, text, "%lld %s %s %s %s %s", (long long)r->id, r->sender,
			       r->content, r->related, r->unit_code,
			       feedback_status_label(r->status));
}

static const struct kwin_ops fv_ops = {
	sizeof(struct feedback_info), offsetof(struct feedback_info, id), feedback_texts,
	sizeof feedback_texts / sizeof feedback_texts[0], fv_fetch, fv_count, fv_keep,
	true, NULL, NULL,
};

static void set_soon(struct fv *v)
{
	struct ymd t, s;
	struct cchc_err err;
	if (date_today(&t, &err) != CCHC_OK)
		t = (struct ymd){ 2026, 1, 1 };
	struct calendar *c = calendar_new();
	if (calendar_add(c, t, SOON_DAYS, &s, &err) != CCHC_OK)
		s = t;
	calendar_free(c);
	date_format_iso(s, v->soon);
}

/* ---- drawing ---- */

struct cols {
	int status, status_w, due, unit, sender, sender_w, content;
};

static struct cols layout(int w)
{
	struct cols c = { 7, w >= 110 ? 30 : 19, 0, 0, 0, w >= 110 ? 24 : 14, 0 };
	c.due = c.status + c.status_w + 1;
	c.unit = c.due + 11;
	c.sender = c.unit + 7;
	c.content = c.sender + c.sender_w + 1;
	return c;
}

static enum elem due_elem(const struct fv *v, const struct feedback_info *r)
{
	if (r->overdue)
		return EL_FEEDBACK_OVERDUE;
	if (feedback_status_open(r->status) && *r->due_on && strcmp(r->due_on, v->soon) <= 0)
		return EL_FEEDBACK_DUE_SOON;
	return EL_TEXT;
}

static void draw_row(struct register_view *rv, const void *row, bool cur, attr_t a, int y, int w)
{
	const struct fv *v = (const struct fv *)rv;
	const struct feedback_info *r = row;
	attr_t hl = theme_attr(EL_MATCH);
	const struct text_query *q = filter_query(&rv->kw.filter);
	struct cols c = layout(w);
	char id[16], due[11];
	snprintf(id, sizeof id, "%5lld", (long long)r->id);
	draw_text(y, 1, 5, id, a);
	draw_text_clip(y, c.status, c.status_w, feedback_status_label(r->status), a);
	rf_vn_date(r->due_on, due);
	draw_text(y, c.due, 10, *due ? due : "-", cur ? a : theme_attr(due_elem(v, r)));
	draw_text_clip(y, c.unit, 6, r->unit_code, a);
	draw_text_hl(y, c.sender, c.sender_w, r->sender, a, q, hl);
	draw_text_hl(y, c.content, w - c.content - 1, r->content, a, q, hl);
}

static void draw_header(struct register_view *v, struct rect r)
{
	struct cols c = layout(r.w);
	const struct rv_heading h[] = {
		{ 3, 0, "Số" }, { c.status, 0, "Trạng thái" }, { c.due, 0, "Hạn" },
		{ c.unit, 0, "Đơn vị" }, { c.sender, 0, "Người gửi" }, { c.content, 0, "Nội dung" },
	};
	rv_draw_headings(r, h, (int)(sizeof h / sizeof h[0]));
}

/* ---- candidates of the coded fields ---- */

/* The labels of a code table as candidates (feedback_*_parse reads them). */
static void code_cands(struct rf_cands *c, const struct feedback_code *t)
{
	const char *values[16];
	int n = 0;
	for (; t[n].code && n < 16; n++)
		values[n] = t[n].label;
	rf_values(c, values, NULL, n);
}

/* ---- the record's form (a, e) ---- */

enum { F_RECEIVED, F_CHANNEL, F_SENDER, F_CONTACT, F_CONTENT, F_KIND, F_TOPIC, F_RELATED,
       NFIELDS };

static const char *const labels[NFIELDS] = {
	"Ngày nhận", "Kênh", "Người gửi", "Liên hệ", "Nội dung", "Loại", "Vấn đề", "Liên quan",
};

static const struct rf_where feedback_where[] = {
	{ "nội dung phản ánh", F_CONTENT }, { "Nội dung \"", F_TOPIC }, { "Loại \"", F_KIND },
	{ "Kênh", F_CHANNEL }, { "người gửi", F_SENDER }, { "Liên hệ", F_CONTACT },
	{ "liên quan", F_RELATED }, { "tiếp nhận", F_RECEIVED }, { NULL, 0 },
};

static void ff_changed(struct app *app, struct form *f, int i)
{
	if (i == F_RECEIVED)
		rf_check_date(f, F_RECEIVED, true);
}

static int ff_save(struct app *app, struct form *f)
{
	struct rf_record *ff = f->ctx;
	if (!ff->id && !rf_check_date(f, F_RECEIVED, true))
		return -1;
	if (!ff->id && !*form_text(f, F_CHANNEL)) {
		form_error(f, F_CHANNEL, "Cần chọn kênh tiếp nhận (↓ để xem các kênh)");
		return -1;
	}
	const char *t[NFIELDS];
	for (int i = 0; i < NFIELDS; i++)
		t[i] = f->f[i].hidden ? NULL : form_text(f, i);
	t[F_KIND] = rf_or_null(f, F_KIND);   /* empty: phản ánh, or unchanged */
	struct feedback_input in = { t[F_RECEIVED], t[F_CHANNEL], t[F_SENDER], t[F_CONTACT],
				     t[F_CONTENT], t[F_KIND], t[F_TOPIC], t[F_RELATED] };
	struct cchc_err err = { 0 };
	int64_t id = ff->id;
	if (id ? feedback_edit(app->db, id, &in, &err) : feedback_add(app->db, &in, &id, &err)) {
		rf_place_error(app, f, feedback_where, ff->id ? F_SENDER : F_RECEIVED, err.msg);
		return -1;
	}
	char msg[96];
	snprintf(msg, sizeof msg, ff->id ? "Đã sửa phản ánh, kiến nghị số %lld"
		 : "Đã vào sổ phản ánh, kiến nghị số %lld", (long long)id);
	return rf_record_saved(app, ff, id, msg);
}

static const struct form_ops feedback_ops = { ff_changed, ff_save, rf_record_free };

static struct form *feedback_form(struct fv *v, int64_t id)
{
	struct rf_record *ff = rf_record_new(id, &v->rv.kw);
	snprintf(ff->title, sizeof ff->title, "Vào sổ phản ánh, kiến nghị");
	if (id)
		snprintf(ff->title, sizeof ff->title, "Sửa phản ánh, kiến nghị số %lld", (long long)id);
	code_cands(rf_record_cands(ff, F_CHANNEL), feedback_channels);
	code_cands(rf_record_cands(ff, F_KIND), feedback_kinds);
	code_cands(rf_record_cands(ff, F_TOPIC), feedback_topics);
	struct form *f = form_new(ff->title, labels, NFIELDS, &feedback_ops, ff);
	rf_record_offer(ff, f);
	f->f[F_RECEIVED].hidden = f->f[F_CHANNEL].hidden = id != 0;
	form_hint(f, F_CHANNEL, "↓ để chọn: văn bản, trực tiếp, điện thoại, email, Cổng DVC, phiếu");
	form_hint(f, F_CONTENT, "phản ánh, kiến nghị về quy định hoặc việc giải quyết TTHC");
	form_hint(f, F_TOPIC, "theo Nghị định 20/2008, có thể để trống; ↓ để chọn");
	form_hint(f, F_RELATED, "thủ tục, quy định liên quan (nếu có)");
	return f;
}

static struct modal *add_form(struct fv *v)
{
	struct form *f = feedback_form(v, 0);
	char today[11];
	rf_today(today);
	form_set(f, F_RECEIVED, today);
	form_set(f, F_KIND, feedback_kind_label("phan-anh"));
	ff_changed(NULL, f, F_RECEIVED);
	return &f->m;
}

static int edit_record(struct app *app, struct fv *v, int64_t id)
{
	struct feedback_info r;
	struct cchc_err err;
	if (feedback_get(app->db, id, &r, &err) != CCHC_OK) {
		app_message(app, true, "%s", err.msg);
		return UI_STATUS;
	}
	struct form *f = feedback_form(v, id);
	const char *t[NFIELDS] = { "", "", r.sender, r.contact, r.content,
				   feedback_kind_label(r.kind), feedback_topic_label(r.topic),
				   r.related };
	for (int i = 0; i < NFIELDS; i++)
		form_set(f, i, t[i]);
	f->cur = F_SENDER;
	feedback_info_free(&r);
	return app_modal_open(app, &f->m);
}

/* ---- the workflow step (b): a choice of the allowed verbs, then its form ---- */

enum sf_kind { SF_TEXT, SF_DATE, SF_TOPIC, SF_KIND, SF_UNIT, SF_CHANNEL };

struct step_field {
	const char *label;
	size_t off;               /* of the const char * in struct feedback_action */
	enum sf_kind kind;
	const char *error, *hint; /* error: words of the core's messages about it */
};

#define SA(f) offsetof(struct feedback_action, f)
#define MAXSF 4
#define DATE_FIELD(label) { label, SA(date), SF_DATE, "Ngày", "ngày/tháng/năm; không sau hôm nay" }

static const struct step_field step_fields[FEEDBACK_NVERB][MAXSF] = {
	[FEEDBACK_CLASSIFY] = {
		{ "Vấn đề", SA(topic), SF_TOPIC, "Nội dung \"", "theo Nghị định 20/2008; ↓ để chọn" },
		{ "Loại", SA(kind), SF_KIND, "Loại \"", "phản ánh hoặc kiến nghị" },
		DATE_FIELD("Ngày") },
	[FEEDBACK_REJECT] = {
		{ "Hướng dẫn", SA(note), SF_TEXT, "hướng dẫn", "đã hướng dẫn người gửi thế nào" },
		DATE_FIELD("Ngày") },
	[FEEDBACK_FORWARD] = {
		{ "Chuyển đến", SA(to), SF_TEXT, "cơ quan", "cơ quan có thẩm quyền" },
		{ "Số văn bản", SA(number), SF_TEXT, "Số văn bản", "văn bản chuyển, nếu có" },
		DATE_FIELD("Ngày chuyển") },
	[FEEDBACK_ASSIGN] = {
		{ "Đơn vị", SA(unit), SF_UNIT, "đơn vị", NULL },
		{ "Hạn xử lý", SA(due), SF_DATE, "Hạn xử lý", NULL },
		DATE_FIELD("Ngày giao") },
	[FEEDBACK_PROGRESS] = {
		{ "Tiến độ", SA(note), SF_TEXT, "tiến độ", "đã làm được gì" },
		DATE_FIELD("Ngày") },
	[FEEDBACK_ANSWER] = {
		{ "Trả lời", SA(text), SF_TEXT, "trả lời (", "nội dung văn bản trả lời" },
		{ "Người ký", SA(signer), SF_TEXT, "Người ký", NULL },
		{ "Kênh", SA(channel), SF_CHANNEL, "Kênh", "gửi trả lời qua; ↓ để chọn" },
		DATE_FIELD("Ngày") },
	[FEEDBACK_PUBLISH] = {
		{ "Công khai tại", SA(where), SF_TEXT, "công khai",
		  "trang thông tin điện tử, niêm yết..." },
		DATE_FIELD("Ngày") },
	[FEEDBACK_ARCHIVE] = { DATE_FIELD("Ngày lưu") },
};

static int nstep_fields(int verb)
{
	int n = 0;
	while (n < MAXSF && step_fields[verb][n].label)
		n++;
	return n;
}

struct step_form {
	int64_t id;
	struct kwin *kw;
	int verb, nf;
	struct rf_cands cands[MAXSF];
	struct rf_where where[MAXSF + 1];
	char title[160], due_hint[128];
};

static void sf_free(void *p)
{
	struct step_form *sf = p;
	for (int i = 0; i < sf->nf; i++)
		rf_cands_free(&sf->cands[i]);
	free(sf);
}

static void sf_changed(struct app *app, struct form *f, int i)
{
	struct step_form *sf = f->ctx;
	const struct step_field *fd = &step_fields[sf->verb][i];
	if (fd->off == SA(due) && !*form_text(f, i))
		form_hint(f, i, sf->due_hint);
	else if (fd->kind == SF_DATE)
		rf_check_date(f, i, false);
	else if (fd->kind == SF_UNIT)
		rf_unit_hint(f, i);
}

static int sf_save(struct app *app, struct form *f)
{
	struct step_form *sf = f->ctx;
	struct feedback_action a = { NULL };
	bool ok = true;
	for (int i = 0; i < sf->nf; i++) {
		const struct step_field *fd = &step_fields[sf->verb][i];
		if (fd->kind == SF_DATE)
			ok &= rf_check_date(f, i, false);
		*(const char **)((char *)&a + fd->off) = rf_or_null(f, i);
	}
	struct cchc_err err = { 0 };
	if (!ok)
		return -1;
	if (feedback_act(app->db, sf->id, (enum feedback_verb)sf->verb, &a, &err)) {
		rf_place_error(app, f, sf->where, 0, err.msg);
		return -1;
	}
	app->data_version++;
	kwin_select(sf->kw, sf->id);
	app_message(app, false, "Đã ghi bước «%s» cho số %lld; trạng thái: %s",
		    feedback_verb_label(sf->verb), (long long)sf->id,
		    feedback_status_label(feedback_verb_target(sf->verb)));
	return UI_ALL;
}

static const struct form_ops step_ops = { sf_changed, sf_save, sf_free };

/* What the deadline of assign is when none is typed: received + the
 * channel's working days (setting feedback.due.<channel>), as a hint. */
static void default_due(struct app *app, const struct feedback_info *r, char hint[128])
{
	char key[64], due[11] = "";
	snprintf(key, sizeof key, "feedback.due.%s", r->channel);
	int days = settings_get_int(app->db, key, 15);
	struct ymd d, out;
	struct cchc_err err;
	struct calendar *c = calendar_new();
	if (date_parse_iso(r->received_on, &d) && calendar_add(c, d, days, &out, &err) == CCHC_OK)
		date_format_vn(out, due);
	calendar_free(c);
	snprintf(hint, 128, "để trống: %s (%d ngày làm việc từ ngày nhận)", due, days);
}

static void step_cands(struct app *app, struct step_form *sf, struct form *f)
{
	for (int i = 0; i < sf->nf; i++) {
		switch (step_fields[sf->verb][i].kind) {
		case SF_TOPIC: code_cands(&sf->cands[i], feedback_topics); break;
		case SF_KIND: code_cands(&sf->cands[i], feedback_kinds); break;
		case SF_CHANNEL: code_cands(&sf->cands[i], feedback_channels); break;
		case SF_UNIT: rf_units(app, &sf->cands[i]); break;
		default: continue;
		}
		f->f[i].cand = sf->cands[i].v, f->f[i].ncand = sf->cands[i].n;
	}
}

/* The fields' values: today for dates, the default deadline, the record's
 * own topic and kind. */
static void step_fill(struct app *app, struct form *f, const struct feedback_info *r)
{
	struct step_form *sf = f->ctx;
	char today[11];
	rf_today(today);
	for (int i = 0; i < sf->nf; i++) {
		const struct step_field *fd = &step_fields[sf->verb][i];
		form_hint(f, i, fd->hint);
		if (fd->off == SA(date))
			form_set(f, i, today);
		else if (fd->off == SA(due))
			default_due(app, r, sf->due_hint);
		else if (fd->kind == SF_TOPIC)
			form_set(f, i, *r->topic ? feedback_topic_label(r->topic) : "");
		else if (fd->kind == SF_KIND)
			form_set(f, i, feedback_kind_label(r->kind));
		sf_changed(app, f, i);
	}
}

static struct modal *step_form(struct app *app, struct fv *v, const struct feedback_info *r,
			       int verb)
{
	struct step_form *sf = xcalloc(1, sizeof *sf);
	const char *lab[MAXSF];
	sf->id = r->id;
	sf->kw = &v->rv.kw;
	sf->verb = verb;
	sf->nf = nstep_fields(verb);
	int nw = 0;
	for (int pass = 0; pass < 2; pass++)   /* the date last: "ngày" is in other messages too */
		for (int i = 0; i < sf->nf; i++)
			if ((step_fields[verb][i].off == SA(date)) == (pass == 1))
				sf->where[nw++] = (struct rf_where){ step_fields[verb][i].error, i };
	for (int i = 0; i < sf->nf; i++)
		lab[i] = step_fields[verb][i].label;
	snprintf(sf->title, sizeof sf->title, "Số %lld: %s", (long long)r->id,
		 feedback_verb_label(verb));
	struct form *f = form_new(sf->title, lab, sf->nf, &step_ops, sf);
	step_cands(app, sf, f);
	step_fill(app, f, r);
	return &f->m;
}

static int verb_chosen(struct app *app, void *ctx, int64_t verb, const char *value)
{
	struct fv *v = ctx;
	struct feedback_info r;
	struct cchc_err err;
	if (feedback_get(app->db, v->step_id, &r, &err) != CCHC_OK) {
		app_message(app, true, "%s", err.msg);
		return UI_ALL;
	}
	struct modal *m = step_form(app, v, &r, (int)verb);
	feedback_info_free(&r);
	return app_modal_open(app, m);
}

static int choose_step(struct app *app, struct fv *v, int64_t id)
{
	unsigned verbs;
	struct feedback_info r;
	struct cchc_err err;
	if (feedback_allowed(app->db, id, &verbs, &err) || feedback_get(app->db, id, &r, &err)) {
		app_message(app, true, "%s", err.msg);
		return UI_STATUS;
	}
	static char title[128];   /* the choice keeps the pointer */
	snprintf(title, sizeof title, "Bước tiếp theo: số %lld (%s)", (long long)id,
		 feedback_status_label(r.status));
	feedback_info_free(&r);
	if (!verbs) {
		app_message(app, false, "Số %lld không còn bước xử lý nào", (long long)id);
		return UI_STATUS;
	}
	struct choice_item items[FEEDBACK_NVERB];
	char targets[FEEDBACK_NVERB][96];
	int n = 0;
	for (int vb = 0; vb < FEEDBACK_NVERB; vb++)
		if (verbs & (1u << vb)) {
			snprintf(targets[n], sizeof targets[n], "→ %s",
				 feedback_status_label(feedback_verb_target(vb)));
			items[n] = (struct choice_item){ vb, feedback_verb_label(vb), targets[n] };
			n++;
		}
	v->step_id = id;
	return app_modal_open(app, choice_open(title, items, n, verb_chosen, v));
}

/* ---- details and history (Enter, h) ---- */

static void add_fields(struct tlines *l, const struct feedback_info *r)
{
	char rec[11], due[11], status[96];
	rf_vn_date(r->received_on, rec);
	rf_vn_date(r->due_on, due);
	snprintf(status, sizeof status, "%s%s", feedback_status_label(r->status),
		 r->overdue ? " (quá hạn)" : r->late ? " (trễ hạn)" : "");
	const char *f[][2] = {
		{ "Ngày nhận:", rec }, { "Kênh:", feedback_channel_label(r->channel) },
		{ "Người gửi:", r->sender }, { "Liên hệ:", r->contact },
		{ "Loại:", feedback_kind_label(r->kind) },
		{ "Vấn đề:", feedback_topic_label(r->topic) },
		{ "Nội dung:", r->content }, { "Liên quan:", r->related },
		{ "Trạng thái:", status }, { "Hạn:", due }, { "Đơn vị:", r->unit_code },
	};
	panel_fields(l, f, sizeof f / sizeof f[0]);
	if (*r->answer_text)
		panel_field(l, "Trả lời:", r->answer_text);
}

static void add_steps(struct app *app, struct tlines *l, int64_t id)
{
	struct feedback_step *s = NULL;
	int n = 0;
	struct cchc_err err;
	panel_heading(l, "Quá trình xử lý:");
	if (feedback_steps(app->db, id, &s, &n, &err) != CCHC_OK)
		tl_add(l, 2, NULL, EL_ERROR, err.msg, strlen(err.msg), EL_ERROR);
	for (int i = 0; i < n; i++) {
		char date[11];
		struct sbuf b = SBUF_INIT;
		rf_vn_date(s[i].on_date, date);
		sbuf_add(&b, feedback_step_label(s[i].step));
		if (*s[i].note)
			sbuf_addf(&b, " — %s", s[i].note);
		char *t = text_sanitize(b.s);
		tl_wrapped(l, 2, date, EL_FORM_LABEL, t, EL_TEXT);
		free(t);
		sbuf_free(&b);
	}
	feedback_steps_free(s, n);
}

/* variant 1: the record's fields before its history; 0: the history. */
static void detail_build(struct app *app, struct register_view *v, int64_t id, int fields,
			 struct tlines *l)
{
	struct feedback_info r;
	struct cchc_err err;
	if (feedback_get(app->db, id, &r, &err) != CCHC_OK) {
		panel_error(l, err.msg);
		return;
	}
	if (fields)
		add_fields(l, &r);
	else {
		struct sbuf b = SBUF_INIT;
		sbuf_addf(&b, "%s — %s", r.sender, feedback_status_label(r.status));
		panel_field(l, "Người gửi:", b.s);
		sbuf_free(&b);
	}
	feedback_info_free(&r);
	add_steps(app, l, id);
}

static const enum action detail_keys[] = { ACT_FEEDBACK_STEP, ACT_FEEDBACK_EDIT, ACT_NONE };
static const struct rv_detail detail = {
	"b: bước tiếp theo  e: sửa  ↑↓ cuộn  Esc: đóng", detail_build, detail_keys,
};

static int open_detail(struct app *app, struct register_view *v, int64_t id, bool fields)
{
	char title[96];
	snprintf(title, sizeof title, "%s số %lld", fields ? "Phản ánh, kiến nghị"
		 : "Quá trình xử lý", (long long)id);
	return rv_open_detail(app, v, &detail, id, fields, title);
}

static int act_on(struct app *app, struct register_view *v, int64_t id, enum action a)
{
	switch (a) {
	case ACT_SELECT: return open_detail(app, v, id, true);
	case ACT_FEEDBACK_HISTORY: return open_detail(app, v, id, false);
	case ACT_FEEDBACK_STEP: return choose_step(app, (struct fv *)v, id);
	case ACT_FEEDBACK_EDIT: return edit_record(app, (struct fv *)v, id);
	default: return UI_NONE;
	}
}

/* ---- the register ---- */

static int key_add(struct app *app, struct register_view *v, int64_t id, enum action a)
{
	return app_modal_open(app, add_form((struct fv *)v));
}

static const struct rv_key fv_keys[] = {
	{ ACT_FEEDBACK_ADD, key_add, false }, { ACT_SELECT, act_on, true },
	{ ACT_FEEDBACK_HISTORY, act_on, true }, { ACT_FEEDBACK_STEP, act_on, true },
	{ ACT_FEEDBACK_EDIT, act_on, true }, { ACT_NONE, NULL, false },
};

static void name_row(const void *row, struct sbuf *out)
{
	const struct feedback_info *r = row;
	sbuf_addf(out, "phản ánh, kiến nghị số %lld «%s»", (long long)r->id, r->sender);
}

static const struct register_desc fv_desc = {
	.scope = "feedback", .title = "Phản ánh, kiến nghị:", .ops = &fv_ops, .table = "feedback",
	.modes = mode_labels, .mode_empty = mode_empty, .nmodes = NMODES,
	.no_match = "Không có phản ánh, kiến nghị nào khớp bộ lọc; Esc để bỏ lọc.",
	.unit_title = "Lọc phản ánh, kiến nghị theo đơn vị",
	.draw_header = draw_header, .draw_row = draw_row, .keys = fv_keys,
	.delete_row = feedback_delete,
	.name_row = name_row,
};

static void *fv_open(struct app *app)
{
	return rv_open(&fv_desc, sizeof(struct fv));
}

/* ---- from the home screen ---- */

/* "feedback-overdue", "feedback-soon": that list without filters, the
 * cursor on item id (one of its first rows) when given. */
static int fv_go(struct app *app, void *st, const char *kind, int64_t id, int64_t plan_id)
{
	if (strcmp(kind, "feedback") == 0) {   /* a search hit: every item, its details open */
		rv_show(app, st, FM_ALL, id);
		return open_detail(app, st, id, true) | UI_ALL;
	}
	bool overdue = strcmp(kind, "feedback-overdue") == 0;
	if (!overdue && strcmp(kind, "feedback-soon") != 0)
		return -1;
	rv_show(app, st, overdue ? FM_OVERDUE : FM_SOON, id);
	return UI_ALL;
}

const struct view_class view_feedback = {
	.name = "feedback",
	.title = "Phản ánh, kiến nghị",
	.hints = fv_hints,
	.open = fv_open,
	.go = fv_go,
	RV_VIEW_METHODS,
};
