/* Còn thiếu: what still lacks evidence (evidence_missing): finished tasks
 * without any record, grouped under their lead unit's code, then scored
 * criteria without any. Enter on a task opens it on the tasks screen. */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "core/evidence.h"
#include "text/utf8.h"
#include "ui/app.h"
#include "ui/list.h"

enum row_kind { R_BLANK, R_HEAD, R_UNIT, R_TASK, R_CRIT };

struct mrow {
	enum row_kind kind;
	int64_t id;
	int year;
	char *code, *text;       /* sanitised */
};

struct missing_view {
	struct mrow *v;
	int n, cap;
	struct list list;
	bool loaded;
	unsigned version;
};

static const enum action missing_hints[] = {
	ACT_HELP, ACT_SELECT, ACT_MOVE_DOWN, ACT_VIEW_NEXT, ACT_QUIT, ACT_NONE
};

static void add(struct missing_view *mv, enum row_kind k, int64_t id, const char *code,
		const char *text)
{
	if (mv->n == mv->cap) {
		mv->cap = mv->cap ? mv->cap * 2 : 64;
		mv->v = xrealloc(mv->v, (size_t)mv->cap * sizeof *mv->v);
	}
	mv->v[mv->n++] = (struct mrow){ k, id, 0, text_sanitize(code ? code : ""),
					text_sanitize(text ? text : "") };
}

static void rows_clear(struct missing_view *mv)
{
	for (int i = 0; i < mv->n; i++) {
		free(mv->v[i].code);
		free(mv->v[i].text);
	}
	mv->n = 0;
}

/* Tasks come ordered by unit code: a heading before each new code. */
static void add_tasks(struct missing_view *mv, const struct missing_row *t, int n)
{
	char head[160];
	snprintf(head, sizeof head, "Nhiệm vụ đã hoàn thành chưa có tài liệu kiểm chứng (%d)", n);
	add(mv, R_HEAD, 0, NULL, head);
	for (int i = 0; i < n; i++) {
		if (i == 0 || strcmp(t[i].code, t[i - 1].code))
			add(mv, R_UNIT, 0, NULL, *t[i].code ? t[i].code : "(chưa giao đơn vị)");
		add(mv, R_TASK, t[i].id, t[i].code, t[i].title);
	}
	if (!n)
		add(mv, R_BLANK, 0, NULL, "  (không có)");
	add(mv, R_BLANK, 0, NULL, "");
}

static void add_criteria(struct missing_view *mv, const struct missing_row *c, int n)
{
	char head[160];
	snprintf(head, sizeof head, "Tiêu chí đã chấm điểm chưa có tài liệu kiểm chứng (%d)", n);
	add(mv, R_HEAD, 0, NULL, head);
	for (int i = 0; i < n; i++) {
		add(mv, R_CRIT, c[i].id, c[i].code, c[i].title);
		mv->v[mv->n - 1].year = c[i].year;
	}
	if (!n)
		add(mv, R_BLANK, 0, NULL, "  (không có)");
}

static void load(struct app *app, struct missing_view *mv)
{
	rows_clear(mv);
	struct missing_row *t, *c;
	int nt, nc;
	struct cchc_err err;
	if (evidence_missing(app->db, &t, &nt, &c, &nc, &err)) {
		app_message(app, true, "%s", err.msg);
		t = c = NULL, nt = nc = 0;
	}
	add_tasks(mv, t, nt);
	add_criteria(mv, c, nc);
	missing_rows_free(t, nt);
	missing_rows_free(c, nc);
	mv->list.n = mv->n;
	/* the cursor starts on the first task or criterion */
	int first = 0;
	while (first < mv->n && mv->v[first].kind != R_TASK && mv->v[first].kind != R_CRIT)
		first++;
	if (first < mv->n && (!mv->loaded || mv->list.cur >= mv->n ||
			      mv->v[mv->list.cur].kind == R_BLANK))
		list_set(&mv->list, first);
	mv->loaded = true;
	mv->version = app->data_version;
}

static void *missing_open(struct app *app)
{
	return xcalloc(1, sizeof(struct missing_view));
}

static void missing_close(void *st)
{
	struct missing_view *mv = st;
	rows_clear(mv);
	free(mv->v);
	free(mv);
}

static void draw_row(struct missing_view *mv, int k, int y, int w)
{
	const struct mrow *r = &mv->v[k];
	bool cur = k == mv->list.cur;
	attr_t a = theme_attr(cur ? EL_CURSOR : EL_TEXT);
	draw_fill(y, 0, w, a);
	if (cur)
		draw_text(y, 0, 1, "›", a);
	char id[16];
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

static void missing_draw(struct app *app, void *st, struct rect r)
{
	struct missing_view *mv = st;
	if (!mv->loaded || mv->version != app->data_version)
		load(app, mv);
	draw_fill_rect(r, theme_attr(EL_TEXT));
	attr_t a = theme_attr(EL_TITLE);
	draw_fill(r.y, 0, r.w, a);
	draw_text_clip(r.y, 1, r.w - 2, "Còn thiếu tài liệu kiểm chứng", a | A_BOLD);
	list_fit(&mv->list, r.h - 1);
	for (int i = 0; i < mv->list.height && mv->list.top + i < mv->n; i++)
		draw_row(mv, mv->list.top + i, r.y + 1 + i, r.w);
}

static int missing_handle(struct app *app, void *st, enum action a)
{
	struct missing_view *mv = st;
	if (a == ACT_SELECT) {
		if (!mv->n || mv->v[mv->list.cur].kind != R_TASK)
			return UI_NONE;
		return app_goto(app, "task", mv->v[mv->list.cur].id, 0);
	}
	int was = mv->list.cur;
	if (!list_move(&mv->list, a))
		return UI_NONE;
	/* step over blank rows in the direction of the move */
	int dir = mv->list.cur >= was ? 1 : -1, c = mv->list.cur;
	while (c >= 0 && c < mv->n && mv->v[c].kind == R_BLANK)
		c += dir;
	if (c < 0 || c >= mv->n)
		for (c = mv->list.cur; c >= 0 && c < mv->n && mv->v[c].kind == R_BLANK; c -= dir)
			;
	if (c >= 0 && c < mv->n)
		list_set(&mv->list, c);
	return UI_VIEW;
}

/* "missing-task" (from the home screen): the list read again, the cursor
 * on task id (0: the first task). */
static int missing_go(struct app *app, void *st, const char *kind, int64_t id, int64_t plan_id)
{
	struct missing_view *mv = st;
	if (strcmp(kind, "missing-task") != 0)
		return -1;
	load(app, mv);
	for (int k = 0; k < mv->n; k++)
		if (mv->v[k].kind == R_TASK && (mv->v[k].id == id || !id)) {
			list_set(&mv->list, k);
			break;
		}
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
