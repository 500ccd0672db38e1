/* Việc cần làm: what the office must see at a glance. Tasks overdue and
 * due within N working days (the first few of each), then counts grouped in
 * SQL: by lead unit (done/total with a bar, overdue), by status, by plan
 * section. Enter on a task opens it; on a heading or a group, the task list
 * filtered to it. */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "core/task.h"
#include "text/utf8.h"
#include "ui/app.h"
#include "ui/list.h"

#define SHOW_TASKS 15

enum row_kind { R_BLANK, R_HEAD, R_TASK, R_MORE, R_UNIT, R_STATUS, R_SECTION };

struct arow {
	enum row_kind kind;
	const char *go;          /* app_goto kind for Enter, or NULL */
	int64_t id, plan_id;
	char *code, *text;       /* sanitised */
	char due[11];
	bool overdue;
	int total, done, late;
};

struct agenda_view {
	struct arow *v;
	int n, cap;
	struct list list;
	bool loaded;
	unsigned version;
	int within;
};

static const enum action agenda_hints[] = {
	ACT_HELP, ACT_QUIT, ACT_SELECT, ACT_MOVE_DOWN, ACT_SEARCH, ACT_VIEW_NEXT, ACT_NONE
};

static struct arow *add(struct agenda_view *av, enum row_kind k, const char *go, int64_t id,
			const char *code, const char *text)
{
	if (av->n == av->cap) {
		av->cap = av->cap ? av->cap * 2 : 64;
		av->v = xrealloc(av->v, (size_t)av->cap * sizeof *av->v);
	}
	struct arow *r = &av->v[av->n++];
	*r = (struct arow){ .kind = k, .go = go, .id = id };
	r->code = text_sanitize(code ? code : "");
	r->text = text_sanitize(text ? text : "");
	return r;
}

static void rows_clear(struct agenda_view *av)
{
	for (int i = 0; i < av->n; i++) {
		free(av->v[i].code);
		free(av->v[i].text);
	}
	av->n = 0;
}

/* A heading and the first tasks of a filter. */
static void add_tasks(struct app *app, struct agenda_view *av, struct task_filter *f,
		      const char *head, const char *go)
{
	struct task_info *v;
	int n;
	struct cchc_err err;
	f->limit = SHOW_TASKS + 1;
	if (task_list(app->db, f, &v, &n, &err) != CCHC_OK) {
		app_message(app, true, "%s", err.msg);
		n = 0, v = NULL;
	}
	/* the heading gives the real number, not just the rows shown */
	int total = n;
	if (n > SHOW_TASKS && task_count(app->db, f, &total, &err) != CCHC_OK) {
		app_message(app, true, "%s", err.msg);
		total = n;
	}
	struct sbuf b = SBUF_INIT;
	sbuf_addf(&b, "%s (%d)", head, total);
	add(av, R_HEAD, go, 0, NULL, b.s);
	sbuf_free(&b);
	for (int i = 0; i < n && i < SHOW_TASKS; i++) {
		struct arow *r = add(av, R_TASK, "task", v[i].id, v[i].lead_code, v[i].title);
		struct ymd d;
		if (date_parse_iso(v[i].due_on, &d))
			date_format_vn(d, r->due);
		r->overdue = v[i].overdue;
		r->plan_id = v[i].plan_id;
	}
	if (n > SHOW_TASKS)
		add(av, R_MORE, go, 0, NULL, "… xem tất cả trong màn Nhiệm vụ");
	if (!n)
		add(av, R_BLANK, NULL, 0, NULL, "  (không có)");
	add(av, R_BLANK, NULL, 0, NULL, "");
	task_list_free(v, n);
}

static void add_groups(struct app *app, struct agenda_view *av, enum task_group_by by,
		       const char *head, enum row_kind k, const char *go)
{
	struct task_group *g;
	int n;
	struct cchc_err err;
	/* the plan in view (a province's ten years of plans summed together
	 * would say little, and cost 0.1 s) */
	if (task_groups(app->db, by, app_plan_id(app), &g, &n, &err) != CCHC_OK) {
		app_message(app, true, "%s", err.msg);
		return;
	}
	add(av, R_HEAD, NULL, 0, NULL, head);
	for (int i = 0; i < n; i++) {
		struct sbuf b = SBUF_INIT;
		sbuf_addf(&b, "%s%s%s", k == R_SECTION ? g[i].code : "", k == R_SECTION ? " " : "",
			  g[i].label);
		struct arow *r = add(av, k, go, g[i].id, g[i].code, b.s);
		sbuf_free(&b);
		r->total = g[i].total, r->done = g[i].done, r->late = g[i].overdue;
		r->plan_id = g[i].plan_id;
	}
	if (!n)
		add(av, R_BLANK, NULL, 0, NULL, "  (chưa có nhiệm vụ)");
	add(av, R_BLANK, NULL, 0, NULL, "");
	task_groups_free(g, n);
}

static void load(struct app *app, struct agenda_view *av)
{
	rows_clear(av);
	av->within = app_due_within(app);
	struct task_filter f = { .status = -1, .due_within = -1, .overdue = true };
	add_tasks(app, av, &f, "Quá hạn", "tasks-overdue");
	struct task_filter s = { .status = -1, .due_within = av->within };
	char head[96];
	snprintf(head, sizeof head, "Đến hạn trong %d ngày làm việc", av->within);
	add_tasks(app, av, &s, head, "tasks-due-soon");
	add_groups(app, av, TASK_BY_UNIT, "Theo đơn vị chủ trì: hoàn thành/tổng số, quá hạn",
		   R_UNIT, "tasks-unit");
	add_groups(app, av, TASK_BY_STATUS, "Theo trạng thái", R_STATUS, "tasks-status");
	add_groups(app, av, TASK_BY_SECTION, "Theo đề mục của kế hoạch: hoàn thành/tổng số",
		   R_SECTION, "tasks-section");
	/* no separator after the last group: End lands on a real row */
	while (av->n && av->v[av->n - 1].kind == R_BLANK && !*av->v[av->n - 1].text) {
		av->n--;
		free(av->v[av->n].code);
		free(av->v[av->n].text);
	}
	av->list.n = av->n;
	av->loaded = true;
	av->version = app->data_version;
}

static void *agenda_open(struct app *app)
{
	return xcalloc(1, sizeof(struct agenda_view));
}

static void agenda_close(void *st)
{
	struct agenda_view *av = st;
	rows_clear(av);
	free(av->v);
	free(av);
}

/* ---- drawing ---- */

static int draw_bar(int y, int x, int w, int done, int total, attr_t a)
{
	int fill = total ? done * w / total : 0;
	for (int i = 0; i < w; i++)
		draw_text(y, x + i, 1, i < fill ? "█" : "░", i < fill ? theme_attr(EL_AGENDA_BAR) : a);
	return w;
}

static void draw_group(const struct arow *r, int y, int w, attr_t a, bool cur)
{
	char nums[48];
	int x = 4;
	if (r->kind == R_UNIT) {
		draw_text_clip(y, x, 7, r->code, a | A_BOLD);
		x += 8;
	}
	if (r->kind != R_STATUS)
		x += draw_bar(y, x, w >= 100 ? 20 : 10, r->done, r->total, a) + 1;
	snprintf(nums, sizeof nums, r->kind == R_STATUS ? "%3d" : "%3d/%-3d", r->kind == R_STATUS ?
		 r->total : r->done, r->total);
	if (r->kind == R_STATUS) {
		draw_text_clip(y, x, 18, r->text, a);
		x += 18;
	}
	x += draw_text(y, x, w - x, nums, a) + 1;
	if (r->kind != R_SECTION) {
		char late[32];
		snprintf(late, sizeof late, "quá hạn %d", r->late);
		draw_text(y, x, 12, late, r->late && !cur ? theme_attr(EL_TASK_OVERDUE) : a);
		x += 12;
	}
	if (r->kind != R_STATUS)
		draw_text_clip(y, x, w - x - 1, r->text, a);
}

static void draw_row(struct agenda_view *av, int k, int y, int w)
{
	const struct arow *r = &av->v[k];
	bool cur = k == av->list.cur;
	attr_t a = theme_attr(cur ? EL_CURSOR : EL_TEXT);
	draw_fill(y, 0, w, r->kind == R_HEAD && !cur ? theme_attr(EL_TEXT) : a);
	if (cur)
		draw_text(y, 0, 1, "›", a);
	char id[16];
	switch (r->kind) {
	case R_HEAD: draw_text_clip(y, 2, w - 3, r->text, cur ? a : theme_attr(EL_LIST_HEADER)); break;
	case R_BLANK: draw_text(y, 2, w - 3, r->text, a); break;
	case R_MORE: draw_text_clip(y, 4, w - 5, r->text, a | A_DIM); break;
	case R_TASK:
		snprintf(id, sizeof id, "%5lld", (long long)r->id);
		draw_text(y, 2, 5, id, a);
		draw_text(y, 9, 10, *r->due ? r->due : "-", r->overdue && !cur ? theme_attr(EL_TASK_OVERDUE)
			  : !cur ? theme_attr(EL_TASK_DUE_SOON) : a);
		draw_text_clip(y, 21, 7, r->code, a);
		draw_text_clip(y, 29, w - 30, r->text, a);
		break;
	default: draw_group(r, y, w, a, cur); break;
	}
}

static void agenda_draw(struct app *app, void *st, struct rect r)
{
	struct agenda_view *av = st;
	if (!av->loaded || av->version != app->data_version)
		load(app, av);
	draw_fill_rect(r, theme_attr(EL_TEXT));
	struct ymd t;
	struct cchc_err err;
	char today[11] = "";
	if (date_today(&t, &err) == CCHC_OK)
		date_format_vn(t, today);
	char title[96];
	snprintf(title, sizeof title, "Việc cần làm · hôm nay %s", today);
	attr_t a = theme_attr(EL_TITLE);
	draw_fill(r.y, 0, r.w, a);
	draw_text_clip(r.y, 1, r.w - 2, title, a | A_BOLD);
	list_fit(&av->list, r.h - 1);
	for (int i = 0; i < av->list.height && av->list.top + i < av->n; i++)
		draw_row(av, av->list.top + i, r.y + 1 + i, r.w);
}

static int agenda_select(struct app *app, struct agenda_view *av)
{
	if (!av->n)
		return UI_NONE;
	const struct arow *r = &av->v[av->list.cur];
	if (!r->go)
		return UI_NONE;
	return app_goto(app, r->go, r->id, r->plan_id);
}

static int agenda_handle(struct app *app, void *st, enum action a)
{
	struct agenda_view *av = st;
	if (a == ACT_SELECT)
		return agenda_select(app, av);
	int was = av->list.cur;
	if (!list_move(&av->list, a))
		return UI_NONE;
	/* step over blank rows in the direction of the move; at either end,
	 * back the other way to the nearest real row */
	int dir = av->list.cur >= was ? 1 : -1;
	int c = av->list.cur;
	while (c >= 0 && c < av->n && av->v[c].kind == R_BLANK)
		c += dir;
	if (c < 0 || c >= av->n)
		for (c = av->list.cur; c >= 0 && c < av->n && av->v[c].kind == R_BLANK; c -= dir)
			;
	if (c >= 0 && c < av->n)
		list_set(&av->list, c);
	return UI_VIEW;
}

const struct view_class view_agenda = {
	.name = "agenda",
	.title = "Việc cần làm",
	.hints = agenda_hints,
	.open = agenda_open,
	.close = agenda_close,
	.draw = agenda_draw,
	.handle = agenda_handle,
};
