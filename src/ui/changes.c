/* Undo, a record's history and the trash in the full-screen program, and
 * what it does with a database it cannot write: a banner under the tab bar,
 * and actions that would write refused with the core's message. The work
 * is store/history.h's; after an undo or a restore every screen reloads as
 * after its own saves (app->data_version). */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "store/history.h"
#include "text/date.h"
#include "text/utf8.h"
#include "ui/app.h"
#include "ui/choice.h"
#include "ui/panel.h"

/* "24/11/2026 10:22" for the history's "2026-11-24 10:22:31". */
static void when(const char *at, char out[24])
{
	char iso[11], day[11];
	struct ymd d;
	snprintf(iso, sizeof iso, "%.10s", at);
	if (strlen(at) >= 16 && date_parse_iso(iso, &d)) {
		date_format_vn(d, day);
		snprintf(out, 24, "%s %.5s", day, at + 11);
	} else
		snprintf(out, 24, "%.23s", at);
}

static int say(struct app *app, bool error, const char *msg)
{
	app_message(app, error, "%s", msg);
	return UI_STATUS;
}

/* ---- a yes/no question on the status line ---- */

struct confirm {
	struct modal m;
	char *question, *tail;
	confirm_fn yes;
	void *ctx;
	void (*free_ctx)(void *);
};

static int confirm_key(struct app *app, struct modal *m, int key)
{
	struct confirm *c = (struct confirm *)m;
	confirm_fn yes = key == 'c' || key == 'C' ? c->yes : NULL;
	void *ctx = c->ctx;
	void (*free_ctx)(void *) = c->free_ctx;
	c->free_ctx = NULL;
	int flags = app_modal_close(app);
	if (yes)
		flags |= yes(app, ctx);
	if (free_ctx)
		free_ctx(ctx);
	return flags;
}

static void confirm_draw(struct app *app, struct modal *m)
{
	struct confirm *c = (struct confirm *)m;
	int y = LINES - 1;
	attr_t a = theme_attr(EL_PROMPT) | A_BOLD;
	draw_fill(y, 0, COLS, theme_attr(EL_PROMPT));
	int x = 1 + draw_text_clip(y, 1, COLS - 2 - text_width(c->tail), c->question, a);
	draw_text(y, x, COLS - 1 - x, c->tail, a);
}

static void confirm_free(struct modal *m)
{
	struct confirm *c = (struct confirm *)m;
	if (c->free_ctx)
		c->free_ctx(c->ctx);
	free(c->question);
	free(c->tail);
	free(c);
}

struct modal *confirm_open(const char *question, const char *keep, confirm_fn yes, void *ctx,
			   void (*free_ctx)(void *))
{
	struct confirm *c = xcalloc(1, sizeof *c);
	c->m = (struct modal){ confirm_key, confirm_draw, confirm_free };
	c->question = text_sanitize(question);
	struct sbuf t = SBUF_INIT;
	sbuf_addf(&t, "%s? [c/K]", keep ? keep : "");
	c->tail = text_sanitize(t.s);
	sbuf_free(&t);
	c->yes = yes;
	c->ctx = ctx;
	c->free_ctx = free_ctx;
	return &c->m;
}

/* ---- undo (u) ---- */

/* c: undoes the action previewed (ctx: its id), unless another program
 * has written since. */
static int undo_confirmed(struct app *app, void *ctx)
{
	struct history_action last, done;
	bool found;
	struct cchc_err err = { 0 };
	if (history_last(app->db, &last, &found, &err))
		return say(app, true, err.msg);
	bool same = found && last.id == *(int64_t *)ctx;
	if (found)
		free(last.summary);
	if (!same)
		return say(app, true, "Lịch sử vừa đổi (một chương trình cchc khác đã ghi); bấm u để "
			   "xem lại thao tác sẽ hoàn tác");
	if (history_undo(app->db, &done, &err))
		return say(app, true, err.msg);
	app->data_version++;
	app_message(app, false, "Đã hoàn tác: %s", done.summary);
	free(done.summary);
	return UI_ALL;
}

static int undo_ask(struct app *app)
{
	struct history_action a;
	bool found;
	struct cchc_err err = { 0 };
	if (history_last(app->db, &a, &found, &err))
		return say(app, true, err.msg);
	if (!found)
		return say(app, true, "Không còn thao tác nào để hoàn tác");
	char at[24], keep[32];
	when(a.at, at);
	snprintf(keep, sizeof keep, " (%s)", at);
	struct sbuf q = SBUF_INIT;
	sbuf_addf(&q, "Hoàn tác: %s", a.summary);
	int64_t *id = xmalloc(sizeof *id);
	*id = a.id;
	free(a.summary);
	struct modal *m = confirm_open(q.s, keep, undo_confirmed, id, free);
	sbuf_free(&q);
	return app_modal_open(app, m);
}

/* ---- the history of the record under the cursor (H) ---- */

struct record_history {
	const char *table;       /* static, from the view */
	int64_t id;
	struct history_entry *e;
	int n;
};

static const char *op_word(const char *op)
{
	return op[0] == 'i' ? "thêm" : op[0] == 'u' ? "sửa" : "xóa";
}

/* The changed fields ("a: x → y; b: — → z"), one a line; the line breaks
 * of a value (a plan's text) become spaces. */
static void add_fields(struct tlines *l, const char *fields)
{
	char *flat = xstrdup(fields);
	for (char *p = flat; *p; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
	char *s = text_sanitize(flat);
	free(flat);
	for (char *p = s, *next; p && *p; p = next) {
		next = strstr(p, "; ");
		if (next) {
			*next = '\0';
			next += 2;
		}
		tl_wrapped(l, 2, NULL, EL_TEXT, p, EL_TEXT);
	}
	free(s);
}

/* "24/11/2026 10:22 sửa · van-thu" */
static void add_heading(struct tlines *l, const struct history_entry *e)
{
	char at[24];
	when(e->at, at);
	struct sbuf b = SBUF_INIT;
	sbuf_addf(&b, "%s · %s", op_word(e->op), e->user);
	char *head = text_sanitize(b.s);
	tl_blank(l);
	tl_wrapped(l, 0, at, EL_FORM_LABEL, head, EL_LIST_HEADER);
	free(head);
	sbuf_free(&b);
}

static void history_build(struct app *app, void *ctx, struct tlines *l)
{
	struct record_history *h = ctx;
	if (!h->n) {   /* e.g. a record from before the history was kept */
		struct sbuf b = SBUF_INIT;
		sbuf_addf(&b, "Chưa có thay đổi nào được ghi cho %s %lld.",
			  history_table_label(h->table), (long long)h->id);
		tl_wrapped(l, 0, NULL, EL_TEXT, b.s, EL_TEXT);
		sbuf_free(&b);
	}
	/* one heading per action: a save may write the row twice (the
	 * deadline's date worked out after the text) */
	for (int i = 0, last = -1; i < h->n; i++) {
		const struct history_entry *e = &h->e[i];
		if (!*e->fields)
			continue;    /* only the time of the last change moved */
		if (last < 0 || h->e[last].action_id != e->action_id)
			add_heading(l, e);
		last = i;
		add_fields(l, e->fields);
	}
}

static int history_key(struct app *app, void *ctx, enum action a)
{
	return a == ACT_HISTORY ? app_modal_close(app) : -1;
}

static void history_free(void *ctx)
{
	struct record_history *h = ctx;
	history_entries_free(h->e, h->n);
	free(h);
}

static int history_show(struct app *app)
{
	const struct view_class *v = app->views[app->cur];
	struct record_history *h = xcalloc(1, sizeof *h);
	if (!v->record || !v->record(app, app->state[app->cur], &h->table, &h->id)) {
		free(h);
		return say(app, true, "Không có bản ghi để xem lịch sử");
	}
	struct cchc_err err = { 0 };
	if (history_of(app->db, h->table, h->id, &h->e, &h->n, &err)) {
		free(h);
		return say(app, true, err.msg);
	}
	static const struct panel_ops ops = { history_build, history_key, history_free };
	char title[96];
	snprintf(title, sizeof title, "Lịch sử %s số %lld", history_table_label(h->table),
		 (long long)h->id);
	return app_modal_open(app, panel_open(app_scope(app), title, "↑↓ cuộn  Esc: đóng", &ops, h));
}

/* ---- the trash (R) ---- */

/* "kế hoạch 3 «…»" for the trash's "xóa kế hoạch 3 «…»". */
static const char *deleted_name(const char *summary)
{
	return strncmp(summary, "xóa ", strlen("xóa ")) == 0 ? summary + strlen("xóa ") : summary;
}

struct restore {
	int64_t action_id;
	char *what;
};

static void restore_free(void *ctx)
{
	struct restore *r = ctx;
	free(r->what);
	free(r);
}

static int restore_confirmed(struct app *app, void *ctx)
{
	struct restore *r = ctx;
	struct cchc_err err = { 0 };
	if (trash_restore(app->db, r->action_id, &err))
		return say(app, true, err.msg);
	app->data_version++;
	app_message(app, false, "Đã khôi phục %s", r->what);
	return UI_ALL;
}

/* Enter on an item: what its action deleted, then the question. */
static int trash_chosen(struct app *app, void *ctx, int64_t action_id, const char *value)
{
	struct trash_item *t;
	int n, same = 0;
	struct cchc_err err = { 0 };
	if (trash_list(app->db, &t, &n, &err))
		return say(app, true, err.msg);
	struct restore *r = xcalloc(1, sizeof *r);
	r->action_id = action_id;
	struct sbuf what = SBUF_INIT;
	for (int i = 0; i < n; i++)
		if (t[i].action_id == action_id && !same++)
			sbuf_add(&what, deleted_name(t[i].summary));
	if (same > 1)
		sbuf_addf(&what, " và %d bản ghi khác xóa cùng lúc", same - 1);
	trash_list_free(t, n);
	r->what = sbuf_detach(&what);
	struct sbuf q = SBUF_INIT, keep = SBUF_INIT;
	sbuf_addf(&q, "Khôi phục %s", r->what);
	sbuf_addf(&keep, " (đã xóa %s)", value);
	struct modal *m = confirm_open(q.s, keep.s, restore_confirmed, r, restore_free);
	sbuf_free(&q);
	sbuf_free(&keep);
	return app_modal_open(app, m);
}

static int trash_show(struct app *app)
{
	struct trash_item *t;
	int n;
	struct cchc_err err = { 0 };
	if (trash_list(app->db, &t, &n, &err))
		return say(app, true, err.msg);
	if (!n)
		return say(app, false, "Thùng rác trống: không có bản ghi nào đã xóa.");
	struct choice_item *v = xcalloc((size_t)n, sizeof *v);
	char (*at)[24] = xcalloc((size_t)n, sizeof *at);
	for (int i = 0; i < n; i++) {
		when(t[i].at, at[i]);
		v[i] = (struct choice_item){ t[i].action_id, at[i], deleted_name(t[i].summary) };
	}
	struct modal *m = choice_open("Thùng rác: Enter để khôi phục", v, n, trash_chosen, NULL);
	free(at);
	free(v);
	trash_list_free(t, n);
	return app_modal_open(app, m);
}

/* ---- the read-only database ---- */

/* Actions that write (each screen's add, edit, done, step...). */
static const enum action writes[] = {
	ACT_UNDO, ACT_TASK_ADD, ACT_TASK_EDIT, ACT_TASK_DONE, ACT_TASK_NOTE, ACT_SECTION_MAP,
	ACT_ACCEPT, ACT_EVIDENCE_ADD, ACT_EVIDENCE_EDIT, ACT_INDEX_ADD, ACT_DOSSIER_ADD,
	ACT_DOSSIER_EDIT, ACT_DOSSIER_IMPORT, ACT_LETTER_WRITE, ACT_LETTER_EDIT, ACT_FEEDBACK_ADD,
	ACT_FEEDBACK_EDIT, ACT_FEEDBACK_STEP, ACT_REPORT_NOTES, ACT_PLAN_IMPORT, ACT_PLAN_EDIT,
	ACT_SECTION_EDIT, ACT_SECTION_UP, ACT_SECTION_DOWN, ACT_SECTION_JOIN,
	ACT_SECTION_UNDER, ACT_EXCHANGE_IMPORT, ACT_EXCHANGE_EXPORT, ACT_NONE
};

bool changes_refused(struct app *app, enum action a)
{
	if (!app->db->readonly || a == ACT_NONE)
		return false;
	for (const enum action *w = writes; *w != ACT_NONE; w++)
		if (*w == a) {
			struct cchc_err err = { 0 };
			db_fail(app->db, SQLITE_READONLY, "lưu thay đổi", &err);
			app_message(app, true, "%s", err.msg);
			return true;
		}
	return false;
}

void changes_draw_banner(struct app *app, int y)
{
	attr_t a = theme_attr(EL_READONLY);
	draw_fill(y, 0, COLS, a);
	draw_text_clip(y, 1, COLS - 2, "Chỉ xem: không ghi được vào cơ sở dữ liệu (tệp hoặc thư "
		       "mục chỉ đọc).", a);
}

int changes_action(struct app *app, enum action a)
{
	switch (a) {
	case ACT_UNDO: return undo_ask(app);
	case ACT_HISTORY: return history_show(app);
	case ACT_TRASH: return trash_show(app);
	default: return -1;
	}
}
