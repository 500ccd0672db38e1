/* Còn thiếu: what still lacks evidence: finished tasks without any record,
 * grouped under their lead unit's code (units in the Vietnamese order of
 * their names, through their rank), then scored criteria without any. Enter
 * on a task opens it on the tasks screen.
 *
 * The screen is a window (kwin) onto its rows, read by key both ways: the
 * headings, the unit lines, the blank line and the criteria are made here
 * around the pages of tasks that evidence_missing_page reads, so entering
 * the screen and End read a page, not the tens of thousands of tasks. */
#include <config.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "core/evidence.h"
#include "text/utf8.h"
#include "ui/app.h"
#include "ui/kwin.h"
#include "ui/list.h"

/* The parts of the screen, in order; a row's key is (part, rank, unit,
 * task) for the tasks and their unit lines, (part, index) for criteria. */
enum part { P_HEAD, P_TASKS, P_BLANK, P_CRIT_HEAD, P_CRIT };
enum row_kind { R_BLANK, R_HEAD, R_UNIT, R_TASK, R_CRIT };

struct mrow {
	int64_t id;              /* the task's number; negative for the other rows */
	enum row_kind kind;
	enum part part;
	int64_t rank, unit, task;   /* R_TASK, R_UNIT (task 0); R_CRIT: task is its index */
	int year;
	char *code, *text;
};

struct missing_view {
	struct kwin kw;
	int64_t ntasks, ngroups;
	struct missing_row *crit;   /* the scored criteria without evidence (few) */
	int ncrit;
	bool placed;                /* the cursor put on the first task or criterion */
	int dir;                    /* of the last move: 1 down, -1 up */
};

static const enum action missing_hints[] = {
	ACT_HELP, ACT_SELECT, ACT_MOVE_DOWN, ACT_VIEW_NEXT, ACT_QUIT, ACT_NONE
};

/* ---- the rows ---- */

/* Negative numbers for the rows that are no task: one per place. */
#define ID_HEAD (-1)
#define ID_NO_TASK (-2)
#define ID_BLANK (-3)
#define ID_CRIT_HEAD (-4)
#define ID_NO_CRIT (-5)
#define ID_UNIT(u) (-16 - (u))
#define ID_CRIT(i) (INT64_MIN / 2 + (i))

struct out {
	struct mrow *v;
	int n, limit;
};

static bool full(const struct out *o)
{
	return o->n >= o->limit;
}

static void emit(struct out *o, struct mrow r, const char *code, const char *text)
{
	if (full(o))
		return;
	if (!o->v)
		o->v = xcalloc((size_t)o->limit, sizeof *o->v);
	r.code = xstrdup(code ? code : "");
	r.text = xstrdup(text ? text : "");
	o->v[o->n++] = r;
}

static void emit_line(struct out *o, int64_t id, enum row_kind k, enum part p, const char *text)
{
	emit(o, (struct mrow){ .id = id, .kind = k, .part = p }, NULL, text);
}

static void emit_head(struct missing_view *mv, struct out *o, bool tasks)
{
	char head[160];
	if (tasks)
		snprintf(head, sizeof head, "Nhiệm vụ đã hoàn thành chưa có tài liệu kiểm chứng "
			 "(%lld)", (long long)mv->ntasks);
	else
		snprintf(head, sizeof head, "Tiêu chí đã chấm điểm chưa có tài liệu kiểm chứng (%d)",
			 mv->ncrit);
	emit_line(o, tasks ? ID_HEAD : ID_CRIT_HEAD, R_HEAD, tasks ? P_HEAD : P_CRIT_HEAD, head);
}

static void emit_unit(struct out *o, const struct missing_row *t)
{
	emit(o, (struct mrow){ .id = ID_UNIT(t->unit_id), .kind = R_UNIT, .part = P_TASKS,
			       .rank = t->unit_rank, .unit = t->unit_id },
	     NULL, *t->code ? t->code : "(chưa giao đơn vị)");
}

static void emit_task(struct out *o, const struct missing_row *t)
{
	emit(o, (struct mrow){ .id = t->id, .kind = R_TASK, .part = P_TASKS, .rank = t->unit_rank,
			       .unit = t->unit_id, .task = t->id },
	     t->code, t->title);
}

static void emit_crit(struct missing_view *mv, struct out *o, int i)
{
	const struct missing_row *c = &mv->crit[i];
	emit(o, (struct mrow){ .id = ID_CRIT(i), .kind = R_CRIT, .part = P_CRIT, .task = i,
			       .year = c->year },
	     c->code, c->title);
}

static bool same_unit(const struct missing_row *t, int64_t rank, int64_t unit)
{
	return t->unit_rank == rank && t->unit_id == unit;
}

/* The tasks after key k (a task or unit line; NULL: from the first), each
 * after its unit's line when it starts a unit; false on error. */
static int tasks_after(struct app *app, const struct mrow *k, struct out *o, bool *done,
		       struct cchc_err *err)
{
	struct missing_key key = { k ? k->rank : 0, k ? k->unit : 0, k ? k->task : 0 };
	struct missing_row *t;
	int n, want = o->limit - o->n;
	if (evidence_missing_page(app->db, k ? &key : NULL, false, want, &t, &n, err))
		return err->code;
	for (int i = 0; i < n && !full(o); i++) {
		bool first = i ? !same_unit(&t[i], t[i - 1].unit_rank, t[i - 1].unit_id)
			       : !k || !same_unit(&t[i], k->rank, k->unit);
		if (first)
			emit_unit(o, &t[i]);
		emit_task(o, &t[i]);
	}
	*done = n < want;
	missing_rows_free(t, n);
	return CCHC_OK;
}

/* The same backwards (rows in descending order): a unit's line goes out
 * after (above) its first task. */
static int tasks_before(struct app *app, const struct mrow *k, struct out *o, bool *done,
			struct cchc_err *err)
{
	struct missing_key key = { k ? k->rank : 0, k ? k->unit : 0, k ? k->task : 0 };
	struct missing_row *t;
	int n, want = o->limit - o->n;
	if (evidence_missing_page(app->db, k ? &key : NULL, true, want, &t, &n, err))
		return err->code;
	/* the unit whose line is still to go out: the key's when it is a task */
	const struct missing_row *pending = NULL;
	struct missing_row kt = { .unit_rank = k ? k->rank : 0, .unit_id = k ? k->unit : 0,
				  .code = k ? k->code : NULL };
	if (k && k->kind == R_TASK)
		pending = &kt;
	for (int i = 0; i < n && !full(o); i++) {
		if (pending && !same_unit(&t[i], pending->unit_rank, pending->unit_id))
			emit_unit(o, pending);
		emit_task(o, &t[i]);
		pending = &t[i];
	}
	*done = n < want && !full(o);
	if (*done && pending)
		emit_unit(o, pending);
	missing_rows_free(t, n);
	return CCHC_OK;
}

static int fetch_forward(struct app *app, struct missing_view *mv, const struct mrow *k,
			 struct out *o, struct cchc_err *err)
{
	int part = k ? (int)k->part : -1;
	if (part < P_HEAD)
		emit_head(mv, o, true);
	if (part <= P_TASKS) {
		bool done = true;
		if (!mv->ntasks && part < P_TASKS)
			emit_line(o, ID_NO_TASK, R_BLANK, P_TASKS, "  (không có)");
		else if (mv->ntasks && !full(o) &&
			 tasks_after(app, part == P_TASKS ? k : NULL, o, &done, err))
			return err->code;
		if (!done)
			return CCHC_OK;
	}
	if (part < P_BLANK)
		emit_line(o, ID_BLANK, R_BLANK, P_BLANK, "");
	if (part < P_CRIT_HEAD)
		emit_head(mv, o, false);
	if (!mv->ncrit && part < P_CRIT)
		emit_line(o, ID_NO_CRIT, R_BLANK, P_CRIT, "  (không có)");
	for (int i = part == P_CRIT ? (int)k->task + 1 : 0; i < mv->ncrit && !full(o); i++)
		emit_crit(mv, o, i);
	return CCHC_OK;
}

static int fetch_back(struct app *app, struct missing_view *mv, const struct mrow *k,
		      struct out *o, struct cchc_err *err)
{
	int part = k ? (int)k->part : P_CRIT + 1;
	if (!mv->ncrit && part > P_CRIT)
		emit_line(o, ID_NO_CRIT, R_BLANK, P_CRIT, "  (không có)");
	for (int i = part == P_CRIT ? (int)k->task - 1 : part > P_CRIT ? mv->ncrit - 1 : -1;
	     i >= 0 && !full(o); i--)
		emit_crit(mv, o, i);
	if (part > P_CRIT_HEAD)
		emit_head(mv, o, false);
	if (part > P_BLANK)
		emit_line(o, ID_BLANK, R_BLANK, P_BLANK, "");
	if (part >= P_TASKS && !full(o)) {
		bool done = true;
		if (!mv->ntasks && part > P_TASKS)
			emit_line(o, ID_NO_TASK, R_BLANK, P_TASKS, "  (không có)");
		else if (mv->ntasks && tasks_before(app, part == P_TASKS ? k : NULL, o, &done, err))
			return err->code;
		if (!done)
			return CCHC_OK;
	}
	if (part > P_HEAD)
		emit_head(mv, o, true);
	return CCHC_OK;
}

static int missing_fetch(struct app *app, void *ctx, const void *key, bool back, int limit,
			 void **rows, int *n, struct cchc_err *err)
{
	struct out o = { NULL, 0, limit };
	int rc = back ? fetch_back(app, ctx, key, &o, err) : fetch_forward(app, ctx, key, &o, err);
	if (back)   /* read last to first: the window wants them in the list's order */
		for (int i = 0, j = o.n - 1; i < j; i++, j--) {
			struct mrow t = o.v[i];
			o.v[i] = o.v[j];
			o.v[j] = t;
		}
	*rows = o.v;
	*n = o.n;
	if (rc) {
		for (int i = 0; i < o.n; i++)
			free(o.v[i].code), free(o.v[i].text);
		free(o.v);
		*rows = NULL;
		*n = 0;
	}
	return rc;
}

/* Counted once per change of the data: the tasks and their groups (one
 * query over the index of finished tasks), and the criteria, read whole. */
static int missing_count(struct app *app, void *ctx, bool filtered, int64_t *n,
			 struct cchc_err *err)
{
	struct missing_view *mv = ctx;
	missing_rows_free(mv->crit, mv->ncrit);
	mv->crit = NULL;
	mv->ncrit = 0;
	if (evidence_missing_count(app->db, &mv->ntasks, &mv->ngroups, err) ||
	    evidence_missing_criteria(app->db, &mv->crit, &mv->ncrit, err))
		return err->code;
	*n = 1 + (mv->ntasks ? mv->ntasks + mv->ngroups : 1) + 2 + (mv->ncrit ? mv->ncrit : 1);
	return CCHC_OK;
}

/* A task's row and place (the home screen's lines): the window then reads
 * around it. */
static int missing_locate(struct app *app, void *ctx, int64_t id, void **row, int64_t *pos,
			  struct cchc_err *err)
{
	struct missing_row t;
	*row = NULL;
	if (id <= 0 || evidence_missing_locate(app->db, id, &t, pos, err))
		return id <= 0 ? CCHC_OK : err->code;
	if (t.id) {
		struct out o = { NULL, 0, 1 };
		emit_task(&o, &t);
		*row = o.v;
	}
	free(t.code), free(t.title);
	return CCHC_OK;
}

static const size_t mrow_texts[] = { offsetof(struct mrow, code), offsetof(struct mrow, text) };

static const struct kwin_ops missing_ops = {
	.size = sizeof(struct mrow), .id = offsetof(struct mrow, id), .texts = mrow_texts,
	.ntexts = 2, .fetch = missing_fetch, .count = missing_count, .both_ways = true,
	.locate = missing_locate,
};

/* ---- the view ---- */

static void *missing_open(struct app *app)
{
	struct missing_view *mv = xcalloc(1, sizeof *mv);
	kwin_init(&mv->kw, &missing_ops, mv);
	return mv;
}

static void missing_close(void *st)
{
	struct missing_view *mv = st;
	kwin_free(&mv->kw);
	missing_rows_free(mv->crit, mv->ncrit);
	free(mv);
}

static bool is_blank(int k, const void *ctx)
{
	const struct mrow *r = kwin_row(ctx, k);
	return r && r->kind == R_BLANK;
}

static void draw_row(struct missing_view *mv, int k, int y, int w)
{
	const struct mrow *r = kwin_row(&mv->kw, k);
	if (!r)
		return;
	bool cur = kwin_is_cur(&mv->kw, k);
	attr_t a = theme_attr(cur ? EL_CURSOR : EL_TEXT);
	draw_fill(y, 0, w, a);
	if (cur)
		draw_text(y, 0, 1, "›", a);
	char id[24];
	switch (r->kind) {
	case R_HEAD: draw_text_clip(y, 2, w - 3, r->text, cur ? a : theme_attr(EL_LIST_HEADER)); break;
	case R_UNIT: draw_text_clip(y, 4, w - 5, r->text, a | A_BOLD); break;
	case R_BLANK: draw_text(y, 2, w - 3, r->text, a); break;
	case R_TASK:
		snprintf(id, sizeof id, "%5lld", (long long)r->id);
		draw_text(y, 4, 5, id, cur ? a : theme_attr(EL_EVIDENCE_MISSING));
		draw_text_clip(y, 11, w - 12, r->text, a);
		break;
	case R_CRIT:
		snprintf(id, sizeof id, "%d", r->year);
		draw_text(y, 4, 4, id, a);
		draw_text_clip(y, 10, 7, r->code, cur ? a : theme_attr(EL_EVIDENCE_MISSING));
		draw_text_clip(y, 18, w - 19, r->text, a);
		break;
	}
}

/* Where the cursor starts: on the first task, else the first criterion. */
static void place_cursor(struct missing_view *mv)
{
	if (mv->placed)
		return;
	mv->placed = true;
	int first = mv->ntasks ? 2 : 4;
	if (first < mv->kw.total)
		mv->kw.list.cur = first, mv->kw.list.top = 0;
}

/* A move whose rows were not read yet (End) may end on a blank row: once
 * read, the cursor goes on to the nearest other row, on in the direction of
 * the move first. */
static void settle(struct missing_view *mv)
{
	struct list *l = &mv->kw.list;
	for (int turn = 0; turn < 2 && is_blank(l->cur, &mv->kw); turn++) {
		int dir = (mv->dir ? mv->dir : 1) * (turn ? -1 : 1), c = l->cur;
		while (c >= 0 && c < l->n && is_blank(c, &mv->kw))
			c += dir;
		if (c >= 0 && c < l->n && kwin_row(&mv->kw, c))
			list_set(l, c);
	}
}

static void missing_draw(struct app *app, void *st, struct rect r)
{
	struct missing_view *mv = st;
	if (!mv->kw.loaded) {
		kwin_reload(app, &mv->kw, true);
		place_cursor(mv);
	}
	draw_fill_rect(r, theme_attr(EL_TEXT));
	attr_t a = theme_attr(EL_TITLE);
	draw_fill(r.y, 0, r.w, a);
	draw_text_clip(r.y, 1, r.w - 2, "Còn thiếu tài liệu kiểm chứng", a | A_BOLD);
	kwin_fit(app, &mv->kw, r.h - 1);
	settle(mv);
	const struct list *l = &mv->kw.list;
	for (int i = 0; i < l->height && l->top + i < l->n; i++)
		draw_row(mv, l->top + i, r.y + 1 + i, r.w);
}

static int missing_handle(struct app *app, void *st, enum action a)
{
	struct missing_view *mv = st;
	const struct mrow *cur = kwin_cur(&mv->kw);
	if (a == ACT_SELECT)
		return cur && cur->kind == R_TASK ? app_goto(app, "task", cur->id, 0) : UI_NONE;
	/* the cursor steps over blank rows in the direction of the move */
	int was = mv->kw.list.cur;
	if (!list_move_over(&mv->kw.list, a, is_blank, &mv->kw))
		return UI_NONE;
	mv->dir = mv->kw.list.cur >= was ? 1 : -1;
	mv->kw.nosel = false;
	return UI_VIEW;
}

/* "missing-task" (from the home screen): the list read again, the cursor
 * on task id wherever it is (0: the first task). */
static int missing_go(struct app *app, void *st, const char *kind, int64_t id, int64_t plan_id)
{
	struct missing_view *mv = st;
	if (strcmp(kind, "missing-task") != 0)
		return -1;
	kwin_reload(app, &mv->kw, true);
	mv->placed = false;
	place_cursor(mv);
	if (id)
		kwin_select(&mv->kw, id);
	return UI_ALL;
}

const struct view_class view_missing = {
	.name = "missing",
	.title = "Còn thiếu",
	.hints = missing_hints,
	.open = missing_open,
	.close = missing_close,
	.draw = missing_draw,
	.handle = missing_handle,
	.go = missing_go,
};
