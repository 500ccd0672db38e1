/* Đề xuất: tasks proposed from the current plan (core/suggest.h): each
 * with its section, title, lead unit (or "nhóm: ..." for a group of units,
 * "đơn vị mới: ..." for a unit named like one but not in the list,
 * "chưa khớp: ..." for other words), coordinating units and deadline. The
 * clerk accepts one (suggest_accept: one task, or one per unit of a group;
 * the new units it names are added to the list), edits it first (the task
 * form, prefilled) or rejects it (hidden until the screen is reloaded).
 * Accepted proposals, and those already made into a task of the same
 * section and title, show as done. */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "core/plan.h"
#include "core/suggest.h"
#include "core/task.h"
#include "text/utf8.h"
#include "ui/app.h"
#include "ui/list.h"
#include "ui/task_form.h"
#include "util/sbuf.h"

struct srow {
	char *label, *title, *lead, *co, *due;   /* sanitised for drawing */
	bool matched;
	const char *mark;                        /* what an unmatched lead is */
	int64_t task_id;                         /* made into this task, or 0 */
	bool rejected;
};

struct suggest_view {
	int64_t plan_id;
	char *plan_name;
	struct suggestion *s;
	struct srow *rows;
	int n;
	int *shown;
	struct list list;        /* over shown; two rows each */
	bool loaded;
	int editing;             /* row being edited in the form */
	unsigned version;        /* app->data_version the rows were checked at */
};

static const enum action suggest_hints[] = {
	ACT_HELP, ACT_ACCEPT, ACT_TASK_EDIT, ACT_REJECT, ACT_MOVE_DOWN, ACT_VIEW_NEXT, ACT_QUIT,
	ACT_NONE
};

static void unload(struct suggest_view *sv)
{
	for (int i = 0; i < sv->n; i++) {
		struct srow *r = &sv->rows[i];
		free(r->label), free(r->title), free(r->lead), free(r->co), free(r->due);
	}
	suggestions_free(sv->s, sv->n);
	free(sv->rows);
	free(sv->shown);
	free(sv->plan_name);
	sv->s = NULL, sv->rows = NULL, sv->shown = NULL, sv->plan_name = NULL;
	sv->n = 0;
	sv->list = (struct list){ 0 };
}

static void reshow(struct suggest_view *sv)
{
	int cur = sv->list.n ? sv->shown[sv->list.cur] : 0, at = 0;
	sv->list.n = 0;
	for (int i = 0; i < sv->n; i++)
		if (!sv->rows[i].rejected) {
			if (i <= cur)
				at = sv->list.n;
			sv->shown[sv->list.n++] = i;
		}
	list_set(&sv->list, at);
}

/* The task already made from s (same section, same title; the first one
 * when there are several), or 0. */
static int64_t existing_task(struct app *app, const struct suggestion *s)
{
	char *want = text_squeeze(s->title);
	int64_t id = task_id_in_section(app->db, s->section_id, want);
	free(want);
	return id;
}

static void fill_row(struct app *app, struct srow *r, const struct suggestion *s,
		     const struct section_info *sec, int nsec)
{
	r->label = xstrdup("");
	for (int k = 0; k < nsec; k++)
		if (sec[k].id == s->section_id) {
			free(r->label);
			r->label = text_sanitize(sec[k].label);
		}
	r->title = text_sanitize(s->title);
	r->matched = *s->lead_code != '\0';
	r->mark = *s->group ? "nhóm" : *s->lead_new ? "đơn vị mới" : "chưa khớp";
	r->lead = text_sanitize(r->matched ? s->lead_code : s->lead_text);
	struct sbuf co = SBUF_INIT;
	sbuf_addf(&co, "%s", *s->co_codes || *s->co_new ? s->co_codes : s->co_text);
	if (*s->co_new)
		sbuf_addf(&co, "%s(đơn vị mới: %s)", *s->co_codes ? " " : "", s->co_new);
	r->co = text_sanitize(co.s ? co.s : "");
	sbuf_free(&co);
	r->due = text_sanitize(s->due_text);
	r->task_id = existing_task(app, s);
}

static bool task_still_there(struct app *app, int64_t id)
{
	struct task_info t;
	struct cchc_err err;
	if (task_get(app->db, id, &t, &err) != CCHC_OK)
		return false;
	task_info_free(&t);
	return true;
}

/* After a write (a task undone, deleted, restored): which proposals are
 * made into a task now. A task made from an edited proposal keeps its
 * mark while it exists, though its title is no longer the proposal's. */
static void recheck(struct app *app, struct suggest_view *sv)
{
	sv->version = app->data_version;
	for (int i = 0; i < sv->n; i++) {
		struct srow *r = &sv->rows[i];
		if (!r->task_id || !task_still_there(app, r->task_id))
			r->task_id = existing_task(app, &sv->s[i]);
	}
}

static void load(struct app *app, struct suggest_view *sv)
{
	unload(sv);
	sv->loaded = true;
	sv->version = app->data_version;
	sv->plan_id = app_plan_id(app);
	struct plan_info p;
	struct cchc_err err;
	if (!sv->plan_id || plan_get(app->db, sv->plan_id, &p, &err) != CCHC_OK)
		return;
	sv->plan_name = text_sanitize(p.doc_no && *p.doc_no ? p.doc_no : "chưa có số");
	plan_info_free(&p);
	if (suggest_tasks(app->db, sv->plan_id, &sv->s, &sv->n, &err) != CCHC_OK) {
		app_message(app, true, "%s", err.msg);
		sv->n = 0;
	}
	struct section_info *sec = NULL;
	int nsec = 0;
	if (section_list(app->db, sv->plan_id, &sec, &nsec, &err) != CCHC_OK)
		nsec = 0;
	sv->rows = xcalloc((size_t)sv->n + 1, sizeof *sv->rows);
	sv->shown = xcalloc((size_t)sv->n + 1, sizeof *sv->shown);
	for (int i = 0; i < sv->n; i++)
		fill_row(app, &sv->rows[i], &sv->s[i], sec, nsec);
	section_list_free(sec, nsec);
	reshow(sv);
}

static void *suggest_open(struct app *app)
{
	return xcalloc(1, sizeof(struct suggest_view));
}

static void suggest_close(void *st)
{
	unload(st);
	free(st);
}

/* ---- drawing ---- */

static void draw_item(struct suggest_view *sv, int k, int y, int w)
{
	const struct srow *r = &sv->rows[sv->shown[k]];
	bool cur = k == sv->list.cur, done = r->task_id != 0;
	attr_t a = theme_attr(cur ? EL_CURSOR : done ? EL_TASK_DONE : EL_TEXT);
	draw_fill(y, 0, w, a);
	draw_fill(y + 1, 0, w, a);
	if (cur)
		draw_text(y, 0, 1, "›", a);
	int x = 2 + draw_text(y, 2, 10, r->label, cur || done ? a : theme_attr(EL_SECTION_LABEL)) + 1;
	draw_text_clip(y, x, w - x - 1, r->title, a | (done ? 0 : A_BOLD));
	x = 4;
	if (done) {
		char msg[64];
		snprintf(msg, sizeof msg, "✓ đã tạo nhiệm vụ số %lld", (long long)r->task_id);
		draw_text_clip(y + 1, x, w - x - 1, msg, a);
		return;
	}
	x += draw_text(y + 1, x, w - x, "Chủ trì: ", a);
	if (r->matched)
		x += draw_text(y + 1, x, w - x, r->lead, a | A_BOLD);
	else {
		struct sbuf b = SBUF_INIT;
		sbuf_addf(&b, "%s: %s", r->mark, *r->lead ? r->lead : "(không ghi)");
		x += draw_text_clip(y + 1, x, (w - x) / 2, b.s, cur ? a : theme_attr(EL_SUGGEST_UNMATCHED));
		sbuf_free(&b);
	}
	struct sbuf rest = SBUF_INIT;
	sbuf_addf(&rest, "  Phối hợp: %s  Hạn: %s", *r->co ? r->co : "-", *r->due ? r->due : "-");
	draw_text_clip(y + 1, x, w - x - 1, rest.s, a);
	sbuf_free(&rest);
}

static void suggest_draw(struct app *app, void *st, struct rect r)
{
	struct suggest_view *sv = st;
	if (!sv->loaded || sv->plan_id != app_plan_id(app))
		load(app, sv);
	else if (sv->version != app->data_version)
		recheck(app, sv);
	draw_fill_rect(r, theme_attr(EL_TEXT));
	int made = 0;
	for (int i = 0; i < sv->n; i++)
		made += sv->rows[i].task_id != 0;
	char title[160];
	snprintf(title, sizeof title, "Đề xuất nhiệm vụ từ kế hoạch %s: %d đề xuất, %d đã tạo",
		 sv->plan_name ? sv->plan_name : "", sv->n, made);
	attr_t a = theme_attr(EL_TITLE);
	draw_fill(r.y, 0, r.w, a);
	draw_text_clip(r.y, 1, r.w - 2, title, a | A_BOLD);
	list_fit(&sv->list, (r.h - 1) / 2);
	for (int i = 0; i < sv->list.height && sv->list.top + i < sv->list.n; i++)
		draw_item(sv, sv->list.top + i, r.y + 1 + 2 * i, r.w);
	if (!sv->list.n)
		draw_text_clip(r.y + 2, 2, r.w - 4, !sv->plan_id ? "Chưa có kế hoạch nào."
			       : sv->n ? "Đã bỏ qua mọi đề xuất."
			       : "Kế hoạch này không có đề mục \"Cơ quan chủ trì\" hay bảng phụ lục "
				 "nhiệm vụ để đề xuất.", theme_attr(EL_TEXT));
}

/* ---- actions ---- */

/* Makes the proposal into its task(s) as one action; the units it names
 * that are not in the list are added (the mark said so). */
static int accept(struct app *app, struct suggest_view *sv, int i)
{
	const struct suggestion *s = &sv->s[i];
	struct cchc_err err = { 0 };
	struct sbuf notes = SBUF_INIT;
	int64_t *ids = NULL;
	int nids = 0;
	int rc = db_begin(app->db, &err);
	if (!rc && (rc = suggest_accept(app->db, s, true, &ids, &nids, &notes, &err)))
		db_rollback(app->db);
	else if (!rc)
		rc = db_commit(app->db, &err);
	if (rc) {
		sbuf_free(&notes);
		app_message(app, true, "Chưa tạo được: %s (e để sửa rồi lưu)", err.msg);
		return UI_STATUS;
	}
	app->data_version++;
	if (nids)
		sv->rows[i].task_id = ids[0];
	size_t nl = notes.s ? strcspn(notes.s, "\n") : 0;
	if (nids > 1)
		app_message(app, false, "Đã tạo %d nhiệm vụ, mỗi đơn vị của nhóm một nhiệm vụ (số %lld–%lld)%s%.*s",
			    nids, (long long)ids[0], (long long)ids[nids - 1], nl ? "; " : "", (int)nl,
			    notes.s ? notes.s : "");
	else if (nids)
		app_message(app, false, "Đã tạo nhiệm vụ số %lld%s%s%.*s", (long long)ids[0],
			    *s->lead_code || *s->lead_new || *s->group ? "" : " (chưa có đơn vị chủ trì)",
			    nl ? "; " : "", (int)nl, notes.s ? notes.s : "");
	else
		app_message(app, false, "Mọi đơn vị của nhóm đã có nhiệm vụ này");
	free(ids);
	sbuf_free(&notes);
	return UI_VIEW;
}

static int edited(struct app *app, void *ctx, int64_t id)
{
	struct suggest_view *sv = ctx;
	if (sv->editing >= 0 && sv->editing < sv->n)
		sv->rows[sv->editing].task_id = id;
	return UI_VIEW;
}

static int edit(struct app *app, struct suggest_view *sv, int i)
{
	const struct suggestion *s = &sv->s[i];
	struct task_form_init in = { .plan_id = sv->plan_id, .section_id = s->section_id,
				     .title = s->title, .lead = s->lead_code, .co = s->co_codes,
				     .due = s->due_text, .product = s->product, .status = -1 };
	sv->editing = i;
	return app_modal_open(app, task_form_open(app, &in, edited, sv));
}

static int suggest_handle(struct app *app, void *st, enum action a)
{
	struct suggest_view *sv = st;
	if (list_move(&sv->list, a))
		return UI_VIEW;
	if (!sv->list.n)
		return UI_NONE;
	int i = sv->shown[sv->list.cur];
	if (sv->rows[i].task_id && (a == ACT_ACCEPT || a == ACT_TASK_EDIT || a == ACT_SELECT))
		return app_goto(app, "task", sv->rows[i].task_id, sv->plan_id);
	switch (a) {
	case ACT_ACCEPT: return accept(app, sv, i);
	case ACT_TASK_EDIT: case ACT_SELECT: return edit(app, sv, i);
	case ACT_REJECT:
		sv->rows[i].rejected = true;
		reshow(sv);
		return UI_VIEW;
	default: return UI_NONE;
	}
}

static int suggest_go(struct app *app, void *st, const char *kind, int64_t id, int64_t plan_id)
{
	struct suggest_view *sv = st;
	if (strcmp(kind, "suggestions") != 0)
		return -1;
	load(app, sv);
	return UI_ALL;
}

const struct view_class view_suggest = {
	.name = "suggest",
	.title = "Đề xuất",
	.hints = suggest_hints,
	.open = suggest_open,
	.close = suggest_close,
	.draw = suggest_draw,
	.handle = suggest_handle,
	.go = suggest_go,
};
