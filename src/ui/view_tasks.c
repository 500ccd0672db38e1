/* Nhiệm vụ: the task list, a register of the engine (register_view) over
 * task_list (ordered by deadline, read both ways). One filter at a time
 * (all, overdue, due within N working days, a status, a unit, a plan
 * section) plus the / filter in SQL through the full-text index. Enter
 * shows a task's details with its notes and the text of the section it
 * came from; keys add, edit, mark done, note progress and open the
 * section. */
#include <config.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "core/calendar.h"
#include "core/plan.h"
#include "core/task.h"
#include "core/unit.h"
#include "text/utf8.h"
#include "ui/app.h"
#include "ui/choice.h"
#include "ui/filter.h"
#include "ui/panel.h"
#include "ui/register_view.h"
#include "ui/task_form.h"
#include "ui/term.h"
#include "ui/tlines.h"

enum mode { M_ALL, M_OVERDUE, M_SOON, M_STATUS, M_UNIT, M_SECTION, M_UNCLEAR };

/* A register of the engine (register_view) whose lists are not tabs but one
 * filter at a time; its window reads both ways, locates a task far down the
 * list, and keeps the / filter's full-text matches aside (kwin's prepare). */
struct tasks_view {
	struct register_view rv;
	enum mode mode;
	int status, within;
	int64_t unit_id, section_id, plan_id;
	char *unit_code, *what;  /* what: the filter in words, for the title */
	char today[11], soon[11];
	/* what a list (without its / filter) is: a count or a set put aside
	 * holds while this stays the same */
	struct list_key {
		enum mode mode;
		int status, within;
		int64_t section_id;
		unsigned version;
		char unit[32];
	} unf_key, hits_key;
	bool unf_valid;          /* unf_n: the list's count without the filter, for unf_key */
	int unf_n;
	bool hits;               /* the filter's tasks are put aside (task_hits_build), for
				  * hits_key and the filter text hits_text: hits_n of them */
	bool dense;              /* ... or, for those, more than FILTER_CAP tasks have
				  * the words: rows are checked as read (words_by_row)
				  * until the set is put aside when the keyboard is idle */
	char *hits_text;
	int hits_n;
};

/* Tasks with the filter's words put aside as the clerk types; beyond it
 * the count waits ("hơn 1.000") and the rows are read in the list's order
 * checking each (a page is found after a few rows when so many match). */
#define FILTER_CAP 1000

static const enum action tasks_hints[] = {
	ACT_HELP, ACT_TASK_ADD, ACT_TASK_EDIT, ACT_TASK_DONE, ACT_TASK_NOTE, ACT_SELECT,
	ACT_TASKS_OVERDUE, ACT_TASKS_DUE_SOON, ACT_TASKS_BY_UNIT, ACT_TASKS_ALL, ACT_FILTER,
	ACT_QUIT, ACT_NONE
};

/* ---- the query ---- */

static void set_dates(struct tasks_view *tv)
{
	struct ymd t, s;
	struct cchc_err err;
	if (date_today(&t, &err) != CCHC_OK)
		t = (struct ymd){ 2026, 1, 1 };
	date_format_iso(t, tv->today);
	struct calendar *c = calendar_new();
	if (calendar_add(c, t, tv->within, &s, &err) != CCHC_OK)
		s = t;
	calendar_free(c);
	date_format_iso(s, tv->soon);
}

static struct task_filter list_filter(const struct tasks_view *tv)
{
	struct task_filter f = { .status = -1, .due_within = -1 };
	switch (tv->mode) {
	case M_ALL: break;
	case M_OVERDUE: f.overdue = true; break;
	case M_SOON: f.due_within = tv->within; break;
	case M_STATUS: f.status = tv->status; break;
	case M_UNIT: f.unit_code = tv->unit_code; break;
	case M_SECTION: f.section_id = tv->section_id; break;
	case M_UNCLEAR: f.due_unclear = true; break;
	}
	f.title_query = tv->rv.kw.filter.text;
	f.use_hits = tv->hits && tv->rv.kw.filter.text;
	f.words_by_row = tv->dense && tv->rv.kw.filter.text;
	return f;
}

static int tv_fetch(struct app *app, void *ctx, const void *key, bool back, int limit,
		    void **rows, int *n, struct cchc_err *err)
{
	struct task_filter f = list_filter(ctx);
	f.after = key;
	f.reverse = back;
	f.limit = limit;
	struct task_info *v = NULL;
	int rc = task_list(app->db, &f, &v, n, err);
	*rows = v;
	return rc;
}

static struct list_key list_key(struct app *app, const struct tasks_view *tv)
{
	struct list_key k = { .mode = tv->mode, .status = tv->status, .within = tv->within,
			      .section_id = tv->section_id, .version = app->data_version };
	snprintf(k.unit, sizeof k.unit, "%s", tv->unit_code ? tv->unit_code : "");
	return k;
}

static bool list_key_eq(const struct list_key *a, const struct list_key *b)
{
	return a->mode == b->mode && a->status == b->status && a->within == b->within &&
	       a->section_id == b->section_id && a->version == b->version &&
	       strcmp(a->unit, b->unit) == 0;
}

/* The filter's full-text query once, for every count and page after it;
 * when more than FILTER_CAP tasks of the whole list have its words, the
 * set waits for an idle keyboard (tv_finish). A read-only database cannot
 * keep them aside: each statement asks. */
static void tv_prepare(struct app *app, void *ctx)
{
	struct tasks_view *tv = ctx;
	struct list_key k = list_key(app, tv);
	const char *text = tv->rv.kw.filter.text;
	set_dates(tv);
	if ((tv->hits || tv->dense) && list_key_eq(&k, &tv->hits_key) && text && tv->hits_text &&
	    strcmp(text, tv->hits_text) == 0) {
		tv->rv.kw.more = tv->dense;
		return;   /* the set put aside is this one (Enter after typing) */
	}
	struct task_filter f = list_filter(tv);
	f.use_hits = f.words_by_row = false;
	struct cchc_err err;
	int n = 0;
	/* the whole list: a page of its words is near; another list is a
	 * part of it, where they may be far apart: put aside at once */
	int cap = tv->mode == M_ALL ? FILTER_CAP : 0;
	tv->hits = tv->dense = false;
	if (task_filter_has_words(&f) && !app->db->readonly &&
	    task_hits_build(app->db, &f, cap, &n, &err) == CCHC_OK) {
		tv->dense = n < 0;
		tv->hits = n >= 0;
		tv->hits_n = n;
	}
	free(tv->hits_text);
	tv->hits_text = tv->hits || tv->dense ? xstrdup(text) : NULL;
	tv->hits_key = k;
	tv->rv.kw.more = tv->dense;
}

/* The set put off while typing, now that the keyboard is idle; false when
 * a key interrupted it. */
static bool tv_finish(struct app *app, void *ctx)
{
	struct tasks_view *tv = ctx;
	if (!tv->dense)
		return true;
	struct task_filter f = list_filter(tv);
	f.use_hits = f.words_by_row = false;
	struct cchc_err err;
	int n = 0;
	if (task_hits_build(app->db, &f, 0, &n, &err) != CCHC_OK)
		return !term_key_waiting(app->term);   /* else it failed: rows stay checked */
	tv->dense = false;
	tv->hits = true;
	tv->hits_n = n;
	return true;
}

/* The count without the / filter is kept while filtering (it does not
 * change as the clerk types). */
static int tv_count(struct app *app, void *ctx, bool filtered, int64_t *n, struct cchc_err *err)
{
	struct tasks_view *tv = ctx;
	bool active = filter_active(&tv->rv.kw.filter);
	struct list_key k = list_key(app, tv);
	if (filtered && tv->hits) {
		*n = tv->hits_n;
		return CCHC_OK;
	}
	if (filtered && tv->dense) {   /* more than that: counted when idle */
		*n = FILTER_CAP + 1;
		return CCHC_OK;
	}
	if (!filtered && active && tv->unf_valid && list_key_eq(&k, &tv->unf_key)) {
		*n = tv->unf_n;
		return CCHC_OK;
	}
	struct task_filter f = list_filter(tv);
	if (!filtered)
		f.title_query = NULL, f.use_hits = false;
	int c = 0, rc = task_count(app->db, &f, &c, err);
	*n = c;
	if (rc == CCHC_OK && (!filtered || !active)) {
		tv->unf_n = c;
		tv->unf_key = k;
		tv->unf_valid = true;
	}
	return rc;
}

/* The task's row if the list holds it (the row before the key "id + 1",
 * ids being whole numbers, is the task itself), and the rows before it. */
static int tv_locate(struct app *app, void *ctx, int64_t id, void **row, int64_t *pos,
		     struct cchc_err *err)
{
	struct task_info t, *v = NULL;
	int n = 0, before = 0, rc;
	*row = NULL;
	if (((struct tasks_view *)ctx)->dense)
		return CCHC_OK;   /* counting the rows before it would read them all */
	if (task_get(app->db, id, &t, err) != CCHC_OK)
		return CCHC_OK;   /* gone: not in the list */
	struct task_filter f = list_filter(ctx);
	f.after = &t;
	f.reverse = true;
	f.limit = 1;
	t.id = id + 1;
	rc = task_list(app->db, &f, &v, &n, err);
	t.id = id;
	f.limit = 0;
	if (rc == CCHC_OK && n == 1 && v[0].id == id) {
		rc = task_count(app->db, &f, &before, err);
		if (rc == CCHC_OK) {
			*row = v, v = NULL, n = 0;
			*pos = before;
		}
	}
	task_list_free(v, n);
	task_info_free(&t);
	return rc;
}

#define TI(f) offsetof(struct task_info, f)
static const size_t task_texts[] = {
	TI(title), TI(description), TI(product), TI(lead_code), TI(lead_name), TI(due_text),
	TI(due_kind), TI(due_on), TI(done_on), TI(section_label), TI(co_codes),
};

static const struct kwin_ops tv_ops = {
	.size = sizeof(struct task_info), .id = offsetof(struct task_info, id),
	.texts = task_texts, .ntexts = sizeof task_texts / sizeof task_texts[0],
	.fetch = tv_fetch, .count = tv_count, .both_ways = true,
	.prepare = tv_prepare, .locate = tv_locate,
};

static void set_mode(struct app *app, struct tasks_view *tv, enum mode m, const char *what)
{
	tv->mode = m;
	free(tv->what);
	tv->what = what ? text_sanitize(what) : NULL;
	kwin_reload(app, &tv->rv.kw, true);
}

/* ---- drawing ---- */

static void due_cell(const struct tasks_view *tv, const struct task_info *t, char out[24],
		     enum elem *el)
{
	struct ymd d;
	*el = EL_TEXT;
	if (*t->due_on && date_parse_iso(t->due_on, &d)) {
		date_format_vn(d, out);
		if (!t->overdue && t->status != TASK_DONE && t->status != TASK_PAUSED &&
		    strcmp(t->due_on, tv->soon) <= 0)
			*el = EL_TASK_DUE_SOON;
	} else if (strcmp(t->due_kind, "unknown") == 0 || tv->mode == M_UNCLEAR) {
		/* in that list a recurring task has every occurrence past */
		snprintf(out, 24, "chưa rõ");   /* "chưa xác định" is wider than the column */
		*el = EL_TASK_DUE_SOON;
	} else
		snprintf(out, 24, "%s", due_kind_label(t->due_kind));
}

static const char *status_cell(const struct task_info *t, enum elem *el)
{
	*el = t->overdue ? EL_TASK_OVERDUE : t->status == TASK_DONE ? EL_TASK_DONE : EL_TEXT;
	return t->overdue ? "quá hạn" : task_status_label(t->status);
}

enum { C_ID = 1, C_STATUS = 7, C_DUE = 23, C_LEAD = 36, C_TITLE = 44 };

static void draw_row(struct register_view *v, const void *row, bool cur, attr_t a, int y, int w)
{
	const struct tasks_view *tv = (const struct tasks_view *)v;
	const struct task_info *t = row;
	char id[16], due[24];
	snprintf(id, sizeof id, "%5lld", (long long)t->id);
	draw_text(y, C_ID, 5, id, a);
	enum elem el;
	const char *st = status_cell(t, &el);
	draw_text(y, C_STATUS, C_DUE - C_STATUS - 1, st, cur ? a : theme_attr(el));
	due_cell(tv, t, due, &el);
	draw_text(y, C_DUE, C_LEAD - C_DUE - 1, due, cur ? a : theme_attr(el));
	draw_text_clip(y, C_LEAD, C_TITLE - C_LEAD - 1, t->lead_code, a);
	draw_text_hl(y, C_TITLE, w - C_TITLE - 1, t->title, a, filter_query(&v->kw.filter),
		     theme_attr(EL_MATCH));
}

static void draw_title(struct register_view *v, struct rect r)
{
	const struct tasks_view *tv = (const struct tasks_view *)v;
	struct sbuf b = SBUF_INIT;
	sbuf_add(&b, "Nhiệm vụ");
	switch (tv->mode) {
	case M_ALL: sbuf_add(&b, ": tất cả"); break;
	case M_OVERDUE: sbuf_add(&b, " quá hạn"); break;
	case M_SOON: sbuf_addf(&b, " đến hạn trong %d ngày làm việc", tv->within); break;
	case M_UNCLEAR: sbuf_add(&b, " có thời hạn chưa rõ (e: sửa thời hạn)"); break;
	default: sbuf_addf(&b, " %s", tv->what ? tv->what : ""); break;
	}
	sbuf_addf(&b, " (%d)", v->kw.unfiltered);
	rv_draw_title_text(r, b.s);
	sbuf_free(&b);
}

static void draw_header(struct register_view *v, struct rect r)
{
	static const struct rv_heading h[] = {
		{ C_ID + 2, 3, "Số" }, { C_STATUS, 12, "Trạng thái" }, { C_DUE, 12, "Hạn" },
		{ C_LEAD, 8, "Chủ trì" }, { C_TITLE, 0, "Tên nhiệm vụ" },
	};
	rv_draw_headings(r, h, (int)(sizeof h / sizeof h[0]));
}

static const char *empty(const struct register_view *v)
{
	return ((const struct tasks_view *)v)->mode != M_ALL
		       ? "Không có nhiệm vụ nào ở đây; A để xem tất cả."
		       : "Chưa có nhiệm vụ nào. a: thêm nhiệm vụ; S ở màn Kế hoạch: đề xuất từ kế hoạch.";
}

static void name_row(const void *row, struct sbuf *out)
{
	const struct task_info *t = row;
	sbuf_addf(out, "nhiệm vụ %lld «%s»", (long long)t->id, t->title);
}

/* ---- details ---- */

static void add_field(struct tlines *l, const char *name, const char *value)
{
	if (!value || !*value)
		return;
	char *s = text_sanitize(value);
	tl_wrapped(l, 0, name, EL_FORM_LABEL, s, EL_TEXT);
	free(s);
}

static void vn(const char *iso, char out[11])
{
	struct ymd d;
	if (date_parse_iso(iso, &d))
		date_format_vn(d, out);
	else
		snprintf(out, 11, "%s", iso);
}

static void add_notes(struct app *app, struct tlines *l, int64_t id)
{
	struct task_note *v;
	int n;
	struct cchc_err err;
	panel_heading(l, "Ghi chú tiến độ:");
	if (task_notes(app->db, id, &v, &n, &err) != CCHC_OK)
		n = 0, v = NULL;
	for (int i = 0; i < n; i++) {
		char d[11], *t = text_sanitize(v[i].text), *p = text_sanitize(v[i].period);
		struct sbuf pre = SBUF_INIT;
		vn(v[i].noted_on, d);
		sbuf_addf(&pre, "%s%s%s%s", d, *p ? " [" : "", p, *p ? "]" : "");
		tl_wrapped(l, 2, pre.s, EL_FORM_LABEL, t, EL_TEXT);
		sbuf_free(&pre);
		free(t);
		free(p);
	}
	if (!n)
		tl_add(l, 2, NULL, EL_TEXT, "(chưa có)", strlen("(chưa có)"), EL_TEXT);
	task_notes_free(v, n);
}

/* The section the task came from, as the plan screen shows it. */
static void add_section(struct app *app, struct tlines *l, const struct task_info *t)
{
	struct section_info *s = NULL;
	int n = 0;
	struct cchc_err err;
	tl_blank(l);
	tl_add(l, 0, NULL, EL_TEXT, "Đề mục của kế hoạch:", strlen("Đề mục của kế hoạch:"),
	       EL_LIST_HEADER);
	if (section_list(app->db, t->plan_id, &s, &n, &err) != CCHC_OK)
		n = 0;
	for (int i = 0; i < n; i++)
		if (s[i].id == t->section_id) {
			char *lab = text_sanitize(s[i].label), *h = text_sanitize(s[i].heading);
			tl_wrapped(l, 0, lab, EL_SECTION_LABEL, h, EL_SECTION_HEADING);
			free(lab);
			free(h);
			tl_section_items(app, l, s[i].id);
		}
	section_list_free(s, n);
}

/* After the deadline: the working day to finish by when it falls on a day
 * off, or why it was not understood. */
static void due_detail(struct sbuf *b, const struct task_info *t, bool passed)
{
	struct ymd on, today;
	struct cchc_err err;
	char note[128];
	if (strcmp(t->due_kind, "unknown") == 0 || passed) {
		char why[256];
		due_unclear_why(t->due_kind, t->due_text,
				date_today(&today, &err) == CCHC_OK ? today.y : 2026, why, sizeof why);
		sbuf_addf(b, " → chưa xác định (%s; e để ghi lại)", why);
	} else if (strcmp(t->due_kind, "asneeded") == 0) {
		sbuf_add(b, " → theo yêu cầu, không có ngày");
	} else if (*t->due_on && date_parse_iso(t->due_on, &on)) {
		struct calendar *cal = calendar_new();
		if (due_day_off_note(cal, on, note, sizeof note))
			sbuf_addf(b, " (%s)", note);
		calendar_free(cal);
	}
}

static void detail_build(struct app *app, struct register_view *v, int64_t id, int variant,
			 struct tlines *l)
{
	struct task_info t;
	struct cchc_err err;
	if (task_get(app->db, id, &t, &err) != CCHC_OK) {
		panel_error(l, err.msg);
		return;
	}
	char *title = text_sanitize(t.title), due[11] = "", done[11] = "";
	tl_wrapped(l, 0, NULL, EL_TEXT, title, EL_SECTION_HEADING);
	free(title);
	tl_blank(l);
	struct sbuf b = SBUF_INIT;
	if (t.overdue)
		sbuf_addf(&b, "quá hạn (%s)", task_status_label(t.status));
	else
		sbuf_add(&b, task_status_label(t.status));
	vn(t.done_on, done);
	if (*t.done_on)
		sbuf_addf(&b, " ngày %s", done);
	add_field(l, "Trạng thái:", b.s);
	sbuf_free(&b);
	vn(t.due_on, due);
	struct sbuf dd = SBUF_INIT;
	bool same = *due && strcmp(t.due_text, due) == 0;
	sbuf_addf(&dd, "%s%s%s", *t.due_text ? t.due_text : "không ghi", *due && !same ? " → " : "",
		  same ? "" : due);
	due_detail(&dd, &t, task_due_passed(app->db, t.id));
	add_field(l, "Thời hạn:", dd.s);
	sbuf_free(&dd);
	struct sbuf lead = SBUF_INIT;
	sbuf_addf(&lead, "%s%s%s", t.lead_code, *t.lead_name ? " " : "", t.lead_name);
	add_field(l, "Chủ trì:", *lead.s ? lead.s : "(chưa giao)");
	sbuf_free(&lead);
	add_field(l, "Phối hợp:", t.co_codes);
	add_field(l, "Sản phẩm:", t.product);
	add_field(l, "Mô tả:", t.description);
	add_notes(app, l, id);
	add_section(app, l, &t);
	task_info_free(&t);
}

static const enum action detail_keys[] = {
	ACT_TASK_ADD, ACT_TASK_EDIT, ACT_TASK_DONE, ACT_TASK_NOTE, ACT_TASK_SECTION, ACT_NONE
};

static int open_detail(struct app *app, struct tasks_view *tv, int64_t id)
{
	static const struct rv_detail d = {
		"e: sửa  x: xong  o: ghi chú  g: tới mục  ↑↓ cuộn  Esc: đóng", detail_build,
		detail_keys,
	};
	char title[48];
	snprintf(title, sizeof title, "Nhiệm vụ số %lld", (long long)id);
	return rv_open_detail(app, &tv->rv, &d, id, 0, title);
}

/* ---- actions ---- */

static int saved(struct app *app, void *ctx, int64_t id)
{
	struct tasks_view *tv = ctx;
	kwin_reload(app, &tv->rv.kw, false);
	kwin_select(&tv->rv.kw, id);
	return UI_VIEW;
}

/* A task already done keeps the date it was done on. */
static bool already_done(struct app *app, int64_t id)
{
	struct task_info t;
	struct cchc_err err;
	if (task_get(app->db, id, &t, &err) != CCHC_OK)
		return false;
	bool done = t.status == TASK_DONE;
	if (done) {
		char d[11] = "";
		vn(t.done_on, d);
		app_message(app, false, "Nhiệm vụ số %lld đã hoàn thành%s%s", (long long)id,
			    *d ? " ngày " : "", d);
	}
	task_info_free(&t);
	return done;
}

static int mark_done(struct app *app, struct tasks_view *tv, int64_t id)
{
	struct ymd today;
	struct cchc_err err;
	if (already_done(app, id))
		return UI_STATUS;
	if (date_today(&today, &err) || task_done(app->db, id, today, &err)) {
		app_message(app, true, "%s", err.msg);
		return UI_STATUS;
	}
	app->data_version++;
	app_message(app, false, "Nhiệm vụ số %lld: đã hoàn thành", (long long)id);
	kwin_select(&tv->rv.kw, id);
	return UI_VIEW;
}

static int goto_section(struct app *app, int64_t id)
{
	struct task_info t;
	struct cchc_err err;
	if (task_get(app->db, id, &t, &err) != CCHC_OK)
		return UI_NONE;
	int r = app_goto(app, "section", t.section_id, t.plan_id);
	task_info_free(&t);
	return r;
}

static int add_task(struct app *app, struct tasks_view *tv)
{
	struct task_form_init in = { .status = -1 };
	if (tv->mode == M_SECTION) {
		in.section_id = tv->section_id;
		in.plan_id = tv->plan_id;
	}
	return app_modal_open(app, task_form_open(app, &in, saved, tv));
}

/* The keys on the task under the cursor (id), and add. */
static int act_on(struct app *app, struct register_view *v, int64_t id, enum action a)
{
	struct tasks_view *tv = (struct tasks_view *)v;
	struct modal *m;
	switch (a) {
	case ACT_TASK_ADD: return add_task(app, tv);
	case ACT_SELECT: return open_detail(app, tv, id);
	case ACT_TASK_DONE: return mark_done(app, tv, id);
	case ACT_TASK_SECTION: return goto_section(app, id);
	case ACT_TASK_NOTE: return app_modal_open(app, note_form_open(app, id, saved, tv));
	case ACT_TASK_EDIT:
		m = task_form_edit(app, id, saved, tv);
		return m ? app_modal_open(app, m) : UI_STATUS;
	default: return UI_NONE;
	}
}

/* ---- filters ---- */

static int status_chosen(struct app *app, void *ctx, int64_t id, const char *value)
{
	struct tasks_view *tv = ctx;
	tv->status = (int)id;
	struct sbuf b = SBUF_INIT;
	sbuf_addf(&b, "%s", task_status_label(tv->status));
	set_mode(app, tv, M_STATUS, b.s);
	sbuf_free(&b);
	return UI_ALL;
}

static int choose_status(struct app *app, struct tasks_view *tv)
{
	struct choice_item v[TASK_NSTATUS];
	for (int s = 0; s < TASK_NSTATUS; s++)
		v[s] = (struct choice_item){ s, task_status_label(s), "" };
	return app_modal_open(app, choice_open("Lọc theo trạng thái", v, TASK_NSTATUS, status_chosen, tv));
}

static int show_unit(struct app *app, struct tasks_view *tv, int64_t unit_id)
{
	struct unit_info *u = NULL;
	int n = 0;
	struct cchc_err err;
	if (unit_list(app->db, &u, &n, &err) != CCHC_OK)
		n = 0;
	for (int i = 0; i < n; i++)
		if (u[i].id == unit_id) {
			free(tv->unit_code);
			tv->unit_code = xstrdup(u[i].code ? u[i].code : "");
			tv->unit_id = unit_id;
			struct sbuf b = SBUF_INIT;
			sbuf_addf(&b, "của %s %s", u[i].code ? u[i].code : "", u[i].name ? u[i].name : "");
			set_mode(app, tv, M_UNIT, b.s);
			sbuf_free(&b);
		}
	unit_list_free(u, n);
	return UI_ALL;
}

static int unit_chosen(struct app *app, void *ctx, int64_t id, const char *value)
{
	return show_unit(app, ctx, id);
}

static int choose_unit(struct app *app, struct tasks_view *tv)
{
	struct unit_info *u = NULL;
	int n = 0;
	struct cchc_err err;
	if (unit_list(app->db, &u, &n, &err) != CCHC_OK || !n) {
		unit_list_free(u, n);
		app_message(app, true, "Chưa có đơn vị nào (cchc unit add)");
		return UI_STATUS;
	}
	struct choice_item *v = xcalloc((size_t)n, sizeof *v);
	int k = 0;
	for (int i = 0; i < n; i++)
		if (u[i].active)  /* units no longer in use are not offered */
			v[k++] = (struct choice_item){ u[i].id, u[i].code, u[i].name };
	struct modal *m = choice_open("Lọc theo đơn vị (chủ trì hoặc phối hợp)", v, k, unit_chosen, tv);
	free(v);
	unit_list_free(u, n);
	return app_modal_open(app, m);
}

static int show_section(struct app *app, struct tasks_view *tv, int64_t section_id, int64_t plan_id)
{
	struct section_info *s = NULL;
	int n = 0;
	struct cchc_err err;
	if (section_list(app->db, plan_id, &s, &n, &err) != CCHC_OK)
		n = 0;
	struct sbuf b = SBUF_INIT;
	for (int i = 0; i < n; i++)
		if (s[i].id == section_id)
			sbuf_addf(&b, "của mục %s %s", s[i].label, s[i].heading);
	section_list_free(s, n);
	tv->section_id = section_id;
	tv->plan_id = plan_id;
	set_mode(app, tv, M_SECTION, b.s ? b.s : "của mục");
	sbuf_free(&b);
	return UI_ALL;
}

/* The lists shown by one filter at a time (no tabs: the title says which). */
static int list_key_fn(struct app *app, struct register_view *v, int64_t id, enum action a)
{
	struct tasks_view *tv = (struct tasks_view *)v;
	switch (a) {
	case ACT_TASKS_ALL: set_mode(app, tv, M_ALL, NULL); break;
	case ACT_TASKS_OVERDUE: set_mode(app, tv, M_OVERDUE, NULL); break;
	case ACT_TASKS_DUE_SOON: set_mode(app, tv, M_SOON, NULL); break;
	case ACT_TASKS_DUE_UNCLEAR: set_mode(app, tv, M_UNCLEAR, NULL); break;
	case ACT_TASKS_BY_STATUS: return choose_status(app, tv);
	case ACT_TASKS_BY_UNIT: return choose_unit(app, tv);
	default: return UI_NONE;
	}
	return UI_VIEW;
}

static const struct rv_key tasks_keys[] = {
	{ ACT_TASK_ADD, act_on, false },
	{ ACT_SELECT, act_on, true },
	{ ACT_TASK_DONE, act_on, true },
	{ ACT_TASK_SECTION, act_on, true },
	{ ACT_TASK_NOTE, act_on, true },
	{ ACT_TASK_EDIT, act_on, true },
	{ ACT_TASKS_ALL, list_key_fn, false },
	{ ACT_TASKS_OVERDUE, list_key_fn, false },
	{ ACT_TASKS_DUE_SOON, list_key_fn, false },
	{ ACT_TASKS_DUE_UNCLEAR, list_key_fn, false },
	{ ACT_TASKS_BY_STATUS, list_key_fn, false },
	{ ACT_TASKS_BY_UNIT, list_key_fn, false },
	{ ACT_NONE, NULL, false },
};

static const struct register_desc tasks_desc = {
	.scope = "tasks",
	.title = "Nhiệm vụ",
	.ops = &tv_ops,
	.table = "task",
	.no_match = "Không có nhiệm vụ nào khớp bộ lọc; Esc để bỏ lọc.",
	.draw_header = draw_header,
	.draw_row = draw_row,
	.draw_title = draw_title,
	.empty = empty,
	.keys = tasks_keys,
	.delete_row = task_delete,
	.name_row = name_row,
};

static void free_extra(struct register_view *v)
{
	struct tasks_view *tv = (struct tasks_view *)v;
	free(tv->unit_code);
	free(tv->what);
	free(tv->hits_text);
}

static void *tasks_open(struct app *app)
{
	struct tasks_view *tv = rv_open(&tasks_desc, sizeof *tv);
	tv->rv.free_extra = free_extra;
	tv->rv.kw.finish = tv_finish;
	tv->within = app_due_within(app);
	set_dates(tv);
	return tv;
}

static int tasks_go(struct app *app, void *st, const char *kind, int64_t id, int64_t plan_id)
{
	struct tasks_view *tv = st;
	filter_clear(&tv->rv.kw.filter);
	if (strcmp(kind, "task") == 0) {
		set_mode(app, tv, M_ALL, NULL);
		kwin_select_only(&tv->rv.kw, id);
		return open_detail(app, tv, id) | UI_ALL;
	}
	if (strcmp(kind, "tasks-section") == 0)
		return show_section(app, tv, id, plan_id);
	if (strcmp(kind, "tasks-unit") == 0)
		return show_unit(app, tv, id);
	if (strcmp(kind, "tasks-status") == 0)
		return status_chosen(app, tv, id, NULL);
	if (strcmp(kind, "tasks-due-unclear") == 0) {
		set_mode(app, tv, M_UNCLEAR, NULL);
		return UI_ALL;
	}
	if (strcmp(kind, "tasks-overdue") == 0 || strcmp(kind, "tasks-due-soon") == 0) {
		set_mode(app, tv, kind[6] == 'o' ? M_OVERDUE : M_SOON, NULL);
		return UI_ALL;
	}
	return -1;
}

const struct view_class view_tasks = {
	.name = "tasks",
	.title = "Nhiệm vụ",
	.hints = tasks_hints,
	.open = tasks_open,
	RV_VIEW_METHODS,
	.go = tasks_go,
};
