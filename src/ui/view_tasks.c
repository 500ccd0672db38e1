/* Nhiệm vụ: the task list, a window onto task_list (ordered by deadline)
 * that loads a page more when the cursor nears its end. One filter at a
 * time (all, overdue, due within N working days, a status, a unit, a plan
 * section) plus the / filter on the rows loaded. Enter shows a task's
 * details with its notes and the text of the section it came from; keys
 * add, edit, mark done, note progress and open the section. */
#include <config.h>
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
#include "ui/list.h"
#include "ui/panel.h"
#include "ui/register_view.h"
#include "ui/task_form.h"
#include "ui/tlines.h"

enum mode { M_ALL, M_OVERDUE, M_SOON, M_STATUS, M_UNIT, M_SECTION, M_UNCLEAR };

/* The list is a window of at most WINDOW rows onto the query, moved a PAGE
 * at a time by keyset (the rows after the last one, or before the first). */
#define PAGE 100
#define WINDOW 300

struct tasks_view {
	enum mode mode;
	int status, within;
	int64_t unit_id, section_id, plan_id;
	char *unit_code, *what;  /* what: the filter in words, for the title */
	struct task_info *rows;  /* rows base .. base + nrows - 1 of the list */
	int nrows, base;
	int total, unfiltered;   /* rows of the list, and without the / filter */
	bool loaded, nosel;      /* nosel: no row selected (the task asked for is absent) */
	unsigned version;
	struct list list;        /* over all total rows: cur and top count from the first */
	struct filter filter;    /* applied in SQL through the full-text index */
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
	bool unf_valid;          /* unfiltered: the list's count without the filter, for unf_key */
	bool hits;               /* the filter's tasks are put aside (task_hits_build), for
				  * hits_key and the filter text hits_text: hits_n of them */
	char *hits_text;
	int hits_n;
};

static const enum action tasks_hints[] = {
	ACT_HELP, ACT_TASK_ADD, ACT_TASK_EDIT, ACT_TASK_DONE, ACT_TASK_NOTE, ACT_SELECT,
	ACT_TASKS_OVERDUE, ACT_TASKS_DUE_SOON, ACT_TASKS_BY_UNIT, ACT_TASKS_ALL, ACT_FILTER,
	ACT_QUIT, ACT_NONE
};

/* ---- loading ---- */

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
	f.title_query = tv->filter.text;
	f.use_hits = tv->hits && tv->filter.text;
	return f;
}

static void sanitize_field(char **s)
{
	char *c = text_sanitize(*s);
	free(*s);
	*s = c;
}

/* At most limit rows after (or, reverse, before) the key, from offset;
 * false on error (told on the status line). */
static bool fetch(struct app *app, const struct tasks_view *tv, const struct task_info *after,
		  bool reverse, int offset, int limit, struct task_info **v, int *n)
{
	struct task_filter f = list_filter(tv);
	f.after = after;
	f.reverse = reverse;
	f.offset = offset;
	f.limit = limit;
	struct cchc_err err;
	if (task_list(app->db, &f, v, n, &err) != CCHC_OK) {
		app_message(app, true, "%s", err.msg);
		return false;
	}
	for (int i = 0; i < *n; i++) {
		sanitize_field(&(*v)[i].title);
		sanitize_field(&(*v)[i].lead_code);
		sanitize_field(&(*v)[i].co_codes);
		sanitize_field(&(*v)[i].section_label);
	}
	return true;
}

static void window_set(struct tasks_view *tv, struct task_info *v, int n, int base)
{
	task_list_free(tv->rows, tv->nrows);
	tv->rows = v;
	tv->nrows = n;
	tv->base = base;
}

/* Adds rows after the window (at_end) or before it, dropping as many from
 * the other end as pass WINDOW. */
static void window_add(struct tasks_view *tv, struct task_info *v, int n, bool at_end)
{
	int total = tv->nrows + n, drop = total > WINDOW ? total - WINDOW : 0;
	struct task_info *w = xcalloc((size_t)total, sizeof *w);
	if (tv->nrows)
		memcpy(w + (at_end ? 0 : n), tv->rows, sizeof *w * (size_t)tv->nrows);
	if (n)
		memcpy(w + (at_end ? tv->nrows : 0), v, sizeof *w * (size_t)n);
	free(v);
	free(tv->rows);
	int from = at_end ? drop : 0;
	for (int i = 0; i < drop; i++)
		task_info_free(&w[at_end ? i : total - 1 - i]);
	memmove(w, w + from, sizeof *w * (size_t)(total - drop));
	tv->rows = w;
	tv->nrows = total - drop;
	tv->base += at_end ? drop : -n;
}

static const struct task_info *row_at(const struct tasks_view *tv, int k)
{
	return k >= tv->base && k < tv->base + tv->nrows ? &tv->rows[k - tv->base] : NULL;
}

static int64_t cur_id(const struct tasks_view *tv)
{
	const struct task_info *t = tv->nosel ? NULL : row_at(tv, tv->list.cur);
	return t ? t->id : 0;
}

/* The window around row pos: from the first rows, the last ones, or (a jump
 * far from both) by offset. */
static void load_at(struct app *app, struct tasks_view *tv, int pos)
{
	struct task_info *v = NULL;
	int n = 0;
	if (pos < WINDOW - PAGE) {
		if (fetch(app, tv, NULL, false, 0, WINDOW - PAGE, &v, &n))
			window_set(tv, v, n, 0);
	} else if (pos >= tv->total - (WINDOW - PAGE)) {
		if (fetch(app, tv, NULL, true, 0, WINDOW - PAGE, &v, &n))
			window_set(tv, v, n, tv->total - n);
	} else {
		int from = pos - PAGE / 2;
		if (fetch(app, tv, NULL, false, from, 2 * PAGE, &v, &n))
			window_set(tv, v, n, from);
	}
}

/* Loads the window around the task id and puts the cursor on it; false when
 * the list does not hold it. */
static bool load_around(struct app *app, struct tasks_view *tv, int64_t id)
{
	struct task_info t, *before = NULL, *from = NULL;
	struct cchc_err err;
	if (!id || task_get(app->db, id, &t, &err) != CCHC_OK)
		return false;
	int nb = 0, nf = 0, pos = 0;
	struct task_filter f = list_filter(tv);
	f.after = &t;
	f.reverse = true;
	t.id = id + 1;   /* ids are whole numbers: "before id + 1" takes the task itself */
	bool ok = fetch(app, tv, &t, true, 0, 1, &from, &nf) && nf == 1 && from[0].id == id;
	task_list_free(from, nf);
	t.id = id;
	if (ok && task_count(app->db, &f, &pos, &err) == CCHC_OK &&
	    fetch(app, tv, &t, true, 0, PAGE / 2, &before, &nb)) {
		t.id = id - 1;
		ok = fetch(app, tv, &t, false, 0, PAGE, &from, &nf);
		window_set(tv, before, nb, pos - nb);
		if (ok)
			window_add(tv, from, nf, true);
		tv->list.cur = pos;
	} else
		ok = false;
	task_info_free(&t);
	return ok;
}

static bool list_key_eq(const struct list_key *a, const struct list_key *b)
{
	return a->mode == b->mode && a->status == b->status && a->within == b->within &&
	       a->section_id == b->section_id && a->version == b->version &&
	       strcmp(a->unit, b->unit) == 0;
}

/* Counts the rows and loads the window at the task keep_id, or else at row
 * fallback (-1: at the start, with no row selected). */
static void reload(struct app *app, struct tasks_view *tv, int64_t keep_id, int fallback)
{
	struct cchc_err err;
	int hits = 0;
	/* the filter's full-text query once, for every count and page below;
	 * a read-only database cannot keep them aside: each statement asks */
	struct list_key k = { .mode = tv->mode, .status = tv->status, .within = tv->within,
				    .section_id = tv->section_id, .version = app->data_version };
	snprintf(k.unit, sizeof k.unit, "%s", tv->unit_code ? tv->unit_code : "");
	struct task_filter f = list_filter(tv);
	bool same = tv->hits && list_key_eq(&k, &tv->hits_key) && tv->filter.text &&
		    tv->hits_text && strcmp(tv->filter.text, tv->hits_text) == 0;
	if (same) {   /* the set put aside is this one (Enter after typing) */
		tv->total = tv->hits_n;
	} else if (task_filter_has_words(&f) &&
		   task_hits_build(app->db, &f, &hits, &err) == CCHC_OK) {
		tv->hits = true;
		tv->total = tv->hits_n = hits;
		free(tv->hits_text);
		tv->hits_text = xstrdup(tv->filter.text);
		tv->hits_key = k;
	} else {
		tv->hits = false;
		f.use_hits = false;
		if (task_count(app->db, &f, &tv->total, &err) != CCHC_OK)
			app_message(app, true, "%s", err.msg);
	}
	f = list_filter(tv);
	if (!filter_active(&tv->filter)) {
		tv->unfiltered = tv->total;
		tv->unf_key = k;
		tv->unf_valid = true;
	} else if (!tv->unf_valid || !list_key_eq(&k, &tv->unf_key)) {
		f.title_query = NULL;
		f.use_hits = false;
		if (task_count(app->db, &f, &tv->unfiltered, &err) != CCHC_OK)
			app_message(app, true, "%s", err.msg);
		tv->unf_key = k;
		tv->unf_valid = true;
	}
	tv->loaded = true;
	tv->version = app->data_version;
	tv->list.n = tv->total;
	tv->nosel = false;
	if (load_around(app, tv, keep_id))
		return;
	tv->nosel = fallback < 0;
	tv->list.cur = fallback < 0 ? 0 : fallback >= tv->total ? tv->total - 1 : fallback;
	if (tv->list.cur < 0)
		tv->list.cur = 0;
	window_set(tv, NULL, 0, 0);
	load_at(app, tv, tv->list.cur);
}

/* Moves the window by pages until it holds rows lo .. hi - 1. */
static void cover(struct app *app, struct tasks_view *tv, int lo, int hi)
{
	for (int guard = 0; guard < 2 * WINDOW / PAGE + 2; guard++) {
		int end = tv->base + tv->nrows;
		struct task_info *v = NULL;
		int n = 0;
		if (tv->nrows && lo < tv->base && tv->base - lo <= PAGE) {
			if (!fetch(app, tv, &tv->rows[0], true, 0, PAGE, &v, &n) || !n)
				break;
			window_add(tv, v, n, false);
		} else if (tv->nrows && hi > end && end < tv->total && hi - end <= PAGE) {
			if (!fetch(app, tv, &tv->rows[tv->nrows - 1], false, 0, PAGE, &v, &n) || !n)
				break;
			window_add(tv, v, n, true);
		} else if (lo < tv->base || (hi > end && end < tv->total)) {
			load_at(app, tv, lo);
			if (!tv->nrows)
				break;
		} else
			return;
	}
}

/* Reloads after a write anywhere, and moves the window to the rows on the
 * screen. */
static void ensure(struct app *app, struct tasks_view *tv, int height)
{
	if (!tv->loaded || tv->version != app->data_version) {
		set_dates(tv);
		reload(app, tv, cur_id(tv), tv->list.cur);
	}
	list_fit(&tv->list, height);
	int hi = tv->list.top + tv->list.height;
	cover(app, tv, tv->list.top, hi < tv->total ? hi : tv->total);
}

static void set_mode(struct app *app, struct tasks_view *tv, enum mode m, const char *what)
{
	tv->mode = m;
	free(tv->what);
	tv->what = what ? text_sanitize(what) : NULL;
	tv->list.top = 0;
	reload(app, tv, 0, 0);
}

static void *tasks_open(struct app *app)
{
	struct tasks_view *tv = xcalloc(1, sizeof *tv);
	tv->within = app_due_within(app);
	set_dates(tv);
	return tv;
}

static void tasks_close(void *st)
{
	struct tasks_view *tv = st;
	task_list_free(tv->rows, tv->nrows);
	free(tv->unit_code);
	free(tv->what);
	free(tv->hits_text);
	filter_clear(&tv->filter);
	free(tv);
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

static void draw_row(struct tasks_view *tv, int k, int y, int w)
{
	const struct task_info *t = row_at(tv, k);
	if (!t)
		return;
	bool cur = k == tv->list.cur && !tv->nosel;
	attr_t a = theme_attr(cur ? EL_CURSOR : EL_TEXT);
	draw_fill(y, 0, w, a);
	if (cur)
		draw_text(y, 0, 1, "›", a);
	char id[16], due[24];
	snprintf(id, sizeof id, "%5lld", (long long)t->id);
	draw_text(y, C_ID, 5, id, a);
	enum elem el;
	const char *st = status_cell(t, &el);
	draw_text(y, C_STATUS, C_DUE - C_STATUS - 1, st, cur ? a : theme_attr(el));
	due_cell(tv, t, due, &el);
	draw_text(y, C_DUE, C_LEAD - C_DUE - 1, due, cur ? a : theme_attr(el));
	draw_text_clip(y, C_LEAD, C_TITLE - C_LEAD - 1, t->lead_code, a);
	draw_text_hl(y, C_TITLE, w - C_TITLE - 1, t->title, a, filter_query(&tv->filter),
		     theme_attr(EL_MATCH));
}

static void draw_title(struct tasks_view *tv, struct rect r)
{
	struct sbuf b = SBUF_INIT;
	sbuf_add(&b, "Nhiệm vụ");
	switch (tv->mode) {
	case M_ALL: sbuf_add(&b, ": tất cả"); break;
	case M_OVERDUE: sbuf_add(&b, " quá hạn"); break;
	case M_SOON: sbuf_addf(&b, " đến hạn trong %d ngày làm việc", tv->within); break;
	case M_UNCLEAR: sbuf_add(&b, " có thời hạn chưa rõ (e: sửa thời hạn)"); break;
	default: sbuf_addf(&b, " %s", tv->what ? tv->what : ""); break;
	}
	sbuf_addf(&b, " (%d)", tv->unfiltered);
	rv_draw_title_text(r, b.s);
	sbuf_free(&b);
	static const struct rv_heading h[] = {
		{ C_ID + 2, 3, "Số" }, { C_STATUS, 12, "Trạng thái" }, { C_DUE, 12, "Hạn" },
		{ C_LEAD, 8, "Chủ trì" }, { C_TITLE, 0, "Tên nhiệm vụ" },
	};
	rv_draw_headings(r, h, (int)(sizeof h / sizeof h[0]));
}

static void draw_empty(struct tasks_view *tv, struct rect r)
{
	const char *msg = filter_active(&tv->filter) ? "Không có nhiệm vụ nào khớp bộ lọc; Esc để bỏ lọc."
			: tv->mode != M_ALL ? "Không có nhiệm vụ nào ở đây; A để xem tất cả."
			: "Chưa có nhiệm vụ nào. a: thêm nhiệm vụ; S ở màn Kế hoạch: đề xuất từ kế hoạch.";
	draw_text_clip(r.y + 3, 2, r.w - 4, msg, theme_attr(EL_TEXT));
}

static void tasks_draw(struct app *app, void *st, struct rect r)
{
	struct tasks_view *tv = st;
	ensure(app, tv, r.h - 2);
	draw_fill_rect(r, theme_attr(EL_TEXT));
	draw_title(tv, r);
	for (int i = 0; i < tv->list.height && tv->list.top + i < tv->list.n; i++)
		draw_row(tv, tv->list.top + i, r.y + 2 + i, r.w);
	if (!tv->list.n)
		draw_empty(tv, r);
}

/* ---- details ---- */

struct detail {
	struct tasks_view *tv;
	int64_t id;
};

static int act_on(struct app *app, struct tasks_view *tv, int64_t id, enum action a);

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

static void detail_build(struct app *app, void *ctx, struct tlines *l)
{
	const struct detail *d = ctx;
	struct task_info t;
	struct cchc_err err;
	if (task_get(app->db, d->id, &t, &err) != CCHC_OK) {
		tl_add(l, 0, NULL, EL_ERROR, err.msg, strlen(err.msg), EL_ERROR);
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
	add_notes(app, l, d->id);
	add_section(app, l, &t);
	task_info_free(&t);
}

static int detail_key(struct app *app, void *ctx, enum action a)
{
	if (a != ACT_TASK_ADD && a != ACT_TASK_EDIT && a != ACT_TASK_DONE && a != ACT_TASK_NOTE &&
	    a != ACT_TASK_SECTION)
		return -1;
	struct detail d = *(struct detail *)ctx;   /* closing frees ctx */
	return app_modal_close(app) | act_on(app, d.tv, d.id, a);
}

static int open_detail(struct app *app, struct tasks_view *tv, int64_t id)
{
	if (!id)
		return UI_NONE;
	static const struct panel_ops ops = { detail_build, detail_key, free };
	struct detail *d = xmalloc(sizeof *d);
	*d = (struct detail){ tv, id };
	char title[48];
	snprintf(title, sizeof title, "Nhiệm vụ số %lld", (long long)id);
	return app_modal_open(app, panel_open("tasks", title, "e: sửa  x: xong  o: ghi chú  "
					      "g: tới mục  ↑↓ cuộn  Esc: đóng", &ops, d));
}

/* ---- actions ---- */

static int saved(struct app *app, void *ctx, int64_t id)
{
	struct tasks_view *tv = ctx;
	reload(app, tv, id, tv->list.cur);
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
	reload(app, tv, id, tv->list.cur);
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

static int act_on(struct app *app, struct tasks_view *tv, int64_t id, enum action a)
{
	if (a == ACT_TASK_ADD)
		return add_task(app, tv);
	if (!id)
		return UI_NONE;
	struct modal *m;
	switch (a) {
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

static int apply_filter(struct app *app, void *ctx, const char *text)
{
	struct tasks_view *tv = ctx;
	int64_t id = cur_id(tv);
	filter_set(&tv->filter, text);
	app_set_query(app, tv->filter.text, false);
	reload(app, tv, id, 0);
	return UI_VIEW;
}

static int cancel_filter(struct app *app, void *ctx, const char *text)
{
	return apply_filter(app, ctx, "");
}

static void filter_extra(struct app *app, void *ctx, struct sbuf *out)
{
	struct tasks_view *tv = ctx;
	filter_count(tv->total, tv->unfiltered, out);
}

static void tasks_status(struct app *app, void *st, struct sbuf *out)
{
	struct tasks_view *tv = st;
	filter_status(&tv->filter, tv->total, tv->unfiltered, out);
}

/* d: the engine's confirmation, naming the task by its number and title. */
static int ask_delete(struct app *app, struct tasks_view *tv)
{
	const struct task_info *t = tv->nosel ? NULL : row_at(tv, tv->list.cur);
	if (!t)
		return UI_NONE;
	struct sbuf name = SBUF_INIT;
	sbuf_addf(&name, "nhiệm vụ %lld «%s»", (long long)t->id, t->title);
	int r = rv_delete_ask(app, task_delete, t->id, name.s);
	sbuf_free(&name);
	return r;
}

static int tasks_handle(struct app *app, void *st, enum action a)
{
	struct tasks_view *tv = st;
	static const struct prompt_ops ops = {
		.done = apply_filter, .changed = apply_filter, .cancel = cancel_filter,
		.extra = filter_extra,
	};
	switch (a) {
	case ACT_FILTER: return app_modal_open(app, prompt_open_with("lọc:", tv->filter.text, &ops, tv));
	case ACT_CANCEL: return filter_active(&tv->filter) ? cancel_filter(app, tv, NULL) : UI_NONE;
	case ACT_TASKS_ALL: set_mode(app, tv, M_ALL, NULL); return UI_VIEW;
	case ACT_TASKS_OVERDUE: set_mode(app, tv, M_OVERDUE, NULL); return UI_VIEW;
	case ACT_TASKS_DUE_SOON: set_mode(app, tv, M_SOON, NULL); return UI_VIEW;
	case ACT_TASKS_DUE_UNCLEAR: set_mode(app, tv, M_UNCLEAR, NULL); return UI_VIEW;
	case ACT_TASKS_BY_STATUS: return choose_status(app, tv);
	case ACT_TASKS_BY_UNIT: return choose_unit(app, tv);
	case ACT_DELETE: return ask_delete(app, tv);
	default: break;
	}
	if (list_move(&tv->list, a)) {
		if (tv->nosel)
			tv->list.cur = tv->list.top;
		tv->nosel = false;
		return UI_VIEW;
	}
	return act_on(app, tv, cur_id(tv), a);
}

static int tasks_go(struct app *app, void *st, const char *kind, int64_t id, int64_t plan_id)
{
	struct tasks_view *tv = st;
	filter_clear(&tv->filter);
	if (strcmp(kind, "task") == 0) {
		tv->mode = M_ALL;
		free(tv->what);
		tv->what = NULL;
		reload(app, tv, id, -1);
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

/* The task under the cursor, for its history. */
static bool tasks_record(struct app *app, void *st, const char **table, int64_t *id)
{
	*table = "task";
	*id = cur_id(st);
	return *id != 0;
}

const struct view_class view_tasks = {
	.name = "tasks",
	.title = "Nhiệm vụ",
	.hints = tasks_hints,
	.open = tasks_open,
	.close = tasks_close,
	.draw = tasks_draw,
	.handle = tasks_handle,
	.status = tasks_status,
	.go = tasks_go,
	.record = tasks_record,
};
