/* Tổng quan: the screen cchc opens on, what needs doing now. Tasks overdue
 * and due within N working days (setting ui.due_within) by unit (lead or
 * coordinating), with their first titles; tasks finished in this year's
 * report period without evidence;
 * late dossiers without an apology letter, oldest first; feedback overdue
 * and due within 5 working days; the next report with its data range, send
 * date and the working days left. Every figure is a count in SQL and every
 * list its first few rows (LIMIT). Enter on a line opens the screen that
 * shows it, on that record or filtered that way (app_goto). The figures are
 * read again on every return to the screen and after any change. */
#include <config.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "core/calendar.h"
#include "core/demo.h"
#include "core/dossier.h"
#include "core/evidence.h"
#include "core/feedback.h"
#include "core/period.h"
#include "core/report.h"
#include "core/settings.h"
#include "core/task.h"
#include "core/unit.h"
#include "store/backup.h"
#include "text/utf8.h"
#include "ui/app.h"
#include "ui/list.h"
#include "ui/wrap.h"

#define SHOW 3                /* records listed under a heading or a unit */
#define FEEDBACK_SOON 5       /* working days, as the feedback screen's list */

enum row_kind { R_BLANK, R_HEAD, R_GROUP, R_ITEM, R_MORE, R_INFO };

/* A line: a first column (a number, a code), a middle one (a date) and the
 * text; Enter goes to `go` (an app_goto kind) with id. */
struct hrow {
	enum row_kind kind;
	const char *go;
	int64_t id;
	char *key, *mid, *text;  /* sanitised */
	int keyw;
	enum elem key_el, mid_el;
};

struct home {
	struct hrow *v;
	int n, cap;
	struct list list;
	bool loaded;
	unsigned version;
};

static const enum action home_hints[] = {
	ACT_HELP, ACT_SELECT, ACT_MOVE_DOWN, ACT_VIEW_NEXT, ACT_QUIT, ACT_NONE
};

/* ---- rows ---- */

static struct hrow *add(struct home *h, enum row_kind k, const char *go, int64_t id,
			const char *text)
{
	if (h->n == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 64;
		h->v = xrealloc(h->v, (size_t)h->cap * sizeof *h->v);
	}
	struct hrow *r = &h->v[h->n++];
	*r = (struct hrow){ .kind = k, .go = go, .id = id, .key_el = EL_TEXT, .mid_el = EL_TEXT };
	r->key = xstrdup("");
	r->mid = xstrdup("");
	r->text = text_sanitize(text ? text : "");
	return r;
}

static struct hrow *addf(struct home *h, enum row_kind k, const char *go, int64_t id,
			 const char *fmt, ...) CCHC_PRINTF(5, 6);

static struct hrow *addf(struct home *h, enum row_kind k, const char *go, int64_t id,
			 const char *fmt, ...)
{
	struct sbuf b = SBUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	sbuf_vaddf(&b, fmt, ap);
	va_end(ap);
	struct hrow *r = add(h, k, go, id, b.s);
	sbuf_free(&b);
	return r;
}

/* A record's line: key (width keyw) in key_el, then mid in mid_el. */
static void set_cols(struct hrow *r, const char *key, int keyw, enum elem key_el,
		     const char *mid, enum elem mid_el)
{
	free(r->key);
	free(r->mid);
	r->key = text_sanitize(key);
	r->mid = text_sanitize(mid);
	r->keyw = keyw;
	r->key_el = key_el;
	r->mid_el = mid_el;
}

static void rows_clear(struct home *h)
{
	for (int i = 0; i < h->n; i++) {
		free(h->v[i].key);
		free(h->v[i].mid);
		free(h->v[i].text);
	}
	h->n = 0;
}

static void vn_date(const char *iso, char out[11])
{
	struct ymd d;
	out[0] = '\0';
	if (iso && date_parse_iso(iso, &d))
		date_format_vn(d, out);
}

static bool failed(struct app *app, int rc, const struct cchc_err *err)
{
	if (rc)
		app_message(app, true, "%s", err->msg);
	return rc != 0;
}

/* ---- tasks overdue and due soon, by unit ---- */

/* The unit's heading and first tasks from rows v[0..n) (all of the unit). */
static void unit_tasks(struct home *h, const struct unit_info *u, const struct task_due_row *v,
		       int n)
{
	int over = v[0].unit_overdue, soon = v[0].unit_soon;
	struct hrow *g = addf(h, R_GROUP, "tasks-unit", u->id, "%s: quá hạn %d, sắp đến hạn %d",
			      u->name, over, soon);
	set_cols(g, u->code, 8, EL_TEXT, "", EL_TEXT);
	for (int i = 0; i < n; i++) {
		char id[24], due[11];
		snprintf(id, sizeof id, "%lld", (long long)v[i].task_id);
		vn_date(v[i].due_on, due);
		struct hrow *r = add(h, R_ITEM, "task", v[i].task_id, v[i].title);
		set_cols(r, id, 6, EL_TEXT, due, v[i].overdue ? EL_TASK_OVERDUE : EL_TASK_DUE_SOON);
	}
	if (over + soon > n)
		addf(h, R_MORE, "tasks-unit", u->id, "… và %d nhiệm vụ khác của đơn vị",
		     over + soon - n);
}

/* The units' rows from v[0..nv) (grouped by unit), in the units' list
 * order. */
static void units_tasks(struct app *app, struct home *h, const struct task_due_row *v, int nv)
{
	struct unit_info *u = NULL;
	int n = 0;
	struct cchc_err err;
	if (failed(app, unit_list(app->db, &u, &n, &err), &err))
		return;
	for (int i = 0; i < n; i++) {
		int j = 0;
		while (j < nv && v[j].unit_id != u[i].id)
			j++;
		int k = j;
		while (k < nv && v[k].unit_id == u[i].id)
			k++;
		if (k > j)
			unit_tasks(h, &u[i], v + j, k - j);
	}
	unit_list_free(u, n);
}

/* The counts and the units' lists come from one call (the totals are
 * those of the units' counts, read once: counting the tasks overdue and
 * due soon again cost a tenth of the first screen at 100,000 tasks); one
 * grouped query for every unit (a query per unit cannot use an index for
 * "lead or coordinating" and took seconds at a province's ten years). */
static void tasks_block(struct app *app, struct home *h)
{
	int within = app_due_within(app);
	struct task_due_row *v = NULL;
	struct task_due_totals tot = { 0 };
	int nv = 0;
	struct cchc_err err;
	bool ok = !failed(app, task_due_by_unit(app->db, within, SHOW, &v, &nv, &tot, &err), &err);
	addf(h, R_HEAD, tot.overdue || !tot.soon ? "tasks-overdue" : "tasks-due-soon", 0,
	     "Nhiệm vụ quá hạn: %d · đến hạn trong %d ngày làm việc: %d", tot.overdue, within,
	     tot.soon);
	struct task_filter uf = { .status = -1, .due_within = -1, .due_unclear = true };
	struct cchc_err uerr;
	int unclear = 0;
	if (!failed(app, task_count(app->db, &uf, &unclear, &uerr), &uerr) && unclear)
		addf(h, R_HEAD, "tasks-due-unclear", 0, "Thời hạn chưa rõ: %d nhiệm vụ cần ghi lại "
		     "thời hạn (Enter để xem)", unclear);
	if (ok && (tot.overdue || tot.soon))
		units_tasks(app, h, v, nv);
	task_due_rows_free(v, nv);
}

/* ---- finished tasks without evidence ---- */

/* Those finished in this year's report period: the evidence the year's
 * report and self-assessment need (a province's ten years hold tens of
 * thousands of old ones, which the Thiếu tài liệu screen lists). */
static void missing_block(struct app *app, struct home *h)
{
	struct missing_row *v = NULL;
	int n = 0;
	int64_t total = 0;
	struct cchc_err err;
	struct ymd today;
	struct period p;
	char from[11], to[11], from_vn[11];
	if (failed(app, date_today(&today, &err), &err))
		return;
	period_containing(today, PERIOD_YEAR, settings_get_int(app->db, "period.cutoff_day", 15),
			  &p);
	period_iso(&p, from, to);
	date_format_vn(p.from, from_vn);
	if (failed(app, evidence_missing_tasks(app->db, from, SHOW, &v, &n, &total, &err), &err))
		return;
	addf(h, R_HEAD, "missing-task", 0,
	     "Nhiệm vụ hoàn thành từ %s chưa có tài liệu kiểm chứng: %lld", from_vn,
	     (long long)total);
	for (int i = 0; i < n; i++) {
		char id[24];
		snprintf(id, sizeof id, "%lld", (long long)v[i].id);
		struct hrow *r = add(h, R_ITEM, "missing-task", v[i].id, v[i].title);
		set_cols(r, id, 6, EL_EVIDENCE_MISSING, v[i].code, EL_TEXT);
	}
	if (total > n)
		addf(h, R_MORE, "missing-task", 0, "… và %lld nhiệm vụ khác", (long long)(total - n));
	missing_rows_free(v, n);
}

/* ---- late dossiers without an apology letter ---- */

static void dossiers_block(struct app *app, struct home *h)
{
	struct dossier_filter f = { .view = DV_LATE_NO_LETTER };
	struct dossier_info *v = NULL;
	int n = 0;
	int64_t total = 0;
	struct cchc_err err;
	if (failed(app, dossier_count(app->db, &f, &total, &err), &err))
		return;
	addf(h, R_HEAD, "dossiers-todo", 0, "Hồ sơ trễ hạn chưa có phiếu xin lỗi: %lld",
	     (long long)total);
	f.limit = SHOW;
	if (!total || failed(app, dossier_list(app->db, &f, &v, &n, &err), &err))
		return;
	for (int i = 0; i < n; i++) {
		char due[11];
		vn_date(v[i].due_on, due);
		struct hrow *r = addf(h, R_ITEM, "dossiers-todo", v[i].id, "trễ %d ngày · %s",
				      v[i].days_late, v[i].holder);
		set_cols(r, v[i].code, 26, EL_TEXT, due, EL_DOSSIER_LATE);
	}
	if (total > n)
		addf(h, R_MORE, "dossiers-todo", 0, "… và %lld hồ sơ khác", (long long)(total - n));
	dossier_list_free(v, n);
}

/* ---- feedback overdue and due soon ---- */

static int count_feedback(struct app *app, bool overdue)
{
	struct feedback_filter f = { .status = -1, .overdue = overdue,
				     .due_within = overdue ? -1 : FEEDBACK_SOON };
	struct cchc_err err;
	int n = 0;
	return failed(app, feedback_count(app->db, &f, &n, &err), &err) ? 0 : n;
}

static int add_feedback(struct app *app, struct home *h, bool overdue, int limit)
{
	struct feedback_filter f = { .status = -1, .overdue = overdue,
				     .due_within = overdue ? -1 : FEEDBACK_SOON, .limit = limit };
	const char *go = overdue ? "feedback-overdue" : "feedback-soon";
	struct feedback_info *v = NULL;
	int n = 0;
	struct cchc_err err;
	if (limit <= 0 || failed(app, feedback_list(app->db, &f, &v, &n, &err), &err))
		return 0;
	for (int i = 0; i < n; i++) {
		char id[24], due[11];
		snprintf(id, sizeof id, "%lld", (long long)v[i].id);
		vn_date(v[i].due_on, due);
		struct hrow *r = addf(h, R_ITEM, go, v[i].id, "%s: %s", v[i].sender, v[i].content);
		set_cols(r, id, 6, EL_TEXT, due, overdue ? EL_FEEDBACK_OVERDUE : EL_FEEDBACK_DUE_SOON);
	}
	feedback_list_free(v, n);
	return n;
}

static void feedback_block(struct app *app, struct home *h)
{
	int over = count_feedback(app, true), soon = count_feedback(app, false);
	const char *go = over || !soon ? "feedback-overdue" : "feedback-soon";
	addf(h, R_HEAD, go, 0, "Phản ánh, kiến nghị quá hạn: %d · đến hạn trong %d ngày làm việc: %d",
	     over, FEEDBACK_SOON, soon);
	int shown = add_feedback(app, h, true, SHOW);
	shown += add_feedback(app, h, false, SHOW - shown);
	if (over + soon > shown)
		addf(h, R_MORE, go, 0, "… và %d phản ánh, kiến nghị khác", over + soon - shown);
}

/* ---- the next report ---- */

static void report_block(struct app *app, struct home *h)
{
	struct ymd today, due;
	struct period p;
	struct cchc_err err;
	if (failed(app, date_today(&today, &err), &err))
		return;
	if (!report_next_due(app->db, today, &p, &due)) {
		add(h, R_HEAD, NULL, 0, "Báo cáo kỳ tới: chưa có hạn gửi (xem cchc report deadlines)");
		return;
	}
	char from[11], to[11], send[11];
	date_format_vn(p.from, from);
	date_format_vn(p.to, to);
	date_format_vn(due, send);
	struct calendar *c = calendar_new();
	int left = 0;
	if (calendar_between(c, today, due, &left, &err))
		left = -1;
	calendar_free(c);
	addf(h, R_HEAD, "report-next", 0, "Báo cáo kỳ tới: %s", p.label);
	addf(h, R_INFO, "report-next", 0, "Số liệu từ %s đến hết %s (ngày chốt số liệu)", from, to);
	if (left > 0)
		addf(h, R_INFO, "report-next", 0, "Hạn gửi %s: còn %d ngày làm việc", send, left);
	else
		addf(h, R_INFO, "report-next", 0, "Hạn gửi %s%s", send, left ? "" : ": hôm nay");
}

/* ---- demo data, said first so no one takes it for the real records ---- */

static void demo_block(struct app *app, struct home *h)
{
	if (!demo_present(app->db))
		return;
	add(h, R_HEAD, NULL, 0, "DỮ LIỆU MẪU: các nhiệm vụ, hồ sơ, phản ánh dưới đây là ví dụ");
	add(h, R_INFO, NULL, 0, "Dùng thật: tạo tệp mới bằng cchc init TỆP rồi mở cchc --db TỆP");
}

/* ---- a daily backup that failed (it runs behind the clerk's writes) ---- */

static void backup_block(struct app *app, struct home *h)
{
	char date[11], vn[11];
	char *why = NULL;
	if (!backup_daily_failure(app->db, date, &why))
		return;
	vn_date(date, vn);
	addf(h, R_HEAD, NULL, 0, "Lưu ý: sao lưu tự động ngày %s chưa làm được", vn);
	add(h, R_INFO, NULL, 0, why);
	add(h, R_INFO, NULL, 0, "Dữ liệu vẫn được lưu. Hãy xử lý nguyên nhân rồi chạy: cchc backup");
	free(why);
}

/* ---- what the background check found wrong (this session) ---- */

static void check_block(struct app *app, struct home *h)
{
	if (!app->check_failed)
		return;
	add(h, R_HEAD, NULL, 0, "LỖI: kiểm tra cơ sở dữ liệu không đạt");
	/* whole, wrapped to the screen: its last line is the restore command */
	const char *p = app->check_failed;
	while (*p) {
		size_t n = strcspn(p, "\n");
		char *l = xstrndup(p, n);
		struct wrap_line *w;
		int nw = wrap_text(l, COLS > 20 ? COLS - 6 : 14, COLS > 20 ? COLS - 6 : 14, &w);
		for (int i = 0; i < nw; i++) {
			char *part = xstrndup(l + w[i].off, w[i].len);
			add(h, R_INFO, NULL, 0, part);
			free(part);
		}
		free(w);
		free(l);
		p += n + (p[n] == '\n');
	}
}

/* ---- the screen ---- */

static void (*const blocks[])(struct app *app, struct home *h) = {
	check_block, demo_block, backup_block, tasks_block, missing_block, dossiers_block, feedback_block, report_block,
};

static void load(struct app *app, struct home *h)
{
	rows_clear(h);
	for (size_t i = 0; i < sizeof blocks / sizeof blocks[0]; i++) {
		if (h->n && h->v[h->n - 1].kind != R_BLANK)
			add(h, R_BLANK, NULL, 0, "");
		blocks[i](app, h);
	}
	h->list.n = h->n;
	h->loaded = true;
	h->version = app->data_version;
}

static void *home_open(struct app *app)
{
	return xcalloc(1, sizeof(struct home));
}

static void home_close(void *st)
{
	struct home *h = st;
	rows_clear(h);
	free(h->v);
	free(h);
}

static void draw_row(const struct home *h, int k, int y, int w)
{
	const struct hrow *r = &h->v[k];
	bool cur = k == h->list.cur;
	attr_t a = theme_attr(cur ? EL_CURSOR : EL_TEXT);
	draw_fill(y, 0, w, a);
	if (cur)
		draw_text(y, 0, 1, "›", a);
	int x = r->kind == R_HEAD ? 2 : r->kind == R_ITEM || r->kind == R_MORE ? 6 : 4;
	if (r->kind == R_ITEM || r->kind == R_GROUP) {
		draw_text_clip(y, x, r->keyw - 1, r->key, cur ? a : theme_attr(r->key_el) |
			       (r->kind == R_GROUP ? A_BOLD : 0));
		x += r->keyw;
	}
	if (r->kind == R_ITEM) {
		draw_text(y, x, 10, r->mid, cur ? a : theme_attr(r->mid_el));
		x += 11;
	}
	attr_t t = r->kind == R_HEAD && !cur ? theme_attr(EL_LIST_HEADER)
		 : r->kind == R_MORE ? a | A_DIM : a;
	if (x < w - 1)
		draw_text_clip(y, x, w - x - 1, r->text, t);
}

static void home_draw(struct app *app, void *st, struct rect r)
{
	struct home *h = st;
	if (!h->loaded || h->version != app->data_version)
		load(app, h);
	draw_fill_rect(r, theme_attr(EL_TEXT));
	struct ymd t;
	struct cchc_err err;
	char today[11] = "", title[96];
	if (date_today(&t, &err) == CCHC_OK)
		date_format_vn(t, today);
	snprintf(title, sizeof title, "Tổng quan: việc cần làm ngay · hôm nay %s", today);
	attr_t a = theme_attr(EL_TITLE);
	draw_fill(r.y, 0, r.w, a);
	draw_text_clip(r.y, 1, r.w - 2, title, a | A_BOLD);
	list_fit(&h->list, r.h - 1);
	for (int i = 0; i < h->list.height && h->list.top + i < h->n; i++)
		draw_row(h, h->list.top + i, r.y + 1 + i, r.w);
}

static bool is_blank(int k, const void *ctx)
{
	return ((const struct home *)ctx)->v[k].kind == R_BLANK;
}

static int home_handle(struct app *app, void *st, enum action a)
{
	struct home *h = st;
	if (a == ACT_SELECT) {
		const struct hrow *r = h->n ? &h->v[h->list.cur] : NULL;
		return r && r->go ? app_goto(app, r->go, r->id, 0) : UI_NONE;
	}
	return list_move_over(&h->list, a, is_blank, h) ? UI_VIEW : UI_NONE;
}

/* Back on the screen: the figures are read again. */
static void home_enter(struct app *app, void *st)
{
	((struct home *)st)->loaded = false;
}

const struct view_class view_home = {
	.name = "home",
	.title = "Tổng quan",
	.hints = home_hints,
	.open = home_open,
	.close = home_close,
	.draw = home_draw,
	.handle = home_handle,
	.enter = home_enter,
};
